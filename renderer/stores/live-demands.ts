// 会中诉求: demands taken from the minutes of the current speaker, their disposition, and the draft
// assignment they turn into.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { useLiveStore } from './live';
import { useSettingsStore } from './settings';
import { draftAssignment } from '../../shared/domain/assignment-draft';
import type { Assignment, Concern, Disposition, Id, MinuteEntry, Urgency } from '../../shared/domain/types';

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

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
    [concerns.value, assignments.value] = await Promise.all([
      repositories().concerns.listForMeeting(meetingId),
      repositories().assignments.forMeeting(meetingId),
    ]);
    mergeTargetId.value = undefined;
  }

  async function save(concern: Concern): Promise<void> {
    const stored = plain({ ...concern, updatedAt: Date.now() });
    await repositories().concerns.save(stored);
    concerns.value = concerns.value.some((c) => c.id === stored.id)
      ? concerns.value.map((c) => (c.id === stored.id ? stored : c))
      : [...concerns.value, stored];
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
      const merged: Concern = {
        ...target,
        verbatim: `${target.verbatim}\n${words}`,
        minuteEntryIds: [...new Set([...target.minuteEntryIds, entry.id])],
      };
      await save(merged);
      return merged;
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

  const setCategory = (c: Concern, category: string) => save({ ...c, category });
  const setUrgency = (c: Concern, urgency: Urgency) => save({ ...c, urgency });
  const setSummary = (c: Concern, summary: string) => save({ ...c, summary: summary.trim() });
  const confirmRaised = (c: Concern) => save({ ...c, confirmedAt: Date.now() });

  /** 现场解决 (with the entry that answered it) or 需交办. */
  async function dispose(c: Concern, disposition: Disposition, answerEntryId?: Id): Promise<void> {
    const answerEntryIds = answerEntryId
      ? [...new Set([...c.answerEntryIds, answerEntryId])]
      : c.answerEntryIds;
    await save({ ...c, disposition, answerEntryIds });
  }

  /** Link an entry that answered the demand on site. */
  const linkAnswer = (c: Concern, answerEntryId: Id) =>
    save({ ...c, answerEntryIds: [...new Set([...c.answerEntryIds, answerEntryId])] });

  /** 生成交办件草稿 from a 需交办 demand and its on-site answers. */
  async function draftFrom(c: Concern, entries: readonly MinuteEntry[]): Promise<Assignment | string> {
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
    confirmRaised,
    dispose,
    linkAnswer,
    draftFrom,
  };
});
