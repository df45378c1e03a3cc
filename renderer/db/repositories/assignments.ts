// 交办件: every read and write of assignments outside signing (sign-offs.ts): a meeting's records for 拟办,
// 签批 and 交办导出, editing and drafting, 归并, 交办 (handoff). The meeting's status follows its assignments
// (shared/domain/meeting-lifecycle.ts) and moves in the same transaction as the change that causes it, so a
// crash can never leave one without the other. Merges and handoffs leave chained audit records.
import type { DeskDb } from '../desk-db';
import { AuditLog } from './audit';
import { canTransition, transition } from '../../../shared/domain/assignment-lifecycle';
import {
  applyDraftFields,
  draftEditBlocker,
  mergeBlocker,
  mergedDraft,
  type DraftFields,
} from '../../../shared/domain/assignment-draft';
import { currentSignOff } from '../../../shared/domain/integrity';
import { meetingStatusAfter } from '../../../shared/domain/meeting-lifecycle';
import type {
  Assignment,
  Concern,
  Enterprise,
  Id,
  InkStroke,
  IsoDate,
  Meeting,
  MinuteEntry,
  QueueEntry,
  SignOff,
} from '../../../shared/domain/types';
import { toStorable } from '../../lib/storable';

/** Thrown when an assignment change is refused; the message is for the user. */
export class AssignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignmentError';
  }
}

/** The records of one meeting that 拟办, 签批 and 交办导出 work on. */
export interface MeetingRecords {
  meeting: Meeting;
  assignments: Assignment[];
  concerns: Concern[];
  minuteEntries: MinuteEntry[];
  queueEntries: QueueEntry[];
  /** The enterprises its speakers, demands and assignments name. */
  enterprises: Enterprise[];
  /** The current sign-off of each signed assignment. */
  signOffs: SignOff[];
}

/** One assignment handed over: the file verified on the target, when exported. */
export interface HandOffItem {
  id: Id;
  file?: { fileName: string; sha256?: string };
}

const signatureKey = (meetingId: Id) => `signature:${meetingId}`;

/**
 * Inside a read-write transaction over `assignments` and `meetings`: move the meeting to the status its
 * assignments call for. Returns the meeting as stored.
 */
export async function settleMeeting(db: DeskDb, meetingId: Id, now: number): Promise<Meeting | undefined> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return undefined;
  const all = await db.assignments.where('meetingId').equals(meetingId).toArray();
  const status = meetingStatusAfter(meeting.status, all);
  if (status === meeting.status) return meeting;
  const next = { ...meeting, status, updatedAt: now };
  await db.meetings.put(next);
  return next;
}

/** 交办件 and the meeting records around them. */
export class AssignmentRepository {
  private readonly audit: AuditLog;

  constructor(private readonly db: DeskDb) {
    this.audit = new AuditLog(db);
  }

  /** One assignment. */
  get(id: Id): Promise<Assignment | undefined> {
    return this.db.assignments.get(id);
  }

  /** The assignment that carries a 文号, if any. */
  byDocNumber(docNumber: string): Promise<Assignment | undefined> {
    return this.db.assignments.where('docNumber').equals(docNumber).first();
  }

  /** A meeting's assignments in drafting order. */
  /** The 交办件 that took up any of these demands (for how earlier demands ended, in the 会前材料). */
  async forConcerns(concerns: readonly Pick<Concern, 'id' | 'enterpriseId'>[]): Promise<Assignment[]> {
    if (concerns.length === 0) return [];
    const wanted = new Set(concerns.map((c) => c.id));
    const candidates = await this.db.assignments
      .where('enterpriseId')
      .anyOf([...new Set(concerns.map((c) => c.enterpriseId))])
      .toArray();
    return candidates.filter((a) => a.concernIds.some((id) => wanted.has(id)));
  }

  async forMeeting(meetingId: Id): Promise<Assignment[]> {
    const list = await this.db.assignments.where('meetingId').equals(meetingId).toArray();
    return list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** How many assignments of each meeting are drafts (待签批) and signed but not handed over (待交办). */
  async waitingCounts(meetingIds: readonly Id[]): Promise<Map<Id, { drafts: number; signed: number }>> {
    const rows = await this.db.assignments
      .where('meetingId')
      .anyOf([...meetingIds])
      .toArray();
    const out = new Map<Id, { drafts: number; signed: number }>(
      meetingIds.map((id) => [id, { drafts: 0, signed: 0 }]),
    );
    for (const a of rows) {
      const c = out.get(a.meetingId);
      if (!c) continue;
      if (a.status === 'draft') c.drafts += 1;
      else if (a.status === 'signed') c.signed += 1;
    }
    return out;
  }

  /** Everything of a meeting that its assignments and documents are made from; undefined for no meeting. */
  async meetingRecords(meetingId: Id): Promise<MeetingRecords | undefined> {
    const db = this.db;
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return undefined;
    const [assignments, concerns, minuteEntries, queueEntries] = await Promise.all([
      this.forMeeting(meetingId),
      db.concerns.where('meetingId').equals(meetingId).toArray(),
      db.minuteEntries
        .where('[meetingId+at]')
        .between([meetingId, -Infinity], [meetingId, Infinity])
        .toArray(),
      db.queueEntries.where('meetingId').equals(meetingId).toArray(),
    ]);
    const enterpriseIds = [
      ...new Set([...queueEntries, ...concerns, ...assignments].map((r) => r.enterpriseId)),
    ];
    const [enterprises, signOffs] = await Promise.all([
      db.enterprises.bulkGet(enterpriseIds),
      db.signOffs
        .where('assignmentId')
        .anyOf(assignments.map((a) => a.id))
        .toArray(),
    ]);
    const byAssignment = new Map<Id, SignOff[]>();
    for (const s of signOffs)
      byAssignment.set(s.assignmentId, [...(byAssignment.get(s.assignmentId) ?? []), s]);
    return {
      meeting,
      assignments,
      concerns,
      minuteEntries,
      queueEntries,
      enterprises: enterprises.filter((e): e is Enterprise => !!e),
      signOffs: [...byAssignment.values()]
        .map((list) => currentSignOff(list))
        .filter((s): s is SignOff => !!s),
    };
  }

  /** Change a draft; a signed assignment is read-only (修改并重新签批 is a separate step). */
  async updateDraft(id: Id, fields: DraftFields, now: number): Promise<Assignment> {
    const db = this.db;
    return db.transaction('rw', db.assignments, async () => {
      const current = await db.assignments.get(id);
      if (!current) throw new AssignmentError('交办件不存在');
      const blocked = draftEditBlocker(current);
      if (blocked) throw new AssignmentError(blocked);
      const next = toStorable(applyDraftFields(current, fields, now));
      await db.assignments.put(next);
      return next;
    });
  }

  /** Add new drafts (拟办); the meeting waits for signatures again if it had moved on. */
  async addDrafts(drafts: readonly Assignment[], now: number): Promise<void> {
    if (drafts.length === 0) return;
    const db = this.db;
    await db.transaction('rw', [db.assignments, db.meetings], async () => {
      await db.assignments.bulkAdd(toStorable([...drafts]));
      for (const meetingId of new Set(drafts.map((d) => d.meetingId)))
        await settleMeeting(db, meetingId, now);
    });
  }

  /** 归并: the source draft's demands go into the target draft; the source is removed; both are recorded. */
  async mergeDrafts(targetId: Id, sourceId: Id, now: number): Promise<Assignment> {
    const db = this.db;
    const [target, source] = await Promise.all([db.assignments.get(targetId), db.assignments.get(sourceId)]);
    const blocked = mergeBlocker(target, source);
    if (blocked || !target || !source) throw new AssignmentError(blocked ?? '请选择两件不同的交办件');
    const merged = toStorable(mergedDraft(target, source, now));
    return this.audit.withRecord(
      [db.assignments, db.meetings],
      () => ({
        at: now,
        action: 'merge',
        entity: 'assignment',
        entityId: targetId,
        detail: `归并：交办件 ${sourceId} 的诉求（${source.concernIds.join('、')}）并入本件，原件删除`,
      }),
      async () => {
        const [t, s] = await Promise.all([db.assignments.get(targetId), db.assignments.get(sourceId)]);
        const again = mergeBlocker(t, s);
        if (again) throw new AssignmentError(again);
        await db.assignments.put(merged);
        await db.assignments.delete(sourceId);
        await settleMeeting(db, merged.meetingId, now);
        return merged;
      },
    );
  }

  /**
   * 交办: record 交办时间 and 答复期限 on each assignment not handed over yet, each with an audit record (the
   * verified file, or how it was handed over), and settle the meeting with each. Returns the assignments
   * moved and their 答复期限.
   */
  async handOff(
    items: readonly HandOffItem[],
    how: string,
    now: number,
    replyDueOf: (a: Assignment) => IsoDate,
    dueLabel: (date: IsoDate) => string,
  ): Promise<{ count: number; replyDueDates: IsoDate[] }> {
    const db = this.db;
    const dues = new Set<IsoDate>();
    let count = 0;
    for (const { id, file } of items) {
      const what = file ? `${how}：${file.fileName}，SHA-256 ${file.sha256 ?? ''}` : how;
      await this.audit.withRecord(
        [db.assignments, db.meetings],
        async () => {
          const a = await db.assignments.get(id);
          return {
            at: now,
            action: file ? 'export' : 'hand_off',
            entity: 'assignment',
            entityId: id,
            detail: a ? `${what}；答复期限${dueLabel(replyDueOf(a))}` : what,
          };
        },
        async () => {
          const a = await db.assignments.get(id);
          if (!a || a.handedOffAt !== undefined || !canTransition(a.status, 'hand_off')) return;
          const due = replyDueOf(a);
          dues.add(due);
          await db.assignments.put(
            toStorable({
              ...a,
              status: transition(a.status, 'hand_off'),
              handedOffAt: now,
              replyDueAt: due,
              updatedAt: now,
            }),
          );
          await settleMeeting(db, a.meetingId, now);
          count += 1;
        },
      );
    }
    return { count, replyDueDates: [...dues].sort() };
  }

  /** The meeting as stored now. */
  meeting(meetingId: Id): Promise<Meeting | undefined> {
    return this.db.meetings.get(meetingId);
  }

  /** Keep the signature being written in 签批模式 (after every stroke), or drop it when the pad is empty. */
  async saveSignatureDraft(
    meetingId: Id,
    signer: Id | undefined,
    ink: InkStroke[],
    now: number,
  ): Promise<void> {
    if (ink.length === 0) await this.db.drafts.delete(signatureKey(meetingId));
    else
      await this.db.drafts.put(
        toStorable({ key: signatureKey(meetingId), meetingId, text: '', ink, signer, savedAt: now }),
      );
  }

  /** The signature left half-written in 签批模式, if any. */
  async signatureDraft(meetingId: Id): Promise<{ ink: InkStroke[]; signer?: Id } | undefined> {
    const draft = await this.db.drafts.get(signatureKey(meetingId));
    return draft?.ink?.length
      ? { ink: draft.ink, ...(draft.signer ? { signer: draft.signer } : {}) }
      : undefined;
  }
}
