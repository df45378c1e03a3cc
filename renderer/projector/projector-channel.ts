// The live screen and the projector window talk over one BroadcastChannel per meeting. The live
// screen publishes the whole `LiveBroadcast` whenever it changes and answers a projector's `hello`
// with the last state, so a projector opened late or reloaded is current at once. The projector
// runs its own clock from `timer` and `sentAt`: no message per second.
import type { LiveBroadcast, ProjectedSpeaker, TimerState } from '../../shared/domain/live';
import type { QueueChannel } from '../../shared/domain/types';

/** Bumped if the message shape ever changes, so old and new windows ignore each other. */
const VERSION = 1;
const MAX_TEXT = 500;
const MAX_NEXT = 20;
const QUEUE_CHANNELS: readonly QueueChannel[] = ['报名', '点名', '书面', '现场'];
const INTERJECTION_ROLES: readonly string[] = ['department', 'leader'];

/** What travels on the channel. */
export type LiveMessage =
  { v: typeof VERSION; type: 'state'; state: LiveBroadcast } | { v: typeof VERSION; type: 'hello' };

/** The part of BroadcastChannel we use, so tests can pass their own. */
export interface LiveChannelPort {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Seams for tests: the channel constructor and the clock. */
export interface LiveChannelOptions {
  createChannel?: (name: string) => LiveChannelPort;
  now?: () => number;
}

/** The channel's name for a meeting. */
export const liveChannelName = (meetingId: string): string => `kentan-live:${meetingId}`;

const defaultChannel = (name: string): LiveChannelPort => new BroadcastChannel(name);

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readSpeaker(v: unknown): ProjectedSpeaker | undefined {
  if (!isObject(v)) return undefined;
  const { enterprise, speaker, title, channel } = v;
  if (!isText(enterprise) || !isText(speaker) || !isText(title)) return undefined;
  if (!QUEUE_CHANNELS.includes(channel as QueueChannel)) return undefined;
  return { enterprise, speaker, title, channel: channel as QueueChannel };
}

function readTimer(v: unknown): TimerState | undefined {
  if (!isObject(v)) return undefined;
  const { running, accumulatedMs, startedAt } = v;
  if (typeof running !== 'boolean' || !isTime(accumulatedMs)) return undefined;
  if (startedAt !== undefined && !isTime(startedAt)) return undefined;
  return { running, accumulatedMs, ...(startedAt !== undefined ? { startedAt } : {}) };
}

/**
 * A `LiveBroadcast` rebuilt field by field from untrusted data, or undefined when anything is off.
 * Rebuilding also turns a Vue reactive object into a plain one that structured clone accepts.
 */
export function readLiveBroadcast(v: unknown): LiveBroadcast | undefined {
  if (!isObject(v)) return undefined;
  const { meetingId, title, theme, speakerLimitMs, sentAt } = v;
  if (!isText(meetingId) || meetingId === '' || !isText(title) || !isText(theme)) return undefined;
  if (!isTime(speakerLimitMs) || !isTime(sentAt)) return undefined;
  const timer = readTimer(v['timer']);
  if (!timer) return undefined;
  let current: ProjectedSpeaker | undefined;
  if (v['current'] !== undefined) {
    current = readSpeaker(v['current']);
    if (!current) return undefined;
  }
  let interjection: LiveBroadcast['interjection'];
  if (v['interjection'] !== undefined) {
    const i = v['interjection'];
    if (!isObject(i) || !INTERJECTION_ROLES.includes(i['role'] as string) || !isText(i['who']))
      return undefined;
    interjection = { role: i['role'] as 'department' | 'leader', who: i['who'] };
  }
  const rawNext = v['next'];
  if (!Array.isArray(rawNext) || rawNext.length > MAX_NEXT) return undefined;
  const next = rawNext.map(readSpeaker);
  if (next.some((s) => !s)) return undefined;
  return {
    meetingId,
    title,
    theme,
    ...(current ? { current } : {}),
    ...(interjection ? { interjection } : {}),
    next: next as ProjectedSpeaker[],
    timer,
    speakerLimitMs,
    sentAt,
  };
}

/** A message from the channel, or undefined for anything that is not one of ours. */
export function readLiveMessage(data: unknown): LiveMessage | undefined {
  if (!isObject(data) || data['v'] !== VERSION) return undefined;
  if (data['type'] === 'hello') return { v: VERSION, type: 'hello' };
  if (data['type'] !== 'state') return undefined;
  const state = readLiveBroadcast(data['state']);
  return state ? { v: VERSION, type: 'state', state } : undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.slice(0, MAX_TEXT) : '');
const lenientSpeaker = (s: ProjectedSpeaker): ProjectedSpeaker => ({
  enterprise: text(s.enterprise),
  speaker: text(s.speaker),
  title: text(s.title),
  channel: s.channel,
});

// Our own state is trusted in shape but not in every value: a record without a speaker's title or an
// over-long theme must still reach the projector, so the sender fills and trims before checking.
function lenient(state: LiveBroadcast, meetingId: string, sentAt: number): unknown {
  return {
    ...state,
    meetingId,
    title: text(state.title),
    theme: text(state.theme),
    ...(state.current ? { current: lenientSpeaker(state.current) } : {}),
    ...(state.interjection
      ? { interjection: { role: state.interjection.role, who: text(state.interjection.who) } }
      : {}),
    next: Array.isArray(state.next) ? state.next.slice(0, 2).map(lenientSpeaker) : [],
    sentAt,
  };
}

/** The live screen's side: publishes the state and answers late projectors. */
export interface LivePublisher {
  /** Send the state to every projector of the meeting (and keep it for later `hello`s). */
  publish(state: LiveBroadcast): void;
  /** Stop publishing and answering. */
  close(): void;
}

/**
 * Start publishing for a meeting. `sentAt` is stamped at each send, so an answer to a late
 * `hello` carries the time it was sent, not the time the state last changed.
 */
export function createLivePublisher(meetingId: string, options: LiveChannelOptions = {}): LivePublisher {
  const now = options.now ?? Date.now;
  const channel = (options.createChannel ?? defaultChannel)(liveChannelName(meetingId));
  let last: LiveBroadcast | undefined;
  let closed = false;
  const send = () => {
    if (closed || !last) return;
    const message: LiveMessage = { v: VERSION, type: 'state', state: { ...last, sentAt: now() } };
    channel.postMessage(message);
  };
  channel.onmessage = (event) => {
    if (readLiveMessage(event.data)?.type === 'hello') send();
  };
  return {
    publish(state) {
      const plain = readLiveBroadcast(lenient(state, meetingId, now()));
      if (!plain) {
        console.warn('[projector] 投屏状态格式有误，未发送', state);
        return;
      }
      last = plain;
      send();
    },
    close() {
      if (closed) return;
      closed = true;
      channel.onmessage = null;
      channel.close();
    },
  };
}

/**
 * The projector's side: calls `onState` with each valid state for this meeting, after asking
 * for the current one (`hello`). Returns the function that stops listening.
 */
export function subscribeLive(
  meetingId: string,
  onState: (state: LiveBroadcast) => void,
  options: LiveChannelOptions = {},
): () => void {
  const channel = (options.createChannel ?? defaultChannel)(liveChannelName(meetingId));
  let closed = false;
  channel.onmessage = (event) => {
    const message = readLiveMessage(event.data);
    if (!closed && message?.type === 'state' && message.state.meetingId === meetingId) onState(message.state);
  };
  const hello: LiveMessage = { v: VERSION, type: 'hello' };
  channel.postMessage(hello);
  return () => {
    if (closed) return;
    closed = true;
    channel.onmessage = null;
    channel.close();
  };
}
