// 签批: signing an assignment locks its content under a SHA-256, gives it the next document number
// of the year, and writes a chained audit record. Hashing (Web Crypto) cannot run inside an
// IndexedDB transaction, so signing is two short transactions with the hashing between them:
// 1. reserve the document number (the ledger only grows, so a number is never reused, even if
//    the second step never happens; a retry reuses the number already on the assignment);
// 2. check nothing moved meanwhile, then write the sign-off, the new status and the audit record.
import type { DeskDb } from '../desk-db';
import { transition } from '../../../shared/domain/assignment-lifecycle';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { issueDocNumber, type DocNumberLedger } from '../../../shared/domain/doc-number';
import {
  chainAudit,
  dataUrlBytes,
  sha256Hex,
  signOffHash,
  verifyAuditChain,
} from '../../../shared/domain/integrity';
import type { Assignment, AuditRecord, Id, InkStroke, SignOff } from '../../../shared/domain/types';

/** What the leader gives when signing. */
export interface SignRequest {
  assignmentId: Id;
  signer: Id;
  strokes: InkStroke[];
  /** The signature as a PNG data URL. */
  png: string;
  /** The organisation's document-number prefix, e.g. 青工商联交. */
  prefix: string;
  year: number;
  now: number;
}

/** Thrown when signing cannot go ahead; the message is for the user. */
export class SignError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignError';
  }
}

const LEDGER_KEY = 'docNumberLedger';

/** Signing and its checks. */
export class SignOffRepository {
  constructor(private readonly db: DeskDb) {}

  /** Sign a draft assignment; returns the stored sign-off. */
  async sign(request: SignRequest): Promise<SignOff> {
    const db = this.db;
    // 1. The document number, reserved for good.
    const numbered = await db.transaction('rw', [db.assignments, db.settings], async () => {
      const a = await db.assignments.get(request.assignmentId);
      if (!a) throw new SignError('交办件不存在');
      transition(a.status, 'sign');
      if (a.docNumber) return a;
      const ledger = ((await db.settings.get(LEDGER_KEY))?.value ?? {}) as DocNumberLedger;
      const issued = issueDocNumber(ledger, request.prefix, request.year);
      await db.settings.put({ key: LEDGER_KEY, value: issued.ledger });
      const withNumber: Assignment = { ...a, docNumber: issued.docNumber, updatedAt: request.now };
      await db.assignments.put(withNumber);
      return withNumber;
    });

    // Hashes, outside any transaction.
    const pngSha256 = await sha256Hex(dataUrlBytes(request.png));
    const contentHash = await signOffHash({
      assignment: numbered,
      strokes: request.strokes,
      pngSha256,
      signer: request.signer,
      signedAt: request.now,
    });
    const lastAudit = await db.auditLog.orderBy('seq').last();
    const audit = await chainAudit(lastAudit, {
      at: request.now,
      action: 'sign',
      entity: 'assignment',
      entityId: numbered.id,
      detail: `${numbered.docNumber} 签批，内容摘要 ${contentHash}`,
    });
    const signOff: SignOff = {
      id: crypto.randomUUID(),
      assignmentId: numbered.id,
      signer: request.signer,
      signedAt: request.now,
      strokes: request.strokes,
      png: request.png,
      contentHash,
    };

    // 2. Everything else at once, if nothing moved in between.
    await db.transaction('rw', [db.assignments, db.signOffs, db.auditLog], async () => {
      const current = await db.assignments.get(numbered.id);
      if (!current || canonicalJson(current) !== canonicalJson(numbered)) {
        throw new SignError('交办件在签批时被修改，请重新签批');
      }
      const latest = await db.auditLog.orderBy('seq').last();
      if (latest?.hash !== lastAudit?.hash) throw new SignError('操作记录在签批时有变化，请重新签批');
      await db.signOffs.add(JSON.parse(JSON.stringify(signOff)) as SignOff);
      await db.assignments.put({
        ...current,
        status: transition(current.status, 'sign'),
        updatedAt: request.now,
      });
      await db.auditLog.add(audit);
    });
    return signOff;
  }

  /** The latest sign-off of an assignment. */
  async latestFor(assignmentId: Id): Promise<SignOff | undefined> {
    const all = await this.db.signOffs.where('assignmentId').equals(assignmentId).toArray();
    return all.sort((a, b) => b.signedAt - a.signedAt)[0];
  }

  /** Whether a signed assignment still matches what was signed: undefined when it does, else why not. */
  async verify(assignment: Assignment): Promise<string | undefined> {
    const signOff = await this.latestFor(assignment.id);
    if (!signOff) return assignment.status === 'draft' ? undefined : '签批记录缺失';
    const pngSha256 = await sha256Hex(dataUrlBytes(signOff.png));
    const hash = await signOffHash({
      assignment,
      strokes: signOff.strokes,
      pngSha256,
      signer: signOff.signer,
      signedAt: signOff.signedAt,
    });
    return hash === signOff.contentHash ? undefined : '签批后已修改';
  }

  /** Check the whole audit log. */
  async verifyAudit(): Promise<Awaited<ReturnType<typeof verifyAuditChain>>> {
    const records: AuditRecord[] = await this.db.auditLog.orderBy('seq').toArray();
    return verifyAuditChain(records);
  }
}
