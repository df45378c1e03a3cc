// 签批: signing an assignment locks its content under a SHA-256, gives it the next document number
// of the year, and writes a chained audit record. Hashing (Web Crypto) cannot run inside an
// IndexedDB transaction, so signing is two short transactions with the hashing between them:
// 1. reserve the document number (the ledger only grows, so a number is never reused, even if
//    the second step never happens; a retry reuses the number already on the assignment);
// 2. check nothing moved meanwhile, then write the sign-off, the new status and the audit record.
// 修改并重新签批 puts a signed assignment back to draft; its sign-off stays, marked superseded, with
// the content it signed, so the old version is never lost.
import type { DeskDb } from '../desk-db';
import { AuditLog } from './audit';
import { canTransition, transition } from '../../../shared/domain/assignment-lifecycle';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { issueDocNumber, type DocNumberLedger } from '../../../shared/domain/doc-number';
import {
  changedFields,
  dataUrlBytes,
  sha256Hex,
  signedContent,
  signOffHash,
  type AuditVerdict,
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

/** Why a signed assignment's signature does not hold. */
export interface SignatureProblem {
  /** 签批后已修改: the content moved after signing; 记录校验失败: the signature record itself is wrong. */
  label: '签批后已修改' | '记录校验失败' | '签批记录缺失';
  /** The details a secretary can act on, in Chinese. */
  detail: string;
}

const LEDGER_KEY = 'docNumberLedger';
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Signing and its checks. */
export class SignOffRepository {
  private readonly audit: AuditLog;

  constructor(private readonly db: DeskDb) {
    this.audit = new AuditLog(db);
  }

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
    const signOff: SignOff = plain({
      id: crypto.randomUUID(),
      assignmentId: numbered.id,
      signer: request.signer,
      signedAt: request.now,
      strokes: request.strokes,
      png: request.png,
      contentHash,
      content: signedContent(numbered),
    });

    // 2. Everything else at once, if nothing moved in between.
    await this.audit.withRecord(
      [db.assignments, db.signOffs],
      () => ({
        at: request.now,
        action: 'sign',
        entity: 'assignment',
        entityId: numbered.id,
        detail: `${numbered.docNumber} 签批，内容摘要 ${contentHash}`,
      }),
      async () => {
        const current = await db.assignments.get(numbered.id);
        if (!current || canonicalJson(current) !== canonicalJson(numbered)) {
          throw new SignError('交办件在签批时被修改，请重新签批');
        }
        await db.signOffs.add(signOff);
        await db.assignments.put({
          ...current,
          status: transition(current.status, 'sign'),
          updatedAt: request.now,
        });
      },
    );
    return signOff;
  }

  /**
   * 修改并重新签批: the signed assignment becomes a draft again, keeping its document number; its
   * sign-off stays with the content it signed, marked superseded, and the audit log says why.
   */
  async resign(assignmentId: Id, reason: string, now: number): Promise<Assignment> {
    const db = this.db;
    const before = await db.assignments.get(assignmentId);
    if (!before) throw new SignError('交办件不存在');
    transition(before.status, 'resign');
    const problem = await this.verify(before);
    const signOff = await this.latestFor(assignmentId);
    return this.audit.withRecord(
      [db.assignments, db.signOffs],
      () => ({
        at: now,
        action: 'edit',
        entity: 'assignment',
        entityId: assignmentId,
        detail:
          `${before.docNumber ?? ''} 修改并重新签批：${reason.trim() || '未说明原因'}` +
          `；原签批内容摘要 ${signOff?.contentHash ?? '无'}` +
          (problem ? `；修改前校验：${problem.label}` : ''),
      }),
      async () => {
        const current = await db.assignments.get(assignmentId);
        if (!current || canonicalJson(current) !== canonicalJson(before)) {
          throw new SignError('交办件刚被修改，请重试');
        }
        if (signOff) await db.signOffs.update(signOff.id, { supersededAt: now });
        const draft: Assignment = {
          ...current,
          status: transition(current.status, 'resign'),
          updatedAt: now,
        };
        await db.assignments.put(draft);
        return draft;
      },
    );
  }

  /** The sign-off the assignment rests on now (the latest not superseded). */
  async latestFor(assignmentId: Id): Promise<SignOff | undefined> {
    const all = await this.db.signOffs.where('assignmentId').equals(assignmentId).toArray();
    return all.filter((s) => s.supersededAt === undefined).sort((a, b) => b.signedAt - a.signedAt)[0];
  }

  /** Every sign-off of an assignment, newest first, superseded ones included. */
  async historyOf(assignmentId: Id): Promise<SignOff[]> {
    const all = await this.db.signOffs.where('assignmentId').equals(assignmentId).toArray();
    return all.sort((a, b) => b.signedAt - a.signedAt);
  }

  /** Whether a signed assignment still matches what was signed: undefined when it does, else why not. */
  async verify(assignment: Assignment): Promise<SignatureProblem | undefined> {
    if (assignment.status === 'draft') return undefined;
    const [signOff, records] = await Promise.all([
      this.latestFor(assignment.id),
      this.audit.forEntity('assignment', assignment.id),
    ]);
    return checkSignature(assignment, signOff, records);
  }

  /**
   * Every signed assignment checked at once (on start): assignment id → problem, for those whose
   * signature does not hold. Reads each table once instead of once per assignment.
   */
  async verifyAll(): Promise<Map<Id, { assignment: Assignment; problem: SignatureProblem }>> {
    const db = this.db;
    const [assignments, signOffs, records] = await Promise.all([
      db.assignments.where('status').noneOf(['draft']).toArray(),
      db.signOffs.toArray(),
      db.auditLog.where('[entity+entityId]').between(['assignment', ''], ['assignment', '\uffff']).toArray(),
    ]);
    const current = new Map<Id, SignOff>();
    for (const s of signOffs) {
      if (s.supersededAt !== undefined) continue;
      const seen = current.get(s.assignmentId);
      if (!seen || seen.signedAt < s.signedAt) current.set(s.assignmentId, s);
    }
    const recordsOf = new Map<Id, AuditRecord[]>();
    for (const r of records) recordsOf.set(r.entityId, [...(recordsOf.get(r.entityId) ?? []), r]);
    const found = new Map<Id, { assignment: Assignment; problem: SignatureProblem }>();
    for (const a of assignments) {
      const problem = await checkSignature(a, current.get(a.id), recordsOf.get(a.id) ?? []);
      if (problem) found.set(a.id, { assignment: a, problem });
    }
    return found;
  }

  /** Check the whole audit log. */
  verifyAudit(): Promise<AuditVerdict> {
    return this.audit.verify();
  }
}

/** Check one assignment against the sign-off it rests on and the audit records about it. */
async function checkSignature(
  assignment: Assignment,
  signOff: SignOff | undefined,
  records: readonly AuditRecord[],
): Promise<SignatureProblem | undefined> {
  if (assignment.status === 'draft') return undefined;
  if (!signOff) return { label: '签批记录缺失', detail: '找不到这件交办件的签批记录，请重新签批' };
  const pngSha256 = await sha256Hex(dataUrlBytes(signOff.png));
  const hash = await signOffHash({
    assignment,
    strokes: signOff.strokes,
    pngSha256,
    signer: signOff.signer,
    signedAt: signOff.signedAt,
  });
  if (hash !== signOff.contentHash) {
    const fields = signOff.content ? changedFields(signOff.content, signedContent(assignment)) : [];
    return fields.length > 0
      ? { label: '签批后已修改', detail: `签批后改动了：${fields.join('、')}。需要修改并重新签批` }
      : { label: '记录校验失败', detail: '签名或笔迹与签批时记录的摘要不符' };
  }
  // The hash itself is vouched for by the audit chain: a sign-off rewritten together with its hash
  // has no matching record there.
  if (!records.some((r) => r.action === 'sign' && r.detail.includes(signOff.contentHash))) {
    return { label: '记录校验失败', detail: '操作记录中没有这次签批，签批记录可能被替换' };
  }
  return undefined;
}

/** True when an assignment may be put back to draft for 修改并重新签批. */
export const canResign = (a: Assignment) => canTransition(a.status, 'resign');
