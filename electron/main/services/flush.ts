// Saving on the way out: before the app quits, when the session ends or the machine shuts down, main asks every
// window to save what is unsaved (drafts, a last backup) and waits for each to answer — or for a deadline, because
// a hung window must not keep the machine from shutting down. Plain module; Electron's windows are passed in.
import type { FlushReason, FlushRequest } from '../../../shared/ipc';
import { FLUSH_EVENT_CHANNEL } from '../../../shared/ipc';

/** A window as the flush sees it: something to send the request to. */
export interface FlushTarget {
  isDestroyed(): boolean;
  send(channel: string, request: FlushRequest): void;
}

export interface FlushDeps {
  targets: () => readonly FlushTarget[];
  newId: () => string;
  /** How long to wait for the windows per reason (ms). */
  timeoutMs?: Partial<Record<FlushReason, number>>;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** A quit waits for a last backup; a shutdown gives the windows only a moment. */
export const DEFAULT_FLUSH_TIMEOUT_MS: Record<FlushReason, number> = {
  quit: 20_000,
  'session-end': 4_000,
  shutdown: 4_000,
};

export interface FlushCoordinator {
  /** Ask every window (or only `only`); resolves with how many answered in time. */
  request(reason: FlushReason, only?: readonly FlushTarget[]): Promise<{ asked: number; answered: number }>;
  /** A window answered request `id`; false when no such request waits. */
  answered(id: string): boolean;
}

export function createFlushCoordinator(deps: FlushDeps): FlushCoordinator {
  const waiting = new Map<string, () => void>();
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  return {
    async request(reason, only) {
      const targets = (only ?? deps.targets()).filter((t) => !t.isDestroyed());
      const timeout = deps.timeoutMs?.[reason] ?? DEFAULT_FLUSH_TIMEOUT_MS[reason];
      const results = await Promise.all(
        targets.map(
          (target) =>
            new Promise<boolean>((resolve) => {
              const id = deps.newId();
              waiting.set(id, () => resolve(true));
              setTimer(() => {
                if (waiting.delete(id)) resolve(false);
              }, timeout);
              try {
                target.send(FLUSH_EVENT_CHANNEL, { id, reason });
              } catch {
                waiting.delete(id);
                resolve(false);
              }
            }),
        ),
      );
      return { asked: targets.length, answered: results.filter(Boolean).length };
    },
    answered(id) {
      const done = waiting.get(id);
      if (!done) return false;
      waiting.delete(id);
      done();
      return true;
    },
  };
}
