// 跟踪督办 steps: each one written with the assignment it moves and a hash-chained audit record, in one transaction.
// The audit record carries the SHA-256 of the step as written, so a step changed later in the database no longer
// matches its record.
import type { DeskDb } from '../desk-db';
import { AuditLog } from './audit';
import {
  applyStep,
  checkStep,
  makeStep,
  stepSummary,
  type StepInput,
} from '../../../shared/domain/follow-up';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { sha256Hex } from '../../../shared/domain/integrity';
import type { Assignment, FollowUpStep, Id, IsoDate } from '../../../shared/domain/types';
import { toStorable } from '../../lib/storable';
import { AssignmentError } from './assignments';

/** The outcome of recording a step: the step and the item as it now stands, or why not (for the user). */
export type RecordOutcome =
  { ok: true; step: FollowUpStep; assignment: Assignment } | { ok: false; error: string };

/** The hash an audit record keeps of a step. */
export function stepHash(step: FollowUpStep): Promise<string> {
  return sha256Hex(canonicalJson(step));
}

/** Reading and recording the steps of 跟踪督办. */
export class FollowUpRepository {
  private readonly audit: AuditLog;

  constructor(private readonly db: DeskDb) {
    this.audit = new AuditLog(db);
  }

  /** The steps of one item, in the order recorded. */
  async steps(assignmentId: Id): Promise<FollowUpStep[]> {
    return this.db.followUps
      .where('[assignmentId+at]')
      .between([assignmentId, 0], [assignmentId, Infinity])
      .toArray();
  }

  /** The steps of many items at once, by item. */
  async stepsOf(assignmentIds: readonly Id[]): Promise<Map<Id, FollowUpStep[]>> {
    const out = new Map<Id, FollowUpStep[]>();
    const rows = await this.db.followUps
      .where('assignmentId')
      .anyOf([...assignmentIds])
      .toArray();
    for (const s of rows.sort((x, y) => x.at - y.at)) {
      const list = out.get(s.assignmentId) ?? [];
      list.push(s);
      out.set(s.assignmentId, list);
    }
    return out;
  }

  /**
   * Record a step on an item: checked against the item as stored at that moment (another window may have moved
   * it), written with the item's new state and an audit record, or not at all.
   */
  async record(
    assignmentId: Id,
    input: StepInput,
    who: { today: IsoDate; now: number; by: string; newId: () => Id },
  ): Promise<RecordOutcome> {
    const db = this.db;
    let prepared: { step: FollowUpStep; before: Assignment; after: Assignment } | undefined;
    try {
      const result = await this.audit.withRecord(
        [db.assignments, db.followUps],
        async () => {
          const a = await db.assignments.get(assignmentId);
          if (!a) throw new AssignmentError('交办件不存在，可能已被删除');
          const steps = await this.steps(assignmentId);
          const problem = checkStep(a, input, who.today, steps);
          if (problem) throw new AssignmentError(problem);
          const step = makeStep(a, input, { id: who.newId(), at: who.now, by: who.by });
          prepared = { step, before: a, after: applyStep(a, step, steps) };
          return {
            at: who.now,
            action: `follow_up:${step.kind}`,
            entity: 'assignment',
            entityId: assignmentId,
            detail: `${a.docNumber ?? ''} ${stepSummary(step)}；记录 ${step.id} SHA-256 ${await stepHash(step)}`,
          };
        },
        async () => {
          const p = prepared;
          if (!p) throw new AssignmentError('记录未准备好，请重试');
          const now = await db.assignments.get(assignmentId);
          // Moved since the check (another window): refuse rather than write over it.
          if (!now || now.updatedAt !== p.before.updatedAt || now.status !== p.before.status)
            throw new AssignmentError('该交办件刚被修改，请刷新后重试');
          await db.followUps.add(toStorable(p.step));
          await db.assignments.put(toStorable(p.after));
          return { ok: true as const, step: p.step, assignment: p.after };
        },
      );
      return result;
    } catch (e) {
      if (e instanceof AssignmentError) return { ok: false, error: e.message };
      throw e;
    }
  }
}
