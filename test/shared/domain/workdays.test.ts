import { describe, it, expect, afterEach } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  classifyDay,
  dayOfWeek,
  fromDayNumber,
  isValidIsoDate,
  isWorkingDay,
  parseIsoDate,
  tableCoversYear,
  toDayNumber,
  toIsoDate,
  weekdayName,
} from '../../../shared/domain/workdays';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';

describe('IsoDate arithmetic', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isValidIsoDate('2026-11-18')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
    expect(isValidIsoDate('2026-11-18T00:00')).toBe(false);
    expect(isValidIsoDate(20261118)).toBe(false);
    expect(() => parseIsoDate('2026/11/18')).toThrow('日期“2026/11/18”格式不正确');
  });

  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    const mismatches: string[] = [];
    for (let n = start; n <= end; n += 1) {
      const d = new Date(n * 86_400_000);
      const iso = d.toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n || dayOfWeek(iso) !== d.getUTCDay()) {
        mismatches.push(iso);
      }
    }
    expect(mismatches).toEqual([]);
    expect(end - start + 1).toBe(73_414);
  });

  it('adds and subtracts calendar days across months, leap days and years', () => {
    expect(addCalendarDays('2026-12-30', 14)).toBe('2027-01-13');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(calendarDaysBetween('2026-11-18', '2026-12-02')).toBe(14);
    expect(calendarDaysBetween('2026-12-02', '2026-11-18')).toBe(-14);
    expect(() => addCalendarDays('2026-11-18', 1.5)).toThrow(RangeError);
  });

  it('names weekdays in Chinese', () => {
    expect(weekdayName('2026-11-18')).toBe('星期三');
    expect(weekdayName('2026-01-04')).toBe('星期日');
  });
});

describe('toIsoDate', () => {
  const savedTz = process.env['TZ'];
  afterEach(() => {
    if (savedTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = savedTz;
  });

  it('gives the China Standard Time date of an instant', () => {
    expect(toIsoDate(Date.UTC(2026, 0, 1, 15, 59, 59, 999))).toBe('2026-01-01');
    expect(toIsoDate(Date.UTC(2026, 0, 1, 16, 0, 0, 0))).toBe('2026-01-02');
    expect(toIsoDate(Date.UTC(2026, 10, 18, 1, 20))).toBe('2026-11-18');
    expect(toIsoDate(Date.UTC(1969, 11, 31, 20, 0))).toBe('1970-01-01');
    expect(toIsoDate(Date.UTC(1969, 11, 31, 15, 0))).toBe('1969-12-31');
  });

  it('does not depend on the machine time zone', () => {
    const instant = Date.UTC(2026, 10, 17, 23, 30); // 07:30 on 18 November in China
    process.env['TZ'] = 'America/Los_Angeles';
    const west = toIsoDate(instant);
    process.env['TZ'] = 'Asia/Shanghai';
    const east = toIsoDate(instant);
    expect(west).toBe('2026-11-18');
    expect(east).toBe('2026-11-18');
  });

  it('rejects a non-finite instant', () => {
    expect(() => toIsoDate(Number.NaN)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  const table = SHIPPED_HOLIDAYS;

  it('treats ordinary weekdays as working and weekends as off', () => {
    expect(isWorkingDay('2026-11-18', table)).toBe(true); // Wednesday
    expect(isWorkingDay('2026-11-21', table)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22', table)).toBe(false); // Sunday
  });

  it('treats statutory holidays as off even on weekdays', () => {
    expect(isWorkingDay('2026-10-01', table)).toBe(false);
    expect(isWorkingDay('2026-02-23', table)).toBe(false); // 正月初七, a Monday
    expect(isWorkingDay('2025-01-28', table)).toBe(false); // 除夕 2025
    expect(classifyDay('2026-05-05', table)).toBe('holiday');
  });

  it('counts 调休 weekend days as working', () => {
    expect(isWorkingDay('2026-02-14', table)).toBe(true); // Saturday
    expect(isWorkingDay('2026-01-04', table)).toBe(true); // Sunday
    expect(isWorkingDay('2026-10-10', table)).toBe(true); // Saturday
    expect(isWorkingDay('2024-09-14', table)).toBe(true); // Saturday
    expect(classifyDay('2026-09-20', table)).toBe('makeup_workday');
  });

  it('falls back to weekends only for a year the table lacks', () => {
    expect(tableCoversYear(table, 2026)).toBe(true);
    expect(tableCoversYear(table, 2027)).toBe(false);
    expect(isWorkingDay('2027-01-01', table)).toBe(true); // Friday; no 2027 data
    expect(isWorkingDay('2027-01-02', table)).toBe(false);
    expect(classifyDay('2027-01-04', table)).toBe('workday');
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => isWorkingDay('2026-2-14', table)).toThrow('格式不正确');
  });
});
