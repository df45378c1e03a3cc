// Why IndexedDB aborted a transaction. When the disk fills during a commit, the request inside the transaction fails
// with a bare `AbortError: The transaction was aborted, so the request cannot be fulfilled` — and that is the error a
// Dexie transaction rejects with. The reason (Chromium's `UnknownError … FILE_ERROR_NO_SPACE`) is only on the
// transaction itself, set by the time the request fails; its abort event comes later. This middleware keeps the
// transactions under way and the reason of the last one aborted, so the user is told the disk is full rather than
// that saving was interrupted (./db-errors.ts, withAbortReason).
import type { DBCore, Dexie, Middleware } from 'dexie';

/** The reasons of one database's failed transactions. */
export interface AbortReasons {
  /** The error of a transaction under way that has failed, else of the last one aborted within `withinMs`. */
  last(withinMs?: number): unknown;
}

type Watched = Pick<IDBTransaction, 'error' | 'addEventListener'>;

/** Keep the reasons `db`'s transactions fail with from now on (call before the database opens). */
export function recordAbortReasons(db: Dexie, now: () => number = Date.now): AbortReasons {
  const underWay = new Set<Watched>();
  let last: { error: unknown; at: number } | undefined;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'abort-reasons',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const created = down.transaction(stores, mode, options);
        const tx = created as unknown as Partial<Watched>;
        if (typeof tx.addEventListener === 'function') {
          const watched = tx as Watched;
          underWay.add(watched);
          watched.addEventListener('complete', () => underWay.delete(watched));
          watched.addEventListener('abort', () => {
            underWay.delete(watched);
            if (watched.error) last = { error: watched.error, at: now() };
          });
        }
        return created;
      },
    }),
  };
  db.use(middleware);
  return {
    last(withinMs = 3_000) {
      for (const tx of underWay) if (tx.error) return tx.error;
      return last && now() - last.at <= withinMs ? last.error : undefined;
    },
  };
}
