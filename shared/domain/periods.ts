/**
 * 统计 periods: a calendar month, a quarter, a year or any run of days, in China's calendar (IsoDate strings, never
 * instants: a meeting on 2026-11-30 belongs to November whatever the machine's time zone). Periods are inclusive
 * of both ends.
 */
import { daysInMonth, fromDayNumber, isValidIsoDate, parseIsoDate, toDayNumber } from './workdays';
import type { IsoDate } from './types';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** A run of days, with how it is named in Chinese (2026年11月, 2026年第四季度, 2026年, 2026年11月3日至12月5日). */
export interface Period {
  kind: PeriodKind;
  from: IsoDate;
  to: IsoDate;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    label: `${year}年${month}月`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(first + 2)}-${pad(daysInMonth(year, first + 2))}`,
    label: `${year}年${QUARTER_NAMES[quarter - 1]}`,
  };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
}

/** Days from `from` to `to` (swapped when given backwards); throws a RangeError for a date that is not one. */
export function customPeriod(from: IsoDate, to: IsoDate): Period {
  if (!isValidIsoDate(from) || !isValidIsoDate(to))
    throw new RangeError('日期无效，请按“2026-12-01”的格式填写');
  const [a, b] = from <= to ? [from, to] : [to, from];
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  const end = pa.year === pb.year ? `${pb.month}月${pb.day}日` : `${pb.year}年${pb.month}月${pb.day}日`;
  return { kind: 'custom', from: a, to: b, label: `${pa.year}年${pa.month}月${pa.day}日至${end}` };
}

/** The period of `kind` holding `day` (a custom period of that one day). */
export function periodOf(kind: PeriodKind, day: IsoDate): Period {
  const { year, month } = parseIsoDate(day);
  if (kind === 'month') return monthPeriod(year, month);
  if (kind === 'quarter') return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
  if (kind === 'year') return yearPeriod(year);
  return customPeriod(day, day);
}

/** The period of the same kind just before (a custom period: as many days, ending the day before). */
export function previousPeriod(p: Period): Period {
  const { year, month } = parseIsoDate(p.from);
  if (p.kind === 'month') return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
  if (p.kind === 'quarter') {
    const q = Math.floor((month - 1) / 3) + 1;
    return q === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, q - 1);
  }
  if (p.kind === 'year') return yearPeriod(year - 1);
  const days = toDayNumber(p.to) - toDayNumber(p.from);
  const end = toDayNumber(p.from) - 1;
  return customPeriod(fromDayNumber(end - days), fromDayNumber(end));
}

/** The calendar months `count` long ending with the month holding `day`, oldest first: the trend's months. */
export function monthsEnding(day: IsoDate, count: number): Period[] {
  const { year, month } = parseIsoDate(day);
  const out: Period[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const index = year * 12 + (month - 1) - i;
    out.push(monthPeriod(Math.floor(index / 12), (index % 12) + 1));
  }
  return out;
}

/** `day` falls within `p` (both ends included). */
export const inPeriod = (day: IsoDate | undefined, p: Pick<Period, 'from' | 'to'>): boolean =>
  day !== undefined && day >= p.from && day <= p.to;
