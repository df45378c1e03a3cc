// The 跟踪督办 board's store over the app's database: open items read at once, closed ones counted by index and
// read when a counter shows them, filters and search in memory, the day moving on while the app is open, and the
// meetings list's reminder.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repositories, type DeskDb } from '../../renderer/db';
import { FollowUpBoardRepository } from '../../renderer/db/repositories/follow-up-board';
import { useFollowUpBoardStore } from '../../renderer/stores/follow-up-board';
import type { Assignment, Concern, EscalateStep, Meeting } from '../../shared/domain/types';
import { freshDatabase } from './db-helpers';

const NOW = Date.parse('2026-12-07T09:30:00+08:00');
const HANDED = Date.parse('2026-11-24T10:00:00+08:00');
let db: DeskDb;

function meeting(id: string, status: Meeting['status'], date: string, over: Partial<Meeting> = {}): Meeting {
  return {
    id,
    kind: 'reception',
    title: `青溪区${id}“民营企业接待日”`,
    edition: 1,
    theme: '',
    date,
    startTime: '09:00',
    place: '',
    level: 'county',
    status,
    hostLeaderIds: [],
    attendingDeptIds: [],
    createdAt: HANDED,
    updatedAt: HANDED,
    ...over,
  };
}

function concern(id: string, meetingId: string, summary: string, over: Partial<Concern> = {}): Concern {
  return {
    id,
    meetingId,
    enterpriseId: 'e1',
    kind: 'problem',
    category: '用工',
    urgency: 'normal',
    verbatim: summary,
    summary,
    channel: '现场',
    disposition: 'assign',
    minuteEntryIds: [],
    answerEntryIds: [],
    precollected: false,
    createdAt: HANDED,
    updatedAt: HANDED,
    ...over,
  };
}

let n = 0;
function item(status: Assignment['status'], over: Partial<Assignment> = {}): Assignment {
  n += 1;
  return {
    id: `a${n}`,
    meetingId: 'm1',
    enterpriseId: 'e1',
    docNumber: `青工商联交〔2026〕${n}号`,
    concernIds: ['c1'],
    leadLeaderId: 'l1',
    leadDeptId: 'd1',
    coDeptIds: [],
    instruction: '请牵头办理',
    status,
    handedOffAt: HANDED,
    replyDueAt: '2026-12-08',
    lastActivityOn: '2026-12-05',
    createdAt: HANDED,
    updatedAt: HANDED,
    ...over,
  };
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  n = 0;
  db = await freshDatabase();
  await db.departments.bulkPut([
    { id: 'd1', name: '区人社局', shortName: '人社局', aliases: [], order: 1 },
    { id: 'd2', name: '区财政局', shortName: '财政局', aliases: [], order: 2 },
  ]);
  await db.leaders.put({ id: 'l1', name: '周副区长', title: '副区长', order: 1 });
  await db.enterprises.bulkPut(
    [
      ['e1', '临江丰泽钢构有限公司'],
      ['e2', '青溪禾香食品有限公司'],
    ].map(([id, name]) => ({
      id: id!,
      name: name!,
      creditCode: '',
      legalRep: '',
      contact: '',
      contactTitle: '',
      phone: '',
      industry: '',
      street: '',
      createdAt: HANDED,
      updatedAt: HANDED,
    })),
  );
  await db.meetings.bulkPut([
    meeting('m1', 'handed_off', '2026-11-21'),
    meeting('m2', 'preparing', '2026-12-20'),
    meeting('m3', 'handed_off', '2026-10-10', { deletedAt: HANDED }),
  ]);
  await db.concerns.bulkPut([
    concern('c1', 'm1', '熟练工招不到'),
    concern('c2', 'm1', '冷库专线接电', { enterpriseId: 'e2', category: '用电用能' }),
    // Resolved on site at a held meeting: counted as closed.
    concern('c3', 'm1', '园区路灯', { disposition: 'resolved_on_site', suggestedDeptId: 'd2' }),
    // …but not at a meeting still being prepared, nor at one in the recycle bin.
    concern('c4', 'm2', '预先收集', { disposition: 'resolved_on_site' }),
    concern('c5', 'm3', '已删除会议', { disposition: 'resolved_on_site' }),
  ]);
  await db.assignments.bulkPut([
    item('handed_off'), // a1: due tomorrow, yellow
    item('handed_off', { replyDueAt: '2026-12-07' }), // a2: due today
    item('redo', {
      round: 2,
      replyDueAt: '2026-12-01',
      enterpriseId: 'e2',
      concernIds: ['c2'],
      coDeptIds: ['d2'],
    }), // a3: red
    item('replied', { repliedOn: '2026-12-04' }), // a4: 待回访
    item('escalated', { escalatedTo: '市营商办' }), // a5
    item('closed', { closedOn: '2026-12-01' }), // a6
    item('written_off', { escalatedTo: '市营商办', writtenOffOn: '2026-12-03' }), // a7
    item('draft', { docNumber: undefined, handedOffAt: undefined, replyDueAt: undefined }), // not on the board
    item('signed', { handedOffAt: undefined, replyDueAt: undefined }), // not on the board
  ]);
  const escalate: EscalateStep = {
    id: 's1',
    assignmentId: 'a7',
    kind: 'escalate',
    round: 1,
    on: '2026-11-26',
    at: HANDED,
    by: '李秘书',
    to: '市营商办',
    reference: '',
  };
  await db.followUps.put(escalate);
});

afterEach(async () => {
  // The closed rows are read in the background: let that finish before the database goes.
  await useFollowUpBoardStore().closedRead();
  vi.useRealTimers();
});

describe('follow-up board store', () => {
  it('shows the open items at once and counts the closed ones without reading them', async () => {
    const board = useFollowUpBoardStore();
    await board.load();
    expect(board.closedLoaded).toBe(false);
    await vi.waitFor(() => expect(board.counts.closed).toBeDefined());
    expect(board.counts).toEqual({
      open: 5,
      dueToday: 1,
      yellow: 2,
      red: 1,
      callback: 1,
      redo: 1,
      closed: 3,
      escalated: 2,
    });
    // 在办, most urgent first: the overdue redo, then today's, then tomorrow's; the reply in hand and 转报 after.
    expect(board.rows.map((r) => r.key)).toEqual(['a3', 'a2', 'a1', 'a4', 'a5']);
    const red = board.rows[0]!;
    expect(red).toMatchObject({
      enterpriseName: '青溪禾香食品有限公司',
      demand: '冷库专线接电',
      warning: 'red',
      daysOverdue: 6,
      round: 2,
    });
  });

  it('reads the closed rows when 已办结 is tapped, with the demands resolved on site', async () => {
    const board = useFollowUpBoardStore();
    await board.load();
    board.toggleCounter('closed');
    await vi.waitFor(() => expect(board.closedLoaded).toBe(true));
    expect(board.rows.map((r) => r.key).sort()).toEqual(['a6', 'a7', 'on-site:c3']);
    expect(board.counts.closed).toBe(3);
    expect(board.counts.escalated).toBe(2);
    // Tapped again, the counter lets go: everything on the board.
    board.toggleCounter('closed');
    expect(board.filter.counter).toBeUndefined();
    expect(board.rows).toHaveLength(8);
  });

  it('filters by department, lead or co, and searches by pinyin, back to page 1', async () => {
    const board = useFollowUpBoardStore();
    await board.load();
    board.page = 2;
    board.setFilter({ counter: 'open', deptId: 'd2' });
    expect(board.page).toBe(1);
    expect(board.rows.map((r) => r.key)).toEqual(['a3']);
    // The counters count what the filter lets through; the closed ones once they are read.
    expect(board.counts.closed).toBeUndefined();
    await vi.waitFor(() => expect(board.closedLoaded).toBe(true));
    expect(board.counts).toEqual({
      open: 1,
      dueToday: 0,
      yellow: 0,
      red: 1,
      callback: 0,
      redo: 1,
      closed: 1,
      escalated: 0,
    });
    board.setFilter({ counter: 'open', query: 'hxsp' });
    expect(board.rows.map((r) => r.key)).toEqual(['a3']);
    board.setFilter({ counter: 'open', query: '2号' });
    expect(board.rows.map((r) => r.key)).toEqual(['a2']);
    board.clearFilters();
    expect(board.filter).toEqual({ counter: 'open' });
    board.setSort('oldest');
    expect(board.rows).toHaveLength(5);
  });

  it('moves on to the next day while open: today’s item turns red', async () => {
    const board = useFollowUpBoardStore();
    const stop = board.watchDay();
    await board.load();
    expect(board.counts).toMatchObject({ dueToday: 1, red: 1 });
    vi.setSystemTime(Date.parse('2026-12-08T00:01:00+08:00'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(board.today).toBe('2026-12-08');
    expect(board.counts).toMatchObject({ dueToday: 1, red: 2 });
    stop();
  });

  it('gives the meetings list 今日到期 and 已逾期', async () => {
    const board = useFollowUpBoardStore();
    await board.loadDue();
    expect(board.due).toEqual({ dueToday: 1, overdue: 1 });
    vi.setSystemTime(Date.parse('2026-12-09T08:00:00+08:00'));
    await board.loadDue();
    expect(board.due).toEqual({ dueToday: 0, overdue: 3 });
  });

  it('reads the closed rows in the background once, and again only when something changed', async () => {
    const read = vi.spyOn(FollowUpBoardRepository.prototype, 'closedSources');
    const board = useFollowUpBoardStore();
    await board.load();
    await board.closedRead();
    expect(board.closedLoaded).toBe(true);
    expect(read).toHaveBeenCalledTimes(1);
    // The board opened again, nothing changed: the rows in memory serve.
    await board.load();
    await board.closedRead();
    expect(read).toHaveBeenCalledTimes(1);
    // An item closed meanwhile (its audit record moves the log's head): read again, and it is there.
    await repositories(db).audit.append({
      at: HANDED,
      action: 'test',
      entity: 'assignment',
      entityId: 'a1',
      detail: '',
    });
    await board.load();
    await board.closedRead();
    expect(read).toHaveBeenCalledTimes(2);
    read.mockRestore();
  });

  it('opened again with nothing written keeps what it read; any write and it reads again', async () => {
    const read = vi.spyOn(FollowUpBoardRepository.prototype, 'firstPaint');
    const board = useFollowUpBoardStore();
    await board.load();
    await board.load();
    expect(read).toHaveBeenCalledTimes(1);
    const a1 = (await db.assignments.get('a1'))!;
    await db.assignments.put({ ...a1, status: 'replied', repliedOn: '2026-12-06' });
    await board.load();
    expect(read).toHaveBeenCalledTimes(2);
    expect(board.rows.find((r) => r.key === 'a1')?.state).toBe('replied');
    read.mockRestore();
  });

  it('offers the held meetings and the months since the first handoff', async () => {
    const board = useFollowUpBoardStore();
    await board.load();
    expect(board.heldMeetings.map((m) => m.id)).toEqual(['m1']);
    expect(board.months).toEqual(['2026-12', '2026-11']);
  });
});
