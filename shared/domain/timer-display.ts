/**
 * The speaking timer as the projector shows it: a countdown from the speaker's limit, amber in the
 * last minute, red and counting up once the time is over. Pure functions of time, so the projector
 * runs its own clock from one `LiveBroadcast` instead of needing a message every second.
 */
import type { LiveBroadcast, TimerState } from './live';
import type { EpochMs } from './types';

/** The last stretch before the limit in which the countdown turns amber (one minute). */
export const TIMER_WARNING_MS = 60_000;

/** 正常 / 最后一分钟 / 超时. */
export type TimerPhase = 'normal' | 'warning' | 'overtime';

/** What the timer face shows. */
export interface TimerDisplay {
  phase: TimerPhase;
  /** `MM:SS` left in the countdown, or `+MM:SS` over the limit. */
  text: string;
  /** The caption above the digits: 剩余时间 / 超时 / 发言用时 (no limit). */
  caption: string;
  /** Milliseconds left (negative when over). */
  remainingMs: number;
}

/** Time a timer has counted at `now` (same clock as `startedAt`), never negative. */
export function timerElapsedMs(timer: TimerState, now: EpochMs): number {
  const running = timer.running && timer.startedAt !== undefined ? Math.max(0, now - timer.startedAt) : 0;
  return Math.max(0, timer.accumulatedMs + running);
}

/**
 * Elapsed time of a broadcast's timer, read on the receiver's clock: the sender's "now" is taken as
 * `sentAt` plus the time since the message arrived, so a clock difference between windows cancels out.
 */
export function broadcastElapsedMs(
  broadcast: Pick<LiveBroadcast, 'timer' | 'sentAt'>,
  receivedAt: EpochMs,
  localNow: EpochMs,
): number {
  return timerElapsedMs(broadcast.timer, broadcast.sentAt + Math.max(0, localNow - receivedAt));
}

/** `MM:SS` of whole seconds; minutes keep counting past 59 (`75:03`). */
export function formatMinutesSeconds(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The timer face for `elapsedMs` against `limitMs`. The countdown rounds up, so it shows `08:00`
 * for the whole first second and reaches `00:00` exactly at the limit; overtime rounds down.
 * Without a limit (`limitMs` ≤ 0) it simply counts up.
 */
export function timerDisplay(elapsedMs: number, limitMs: number): TimerDisplay {
  const elapsed = Math.max(0, elapsedMs);
  if (!(limitMs > 0)) {
    return {
      phase: 'normal',
      text: formatMinutesSeconds(elapsed / 1000),
      caption: '发言用时',
      remainingMs: 0,
    };
  }
  const remainingMs = limitMs - elapsed;
  if (remainingMs < 0) {
    return {
      phase: 'overtime',
      text: `+${formatMinutesSeconds(-remainingMs / 1000)}`,
      caption: '超时',
      remainingMs,
    };
  }
  return {
    phase: remainingMs <= TIMER_WARNING_MS ? 'warning' : 'normal',
    text: formatMinutesSeconds(Math.ceil(remainingMs / 1000)),
    caption: '剩余时间',
    remainingMs,
  };
}
