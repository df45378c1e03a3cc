// Builds the `window.desk` object from the channel table, given a function that invokes a channel.
import { DESK_CHANNELS, FLUSH_EVENT_CHANNEL } from '../../shared/ipc/channels';
import type { DeskApi, DeskEvents, FlushRequest } from '../../shared/ipc/contract';

/** Invokes one channel with its arguments. */
export type Invoke = (channel: string, args: unknown[]) => Promise<unknown>;

/** The desk API as plain functions over `invoke`, frozen so a page script cannot swap them. */
export function buildDeskApi(invoke: Invoke): DeskApi {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const [concern, verbs] of Object.entries(DESK_CHANNELS)) {
    const group: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const [verb, channel] of Object.entries(verbs)) {
      group[verb] = (...args: unknown[]) => invoke(channel, args);
    }
    api[concern] = Object.freeze(group);
  }
  return Object.freeze(api) as unknown as DeskApi;
}

/** Subscribes to one channel of messages from main; returns the unsubscribe. */
export type Listen = (channel: string, listener: (payload: unknown) => void) => () => void;

const FLUSH_REASONS: ReadonlySet<string> = new Set(['quit', 'session-end', 'shutdown']);

/**
 * The messages main sends, each checked before the page sees it: only the flush request, with an id and a known
 * reason. Frozen like the API.
 */
export function buildDeskEvents(listen: Listen): DeskEvents {
  return Object.freeze({
    onFlushRequest(listener: (request: FlushRequest) => void) {
      return listen(FLUSH_EVENT_CHANNEL, (payload) => {
        if (typeof payload !== 'object' || payload === null) return;
        const { id, reason } = payload as { id?: unknown; reason?: unknown };
        if (typeof id !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(id)) return;
        if (typeof reason !== 'string' || !FLUSH_REASONS.has(reason)) return;
        listener({ id, reason: reason as FlushRequest['reason'] });
      });
    },
  });
}
