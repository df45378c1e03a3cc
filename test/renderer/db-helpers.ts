// A clean database and Pinia for each renderer test.
import { createPinia, setActivePinia } from 'pinia';
import { getDeskDb } from '../../renderer/db';

/** Delete and reopen the app database, and start a fresh Pinia. */
export async function freshDatabase() {
  const db = getDeskDb();
  await db.delete();
  await db.open();
  setActivePinia(createPinia());
  return db;
}

/** A deterministic id factory for the demo. */
export function counterIds(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}
