import { describe, expect, it } from 'vitest';
import {
  TIMER_WARNING_MS,
  broadcastElapsedMs,
  formatMinutesSeconds,
  timerDisplay,
  timerElapsedMs,
} from '../../../shared/domain/timer-display';

const MIN = 60_000;

describe('timerElapsedMs', () => {
  it('adds the running stretch to the time counted before', () => {
    expect(timerElapsedMs({ running: true, startedAt: 10_000, accumulatedMs: 5_000 }, 12_500)).toBe(7_500);
  });

  it('counts only the accumulated time while paused', () => {
    expect(timerElapsedMs({ running: false, startedAt: 10_000, accumulatedMs: 5_000 }, 99_000)).toBe(5_000);
    expect(timerElapsedMs({ running: true, accumulatedMs: 3_000 }, 99_000)).toBe(3_000);
  });

  it('never goes backwards past the start or below zero', () => {
    expect(timerElapsedMs({ running: true, startedAt: 10_000, accumulatedMs: 0 }, 9_000)).toBe(0);
    expect(timerElapsedMs({ running: false, accumulatedMs: -5 }, 0)).toBe(0);
  });
});

describe('broadcastElapsedMs', () => {
  const broadcast = { timer: { running: true, startedAt: 1_000_000, accumulatedMs: 0 }, sentAt: 1_030_000 };

  it('reads the sender’s time at sending plus the time since arrival', () => {
    // The receiver's clock runs 5 minutes ahead of the sender's: that must not show.
    const receivedAt = 1_030_000 + 5 * MIN;
    expect(broadcastElapsedMs(broadcast, receivedAt, receivedAt)).toBe(30_000);
    expect(broadcastElapsedMs(broadcast, receivedAt, receivedAt + 12_000)).toBe(42_000);
  });

  it('stays put for a paused timer', () => {
    const paused = { timer: { running: false, accumulatedMs: 90_000 }, sentAt: 5 };
    expect(broadcastElapsedMs(paused, 100, 100_000)).toBe(90_000);
  });
});

describe('formatMinutesSeconds', () => {
  it('pads to MM:SS and keeps counting past an hour', () => {
    expect(formatMinutesSeconds(0)).toBe('00:00');
    expect(formatMinutesSeconds(59.9)).toBe('00:59');
    expect(formatMinutesSeconds(8 * 60)).toBe('08:00');
    expect(formatMinutesSeconds(75 * 60 + 3)).toBe('75:03');
    expect(formatMinutesSeconds(125 * 60)).toBe('125:00');
    expect(formatMinutesSeconds(-3)).toBe('00:00');
  });
});

describe('timerDisplay', () => {
  const limit = 8 * MIN;

  it('counts down from the limit, rounding up', () => {
    expect(timerDisplay(0, limit)).toEqual({
      phase: 'normal',
      text: '08:00',
      caption: '剩余时间',
      remainingMs: limit,
    });
    expect(timerDisplay(999, limit).text).toBe('08:00');
    expect(timerDisplay(1_000, limit).text).toBe('07:59');
    expect(timerDisplay(3 * MIN + 17_400, limit).text).toBe('04:43');
  });

  it('turns amber with one minute or less left', () => {
    expect(timerDisplay(limit - TIMER_WARNING_MS - 1, limit)).toMatchObject({
      phase: 'normal',
      text: '01:01',
    });
    expect(timerDisplay(limit - TIMER_WARNING_MS, limit)).toMatchObject({ phase: 'warning', text: '01:00' });
    expect(timerDisplay(limit - 1, limit)).toMatchObject({ phase: 'warning', text: '00:01' });
    expect(timerDisplay(limit, limit)).toMatchObject({ phase: 'warning', text: '00:00', remainingMs: 0 });
  });

  it('turns red and counts the overtime up', () => {
    expect(timerDisplay(limit + 1, limit)).toMatchObject({
      phase: 'overtime',
      text: '+00:00',
      caption: '超时',
    });
    expect(timerDisplay(limit + 65_900, limit)).toEqual({
      phase: 'overtime',
      text: '+01:05',
      caption: '超时',
      remainingMs: -65_900,
    });
  });

  it('counts up when there is no limit', () => {
    expect(timerDisplay(125_000, 0)).toEqual({
      phase: 'normal',
      text: '02:05',
      caption: '发言用时',
      remainingMs: 0,
    });
    expect(timerDisplay(125_000, Number.NaN).caption).toBe('发言用时');
  });
});
