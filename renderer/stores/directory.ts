// 企业库: the enterprise directory, its search, imports and the export to XLSX.
//
// A directory may hold 100,000 enterprises (issue 17). Nothing here holds the main thread for long at that size:
// the list is read in pages, its search is built in parts in the background after every load (until it is complete
// the parts built so far are searched, and the rest by plain substring), and an import file is read, checked and
// written in the import worker (renderer/directory/import-client.ts), in chunks with progress.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import dayjs from 'dayjs';
import { desk, unwrap } from '../bridge';
import { repositories } from '../db';
import type { ImportAllOptions, ImportAllProgress } from '../db/repositories/enterprises';
import { countWritesElsewhere } from '../db/write-count';
import { openImportFile, type ImportSession } from '../directory/import-client';
import type { ImportReadProgress } from '../directory/import-job';
import { DuplicateKeys } from '../directory/duplicate-keys';
import { PartedSearch, SEARCH_PART } from '../directory/search-parts';
import { nextTask } from '../lib/next-task';
import { validateEnterprise } from '../../shared/directory/row-rules';
import type { Enterprise, Id } from '../../shared/domain/types';
import type {
  EnterpriseDraft,
  EnterpriseErrors,
  EnterpriseUpdate,
  ImportFile,
} from '../../shared/directory/types';

/** What an import is doing: checking the rows against the directory, writing them, reading the directory again. */
export interface DirectoryImportProgress {
  step: ImportAllProgress['step'] | 'reload';
  done: number;
  total: number;
}

/** Hooks of an import: progress, and a signal that cancels it (nothing is written then). */
export interface DirectoryImportOptions {
  onProgress?: (progress: DirectoryImportProgress) => void;
  signal?: AbortSignal;
}

const nameOf = (e: Enterprise): string => e.name;

/** The enterprise directory. */
export const useDirectoryStore = defineStore('directory', () => {
  const enterprises = shallowRef<Enterprise[]>([]);
  const loaded = ref(false);
  const byId = computed(() => new Map(enterprises.value.map((e) => [e.id, e])));
  /** The search over `enterprises`, built in parts in the background after each load. */
  let index = new PartedSearch<Enterprise>([], nameOf);
  /** Its enterprises by the keys of the duplicate check, built with the search. */
  let keys = new DuplicateKeys([]);
  /** How many enterprises the pinyin search covers so far; all of them once it is complete. */
  const indexed = ref(0);
  /** Counts the searches completed, so results computed before the search was complete are computed again. */
  const indexVersion = ref(0);
  /** The pinyin search is still being built: a query finds by 汉字 only where it is not yet. */
  const indexing = computed(() => indexed.value < enterprises.value.length);
  let generation = 0;

  async function load(): Promise<void> {
    const run = ++generation;
    const all = await repositories().enterprises.list();
    if (run === generation) show(all);
  }

  /** Show the directory as read, and build its search in the background. */
  function show(all: Enterprise[]): void {
    const run = ++generation;
    index = new PartedSearch(all, nameOf);
    keys = new DuplicateKeys(all);
    indexed.value = 0;
    enterprises.value = all;
    loaded.value = true;
    void buildIndex(run);
  }

  /**
   * Build the search and the duplicate keys part by part, the page getting a turn between parts; dropped when the
   * list is read again.
   */
  async function buildIndex(run: number): Promise<void> {
    const building = index;
    const keying = keys;
    while (!building.complete || !keying.complete) {
      await nextTask();
      if (run !== generation) return;
      building.buildNext();
      keying.addNext(SEARCH_PART);
      indexed.value = building.built;
    }
    indexed.value = building.built;
    indexVersion.value += 1;
    globalThis.performance?.mark?.('desk:directory-search-ready');
  }

  /** How many enterprises the directory holds, without loading them. */
  function count(): Promise<number> {
    return repositories().enterprises.count();
  }

  /** Enterprises matching 汉字, full pinyin or initials (“fzgt” finds 丰泽钢构). */
  function search(query: string, limit = 50): Enterprise[] {
    // Read, so that a result computed from these comes again when the list changes or the search is complete.
    const list = enterprises.value;
    void indexVersion.value;
    return query.trim() ? index.search(query.trim(), limit) : list.slice(0, limit);
  }

  /** Create or update an enterprise; returns it, or the errors by field. */
  async function save(
    input: EnterpriseDraft,
    id?: Id,
  ): Promise<{ ok: true; enterprise: Enterprise } | { ok: false; errors: EnterpriseErrors }> {
    const checked = validateEnterprise(input, keys.candidates(input), id);
    if (!checked.ok) return checked;
    const now = Date.now();
    const existing = id ? byId.value.get(id) : undefined;
    const enterprise: Enterprise = {
      ...checked.value,
      id: existing?.id ?? crypto.randomUUID(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    try {
      await repositories().enterprises.save(enterprise);
    } catch (error) {
      return { ok: false, errors: { name: (error as Error).message } };
    }
    await load();
    return { ok: true, enterprise };
  }

  async function remove(id: Id): Promise<void> {
    await repositories().enterprises.remove(id);
    await load();
  }

  /** Merge `mergedIds` into `keepId`, the kept record taking `fields`. */
  async function merge(
    keepId: Id,
    mergedIds: Id[],
    fields: EnterpriseDraft,
  ): Promise<EnterpriseErrors | undefined> {
    const keep = byId.value.get(keepId);
    if (!keep) return { name: '要保留的企业已不存在' };
    const checked = validateEnterprise(
      fields,
      keys.candidates(fields).filter((e) => !mergedIds.includes(e.id)),
    );
    if (!checked.ok) return checked.errors;
    await repositories().enterprises.merge({ ...keep, ...checked.value, updatedAt: Date.now() }, mergedIds);
    await load();
    return undefined;
  }

  /**
   * Add confirmed import rows and apply the confirmed updates of known enterprises, in one transaction written in
   * chunks (all or none: a clash, a failure or the signal leave the directory as it was); returns how many were
   * added. The directory is read again afterwards.
   */
  async function importAll(
    rows: Enterprise[],
    updates: readonly EnterpriseUpdate[] = [],
    options: DirectoryImportOptions = {},
  ): Promise<number> {
    const { onProgress, signal } = options;
    const write: ImportAllOptions = {
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    };
    const added = await repositories().enterprises.importAll(rows, updates, Date.now(), write);
    onProgress?.({ step: 'reload', done: 0, total: rows.length + updates.length });
    await load();
    return added;
  }

  /** Read an import file in the import worker, against the directory as loaded; the session then writes. */
  function openImport(file: ImportFile, onProgress?: (progress: ImportReadProgress) => void): ImportSession {
    return openImportFile(file, enterprises.value, onProgress ? { onProgress } : {});
  }

  /**
   * Write the lines of a session's preview the secretary confirmed (in the import worker: new rows added, ticked
   * updates applied, one transaction in chunks, all or none), then show the directory as it left it. Returns how many were
   * added and updated; rejects with ImportCancelledError when the signal stopped it, nothing written.
   */
  async function importConfirmed(
    session: ImportSession,
    lines: Iterable<number>,
    options: DirectoryImportOptions = {},
  ): Promise<{ added: number; updated: number }> {
    const { onProgress, signal } = options;
    const db = repositories().db;
    const { added, updated, directory } = await session.write(db.name, lines, {
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    });
    // Written on the worker's connection: counted here too, so backups follow (renderer/db/write-count.ts).
    countWritesElsewhere(db.writes, added + updated);
    onProgress?.({ step: 'reload', done: 0, total: added + updated });
    // The worker gives the directory as the import left it: no need to read it again.
    show(directory);
    return { added, updated };
  }

  /**
   * Write the whole directory as 企业库-YYYYMMDD.xlsx into a folder the secretary chooses; returns the
   * file's name and how many enterprises it holds, or undefined when no folder was chosen. Throws when
   * the workbook cannot be built or written.
   */
  async function exportXlsx(): Promise<{ fileName: string; count: number } | undefined> {
    const { buildDirectoryXlsx } = await import('../../shared/directory/xlsx');
    const bytes = await buildDirectoryXlsx(enterprises.value);
    const target = await unwrap(desk.files.chooseDirectory());
    if (!target) return undefined;
    const saved = await unwrap(
      desk.files.save({
        directoryToken: target.token,
        fileName: `企业库-${dayjs().format('YYYYMMDD')}.xlsx`,
        bytes,
      }),
    );
    return { fileName: saved.fileName, count: enterprises.value.length };
  }

  return {
    enterprises,
    loaded,
    byId,
    indexed,
    indexing,
    load,
    count,
    search,
    save,
    remove,
    merge,
    importAll,
    openImport,
    importConfirmed,
    exportXlsx,
  };
});
