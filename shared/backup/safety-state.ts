/**
 * The facts kept beside the backups, outside the database (`state.json` in main's `backups/` folder, the same file in
 * the browser's private files): that the app has held data here, when it last backed up and copied to a USB stick,
 * the highest 文号 per year, and what each backup holds. One reader and the same updates for main and the browser.
 */
import type { BackupEntry, SafetyNote, SafetyState } from '../ipc/contract';
import { higherLedger, parseBackupFileName } from './rotation';

/** The file's content. */
export interface SafetyStateFile {
  version: 1;
  state: SafetyState;
  /** What each backup holds, by file name (the list shows it without opening the files). */
  entries: Record<string, Omit<BackupEntry, 'id'>>;
}

export const emptySafetyState = (): SafetyStateFile => ({
  version: 1,
  state: { ranBefore: false, docNumberHighWater: {} },
  entries: {},
});

/** Read untrusted JSON: only the fields and types we expect survive. */
export function sanitizeSafetyState(raw: unknown): SafetyStateFile {
  const out = emptySafetyState();
  if (typeof raw !== 'object' || raw === null) return out;
  const s = (raw as { state?: unknown }).state;
  if (typeof s === 'object' && s !== null) {
    const st = s as Record<string, unknown>;
    out.state.ranBefore = st['ranBefore'] === true;
    if (typeof st['lastBackupAt'] === 'number') out.state.lastBackupAt = st['lastBackupAt'];
    if (typeof st['lastCopyAt'] === 'number') out.state.lastCopyAt = st['lastCopyAt'];
    if (typeof st['firstSeenAt'] === 'number') out.state.firstSeenAt = st['firstSeenAt'];
    const ledger = st['docNumberHighWater'];
    if (typeof ledger === 'object' && ledger !== null)
      out.state.docNumberHighWater = higherLedger({}, ledger as Record<string, number>);
  }
  const entries = (raw as { entries?: unknown }).entries;
  if (typeof entries === 'object' && entries !== null) {
    for (const [id, e] of Object.entries(entries as Record<string, unknown>)) {
      const parsed = parseBackupFileName(id);
      if (!parsed || typeof e !== 'object' || e === null) continue;
      const entry = e as Partial<BackupEntry>;
      out.entries[id] = {
        createdAt: typeof entry.createdAt === 'number' ? entry.createdAt : parsed.createdAt,
        reason: parsed.reason,
        size: typeof entry.size === 'number' ? entry.size : 0,
        ...(typeof entry.sha256 === 'string' ? { sha256: entry.sha256 } : {}),
        ...(typeof entry.summary === 'object' && entry.summary !== null ? { summary: entry.summary } : {}),
      };
    }
  }
  return out;
}

/** A backup was kept: list it, and move the facts on (never the high-water mark down). */
export function recordBackup(
  file: SafetyStateFile,
  entry: BackupEntry,
  docNumberHighWater: Readonly<Record<string, number>>,
): void {
  const { id, ...stored } = entry;
  file.entries[id] = stored;
  file.state.ranBefore = true;
  file.state.firstSeenAt ??= entry.createdAt;
  file.state.lastBackupAt = Math.max(file.state.lastBackupAt ?? 0, entry.createdAt);
  file.state.docNumberHighWater = higherLedger(file.state.docNumberHighWater, docNumberHighWater);
}

/** Remember a note; true when anything changed (and the file needs writing). */
export function applyNote(file: SafetyStateFile, note: SafetyNote, now: number): boolean {
  const before = JSON.stringify(file.state);
  if (note.ranBefore) file.state.ranBefore = true;
  if (file.state.ranBefore) file.state.firstSeenAt ??= now;
  if (note.docNumberHighWater)
    file.state.docNumberHighWater = higherLedger(file.state.docNumberHighWater, note.docNumberHighWater);
  return JSON.stringify(file.state) !== before;
}
