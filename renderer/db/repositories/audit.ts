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
import { advanceAnchor, checkAnchor, readAnchor, resetAnchor } from '../chain-anchor';

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

  /**
   * Run `write` and append the record in one transaction over `tables` (the log is added), retrying
   * with a fresh record when another writer moved the tail in between. `entry` is called before each
   * attempt and may throw to refuse the whole operation.
   */
  withRecord<T>(
    tables: Table[],
    entry: () => Promise<AuditInput> | AuditInput,
    write: () => Promise<T>,
  ): Promise<T> {
    return this.withRecords(tables, async () => [await entry()], write);
  }

  /** As `withRecord`, with several records chained one after the other (none when the list is empty). */
  async withRecords<T>(
    tables: Table[],
    entries: () => Promise<AuditInput[]> | AuditInput[],
    write: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const inputs = await entries();
      const last = await this.db.auditLog.orderBy('seq').last();
      const chained: AuditRecord[] = [];
      for (const input of inputs) chained.push(await chainAudit(chained.at(-1) ?? last, input));
      const outcome = await this.db.transaction('rw', [...tables, this.db.auditLog], async () => {
        const tail = await this.db.auditLog.orderBy('seq').last();
        if (tail?.hash !== last?.hash) return { done: false as const };
        let seq: number | undefined;
        for (const record of chained) seq = await this.db.auditLog.add(record);
        return { done: true as const, seq, value: await write() };
      });
      if (outcome.done) {
        const head = chained.at(-1);
        if (head && outcome.seq !== undefined)
          advanceAnchor(this.db.name, { seq: outcome.seq, hash: head.hash });
        return outcome.value;
      }
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

  /** Every record, oldest first. */
  all(): Promise<AuditRecord[]> {
    return this.db.auditLog.orderBy('seq').toArray();
  }

  /** Check the whole chain link by link, then against the anchor kept outside the database. */
  async verify(records?: readonly AuditRecord[]): Promise<AuditVerdict> {
    const all = records ?? (await this.all());
    const chain = await verifyAuditChain(all);
    if (!chain.ok) return chain;
    const anchored = checkAnchor(readAnchor(this.db.name), all);
    return anchored.ok
      ? chain
      : { ok: false, seq: anchored.untrustedFrom, reason: anchored.reason, anchor: true };
  }

  /** One record by its sequence number. */
  record(seq: number): Promise<AuditRecord | undefined> {
    return this.db.auditLog.get(seq);
  }

  /** The newest record (the head of the chain), if any. */
  head(): Promise<AuditRecord | undefined> {
    return this.db.auditLog.orderBy('seq').last();
  }

  /**
   * The secretary confirms the log as it is after an anchor mismatch (a restored or copied profile): the
   * confirmation is itself recorded, with what the anchor said and why, and the anchor moves to it.
   */
  async confirmCurrent(reason: string, now: number): Promise<void> {
    const before = readAnchor(this.db.name);
    resetAnchor(this.db.name, await this.head());
    await this.append({
      at: now,
      action: 'confirm_log',
      entity: 'audit',
      entityId: 'chain',
      detail:
        `确认以当前操作记录为准：${reason.trim() || '未说明原因'}` +
        (before ? `；本机此前记下第${before.seq}条，摘要 ${before.hash}` : ''),
    });
  }
}
