/**
 * 黄 / 红预警 of a 交办件 waiting for its reply, with the holiday table (deadlines.ts):
 * - 红 (办理超时) once the 答复期限 has passed without a reply;
 * - 黄 when `yellowDays` or fewer days (working days by default) are left without a reply, or nothing has been
 *   recorded for `staleDays` calendar days (推进缓慢).
 * An item that is not waiting for its department (已答复, 办结, 销号 …) or has gone to the level above (已转报) carries
 * none. Working days counted through a year the table lacks are still counted (weekends only) and say so.
 */
import { daysRemaining } from './deadlines';
import { awaitingReply, handedOffOn } from './follow-up';
import type { HolidayTable } from './holidays';
import { calendarDaysBetween, compareIsoDates } from './workdays';
import type { Assignment, DeadlineRules, IsoDate, Warning } from './types';

/** Where an open item stands today. */
export interface ItemStanding {
  warning: Warning;
  /** Why, in Chinese: 办理超时（逾期3天）, 剩余2个工作日未答复, 推进缓慢（9天无进展）. */
  reasons: string[];
  /** Days left to the 答复期限 in the rules' kind of day; negative once overdue; undefined when not waiting. */
  daysLeft?: number;
  /** Days past the 答复期限 (0 when not overdue). */
  daysOverdue: number;
  /** The 答复期限 is today. */
  dueToday: boolean;
  /** The holiday table did not cover a year the count ran through. */
  dueWarnings: string[];
}

const NONE: ItemStanding = { warning: 'none', reasons: [], daysOverdue: 0, dueToday: false, dueWarnings: [] };

/** The warning of `a` on `today` under the 设置 rules and the holiday table. */
export function itemStanding(
  a: Assignment,
  today: IsoDate,
  rules: DeadlineRules,
  table: HolidayTable,
): ItemStanding {
  const due = a.replyDueAt;
  if (!awaitingReply(a.status) || a.status === 'escalated' || !due) return NONE;
  const left = daysRemaining(today, due, rules.dayKind, table);
  const dueWarnings = [...left.warnings];
  const reasons: string[] = [];
  const overdue = compareIsoDates(today, due) > 0;
  const dayWord = rules.dayKind === 'working' ? '个工作日' : '天';
  let warning: Warning = 'none';
  if (overdue) {
    warning = 'red';
    reasons.push(`办理超时（逾期${-left.days}${dayWord}）`);
  } else {
    const yellowKind = rules.yellowDayKind;
    const toYellow = yellowKind === rules.dayKind ? left : daysRemaining(today, due, yellowKind, table);
    for (const w of toYellow.warnings) if (!dueWarnings.includes(w)) dueWarnings.push(w);
    if (toYellow.days <= rules.yellowDays)
      reasons.push(
        toYellow.days === 0
          ? '今日到期，尚未答复'
          : `剩余${toYellow.days}${yellowKind === 'working' ? '个工作日' : '天'}，尚未答复`,
      );
    const since = a.lastActivityOn ?? handedOffOn(a);
    const staleDays = rules.staleDays;
    const quiet = since ? calendarDaysBetween(since, today) : 0;
    if (quiet >= staleDays) reasons.push(`推进缓慢（${quiet}天无进展）`);
    if (reasons.length > 0) warning = 'yellow';
  }
  return {
    warning,
    reasons,
    daysLeft: left.days,
    daysOverdue: overdue ? -left.days : 0,
    dueToday: today === due,
    dueWarnings,
  };
}
