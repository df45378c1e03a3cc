// Two windows on one meeting see each other's work at once (issue 15, 数据安全). After a commit a window says so on one
// BroadcastChannel; the other windows read again what changed (the meeting's minutes, or its queue and floor) from
// IndexedDB, which is the truth — the message carries no data, only what to read. Nothing is sent while typing: a
// draft belongs to its own window (lib/window-identity.ts). A channel never hears its own messages, so the window that
// committed does not read again.
import type { Id } from '../../shared/domain/types';

/** The channel every window of the desk shares. */
export const DESK_SYNC_CHANNEL = 'kentan-desk:changes';
/** Bumped if the message shape ever changes, so old and new windows ignore each other. */
const VERSION = 1;

/** What changed: a meeting's minutes (entries committed, corrected, linked) or its live state (queue, floor, timer). */
export interface DeskChange {
  kind: 'minutes' | 'live';
  meetingId: Id;
}

/** The part of BroadcastChannel we use, so tests can pass their own. */
export interface SyncChannelPort {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** One window's end of the channel. */
export interface DeskSync {
  /** Tell the other windows that something changed. */
  announce(change: DeskChange): void;
  /** Hear what the other windows changed; returns a function that stops listening. */
  listen(listener: (change: DeskChange) => void): () => void;
  close(): void;
}

/** The change in a message, or undefined when it is not one of ours. */
export function readDeskChange(data: unknown): DeskChange | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { v, kind, meetingId } = data as Record<string, unknown>;
  if (v !== VERSION || (kind !== 'minutes' && kind !== 'live')) return undefined;
  if (typeof meetingId !== 'string' || meetingId === '' || meetingId.length > 200) return undefined;
  return { kind, meetingId };
}

/**
 * A new end of the desk's channel (one per store, so two stores of one kind in one process — two windows in a test —
 * hear each other). Without BroadcastChannel it does nothing.
 */
export function createDeskSync(
  createChannel: (name: string) => SyncChannelPort | undefined = (name) =>
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(name),
): DeskSync {
  let channel: SyncChannelPort | undefined;
  const listeners = new Set<(change: DeskChange) => void>();
  const open = () => {
    if (channel) return channel;
    channel = createChannel(DESK_SYNC_CHANNEL);
    if (channel)
      channel.onmessage = (event) => {
        const change = readDeskChange(event.data);
        if (change) for (const l of [...listeners]) l(change);
      };
    return channel;
  };
  return {
    announce(change) {
      try {
        open()?.postMessage({ v: VERSION, kind: change.kind, meetingId: change.meetingId });
      } catch {
        // A closed channel: the other window sees the change when it next opens the meeting.
      }
    },
    listen(listener) {
      open();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
      channel = undefined;
    },
  };
}
