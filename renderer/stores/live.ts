// 会中记录: the live meeting — who has the floor, the queue, the timer — saved on every change and
// broadcast to the projector. A second window on the same meeting reads the state again after every step this one
// saves (lib/desk-sync.ts), so both show the same floor and a step never starts from a state another window replaced.
// A failed save says in Chinese what happened and what to do (db/db-errors.ts).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { useDirectoryStore } from './directory';
import { createLivePublisher } from '../projector/projector-channel';
import * as queue from '../../shared/domain/queue';
import { timerDisplay } from '../../shared/domain/timer-display';
import { heldOn } from '../../shared/domain/live';
import type { Floor, LiveBroadcast, LiveSession, ProjectedSpeaker } from '../../shared/domain/live';
import { toIsoDate } from '../../shared/domain/workdays';
import type { Enterprise, Id, Meeting, QueueEntry } from '../../shared/domain/types';
import { runInOrder } from '../lib/run-in-order';
import { createDeskSync } from '../lib/desk-sync';
import { describeError } from '../db/db-errors';

type Step = (state: queue.QueueState, now: number) => queue.QueueState;

/** The live meeting being recorded. */
export const useLiveStore = defineStore('live', () => {
  const meeting = shallowRef<Meeting>();
  const entries = shallowRef<QueueEntry[]>([]);
  const session = shallowRef<LiveSession>();
  const now = ref(Date.now());
  const error = ref('');
  let ticker: ReturnType<typeof setInterval> | undefined;
  let publisher: ReturnType<typeof createLivePublisher> | undefined;
  /** The other windows' steps (lib/desk-sync.ts). */
  const sync = createDeskSync();
  let stopListening: (() => void) | undefined;

  const directory = useDirectoryStore();
  const state = computed<queue.QueueState | undefined>(() =>
    session.value ? { entries: entries.value, session: session.value } : undefined,
  );
  const ordered = computed(() => queue.inOrder(entries.value));
  const current = computed(() => (state.value ? queue.currentEntry(state.value) : undefined));
  const waiting = computed(() => queue.upcoming(entries.value));
  const finished = computed(() => ordered.value.filter((e) => e.status === 'done'));
  const absent = computed(() => ordered.value.filter((e) => e.status === 'absent'));
  const elapsed = computed(() => (session.value ? queue.elapsedMs(session.value.timer, now.value) : 0));
  const limitMs = computed(() => session.value?.speakerLimitMs ?? queue.DEFAULT_SPEAKER_LIMIT_MS);
  const display = computed(() => timerDisplay(elapsed.value, limitMs.value));
  const phase = computed(() => display.value.phase);
  const meetingElapsed = computed(() =>
    session.value?.startedAt
      ? Math.max(0, (meeting.value?.endedAt ?? now.value) - session.value.startedAt)
      : 0,
  );
  const totalSpoken = computed(() => (state.value ? queue.meetingSpokenMs(state.value, now.value) : 0));
  const isLive = computed(() => meeting.value?.status === 'live');
  /** Over: ended (待签批 and after), as opposed to not yet started. */
  const isOver = computed(() => {
    const status = meeting.value?.status;
    return status !== undefined && status !== 'preparing' && status !== 'live';
  });
  /** Who has the floor, for the minutes: the current speaker, and a reply ahead of the queue. */
  const floor = computed<Floor>(() => {
    const c = current.value;
    const reply = session.value?.interjection;
    return {
      ...(c ? { speaker: { who: c.speaker, whoId: c.enterpriseId } } : {}),
      ...(reply
        ? { reply: { role: reply.role, who: reply.who, ...(reply.whoId ? { whoId: reply.whoId } : {}) } }
        : {}),
    };
  });

  const enterpriseOf = (e: QueueEntry): Enterprise | undefined => directory.byId.get(e.enterpriseId);

  async function open(meetingId: Id): Promise<boolean> {
    close();
    const repo = repositories();
    const found = await repo.meetings.get(meetingId);
    if (!found || found.deletedAt !== undefined) return false;
    await directory.load();
    const [list, saved, minutes] = await Promise.all([
      repo.queue.listForMeeting(meetingId),
      repo.live.session(meetingId),
      repo.settings.speakerMinutes(),
    ]);
    meeting.value = found;
    entries.value = list;
    session.value = saved ?? {
      meetingId,
      timer: queue.stoppedTimer(),
      speakerLimitMs: minutes * 60_000,
      updatedAt: Date.now(),
    };
    publisher = createLivePublisher(meetingId);
    ticker = setInterval(() => (now.value = Date.now()), 250);
    stopListening = sync.listen((change) => {
      if (change.kind === 'live' && change.meetingId === meeting.value?.id)
        void steps.run(() => reread(change.meetingId));
    });
    publish();
    return true;
  }

  function close() {
    if (ticker) clearInterval(ticker);
    ticker = undefined;
    publisher?.close();
    publisher = undefined;
    stopListening?.();
    stopListening = undefined;
  }

  /** Another window saved a step: read the queue, the floor and the meeting again, and tell the projector. */
  async function reread(meetingId: Id): Promise<void> {
    const repo = repositories();
    try {
      const [found, list, saved] = await Promise.all([
        repo.meetings.get(meetingId),
        repo.queue.listForMeeting(meetingId),
        repo.live.session(meetingId),
      ]);
      if (meeting.value?.id !== meetingId || !found) return;
      meeting.value = found;
      entries.value = list;
      if (saved) session.value = saved;
      now.value = Date.now();
      publish();
    } catch {
      // Read again with the next step, or when the meeting is opened again.
    }
  }

  function broadcast(): LiveBroadcast | undefined {
    if (!meeting.value || !session.value) return undefined;
    const project = (e: QueueEntry): ProjectedSpeaker => ({
      enterprise: enterpriseOf(e)?.name ?? '',
      speaker: e.speaker,
      title: e.speakerTitle,
      channel: e.channel,
    });
    const interjection = session.value.interjection;
    return {
      meetingId: meeting.value.id,
      title: meeting.value.title,
      theme: meeting.value.theme,
      ...(current.value ? { current: project(current.value) } : {}),
      ...(interjection ? { interjection: { role: interjection.role, who: interjection.who } } : {}),
      next: waiting.value.slice(0, 2).map(project),
      timer: session.value.timer,
      speakerLimitMs: session.value.speakerLimitMs,
      sentAt: Date.now(),
    };
  }

  function publish() {
    const message = broadcast();
    if (message) publisher?.publish(message);
  }

  // Steps run one after another, each on the state the previous one left: two quick keys (下一位
  // then 缺席) must not both start from the same old state.
  const steps = runInOrder();

  /** Apply a queue step and save it (entries, session and, if given, the meeting) in one transaction. */
  function apply(step: Step, meetingChange?: (m: Meeting, at: number) => Meeting): Promise<void> {
    return steps.run(() => applyNow(step, meetingChange));
  }

  async function applyNow(step: Step, meetingChange?: (m: Meeting, at: number) => Meeting): Promise<void> {
    if (!state.value || !meeting.value) return;
    const at = Date.now();
    const next = step(state.value, at);
    const changedMeeting = meetingChange ? meetingChange(meeting.value, at) : undefined;
    const before = new Map(entries.value.map((e) => [e.id, e]));
    const changed = next.entries.filter((e) => before.get(e.id) !== e);
    const kept = new Set(next.entries.map((e) => e.id));
    const removed = entries.value.filter((e) => !kept.has(e.id)).map((e) => e.id);
    try {
      await repositories().live.save(changed, next.session, changedMeeting, removed);
    } catch (e) {
      // Thrown for the screen to show (LiveView's run); nothing changed on screen, so the step can be taken again.
      throw new Error(describeError(e, { what: '这一步没有保存', retry: '再操作一次' }), { cause: e });
    }
    entries.value = next.entries;
    session.value = next.session;
    if (changedMeeting) meeting.value = changedMeeting;
    now.value = at;
    publish();
    sync.announce({ kind: 'live', meetingId: next.session.meetingId });
  }

  /**
   * 开始会议: the meeting goes live and the first speaker gets the floor. Started on another day than planned
   * (the secretary was asked), the meeting is recorded as held today and keeps its planned date aside.
   */
  const start = () =>
    apply(queue.nextSpeaker, (m, at) => ({
      ...heldOn(m, toIsoDate(at)),
      status: 'live',
      startedAt: m.startedAt ?? at,
      updatedAt: at,
    }));

  /** The last 下一位 / 上一位, so that a double click or a bouncing clicker moves the floor once. */
  let lastMove: queue.FloorMove | undefined;
  /** 下一位 / 上一位, unless it repeats the last one within half a second (then false). */
  function move(kind: queue.FloorMove['kind']): Promise<boolean> {
    const at = Date.now();
    if (queue.isRepeatedMove(lastMove, kind, at)) return Promise.resolve(false);
    lastMove = { kind, at };
    return apply(kind === 'next' ? queue.nextSpeaker : queue.previousSpeaker).then(() => true);
  }
  const next = () => move('next');
  const previous = () => move('previous');
  const markAbsent = (id: Id) => apply((s, at) => queue.markAbsent(s, id, at));
  /** 缺席 for whoever has the floor when the step runs (not when the key was pressed). */
  const markCurrentAbsent = () =>
    apply((s, at) => (s.session.currentEntryId ? queue.markAbsent(s, s.session.currentEntryId, at) : s));
  const markPresent = (id: Id) => apply((s) => queue.markPresent(s, id));
  const call = (id: Id) => apply((s, at) => queue.callSpeaker(s, id, at));
  const moveWaiting = (id: Id, delta: -1 | 1) => apply((s) => queue.moveWaiting(s, id, delta));
  /** Take a speaker without the floor off the list; their words stay in the minutes. */
  const remove = (id: Id) => apply((s) => queue.removeSpeaker(s, id));
  const reorder = (ids: Id[]) => apply((s) => queue.reorderWaiting(s, ids));
  const toggleTimer = () => apply(queue.toggleTimer);
  const beginReply = (role: 'department' | 'leader', who: string, whoId?: Id) =>
    apply((s, at) => queue.beginInterjection(s, { role, who, ...(whoId ? { whoId } : {}) }, at));
  const endReply = () => apply(queue.endInterjection);

  /** 现场: a walk-in enterprise joins the queue at the end. */
  async function walkIn(enterprise: Enterprise): Promise<void> {
    if (!meeting.value) return;
    if (entries.value.some((e) => e.enterpriseId === enterprise.id && e.status !== 'done')) {
      error.value = `“${enterprise.name}”已在发言名单中`;
      return;
    }
    const meetingId = meeting.value.id;
    await apply((s) =>
      queue.addWalkIn(s, {
        id: crypto.randomUUID(),
        meetingId,
        enterpriseId: enterprise.id,
        speaker: enterprise.contact || enterprise.legalRep,
        speakerTitle: enterprise.contactTitle,
      }),
    );
  }

  /** 结束会议: the current turn closes and the meeting waits for sign-off. */
  const end = () =>
    apply(queue.endCurrentTurn, (m, at) => ({ ...m, status: 'signing', endedAt: at, updatedAt: at }));

  /** 无交办事项: the ended meeting left nothing to hand over; the two-day countdown stops. A reason on refusal. */
  async function closeWithoutAssignments(): Promise<string | undefined> {
    if (!meeting.value) return '没有打开的会议';
    const result = await repositories().live.closeWithoutAssignments(meeting.value.id, Date.now());
    if (typeof result === 'string') return result;
    meeting.value = result;
    sync.announce({ kind: 'live', meetingId: result.id });
    return undefined;
  }

  return {
    meeting,
    entries,
    session,
    now,
    error,
    ordered,
    current,
    waiting,
    finished,
    absent,
    elapsed,
    limitMs,
    phase,
    display,
    meetingElapsed,
    totalSpoken,
    isLive,
    isOver,
    floor,
    enterpriseOf,
    open,
    close,
    start,
    next,
    previous,
    markAbsent,
    markPresent,
    markCurrentAbsent,
    call,
    move: moveWaiting,
    remove,
    reorder,
    toggleTimer,
    beginReply,
    endReply,
    walkIn,
    end,
    closeWithoutAssignments,
  };
});
