// 企业库: the enterprise directory, its search, imports and the export to XLSX.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import dayjs from 'dayjs';
import { desk, unwrap } from '../bridge';
import { repositories } from '../db';
import { validateEnterprise } from '../../shared/directory/row-rules';
import { createSearchIndex } from '../../shared/directory/pinyin-search';
import type { Enterprise, Id } from '../../shared/domain/types';
import type { EnterpriseDraft, EnterpriseErrors, EnterpriseUpdate } from '../../shared/directory/types';

/** The enterprise directory. */
export const useDirectoryStore = defineStore('directory', () => {
  const enterprises = shallowRef<Enterprise[]>([]);
  const loaded = ref(false);
  const byId = computed(() => new Map(enterprises.value.map((e) => [e.id, e])));
  const index = computed(() => createSearchIndex(enterprises.value, (e) => e.name));

  async function load(): Promise<void> {
    enterprises.value = await repositories().enterprises.list();
    loaded.value = true;
  }

  /** How many enterprises the directory holds, without loading them. */
  function count(): Promise<number> {
    return repositories().enterprises.count();
  }

  /** Enterprises matching 汉字, full pinyin or initials (“fzgt” finds 丰泽钢构). */
  function search(query: string, limit = 50): Enterprise[] {
    return query.trim() ? index.value.search(query.trim(), limit) : enterprises.value.slice(0, limit);
  }

  /** Create or update an enterprise; returns it, or the errors by field. */
  async function save(
    input: EnterpriseDraft,
    id?: Id,
  ): Promise<{ ok: true; enterprise: Enterprise } | { ok: false; errors: EnterpriseErrors }> {
    const checked = validateEnterprise(input, enterprises.value, id);
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
      enterprises.value.filter((e) => !mergedIds.includes(e.id)),
    );
    if (!checked.ok) return checked.errors;
    await repositories().enterprises.merge({ ...keep, ...checked.value, updatedAt: Date.now() }, mergedIds);
    await load();
    return undefined;
  }

  /**
   * Add confirmed import rows and apply the confirmed updates of known enterprises, in one transaction;
   * returns how many were added.
   */
  async function importAll(rows: Enterprise[], updates: readonly EnterpriseUpdate[] = []): Promise<number> {
    const added = await repositories().enterprises.importAll(rows, updates);
    await load();
    return added;
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

  return { enterprises, loaded, byId, load, count, search, save, remove, merge, importAll, exportXlsx };
});
