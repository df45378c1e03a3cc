// Builds the `window.desk` object from the channel table, given a function that invokes a channel.
import { DESK_CHANNELS } from '../../shared/ipc/channels';
import type { DeskApi } from '../../shared/ipc/contract';

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
