// 交办件 of a meeting: drafting (拟办), grouping (归并), signing, 修改并重新签批, and checking signatures.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { SignOffRepository, type SignatureProblem } from '../db/repositories/sign-offs';
import { AuditLog } from '../db/repositories/audit';
import { useSettingsStore } from './settings';
import { useIntegrityStore } from './integrity';
import { canTransition } from '../../shared/domain/assignment-lifecycle';
import { draftAssignment, draftDueDate, suggestInstruction } from '../../shared/domain/assignment-draft';
import type { AuditVerdict } from '../../shared/domain/integrity';
import { formatChineseDate } from '../../shared/domain/deadlines';
import { instructionPhrases, timeLimitOptions } from '../../shared/domain/instruction-phrases';
import type {
  Assignment,
  Concern,
  Enterprise,
  Id,
  InkCapture,
  InkStroke,
  IsoDate,
  Meeting,
  MinuteEntry,
  SignOff,
} from '../../shared/domain/types';

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The fields of a draft the secretary or the leader may change before signing. */
export type DraftFields = Partial<
  Pick<Assignment, 'leadLeaderId' | 'leadDeptId' | 'coDeptIds' | 'instruction' | 'dueAt'> & {
    instructionInk: InkCapture | undefined;
  }
>;

/** The assignments of one meeting, with what the screens show beside them. */
export const useAssignmentStore = defineStore('assignments', () => {
  const settings = useSettingsStore();
  const integrity = useIntegrityStore();
  const meeting = shallowRef<Meeting>();
  const assignments = shallowRef<Assignment[]>([]);
  const concerns = shallowRef<Concern[]>([]);
  const entries = shallowRef<MinuteEntry[]>([]);
  const enterprises = shallowRef<Map<Id, Enterprise>>(new Map());
  /** Assignment id → why its signature no longer holds (签批后已修改 …). */
  const problems = ref<Record<Id, SignatureProblem>>({});
  /** Assignment id → the sign-off it rests on. */
  const signOffsById = shallowRef<Record<Id, SignOff>>({});
  /** The audit chain's state at the last check. */
  const audit = shallowRef<AuditVerdict>();

  const signOffs = () => new SignOffRepository(repositories().db);

  const concernById = computed(() => new Map(concerns.value.map((c) => [c.id, c])));
  const entryById = computed(() => new Map(entries.value.map((e) => [e.id, e])));
  /** Demands marked 需交办 that no assignment covers yet. */
  const undrafted = computed(() => {
    const covered = new Set(assignments.value.flatMap((a) => a.concernIds));
    return concerns.value.filter((c) => c.disposition === 'assign' && !covered.has(c.id));
  });
  const drafts = computed(() => assignments.value.filter((a) => a.status === 'draft'));

  async function load(meetingId: Id): Promise<void> {
    const db = repositories().db;
    const [m, list, cs, es] = await Promise.all([
      db.meetings.get(meetingId),
      db.assignments.where('meetingId').equals(meetingId).toArray(),
      db.concerns.where('meetingId').equals(meetingId).toArray(),
      db.minuteEntries
        .where('[meetingId+at]')
        .between([meetingId, -Infinity], [meetingId, Infinity])
        .toArray(),
    ]);
    meeting.value = m;
    assignments.value = list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    concerns.value = cs;
    entries.value = es;
    const ids = [...new Set([...list.map((a) => a.enterpriseId), ...cs.map((c) => c.enterpriseId)])];
    const found = await db.enterprises.bulkGet(ids);
    enterprises.value = new Map(found.filter((e): e is Enterprise => !!e).map((e) => [e.id, e]));
    await verify();
  }

  /** Check every signed assignment against its signature, and the audit chain. */
  async function verify(): Promise<void> {
    const repo = signOffs();
    const found: Record<Id, SignatureProblem> = {};
    const bySigned: Record<Id, SignOff> = {};
    for (const a of assignments.value) {
      if (a.status === 'draft') continue;
      const problem = await repo.verify(a);
      if (problem) found[a.id] = problem;
      else integrity.settle(a.id);
      const s = await repo.latestFor(a.id);
      if (s) bySigned[a.id] = s;
    }
    problems.value = found;
    signOffsById.value = bySigned;
    audit.value = await repo.verifyAudit();
  }

  /** Check one assignment again (when it is shown or exported); returns its problem, if any. */
  async function verifyOne(id: Id): Promise<SignatureProblem | undefined> {
    const stored = await repositories().db.assignments.get(id);
    if (!stored) return { label: '记录校验失败', detail: '交办件已不在数据库中' };
    replaceLocal(stored);
    const problem = await signOffs().verify(stored);
    const next = { ...problems.value };
    if (problem) next[id] = problem;
    else {
      delete next[id];
      integrity.settle(id);
    }
    problems.value = next;
    return problem;
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
    if (fields.coDeptIds || fields.leadDeptId) {
      next.coDeptIds = next.coDeptIds.filter((d) => d !== next.leadDeptId);
    }
    await repositories().db.assignments.put(next);
    replaceLocal(next);
    return undefined;
  }

  /** The time limits offered for this meeting's assignments (一周内, 两周内 … with their dates). */
  const limits = computed(() =>
    meeting.value ? timeLimitOptions(meeting.value.date, settings.deadlineRules, settings.holidayTable) : [],
  );

  /** An assignment's time limit in words: the chip's phrase, else "by the date" (2026年12月9日前). */
  function limitPhrase(a: Assignment): string | undefined {
    const due = dueDateOf(a);
    return (
      limits.value.find((o) => o.date === due)?.phrase ?? (due ? `${formatChineseDate(due)}前` : undefined)
    );
  }

  /** The names an instruction speaks of. */
  const namesOf = (a: Assignment) => ({
    leadLeaderName: settings.leaderById.get(a.leadLeaderId)?.name,
    leadDeptName: settings.departmentById.get(a.leadDeptId)?.name,
    coDeptNames: a.coDeptIds.map((id) => settings.departmentById.get(id)?.name ?? '').filter(Boolean),
  });

  /** The instruction suggested from an assignment's fields and its time limit. */
  function suggestedInstruction(a: Assignment): string {
    return suggestInstruction({
      ...namesOf(a),
      replyDays: settings.deadlineRules.replyDays,
      dayKind: settings.deadlineRules.dayKind,
      limit: limitPhrase(a),
    });
  }

  /** The phrase chips offered for an assignment's instruction. */
  const phrasesFor = (a: Assignment) =>
    instructionPhrases({ ...namesOf(a), limit: limitPhrase(a) ?? '限期' });

  /** The reply due date suggested for a draft of this meeting, with holiday-table warnings. */
  function suggestedDueDate(): { date: string; warnings: string[] } | undefined {
    if (!meeting.value) return undefined;
    return draftDueDate(meeting.value.date, settings.deadlineRules, settings.holidayTable);
  }

  /** The due date an assignment carries, or the suggestion while the draft has none. */
  function dueDateOf(a: Assignment): IsoDate | undefined {
    return a.dueAt ?? suggestedDueDate()?.date;
  }

  /** Draft assignments for the 需交办 demands that have none yet; returns how many were made. */
  async function draftUndrafted(): Promise<number> {
    const made = undrafted.value.map((c) =>
      draftAssignment({
        concern: c,
        answers: c.answerEntryIds.map((id) => entryById.value.get(id)).filter((e): e is MinuteEntry => !!e),
        departments: settings.departments,
        leaders: settings.leaders,
        hostLeaderIds: meeting.value?.hostLeaderIds ?? [],
        now: Date.now(),
        newId: () => crypto.randomUUID(),
      }),
    );
    if (made.length === 0) return 0;
    await repositories().db.assignments.bulkAdd(plain(made));
    assignments.value = [...assignments.value, ...made];
    return made.length;
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

  /** Why an assignment cannot be signed yet, or undefined when it can. */
  function signBlocker(a: Assignment): string | undefined {
    if (!canTransition(a.status, 'sign')) return '这件交办件已签批';
    if (!a.leadLeaderId) return '请先选择牵头领导';
    if (!a.leadDeptId) return '请先选择牵头单位';
    if (!a.instruction.trim() && !a.instructionInk) return '请先确定领导批示';
    if (!dueDateOf(a)) return '请先确定办理时限';
    if (!settings.organization.docNumberPrefix) return '请先在“设置 › 单位信息”填写文号前缀';
    return undefined;
  }

  /** 签批: lock the content under the leader's signature and number it. */
  async function sign(id: Id, signer: Id, strokes: InkStroke[], png: string): Promise<SignOff | string> {
    let a = assignments.value.find((x) => x.id === id);
    if (!a) return '交办件不存在';
    const blocker = signBlocker(a);
    if (blocker) return blocker;
    if (!a.dueAt) {
      await updateDraft(id, { dueAt: dueDateOf(a)! });
      a = assignments.value.find((x) => x.id === id)!;
    }
    const now = Date.now();
    try {
      const signOff = await signOffs().sign({
        assignmentId: id,
        signer,
        strokes: plain(strokes),
        png,
        prefix: settings.organization.docNumberPrefix,
        year: Number(new Date(now).getFullYear()),
        now,
      });
      signOffsById.value = { ...signOffsById.value, [id]: signOff };
      const stored = await repositories().db.assignments.get(id);
      if (stored) replaceLocal(stored);
      if (drafts.value.length === 0) await moveMeeting('signing', 'handoff');
      return signOff;
    } catch (e) {
      return message(e);
    } finally {
      const stored = await repositories().db.assignments.get(id);
      if (stored) replaceLocal(stored);
      audit.value = await signOffs().verifyAudit();
    }
  }

  /** The meeting waits for signatures while drafts remain (待签批), then for handoff (待交办). */
  async function moveMeeting(from: Meeting['status'], to: Meeting['status']) {
    const m = meeting.value;
    if (!m || m.status !== from) return;
    const next = { ...m, status: to, updatedAt: Date.now() };
    await repositories().db.meetings.put(plain(next));
    meeting.value = next;
  }

  /** 修改并重新签批: a signed assignment becomes an editable draft again; the old signature is kept. */
  async function reopen(id: Id, reason: string): Promise<string | undefined> {
    try {
      const draft = await signOffs().resign(id, reason, Date.now());
      replaceLocal(draft);
      await moveMeeting('handoff', 'signing');
      integrity.settle(id);
      const nextProblems = { ...problems.value };
      delete nextProblems[id];
      problems.value = nextProblems;
      const nextSigned = { ...signOffsById.value };
      delete nextSigned[id];
      signOffsById.value = nextSigned;
      audit.value = await signOffs().verifyAudit();
      return undefined;
    } catch (e) {
      return message(e);
    }
  }

  /** Every signature an assignment has had, newest first (the versions 修改并重新签批 kept). */
  const historyOf = (id: Id) => signOffs().historyOf(id);

  /** The signature being written in 签批模式, kept in the drafts table after every stroke. */
  const signatureKey = (meetingId: Id) => `signature:${meetingId}`;
  async function saveSignatureDraft(signer: Id | undefined, ink: InkStroke[]): Promise<void> {
    const id = meeting.value?.id;
    if (!id) return;
    const db = repositories().db;
    if (ink.length === 0) await db.drafts.delete(signatureKey(id));
    else
      await db.drafts.put(
        plain({ key: signatureKey(id), meetingId: id, text: '', ink, signer, savedAt: Date.now() }),
      );
  }
  async function signatureDraft(): Promise<{ ink: InkStroke[]; signer?: Id } | undefined> {
    const id = meeting.value?.id;
    const draft = id ? await repositories().db.drafts.get(signatureKey(id)) : undefined;
    return draft?.ink?.length
      ? { ink: draft.ink, ...(draft.signer ? { signer: draft.signer } : {}) }
      : undefined;
  }

  /** Append an audit record (export and other actions). */
  const record = (action: string, entityId: Id, detail: string) =>
    new AuditLog(repositories().db).append({
      at: Date.now(),
      action,
      entity: 'assignment',
      entityId,
      detail,
    });

  return {
    meeting,
    assignments,
    concerns,
    entries,
    enterprises,
    problems,
    signOffsById,
    audit,
    concernById,
    entryById,
    undrafted,
    drafts,
    load,
    verify,
    verifyOne,
    updateDraft,
    limits,
    suggestedInstruction,
    phrasesFor,
    suggestedDueDate,
    dueDateOf,
    draftUndrafted,
    merge,
    signBlocker,
    sign,
    reopen,
    historyOf,
    record,
    saveSignatureDraft,
    signatureDraft,
  };
});
