// 签批: signing an assignment freezes everything its 交办单 prints (the signed snapshot) under a SHA-256,
// gives it the next document number of the year, and writes a chained audit record. Hashing (Web Crypto)
// cannot run inside an IndexedDB transaction, so signing is two short transactions with the hashing
// between them:
// 1. reserve the document number (the ledger only grows, so a number is never reused, even if the second
//    step never happens; a retry reuses the number already on the assignment);
// 2. check nothing moved meanwhile, then write the sign-off, the new status, the meeting's status and the
//    audit record together.
// 修改并重新签批 puts a signed assignment back to draft; its sign-off stays, marked superseded, with the
// snapshot it signed, so the old version is never lost.
import type { DeskDb } from '../desk-db';
import { AuditLog } from './audit';
import { settleMeeting } from './assignments';
import { nextTask } from '../../lib/next-task';
import { transition } from '../../../shared/domain/assignment-lifecycle';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { issueDocNumber, type DocNumberLedger } from '../../../shared/domain/doc-number';
import {
  checkSignature,
  currentSignOff,
  dataUrlBytes,
  sha256Hex,
  snapshotHash,
  type AuditVerdict,
  type SignatureProblem,
} from '../../../shared/domain/integrity';
import { takeSnapshot, type SnapshotSources } from '../../../shared/domain/signed-snapshot';
import type {
  Assignment,
  AuditRecord,
  Concern,
  Id,
  InkStroke,
  MinuteEntry,
  Organization,
  SignedSnapshot,
  SignOff,
} from '../../../shared/domain/types';
import { toStorable } from '../../lib/storable';

export type { SignatureProblem } from '../../../shared/domain/integrity';

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

/** A signed assignment whose signature does not hold, as the check on start finds it. */
export interface IntegrityFinding {
  assignment: Assignment;
  problem: SignatureProblem;
}

/** The check of everything: the audit log, and every assignment that is or was signed. */
export interface IntegrityReport {
  audit: AuditVerdict;
  findings: Map<Id, IntegrityFinding>;
}

const LEDGER_KEY = 'docNumberLedger';
const ORGANIZATION_KEY = 'organization';
/** Assignments checked per slice on start: each slice stays well under 50 ms of main-thread work. */
const CHUNK = 20;

/** The first record that can no longer be trusted, from a verdict on the whole log. */
export const untrustedFrom = (audit: AuditVerdict | undefined): number | undefined =>
  audit && !audit.ok ? (audit.seq ?? 1) : undefined;

/** Signing and its checks. */
export class SignOffRepository {
  private readonly audit: AuditLog;

  constructor(private readonly db: DeskDb) {
    this.audit = new AuditLog(db);
  }

  /** The tables a snapshot is read from (besides assignments and meetings). */
  private sourceTables() {
    const db = this.db;
    return [
      db.settings,
      db.enterprises,
      db.queueEntries,
      db.concerns,
      db.minuteEntries,
      db.leaders,
      db.departments,
    ];
  }

  /** The live records an assignment's 交办单 would print now. */
  async snapshotSources(a: Assignment, signer: Id): Promise<SnapshotSources> {
    const db = this.db;
    const [organization, meeting, enterprise, queue, concerns, leaders, departments] = await Promise.all([
      db.settings.get(ORGANIZATION_KEY),
      db.meetings.get(a.meetingId),
      db.enterprises.get(a.enterpriseId),
      db.queueEntries.where('meetingId').equals(a.meetingId).toArray(),
      db.concerns.bulkGet(a.concernIds),
      db.leaders.toArray(),
      db.departments.toArray(),
    ]);
    if (!meeting) throw new SignError('找不到交办件所属的会议');
    const found = concerns.filter((c): c is Concern => c !== undefined);
    const answerIds = [...new Set(found.flatMap((c) => c.answerEntryIds))];
    const answers = (await db.minuteEntries.bulkGet(answerIds)).filter((m): m is MinuteEntry => !!m);
    const leaderById = new Map(leaders.map((l) => [l.id, l]));
    const departmentById = new Map(departments.map((d) => [d.id, d]));
    return {
      assignment: a,
      organization: (organization?.value ?? {
        name: '',
        shortName: '',
        docNumberPrefix: '',
        contactPerson: '',
        contactPhone: '',
      }) as Organization,
      meeting,
      enterprise,
      speaker: queue
        .filter((q) => q.enterpriseId === a.enterpriseId)
        .sort((x, y) => x.position - y.position)[0],
      concerns: found,
      answers,
      leader: (id) => (id === undefined ? undefined : leaderById.get(id)),
      department: (id) => (id === undefined ? undefined : departmentById.get(id)),
      signer,
    };
  }

  /** The snapshot an assignment would be signed with now (to compare with what was signed). */
  async liveSnapshot(a: Assignment, signer: Id): Promise<SignedSnapshot> {
    return takeSnapshot(await this.snapshotSources(a, signer));
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

    // What the sheet prints, frozen, and the hashes: outside any transaction.
    const sources = await this.snapshotSources(numbered, request.signer);
    const snapshot = toStorable(takeSnapshot(sources));
    const pngSha256 = await sha256Hex(dataUrlBytes(request.png));
    const contentHash = await snapshotHash({
      snapshot,
      strokes: request.strokes,
      pngSha256,
      signer: request.signer,
      signedAt: request.now,
    });
    const signOff: SignOff = toStorable({
      id: crypto.randomUUID(),
      assignmentId: numbered.id,
      signer: request.signer,
      signedAt: request.now,
      strokes: request.strokes,
      png: request.png,
      contentHash,
      format: 2,
      snapshot,
    });

    // 2. Everything else at once, if nothing moved in between: neither the assignment nor what it prints.
    await this.audit.withRecord(
      [db.assignments, db.signOffs, db.meetings, ...this.sourceTables()],
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
        const again = takeSnapshot(await this.snapshotSources(current, request.signer));
        if (canonicalJson(again) !== canonicalJson(snapshot)) {
          throw new SignError('交办件的企业、诉求或答复在签批时被修改，请重新签批');
        }
        await db.signOffs.add(signOff);
        await db.assignments.put({
          ...current,
          status: transition(current.status, 'sign'),
          updatedAt: request.now,
        });
        await settleMeeting(db, current.meetingId, request.now);
      },
    );
    return signOff;
  }

  /**
   * 修改并重新签批: the signed assignment becomes a draft again, keeping its document number; its sign-off
   * stays with the snapshot it signed, marked superseded, and the audit log says why.
   */
  async resign(assignmentId: Id, reason: string, now: number): Promise<Assignment> {
    const db = this.db;
    const before = await db.assignments.get(assignmentId);
    if (!before) throw new SignError('交办件不存在');
    transition(before.status, 'resign');
    const problem = await this.verify(before);
    const signOff = await this.latestFor(assignmentId);
    return this.audit.withRecord(
      [db.assignments, db.signOffs, db.meetings],
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
        await settleMeeting(db, current.meetingId, now);
        return draft;
      },
    );
  }

  /** The sign-off the assignment rests on now (the latest not superseded). */
  async latestFor(assignmentId: Id): Promise<SignOff | undefined> {
    return currentSignOff(await this.db.signOffs.where('assignmentId').equals(assignmentId).toArray());
  }

  /** The current sign-offs of many assignments, by assignment id. */
  async currentFor(assignmentIds: readonly Id[]): Promise<Map<Id, SignOff>> {
    const all = await this.db.signOffs
      .where('assignmentId')
      .anyOf([...assignmentIds])
      .toArray();
    const byAssignment = new Map<Id, SignOff[]>();
    for (const s of all) byAssignment.set(s.assignmentId, [...(byAssignment.get(s.assignmentId) ?? []), s]);
    const out = new Map<Id, SignOff>();
    for (const [id, list] of byAssignment) {
      const current = currentSignOff(list);
      if (current) out.set(id, current);
    }
    return out;
  }

  /** Every sign-off of an assignment, newest first, superseded ones included. */
  async historyOf(assignmentId: Id): Promise<SignOff[]> {
    const all = await this.db.signOffs.where('assignmentId').equals(assignmentId).toArray();
    return all.sort((a, b) => b.signedAt - a.signedAt);
  }

  /**
   * Whether an assignment still matches what was signed: undefined when it does, else why not. `audit` is the
   * verdict on the whole log (checked again when not given): a signature recorded after a break is not trusted.
   */
  async verify(assignment: Assignment, audit?: AuditVerdict): Promise<SignatureProblem | undefined> {
    const [signOffs, records, verdict] = await Promise.all([
      this.db.signOffs.where('assignmentId').equals(assignment.id).toArray(),
      this.audit.forEntity('assignment', assignment.id),
      audit ?? this.audit.verify(),
    ]);
    const from = untrustedFrom(verdict);
    return checkSignature({
      assignment,
      signOffs,
      records,
      ...(from !== undefined ? { untrustedFrom: from } : {}),
    });
  }

  /**
   * Every assignment that is or was signed, checked against its signature and the log (on start). Reads and
   * checks in slices of a few assignments, giving the main thread back between them, so typing never waits
   * on the check even with years of signatures.
   */
  async verifyAll(): Promise<IntegrityReport> {
    const db = this.db;
    const records = await this.audit.all();
    const audit = await this.audit.verify(records);
    const from = untrustedFrom(audit);
    const recordsOf = new Map<Id, AuditRecord[]>();
    for (const r of records) {
      if (r.entity !== 'assignment') continue;
      const list = recordsOf.get(r.entityId);
      if (list) list.push(r);
      else recordsOf.set(r.entityId, [r]);
    }
    // Drafts count too: a signed item set back to 待签批 by hand is caught by its sign-off or its records.
    const [nonDraft, withSignOff] = await Promise.all([
      db.assignments.where('status').noneOf(['draft']).primaryKeys(),
      db.signOffs.orderBy('assignmentId').uniqueKeys(),
    ]);
    const ids = [...new Set([...nonDraft, ...(withSignOff as Id[]), ...recordsOf.keys()])];
    const findings = new Map<Id, IntegrityFinding>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      await nextTask();
      const slice = ids.slice(i, i + CHUNK);
      const [assignments, signOffs] = await Promise.all([
        db.assignments.bulkGet(slice),
        db.signOffs.where('assignmentId').anyOf(slice).toArray(),
      ]);
      const signOffsOf = new Map<Id, SignOff[]>();
      for (const s of signOffs)
        signOffsOf.set(s.assignmentId, [...(signOffsOf.get(s.assignmentId) ?? []), s]);
      for (const a of assignments) {
        if (!a) continue;
        const problem = await checkSignature({
          assignment: a,
          signOffs: signOffsOf.get(a.id) ?? [],
          records: recordsOf.get(a.id) ?? [],
          ...(from !== undefined ? { untrustedFrom: from } : {}),
        });
        if (problem) findings.set(a.id, { assignment: a, problem });
      }
    }
    return { audit, findings };
  }

  /** Check the whole audit log (chain and anchor). */
  verifyAudit(): Promise<AuditVerdict> {
    return this.audit.verify();
  }
}
