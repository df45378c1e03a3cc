// 交办件 of a meeting: drafting (拟办), grouping (归并), signing, 修改并重新签批, and checking signatures.
import { useSafetyStore } from './safety';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import type { SignatureProblem } from '../db/repositories/sign-offs';
import { useSettingsStore } from './settings';
import { useIntegrityStore } from './integrity';
import {
  draftAssignment,
  draftDueDate,
  signBlocker as signBlockerRule,
  suggestInstruction,
  type DraftFields,
} from '../../shared/domain/assignment-draft';
import type { AuditVerdict } from '../../shared/domain/integrity';
import { formatChineseDate, formatChineseMonthDay } from '../../shared/domain/deadlines';
import {
  instructionPhrases,
  limitMismatch,
  retimeInstruction,
  timeLimitOptions,
} from '../../shared/domain/instruction-phrases';
import { sourceChanges, takeSnapshot } from '../../shared/domain/signed-snapshot';
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
} from '../../shared/domain/types';
import { toStorable } from '../lib/storable';

export type { DraftFields } from '../../shared/domain/assignment-draft';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The assignments of one meeting, with what the screens show beside them. */
export const useAssignmentStore = defineStore('assignments', () => {
  const settings = useSettingsStore();
  const integrity = useIntegrityStore();
  const meeting = shallowRef<Meeting>();
  const assignments = shallowRef<Assignment[]>([]);
  const concerns = shallowRef<Concern[]>([]);
  const entries = shallowRef<MinuteEntry[]>([]);
  const queueEntries = shallowRef<QueueEntry[]>([]);
  const enterprises = shallowRef<Map<Id, Enterprise>>(new Map());
  /** Assignment id → why its signature no longer holds (签批后已修改 …). */
  const problems = ref<Record<Id, SignatureProblem>>({});
  /** Assignment id → the sign-off it rests on. */
  const signOffsById = shallowRef<Record<Id, SignOff>>({});
  /** The audit chain's state at the last check. */
  const audit = shallowRef<AuditVerdict>();

  const repo = () => repositories().assignments;
  const signOffs = () => repositories().signOffs;

  const concernById = computed(() => new Map(concerns.value.map((c) => [c.id, c])));
  const entryById = computed(() => new Map(entries.value.map((e) => [e.id, e])));
  /** Demands marked 需交办 that no assignment covers yet. */
  const undrafted = computed(() => {
    const covered = new Set(assignments.value.flatMap((a) => a.concernIds));
    return concerns.value.filter((c) => c.disposition === 'assign' && !covered.has(c.id));
  });
  const drafts = computed(() => assignments.value.filter((a) => a.status === 'draft'));

  async function load(meetingId: Id): Promise<void> {
    const records = await repo().meetingRecords(meetingId);
    meeting.value = records?.meeting;
    assignments.value = records?.assignments ?? [];
    concerns.value = records?.concerns ?? [];
    entries.value = records?.minuteEntries ?? [];
    queueEntries.value = records?.queueEntries ?? [];
    enterprises.value = new Map((records?.enterprises ?? []).map((e) => [e.id, e]));
    await verify();
  }

  /** Check every signed assignment against its signature, and the audit chain. */
  async function verify(): Promise<void> {
    const repository = signOffs();
    const verdict = await repository.verifyAudit();
    const found: Record<Id, SignatureProblem> = {};
    for (const a of assignments.value) {
      const problem = await repository.verify(a, verdict);
      if (problem) found[a.id] = problem;
      else integrity.settle(a.id);
    }
    const current = await repository.currentFor(assignments.value.map((a) => a.id));
    problems.value = found;
    signOffsById.value = Object.fromEntries(current);
    audit.value = verdict;
  }

  /** Check one assignment again (when it is shown or exported); returns its problem, if any. */
  async function verifyOne(id: Id): Promise<SignatureProblem | undefined> {
    const stored = await repo().get(id);
    if (!stored) return { label: '记录校验失败', detail: '交办件已不在数据库中' };
    replaceLocal(stored);
    // The log's verdict from the last check: re-hashing years of records for one item would be slow.
    const problem = await signOffs().verify(stored, audit.value);
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

  /** The meeting as stored, after a change that may have moved its status. */
  async function refreshMeeting() {
    if (meeting.value) meeting.value = await repo().meeting(meeting.value.id);
  }

  /** Change a draft; a signed assignment is read-only (修改并重新签批 is a separate step). */
  async function updateDraft(id: Id, fields: DraftFields): Promise<string | undefined> {
    const current = assignments.value.find((a) => a.id === id);
    if (!current) return '交办件不存在';
    // A new 办理时限 takes the instruction's time words with it when they state the old one (两周内 → 一个月内).
    let patch = fields;
    if (fields.dueAt !== undefined && fields.instruction === undefined && current.status === 'draft') {
      const next = retimed(current, { ...current, dueAt: fields.dueAt });
      if (next !== undefined) patch = { ...fields, instruction: next };
    }
    try {
      replaceLocal(await repo().updateDraft(id, patch, Date.now()));
      return undefined;
    } catch (e) {
      return message(e);
    }
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

  /**
   * When the instruction states a time limit other than the chosen 办理时限 (两周内 beside 2027年1月1日), what
   * to tell the leader before signing; undefined when they agree or the instruction states none.
   */
  function limitWarning(a: Assignment): string | undefined {
    const due = dueDateOf(a);
    if (!due) return undefined;
    const chosen = limits.value.find((o) => o.date === due)?.phrase;
    const accepted = [chosen, `${formatChineseDate(due)}前`, `${formatChineseMonthDay(due)}前`].filter(
      (w): w is string => !!w,
    );
    const stated = limitMismatch(a.instruction, accepted);
    return stated ? `批示写的是“${stated}”，办理时限是${formatChineseDate(due)}，两者不一致` : undefined;
  }

  /**
   * The instruction after the 办理时限 moved from `before` to `after`: its time words follow when it states the
   * old limit (as the phrase chips and the suggestion write it); undefined when nothing is to change.
   */
  function retimed(before: Assignment, after: Assignment): string | undefined {
    const from = limitPhrase(before);
    const to = limitPhrase(after);
    return from && to ? retimeInstruction(after.instruction, from, to) : undefined;
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
    const now = Date.now();
    const made = undrafted.value.map((c) =>
      draftAssignment({
        concern: c,
        answers: c.answerEntryIds.map((id) => entryById.value.get(id)).filter((e): e is MinuteEntry => !!e),
        departments: settings.departments,
        leaders: settings.leaders,
        hostLeaderIds: meeting.value?.hostLeaderIds ?? [],
        now,
        newId: () => crypto.randomUUID(),
      }),
    );
    if (made.length === 0) return 0;
    await repo().addDrafts(made, now);
    assignments.value = [...assignments.value, ...made];
    await refreshMeeting();
    return made.length;
  }

  /** 归并: put the demands of `sourceId` into `targetId` (both drafts of the same enterprise). */
  async function merge(targetId: Id, sourceId: Id): Promise<string | undefined> {
    try {
      const merged = await repo().mergeDrafts(targetId, sourceId, Date.now());
      assignments.value = assignments.value
        .filter((a) => a.id !== sourceId)
        .map((a) => (a.id === targetId ? merged : a));
      await refreshMeeting();
      return undefined;
    } catch (e) {
      return message(e);
    }
  }

  /** Why an assignment cannot be signed yet, or undefined when it can. */
  const signBlocker = (a: Assignment): string | undefined =>
    signBlockerRule(a, dueDateOf(a), settings.organization.docNumberPrefix);

  /** 签批: lock what the sheet prints under the leader's signature and number it. */
  async function sign(id: Id, signer: Id, strokes: InkStroke[], png: string): Promise<SignOff | string> {
    const a = assignments.value.find((x) => x.id === id);
    if (!a) return '交办件不存在';
    const blocker = signBlocker(a);
    if (blocker) return blocker;
    const now = Date.now();
    try {
      if (!a.dueAt) {
        const due = dueDateOf(a);
        if (due) replaceLocal(await repo().updateDraft(id, { dueAt: due }, now));
      }
      const signOff = await signOffs().sign({
        assignmentId: id,
        signer,
        strokes: toStorable(strokes),
        png,
        prefix: settings.organization.docNumberPrefix,
        year: Number(new Date(now).getFullYear()),
        now,
      });
      signOffsById.value = { ...signOffsById.value, [id]: signOff };
      // The number is on paper from now on: remember it outside the database too.
      void useSafetyStore()
        .noteLedger()
        .catch(() => undefined);
      return signOff;
    } catch (e) {
      return message(e);
    } finally {
      const stored = await repo().get(id);
      if (stored) replaceLocal(stored);
      await refreshMeeting();
      audit.value = await signOffs().verifyAudit();
    }
  }

  /** 修改并重新签批: a signed assignment becomes an editable draft again; the old signature is kept. */
  async function reopen(id: Id, reason: string): Promise<string | undefined> {
    try {
      const draft = await signOffs().resign(id, reason, Date.now());
      replaceLocal(draft);
      await refreshMeeting();
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

  /**
   * What changed in the source records since the assignment was signed (a renamed enterprise, an edited
   * demand …), as short lines: the signed 交办单 does not change; 修改并重新签批 takes the new wording in.
   */
  function sourceUpdates(a: Assignment): string[] {
    const signOff = signOffsById.value[a.id];
    const m = meeting.value;
    if (!signOff?.snapshot || !m) return [];
    const now = takeSnapshot({
      assignment: a,
      organization: settings.organization,
      meeting: m,
      enterprise: enterprises.value.get(a.enterpriseId),
      speaker: queueEntries.value
        .filter((q) => q.enterpriseId === a.enterpriseId)
        .sort((x, y) => x.position - y.position)[0],
      concerns: a.concernIds.map((id) => concernById.value.get(id)).filter((c): c is Concern => !!c),
      answers: entries.value,
      leader: (lid) => (lid === undefined ? undefined : settings.leaderById.get(lid)),
      department: (did) => (did === undefined ? undefined : settings.departmentById.get(did)),
      signer: signOff.signer,
    });
    return sourceChanges(signOff.snapshot, now);
  }

  /** The signature being written in 签批模式, kept in the drafts table after every stroke. */
  async function saveSignatureDraft(signer: Id | undefined, ink: InkStroke[]): Promise<void> {
    const id = meeting.value?.id;
    if (id) await repo().saveSignatureDraft(id, signer, ink, Date.now());
  }
  async function signatureDraft(): Promise<{ ink: InkStroke[]; signer?: Id } | undefined> {
    const id = meeting.value?.id;
    return id ? repo().signatureDraft(id) : undefined;
  }

  return {
    meeting,
    assignments,
    concerns,
    entries,
    queueEntries,
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
    limitWarning,
    retimed,
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
    sourceUpdates,
    saveSignatureDraft,
    signatureDraft,
  };
});
