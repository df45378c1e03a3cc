/**
 * 跟踪督办: the steps recorded on a 交办件 after handoff — 进展, 答复, 回访, 重办, 办结, 销号, 转报上级, 延期, 催办 — and
 * corrections of wrong entries. Steps are never changed once written: a correction is a step of its own, read over
 * the one it corrects, so the history shows both.
 *
 * `checkStep` says in Chinese why a step may not be recorded (naming the field); `applyStep` gives the assignment as
 * it stands after the step. The state changes are those of the life cycle (assignment-lifecycle.ts).
 */
import {
  ASSIGNMENT_EVENT_LABEL,
  canTransition,
  transition,
  type AssignmentEvent,
} from './assignment-lifecycle';
import {
  ASSIGNMENT_STATUS_LABEL,
  CALLBACK_WAY_LABEL,
  FOLLOW_UP_KIND_LABEL,
  REPLY_WAY_LABEL,
  SATISFACTION_LABEL,
} from './labels';
import { normalizePhone } from './phone';
import { compareIsoDates, isValidIsoDate, toIsoDate } from './workdays';
import type { Assignment, CorrectionStep, EpochMs, FollowUpKind, FollowUpStep, Id, IsoDate } from './types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A step as its form gives it: the desk adds the id, the item, the round, when and by whom. */
export type StepInput = DistributiveOmit<FollowUpStep, 'id' | 'assignmentId' | 'round' | 'at' | 'by'>;

/** Longest text a step field takes. */
export const STEP_TEXT_LIMIT = 2000;

/** The life-cycle event each kind of step is (a correction changes no state). */
export const STEP_EVENT: Readonly<Record<FollowUpKind, AssignmentEvent | undefined>> = {
  progress: 'progress',
  reply: 'reply',
  callback: 'evaluate',
  redo: 'redo',
  close: 'close',
  write_off: 'write_off',
  escalate: 'escalate',
  extend: 'extend',
  urge: 'urge',
  correction: undefined,
};

/** Fields a correction may change, by kind: text and dates only — never a verdict, a state or a due date. */
export const CORRECTABLE_FIELDS: Readonly<Record<FollowUpKind, readonly string[]>> = {
  progress: ['on', 'note'],
  reply: ['on', 'content', 'handler', 'phone'],
  callback: ['on', 'caller', 'words'],
  redo: ['reason'],
  close: ['note'],
  write_off: ['note'],
  escalate: ['on', 'to', 'reference'],
  extend: ['reason'],
  urge: [],
  correction: [],
};

/** Chinese names of the fields, for messages and the history. */
export const STEP_FIELD_LABEL: Readonly<Record<string, string>> = {
  on: '日期',
  note: '说明',
  content: '答复内容',
  handler: '经办人',
  phone: '联系电话',
  way: '方式',
  caller: '回访人',
  words: '企业意见',
  satisfaction: '评价',
  reason: '原因',
  replyDueAt: '答复期限',
  to: '转报单位',
  reference: '对方文号',
  basis: '办结依据',
  approvedBy: '批准领导',
  fileName: '催办通知',
};

/** The item is waiting for a reply (在办): 已交办, 重办中 or 已转报. */
export function awaitingReply(status: Assignment['status']): boolean {
  return status === 'handed_off' || status === 'redo' || status === 'escalated';
}

/** The day the item reached the department, the start of everything 督办 counts. */
export function handedOffOn(a: Assignment): IsoDate | undefined {
  return a.handedOffAt === undefined ? undefined : toIsoDate(a.handedOffAt);
}

const blank = (text: string | undefined) => (text ?? '').trim() === '';
const tooLong = (text: string | undefined) => [...(text ?? '')].length > STEP_TEXT_LIMIT;

/** Why the text fields of a step are not acceptable, or undefined. */
function textProblem(input: StepInput): string | undefined {
  const required: Partial<Record<FollowUpKind, string[]>> = {
    progress: ['note'],
    reply: ['content', 'handler'],
    callback: ['caller'],
    redo: ['reason'],
    escalate: ['to'],
    extend: ['reason'],
    urge: ['fileName'],
    correction: ['reason'],
  };
  const fields = input as unknown as Record<string, unknown>;
  for (const name of required[input.kind] ?? []) {
    if (typeof fields[name] !== 'string' || blank(fields[name] as string))
      return `请填写${STEP_FIELD_LABEL[name] ?? name}`;
  }
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && tooLong(value))
      return `${STEP_FIELD_LABEL[name] ?? name}超过${STEP_TEXT_LIMIT}字`;
  }
  return undefined;
}

/** Why a date the secretary gave cannot be the day a step happened. */
function dayProblem(on: string, a: Assignment, today: IsoDate): string | undefined {
  if (!isValidIsoDate(on)) return '日期无效，请按“2026-12-01”的格式填写';
  if (compareIsoDates(on, today) > 0) return '日期不能晚于今天';
  const start = handedOffOn(a);
  if (start && compareIsoDates(on, start) < 0) return `日期不能早于交办日期（${start}）`;
  return undefined;
}

/**
 * Why this step may not be recorded on `a` today, in Chinese, or undefined when it may. `steps` are the item's
 * steps so far (a correction must name one of them).
 */
export function checkStep(
  a: Assignment,
  input: StepInput,
  today: IsoDate,
  steps: readonly FollowUpStep[] = [],
): string | undefined {
  const text = textProblem(input);
  if (text) return text;
  const day = dayProblem(input.on, a, today);
  if (day) return day;

  if (input.kind === 'correction') return correctionProblem(a, input, today, steps);
  const event = STEP_EVENT[input.kind];
  if (event && !canTransition(a.status, event))
    return `交办件状态“${ASSIGNMENT_STATUS_LABEL[a.status] ?? a.status}”不能${ASSIGNMENT_EVENT_LABEL[event]}`;

  switch (input.kind) {
    case 'reply': {
      if (!Object.hasOwn(REPLY_WAY_LABEL, input.way)) return '请选择答复方式';
      if (!blank(input.phone) && !normalizePhone(input.phone).ok) return '联系电话无法识别，请核对';
      return undefined;
    }
    case 'callback':
      if (!Object.hasOwn(CALLBACK_WAY_LABEL, input.way)) return '请选择回访方式';
      if (!['satisfied', 'basically', 'unsatisfied'].includes(input.satisfaction)) return '请选择企业评价';
      if (a.repliedOn && compareIsoDates(input.on, a.repliedOn) < 0)
        return `回访日期不能早于答复日期（${a.repliedOn}）`;
      return undefined;
    case 'redo':
      if (a.satisfaction !== 'unsatisfied') return '只有回访不满意的事项才能重办';
      if (!isValidIsoDate(input.replyDueAt)) return '新的答复期限无效';
      if (compareIsoDates(input.replyDueAt, input.on) <= 0) return '新的答复期限应晚于重办日期';
      return undefined;
    case 'close':
      if (input.basis === 'satisfied' && a.satisfaction === 'unsatisfied')
        return '企业回访不满意，不能按“企业满意”办结；可重办，或在企业接受解释后办结';
      if (input.basis === 'explained' && blank(input.note)) return '请说明企业接受了怎样的解释';
      if (input.basis !== 'satisfied' && input.basis !== 'explained') return '请选择办结依据';
      return undefined;
    case 'extend':
      if (!isValidIsoDate(input.replyDueAt)) return '新的答复期限无效';
      if (a.replyDueAt && compareIsoDates(input.replyDueAt, a.replyDueAt) <= 0)
        return `新的答复期限应晚于原期限（${a.replyDueAt}）`;
      if (blank(input.approvedBy)) return '延期须经牵头领导同意，请选择批准领导';
      return undefined;
    case 'urge':
      if (!Number.isInteger(input.daysOverdue)) return '逾期天数无效';
      return undefined;
    default:
      return undefined;
  }
}

function correctionProblem(
  a: Assignment,
  input: CorrectionStep | (StepInput & { kind: 'correction' }),
  today: IsoDate,
  steps: readonly FollowUpStep[],
): string | undefined {
  const target = steps.find((s) => s.id === input.corrects);
  if (!target || target.assignmentId !== a.id) return '要更正的记录不存在';
  if (target.kind === 'correction') return '更正记录本身不能再更正，请更正原记录';
  const allowed = CORRECTABLE_FIELDS[target.kind];
  const names = Object.keys(input.fields);
  if (names.length === 0) return '没有要更正的内容';
  for (const name of names) {
    if (!allowed.includes(name))
      return `${FOLLOW_UP_KIND_LABEL[target.kind]}的“${STEP_FIELD_LABEL[name] ?? name}”不能更正${
        name === 'satisfaction' ? '，如评价有误请重新回访' : ''
      }`;
    const value = input.fields[name] ?? '';
    if (name === 'on') {
      const day = dayProblem(value, a, today);
      if (day) return day;
    } else if (tooLong(value)) return `${STEP_FIELD_LABEL[name] ?? name}超过${STEP_TEXT_LIMIT}字`;
    else if (name === 'phone' && !blank(value) && !normalizePhone(value).ok)
      return '联系电话无法识别，请核对';
    else if (['note', 'content', 'handler', 'caller', 'reason', 'to'].includes(name) && blank(value))
      return `${STEP_FIELD_LABEL[name] ?? name}不能更正为空`;
  }
  const current = effectiveStep(target, steps) as unknown as Record<string, unknown>;
  if (names.every((n) => current[n] === input.fields[n])) return '更正的内容与原记录相同';
  return undefined;
}

/** The step as made, for the item, this round, now, by this person. */
export function makeStep(
  a: Assignment,
  input: StepInput,
  who: { id: Id; at: EpochMs; by: string },
): FollowUpStep {
  const step = { ...input, id: who.id, assignmentId: a.id, round: a.round ?? 1, at: who.at, by: who.by };
  // The reply of the level above is recorded the same way, and says where it came from.
  if (step.kind === 'reply' && a.status === 'escalated') return { ...step, fromEscalation: true };
  return step as FollowUpStep;
}

const later = (a: IsoDate | undefined, b: IsoDate): IsoDate => (a && compareIsoDates(a, b) > 0 ? a : b);

/**
 * The assignment after `step` (checked with `checkStep` first). `steps` are the item's steps before it; a correction
 * needs them to keep the dates the board counts from in step with the corrected history.
 */
export function applyStep(
  a: Assignment,
  step: FollowUpStep,
  steps: readonly FollowUpStep[] = [],
): Assignment {
  const event = STEP_EVENT[step.kind];
  const next: Assignment = {
    ...a,
    ...(event ? { status: transition(a.status, event) } : {}),
    updatedAt: step.at,
  };
  switch (step.kind) {
    case 'progress':
      return { ...next, lastActivityOn: later(a.lastActivityOn, step.on) };
    case 'reply':
      return { ...next, repliedOn: step.on, lastActivityOn: later(a.lastActivityOn, step.on) };
    case 'callback':
      return { ...next, satisfaction: step.satisfaction };
    case 'redo': {
      const { repliedOn: _r, satisfaction: _s, ...rest } = next;
      return { ...rest, round: (a.round ?? 1) + 1, replyDueAt: step.replyDueAt, lastActivityOn: step.on };
    }
    case 'close':
      return { ...next, closedOn: step.on };
    case 'write_off':
      return { ...next, writtenOffOn: step.on };
    case 'escalate':
      return { ...next, escalatedTo: step.to, lastActivityOn: later(a.lastActivityOn, step.on) };
    case 'extend':
      return { ...next, replyDueAt: step.replyDueAt, lastActivityOn: later(a.lastActivityOn, step.on) };
    case 'urge':
      return { ...next, urgedOn: step.on };
    case 'correction':
      return corrected(next, [...steps, step]);
  }
}

/** Dates the board counts from, read again from the corrected history (a corrected reply date moves 答复日期). */
function corrected(a: Assignment, steps: readonly FollowUpStep[]): Assignment {
  const round = a.round ?? 1;
  const live = effectiveSteps(steps);
  const moving = live.filter((s) => ['progress', 'reply', 'redo', 'escalate', 'extend'].includes(s.kind));
  const start = handedOffOn(a);
  const lastActivityOn = moving.reduce<IsoDate | undefined>((d, s) => later(d, s.on), start);
  const reply = live.filter((s) => s.kind === 'reply' && s.round === round).at(-1);
  return {
    ...a,
    ...(lastActivityOn ? { lastActivityOn } : {}),
    ...(reply && a.repliedOn !== undefined ? { repliedOn: reply.on } : {}),
  };
}

/** A step as it reads after its corrections, with the corrections that made it so. */
export type EffectiveStep = Exclude<FollowUpStep, CorrectionStep> & { corrections: CorrectionStep[] };

/** The step with every correction of it applied, in the order they were made. */
export function effectiveStep(step: FollowUpStep, steps: readonly FollowUpStep[]): FollowUpStep {
  let out: FollowUpStep = step;
  for (const s of steps)
    if (s.kind === 'correction' && s.corrects === step.id) out = { ...out, ...s.fields } as FollowUpStep;
  return out;
}

/** The item's steps in the order recorded, corrections read over the steps they correct. */
export function effectiveSteps(steps: readonly FollowUpStep[]): EffectiveStep[] {
  const sorted = [...steps].sort((x, y) => x.at - y.at);
  return sorted
    .filter((s): s is Exclude<FollowUpStep, CorrectionStep> => s.kind !== 'correction')
    .map((s) => ({
      ...(effectiveStep(s, sorted) as Exclude<FollowUpStep, CorrectionStep>),
      corrections: sorted.filter((c): c is CorrectionStep => c.kind === 'correction' && c.corrects === s.id),
    }));
}

/** One line that says what a step recorded, for the audit log and the timeline. */
export function stepSummary(step: FollowUpStep): string {
  const head = `${FOLLOW_UP_KIND_LABEL[step.kind]}（第${step.round}次办理，${step.on}）`;
  switch (step.kind) {
    case 'progress':
      return `${head}：${step.note}`;
    case 'reply':
      return `${head}：${REPLY_WAY_LABEL[step.way]}，经办人${step.handler}${step.fromEscalation ? '（上级答复）' : ''}`;
    case 'callback':
      return `${head}：${CALLBACK_WAY_LABEL[step.way]}回访，${step.caller}，${SATISFACTION_LABEL[step.satisfaction]}`;
    case 'redo':
      return `${head}：${step.reason}；新答复期限${step.replyDueAt}`;
    case 'close':
      return `${head}：${step.basis === 'satisfied' ? '企业满意' : '企业接受解释'}${step.note ? `，${step.note}` : ''}`;
    case 'write_off':
      return `${head}${step.note ? `：${step.note}` : ''}`;
    case 'escalate':
      return `${head}：转报${step.to}${step.reference ? `（${step.reference}）` : ''}`;
    case 'extend':
      return `${head}：答复期限${step.previousDueAt} → ${step.replyDueAt}；${step.reason}`;
    case 'urge':
      return `${head}：${step.fileName}`;
    case 'correction':
      return `${head}：${Object.keys(step.fields)
        .map((n) => STEP_FIELD_LABEL[n] ?? n)
        .join('、')}；${step.reason}`;
  }
}
