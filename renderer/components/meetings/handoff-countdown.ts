// What the meetings list says about the two-day handoff window (会后两天内交办).
import { daysRemaining, handoffDue, formatChineseMonthDay } from '../../../shared/domain/deadlines';
import type { HolidayTable } from '../../../shared/domain/holidays';
import type { DeadlineRules, IsoDate, Meeting, Warning } from '../../../shared/domain/types';
import { compareIsoDates } from '../../../shared/domain/workdays';

/** One line for the list, its colour, and any warning about the holiday table. */
export interface HandoffCountdown {
  text: string;
  warning: Warning;
  warnings: string[];
}

/**
 * The countdown for a finished meeting whose assignments are not yet handed over; undefined for
 * meetings still ahead or already handed over. Amber on the last day, red when late.
 */
export function handoffCountdown(
  meeting: Meeting,
  today: IsoDate,
  rules: DeadlineRules,
  table: HolidayTable,
): HandoffCountdown | undefined {
  if (meeting.status !== 'signing' && meeting.status !== 'handoff') return undefined;
  const due = handoffDue(meeting.date, rules, table);
  const left = daysRemaining(today, due.date, rules.dayKind, table);
  const warnings = [...new Set([...due.warnings, ...left.warnings])];
  const dueText = formatChineseMonthDay(due.date);
  if (compareIsoDates(today, due.date) > 0) {
    return { text: `已超期${Math.abs(left.days)}天（应于${dueText}前交办）`, warning: 'red', warnings };
  }
  if (left.days <= 0) return { text: `今天是交办最后一天（${dueText}）`, warning: 'yellow', warnings };
  const unit = rules.dayKind === 'working' ? '个工作日' : '天';
  return { text: `还剩${left.days}${unit}（${dueText}前）`, warning: 'none', warnings };
}
