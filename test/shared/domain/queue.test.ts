import { describe, expect, it } from 'vitest';
import {
  addWalkIn,
  beginInterjection,
  callSpeaker,
  currentEntry,
  elapsedMs,
  endCurrentTurn,
  endInterjection,
  isRepeatedMove,
  markAbsent,
  markPresent,
  meetingSpokenMs,
  moveWaiting,
  nextSpeaker,
  previousSpeaker,
  removalQuestion,
  removeSpeaker,
  REPEAT_GUARD_MS,
  reorderWaiting,
  toggleTimer,
  upcoming,
  type QueueState,
} from '../../../shared/domain/queue';
import type { QueueEntry } from '../../../shared/domain/types';

const entry = (id: string, position: number): QueueEntry => ({
  id,
  meetingId: 'm',
  enterpriseId: `e-${id}`,
  speaker: id,
  speakerTitle: '董事长',
  channel: '报名',
  status: 'waiting',
  position,
  spokenMs: 0,
});

const start = (): QueueState => ({
  entries: [entry('a', 1), entry('b', 2), entry('c', 3), entry('d', 4)],
  session: {
    meetingId: 'm',
    timer: { running: false, accumulatedMs: 0 },
    speakerLimitMs: 480_000,
    updatedAt: 0,
  },
});

const statuses = (s: QueueState) => Object.fromEntries(s.entries.map((e) => [e.id, e.status]));
const MIN = 60_000;

describe('queue', () => {
  it('next gives the floor to the first waiting speaker and closes the current turn with its time', () => {
    let s = nextSpeaker(start(), 0);
    expect(currentEntry(s)?.id).toBe('a');
    expect(s.session.startedAt).toBe(0);
    s = nextSpeaker(s, 5 * MIN);
    expect(statuses(s)).toEqual({ a: 'done', b: 'speaking', c: 'waiting', d: 'waiting' });
    expect(s.entries.find((e) => e.id === 'a')).toMatchObject({ spokenMs: 5 * MIN, endedAt: 5 * MIN });
    expect(upcoming(s.entries, 2).map((e) => e.id)).toEqual(['c', 'd']);
  });

  it('previous brings back the last speaker with their time running on, the current one waits again', () => {
    let s = nextSpeaker(nextSpeaker(start(), 0), 5 * MIN);
    s = previousSpeaker(s, 6 * MIN);
    expect(statuses(s)).toEqual({ a: 'speaking', b: 'waiting', c: 'waiting', d: 'waiting' });
    expect(elapsedMs(s.session.timer, 7 * MIN)).toBe(6 * MIN);
    expect(s.entries.find((e) => e.id === 'b')?.spokenMs).toBe(MIN);
    // b is first in line again, before c.
    expect(upcoming(s.entries, 1)[0]?.id).toBe('b');
    // With nobody done, previous does nothing.
    expect(previousSpeaker(nextSpeaker(start(), 0), 1)).toEqual(nextSpeaker(start(), 0));
  });

  it('absent: a waiting speaker is skipped; the current one passes the floor on; both can come back', () => {
    let s = nextSpeaker(start(), 0);
    s = markAbsent(s, 'c', 1);
    s = markAbsent(s, 'a', 2 * MIN);
    expect(statuses(s)).toEqual({ a: 'absent', b: 'speaking', c: 'absent', d: 'waiting' });
    s = markPresent(s, 'c');
    expect(upcoming(s.entries).map((e) => e.id)).toEqual(['c', 'd']);
  });

  it('a walk-in joins at the end as 现场; a waiting speaker can be called at once', () => {
    let s = addWalkIn(nextSpeaker(start(), 0), {
      id: 'w',
      meetingId: 'm',
      enterpriseId: 'e-w',
      speaker: '王',
      speakerTitle: '',
    });
    expect(s.entries.find((e) => e.id === 'w')).toMatchObject({
      channel: '现场',
      status: 'waiting',
      position: 5,
    });
    s = callSpeaker(s, 'w', MIN);
    expect(statuses(s)).toMatchObject({ a: 'done', w: 'speaking', b: 'waiting' });
  });

  it('reorders only the waiting speakers, by step or by a new order, numbering 1..n', () => {
    let s = nextSpeaker(start(), 0);
    s = moveWaiting(s, 'd', -1);
    expect(upcoming(s.entries).map((e) => e.id)).toEqual(['b', 'd', 'c']);
    expect(moveWaiting(s, 'b', -1)).toBe(s);
    s = reorderWaiting(s, ['c', 'b', 'd']);
    expect(upcoming(s.entries).map((e) => e.id)).toEqual(['c', 'b', 'd']);
    expect(s.entries.map((e) => e.position).sort()).toEqual([1, 2, 3, 4]);
    expect(reorderWaiting(s, ['c'])).toBe(s);
  });

  it('a reply pauses the speaker without losing their place, and the timer runs on afterwards', () => {
    let s = nextSpeaker(start(), 0);
    s = beginInterjection(s, { role: 'department', who: '区财政局' }, 3 * MIN);
    expect(s.session.interjection).toMatchObject({ who: '区财政局', startedAt: 3 * MIN });
    expect(currentEntry(s)?.id).toBe('a');
    expect(elapsedMs(s.session.timer, 10 * MIN)).toBe(3 * MIN);
    expect(toggleTimer(s, 4 * MIN)).toBe(s);
    s = endInterjection(s, 5 * MIN);
    expect(s.session.interjection).toBeUndefined();
    expect(elapsedMs(s.session.timer, 6 * MIN)).toBe(4 * MIN);
  });

  it('pauses and resumes the timer; totals per speaker and for the meeting', () => {
    let s = nextSpeaker(start(), 0);
    s = toggleTimer(s, 2 * MIN);
    expect(elapsedMs(s.session.timer, 9 * MIN)).toBe(2 * MIN);
    s = toggleTimer(s, 9 * MIN);
    s = nextSpeaker(s, 10 * MIN);
    expect(s.entries.find((e) => e.id === 'a')?.spokenMs).toBe(3 * MIN);
    expect(meetingSpokenMs(s, 11 * MIN)).toBe(4 * MIN);
  });

  it('ending the meeting closes the current turn and gives the floor to nobody', () => {
    const s = endCurrentTurn(nextSpeaker(start(), 0), 4 * MIN);
    expect(s.session.currentEntryId).toBeUndefined();
    expect(statuses(s)).toEqual({ a: 'done', b: 'waiting', c: 'waiting', d: 'waiting' });
    expect(s.entries.find((e) => e.id === 'a')?.spokenMs).toBe(4 * MIN);
  });

  it('after the last speaker, next leaves nobody on the floor', () => {
    let s = start();
    for (let i = 0; i < 5; i++) s = nextSpeaker(s, i * MIN);
    expect(s.session.currentEntryId).toBeUndefined();
    expect(Object.values(statuses(s))).toEqual(['done', 'done', 'done', 'done']);
  });
});

describe('queue: hard to break', () => {
  it('takes a second 下一位 or 上一位 within half a second for a double click', () => {
    expect(REPEAT_GUARD_MS).toBe(500);
    expect(isRepeatedMove(undefined, 'next', 1000)).toBe(false);
    expect(isRepeatedMove({ kind: 'next', at: 1000 }, 'next', 1200)).toBe(true);
    expect(isRepeatedMove({ kind: 'next', at: 1000 }, 'next', 1499)).toBe(true);
    expect(isRepeatedMove({ kind: 'next', at: 1000 }, 'next', 1500)).toBe(false);
    // 下一位 then 上一位 at once is two decisions, not a bounce.
    expect(isRepeatedMove({ kind: 'next', at: 1000 }, 'previous', 1100)).toBe(false);
    // A clock set back is no reason to ignore a press.
    expect(isRepeatedMove({ kind: 'next', at: 1000 }, 'next', 900)).toBe(false);
  });

  it('上一位 after a skipped speaker brings them back whole; the one called by mistake is not yet started', () => {
    let s = nextSpeaker(start(), 0); // a speaks
    s = nextSpeaker(s, 5 * MIN); // b
    s = nextSpeaker(s, 5 * MIN + 700); // b skipped after 0.7 s: recorded as done, c on the floor
    expect(statuses(s)).toMatchObject({ a: 'done', b: 'done', c: 'speaking' });
    expect(s.entries.find((e) => e.id === 'b')).toMatchObject({ spokenMs: 700, endedAt: 5 * MIN + 700 });
    s = previousSpeaker(s, 5 * MIN + 5000);
    expect(statuses(s)).toEqual({ a: 'done', b: 'speaking', c: 'waiting', d: 'waiting' });
    const b = s.entries.find((e) => e.id === 'b')!;
    expect(b.endedAt).toBeUndefined();
    expect(b.startedAt).toBe(5 * MIN);
    expect(elapsedMs(s.session.timer, 5 * MIN + 6000)).toBe(1700);
    // c waits first in line as if never called; the seconds it had are kept.
    const c = s.entries.find((e) => e.id === 'c')!;
    expect(c.startedAt).toBeUndefined();
    expect(c.spokenMs).toBe(4300);
    expect(upcoming(s.entries, 1)[0]?.id).toBe('c');
    // Called for real later, c's turn begins then.
    s = nextSpeaker(s, 9 * MIN);
    expect(s.entries.find((e) => e.id === 'c')?.startedAt).toBe(9 * MIN);
  });

  it('上一位 leaves someone who had spoken before with their first start', () => {
    let s = nextSpeaker(nextSpeaker(start(), 0), MIN); // a done, b speaking
    s = previousSpeaker(s, 2 * MIN); // a again, b waits (its first turn: not started)
    s = nextSpeaker(s, 3 * MIN); // b again
    s = nextSpeaker(s, 4 * MIN); // b done after a real second turn, c speaking
    s = previousSpeaker(s, 4 * MIN + 1000); // back to b; c waits, not started
    s = previousSpeaker(s, 4 * MIN + 2000); // back to a; b waits, keeping its start
    expect(s.entries.find((e) => e.id === 'b')?.startedAt).toBe(3 * MIN);
    expect(s.entries.find((e) => e.id === 'c')?.startedAt).toBeUndefined();
  });

  it('removes a speaker without the floor and numbers the rest 1..n', () => {
    let s = nextSpeaker(nextSpeaker(start(), 0), MIN); // a done, b speaking
    expect(removeSpeaker(s, 'b')).toBe(s);
    expect(removeSpeaker(s, 'nobody')).toBe(s);
    s = removeSpeaker(s, 'a');
    expect(s.entries.map((e) => [e.id, e.position])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
    expect(currentEntry(s)?.id).toBe('b');
  });

  it('asks specifically before removing someone who has spoken, and says their words stay', () => {
    const waiting = { status: 'waiting' as const, spokenMs: 0, speaker: '韩冬梅' };
    expect(removalQuestion(waiting, '青溪老街餐饮管理有限公司', 0)).toEqual({
      title: '移除发言人',
      message: '把“青溪老街餐饮管理有限公司”从发言名单中移除吗？',
      confirm: '移除',
    });
    const spoke = { status: 'done' as const, spokenMs: 200_000, startedAt: 1, speaker: '孙立伟' };
    const q = removalQuestion(spoke, '临江锦程纺织有限公司', 4);
    expect(q.title).toBe('移除已发言的发言人');
    expect(q.message).toContain('“临江锦程纺织有限公司”已经发言（3分20秒，会议记录中有4条孙立伟的发言）');
    expect(q.message).toContain('仍按原来的时间顺序留在会议记录和会议纪要中，不会删除');
    expect(q.confirm).toBe('移除，保留发言记录');
    // Words recorded without a timed turn count as having spoken.
    expect(removalQuestion(waiting, '某公司', 1).title).toBe('移除已发言的发言人');
  });
});
