/**
 * The speaker queue of a live meeting as pure operations: each takes the entries (in speaking order)
 * and the live session and returns new ones, so the store can save both in one transaction and the
 * rules are tested without a browser. A speaker's `spokenMs` is their total: when they get the floor
 * the timer starts from it, when they leave it the timer's time is written back.
 */
import type { Interjection, LiveSession, TimerState } from './live';
import type { EpochMs, Id, QueueEntry } from './types';
import { timerElapsedMs } from './timer-display';

/** The queue and the session, always changed together. */
export interface QueueState {
  entries: QueueEntry[];
  session: LiveSession;
}

/** Default speaking time per speaker (8 minutes). */
export const DEFAULT_SPEAKER_LIMIT_MS = 8 * 60_000;

/** Time on a timer at `now` (the projector's own reading, so both screens agree). */
export const elapsedMs = timerElapsedMs;

/** A stopped timer holding `ms`. */
export function stoppedTimer(ms = 0): TimerState {
  return { running: false, accumulatedMs: ms };
}

/** A running timer that started at `now` from `ms`. */
export function runningTimer(now: EpochMs, ms = 0): TimerState {
  return { running: true, startedAt: now, accumulatedMs: ms };
}

/** Pause a timer, keeping its time. */
export function pauseTimer(timer: TimerState, now: EpochMs): TimerState {
  return stoppedTimer(elapsedMs(timer, now));
}

/** Resume a paused timer. */
export function resumeTimer(timer: TimerState, now: EpochMs): TimerState {
  return timer.running ? timer : runningTimer(now, timer.accumulatedMs);
}

/** Entries in speaking order. */
export function inOrder(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort((a, b) => a.position - b.position);
}

/** The entry that has the floor. */
export function currentEntry(state: QueueState): QueueEntry | undefined {
  return state.entries.find((e) => e.id === state.session.currentEntryId);
}

/** The next `n` waiting speakers, in order. */
export function upcoming(entries: readonly QueueEntry[], n = Infinity): QueueEntry[] {
  return inOrder(entries)
    .filter((e) => e.status === 'waiting')
    .slice(0, n);
}

const replace = (entries: readonly QueueEntry[], changed: QueueEntry[]): QueueEntry[] => {
  const byId = new Map(changed.map((e) => [e.id, e]));
  return entries.map((e) => byId.get(e.id) ?? e);
};

/** Close the current speaker's turn with `status`, writing the timer's time back. */
function leaveFloor(state: QueueState, status: QueueEntry['status'], now: EpochMs): QueueState {
  const current = currentEntry(state);
  if (!current) return state;
  const left: QueueEntry = { ...current, status, spokenMs: elapsedMs(state.session.timer, now) };
  if (status === 'done' || status === 'absent') left.endedAt = now;
  const { currentEntryId: _gone, interjection: _also, firstTurn: _over, ...session } = state.session;
  return {
    entries: replace(state.entries, [left]),
    session: { ...session, timer: stoppedTimer(), updatedAt: now },
  };
}

/** Give `entry` the floor, its timer running from its time so far. */
function takeFloor(state: QueueState, entry: QueueEntry, now: EpochMs): QueueState {
  const speaking: QueueEntry = { ...entry, status: 'speaking', startedAt: entry.startedAt ?? now };
  const { firstTurn: _previous, ...session } = state.session;
  return {
    entries: replace(state.entries, [speaking]),
    session: {
      ...session,
      ...(entry.startedAt === undefined ? { firstTurn: entry.id } : {}),
      currentEntryId: entry.id,
      timer: runningTimer(now, entry.spokenMs),
      startedAt: state.session.startedAt ?? now,
      updatedAt: now,
    },
  };
}

/** 结束会议: the current turn closes and nobody takes the floor. */
export function endCurrentTurn(state: QueueState, now: EpochMs): QueueState {
  return leaveFloor(state, 'done', now);
}

/** 下一位: the current speaker is done and the first waiting one takes the floor (if any). */
export function nextSpeaker(state: QueueState, now: EpochMs): QueueState {
  const after = leaveFloor(state, 'done', now);
  const next = upcoming(after.entries, 1)[0];
  return next ? takeFloor(after, next, now) : after;
}

/**
 * 上一位: the one who spoke last takes the floor again as they were — their time running on, no longer listed as
 * done (a speaker skipped by a second press of 下一位 comes back whole). The current speaker waits again at their
 * place, keeping the time they really spoke; if this was their first turn they count as not yet started, so
 * their turn begins when they really get the floor.
 */
export function previousSpeaker(state: QueueState, now: EpochMs): QueueState {
  const done = state.entries
    .filter((e) => e.status === 'done' && e.id !== state.session.currentEntryId)
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0) || b.position - a.position);
  const previous = done[0];
  if (!previous) return state;
  const current = currentEntry(state);
  let back = leaveFloor(state, 'waiting', now);
  if (current && state.session.firstTurn === current.id) {
    const sent = back.entries.find((e) => e.id === current.id)!;
    const { startedAt: _notYet, ...waiting } = sent;
    back = { ...back, entries: replace(back.entries, [waiting as QueueEntry]) };
  }
  const { endedAt: _reopened, ...reopened } = previous;
  return takeFloor(
    { ...back, entries: replace(back.entries, [reopened as QueueEntry]) },
    reopened as QueueEntry,
    now,
  );
}

/** A second press of 下一位 or 上一位 within this time is taken for a double click and ignored. */
export const REPEAT_GUARD_MS = 500;

/** The last move of the floor by 下一位 or 上一位, to recognise a repeat. */
export interface FloorMove {
  kind: 'next' | 'previous';
  at: EpochMs;
}

/** True when `kind` at `now` repeats the last move within `REPEAT_GUARD_MS` (a double click, a bouncing key). */
export function isRepeatedMove(last: FloorMove | undefined, kind: FloorMove['kind'], now: EpochMs): boolean {
  return last !== undefined && last.kind === kind && now - last.at >= 0 && now - last.at < REPEAT_GUARD_MS;
}

/** 缺席: a waiting speaker, or the current one (the floor then passes on). */
export function markAbsent(state: QueueState, id: Id, now: EpochMs): QueueState {
  if (id === state.session.currentEntryId) {
    const after = leaveFloor(state, 'absent', now);
    const next = upcoming(after.entries, 1)[0];
    return next ? takeFloor(after, next, now) : after;
  }
  const entry = state.entries.find((e) => e.id === id);
  if (!entry || entry.status !== 'waiting') return state;
  return { ...state, entries: replace(state.entries, [{ ...entry, status: 'absent', endedAt: now }]) };
}

/** An absent speaker turns up after all: back to waiting, at their place in the order. */
export function markPresent(state: QueueState, id: Id): QueueState {
  const entry = state.entries.find((e) => e.id === id);
  if (!entry || entry.status !== 'absent') return state;
  const { endedAt: _gone, ...rest } = entry;
  return { ...state, entries: replace(state.entries, [{ ...rest, status: 'waiting' }]) };
}

/** Give the floor to a particular waiting speaker now (tap on a name in the queue). */
export function callSpeaker(state: QueueState, id: Id, now: EpochMs): QueueState {
  const entry = state.entries.find((e) => e.id === id);
  if (!entry || entry.status !== 'waiting') return state;
  const after = leaveFloor(state, state.session.currentEntryId ? 'done' : 'waiting', now);
  return takeFloor(
    after,
    after.entries.find((e) => e.id === id)!,
    now,
  );
}

/**
 * Take a speaker off the list (a walk-in added by mistake, a duplicate). Only someone without the floor: the
 * current speaker is moved on first. The others keep their order, numbered 1..n again. Their words stay in the
 * minutes, which are separate records.
 */
export function removeSpeaker(state: QueueState, id: Id): QueueState {
  if (id === state.session.currentEntryId || !state.entries.some((e) => e.id === id)) return state;
  const kept = inOrder(state.entries.filter((e) => e.id !== id));
  return {
    ...state,
    entries: kept.map((e, i) => (e.position === i + 1 ? e : { ...e, position: i + 1 })),
  };
}

/** What is asked before a speaker is removed from the live queue. */
export interface RemovalQuestion {
  title: string;
  message: string;
  confirm: string;
}

/**
 * The question before removing `enterprise`'s speaker: a plain one when they have not spoken, and when they have,
 * how long and how many entries, and that the words stay where they are in the record and the 纪要.
 */
export function removalQuestion(
  entry: Pick<QueueEntry, 'status' | 'spokenMs' | 'startedAt' | 'speaker'>,
  enterprise: string,
  entriesRecorded: number,
): RemovalQuestion {
  const spoke = entry.startedAt !== undefined || entry.spokenMs > 0 || entriesRecorded > 0;
  if (!spoke)
    return {
      title: '移除发言人',
      message: `把“${enterprise}”从发言名单中移除吗？`,
      confirm: '移除',
    };
  const s = Math.round(entry.spokenMs / 1000);
  const time = `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
  const words =
    entriesRecorded > 0 ? `，会议记录中有${entriesRecorded}条${entry.speaker || '该企业'}的发言` : '';
  return {
    title: '移除已发言的发言人',
    message:
      `“${enterprise}”已经发言（${time}${words}）。移除只是把它从发言名单中去掉：` +
      `已记下的话仍按原来的时间顺序留在会议记录和会议纪要中，不会删除。确定移除吗？`,
    confirm: '移除，保留发言记录',
  };
}

/** 现场: a walk-in joins at the end of the queue. */
export function addWalkIn(
  state: QueueState,
  entry: Omit<QueueEntry, 'position' | 'status' | 'channel' | 'spokenMs'>,
): QueueState {
  const position = state.entries.reduce((max, e) => Math.max(max, e.position), 0) + 1;
  return {
    ...state,
    entries: [...state.entries, { ...entry, channel: '现场', status: 'waiting', position, spokenMs: 0 }],
  };
}

/** Move a waiting speaker up (-1) or down (+1) among the waiting ones; positions renumbered 1..n. */
export function moveWaiting(state: QueueState, id: Id, delta: -1 | 1): QueueState {
  const ordered = inOrder(state.entries);
  const waiting = ordered.filter((e) => e.status === 'waiting');
  const from = waiting.findIndex((e) => e.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= waiting.length) return state;
  const a = waiting[from]!;
  const b = waiting[to]!;
  const swapped = ordered.map((e) => (e.id === a.id ? b : e.id === b.id ? a : e));
  return { ...state, entries: swapped.map((e, i) => ({ ...e, position: i + 1 })) };
}

/** Put the waiting speakers in this order (after a drag), keeping the others where they are. */
export function reorderWaiting(state: QueueState, waitingIds: readonly Id[]): QueueState {
  const ordered = inOrder(state.entries);
  const waiting = new Map(ordered.filter((e) => e.status === 'waiting').map((e) => [e.id, e]));
  if (waitingIds.length !== waiting.size || waitingIds.some((id) => !waiting.has(id))) return state;
  let k = 0;
  const merged = ordered.map((e) => (e.status === 'waiting' ? waiting.get(waitingIds[k++]!)! : e));
  return { ...state, entries: merged.map((e, i) => ({ ...e, position: i + 1 })) };
}

/** Pause or resume the current speaker's timer. */
export function toggleTimer(state: QueueState, now: EpochMs): QueueState {
  if (!state.session.currentEntryId || state.session.interjection) return state;
  const timer = state.session.timer.running
    ? pauseTimer(state.session.timer, now)
    : resumeTimer(state.session.timer, now);
  return { ...state, session: { ...state.session, timer, updatedAt: now } };
}

/**
 * A department's or the leader's reply ahead of the queue: the speaker keeps the floor and their
 * place, their timer is paused until the reply ends.
 */
export function beginInterjection(
  state: QueueState,
  reply: Omit<Interjection, 'startedAt'>,
  now: EpochMs,
): QueueState {
  return {
    ...state,
    session: {
      ...state.session,
      interjection: { ...reply, startedAt: now },
      timer: pauseTimer(state.session.timer, now),
      updatedAt: now,
    },
  };
}

/** The reply is over: back to the speaker, whose timer runs on. */
export function endInterjection(state: QueueState, now: EpochMs): QueueState {
  if (!state.session.interjection) return state;
  const { interjection: _over, ...session } = state.session;
  const timer = session.currentEntryId ? resumeTimer(session.timer, now) : session.timer;
  return { ...state, session: { ...session, timer, updatedAt: now } };
}

/** Total speaking time of the meeting so far: every speaker's time plus the current timer. */
export function meetingSpokenMs(state: QueueState, now: EpochMs): number {
  return state.entries.reduce(
    (sum, e) =>
      sum + (e.id === state.session.currentEntryId ? elapsedMs(state.session.timer, now) : e.spokenMs),
    0,
  );
}
