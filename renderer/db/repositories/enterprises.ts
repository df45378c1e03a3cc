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

const nameKey = (name: string) => name.trim();

/** The enterprise directory. */
export class EnterpriseRepository {
  constructor(private readonly db: DeskDb) {}

  /** Every enterprise, by name. */
  async list(): Promise<Enterprise[]> {
    return this.db.enterprises.orderBy('name').toArray();
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
   * Add imported enterprises and apply the confirmed updates of known ones in one transaction: all of it or
   * none. Duplicates are checked again inside the transaction, so an import confirmed twice (or from two
   * windows) cannot add a record twice; an update applies only while the record still has the values the
   * preview showed, so nothing typed in meanwhile is overwritten unseen.
   */
  async importAll(
    enterprises: readonly Enterprise[],
    updates: readonly EnterpriseUpdate[] = [],
    now: number = Date.now(),
  ): Promise<number> {
    const db = this.db;
    return db.transaction('rw', db.enterprises, async () => {
      for (const e of enterprises) {
        const clash =
          (await db.enterprises.where('name').equals(nameKey(e.name)).first()) ??
          (e.creditCode ? await db.enterprises.where('creditCode').equals(e.creditCode).first() : undefined);
        if (clash)
          throw new DuplicateEnterpriseError(
            `“${e.name}”已在企业库中（与“${clash.name}”重复），本次导入未写入任何数据`,
          );
      }
      const changed: Enterprise[] = [];
      for (const update of updates) {
        const record = await db.enterprises.get(update.enterpriseId);
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
        if (next.creditCode !== record.creditCode) {
          const owner = await db.enterprises.where('creditCode').equals(next.creditCode).first();
          if (owner && owner.id !== record.id)
            throw new DuplicateEnterpriseError(
              `统一社会信用代码 ${next.creditCode} 已属于“${owner.name}”，本次导入未写入任何数据`,
            );
        }
        changed.push(next);
      }
      await db.enterprises.bulkAdd(enterprises.map((e) => ({ ...e, name: nameKey(e.name) })));
      await db.enterprises.bulkPut(changed);
      return enterprises.length;
    });
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
