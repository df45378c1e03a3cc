// 统计分析: every figure against a small district worked out by hand — meetings in October, November (one of them a
// city-level 恳谈会, one not held, one deleted) and December; 交办件 handed over across the month ends, replied on time,
// late, after a 延期, after a 重办, by the level above (转报), or not at all; 回访 of every verdict and none.
// The items are moved through their steps by the real rules (checkStep / makeStep / applyStep).
import { describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import {
  customPeriod,
  monthPeriod,
  monthsEnding,
  periodOf,
  previousPeriod,
  quarterPeriod,
  yearPeriod,
} from '../../../shared/domain/periods';
import { computeStats, percentText, prepareStats, type StatsQuery } from '../../../shared/domain/statistics';
import { DATA, TODAY } from './statistics-fixture';

const prepared = prepareStats(DATA);
const stats = (over: Partial<StatsQuery> = {}) =>
  computeStats(prepared, { period: monthPeriod(2026, 11), today: TODAY, table: SHIPPED_HOLIDAYS, ...over });
const sorted = (ids: string[]) => [...ids].sort();

describe('periods', () => {
  it('are calendar months, quarters and years in China’s calendar, and any run of days', () => {
    expect(monthPeriod(2026, 2)).toEqual({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
      label: '2026年2月',
    });
    expect(monthPeriod(2028, 2).to).toBe('2028-02-29');
    expect(quarterPeriod(2026, 4)).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
      label: '2026年第四季度',
    });
    expect(yearPeriod(2026)).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: '2026年' });
    expect(customPeriod('2026-12-05', '2026-11-03')).toMatchObject({
      from: '2026-11-03',
      to: '2026-12-05',
      label: '2026年11月3日至12月5日',
    });
    expect(periodOf('quarter', '2026-05-31').label).toBe('2026年第二季度');
    expect(previousPeriod(monthPeriod(2026, 1)).label).toBe('2025年12月');
    expect(previousPeriod(quarterPeriod(2026, 1)).label).toBe('2025年第四季度');
    expect(previousPeriod(customPeriod('2026-11-03', '2026-11-09'))).toMatchObject({
      from: '2026-10-27',
      to: '2026-11-02',
    });
    expect(monthsEnding('2026-02-10', 3).map((p) => p.label)).toEqual([
      '2025年12月',
      '2026年1月',
      '2026年2月',
    ]);
    expect(() => customPeriod('2026-02-30', '2026-03-01')).toThrow('日期无效');
  });
});

describe('the figures of November 2026', () => {
  const s = stats();

  it('meetings held, enterprises received, speakers, demands', () => {
    // m2 and m3; m4 was not held, m6 deleted, m1 and m5 in other months.
    expect(sorted(s.meetings.refs.ids)).toEqual(['m2', 'm3']);
    // Spoke (e1, e2, e5), in writing (e4); e3 was absent and its pre-collected demand never confirmed.
    expect(sorted(s.enterprises.refs.ids)).toEqual(['e1', 'e2', 'e4', 'e5']);
    expect(sorted(s.speakers.refs.ids)).toEqual(['q1', 'q2', 'q6', 'q7']);
    expect(sorted(s.demands.refs.ids)).toEqual(['c1', 'c2', 'c3', 'c5', 'c6']);
    expect(s.byCategory.map((b) => [b.name, b.count.value])).toEqual([
      ['融资', 3],
      ['人才', 1],
      ['用地', 1],
    ]);
    expect(s.byChannel.map((b) => [b.name, b.count.value])).toEqual([
      ['现场', 4],
      ['书面', 1],
    ]);
    expect(s.byUrgency.map((b) => [b.name, b.count.value])).toEqual([
      ['一般', 2],
      ['急', 1],
      ['重', 1],
      ['难', 1],
    ]);
    expect([s.onSite.refs.ids, s.assigned.refs.ids, s.escalatedOnSite.refs.ids]).toEqual([
      ['c2'],
      ['c1', 'c3', 'c6'],
      ['c5'],
    ]);
  });

  it('交办件 handed over, by department, and 办结率', () => {
    expect(sorted(s.handedOff.refs.ids)).toEqual(['a2', 'a3', 'a4', 'a5', 'a6', 'a9']);
    expect(s.byDepartment.map((b) => [b.name, b.count.value])).toEqual([
      ['区人社局', 2],
      ['区税务局', 2],
      ['区财政局', 2],
    ]);
    // None of November's items is closed yet (a1, closed, was handed over in October).
    expect(s.closed).toMatchObject({ numerator: 0, denominator: 6 });
  });

  it('按时反馈率 and 逾期 over the rounds due in the month', () => {
    // Due in November: a1 (11-14), a2, a3 round 1, a9 (11-20), a6 (11-21), a5 (11-30), a7 (11-10 after its 延期).
    expect(s.onTime).toMatchObject({ numerator: 4, denominator: 7 });
    expect(sorted(s.onTime.refs.ids)).toEqual(['a1', 'a3', 'a7', 'a9']);
    // Late: a2 (replied 11-25), a6 (answered by the city on 11-28), a5 (no reply).
    expect(sorted(s.overdue.refs.ids)).toEqual(['a2', 'a5', 'a6']);
    expect(percentText(s.onTime.value)).toBe('57.1%');
  });

  it('满意率 both ways, over the 回访 of the month', () => {
    expect(s.satisfied).toMatchObject({ numerator: 1, denominator: 3 });
    expect(s.satisfiedOrBasic).toMatchObject({ numerator: 2, denominator: 3 });
    expect(s.unsatisfied.refs.ids).toEqual(['a3']);
    expect(percentText(s.satisfiedOrBasic.value)).toBe('66.7%');
  });

  it('average working days to reply, 重办 and 转报 with their outcome', () => {
    // Working days from handoff to reply: a1 7, a2 13, a3 8, a6 15, a7 14, a9 9 — 66 over 6 replies.
    expect(s.averageReplyDays).toMatchObject({ value: 11, replies: 6 });
    expect(s.redo.refs.ids).toEqual(['a3']);
    expect(s.escalations).toEqual([
      { assignmentId: 'a6', to: '市营商环境办', on: '2026-11-15', outcome: '上级已答复' },
    ]);
  });

  it('ranks the departments by 按时率, then 满意率', () => {
    expect(
      s.ranking.map((r) => [
        r.deptName,
        r.handedOff.value,
        r.onTime.numerator,
        r.onTime.denominator,
        r.satisfied.numerator,
        r.satisfied.denominator,
        r.overdue.value,
        r.redo.value,
      ]),
    ).toEqual([
      ['区税务局', 2, 1, 1, 0, 1, 0, 1],
      ['区财政局', 2, 3, 4, 2, 2, 1, 0],
      ['区人社局', 2, 0, 2, 0, 0, 2, 0],
    ]);
  });

  it('shows the trend of the twelve months to November', () => {
    expect(s.trend).toHaveLength(12);
    expect(s.trend.at(-1)).toMatchObject({
      meetings: 2,
      demands: 5,
      handedOff: 6,
      onTimeRate: 4 / 7,
      satisfiedRate: 1 / 3,
      satisfiedOrBasicRate: 2 / 3,
    });
    expect(s.trend.at(-2)).toMatchObject({ meetings: 1, demands: 1, handedOff: 2, onTimeRate: undefined });
    expect(s.trend[0]).toMatchObject({ meetings: 0, handedOff: 0 });
  });
});

describe('other periods and filters', () => {
  it('December: the rounds due by today only, the second round of a 重办 on its own', () => {
    const s = stats({ period: monthPeriod(2026, 12) });
    expect(s.meetings.refs.ids).toEqual(['m5']);
    expect(s.handedOff.refs.ids).toEqual(['a8']);
    // a3 round 2 (due 12-05, replied 12-03) and a4 (due 12-05, no reply); a8 is due 12-16, after today.
    expect(s.onTime).toMatchObject({ numerator: 1, denominator: 2 });
    expect(s.satisfied).toMatchObject({ numerator: 1, denominator: 1 });
    expect(s.averageReplyDays).toMatchObject({ value: 9, replies: 1 });
  });

  it('October: nothing due, said as —', () => {
    const s = stats({ period: monthPeriod(2026, 10) });
    expect(s.handedOff.value).toBe(2);
    expect(s.onTime.value).toBeUndefined();
    expect(percentText(s.onTime.value)).toBe('—');
  });

  it('a kind or level narrows every cohort to items from such meetings', () => {
    const s = stats({ kind: 'roundtable' });
    expect(s.meetings.refs.ids).toEqual(['m3']);
    expect(sorted(s.demands.refs.ids)).toEqual(['c5', 'c6']);
    expect(sorted(s.handedOff.refs.ids)).toEqual(['a4', 'a5']);
    expect(s.onTime).toMatchObject({ numerator: 0, denominator: 1 });
    expect(stats({ level: 'city' }).handedOff.value).toBe(2);
    expect(stats({ level: 'county' }).handedOff.value).toBe(4);
  });

  it('a quarter holds its months', () => {
    const q4 = stats({ period: quarterPeriod(2026, 4) });
    expect(q4.meetings.value).toBe(4);
    expect(q4.handedOff.value).toBe(9);
    // Every round due by today in the quarter: November's 7 and December's 2.
    expect(q4.onTime).toMatchObject({ numerator: 5, denominator: 9 });
  });
});
