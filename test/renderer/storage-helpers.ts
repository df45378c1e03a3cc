// A full disk, as IndexedDB in Chromium shows it to the app (measured: test/e2e/disk-full.spec.ts): the browser closes
// the connection, and every open fails with `UnknownError: Internal error opening backing store` until space is back.
import type { DeskDb } from '../../renderer/db';

export const BACKING_STORE_MESSAGE = 'Internal error opening backing store for indexedDB.open.';

/**
 * From now on the database cannot be opened, and its connection is closed from the browser's side (Dexie's own
 * handler of the `close` event does `close({ disableAutoOpen: false })`). Returns the function that frees the space.
 */
export function fillDisk(db: DeskDb): () => void {
  const deps = (db as unknown as { _deps: { indexedDB: IDBFactory } })._deps;
  const real = deps.indexedDB;
  deps.indexedDB = {
    ...real,
    open: () => {
      const request = {
        error: new DOMException(BACKING_STORE_MESSAGE, 'UnknownError'),
      } as unknown as IDBOpenDBRequest;
      setTimeout(() =>
        request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} } as unknown as Event),
      );
      return request;
    },
  } as IDBFactory;
  db.close({ disableAutoOpen: false });
  return () => {
    deps.indexedDB = real;
  };
}
