import { describe, expect, it } from 'vitest';
import { handoffCountdown } from '../../renderer/components/meetings/handoff-countdown';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS } from '../../shared/domain/holidays';
import type { Meeting } from '../../shared/domain/types';

const meeting = (date: string, status: Meeting['status'] = 'signing') =>
  ({ id: 'm', date, status }) as Meeting;
const calendar = { ...DEFAULT_DEADLINE_RULES, dayKind: 'calendar' as const };
const working = { ...DEFAULT_DEADLINE_RULES, dayKind: 'working' as const };

describe('handoffCountdown', () => {
  it('counts down the two days after the meeting, amber on the last day, red when late', () => {
    const m = meeting('2026-11-18');
    expect(handoffCountdown(m, '2026-11-18', calendar, SHIPPED_HOLIDAYS)).toMatchObject({
      text: '还剩2天（11月20日前）',
      warning: 'none',
    });
    expect(handoffCountdown(m, '2026-11-20', calendar, SHIPPED_HOLIDAYS)).toMatchObject({
      text: '今天是交办最后一天（11月20日）',
      warning: 'yellow',
    });
    expect(handoffCountdown(m, '2026-11-23', calendar, SHIPPED_HOLIDAYS)).toMatchObject({
      text: '已超期3天（应于11月20日前交办）',
      warning: 'red',
    });
  });

  it('in working days skips the weekend and the National Day holiday', () => {
    // Friday 2026-11-20: two working days later is Tuesday the 24th.
    expect(handoffCountdown(meeting('2026-11-20'), '2026-11-20', working, SHIPPED_HOLIDAYS)?.text).toBe(
      '还剩2个工作日（11月24日前）',
    );
    // Wednesday 2026-09-30: 10月1日–7日 off, 10月10日 (Saturday) a make-up workday.
    expect(handoffCountdown(meeting('2026-09-30'), '2026-09-30', working, SHIPPED_HOLIDAYS)?.text).toBe(
      '还剩2个工作日（10月9日前）',
    );
  });

  it('warns instead of guessing when the holiday table lacks the year', () => {
    const result = handoffCountdown(meeting('2027-03-01'), '2027-03-01', working, SHIPPED_HOLIDAYS);
    expect(result?.warnings.join('')).toMatch(/2027年/);
  });

  it('says nothing for meetings ahead or already handed over', () => {
    expect(
      handoffCountdown(meeting('2026-12-16', 'preparing'), '2026-11-22', calendar, SHIPPED_HOLIDAYS),
    ).toBeUndefined();
    expect(
      handoffCountdown(meeting('2026-11-18', 'handed_off'), '2026-11-22', calendar, SHIPPED_HOLIDAYS),
    ).toBeUndefined();
  });
});
