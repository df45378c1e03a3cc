// 会前准备 of one meeting: who speaks in which order, and the demands collected before it.
import { removalQuestion } from '../../shared/domain/queue';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { desk } from '../bridge';
import { repositories } from '../db';
import { bestSimilarity, SIMILAR_CONCERN_THRESHOLD } from '../../shared/domain/similarity';
import { safeFileName } from '../../shared/export/file-names';
import { overLimit } from '../../shared/domain/meeting';
import type { BriefingBundle } from '../../shared/docs/briefing';
import type { Concern, Enterprise, Id, Meeting, QueueChannel, QueueEntry } from '../../shared/domain/types';
import { toStorable } from '../lib/storable';
import { runInOrder } from '../lib/run-in-order';

/** The fields of a pre-collected demand the secretary enters. */
export type ConcernInput = Pick<
  Concern,
  'enterpriseId' | 'kind' | 'category' | 'urgency' | 'verbatim' | 'summary' | 'channel'
> & { suggestedDeptId?: Id | undefined };

/** The longest text of a pre-collected demand: the words as submitted, and the one-line summary. */
export const CONCERN_LIMITS = { verbatim: 4000, summary: 60 } as const;

/** An earlier demand of the same enterprise that reads like this one. */
export interface SimilarConcern {
  concern: Concern;
  meeting: Meeting | undefined;
  score: number;
}

/** What became of 导出会前材料: saved (file and folder), cancelled in the folder dialog, or why not. */
export type BriefingSaveResult =
  | { ok: true; fileName: string; folder: string }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; error: string };

/** The preparation of the meeting being worked on. */
export const usePrepStore = defineStore('prep', () => {
  const meeting = shallowRef<Meeting>();
  const queue = shallowRef<QueueEntry[]>([]);
  const concerns = shallowRef<Concern[]>([]);
  /** Earlier demands by enterprise, loaded with the meeting, for the similarity hints. */
  const history = shallowRef<Map<Id, Concern[]>>(new Map());
  const meetingsById = shallowRef<Map<Id, Meeting>>(new Map());
  /** Demand id → the 文号 of the signed assignment that covers it (its 交办单 prints the words as signed). */
  const signedDocNumbers = shallowRef<Map<Id, string>>(new Map());
  const error = ref('');

  const signedUpIds = computed(() => new Set(queue.value.map((q) => q.enterpriseId)));

  async function open(meetingId: Id): Promise<boolean> {
    const repo = repositories();
    const found = await repo.meetings.get(meetingId);
    if (!found || found.deletedAt !== undefined) {
      meeting.value = undefined;
      return false;
    }
    meeting.value = found;
    const all = await repo.meetings.listAll();
    meetingsById.value = new Map(all.map((m) => [m.id, m]));
    const [assignments] = await Promise.all([
      repo.assignments.forMeeting(meetingId),
      reloadQueue(),
      reloadConcerns(),
    ]);
    signedDocNumbers.value = new Map(
      assignments
        .filter((a) => a.status !== 'draft')
        .flatMap((a) => a.concernIds.map((c) => [c, a.docNumber ?? '已签批'] as const)),
    );
    return true;
  }

  async function reloadQueue() {
    if (meeting.value) queue.value = await repositories().queue.listForMeeting(meeting.value.id);
  }

  async function reloadConcerns() {
    if (!meeting.value) return;
    const repo = repositories().concerns;
    concerns.value = await repo.listForMeeting(meeting.value.id);
    const ids = new Set([
      ...queue.value.map((q) => q.enterpriseId),
      ...concerns.value.map((c) => c.enterpriseId),
    ]);
    const entries = await Promise.all(
      [...ids].map(async (id) => [id, await repo.listForEnterprise(id)] as const),
    );
    history.value = new Map(entries);
  }

  /** Sign an enterprise up; the speaker defaults to its contact person. */
  async function signUp(
    enterprise: Enterprise,
    channel: QueueChannel = '报名',
  ): Promise<QueueEntry | undefined> {
    if (!meeting.value) return undefined;
    if (signedUpIds.value.has(enterprise.id)) {
      error.value = `“${enterprise.name}”已在发言名单中`;
      return undefined;
    }
    const entry = await repositories().queue.append({
      id: crypto.randomUUID(),
      meetingId: meeting.value.id,
      enterpriseId: enterprise.id,
      speaker: enterprise.contact || enterprise.legalRep,
      speakerTitle: enterprise.contactTitle,
      channel,
      status: 'waiting',
      spokenMs: 0,
    });
    await reloadQueue();
    await reloadConcerns();
    return entry;
  }

  async function updateEntry(entry: QueueEntry): Promise<void> {
    await repositories().queue.update(toStorable(entry));
    await reloadQueue();
  }

  // Field changes of speakers, one after the other: a name typed and then a tap on 点名 in the same row are
  // two writes, and the second must start from the first's result, not from the row as it was drawn.
  const patches = runInOrder();

  /** Change some fields of a speaker, on top of whatever was saved before (nothing typed is written over). */
  function patchEntry(
    id: Id,
    fields: Partial<Pick<QueueEntry, 'speaker' | 'speakerTitle' | 'channel'>>,
  ): Promise<void> {
    return patches.run(async () => {
      const current = queue.value.find((q) => q.id === id);
      if (current) await updateEntry({ ...current, ...fields });
    });
  }

  /** What 移除 asks about a speaker: plainly before they spoke; after, how long and what becomes of their words. */
  async function removalQuestionFor(entry: QueueEntry, enterprise: string) {
    const entries = meeting.value ? await repositories().minutes.listForMeeting(meeting.value.id) : [];
    const recorded = entries.filter(
      (m) => m.role === 'entrepreneur' && m.whoId === entry.enterpriseId,
    ).length;
    return removalQuestion(entry, enterprise, recorded);
  }

  async function removeEntry(id: Id): Promise<void> {
    await repositories().queue.remove(id);
    await reloadQueue();
  }

  /** Put the queue in this order (after a drag). */
  async function reorder(orderedIds: Id[]): Promise<void> {
    if (!meeting.value) return;
    queue.value = orderedIds.map((id, i) => ({ ...queue.value.find((q) => q.id === id)!, position: i + 1 }));
    await repositories().queue.reorder(meeting.value.id, orderedIds);
    await reloadQueue();
  }

  /** Move one entry up (-1) or down (+1). */
  async function move(id: Id, delta: -1 | 1): Promise<void> {
    const ids = queue.value.map((q) => q.id);
    const from = ids.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    ids.splice(to, 0, ...ids.splice(from, 1));
    await reorder(ids);
  }

  /** Add or update a pre-collected demand. */
  async function saveConcern(input: ConcernInput, id?: Id): Promise<string | undefined> {
    if (!meeting.value) return '会议不存在';
    if (!input.verbatim.trim()) return '请填写诉求内容（企业的原话或书面材料原文）';
    if (!input.category) return '请选择问题类别';
    const verbatimOver = overLimit(input.verbatim.trim(), CONCERN_LIMITS.verbatim);
    if (verbatimOver > 0)
      return `诉求原文不能超过${CONCERN_LIMITS.verbatim}个字（现在多了${verbatimOver}个字），较长的书面材料请分成几条诉求`;
    const summaryOver = overLimit(input.summary.trim(), CONCERN_LIMITS.summary);
    if (summaryOver > 0) return `诉求摘要不能超过${CONCERN_LIMITS.summary}个字（现在多了${summaryOver}个字）`;
    const now = Date.now();
    const existing = id ? concerns.value.find((c) => c.id === id) : undefined;
    const concern: Concern = {
      ...(existing ?? {
        id: crypto.randomUUID(),
        meetingId: meeting.value.id,
        minuteEntryIds: [],
        answerEntryIds: [],
        precollected: true,
        createdAt: now,
      }),
      enterpriseId: input.enterpriseId,
      kind: input.kind,
      category: input.category,
      urgency: input.urgency,
      verbatim: input.verbatim.trim(),
      summary: input.summary.trim(),
      channel: input.channel,
      updatedAt: now,
    };
    if (input.suggestedDeptId) concern.suggestedDeptId = input.suggestedDeptId;
    else delete concern.suggestedDeptId;
    await repositories().concerns.save(toStorable(concern));
    await reloadConcerns();
    return undefined;
  }

  async function removeConcern(id: Id): Promise<void> {
    await repositories().concerns.remove(id);
    await reloadConcerns();
  }

  /** Demands the same enterprise raised at other meetings that read like `concern`, most similar first. */
  function similarEarlier(
    concern: Pick<Concern, 'id' | 'enterpriseId' | 'verbatim' | 'summary'>,
  ): SimilarConcern[] {
    const earlier = history.value.get(concern.enterpriseId) ?? [];
    const texts = [concern.summary, concern.verbatim].filter(Boolean);
    return earlier
      .filter((c) => c.id !== concern.id && c.meetingId !== meeting.value?.id)
      .map((c) => ({
        concern: c,
        meeting: meetingsById.value.get(c.meetingId),
        score: Math.max(...texts.map((t) => bestSimilarity(t, [c.summary, c.verbatim]))),
      }))
      .filter((s) => s.score >= SIMILAR_CONCERN_THRESHOLD)
      .sort((a, b) => b.score - a.score);
  }

  /**
   * The records the 会前材料 is made from: this meeting's queue and demands, the enterprises they name and
   * what those enterprises raised at earlier meetings still on the list (此前反映).
   */
  async function briefingBundle(): Promise<BriefingBundle | undefined> {
    const m = meeting.value;
    if (!m) return undefined;
    const repo = repositories();
    const ids = [...new Set([...queue.value, ...concerns.value].map((r) => r.enterpriseId))];
    const [organization, leaders, departments, enterprises] = await Promise.all([
      repo.settings.organization(),
      repo.organization.listLeaders(),
      repo.organization.listDepartments(),
      repo.enterprises.many(ids),
    ]);
    const earlier = (c: Concern) => {
      const held = meetingsById.value.get(c.meetingId);
      return held !== undefined && held.deletedAt === undefined && held.id !== m.id && held.date < m.date;
    };
    const earlierConcerns = [...history.value.values()].flat().filter(earlier);
    return {
      organization,
      meeting: m,
      leaders,
      departments,
      enterprises,
      queueEntries: queue.value,
      concerns: concerns.value,
      minuteEntries: [],
      assignments: [],
      signOffs: [],
      earlierConcerns,
      earlierAssignments: await repo.assignments.forConcerns(earlierConcerns),
    };
  }

  /**
   * The 会前材料 (.docx) of the open meeting, built by the same builder and named as 交办导出 names it, mobile
   * numbers masked.
   */
  async function briefingFile(): Promise<{ fileName: string; bytes: Uint8Array } | undefined> {
    const bundle = await briefingBundle();
    if (!bundle) return undefined;
    // docx loads only when a document is made.
    const { meetingDocuments } = await import('../../shared/docs/meeting-documents');
    const built = await meetingDocuments(bundle, { include: ['briefing'], maskPhones: true });
    const doc = built.documents[0];
    if (!doc) throw new Error('会前材料没有生成');
    return { fileName: safeFileName(doc.stem, '.docx'), bytes: doc.bytes };
  }

  /** Build the 会前材料 and save it into a folder the user picks (in a browser: a download). */
  async function saveBriefing(): Promise<BriefingSaveResult> {
    const file = await briefingFile();
    if (!file) return { ok: false, cancelled: false, error: '会议不存在' };
    const folder = await desk.files.chooseDirectory();
    if (!folder.ok) return { ok: false, cancelled: false, error: folder.error.message };
    if (!folder.value) return { ok: false, cancelled: true };
    const saved = await desk.files.save({ directoryToken: folder.value.token, ...file });
    if (!saved.ok) return { ok: false, cancelled: false, error: saved.error.message };
    return { ok: true, fileName: saved.value.fileName, folder: folder.value.label };
  }

  return {
    meeting,
    queue,
    concerns,
    signedDocNumbers,
    error,
    signedUpIds,
    open,
    signUp,
    updateEntry,
    patchEntry,
    removeEntry,
    removalQuestionFor,
    reorder,
    move,
    saveConcern,
    removeConcern,
    similarEarlier,
    briefingFile,
    saveBriefing,
  };
});
