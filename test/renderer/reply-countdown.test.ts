import { describe, expect, it } from 'vitest';
import { replyCountdown } from '../../renderer/components/assignments/reply-countdown';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS } from '../../shared/domain/holidays';
import type { Assignment } from '../../shared/domain/types';

const handedOff = (replyDueAt: string | undefined, status: Assignment['status'] = 'handed_off') =>
  ({ id: 'a', status, ...(replyDueAt ? { replyDueAt } : {}) }) as Assignment;
const calendar = { ...DEFAULT_DEADLINE_RULES, dayKind: 'calendar' as const };
const working = { ...DEFAULT_DEADLINE_RULES, dayKind: 'working' as const };

describe('replyCountdown', () => {
  it('counts down to the 答复期限, amber within the warning days, red once it has passed', () => {
    const a = handedOff('2026-12-07');
    expect(replyCountdown(a, '2026-11-23', calendar, SHIPPED_HOLIDAYS)).toMatchObject({
      text: '还剩14天（12月7日前答复）',
      warning: 'none',
    });
    expect(replyCountdown(a, '2026-12-04', calendar, SHIPPED_HOLIDAYS)).toMatchObject({
      text: '还剩3天（12月7日前答复）',
      warning: 'yellow',
    });
    expect(replyCountdown(a, '2026-12-07', calendar, SHIPPED_HOLIDAYS)).toMatchObject({
      text: '今天到期（12月7日）',
      warning: 'yellow',
    });
    expect(replyCountdown(a, '2026-12-09', calendar, SHIPPED_HOLIDAYS)).toMatchObject({
      text: '已超期2天（应于12月7日前答复）',
      warning: 'red',
    });
  });

  it('counts working days when the settings say so', () => {
    // Friday 2026-12-04 → Monday 2026-12-07 is one working day.
    expect(replyCountdown(handedOff('2026-12-07'), '2026-12-04', working, SHIPPED_HOLIDAYS)?.text).toBe(
      '还剩1个工作日（12月7日前答复）',
    );
  });

  it('says nothing before handoff, once replied, or for an item handed over before 答复期限 was kept', () => {
    expect(replyCountdown(handedOff('2026-12-07', 'signed'), '2026-11-23', calendar, SHIPPED_HOLIDAYS)).toBe(
      undefined,
    );
    expect(replyCountdown(handedOff('2026-12-07', 'replied'), '2026-11-23', calendar, SHIPPED_HOLIDAYS)).toBe(
      undefined,
    );
    expect(replyCountdown(handedOff(undefined), '2026-11-23', calendar, SHIPPED_HOLIDAYS)).toBe(undefined);
    // 重新办理 after an unsatisfied evaluation waits for a reply again.
    expect(
      replyCountdown(handedOff('2026-12-07', 'redo'), '2026-12-01', calendar, SHIPPED_HOLIDAYS)?.warning,
    ).toBe('none');
  });
});
