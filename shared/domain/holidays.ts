/**
 * The statutory holidays and 调休 make-up workdays that working-day deadlines follow, as the State Council
 * publishes them each autumn for the next year (国务院办公厅关于XXXX年部分节假日安排的通知). The app ships the
 * years below; the user imports later years in 设置 (see `parseHolidayTable` and `mergeHolidayTables`).
 */
import type { HolidayTable, HolidayYear, IsoDate } from './types';
import { addCalendarDays, calendarDaysBetween, isValidIsoDate, isWeekend, weekdayName } from './workdays';

// The table's shape is part of the vocabulary (types.ts), so workdays.ts needs no import from here.
export type { HolidayTable, HolidayYear } from './types';

/** Outcome of checking an imported holiday table. */
export type HolidayTableParseResult = { ok: true; table: HolidayTable } | { ok: false; errors: string[] };

/**
 * The years the app ships, checked against the published notices:
 * - 2024: 国办发明电〔2023〕7号, 2023年10月25日;
 * - 2025: 国办发明电〔2024〕12号, 2024年11月12日 (first year under the revised 全国年节及纪念日放假办法:
 *   除夕 and 5月2日 became holidays);
 * - 2026: notice of 2025年11月4日.
 * Where a notice says "X日放假,与周末连休" only day X is listed: the weekend is off anyway.
 */
export const SHIPPED_HOLIDAYS: HolidayTable = deepFreeze({
  version: '2025-11-04',
  years: {
    '2024': {
      holidays: [
        // 元旦: 1月1日放假,与周末连休 (2023-12-30/31 belong to 2023).
        '2024-01-01',
        // 春节: 2月10日至17日. 除夕 (2月9日) was only recommended as leave, so it stays a workday.
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-02-13',
        '2024-02-14',
        '2024-02-15',
        '2024-02-16',
        '2024-02-17',
        // 清明节: 4月4日至6日.
        '2024-04-04',
        '2024-04-05',
        '2024-04-06',
        // 劳动节: 5月1日至5日.
        '2024-05-01',
        '2024-05-02',
        '2024-05-03',
        '2024-05-04',
        '2024-05-05',
        // 端午节: 6月10日放假,与周末连休.
        '2024-06-10',
        // 中秋节: 9月15日至17日.
        '2024-09-15',
        '2024-09-16',
        '2024-09-17',
        // 国庆节: 10月1日至7日.
        '2024-10-01',
        '2024-10-02',
        '2024-10-03',
        '2024-10-04',
        '2024-10-05',
        '2024-10-06',
        '2024-10-07',
      ],
      workdays: [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
      source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）',
    },
    '2025': {
      holidays: [
        // 元旦: 1月1日放假1天,不调休.
        '2025-01-01',
        // 春节: 1月28日(除夕)至2月4日.
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
        // 清明节: 4月4日至6日.
        '2025-04-04',
        '2025-04-05',
        '2025-04-06',
        // 劳动节: 5月1日至5日.
        '2025-05-01',
        '2025-05-02',
        '2025-05-03',
        '2025-05-04',
        '2025-05-05',
        // 端午节: 5月31日至6月2日.
        '2025-05-31',
        '2025-06-01',
        '2025-06-02',
        // 国庆节、中秋节: 10月1日至8日.
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    },
    '2026': {
      holidays: [
        // 元旦: 1月1日至3日.
        '2026-01-01',
        '2026-01-02',
        '2026-01-03',
        // 春节: 2月15日(腊月二十八)至23日.
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
        // 清明节: 4月4日至6日.
        '2026-04-04',
        '2026-04-05',
        '2026-04-06',
        // 劳动节: 5月1日至5日.
        '2026-05-01',
        '2026-05-02',
        '2026-05-03',
        '2026-05-04',
        '2026-05-05',
        // 端午节: 6月19日至21日.
        '2026-06-19',
        '2026-06-20',
        '2026-06-21',
        // 中秋节: 9月25日至27日.
        '2026-09-25',
        '2026-09-26',
        '2026-09-27',
        // 国庆节: 10月1日至7日.
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ],
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
      source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    },
  },
});

/** The years a table covers, ascending. */
export function coveredYears(table: HolidayTable): number[] {
  return Object.keys(table.years)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Checks an imported table (parsed JSON of unknown shape). Returns the table with each year's dates sorted and
 * de-duplicated, or every problem found, each naming the year and the date, so that the user can fix the file in
 * one go. Nothing is half-accepted: one error rejects the whole import.
 */
export function parseHolidayTable(json: unknown): HolidayTableParseResult {
  const errors: string[] = [];
  if (!isPlainObject(json)) {
    return { ok: false, errors: ['节假日表格式不正确：应为JSON对象，含version和years两项'] };
  }
  const version = json['version'];
  if (typeof version !== 'string' || version.trim() === '') {
    errors.push('节假日表缺少版本号（version），应为非空文字');
  }
  const rawYears = json['years'];
  if (!isPlainObject(rawYears)) {
    errors.push('节假日表缺少年份数据（years），应为以年份为键的对象');
    return { ok: false, errors };
  }
  const yearKeys = Object.keys(rawYears).sort();
  if (yearKeys.length === 0) errors.push('节假日表没有任何年份的数据');

  const years: Record<string, HolidayYear> = {};
  for (const key of yearKeys) {
    if (!/^\d{4}$/.test(key)) {
      errors.push(`年份“${key}”格式不正确，应为四位数字，如“2027”`);
      continue;
    }
    const parsed = parseYear(key, rawYears[key], errors);
    if (parsed) years[key] = parsed;
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, table: { version: (version as string).trim(), years } };
}

/** Combines a base table with an update; for every year the update has, the update's entry replaces the base's. */
export function mergeHolidayTables(base: HolidayTable, update: HolidayTable): HolidayTable {
  const years: Record<string, HolidayYear> = {};
  for (const [year, entry] of Object.entries(base.years)) years[year] = copyYear(entry);
  for (const [year, entry] of Object.entries(update.years)) years[year] = copyYear(entry);
  const ordered: Record<string, HolidayYear> = {};
  for (const year of Object.keys(years).sort()) ordered[year] = years[year] as HolidayYear;
  return { version: update.version, years: ordered };
}

/** One holiday period of a notice, 「X日至Y日放假」; a single day leaves `to` empty or equal to `from`. */
export interface HolidayRange {
  from: IsoDate | '';
  to: IsoDate | '';
}

/** A year of the holiday table as the secretary copies it from the notice: its periods and 调休 workdays. */
export interface HolidayYearForm {
  year: string;
  source: string;
  ranges: HolidayRange[];
  workdays: Array<IsoDate | ''>;
}

/** Longest holiday period accepted: the longest in any notice (春节, 国庆) is 9 days. */
export const MAX_HOLIDAY_RANGE_DAYS = 15;

/** The usual name of a year's notice, offered as its source. */
export function defaultHolidaySource(year: string): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知`;
}

/** A year's holidays as the periods they form: runs of consecutive days, for editing a year as a form. */
export function holidayRanges(dates: readonly IsoDate[]): Array<{ from: IsoDate; to: IsoDate }> {
  const ranges: Array<{ from: IsoDate; to: IsoDate }> = [];
  for (const day of [...new Set(dates)].sort()) {
    const last = ranges[ranges.length - 1];
    if (last && addCalendarDays(last.to, 1) === day) last.to = day;
    else ranges.push({ from: day, to: day });
  }
  return ranges;
}

/** A year of the table as a form, to change it. */
export function holidayYearForm(year: string, entry: HolidayYear): HolidayYearForm {
  return {
    year,
    source: entry.source,
    ranges: holidayRanges(entry.holidays).map((r) => ({ from: r.from, to: r.to === r.from ? '' : r.to })),
    workdays: [...entry.workdays],
  };
}

/**
 * Turn the form into a checked year of the table. Rows left empty are skipped; every problem names its row
 * (第2段放假, 第1个调休上班日), and then the year goes through the same checks as an imported file.
 */
export function holidayYearFromForm(
  form: HolidayYearForm,
): { ok: true; year: string; entry: HolidayYear } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const year = form.year.trim();
  if (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100) {
    return { ok: false, errors: ['年份应为四位数字，如“2027”'] };
  }
  if (!form.source.trim()) errors.push('请填写通知名称（来源），如“' + defaultHolidaySource(year) + '”');
  const inYear = (d: string) => d.slice(0, 4) === year;
  const periods: Array<{ row: number; from: IsoDate; to: IsoDate }> = [];
  form.ranges.forEach((range, i) => {
    const row = `第${i + 1}段放假`;
    const from = range.from;
    const to = range.to || range.from;
    if (!from && !range.to) return;
    if (!from) return void errors.push(`${row}：请填写开始日期`);
    if (!isValidIsoDate(from) || !isValidIsoDate(to)) return void errors.push(`${row}：日期不正确`);
    if (!inYear(from) || !inYear(to)) return void errors.push(`${row}：日期不在${year}年`);
    const days = calendarDaysBetween(from, to) + 1;
    if (days < 1) return void errors.push(`${row}：结束日期早于开始日期`);
    if (days > MAX_HOLIDAY_RANGE_DAYS)
      return void errors.push(`${row}：连续${days}天，超过${MAX_HOLIDAY_RANGE_DAYS}天，请核对日期`);
    const clash = periods.find((p) => p.from <= to && from <= p.to);
    if (clash) return void errors.push(`${row}：与第${clash.row}段放假的日期重叠`);
    periods.push({ row: i + 1, from, to });
  });
  if (periods.length === 0 && !errors.some((e) => e.includes('段放假')))
    errors.push('请至少填写一段放假日期');
  const holidays: IsoDate[] = periods.flatMap(({ from, to }) =>
    Array.from({ length: calendarDaysBetween(from, to) + 1 }, (_, k) => addCalendarDays(from, k)),
  );
  const workdays: IsoDate[] = [];
  form.workdays.forEach((day, i) => {
    const row = `第${i + 1}个调休上班日`;
    if (!day) return;
    if (!isValidIsoDate(day)) return void errors.push(`${row}：日期不正确`);
    if (!inYear(day)) return void errors.push(`${row}：日期不在${year}年`);
    if (!isWeekend(day))
      return void errors.push(
        `${row}：${day}是${weekdayName(day)}，本来就是工作日；调休上班日应为周六或周日`,
      );
    if (holidays.includes(day)) return void errors.push(`${row}：${day}已在放假日期之内`);
    if (workdays.includes(day)) return void errors.push(`${row}：${day}填了两次`);
    workdays.push(day);
  });
  if (errors.length > 0) return { ok: false, errors };
  const checked = parseHolidayTable({
    version: year,
    years: { [year]: { holidays, workdays, source: form.source.trim() } },
  });
  if (!checked.ok) return checked;
  return { ok: true, year, entry: checked.table.years[year]! };
}

function parseYear(year: string, raw: unknown, errors: string[]): HolidayYear | undefined {
  if (!isPlainObject(raw)) {
    errors.push(`${year}年：数据格式不正确，应包含holidays、workdays和source三项`);
    return undefined;
  }
  const before = errors.length;
  const holidays = parseDates(year, raw['holidays'], 'holidays', '放假日', errors);
  const workdays = parseDates(year, raw['workdays'], 'workdays', '上班日', errors);
  const source = raw['source'];
  if (typeof source !== 'string' || source.trim() === '') {
    errors.push(`${year}年：缺少来源说明（source），如“国务院办公厅关于${year}年部分节假日安排的通知”`);
  }
  if (holidays && workdays) {
    const off = new Set(holidays);
    for (const day of workdays) {
      if (off.has(day)) errors.push(`${year}年：日期“${day}”同时列为放假日和上班日`);
    }
    for (const day of workdays) {
      // A make-up workday on a weekday changes nothing, so it is almost surely a typo for another date.
      if (!off.has(day) && !isWeekend(day)) {
        errors.push(
          `${year}年：上班日“${day}”是${weekdayName(day)}，本来就是工作日；调休上班日应为周六或周日`,
        );
      }
    }
  }
  if (errors.length > before || !holidays || !workdays) return undefined;
  return { holidays, workdays, source: (source as string).trim() };
}

function parseDates(
  year: string,
  raw: unknown,
  field: 'holidays' | 'workdays',
  label: string,
  errors: string[],
): IsoDate[] | undefined {
  if (!Array.isArray(raw)) {
    errors.push(`${year}年：缺少${label}列表（${field}），应为日期数组，没有时写[]`);
    return undefined;
  }
  // Wrong entries are reported and left out, so that the cross-checks in parseYear still run on the rest and
  // the user sees every problem of the file at once.
  const dates = new Set<IsoDate>();
  raw.forEach((value: unknown, i: number) => {
    if (!isValidIsoDate(value)) {
      const shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
      errors.push(`${year}年：${label}第${i + 1}项“${shown}”格式不正确，应为YYYY-MM-DD格式的有效日期`);
    } else if (value.slice(0, 4) !== year) {
      errors.push(`${year}年：${label}“${value}”不属于${year}年`);
    } else {
      dates.add(value);
    }
  });
  return [...dates].sort();
}

function copyYear(entry: HolidayYear): HolidayYear {
  return { holidays: [...entry.holidays], workdays: [...entry.workdays], source: entry.source };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
