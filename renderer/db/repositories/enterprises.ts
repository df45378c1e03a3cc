// 企业库: the enterprise directory.
import type { DeskDb } from '../desk-db';
import { AuditLog } from './audit';
import type { AuditInput } from '../../../shared/domain/integrity';
import type { Enterprise, Id } from '../../../shared/domain/types';
import type { EnterpriseUpdate } from '../../../shared/directory/types';
import { DIRECTORY_FIELD_LABEL } from '../../../shared/directory/headers';

/** Thrown when an import would add an enterprise that exists already. */
export class DuplicateEnterpriseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateEnterpriseError';
  }
}

/** Thrown when an import was cancelled: the transaction is rolled back, nothing is written. */
export class ImportCancelledError extends Error {
  constructor() {
    super('已取消导入，本次导入未写入任何数据');
    this.name = 'ImportCancelledError';
  }
}

/** Records per page read and per chunk written by `importAll`: some 10–20 ms of main thread each. */
export const IMPORT_CHUNK = 4000;

/** What an import is doing: checking the rows against the directory, then writing them. */
export type ImportStep = 'check' | 'write';

/** How far an import has got: `done` of `total` (rows added plus updates) written. */
export interface ImportAllProgress {
  step: ImportStep;
  done: number;
  total: number;
}

/** Hooks of `importAll`. */
export interface ImportAllOptions {
  /** Records per page read and per chunk written (`IMPORT_CHUNK`). */
  chunkSize?: number;
  onProgress?: (progress: ImportAllProgress) => void;
  /** Aborted: the import stops before its next chunk, throws `ImportCancelledError`, and writes nothing. */
  signal?: AbortSignal;
  /**
   * Once the import is committed: every enterprise the directory then holds, in `list()`'s order — what reading it
   * again would give, from what the import read and wrote, without reading 100,000 records once more.
   */
  onDirectory?: (all: Enterprise[]) => void;
}

const nameKey = (name: string) => name.trim();

/** The name index's order: by name (UTF-16 code units, as IndexedDB compares strings), then by id. */
const byName = (a: Enterprise, b: Enterprise): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Two lists in `byName` order merged into one. */
function mergeSorted(a: readonly Enterprise[], b: readonly Enterprise[]): Enterprise[] {
  const out: Enterprise[] = new Array<Enterprise>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byName(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** The enterprise directory. */
export class EnterpriseRepository {
  constructor(private readonly db: DeskDb) {}

  /**
   * Every enterprise, by name (then id: the name index's order). Read in pages of `pageSize` records by primary key
   * in one read-only transaction, each page sorted and merged into what was read before it as it comes: 100,000
   * records read at once are one task of some 200 ms and through the name index take twice as long; a page of a
   * few thousand is a task of a few milliseconds.
   */
  async list(pageSize: number = IMPORT_CHUNK): Promise<Enterprise[]> {
    const db = this.db;
    const size = Math.max(1, pageSize);
    return db.transaction('r', db.enterprises, async () => {
      let all: Enterprise[] = [];
      // Records without a name are not in the name index, so not in its order either.
      await this.eachPage(size, (page) => {
        all = mergeSorted(all, page.filter((e) => typeof e.name === 'string').sort(byName));
      });
      return all;
    });
  }

  /** Every record, a page of `size` at a time by primary key, inside the caller's transaction. */
  private async eachPage(size: number, take: (page: Enterprise[]) => void): Promise<void> {
    const table = this.db.enterprises;
    let after: Id | undefined;
    for (;;) {
      const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
        .limit(size)
        .toArray();
      take(page);
      if (page.length < size) return;
      after = page[page.length - 1]!.id;
    }
  }

  /** One enterprise. */
  get(id: Id): Promise<Enterprise | undefined> {
    return this.db.enterprises.get(id);
  }

  /** The enterprises of these ids that exist. */
  async many(ids: readonly Id[]): Promise<Enterprise[]> {
    const found = await this.db.enterprises.bulkGet([...ids]);
    return found.filter((e): e is Enterprise => e !== undefined);
  }

  /** How many enterprises the directory holds. */
  count(): Promise<number> {
    return this.db.enterprises.count();
  }

  /** Insert or replace one enterprise, refusing a second record with the same name or credit code. */
  async save(enterprise: Enterprise): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.enterprises, async () => {
      const sameName = await db.enterprises.where('name').equals(nameKey(enterprise.name)).first();
      if (sameName && sameName.id !== enterprise.id)
        throw new DuplicateEnterpriseError(`企业库中已有“${enterprise.name}”`);
      if (enterprise.creditCode) {
        const sameCode = await db.enterprises.where('creditCode').equals(enterprise.creditCode).first();
        if (sameCode && sameCode.id !== enterprise.id)
          throw new DuplicateEnterpriseError(
            `统一社会信用代码 ${enterprise.creditCode} 已属于“${sameCode.name}”`,
          );
      }
      await db.enterprises.put({ ...enterprise, name: nameKey(enterprise.name) });
    });
  }

  /**
   * Add imported enterprises and apply the confirmed updates of known ones: all of it or none. Duplicates are
   * checked again against the database, so an import confirmed twice (or from two windows) cannot add a record
   * twice; an update applies only while the record still has the values the preview showed, so nothing typed in
   * meanwhile is overwritten unseen.
   *
   * 100,000 rows (issue 17): it is still one read-write transaction — the only way to keep 「本次导入未写入任何数据」
   * true whatever fails, a clash found late, a full disk, 取消 — but nothing in it holds the main thread long. The
   * directory is read once, in pages of `chunkSize` records, into the keys the checks need (each row used to cost two
   * indexed queries), every row is checked in memory before anything is written, and the rows are then written with
   * bulkAdd in chunks of `chunkSize`, each awaited: while IndexedDB writes a chunk the page paints and takes input,
   * and the transaction stays alive because a request is always pending (nothing else is awaited inside it). Between
   * chunks it reports how far it has got and looks at `signal`: cancelling throws, which aborts the transaction and
   * rolls back the chunks already written.
   */
  async importAll(
    enterprises: readonly Enterprise[],
    updates: readonly EnterpriseUpdate[] = [],
    now: number = Date.now(),
    options: ImportAllOptions = {},
  ): Promise<number> {
    const db = this.db;
    const size = Math.max(1, options.chunkSize ?? IMPORT_CHUNK);
    const total = enterprises.length + updates.length;
    const report = (step: ImportStep, done: number): void => options.onProgress?.({ step, done, total });
    const checkCancel = (): void => {
      if (options.signal?.aborted) throw new ImportCancelledError();
    };
    checkCancel();
    const written = await db.transaction('rw', db.enterprises, async () => {
      // The directory's keys, read once: its names, and each credit code with the enterprise holding it.
      report('check', 0);
      const names = new Set<string>();
      const codes = new Map<string, { id: Id; name: string }>();
      const wanted = new Set(updates.map((u) => u.enterpriseId));
      const records = new Map<Id, Enterprise>();
      const all: Enterprise[] = [];
      await this.eachPage(size, (page) => {
        for (const e of page) {
          names.add(e.name);
          if (e.creditCode && !codes.has(e.creditCode)) codes.set(e.creditCode, { id: e.id, name: e.name });
          if (wanted.has(e.id)) records.set(e.id, e);
          if (options.onDirectory) all.push(e);
        }
        checkCancel();
      });

      // Every row checked before anything is written; the file's own rows count as they come.
      const added: Enterprise[] = [];
      const inFile = new Set<string>();
      for (const e of enterprises) {
        const name = nameKey(e.name);
        const clash = names.has(name) ? name : e.creditCode ? codes.get(e.creditCode)?.name : undefined;
        if (clash !== undefined)
          throw new DuplicateEnterpriseError(
            inFile.has(clash)
              ? `“${e.name}”与本次导入的“${clash}”重复，本次导入未写入任何数据`
              : `“${e.name}”已在企业库中（与“${clash}”重复），本次导入未写入任何数据`,
          );
        inFile.add(name);
        names.add(name);
        if (e.creditCode) codes.set(e.creditCode, { id: e.id, name });
        added.push({ ...e, name });
      }
      const changed: Enterprise[] = [];
      for (const update of updates) {
        const record = records.get(update.enterpriseId);
        if (!record)
          throw new Error(`“${update.name}”已不在企业库中，本次导入未写入任何数据；请重新选择文件预览`);
        const next: Enterprise = { ...record, updatedAt: now };
        for (const change of update.changes) {
          if ((record[change.field] ?? '') !== change.from)
            throw new Error(
              `“${record.name}”的${DIRECTORY_FIELD_LABEL[change.field]}在预览后已被修改，本次导入未写入任何数据；请重新选择文件预览`,
            );
          next[change.field] = change.to;
        }
        if (next.creditCode !== record.creditCode && next.creditCode) {
          const owner = codes.get(next.creditCode);
          if (owner && owner.id !== record.id)
            throw new DuplicateEnterpriseError(
              `统一社会信用代码 ${next.creditCode} 已属于“${owner.name}”，本次导入未写入任何数据`,
            );
          codes.set(next.creditCode, { id: record.id, name: record.name });
        }
        changed.push(next);
      }

      let done = 0;
      report('write', done);
      for (const [rows, write] of [
        [added, (chunk: Enterprise[]) => db.enterprises.bulkAdd(chunk)],
        [changed, (chunk: Enterprise[]) => db.enterprises.bulkPut(chunk)],
      ] as const) {
        for (let i = 0; i < rows.length; i += size) {
          checkCancel();
          const chunk = rows.slice(i, i + size);
          await write(chunk);
          done += chunk.length;
          report('write', done);
        }
      }
      checkCancel();
      return { all, added, changed };
    });
    if (options.onDirectory) {
      const byId = new Map(written.all.map((e) => [e.id, e]));
      for (const e of [...written.changed, ...written.added]) byId.set(e.id, e);
      options.onDirectory([...byId.values()].filter((e) => typeof e.name === 'string').sort(byName));
    }
    return written.added.length;
  }

  /**
   * Merge duplicates into one record: every queue entry, concern and assignment that names a merged
   * enterprise is pointed at the kept one, the kept record takes the fields given, the others go. The
   * merge is recorded in the audit log, with one record per assignment moved: a signed 交办单 keeps the
   * name it was signed with, and its check sees the move as a recorded source change, not tampering.
   */
  async merge(keep: Enterprise, mergedIds: readonly Id[], now: number = Date.now()): Promise<void> {
    const db = this.db;
    const gone = mergedIds.filter((id) => id !== keep.id);
    if (gone.length === 0) {
      await this.save(keep);
      return;
    }
    const entries = async (): Promise<AuditInput[]> => {
      const [old, moved] = await Promise.all([
        db.enterprises.bulkGet(gone),
        db.assignments.where('enterpriseId').anyOf(gone).toArray(),
      ]);
      const nameOf = new Map(old.filter((e): e is Enterprise => !!e).map((e) => [e.id, e.name]));
      return [
        {
          at: now,
          action: 'merge',
          entity: 'enterprise',
          entityId: keep.id,
          detail: `合并企业：${gone.map((id) => `${nameOf.get(id) ?? '？'}（${id}）`).join('、')} 并入 ${keep.name}（${keep.id}）`,
        },
        ...moved.map((a) => ({
          at: now,
          action: 'relink',
          entity: 'assignment',
          entityId: a.id,
          detail: `${a.docNumber ?? '交办件'} 企业合并：${nameOf.get(a.enterpriseId) ?? '？'} 并入 ${keep.name}；企业ID ${a.enterpriseId}→企业ID ${keep.id}`,
        })),
      ];
    };
    await new AuditLog(db).withRecords(
      [db.enterprises, db.queueEntries, db.concerns, db.assignments],
      entries,
      async () => {
        for (const id of gone) {
          await db.queueEntries.where('enterpriseId').equals(id).modify({ enterpriseId: keep.id });
          await db.concerns.where('enterpriseId').equals(id).modify({ enterpriseId: keep.id });
          await db.assignments.where('enterpriseId').equals(id).modify({ enterpriseId: keep.id });
        }
        await db.enterprises.bulkDelete(gone);
        await db.enterprises.put(keep);
      },
    );
  }

  /** How many queue entries, concerns and assignments name an enterprise. */
  async usage(id: Id): Promise<number> {
    const db = this.db;
    const [q, c, a] = await Promise.all([
      db.queueEntries.where('enterpriseId').equals(id).count(),
      db.concerns.where('enterpriseId').equals(id).count(),
      db.assignments.where('enterpriseId').equals(id).count(),
    ]);
    return q + c + a;
  }

  /** Delete an enterprise that nothing names. */
  async remove(id: Id): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.enterprises, db.queueEntries, db.concerns, db.assignments], async () => {
      const e = await db.enterprises.get(id);
      if (!e) return;
      if ((await this.usage(id)) > 0)
        throw new Error(`“${e.name}”已有报名或诉求记录，不能删除；如是重复企业，请用“合并”`);
      await db.enterprises.delete(id);
    });
  }
}
