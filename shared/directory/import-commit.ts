/**
 * What the rows of an import preview become once the user has confirmed them: records to add and updates of known
 * enterprises. Apart from the preview (./import-preview.ts) so the page commits without loading the file readers,
 * which run in the import worker.
 */
import type { Enterprise, EpochMs, Id } from '../domain/types';
import type { EnterpriseUpdate, ImportPreview, ImportRow } from './types';

/** Hooks for tests and for the commit. */
export interface CommitOptions {
  /** New record ids; `crypto.randomUUID()` by default. */
  newId?: () => Id;
  /** The creation time, or a clock giving it; `Date.now()` by default. */
  now?: EpochMs | (() => EpochMs);
}

const isNew = (row: ImportRow): boolean => row.status === 'valid' || row.status === 'fixable';

/** The lines a preview imports by default: every valid and fixable row (updates are confirmed one by one). */
export function importableLines(preview: ImportPreview): number[] {
  return preview.ok ? preview.rows.filter(isNew).map((r) => r.line) : [];
}

/**
 * The records to add for the lines the user confirmed, in file order. Only new rows (valid or fixable) become
 * records: rejected, unknown and already-known lines (updates, unchanged) are skipped, so a refused row or an
 * enterprise the directory has can never be added; an error preview gives nothing.
 */
export function commitRows(
  preview: ImportPreview,
  selectedLines: Iterable<number>,
  options: CommitOptions = {},
): Enterprise[] {
  if (!preview.ok) return [];
  const selected = asSet(selectedLines);
  const newId = options.newId ?? (() => crypto.randomUUID());
  const at = typeof options.now === 'number' ? options.now : (options.now ?? Date.now)();
  return preview.rows
    .filter((row) => isNew(row) && selected.has(row.line))
    .map((row) => ({ id: newId(), ...row.draft, createdAt: at, updatedAt: at }));
}

/** The updates of existing enterprises for the `update` lines the user confirmed, in file order. */
export function commitUpdates(preview: ImportPreview, selectedLines: Iterable<number>): EnterpriseUpdate[] {
  if (!preview.ok) return [];
  const selected = asSet(selectedLines);
  return preview.rows
    .filter((row) => row.status === 'update' && row.update && selected.has(row.line))
    .map((row) => row.update!);
}

/** A set of lines as is (no copy: a 100,000-row selection is committed in slices), anything else as a new set. */
function asSet(lines: Iterable<number>): ReadonlySet<number> {
  return lines instanceof Set ? (lines as Set<number>) : new Set(lines);
}
