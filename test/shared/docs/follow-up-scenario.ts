/**
 * The signed demo meeting after handoff, with 督办 steps recorded the way the desk records them (checked, made and
 * applied by shared/domain/follow-up.ts): for the timeline, the 办理全过程 and the 催办通知 tests.
 */
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { applyStep, checkStep, makeStep, type StepInput } from '../../../shared/domain/follow-up';
import type { TimelineSources } from '../../../shared/domain/follow-up-timeline';
import type { Assignment, DeadlineRules, FollowUpStep, IsoDate, SignOff } from '../../../shared/domain/types';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { demoBundle } from './docx';

/** 09:30 China time on 2026-11-23: when the demo's sheets reached the departments. */
export const HANDED_OFF_AT = Date.parse('2026-11-23T09:30:00+08:00');

/** The rules the scenario counts with (the defaults with every field set). */
export const RULES: DeadlineRules = {
  ...DEFAULT_DEADLINE_RULES,
  yellowDayKind: 'working',
  staleDays: 7,
};

/** `at` of a step recorded at 16:00 China time on `on` (plus `n` minutes, to keep an order). */
export const atOn = (on: IsoDate, n = 0): number => Date.parse(`${on}T16:00:00+08:00`) + n * 60_000;

/** Record `inputs` on `a` one by one as the repository would; throws on a step the desk would refuse. */
export function record(
  a: Assignment,
  inputs: ReadonlyArray<StepInput & { by?: string }>,
  steps: FollowUpStep[] = [],
): { assignment: Assignment; steps: FollowUpStep[] } {
  let item = a;
  let n = steps.length;
  for (const { by = '李晓燕', ...input } of inputs) {
    const problem = checkStep(item, input as StepInput, input.on, steps);
    if (problem) throw new Error(`${input.kind}: ${problem}`);
    const step = makeStep(item, input as StepInput, { id: `step-${++n}`, at: atOn(input.on, n), by });
    item = applyStep(item, step, steps);
    steps.push(step);
  }
  return { assignment: item, steps };
}

/** The demo with all five items handed over on 2026-11-23, 答复期限 2026-12-07. */
export async function handedOffBundle(): Promise<MeetingBundle & { assignments: Assignment[] }> {
  const bundle = await demoBundle();
  return {
    ...bundle,
    assignments: bundle.assignments.map((a) => ({
      ...a,
      status: 'handed_off',
      handedOffAt: HANDED_OFF_AT,
      replyDueAt: '2026-12-07',
      round: 1,
      lastActivityOn: '2026-11-23',
    })),
  };
}

/**
 * The first item's whole life: progress, a reply (its content corrected later), an unsatisfied callback, 重办, a
 * second reply, a satisfied callback, 办结 and 销号.
 */
export function closedLife(a: Assignment): { assignment: Assignment; steps: FollowUpStep[] } {
  const first = record(a, [
    { kind: 'progress', on: '2026-11-27', note: '已约企业现场核实厂房补贴材料' },
    {
      kind: 'reply',
      on: '2026-12-02',
      content: '补贴资金已纳入区级预算，预计12月底前拨付',
      handler: '周科长',
      phone: '0830-5556789',
      way: 'written',
    },
  ]);
  const replyId = first.steps[1]!.id;
  return record(
    first.assignment,
    [
      {
        kind: 'correction',
        on: '2026-12-03',
        corrects: replyId,
        fields: { content: '补贴资金已纳入区级预算，预计2027年1月底前拨付', on: '2026-12-01' },
        reason: '答复原件为1月底，录入有误',
      },
      {
        kind: 'callback',
        on: '2026-12-04',
        caller: '李晓燕',
        way: 'phone',
        satisfaction: 'unsatisfied',
        words: '时间太晚，希望年内先拨付一部分',
      },
      { kind: 'redo', on: '2026-12-05', reason: '企业希望年内先拨付一部分', replyDueAt: '2026-12-19' },
      {
        kind: 'reply',
        on: '2026-12-15',
        content: '已于12月15日拨付首期补贴50%',
        handler: '周科长',
        phone: '',
        way: 'phone',
      },
      {
        kind: 'callback',
        on: '2026-12-16',
        caller: '李晓燕',
        way: 'visit',
        satisfaction: 'satisfied',
        words: '满意',
      },
      { kind: 'close', on: '2026-12-17', basis: 'satisfied', note: '' },
      { kind: 'write_off', on: '2026-12-18', note: '年终清单销号' },
    ],
    first.steps,
  );
}

/** The timeline's sources for one item of the bundle: its steps, and the sign-offs (the bundle's by default). */
export function timelineSources(
  bundle: MeetingBundle,
  assignment: Assignment,
  steps: FollowUpStep[] = [],
  signOffs: readonly SignOff[] = bundle.signOffs,
): TimelineSources {
  return {
    assignment,
    meeting: bundle.meeting,
    enterprise: bundle.enterprises.find((e) => e.id === assignment.enterpriseId),
    concerns: bundle.concerns,
    minuteEntries: bundle.minuteEntries,
    signOffs,
    steps,
    leaders: bundle.leaders,
    departments: bundle.departments,
  };
}

/** An earlier signature of the same item, replaced by `current` (修改并重新签批) an hour later. */
export function replacedSignOff(current: SignOff): SignOff {
  return {
    ...current,
    id: 'old-sign',
    signedAt: current.signedAt - 3_600_000,
    supersededAt: current.signedAt - 60_000,
    snapshot: { ...current.snapshot!, instruction: '请财政局研究。' },
  };
}
