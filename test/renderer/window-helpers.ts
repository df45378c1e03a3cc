// Windows for the renderer tests: an identity per simulated window (renderer/lib/window-identity.ts), and which of
// them are alive, as the Web Locks would say.
import { setWindowIdentity, type WindowIdentity } from '../../renderer/lib/window-identity';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { counterIds, freshDatabase } from './db-helpers';

/** The windows alive in this test (ids). */
export const aliveWindows = new Set<string>();

/** A window's identity with a fixed id, alive until `close()`. */
export function fakeWindow(id: string): WindowIdentity & { close(): void } {
  aliveWindows.add(id);
  return {
    id: () => Promise.resolve(id),
    liveIds: () => Promise.resolve(new Set([id, ...aliveWindows])),
    release: () => aliveWindows.delete(id),
    close: () => aliveWindows.delete(id),
  };
}

/** Make `id` the window the next store created belongs to; resolves to its identity. */
export function enterWindow(id: string): ReturnType<typeof fakeWindow> {
  const identity = fakeWindow(id);
  setWindowIdentity(identity);
  return identity;
}

/** Forget every window (between tests). */
export function resetWindows(): void {
  aliveWindows.clear();
  setWindowIdentity(undefined);
}

/** A fresh database with the demo loaded and no window yet: the 15th meeting is the one the windows open. */
export async function freshDemoForWindows(): Promise<{ db: DeskDb; demo: DemoDataset; meetingId: string }> {
  resetWindows();
  const db = await freshDatabase();
  const demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
  return { db, demo, meetingId: demo.meetings.find((m) => m.edition === 15)!.id };
}
