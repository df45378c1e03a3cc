// The 跟踪督办 board's rules: what a row says, the counters, the filters, the search and the order.
import { describe, expect, it } from 'vitest';
import {
  assignmentRow,
  boardSearch,
  BOARD_COUNTERS,
  countRows,
  counterNeedsClosed,
  daysLeftText,
  dueSummary,
  inCounter,
  matchesFilter,
  meetingHeld,
  monthsBetween,
  onlyCounter,
  onSiteRow,
  sortRows,
  stateText,
  type BoardDay,
  type BoardRow,
} from '../../../shared/domain/follow-up-board';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import type { Assignment, Concern, DeadlineRules } from '../../../shared/domain/types';

const T0 = Date.parse('2026-11-24T10:00:00+08:00');
const RULES: DeadlineRules = {
  handoffDays: 2,
  replyDays: 14,
  yellowDays: 3,
  dayKind: 'calendar',
  yellowDayKind: 'calendar',
  staleDays: 7,
};
const on = (today: string, rules: DeadlineRules = RULES): BoardDay => ({
  today,
  rules,
  table: SHIPPED_HOLIDAYS,
});

function item(over: Partial<Assignment> = {}): Assignment {
  return {
    id: 'a1',
    meetingId: 'm1',
    enterpriseId: 'e1',
    docNumber: '青工商联交〔2026〕12号',
    concernIds: ['c1'],
    leadLeaderId: 'l1',
    leadDeptId: 'd1',
    coDeptIds: ['d2'],
    instruction: '请区人社局牵头办理',
    status: 'handed_off',
    handedOffAt: T0,
    replyDueAt: '2026-12-08',
    // Moving recently, so only the due date decides the warning.
    lastActivityOn: '2026-12-04',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

const concern = (summary: string, category = '用工'): Pick<Concern, 'summary' | 'verbatim' | 'category'> => ({
  summary,
  verbatim: `${summary}的原话`,
  category,
});

const row = (over: Partial<Assignment> = {}, today = '2026-12-05', name = '临江丰泽钢构有限公司') =>
  assignmentRow(
    { assignment: item(over), concerns: [concern('熟练工招不到')], enterpriseName: name },
    on(today),
  );

describe('assignmentRow', () => {
  it('prints the item: 文号, enterprise, demand, departments, 交办时间 and 答复期限 with the days left', () => {
    const r = row();
    expect(r).toMatchObject({
      key: 'a1',
      assignmentId: 'a1',
      docNumber: '青工商联交〔2026〕12号',
      enterpriseName: '临江丰泽钢构有限公司',
      demand: '熟练工招不到',
      categories: ['用工'],
      leadDeptId: 'd1',
      coDeptIds: ['d2'],
      leadLeaderId: 'l1',
      handedOffOn: '2026-11-24',
      replyDueAt: '2026-12-08',
      state: 'handed_off',
      round: 1,
      warning: 'yellow',
      reasons: ['剩余3天，尚未答复'],
      daysLeft: 3,
    });
  });

  it('joins the demands of a merged item and falls back to the words when a summary is empty', () => {
    const r = assignmentRow(
      {
        assignment: item({ concernIds: ['c1', 'c2'] }),
        concerns: [concern('用地指标', '用地'), { summary: ' ', verbatim: '贷款续不上', category: '融资' }],
        enterpriseName: '甲',
      },
      on('2026-12-01'),
    );
    expect(r.demand).toBe('用地指标；贷款续不上');
    expect(r.categories).toEqual(['用地', '融资']);
  });

  it('turns yellow with 3 days left, is due today on the day, red after it', () => {
    expect(row({}, '2026-12-04')).toMatchObject({ warning: 'none', daysLeft: 4 });
    expect(row({}, '2026-12-05')).toMatchObject({ warning: 'yellow', daysLeft: 3, dueToday: false });
    expect(row({}, '2026-12-08')).toMatchObject({ warning: 'yellow', daysLeft: 0, dueToday: true });
    expect(row({}, '2026-12-10')).toMatchObject({ warning: 'red', daysLeft: -2, daysOverdue: 2 });
  });

  it('counts working days when the rules say so', () => {
    const working = { ...RULES, dayKind: 'working' as const, yellowDayKind: 'working' as const };
    // 2026-12-04 is a Friday: the 7th and 8th (Monday, Tuesday) are the two working days left.
    const r = assignmentRow(
      { assignment: item(), concerns: [], enterpriseName: '甲' },
      on('2026-12-04', working),
    );
    expect(r.daysLeft).toBe(2);
    expect(daysLeftText(r, working)).toBe('剩余2个工作日');
  });

  it('says 第N次办理 from the second round, and 已转报 for an item sent up or answered from above', () => {
    expect(stateText(row({ status: 'redo', round: 2 }))).toBe('重办中（第2次办理）');
    expect(stateText(row())).toBe('已交办');
    expect(row({ status: 'escalated', escalatedTo: '市营商办' }).escalated).toBe(true);
    expect(row({ status: 'closed', escalatedTo: '市营商办' }).escalated).toBe(true);
    expect(row({ status: 'replied' }).escalated).toBe(false);
  });

  it('carries no days left once the reply is in', () => {
    const r = row({ status: 'replied', repliedOn: '2026-12-03' }, '2026-12-10');
    expect(r.daysLeft).toBeUndefined();
    expect(r.warning).toBe('none');
    expect(daysLeftText(r, RULES)).toBe('');
  });
});

describe('onSiteRow', () => {
  it('is a closed row of the meeting’s day with the department that answered, opening no item', () => {
    const r = onSiteRow({
      concern: {
        id: 'c9',
        meetingId: 'm1',
        enterpriseId: 'e1',
        kind: 'problem',
        category: '基础设施',
        urgency: 'normal',
        verbatim: '路灯不亮',
        summary: '园区路灯',
        channel: '现场',
        disposition: 'resolved_on_site',
        suggestedDeptId: 'd3',
        minuteEntryIds: [],
        answerEntryIds: [],
        precollected: false,
        createdAt: T0,
        updatedAt: T0,
      },
      meeting: { id: 'm1', date: '2026-11-21' },
      enterpriseName: '乙',
    });
    expect(r).toMatchObject({
      key: 'on-site:c9',
      state: 'on_site',
      handedOffOn: '2026-11-21',
      leadDeptId: 'd3',
    });
    expect(r.assignmentId).toBeUndefined();
    expect(stateText(r)).toBe('现场解决');
    expect(inCounter(r, 'closed')).toBe(true);
    expect(inCounter(r, 'open')).toBe(false);
  });

  it('counts only meetings that have ended and are not in the recycle bin', () => {
    expect(meetingHeld({ status: 'handed_off' })).toBe(true);
    expect(meetingHeld({ status: 'signing' })).toBe(true);
    expect(meetingHeld({ status: 'live' })).toBe(false);
    expect(meetingHeld({ status: 'preparing' })).toBe(false);
    expect(meetingHeld({ status: 'handed_off', deletedAt: T0 })).toBe(false);
  });
});

describe('counters', () => {
  const today = '2026-12-08';
  const rows = [
    row({ id: 'due' }, today),
    row({ id: 'late', replyDueAt: '2026-12-01' }, today),
    row({ id: 'soon', replyDueAt: '2026-12-10' }, today),
    row({ id: 'replied', status: 'replied' }, today),
    row({ id: 'redo', status: 'redo', round: 2, replyDueAt: '2026-12-30' }, today),
    row({ id: 'up', status: 'escalated', escalatedTo: '市营商办' }, today),
    row({ id: 'closed', status: 'closed' }, today),
    row({ id: 'gone', status: 'written_off', escalatedTo: '市营商办' }, today),
  ];

  it('counts each row under every counter it falls under', () => {
    expect(countRows(rows)).toEqual({
      open: 6,
      dueToday: 1,
      yellow: 2,
      red: 1,
      callback: 1,
      redo: 1,
      closed: 2,
      escalated: 2,
    });
    const keys = (c: (typeof BOARD_COUNTERS)[number]) =>
      rows.filter((r) => inCounter(r, c)).map((r) => r.key);
    expect(keys('yellow')).toEqual(['due', 'soon']);
    expect(keys('red')).toEqual(['late']);
    expect(keys('escalated')).toEqual(['up', 'gone']);
  });

  it('needs the closed rows only for 已办结, 已转报 and everything', () => {
    expect(BOARD_COUNTERS.filter((c) => counterNeedsClosed(c))).toEqual(['closed', 'escalated']);
    expect(counterNeedsClosed(undefined)).toBe(true);
  });

  it('finds 今日到期 and 已逾期 for the meetings list', () => {
    const items = [
      item({ id: 'x' }),
      item({ id: 'y', replyDueAt: '2026-12-01' }),
      item({ status: 'replied' }),
    ];
    expect(dueSummary(items, on(today))).toEqual({ dueToday: 1, overdue: 1 });
    expect(dueSummary(items, on('2026-12-09'))).toEqual({ dueToday: 0, overdue: 2 });
  });
});

describe('filters', () => {
  const r = row({ meetingId: 'm7', coDeptIds: ['d2', 'd4'] });

  it('narrows by lead or co-department, leader, meeting, month, category, state and warning', () => {
    expect(matchesFilter(r, { deptId: 'd1' })).toBe(true);
    expect(matchesFilter(r, { deptId: 'd4' })).toBe(true);
    expect(matchesFilter(r, { deptId: 'd9' })).toBe(false);
    expect(matchesFilter(r, { leaderId: 'l1' })).toBe(true);
    expect(matchesFilter(r, { leaderId: 'l2' })).toBe(false);
    expect(matchesFilter(r, { meetingId: 'm7' })).toBe(true);
    expect(matchesFilter(r, { meetingId: 'm1' })).toBe(false);
    expect(matchesFilter(r, { month: '2026-11' })).toBe(true);
    expect(matchesFilter(r, { month: '2026-12' })).toBe(false);
    expect(matchesFilter(r, { category: '用工' })).toBe(true);
    expect(matchesFilter(r, { category: '用地' })).toBe(false);
    expect(matchesFilter(r, { state: 'handed_off' })).toBe(true);
    expect(matchesFilter(r, { state: 'redo' })).toBe(false);
    expect(matchesFilter(r, { warning: 'yellow' })).toBe(true);
    expect(matchesFilter(r, { warning: 'red' })).toBe(false);
    expect(matchesFilter(r, { counter: 'yellow', deptId: 'd2', month: '2026-11' })).toBe(true);
    expect(matchesFilter(r, { counter: 'closed' })).toBe(false);
  });

  it('knows when only the counter narrows', () => {
    expect(onlyCounter({ counter: 'red' })).toBe(true);
    expect(onlyCounter({ counter: 'red', query: '' })).toBe(true);
    expect(onlyCounter({ counter: 'red', deptId: 'd1' })).toBe(false);
  });

  it('searches enterprise, 文号 and demand by 汉字 and pinyin', () => {
    const rows = [
      row({ id: 'a', docNumber: '青工商联交〔2026〕3号' }, '2026-12-05', '临江丰泽钢构有限公司'),
      row({ id: 'b', docNumber: '青工商联交〔2026〕12号' }, '2026-12-05', '青溪禾香食品有限公司'),
    ];
    const search = boardSearch(rows);
    expect([...search.keys('fzgg')]).toEqual(['a']);
    expect([...search.keys('禾香')]).toEqual(['b']);
    expect([...search.keys('12号')]).toEqual(['b']);
    expect(search.keys('招不到').size).toBe(2);
    expect(search.keys('zbd').size).toBe(2);
    expect(search.keys('冷库').size).toBe(0);
  });
});

describe('order', () => {
  const today = '2026-12-08';
  const rows: BoardRow[] = [
    row({ id: 'closed-old', status: 'closed', handedOffAt: T0 - 40 * 86_400_000 }, today),
    row({ id: 'replied', status: 'replied' }, today),
    row({ id: 'soon', replyDueAt: '2026-12-10' }, today),
    row({ id: 'late2', replyDueAt: '2026-12-06', docNumber: '青工商联交〔2026〕12号' }, today),
    row({ id: 'late2b', replyDueAt: '2026-12-06', docNumber: '青工商联交〔2026〕9号' }, today),
    row({ id: 'closed-new', status: 'written_off', handedOffAt: T0 - 86_400_000 }, today),
    row({ id: 'due', handedOffAt: T0 + 86_400_000 }, today),
  ];

  it('puts the most urgent first: longest overdue, then fewest days left, then replies in hand, then closed', () => {
    expect(sortRows(rows, 'urgency').map((r) => r.key)).toEqual([
      'late2b',
      'late2',
      'due',
      'soon',
      'replied',
      'closed-new',
      'closed-old',
    ]);
  });

  it('orders by 交办时间 either way', () => {
    expect(sortRows(rows, 'newest').map((r) => r.key)[0]).toBe('due');
    expect(sortRows(rows, 'oldest').map((r) => r.key)[0]).toBe('closed-old');
  });

  it('prints days left as 剩余, 今日到期 or 逾期', () => {
    expect(daysLeftText(row({}, '2026-12-05'), RULES)).toBe('剩余3天');
    expect(daysLeftText(row({}, '2026-12-08'), RULES)).toBe('今日到期');
    expect(daysLeftText(row({}, '2026-12-10'), RULES)).toBe('逾期2天');
  });
});

describe('monthsBetween', () => {
  it('lists the months newest first across a year end', () => {
    expect(monthsBetween('2025-11-30', '2026-02-01')).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthsBetween('2026-02-03', '2026-02-20')).toEqual(['2026-02']);
  });
});
