import { describe, it, expect } from 'vitest';
import {
  SHIPPED_HOLIDAYS,
  coveredYears,
  mergeHolidayTables,
  parseHolidayTable,
  type HolidayTable,
} from '../../../shared/domain/holidays';
import { addCalendarDays, dayOfWeek, isWeekend } from '../../../shared/domain/workdays';

/** Every date from `first` to `last` inclusive. */
function span(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

// The notices, transcribed independently of the shipped table: 放假 ranges and 上班 days with the weekday the
// notice prints beside them (0 = 周日, 6 = 周六).
const NOTICES: Record<string, { holidays: string[]; workdays: Array<[string, number]> }> = {
  '2024': {
    holidays: [
      ...span('2024-01-01', '2024-01-01'),
      ...span('2024-02-10', '2024-02-17'),
      ...span('2024-04-04', '2024-04-06'),
      ...span('2024-05-01', '2024-05-05'),
      ...span('2024-06-10', '2024-06-10'),
      ...span('2024-09-15', '2024-09-17'),
      ...span('2024-10-01', '2024-10-07'),
    ],
    workdays: [
      ['2024-02-04', 0],
      ['2024-02-18', 0],
      ['2024-04-07', 0],
      ['2024-04-28', 0],
      ['2024-05-11', 6],
      ['2024-09-14', 6],
      ['2024-09-29', 0],
      ['2024-10-12', 6],
    ],
  },
  '2025': {
    holidays: [
      ...span('2025-01-01', '2025-01-01'),
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ],
    workdays: [
      ['2025-01-26', 0],
      ['2025-02-08', 6],
      ['2025-04-27', 0],
      ['2025-09-28', 0],
      ['2025-10-11', 6],
    ],
  },
  '2026': {
    holidays: [
      ...span('2026-01-01', '2026-01-03'),
      ...span('2026-02-15', '2026-02-23'),
      ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'),
      ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ],
    workdays: [
      ['2026-01-04', 0],
      ['2026-02-14', 6],
      ['2026-02-28', 6],
      ['2026-05-09', 6],
      ['2026-09-20', 0],
      ['2026-10-10', 6],
    ],
  },
};

describe('SHIPPED_HOLIDAYS', () => {
  it('covers 2024, 2025 and 2026', () => {
    expect(coveredYears(SHIPPED_HOLIDAYS)).toEqual([2024, 2025, 2026]);
  });

  it.each(Object.keys(NOTICES))('matches the State Council notice for %s', (year) => {
    const notice = NOTICES[year]!;
    const shipped = SHIPPED_HOLIDAYS.years[year]!;
    expect([...shipped.holidays].sort()).toEqual([...notice.holidays].sort());
    expect([...shipped.workdays].sort()).toEqual(notice.workdays.map(([d]) => d).sort());
    for (const [date, weekday] of notice.workdays) expect(dayOfWeek(date), date).toBe(weekday);
    expect(shipped.source).toContain(`${year}年部分节假日安排的通知`);
  });

  it('has the day counts the notices state (共N天)', () => {
    const count = (year: string, from: string, to: string): number =>
      SHIPPED_HOLIDAYS.years[year]!.holidays.filter((d) => d >= from && d <= to).length;
    expect(count('2026', '2026-02-01', '2026-02-28')).toBe(9); // 春节 共9天
    expect(count('2026', '2026-10-01', '2026-10-31')).toBe(7); // 国庆 共7天
    expect(count('2025', '2025-01-28', '2025-02-04')).toBe(8); // 春节 共8天
    expect(count('2025', '2025-10-01', '2025-10-31')).toBe(8); // 国庆中秋 共8天
    expect(count('2024', '2024-05-01', '2024-05-31')).toBe(5); // 劳动节 共5天
  });

  it('keeps 2024 除夕 as a working day: the notice only encouraged leave', () => {
    expect(SHIPPED_HOLIDAYS.years['2024']!.holidays).not.toContain('2024-02-09');
  });

  it('lists make-up workdays only on weekends and never on a holiday', () => {
    for (const entry of Object.values(SHIPPED_HOLIDAYS.years)) {
      for (const day of entry.workdays) {
        expect(isWeekend(day), day).toBe(true);
        expect(entry.holidays).not.toContain(day);
      }
    }
  });

  it('passes its own import validation unchanged', () => {
    const parsed = parseHolidayTable(JSON.parse(JSON.stringify(SHIPPED_HOLIDAYS)));
    expect(parsed).toEqual({ ok: true, table: SHIPPED_HOLIDAYS });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(SHIPPED_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(SHIPPED_HOLIDAYS.years['2026']!.holidays)).toBe(true);
    expect(() => {
      (SHIPPED_HOLIDAYS.years['2026']!.holidays as string[]).push('2026-12-25');
    }).toThrow(TypeError);
  });
});

describe('parseHolidayTable', () => {
  const good2027 = {
    version: '2026-11-01',
    years: {
      '2027': {
        holidays: ['2027-01-01', '2027-02-06', '2027-02-05', '2027-02-05'],
        workdays: ['2027-02-20'],
        source: '国务院办公厅关于2027年部分节假日安排的通知',
      },
    },
  };

  it('accepts a well-formed update, sorting and de-duplicating dates', () => {
    const result = parseHolidayTable(good2027);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.version).toBe('2026-11-01');
    expect(result.table.years['2027']!.holidays).toEqual(['2027-01-01', '2027-02-05', '2027-02-06']);
  });

  it('rejects what is not a table', () => {
    for (const bad of [null, 42, 'x', [], undefined]) {
      const result = parseHolidayTable(bad);
      expect(result.ok).toBe(false);
    }
    const noYears = parseHolidayTable({ version: 'v1' });
    expect(noYears).toEqual({ ok: false, errors: [expect.stringContaining('years')] });
    const empty = parseHolidayTable({ version: 'v1', years: {} });
    expect(empty.ok).toBe(false);
  });

  it('names the year and the date of every wrong entry', () => {
    const result = parseHolidayTable({
      version: '',
      years: {
        '2027': {
          holidays: ['2027-2-5', '2027-02-30', '2026-12-31', '2027-10-09', 20270101],
          workdays: ['2027-10-09', '2027-02-22'],
          source: '通知',
        },
        '27': { holidays: [], workdays: [], source: 'x' },
        '2028': { holidays: '2028-01-01', workdays: [], source: '' },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errors = result.errors;
    expect(errors).toContain('节假日表缺少版本号（version），应为非空文字');
    expect(errors).toContain('2027年：放假日第1项“2027-2-5”格式不正确，应为YYYY-MM-DD格式的有效日期');
    expect(errors).toContain('2027年：放假日第2项“2027-02-30”格式不正确，应为YYYY-MM-DD格式的有效日期');
    expect(errors).toContain('2027年：放假日“2026-12-31”不属于2027年');
    expect(errors).toContain('2027年：放假日第5项“20270101”格式不正确，应为YYYY-MM-DD格式的有效日期');
    expect(errors).toContain('2027年：日期“2027-10-09”同时列为放假日和上班日');
    expect(errors).toContain('2027年：上班日“2027-02-22”是星期一，本来就是工作日；调休上班日应为周六或周日');
    expect(errors).toContain('年份“27”格式不正确，应为四位数字，如“2027”');
    expect(errors).toContain('2028年：缺少放假日列表（holidays），应为日期数组，没有时写[]');
    expect(errors.some((e) => e.startsWith('2028年：缺少来源说明'))).toBe(true);
  });

  it('reports a clash even when both dates are otherwise valid', () => {
    const result = parseHolidayTable({
      version: 'v2',
      years: { '2026': { holidays: ['2026-02-14'], workdays: ['2026-02-14'], source: 's' } },
    });
    expect(result).toEqual({ ok: false, errors: ['2026年：日期“2026-02-14”同时列为放假日和上班日'] });
  });
});

describe('mergeHolidayTables', () => {
  const update: HolidayTable = {
    version: '2026-11-01',
    years: {
      '2026': { holidays: ['2026-01-01'], workdays: [], source: '更正' },
      '2027': { holidays: ['2027-01-01'], workdays: [], source: '2027通知' },
    },
  };

  it('lets the update win per year and keeps the other base years', () => {
    const merged = mergeHolidayTables(SHIPPED_HOLIDAYS, update);
    expect(merged.version).toBe('2026-11-01');
    expect(coveredYears(merged)).toEqual([2024, 2025, 2026, 2027]);
    expect(merged.years['2026']).toEqual(update.years['2026']);
    expect(merged.years['2027']).toEqual(update.years['2027']);
    expect(merged.years['2025']).toEqual(SHIPPED_HOLIDAYS.years['2025']);
  });

  it('changes neither input', () => {
    const before = JSON.stringify(update);
    const merged = mergeHolidayTables(SHIPPED_HOLIDAYS, update);
    merged.years['2027']!.holidays.push('2027-01-02');
    expect(JSON.stringify(update)).toBe(before);
    expect(SHIPPED_HOLIDAYS.years['2026']!.holidays).toHaveLength(33);
  });
});
