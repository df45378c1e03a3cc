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
import { FOLLOW_UP_KIND_LABEL } from '../../../shared/domain/labels';
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

  /**
   * Each step of the item checked against the audit record written with it (the step's SHA-256 in the record):
   * a step changed, added or removed in the database behind the app is named, in Chinese. Empty when all hold.
   */
  async verify(assignmentId: Id, steps?: readonly FollowUpStep[]): Promise<string[]> {
    const list = steps ?? (await this.steps(assignmentId));
    const records = (await this.audit.forEntity('assignment', assignmentId)).filter((r) =>
      r.action.startsWith('follow_up:'),
    );
    const problems: string[] = [];
    const recorded = new Map<string, string>();
    for (const r of records) {
      const m = /记录 (\S+) SHA-256 ([0-9a-f]{64})$/.exec(r.detail);
      if (m?.[1] && m[2]) recorded.set(m[1], m[2]);
    }
    for (const step of list) {
      const hash = recorded.get(step.id);
      const what = `${FOLLOW_UP_KIND_LABEL[step.kind]}（${step.on}）`;
      if (!hash) problems.push(`${what}没有对应的操作记录`);
      else if (hash !== (await stepHash(step))) problems.push(`${what}在记录后被改动`);
      recorded.delete(step.id);
    }
    for (const id of recorded.keys())
      problems.push(`操作记录中的督办记录 ${id.slice(0, 8)} 已从数据库中删除`);
    return problems;
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
   * Record several steps at once (a 回复登记表 imported, a batch of 销号): each checked against its item as stored
   * (and as the steps before it in the batch leave it), all written with their audit records in one transaction —
   * or, when any one is refused or its item moved meanwhile, none of them, with the reason naming the item.
   */
  async recordMany(
    entries: readonly { assignmentId: Id; input: StepInput }[],
    who: { today: IsoDate; now: number; by: string; newId: () => Id },
  ): Promise<
    | { ok: true; recorded: Array<{ step: FollowUpStep; assignment: Assignment }> }
    | { ok: false; error: string }
  > {
    const db = this.db;
    let prepared: Array<{ step: FollowUpStep; before: Assignment; after: Assignment }> = [];
    try {
      return await this.audit.withRecords(
        [db.assignments, db.followUps],
        async () => {
          prepared = [];
          const current = new Map<Id, { item: Assignment; steps: FollowUpStep[]; first: Assignment }>();
          const records = [];
          for (const { assignmentId, input } of entries) {
            let state = current.get(assignmentId);
            if (!state) {
              const a = await db.assignments.get(assignmentId);
              if (!a) throw new AssignmentError('有交办件已不存在，可能已被删除；未记录任何内容');
              state = { item: a, steps: await this.steps(assignmentId), first: a };
              current.set(assignmentId, state);
            }
            const a = state.item;
            const problem = checkStep(a, input, who.today, state.steps);
            if (problem)
              throw new AssignmentError(`${a.docNumber ?? '未编号事项'}：${problem}；未记录任何内容`);
            const step = makeStep(a, input, { id: who.newId(), at: who.now, by: who.by });
            const after = applyStep(a, step, state.steps);
            prepared.push({ step, before: state.first, after });
            state.item = after;
            state.steps = [...state.steps, step];
            records.push({
              at: who.now,
              action: `follow_up:${step.kind}`,
              entity: 'assignment',
              entityId: assignmentId,
              detail: `${a.docNumber ?? ''} ${stepSummary(step)}；记录 ${step.id} SHA-256 ${await stepHash(step)}`,
            });
          }
          return records;
        },
        async () => {
          const recorded: Array<{ step: FollowUpStep; assignment: Assignment }> = [];
          const checked = new Set<Id>();
          for (const p of prepared) {
            const id = p.step.assignmentId;
            if (!checked.has(id)) {
              const now = await db.assignments.get(id);
              if (!now || now.updatedAt !== p.before.updatedAt || now.status !== p.before.status)
                throw new AssignmentError(
                  `${p.before.docNumber ?? '未编号事项'}刚被修改，未记录任何内容；请重新预览后再试`,
                );
              checked.add(id);
            }
            await db.followUps.add(toStorable(p.step));
            await db.assignments.put(toStorable(p.after));
            recorded.push({ step: p.step, assignment: p.after });
          }
          return { ok: true as const, recorded };
        },
      );
    } catch (e) {
      if (e instanceof AssignmentError) return { ok: false, error: e.message };
      throw e;
    }
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
