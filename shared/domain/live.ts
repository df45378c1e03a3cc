/**
 * The live meeting (会中): who has the floor, the speaking timer, and what the projector shows.
 * Pure types and rules; the live screen stores a `LiveSession` per meeting and broadcasts a
 * `LiveBroadcast` to the projector window.
 */
import { formatChineseDate, formatChineseMonthDay } from './deadlines';
import type { EpochMs, Id, IsoDate, Meeting, MinuteRole, QueueChannel } from './types';
import { compareIsoDates } from './workdays';

/** A stopwatch that survives reloads: time so far plus, while running, the instant it last started. */
export interface TimerState {
  running: boolean;
  /** When it was last started or resumed (set while running). */
  startedAt?: EpochMs;
  /** Time counted before the last start. */
  accumulatedMs: number;
}

/** A department's or leader's answer put ahead of the queue, like a point of order. */
export interface Interjection {
  role: Extract<MinuteRole, 'department' | 'leader'>;
  who: string;
  whoId?: Id;
  startedAt: EpochMs;
}

/** The state of a meeting in progress, one record per meeting. */
export interface LiveSession {
  meetingId: Id;
  /** The queue entry that has the floor (status 'speaking'). */
  currentEntryId?: Id;
  /** Set while a reply holds the floor; the current speaker keeps their place and time. */
  interjection?: Interjection;
  /**
   * The current speaker when this turn is their first (they had not started before it): 上一位 then puts them
   * back as not yet started.
   */
  firstTurn?: Id;
  /** The current speaker's timer (paused during an interjection). */
  timer: TimerState;
  /** Speaking time per speaker, from 设置 (default 8 minutes). */
  speakerLimitMs: number;
  /** When the meeting was started from the live screen. */
  startedAt?: EpochMs;
  updatedAt: EpochMs;
}

/** A speaker as the projector shows them. */
export interface ProjectedSpeaker {
  enterprise: string;
  speaker: string;
  title: string;
  channel: QueueChannel;
}

/** Everything the projector window needs, sent whenever it changes (it runs its own clock from `timer`). */
export interface LiveBroadcast {
  meetingId: Id;
  title: string;
  theme: string;
  current?: ProjectedSpeaker;
  /** Shown instead of the speaker while a reply holds the floor. */
  interjection?: { role: Interjection['role']; who: string };
  /** The next two waiting speakers. */
  next: ProjectedSpeaker[];
  timer: TimerState;
  speakerLimitMs: number;
  /** Sender's clock when sent, so a receiver can correct for clock differences between windows. */
  sentAt: EpochMs;
}

// ── Who the minutes are attributed to ─────────────────────────────────────────────────────────────

/** A department or leader answering ahead of the queue, as the minutes name them. */
export interface FloorReply {
  role: Interjection['role'];
  who: string;
  whoId?: Id;
}

/** Who has the floor, as the minutes composer follows it. */
export interface Floor {
  /** The current speaker (企业家), when someone has the floor. */
  speaker?: { who: string; whoId?: Id };
  /** A department's or leader's reply holding the floor (the speaker keeps their place). */
  reply?: FloorReply;
}

/** What the composer does when the floor changes: the role to switch to, and who to name for it. */
export interface FloorChange {
  role?: MinuteRole;
  pick?: FloorReply;
}

const sameReply = (a: FloorReply | undefined, b: FloorReply | undefined): boolean =>
  a?.role === b?.role && a?.who === b?.who && a?.whoId === b?.whoId;

/**
 * A reply that begins puts its department or leader in the composer (role and name); when it ends the role
 * returns to 企业家, the current speaker. Any other change of the floor leaves the role alone.
 */
export function floorChange(before: Floor, after: Floor): FloorChange {
  if (after.reply && !sameReply(before.reply, after.reply)) {
    return { role: after.reply.role, pick: { ...after.reply } };
  }
  if (!after.reply && before.reply) return { role: 'entrepreneur' };
  return {};
}

/**
 * The role of the next entry after one was committed as `committed`, or undefined to keep it. During a reply,
 * after a word from someone else (the entrepreneur's follow-up, a leader's remark) the role goes back to whoever
 * answers; outside a reply, after a 部门 or 领导 entry it goes back to 企业家. 主持人 stays (an opening runs over
 * several entries).
 */
export function roleAfterEntry(committed: MinuteRole, reply: FloorReply | undefined): MinuteRole | undefined {
  if (committed === 'host') return undefined;
  if (reply) return committed === reply.role ? undefined : reply.role;
  return committed === 'department' || committed === 'leader' ? 'entrepreneur' : undefined;
}

// ── The day the meeting is held ──────────────────────────────────────────────────────────────────

/** A meeting started on another day than planned: both days, for the question asked before it starts. */
export interface HeldOnAnotherDay {
  planned: IsoDate;
  held: IsoDate;
  /** 这次会议计划于2026年12月16日召开，今天是11月22日。… */
  question: string;
}

/** Undefined when the meeting starts on its planned day; else the two days and the question to ask. */
export function heldOnAnotherDay(
  meeting: Pick<Meeting, 'date'>,
  today: IsoDate,
): HeldOnAnotherDay | undefined {
  if (compareIsoDates(meeting.date, today) === 0) return undefined;
  const earlier = compareIsoDates(today, meeting.date) < 0;
  return {
    planned: meeting.date,
    held: today,
    question:
      `这次会议计划于${formatChineseDate(meeting.date)}召开，今天是${formatChineseMonthDay(today)}` +
      `（${earlier ? '提前' : '推迟'}召开）。开始后，会议日期记为今天（${formatChineseMonthDay(today)}），` +
      `会议纪要和会后交办期限都按今天计算；原定日期另行保留。`,
  };
}

/** The meeting as held on `today`: the date is the day held, the planned one is kept in `plannedDate`. */
export function heldOn(meeting: Meeting, today: IsoDate): Meeting {
  if (compareIsoDates(meeting.date, today) === 0) return meeting;
  return { ...meeting, date: today, plannedDate: meeting.plannedDate ?? meeting.date };
}
