// 会中诉求: demands taken from the minutes of the current speaker, their disposition, and the draft
// assignment they turn into.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { useLiveStore } from './live';
import { useSettingsStore } from './settings';
import { draftAssignment } from '../../shared/domain/assignment-draft';
import type { Assignment, Concern, Disposition, Id, MinuteEntry, Urgency } from '../../shared/domain/types';
import { toStorable } from '../lib/storable';
import { runInOrder, type RunInOrder } from '../lib/run-in-order';

/** Demands of the live meeting. */
export const useLiveDemandsStore = defineStore('liveDemands', () => {
  const live = useLiveStore();
  const settings = useSettingsStore();
  const concerns = shallowRef<Concern[]>([]);
  const assignments = shallowRef<Assignment[]>([]);
  /** A demand further words are merged into (归并 of several entries), or none. */
  const mergeTargetId = ref<Id>();

  const enterpriseId = computed(() => live.current?.enterpriseId);
  const ofCurrent = computed(() => concerns.value.filter((c) => c.enterpriseId === enterpriseId.value));
  const assignmentOf = computed(() => {
    const map = new Map<Id, Assignment>();
    for (const a of assignments.value) for (const id of a.concernIds) map.set(id, a);
    return map;
  });

  async function load(meetingId: Id): Promise<void> {
    await flushSummaries();
    const [list, drafted] = await Promise.all([
      repositories().concerns.listForMeeting(meetingId),
      repositories().assignments.forMeeting(meetingId),
    ]);
    // In the order they were raised, so the cards keep their places after a reload.
    concerns.value = [...list].sort((a, b) => a.createdAt - b.createdAt);
    assignments.value = drafted;
    mergeTargetId.value = undefined;
  }

  async function save(concern: Concern): Promise<void> {
    const stored = toStorable({ ...concern, updatedAt: Date.now() });
    await repositories().concerns.save(stored);
    // The in-memory demand may have moved on while this was written (a summary being typed): keep what is newer.
    const shown = concerns.value.find((c) => c.id === stored.id);
    const kept =
      shown && shown.summary !== stored.summary && summaryTimers.has(stored.id) ? shown.summary : undefined;
    const next = kept === undefined ? stored : { ...stored, summary: kept };
    concerns.value = shown
      ? concerns.value.map((c) => (c.id === stored.id ? next : c))
      : [...concerns.value, next];
  }

  // Changes to one demand run one after another, each applied to the demand as the one before left it (and as
  // the secretary is typing it): a tap on a chip just after typing the summary must not write the demand back
  // without the summary.
  const chains = new Map<Id, RunInOrder>();
  function patch(id: Id, change: (c: Concern) => Concern): Promise<void> {
    let chain = chains.get(id);
    if (!chain) chains.set(id, (chain = runInOrder()));
    return chain.run(async () => {
      const latest = concerns.value.find((c) => c.id === id);
      if (latest) await save(change(latest));
    });
  }

  /** Quiet time after the last key of a summary before it is written. */
  const SUMMARY_DEBOUNCE_MS = 400;
  const summaryTimers = new Map<Id, ReturnType<typeof setTimeout>>();

  /**
   * The summary as it is typed (every key, IME composition included): shown at once, so nothing re-rendered in
   * between — a chip tapped, another demand changed — can put the old summary back, and written shortly after.
   */
  function typeSummary(id: Id, summary: string): void {
    concerns.value = concerns.value.map((c) => (c.id === id ? { ...c, summary } : c));
    const pending = summaryTimers.get(id);
    if (pending) clearTimeout(pending);
    summaryTimers.set(
      id,
      setTimeout(() => {
        summaryTimers.delete(id);
        void patch(id, (c) => c);
      }, SUMMARY_DEBOUNCE_MS),
    );
  }

  /** The summary is done (Enter, leaving the field): written now, trimmed. */
  function setSummary(c: Pick<Concern, 'id'>, summary: string): Promise<void> {
    const pending = summaryTimers.get(c.id);
    if (pending) clearTimeout(pending);
    summaryTimers.delete(c.id);
    return patch(c.id, (latest) => ({ ...latest, summary: summary.trim() }));
  }

  /** Write every summary still waiting for its pause (leaving the screen). */
  async function flushSummaries(): Promise<void> {
    const ids = [...summaryTimers.keys()];
    for (const id of ids) clearTimeout(summaryTimers.get(id));
    summaryTimers.clear();
    await Promise.all(ids.map((id) => patch(id, (c) => c)));
  }

  /**
   * Turn an entry, or the part of it selected, into a demand of the current enterprise — or, when a
   * merge target is set, add the words to that demand.
   */
  async function fromEntry(entry: MinuteEntry, text: string): Promise<Concern | string> {
    const words = text.trim();
    if (!words) return '没有可以作为诉求的文字';
    const target = mergeTargetId.value ? concerns.value.find((c) => c.id === mergeTargetId.value) : undefined;
    if (target) {
      await patch(target.id, (latest) => ({
        ...latest,
        verbatim: `${latest.verbatim}\n${words}`,
        minuteEntryIds: [...new Set([...latest.minuteEntryIds, entry.id])],
      }));
      return concerns.value.find((c) => c.id === target.id) ?? target;
    }
    const owner = enterpriseId.value ?? (entry.role === 'entrepreneur' ? entry.whoId : undefined);
    if (!owner || !live.meeting) return '当前没有发言企业，请先请企业发言';
    const now = Date.now();
    const concern: Concern = {
      id: crypto.randomUUID(),
      meetingId: live.meeting.id,
      enterpriseId: owner,
      kind: 'problem',
      category: '',
      urgency: 'normal',
      verbatim: words,
      summary: '',
      channel: '现场',
      minuteEntryIds: [entry.id],
      answerEntryIds: [],
      precollected: false,
      createdAt: now,
      updatedAt: now,
    };
    await save(concern);
    return concern;
  }

  const setCategory = (c: Pick<Concern, 'id'>, category: string) =>
    patch(c.id, (latest) => ({ ...latest, category }));
  const setUrgency = (c: Pick<Concern, 'id'>, urgency: Urgency) =>
    patch(c.id, (latest) => ({ ...latest, urgency }));
  const confirmRaised = (c: Pick<Concern, 'id'>) =>
    patch(c.id, (latest) => ({ ...latest, confirmedAt: Date.now() }));

  /** 现场解决 (with the entry that answered it) or 需交办. */
  function dispose(c: Pick<Concern, 'id'>, disposition: Disposition, answerEntryId?: Id): Promise<void> {
    return patch(c.id, (latest) => ({
      ...latest,
      disposition,
      answerEntryIds: answerEntryId
        ? [...new Set([...latest.answerEntryIds, answerEntryId])]
        : latest.answerEntryIds,
    }));
  }

  /** Link an entry that answered the demand on site. */
  const linkAnswer = (c: Pick<Concern, 'id'>, answerEntryId: Id) =>
    patch(c.id, (latest) => ({
      ...latest,
      answerEntryIds: [...new Set([...latest.answerEntryIds, answerEntryId])],
    }));

  /** 生成交办件草稿 from a 需交办 demand and its on-site answers. */
  async function draftFrom(given: Concern, entries: readonly MinuteEntry[]): Promise<Assignment | string> {
    await chains.get(given.id)?.settled();
    const c = concerns.value.find((x) => x.id === given.id) ?? given;
    if (c.disposition !== 'assign') return '请先把这条诉求标为“需交办”';
    if (!c.category) return '请先选择问题类别';
    const existing = assignmentOf.value.get(c.id);
    if (existing) return existing;
    const answers = entries.filter((e) => c.answerEntryIds.includes(e.id));
    const draft = draftAssignment({
      concern: c,
      answers,
      departments: settings.departments,
      leaders: settings.leaders,
      hostLeaderIds: live.meeting?.hostLeaderIds ?? [],
      now: Date.now(),
      newId: () => crypto.randomUUID(),
    });
    await repositories().assignments.addDrafts([draft], draft.createdAt);
    assignments.value = [...assignments.value, draft];
    return draft;
  }

  return {
    concerns,
    assignments,
    mergeTargetId,
    ofCurrent,
    assignmentOf,
    load,
    fromEntry,
    setCategory,
    setUrgency,
    setSummary,
    typeSummary,
    flushSummaries,
    confirmRaised,
    dispose,
    linkAnswer,
    draftFrom,
  };
});
