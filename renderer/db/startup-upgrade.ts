// Before the database is upgraded to a new schema, keep a backup of it as it was (issue 15): an upgrade that goes
// wrong halfway must leave something to go back to. Runs before anything opens the database; the old version is
// dumped by the backup worker without a schema (Dexie opens it as it is), and main keeps the file.
import { desk } from '../bridge';
import { runBackupJob } from './backup';
import { DESK_DB_NAME, DeskDb } from './desk-db';

/** The IndexedDB version Dexie gives a schema version (it multiplies by ten). */
const idbVersion = (verno: number) => Math.round(verno * 10);

/** The version of the database on disk, or undefined when there is none (or the browser cannot say). */
async function versionOnDisk(name: string): Promise<number | undefined> {
  try {
    const all = await indexedDB.databases?.();
    return all?.find((d) => d.name === name)?.version;
  } catch {
    return undefined;
  }
}

/**
 * Back up an older database before this version of the app upgrades it. Resolves when done (or at once when no
 * upgrade is due); a failed backup is reported and the start goes on, since refusing to start helps no one.
 */
export async function backupBeforeUpgrade(name: string = DESK_DB_NAME): Promise<'none' | 'done' | string> {
  const onDisk = await versionOnDisk(name);
  const target = idbVersion(new DeskDb(name).verno);
  if (!onDisk || onDisk >= target) return 'none';
  try {
    const [info, status] = await Promise.all([desk.app.info(), desk.backup.status()]);
    const highWater = status.ok ? status.value.state.docNumberHighWater : {};
    const createdAt = Date.now();
    const dump = await runBackupJob({
      op: 'dump',
      dbName: name,
      appVersion: info.ok ? info.value.version : '0.0.0',
      createdAt,
      highWater,
    });
    const written = await desk.backup.write({
      bytes: dump.bytes,
      reason: 'upgrade',
      createdAt,
      summary: dump.summary,
      docNumberHighWater: dump.docNumberHighWater,
    });
    return written.ok ? 'done' : written.error.message;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

let problem: string | undefined;

/** Keep what went wrong before the upgrade, for the safety banner (stores/safety.ts). */
export function noteUpgradeProblem(text: string): void {
  problem = text;
}

/** What went wrong before the upgrade, told once. */
export function takeUpgradeProblem(): string | undefined {
  const told = problem;
  problem = undefined;
  return told;
}
