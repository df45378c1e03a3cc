/**
 * Deadlines in calendar or working days (docs/architecture.md, "Glossary"): 会后两天内交办, 两周内回复, yellow and red warnings.
 *
 * When working days run into a year the holiday table does not cover, the answer is still computed (weekends
 * only) but always comes with a warning that says so: a deadline must never be a silent guess.
 */
import type { DayKind, DeadlineRules, IsoDate, Warning } from './types';
import type { HolidayTable } from './holidays';
import {
  addCalendarDays,
  fromDayNumber,
  isWorkingDay,
  parseIsoDate,
  tableCoversYear,
  toDayNumber,
} from './workdays';

/**
 * The defaults of 设置: handoff 2 days after the meeting, reply 14 days after handoff, yellow at 3 working days
 * left or after 7 days without a step (推进缓慢). Rules saved before a field existed take its default.
 */
export const DEFAULT_DEADLINE_RULES: Readonly<DeadlineRules> = Object.freeze({
  handoffDays: 2,
  replyDays: 14,
  yellowDays: 3,
  dayKind: 'calendar',
  yellowDayKind: 'working',
  staleDays: 7,
});

/** A computed date with any warnings about how reliable it is. */
export interface DeadlineResult {
  date: IsoDate;
  warnings: string[];
}

/** Days left until a due date (negative when overdue) with any reliability warnings. */
export interface DaysRemainingResult {
  days: number;
  warnings: string[];
}

/** The warning level of an open item. */
export interface WarningLevelResult {
  warning: Warning;
  daysLeft: number;
  warnings: string[];
}

// Far beyond any real deadline; stops a corrupt table (every day a holiday) from looping for ever.
const MAX_SCAN_DAYS = 3660;

/** The message shown when working days are counted through a year the holiday table lacks. */
export function uncoveredYearWarning(year: number): string {
  return `节假日表未包含${year}年的数据，按周末计算，结果可能不准确，请在设置中导入${year}年节假日安排`;
}

/**
 * The date `days` days after `start`. Working days skip weekends and holidays and count 调休 make-up days; the
 * start day itself is not counted, so 2 working days after a Friday meeting is the Tuesday. Negative `days`
 * count backwards the same way.
 */
export function addDays(start: IsoDate, days: number, kind: DayKind, table: HolidayTable): DeadlineResult {
  requireInteger(days, '天数');
  if (kind === 'calendar') return { date: addCalendarDays(start, days), warnings: [] };
  requireDayKind(kind);

  const step = days < 0 ? -1 : 1;
  const seen = new YearWatch(table);
  let dayNumber = toDayNumber(start);
  let counted = 0;
  let scanned = 0;
  while (counted < Math.abs(days)) {
    dayNumber += step;
    scanned += 1;
    if (scanned > MAX_SCAN_DAYS + Math.abs(days) * 7) {
      throw new RangeError(`在${MAX_SCAN_DAYS}天内找不到足够的工作日，请检查节假日表`);
    }
    const date = fromDayNumber(dayNumber);
    seen.note(date);
    if (isWorkingDay(date, table)) counted += 1;
  }
  return { date: fromDayNumber(dayNumber), warnings: seen.warnings() };
}

/**
 * Days from `today` until `due`: 0 on the due date, negative once it has passed. Working days are counted over
 * (today, due], the same way `addDays` counts, so `daysRemaining(d, addDays(d, n).date)` is `n`. An item overdue
 * only by a weekend still reports -1: overdue is overdue.
 */
export function daysRemaining(
  today: IsoDate,
  due: IsoDate,
  kind: DayKind,
  table: HolidayTable,
): DaysRemainingResult {
  const from = toDayNumber(today);
  const to = toDayNumber(due);
  if (kind === 'calendar') return { days: to - from, warnings: [] };
  requireDayKind(kind);

  const seen = new YearWatch(table);
  const countWorking = (first: number, last: number): number => {
    let count = 0;
    for (let n = first; n <= last; n += 1) {
      const date = fromDayNumber(n);
      seen.note(date);
      if (isWorkingDay(date, table)) count += 1;
    }
    return count;
  };
  const days = to >= from ? countWorking(from + 1, to) : -Math.max(1, countWorking(to + 1, from));
  return { days, warnings: seen.warnings() };
}

/** Red when overdue, yellow when `rules.yellowDays` or fewer days are left, otherwise none. */
export function warningLevel(
  today: IsoDate,
  due: IsoDate,
  rules: DeadlineRules,
  table: HolidayTable,
): WarningLevelResult {
  requireInteger(rules.yellowDays, '预警天数');
  const { days, warnings } = daysRemaining(today, due, rules.dayKind, table);
  const overdue = toDayNumber(today) > toDayNumber(due);
  const warning: Warning = overdue ? 'red' : days <= rules.yellowDays ? 'yellow' : 'none';
  return { warning, daysLeft: days, warnings };
}

/** The latest day to hand the assignments of a meeting to the departments (会后N天内交办). */
export function handoffDue(meetingDate: IsoDate, rules: DeadlineRules, table: HolidayTable): DeadlineResult {
  requireNonNegative(rules.handoffDays, '交办期限');
  return addDays(meetingDate, rules.handoffDays, rules.dayKind, table);
}

/** The day a department's reply is due (交办后N天内回复). */
export function replyDue(handedOffDate: IsoDate, rules: DeadlineRules, table: HolidayTable): DeadlineResult {
  requireNonNegative(rules.replyDays, '回复期限');
  return addDays(handedOffDate, rules.replyDays, rules.dayKind, table);
}

/**
 * 答复期限 of an assignment handed over on `handedOffDate`. Handed over within the window (会后N天内交办),
 * it is the 办理时限 the leader signed and the 交办单 prints. Handed over late, the department still gets
 * the time the leader gave it, counted from the day it received the sheet: the signed date moves on by
 * as many days (of the rules' kind) as the handoff was late. Without a signed date: N days after handoff.
 */
export function handedOffReplyDue(
  signedDue: IsoDate | undefined,
  meetingDate: IsoDate,
  handedOffDate: IsoDate,
  rules: DeadlineRules,
  table: HolidayTable,
): DeadlineResult {
  if (!signedDue) return replyDue(handedOffDate, rules, table);
  const windowEnd = handoffDue(meetingDate, rules, table);
  if (toDayNumber(handedOffDate) <= toDayNumber(windowEnd.date))
    return { date: signedDue, warnings: windowEnd.warnings };
  // The leader's span, from the end of the window to the signed date (none when it fell inside the window).
  const span = daysRemaining(windowEnd.date, signedDue, rules.dayKind, table);
  const moved = addDays(handedOffDate, Math.max(0, span.days), rules.dayKind, table);
  return {
    date: moved.date,
    warnings: [...new Set([...windowEnd.warnings, ...span.warnings, ...moved.warnings])],
  };
}

/** A date the way Chinese documents write it: `2026年11月18日`, no leading zeros. */
export function formatChineseDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** The same without the year, for short labels: `11月18日`. */
export function formatChineseMonthDay(date: IsoDate): string {
  const { month, day } = parseIsoDate(date);
  return `${month}月${day}日`;
}

/** Collects the uncovered years met while scanning, once each, in ascending order. */
class YearWatch {
  private readonly table: HolidayTable;
  private readonly missing = new Set<number>();
  private lastYear = Number.NaN;

  constructor(table: HolidayTable) {
    this.table = table;
  }

  note(date: IsoDate): void {
    const year = Number(date.slice(0, 4));
    if (year === this.lastYear) return;
    this.lastYear = year;
    if (!tableCoversYear(this.table, year)) this.missing.add(year);
  }

  warnings(): string[] {
    return [...this.missing].sort((a, b) => a - b).map(uncoveredYearWarning);
  }
}

function requireInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${what}“${value}”应为整数`);
}

function requireNonNegative(value: number, what: string): void {
  requireInteger(value, what);
  if (value < 0) throw new RangeError(`${what}“${value}”不能为负数`);
}

function requireDayKind(kind: string): void {
  if (kind !== 'working') throw new RangeError(`期限计算方式“${kind}”无效，应为自然日或工作日`);
}
