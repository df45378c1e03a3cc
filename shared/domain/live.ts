/**
 * The live meeting (会中): who has the floor, the speaking timer, and what the projector shows.
 * Pure types and rules; the live screen stores a `LiveSession` per meeting and broadcasts a
 * `LiveBroadcast` to the projector window.
 */
import type { EpochMs, Id, MinuteRole, QueueChannel } from './types';

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
