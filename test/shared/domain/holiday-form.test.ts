// A new year's holiday table entered as the notice reads: periods (X日至Y日) and 调休 workdays.
import { describe, expect, it } from 'vitest';
import {
  holidayRanges,
  holidayYearForm,
  holidayYearFromForm,
  SHIPPED_HOLIDAYS,
  type HolidayYearForm,
} from '../../../shared/domain/holidays';

const form = (fields: Partial<HolidayYearForm>): HolidayYearForm => ({
  year: '2027',
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  ranges: [],
  workdays: [],
  ...fields,
});

describe('holidayYearFromForm', () => {
  it('expands each period into its days, skips empty rows and keeps the 调休 workdays', () => {
    const result = holidayYearFromForm(
      form({
        ranges: [
          { from: '2027-01-01', to: '' },
          { from: '', to: '' },
          { from: '2027-02-06', to: '2027-02-14' },
          { from: '2027-10-01', to: '2027-10-07' },
        ],
        workdays: ['2027-02-20', '', '2027-10-09'],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.year).toBe('2027');
    expect(result.entry.holidays).toHaveLength(1 + 9 + 7);
    expect(result.entry.holidays.slice(0, 3)).toEqual(['2027-01-01', '2027-02-06', '2027-02-07']);
    expect(result.entry.holidays.at(-1)).toBe('2027-10-07');
    expect(result.entry.workdays).toEqual(['2027-02-20', '2027-10-09']);
  });

  it('names the row of every problem at once', () => {
    const result = holidayYearFromForm(
      form({
        source: ' ',
        ranges: [
          { from: '2027-05-05', to: '2027-05-01' },
          { from: '2026-12-31', to: '2027-01-02' },
          { from: '2027-10-01', to: '2027-10-08' },
          { from: '2027-10-08', to: '2027-10-09' },
          { from: '', to: '2027-06-01' },
          { from: '2027-07-01', to: '2027-07-31' },
        ],
        workdays: ['2027-02-22', '2027-10-02', '2027-09-26', '2027-09-26'],
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        '请填写通知名称（来源），如“国务院办公厅关于2027年部分节假日安排的通知”',
        '第1段放假：结束日期早于开始日期',
        '第2段放假：日期不在2027年',
        '第4段放假：与第3段放假的日期重叠',
        '第5段放假：请填写开始日期',
        '第6段放假：连续31天，超过15天，请核对日期',
        '第1个调休上班日：2027-02-22是星期一，本来就是工作日；调休上班日应为周六或周日',
        '第2个调休上班日：2027-10-02已在放假日期之内',
        '第4个调休上班日：2027-09-26填了两次',
      ],
    });
  });

  it('wants a year and at least one period', () => {
    expect(holidayYearFromForm(form({ year: '27' }))).toEqual({
      ok: false,
      errors: ['年份应为四位数字，如“2027”'],
    });
    expect(holidayYearFromForm(form({ ranges: [{ from: '', to: '' }] }))).toEqual({
      ok: false,
      errors: ['请至少填写一段放假日期'],
    });
  });
});

describe('holidayRanges and holidayYearForm', () => {
  it('turns a shipped year back into its periods, and the form gives the same year again', () => {
    const y2026 = SHIPPED_HOLIDAYS.years['2026']!;
    expect(holidayRanges(y2026.holidays)).toEqual([
      { from: '2026-01-01', to: '2026-01-03' },
      { from: '2026-02-15', to: '2026-02-23' },
      { from: '2026-04-04', to: '2026-04-06' },
      { from: '2026-05-01', to: '2026-05-05' },
      { from: '2026-06-19', to: '2026-06-21' },
      { from: '2026-09-25', to: '2026-09-27' },
      { from: '2026-10-01', to: '2026-10-07' },
    ]);
    const again = holidayYearFromForm(holidayYearForm('2026', y2026));
    expect(again).toEqual({ ok: true, year: '2026', entry: { ...y2026 } });
    // A single day shows as one date.
    expect(holidayYearForm('2025', SHIPPED_HOLIDAYS.years['2025']!).ranges[0]).toEqual({
      from: '2025-01-01',
      to: '',
    });
  });
});
