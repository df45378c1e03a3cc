/**
 * Calendar arithmetic on `IsoDate` strings and the working-day rule.
 *
 * Dates are turned into integer day numbers (days since 1970-01-01 in the proleptic Gregorian calendar) with
 * pure integer formulas, never through `new Date('YYYY-MM-DD')`: that parses as UTC midnight while `getDate()`
 * reads local time, which shifts the day by one west of Greenwich. Nothing here depends on the machine's zone.
 */
import type { EpochMs, HolidayTable, IsoDate } from './types';

const MS_PER_DAY = 86_400_000;
// China Standard Time has been UTC+8 all year round since 1992 (no daylight saving), so a fixed offset is exact
// for every date this application handles.
const CST_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** Year, month (1–12) and day (1–31) of a calendar date. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** How a day counts: an ordinary workday, a weekend, a statutory holiday, or a 调休 make-up workday. */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

/** True for a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `value` is a `YYYY-MM-DD` string naming a real calendar day. */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits an `IsoDate` into numbers; throws a RangeError with a Chinese message when it is not a real date. */
export function parseIsoDate(date: IsoDate): CivilDate {
  if (!isValidIsoDate(date)) {
    throw new RangeError(`日期“${String(date)}”格式不正确，应为YYYY-MM-DD格式的有效日期`);
  }
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Builds an `IsoDate` from numbers (no range check beyond what the formatting needs). */
export function formatIsoDate(civil: CivilDate): IsoDate {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(civil.year, 4)}-${pad(civil.month, 2)}-${pad(civil.day, 2)}`;
}

/** Days since 1970-01-01 (day 0); negative before it. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  // Howard Hinnant's days_from_civil: the year is shifted to start in March so that the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The `IsoDate` of a day number (days since 1970-01-01). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`日序号“${dayNumber}”应为整数`);
  // Howard Hinnant's civil_from_days, the inverse of toDayNumber.
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`天数“${days}”应为整数`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Orders two dates: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date.prototype.getDay`). */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** 星期一 … 星期日 for a date. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)] ?? '';
}

/** True on Saturday and Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** The China Standard Time (UTC+8) calendar date of an instant, whatever zone the machine is set to. */
export function toIsoDate(epochMs: EpochMs): IsoDate {
  if (!Number.isFinite(epochMs)) throw new RangeError(`时间戳“${epochMs}”无效`);
  return fromDayNumber(Math.floor((epochMs + CST_OFFSET_MS) / MS_PER_DAY));
}

/** True when the table has an entry for `year`, so that its holidays and make-up days are known. */
export function tableCoversYear(table: HolidayTable, year: number): boolean {
  return Object.hasOwn(table.years, String(year));
}

/**
 * How a day counts under the table. For a year the table does not cover, only weekends are known: callers that
 * need to say so (deadlines.ts) check `tableCoversYear` themselves.
 */
export function classifyDay(date: IsoDate, table: HolidayTable): DayType {
  const special = specialDays(table).get(date);
  if (special !== undefined) return special;
  // parseIsoDate inside isWeekend rejects malformed input, so a typo never silently counts as a workday.
  return isWeekend(date) ? 'weekend' : 'workday';
}

/** True when people work that day: weekdays and 调休 make-up days, but not weekends or statutory holidays. */
export function isWorkingDay(date: IsoDate, table: HolidayTable): boolean {
  const type = classifyDay(date, table);
  return type === 'workday' || type === 'makeup_workday';
}

// Tables are immutable values once built (SHIPPED_HOLIDAYS is frozen; parsed tables are fresh objects), so the
// date index can be built once per table. A deadline screen classifies thousands of days per render.
const specialDayIndex = new WeakMap<HolidayTable, Map<IsoDate, 'holiday' | 'makeup_workday'>>();

function specialDays(table: HolidayTable): Map<IsoDate, 'holiday' | 'makeup_workday'> {
  let index = specialDayIndex.get(table);
  if (index === undefined) {
    index = new Map();
    for (const entry of Object.values(table.years)) {
      for (const day of entry.workdays) index.set(day, 'makeup_workday');
      // A validated table never lists a day twice; if one slipped through, the day off wins.
      for (const day of entry.holidays) index.set(day, 'holiday');
    }
    specialDayIndex.set(table, index);
  }
  return index;
}
