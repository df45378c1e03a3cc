// A clean database and Pinia for each renderer test.
import { createPinia, setActivePinia } from 'pinia';
import { getDeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { loadDemoFollowUp } from '../../renderer/db/demo-follow-up-loader';
import { buildDemoDataset } from '../../shared/demo/demo-dataset';
import { buildDemoFollowUp } from '../../shared/demo/demo-follow-up';

/** Delete and reopen the app database, and start a fresh Pinia. */
export async function freshDatabase() {
  // The audit chain's anchor lives outside the database: a fresh database starts without one.
  localStorage.clear();
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

/** A 1×1 transparent PNG as a data URL: a signature image for tests. */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** One short finger stroke. */
export const ONE_STROKE = [
  {
    pointerType: 'touch' as const,
    points: [
      { x: 10, y: 10, pressure: 0.5, t: 0 },
      { x: 40, y: 22, pressure: 0.5, t: 30 },
    ],
  },
];

/**
 * A fresh database holding the demo with its 跟踪督办 (two earlier meetings' items in every state), built for
 * `today` as the app's 载入示例数据 does at 09:30 China time.
 */
export async function freshDemoWithFollowUp(today: string) {
  const db = await freshDatabase();
  const newId = counterIds();
  const demo = buildDemoDataset({ today, now: Date.parse(`${today}T09:30:00+08:00`), newId });
  await loadDemoDataset(db, demo);
  await loadDemoFollowUp(db, demo, buildDemoFollowUp(demo, today, newId));
  return db;
}
