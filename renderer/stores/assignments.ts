// 交办件 of a meeting: drafting (拟办), grouping (归并), signing and checking signatures.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { SignOffRepository } from '../db/repositories/sign-offs';
import { useSettingsStore } from './settings';
import { canTransition } from '../../shared/domain/assignment-lifecycle';
import { draftDueDate, suggestInstruction } from '../../shared/domain/assignment-draft';
import type { Assignment, Id, InkStroke, Meeting, SignOff } from '../../shared/domain/types';

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The fields of a draft the secretary or the leader may change before signing. */
export type DraftFields = Partial<
  Pick<Assignment, 'leadLeaderId' | 'leadDeptId' | 'coDeptIds' | 'instruction' | 'dueAt'>
>;

/** The assignments of one meeting. */
export const useAssignmentStore = defineStore('assignments', () => {
  const settings = useSettingsStore();
  const meeting = shallowRef<Meeting>();
  const assignments = shallowRef<Assignment[]>([]);
  /** Assignment id → why its signature no longer holds (签批后已修改 …). */
  const problems = ref<Record<Id, string>>({});

  const signOffs = () => new SignOffRepository(repositories().db);

  async function load(meetingId: Id): Promise<void> {
    const db = repositories().db;
    meeting.value = await db.meetings.get(meetingId);
    const list = await db.assignments.where('meetingId').equals(meetingId).toArray();
    assignments.value = list.sort((a, b) => a.createdAt - b.createdAt);
    await verify();
  }

  /** Check every signed assignment against its signature. */
  async function verify(): Promise<void> {
    const repo = signOffs();
    const found: Record<Id, string> = {};
    for (const a of assignments.value) {
      if (a.status === 'draft') continue;
      const problem = await repo.verify(a);
      if (problem) found[a.id] = problem;
    }
    problems.value = found;
  }

  function replaceLocal(a: Assignment) {
    assignments.value = assignments.value.map((x) => (x.id === a.id ? a : x));
  }

  /** Change a draft; a signed assignment is read-only (修改并重新签批 is a separate step). */
  async function updateDraft(id: Id, fields: DraftFields): Promise<string | undefined> {
    const current = assignments.value.find((a) => a.id === id);
    if (!current) return '交办件不存在';
    if (current.status !== 'draft') return '已签批的交办件不能直接修改，请使用“修改并重新签批”';
    const next = plain({ ...current, ...fields, updatedAt: Date.now() });
    await repositories().db.assignments.put(next);
    replaceLocal(next);
    return undefined;
  }

  /** The instruction suggested from an assignment's fields and the reply rules. */
  function suggestedInstruction(a: Assignment): string {
    return suggestInstruction({
      leadLeaderName: settings.leaderById.get(a.leadLeaderId)?.name,
      leadDeptName: settings.departmentById.get(a.leadDeptId)?.name,
      coDeptNames: a.coDeptIds.map((id) => settings.departmentById.get(id)?.name ?? '').filter(Boolean),
      replyDays: settings.deadlineRules.replyDays,
      dayKind: settings.deadlineRules.dayKind,
    });
  }

  /** The reply due date suggested for a draft of this meeting, with holiday-table warnings. */
  function suggestedDueDate(): { date: string; warnings: string[] } | undefined {
    if (!meeting.value) return undefined;
    return draftDueDate(meeting.value.date, settings.deadlineRules, settings.holidayTable);
  }

  /** 归并: put the demands of `sourceId` into `targetId` (both drafts of the same enterprise). */
  async function merge(targetId: Id, sourceId: Id): Promise<string | undefined> {
    const target = assignments.value.find((a) => a.id === targetId);
    const source = assignments.value.find((a) => a.id === sourceId);
    if (!target || !source || targetId === sourceId) return '请选择两件不同的交办件';
    if (target.status !== 'draft' || source.status !== 'draft') return '只能归并待签批的交办件';
    if (target.enterpriseId !== source.enterpriseId) return '只能归并同一企业的诉求';
    const merged = plain({
      ...target,
      concernIds: [...new Set([...target.concernIds, ...source.concernIds])],
      coDeptIds: [...new Set([...target.coDeptIds, source.leadDeptId, ...source.coDeptIds])].filter(
        (d) => d && d !== target.leadDeptId,
      ),
      updatedAt: Date.now(),
    });
    const db = repositories().db;
    await db.transaction('rw', db.assignments, async () => {
      await db.assignments.put(merged);
      await db.assignments.delete(sourceId);
    });
    assignments.value = assignments.value
      .filter((a) => a.id !== sourceId)
      .map((a) => (a.id === targetId ? merged : a));
    return undefined;
  }

  /** 签批: lock the content under the leader's signature and number it. */
  async function sign(id: Id, signer: Id, strokes: InkStroke[], png: string): Promise<SignOff | string> {
    const a = assignments.value.find((x) => x.id === id);
    if (!a) return '交办件不存在';
    if (!canTransition(a.status, 'sign')) return '这件交办件已签批';
    if (!a.leadDeptId) return '请先选择牵头单位';
    if (!a.instruction.trim()) return '请先确定领导批示';
    const prefix = settings.organization.docNumberPrefix;
    if (!prefix) return '请先在“设置 › 单位信息”填写文号前缀';
    const now = Date.now();
    const signOff = await signOffs().sign({
      assignmentId: id,
      signer,
      strokes: plain(strokes),
      png,
      prefix,
      year: Number(new Date(now).getFullYear()),
      now,
    });
    const stored = await repositories().db.assignments.get(id);
    if (stored) replaceLocal(stored);
    return signOff;
  }

  return {
    meeting,
    assignments,
    problems,
    load,
    verify,
    updateDraft,
    suggestedInstruction,
    suggestedDueDate,
    merge,
    sign,
  };
});
