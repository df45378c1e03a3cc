// 统计分析: every figure against a small district worked out by hand — meetings in October, November (one of them a
// city-level 恳谈会, one not held, one deleted) and December; 交办件 handed over across the month ends, replied on time,
// late, after a 延期, after a 重办, by the level above (转报), or not at all; 回访 of every verdict and none.
// The items are moved through their steps by the real rules (checkStep / makeStep / applyStep).
import { describe, expect, it } from 'vitest';
import { applyStep, checkStep, makeStep, type StepInput } from '../../../shared/domain/follow-up';
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
import {
  computeStats,
  percentText,
  prepareStats,
  type StatsData,
  type StatsQuery,
} from '../../../shared/domain/statistics';
import type { Assignment, Concern, FollowUpStep, Meeting, QueueEntry } from '../../../shared/domain/types';

const TODAY = '2026-12-10';
const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);

function meeting(id: string, date: string, over: Partial<Meeting> = {}): StatsData['meetings'][number] {
  return { id, title: id, kind: 'reception', level: 'county', date, status: 'handed_off', ...over };
}
const MEETINGS = [
  meeting('m1', '2026-10-30'),
  meeting('m2', '2026-11-05'),
  meeting('m3', '2026-11-20', { kind: 'roundtable', level: 'city' }),
  meeting('m4', '2026-11-28', { status: 'preparing' }),
  meeting('m5', '2026-12-01'),
  meeting('m6', '2026-11-10', { deletedAt: at('2026-11-11') }),
];

const q = (
  id: string,
  meetingId: string,
  enterpriseId: string,
  status: QueueEntry['status'],
  channel: QueueEntry['channel'] = '报名',
) => ({
  id,
  meetingId,
  enterpriseId,
  status,
  channel,
});
const QUEUE = [
  q('q1', 'm2', 'e1', 'done'),
  q('q2', 'm2', 'e2', 'done'),
  q('q3', 'm2', 'e3', 'absent'),
  q('q4', 'm2', 'e4', 'absent', '书面'),
  q('q6', 'm3', 'e5', 'done'),
  q('q7', 'm3', 'e2', 'done'),
  q('q8', 'm1', 'e6', 'done'),
  q('q9', 'm6', 'e7', 'done'),
];

type StatConcern = StatsData['concerns'][number];
const c = (
  id: string,
  meetingId: string,
  enterpriseId: string,
  category: string,
  channel: Concern['channel'],
  urgency: Concern['urgency'],
  disposition: Concern['disposition'],
  over: Partial<StatConcern> = {},
): StatConcern => ({
  id,
  meetingId,
  enterpriseId,
  category,
  channel,
  urgency,
  disposition,
  precollected: false,
  ...over,
});
const CONCERNS = [
  c('c1', 'm2', 'e1', '融资', '现场', 'urgent', 'assign'),
  c('c2', 'm2', 'e2', '用地', '现场', 'normal', 'resolved_on_site'),
  c('c3', 'm2', 'e4', '融资', '书面', 'major', 'assign', {
    precollected: true,
    confirmedAt: at('2026-11-05'),
  }),
  c('c4', 'm2', 'e3', '融资', '书面', 'normal', undefined, { precollected: true }),
  c('c5', 'm3', 'e5', '人才', '现场', 'hard', 'escalate'),
  c('c6', 'm3', 'e2', '融资', '现场', 'normal', 'assign'),
  c('c7', 'm1', 'e6', '融资', '现场', 'normal', 'assign'),
  c('c8', 'm6', 'e7', '融资', '现场', 'normal', 'assign'),
];

let serial = 0;
/** A 交办件 handed over on `handedOn`, then moved by its steps under the real rules. */
function item(
  id: string,
  meetingId: string,
  leadDeptId: string,
  handedOn: string,
  replyDueAt: string,
  inputs: StepInput[],
): { assignment: Assignment; steps: FollowUpStep[] } {
  let a: Assignment = {
    id,
    meetingId,
    enterpriseId: 'e1',
    docNumber: `青工商联交〔2026〕${id}号`,
    concernIds: [],
    leadLeaderId: 'l1',
    leadDeptId,
    coDeptIds: [],
    instruction: '',
    dueAt: replyDueAt,
    status: 'handed_off',
    handedOffAt: at(handedOn),
    replyDueAt,
    lastActivityOn: handedOn,
    createdAt: at(handedOn),
    updatedAt: at(handedOn),
  };
  const steps: FollowUpStep[] = [];
  for (const input of inputs) {
    const problem = checkStep(a, input, TODAY, steps);
    if (problem) throw new Error(`${id}: ${problem}`);
    serial += 1;
    const step = makeStep(a, input, { id: `s${serial}`, at: at(input.on) + serial, by: '秘书' });
    a = applyStep(a, step, steps);
    steps.push(step);
  }
  return { assignment: a, steps };
}
const reply = (on: string): StepInput => ({
  kind: 'reply',
  on,
  content: '已办理',
  handler: '经办人',
  phone: '',
  way: 'written',
});
const callback = (on: string, satisfaction: 'satisfied' | 'basically' | 'unsatisfied'): StepInput => ({
  kind: 'callback',
  on,
  caller: '秘书',
  way: 'phone',
  satisfaction,
  words: '',
});

const ITEMS = [
  item('a1', 'm1', 'd1', '2026-10-31', '2026-11-14', [
    reply('2026-11-10'),
    callback('2026-11-12', 'satisfied'),
    { kind: 'close', on: '2026-11-13', basis: 'satisfied', note: '' },
  ]),
  item('a2', 'm2', 'd1', '2026-11-06', '2026-11-20', [
    reply('2026-11-25'),
    callback('2026-11-26', 'basically'),
  ]),
  item('a3', 'm2', 'd2', '2026-11-06', '2026-11-20', [
    reply('2026-11-18'),
    callback('2026-11-19', 'unsatisfied'),
    { kind: 'redo', on: '2026-11-21', reason: '企业不满意', replyDueAt: '2026-12-05' },
    reply('2026-12-03'),
    callback('2026-12-04', 'satisfied'),
  ]),
  item('a4', 'm3', 'd2', '2026-11-21', '2026-12-05', []),
  item('a5', 'm3', 'd3', '2026-11-21', '2026-11-30', []),
  item('a6', 'm2', 'd3', '2026-11-07', '2026-11-21', [
    { kind: 'escalate', on: '2026-11-15', to: '市营商环境办', reference: '' },
    reply('2026-11-28'),
  ]),
  item('a7', 'm1', 'd1', '2026-10-20', '2026-11-03', [
    {
      kind: 'extend',
      on: '2026-11-01',
      replyDueAt: '2026-11-10',
      previousDueAt: '2026-11-03',
      approvedBy: 'l1',
      reason: '需现场核查',
    },
    reply('2026-11-09'),
  ]),
  item('a8', 'm5', 'd1', '2026-12-02', '2026-12-16', []),
  item('a9', 'm2', 'd1', '2026-11-06', '2026-11-20', [reply('2026-11-19')]),
];

const DATA: StatsData = {
  meetings: MEETINGS,
  queue: QUEUE,
  concerns: CONCERNS,
  assignments: [
    ...ITEMS.map((i) => i.assignment),
    // Signed but never handed over: in no figure.
    { ...ITEMS[0]!.assignment, id: 'a10', status: 'signed', handedOffAt: undefined, replyDueAt: undefined },
  ],
  steps: ITEMS.flatMap((i) => i.steps),
  departments: [
    { id: 'd1', name: '区财政局', order: 1 },
    { id: 'd2', name: '区税务局', order: 2 },
    { id: 'd3', name: '区人社局', order: 3 },
  ],
};
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
