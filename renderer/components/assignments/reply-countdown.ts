// What a handed-over assignment says about its reply (交办后两周内答复): the 答复期限 fixed at handoff,
// the days left, amber when `yellowDays` or fewer are left, red once it has passed.
import { formatChineseMonthDay, warningLevel } from '../../../shared/domain/deadlines';
import type { HolidayTable } from '../../../shared/domain/holidays';
import type { Assignment, DeadlineRules, IsoDate, Warning } from '../../../shared/domain/types';

export interface ReplyCountdown {
  text: string;
  warning: Warning;
  warnings: string[];
}

/** The countdown while the department's reply is awaited; undefined before handoff and once replied. */
export function replyCountdown(
  a: Assignment,
  today: IsoDate,
  rules: DeadlineRules,
  table: HolidayTable,
): ReplyCountdown | undefined {
  if (!a.replyDueAt || (a.status !== 'handed_off' && a.status !== 'redo')) return undefined;
  const { warning, daysLeft, warnings } = warningLevel(today, a.replyDueAt, rules, table);
  const due = formatChineseMonthDay(a.replyDueAt);
  if (warning === 'red') return { text: `已超期${-daysLeft}天（应于${due}前答复）`, warning, warnings };
  if (daysLeft === 0) return { text: `今天到期（${due}）`, warning: 'yellow', warnings };
  const unit = rules.dayKind === 'working' ? '个工作日' : '天';
  return { text: `还剩${daysLeft}${unit}（${due}前答复）`, warning, warnings };
}
