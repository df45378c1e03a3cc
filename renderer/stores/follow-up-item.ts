// One 交办件 under 跟踪督办: the item, its steps, where it stands today, and recording the next step.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { describeError } from '../db/db-errors';
import { useSettingsStore } from './settings';
import { allowedEvents } from '../../shared/domain/assignment-lifecycle';
import { effectiveSteps, STEP_EVENT, type StepInput } from '../../shared/domain/follow-up';
import { itemStanding } from '../../shared/domain/follow-up-warning';
import { followUpTimeline } from '../../shared/domain/follow-up-timeline';
import { toIsoDate } from '../../shared/domain/workdays';
import type {
  Assignment,
  Concern,
  Enterprise,
  FollowUpKind,
  FollowUpStep,
  Id,
  IsoDate,
  Meeting,
  MinuteEntry,
  SignOff,
} from '../../shared/domain/types';

/** The steps a person records by hand, in the order the buttons show them (催办 comes with its notice). */
export const MANUAL_STEPS: readonly Exclude<FollowUpKind, 'urge' | 'correction'>[] = [
  'progress',
  'reply',
  'callback',
  'redo',
  'close',
  'write_off',
  'extend',
  'escalate',
];

/** The day it is in China now: what 今日, 到期 and 逾期 count from. */
export const chinaToday = (): IsoDate => toIsoDate(Date.now());

export const useFollowUpItemStore = defineStore('follow-up-item', () => {
  const settings = useSettingsStore();
  const assignment = shallowRef<Assignment>();
  const steps = shallowRef<FollowUpStep[]>([]);
  const concerns = shallowRef<Concern[]>([]);
  const enterprise = shallowRef<Enterprise>();
  const meeting = shallowRef<Meeting>();
  const signOffs = shallowRef<SignOff[]>([]);
  const minuteEntries = shallowRef<MinuteEntry[]>([]);
  const state = ref<'idle' | 'loading' | 'ready' | 'missing' | 'failed'>('idle');
  const error = ref('');
  /** Steps that no longer match their audit record (changed or removed behind the app). */
  const tampered = ref<string[]>([]);
  /** Today, read again whenever the item is loaded or a step recorded (the clock may have moved on). */
  const today = ref<IsoDate>(chinaToday());

  const history = computed(() => effectiveSteps(steps.value));
  /** From the meeting's words to today: the same timeline the 办理全过程 prints. */
  const timeline = computed(() =>
    assignment.value
      ? followUpTimeline({
          assignment: assignment.value,
          meeting: meeting.value,
          enterprise: enterprise.value,
          concerns: concerns.value,
          minuteEntries: minuteEntries.value,
          signOffs: signOffs.value,
          steps: steps.value,
          leaders: settings.leaders,
          departments: settings.departments,
        })
      : undefined,
  );
  const standing = computed(() =>
    assignment.value
      ? itemStanding(assignment.value, today.value, settings.deadlineRules, settings.holidayTable)
      : undefined,
  );
  /** The steps that may be recorded on the item now. */
  const possible = computed(() => {
    const a = assignment.value;
    if (!a) return [];
    const events = new Set(allowedEvents(a.status));
    return MANUAL_STEPS.filter((k) => {
      const event = STEP_EVENT[k];
      if (!event || !events.has(event)) return false;
      if (k === 'redo') return a.satisfaction === 'unsatisfied';
      return true;
    });
  });

  async function load(id: Id): Promise<void> {
    state.value = 'loading';
    error.value = '';
    today.value = chinaToday();
    try {
      const repo = repositories();
      if (!settings.loaded) await settings.load();
      const a = await repo.db.assignments.get(id);
      if (!a || a.status === 'draft' || a.status === 'signed') {
        assignment.value = undefined;
        state.value = 'missing';
        return;
      }
      const [list, found, ent, mtg, signs, minutes] = await Promise.all([
        repo.followUps.steps(id),
        repo.db.concerns.bulkGet(a.concernIds),
        repo.db.enterprises.get(a.enterpriseId),
        repo.db.meetings.get(a.meetingId),
        repo.signOffs.historyOf(id),
        repo.minutes.listForMeeting(a.meetingId),
      ]);
      assignment.value = a;
      steps.value = list;
      concerns.value = found.filter((c): c is Concern => c !== undefined);
      enterprise.value = ent;
      meeting.value = mtg;
      signOffs.value = signs;
      minuteEntries.value = minutes;
      tampered.value = await repo.followUps.verify(id, list);
      state.value = 'ready';
    } catch (e) {
      error.value = describeError(e, { what: '交办件没有读出来', retry: '重新打开本页' });
      state.value = 'failed';
    }
  }

  /** Who records: the federation's contact person on this desk, else 工作人员. */
  const recorder = () => settings.organization.contactPerson.trim() || '工作人员';

  /** Record a step on the loaded item; undefined when done, else why not (in Chinese). */
  async function record(input: StepInput): Promise<string | undefined> {
    const a = assignment.value;
    if (!a) return '没有打开交办件';
    today.value = chinaToday();
    try {
      const out = await repositories().followUps.record(a.id, input, {
        today: today.value,
        now: Date.now(),
        by: recorder(),
        newId: () => crypto.randomUUID(),
      });
      if (!out.ok) return out.error;
      assignment.value = out.assignment;
      steps.value = [...steps.value, out.step];
      return undefined;
    } catch (e) {
      return describeError(e, { what: '这一步没有保存', retry: '再点保存', kept: '填写的内容仍在表单中' });
    }
  }

  return {
    assignment,
    steps,
    concerns,
    enterprise,
    meeting,
    signOffs,
    state,
    error,
    tampered,
    today,
    history,
    timeline,
    standing,
    possible,
    load,
    record,
  };
});
