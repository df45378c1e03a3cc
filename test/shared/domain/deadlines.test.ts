import { describe, it, expect } from 'vitest';
import {
  handedOffReplyDue,
  DEFAULT_DEADLINE_RULES,
  addDays,
  daysRemaining,
  formatChineseDate,
  formatChineseMonthDay,
  handoffDue,
  replyDue,
  uncoveredYearWarning,
  warningLevel,
} from '../../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS, mergeHolidayTables } from '../../../shared/domain/holidays';
import { addCalendarDays } from '../../../shared/domain/workdays';
import type { DeadlineRules } from '../../../shared/domain/types';

const table = SHIPPED_HOLIDAYS;
const working: DeadlineRules = {
  handoffDays: 2,
  replyDays: 14,
  yellowDays: 3,
  dayKind: 'working',
  yellowDayKind: 'working',
  staleDays: 7,
};
const calendar: DeadlineRules = { ...working, dayKind: 'calendar' };
const WARNING_2027 = '节假日表未包含2027年的数据，按周末计算，结果可能不准确，请在设置中导入2027年节假日安排';

describe('addDays in working days', () => {
  it('skips the weekend and does not count the start day', () => {
    expect(addDays('2026-11-20', 2, 'working', table)).toEqual({ date: '2026-11-24', warnings: [] }); // Fri → Tue
    expect(addDays('2026-11-18', 2, 'working', table)).toEqual({ date: '2026-11-20', warnings: [] }); // Wed → Fri
    expect(addDays('2026-11-21', 1, 'working', table).date).toBe('2026-11-23'); // Sat → Mon
  });

  it('returns the start date for zero days', () => {
    expect(addDays('2026-11-21', 0, 'working', table).date).toBe('2026-11-21');
  });

  it('skips statutory holidays', () => {
    expect(addDays('2026-09-30', 1, 'working', table).date).toBe('2026-10-08'); // over 国庆
    expect(addDays('2026-09-24', 1, 'working', table).date).toBe('2026-09-28'); // over 中秋 + weekend
    expect(addDays('2026-04-30', 10, 'working', table).date).toBe('2026-05-18'); // over 劳动节, 5月9日 worked
  });

  it('counts 调休 Saturdays and Sundays as working days', () => {
    expect(addDays('2026-10-09', 1, 'working', table).date).toBe('2026-10-10'); // Sat 10月10日上班
    expect(addDays('2026-02-13', 1, 'working', table).date).toBe('2026-02-14'); // Sat 2月14日上班
    expect(addDays('2025-09-30', 14, 'working', table).date).toBe('2025-10-27'); // incl. Sat 10月11日
  });

  it('crosses 春节 2026', () => {
    // Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    expect(addDays('2026-02-12', 5, 'working', table)).toEqual({ date: '2026-02-26', warnings: [] });
    expect(addDays('2026-02-10', 14, 'working', table).date).toBe('2026-03-06');
  });

  it('counts backwards for negative days', () => {
    expect(addDays('2026-02-26', -5, 'working', table).date).toBe('2026-02-12');
    expect(addDays('2026-11-24', -2, 'working', table).date).toBe('2026-11-20');
  });

  it('warns, never guesses silently, when running into a year the table lacks', () => {
    // Thu 31 Dec (1), Fri 1 Jan 2027 (2: no 2027 data, so only the weekend is known), Mon 4 Jan (3).
    const result = addDays('2026-12-30', 3, 'working', table);
    expect(result.date).toBe('2027-01-04');
    expect(result.warnings).toEqual([WARNING_2027]);
    expect(uncoveredYearWarning(2027)).toBe(WARNING_2027);
  });

  it('stops warning once the year is imported', () => {
    const with2027 = mergeHolidayTables(table, {
      version: 'test',
      years: { '2027': { holidays: ['2027-01-01'], workdays: [], source: 'test' } },
    });
    expect(addDays('2026-12-30', 3, 'working', with2027)).toEqual({ date: '2027-01-05', warnings: [] });
  });

  it('warns once per missing year, in order', () => {
    const result = addDays('2023-12-29', 2, 'working', table);
    expect(result.warnings).toEqual([uncoveredYearWarning(2023)]);
    const long = addDays('2026-12-01', 200, 'working', table);
    expect(long.warnings).toEqual([WARNING_2027]);
    const longer = addDays('2026-12-01', 400, 'working', table);
    expect(longer.warnings).toEqual([WARNING_2027, uncoveredYearWarning(2028)]);
  });

  it('rejects non-integer day counts and malformed dates', () => {
    expect(() => addDays('2026-11-18', 1.5, 'working', table)).toThrow(RangeError);
    expect(() => addDays('2026-11-31', 1, 'working', table)).toThrow('格式不正确');
  });
});

describe('addDays in calendar days', () => {
  it('adds plain days, needing no holiday data', () => {
    expect(addDays('2026-12-30', 14, 'calendar', table)).toEqual({ date: '2027-01-13', warnings: [] });
    expect(addDays('2026-02-14', 2, 'calendar', table).date).toBe('2026-02-16');
  });
});

describe('daysRemaining', () => {
  it('counts calendar days, negative when overdue', () => {
    expect(daysRemaining('2026-11-18', '2026-11-20', 'calendar', table)).toEqual({ days: 2, warnings: [] });
    expect(daysRemaining('2026-11-20', '2026-11-20', 'calendar', table).days).toBe(0);
    expect(daysRemaining('2026-11-25', '2026-11-20', 'calendar', table).days).toBe(-5);
  });

  it('counts working days the way addDays does', () => {
    for (const start of ['2026-02-10', '2026-09-24', '2026-11-20', '2025-09-30']) {
      for (const n of [0, 1, 2, 5, 14]) {
        const due = addDays(start, n, 'working', table).date;
        expect(daysRemaining(start, due, 'working', table).days, `${start}+${n}`).toBe(n);
      }
    }
  });

  it('is negative once a working-day deadline has passed', () => {
    // Due Fri 20 Nov; on Wed 25 three working days (Mon, Tue, Wed) have gone by.
    expect(daysRemaining('2026-11-25', '2026-11-20', 'working', table).days).toBe(-3);
    // Overdue by a weekend only is still overdue.
    expect(daysRemaining('2026-11-21', '2026-11-20', 'working', table).days).toBe(-1);
  });

  it('warns about uncovered years in the counted span', () => {
    const result = daysRemaining('2026-12-28', '2027-01-08', 'working', table);
    expect(result.days).toBe(9);
    expect(result.warnings).toEqual([WARNING_2027]);
    expect(daysRemaining('2027-01-08', '2026-12-28', 'working', table).warnings).toEqual([WARNING_2027]);
  });
});

describe('warningLevel', () => {
  it('is none with time to spare, yellow near the end, red when overdue', () => {
    const due = '2026-11-30';
    expect(warningLevel('2026-11-25', due, calendar, table)).toEqual({
      warning: 'none',
      daysLeft: 5,
      warnings: [],
    });
    expect(warningLevel('2026-11-26', due, calendar, table).warning).toBe('none');
    expect(warningLevel('2026-11-27', due, calendar, table)).toMatchObject({
      warning: 'yellow',
      daysLeft: 3,
    });
    expect(warningLevel('2026-11-30', due, calendar, table)).toMatchObject({
      warning: 'yellow',
      daysLeft: 0,
    });
    expect(warningLevel('2026-12-01', due, calendar, table)).toMatchObject({ warning: 'red', daysLeft: -1 });
  });

  it('uses working days when the rules say so', () => {
    // Due Tue 24 Nov; on Fri 20 Nov that is 2 working days (Mon, Tue) away, though 4 calendar days.
    expect(warningLevel('2026-11-20', '2026-11-24', working, table)).toMatchObject({
      warning: 'yellow',
      daysLeft: 2,
    });
    expect(warningLevel('2026-11-20', '2026-11-24', { ...working, yellowDays: 1 }, table).warning).toBe(
      'none',
    );
    expect(warningLevel('2026-11-21', '2026-11-20', working, table)).toMatchObject({
      warning: 'red',
      daysLeft: -1,
    });
  });

  it('passes the uncovered-year warnings on', () => {
    expect(warningLevel('2026-12-28', '2027-01-20', working, table).warnings).toEqual([WARNING_2027]);
  });
});

describe('handoffDue and replyDue', () => {
  it('use the defaults of docs/architecture.md, "Glossary"', () => {
    expect(DEFAULT_DEADLINE_RULES).toEqual({
      handoffDays: 2,
      replyDays: 14,
      yellowDays: 3,
      dayKind: 'calendar',
      yellowDayKind: 'working',
      staleDays: 7,
    });
    expect(handoffDue('2026-11-18', DEFAULT_DEADLINE_RULES, table).date).toBe('2026-11-20');
    expect(replyDue('2026-11-20', DEFAULT_DEADLINE_RULES, table).date).toBe('2026-12-04');
  });

  it('count working days across holidays', () => {
    expect(handoffDue('2026-09-30', working, table).date).toBe('2026-10-09');
    expect(handoffDue('2026-11-20', working, table).date).toBe('2026-11-24');
    expect(replyDue('2025-09-30', working, table).date).toBe('2025-10-27');
    expect(replyDue('2026-12-20', working, table).warnings).toEqual([WARNING_2027]);
  });

  it('reject negative or fractional rule values', () => {
    expect(() => handoffDue('2026-11-18', { ...working, handoffDays: -1 }, table)).toThrow('不能为负数');
    expect(() => replyDue('2026-11-18', { ...working, replyDays: 1.5 }, table)).toThrow('应为整数');
  });
});

describe('handedOffReplyDue', () => {
  // Meeting Saturday 2026-11-21; window ends Monday 11-23 (calendar); signed 办理时限 12-07 (14 days on).
  it('is the signed 办理时限, as printed, when handed over within the window, early or on the last day', () => {
    for (const day of ['2026-11-21', '2026-11-22', '2026-11-23'])
      expect(handedOffReplyDue('2026-12-07', '2026-11-21', day, calendar, table)).toEqual({
        date: '2026-12-07',
        warnings: [],
      });
  });

  it('moves on by the delay when handed over late, keeping the time the leader gave', () => {
    // A week late: still 14 days from the day the department got the sheet.
    expect(handedOffReplyDue('2026-12-07', '2026-11-21', '2026-11-30', calendar, table).date).toBe(
      '2026-12-14',
    );
    // An urgent item (one week) handed over three days late: still one week.
    expect(handedOffReplyDue('2026-11-30', '2026-11-21', '2026-11-26', calendar, table).date).toBe(
      '2026-12-03',
    );
    // A date inside the window (answer at once) handed over late: due the day it arrives.
    expect(handedOffReplyDue('2026-11-22', '2026-11-21', '2026-11-25', calendar, table).date).toBe(
      '2026-11-25',
    );
  });

  it('counts the delay and the span in working days when the rules say so', () => {
    // Window: Saturday 11-21 + 2 working days = Tuesday 11-24. Signed 12-07: 9 working days after it.
    // Handed over Monday 11-30: 9 working days on is Friday 12-11.
    expect(handedOffReplyDue('2026-12-07', '2026-11-21', '2026-11-30', working, table).date).toBe(
      '2026-12-11',
    );
    expect(handedOffReplyDue('2026-12-07', '2026-11-21', '2026-11-24', working, table).date).toBe(
      '2026-12-07',
    );
  });

  it('without a signed date is the reply rule from the day of handoff', () => {
    expect(handedOffReplyDue(undefined, '2026-11-21', '2026-11-22', calendar, table).date).toBe('2026-12-06');
  });
});

describe('formatChineseDate', () => {
  it('writes dates the way official documents do', () => {
    expect(formatChineseDate('2026-11-18')).toBe('2026年11月18日');
    expect(formatChineseDate('2026-01-04')).toBe('2026年1月4日');
    expect(formatChineseMonthDay('2026-01-04')).toBe('1月4日');
    expect(formatChineseMonthDay('2026-12-31')).toBe('12月31日');
    expect(formatChineseDate(addCalendarDays('2026-12-31', 1))).toBe('2027年1月1日');
    expect(() => formatChineseDate('2026-11-31')).toThrow(RangeError);
  });
});
