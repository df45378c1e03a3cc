// How many writes this window has made to the database: a Dexie middleware counts every mutation (add, put, delete,
// deleteRange) on any table. A screen that keeps what it read (the 跟踪督办 board) compares the count to tell
// whether anything could have changed since — cheaper than any query. Writes made by another window are not
// counted here; the projector window does not write.
import type { DBCore, Dexie, Middleware } from 'dexie';

/** The counter of one database. */
export interface WriteCount {
  readonly value: number;
}

/** Count the writes to `db` from now on (call before the database opens). */
export function countWrites(db: Dexie): WriteCount {
  const count = { value: 0 };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'write-count',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            count.value += 1;
            return table.mutate(request);
          },
        };
      },
    }),
  };
  db.use(middleware);
  return count;
}

/**
 * Count writes this window had made on a connection of its own (the 企业库 import worker's), which the middleware
 * does not see: backups and the screens that keep what they read must know of them too.
 */
export function countWritesElsewhere(count: WriteCount, writes = 1): void {
  (count as { value: number }).value += writes;
}
