// The append-only audit log (操作记录): every sign, re-sign and export leaves a record that carries
// the hash of the one before, so a record changed, removed or slipped in breaks the chain.
// Hashing is Web Crypto (async), which would let an IndexedDB transaction commit under it, so a
// record is prepared against the current tail outside the transaction, and committed inside it only
// if the tail has not moved meanwhile.
import type { Table } from 'dexie';
import type { DeskDb } from '../desk-db';
import {
  chainAudit,
  verifyAuditChain,
  type AuditInput,
  type AuditVerdict,
} from '../../../shared/domain/integrity';
import type { AuditRecord, Id } from '../../../shared/domain/types';

/** A record chained to the tail it was prepared against. */
export interface PreparedAudit {
  record: AuditRecord;
  /** Hash of the last record when prepared (undefined for an empty log). */
  tail: string | undefined;
}

/** Thrown when the log keeps moving under a writer (another window writing at the same moment). */
export class AuditConflictError extends Error {
  constructor() {
    super('操作记录正被另一窗口写入，请稍后重试');
    this.name = 'AuditConflictError';
  }
}

const ATTEMPTS = 5;

/** Reading and appending the audit log. */
export class AuditLog {
  constructor(private readonly db: DeskDb) {}

  /** The next record after the current tail; call outside any transaction. */
  async prepare(entry: AuditInput): Promise<PreparedAudit> {
    const last = await this.db.auditLog.orderBy('seq').last();
    return { record: await chainAudit(last, entry), tail: last?.hash };
  }

  /** Inside a read-write transaction over `auditLog`: add the record if the tail is still where it was. */
  async commit(prepared: PreparedAudit): Promise<boolean> {
    const last = await this.db.auditLog.orderBy('seq').last();
    if (last?.hash !== prepared.tail) return false;
    await this.db.auditLog.add(prepared.record);
    return true;
  }

  /**
   * Run `write` and append the record in one transaction over `tables` (the log is added), retrying
   * with a fresh record when another writer moved the tail in between. `entry` is called before each
   * attempt and may throw to refuse the whole operation.
   */
  async withRecord<T>(
    tables: Table[],
    entry: () => Promise<AuditInput> | AuditInput,
    write: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const prepared = await this.prepare(await entry());
      const outcome = await this.db.transaction('rw', [...tables, this.db.auditLog], async () => {
        if (!(await this.commit(prepared))) return { done: false as const };
        return { done: true as const, value: await write() };
      });
      if (outcome.done) return outcome.value;
    }
    throw new AuditConflictError();
  }

  /** Append one record on its own. */
  append(entry: AuditInput): Promise<void> {
    return this.withRecord(
      [],
      () => entry,
      async () => undefined,
    );
  }

  /** The records about one thing, oldest first. */
  forEntity(entity: string, entityId: Id): Promise<AuditRecord[]> {
    return this.db.auditLog.where('[entity+entityId]').equals([entity, entityId]).sortBy('seq');
  }

  /** Check the whole chain. */
  async verify(): Promise<AuditVerdict> {
    return verifyAuditChain(await this.db.auditLog.orderBy('seq').toArray());
  }
}
