// The form of each 督办 step: its fields, their defaults, and the step they make. One form per kind; the dialog
// (StepFormDialog.vue) draws whichever is asked for.
import {
  CALLBACK_WAY_LABEL,
  CLOSE_BASIS_LABEL,
  FOLLOW_UP_KIND_LABEL,
  REPLY_WAY_LABEL,
  SATISFACTION_LABEL,
} from '../../../../shared/domain/labels';
import { CORRECTABLE_FIELDS, STEP_FIELD_LABEL, type StepInput } from '../../../../shared/domain/follow-up';
import { replyDue } from '../../../../shared/domain/deadlines';
import type {
  Assignment,
  CallbackWay,
  CloseBasis,
  DeadlineRules,
  FollowUpKind,
  FollowUpStep,
  HolidayTable,
  IsoDate,
  ReplyWay,
  Satisfaction,
} from '../../../../shared/domain/types';

/** The kinds a person fills a form for (催办 is recorded with its notice). */
export type FormKind = Exclude<FollowUpKind, 'urge'>;

/** One field of a step form. */
export interface FieldSpec {
  name: string;
  label: string;
  type: 'date' | 'text' | 'textarea' | 'choice' | 'leader';
  options?: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
  required?: boolean;
}

const choices = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const day = (label = '日期'): FieldSpec => ({ name: 'on', label, type: 'date', required: true });

/** The fields of each form, in order. */
export const FORM_FIELDS: Readonly<Record<Exclude<FormKind, 'correction'>, readonly FieldSpec[]>> = {
  progress: [
    day('进展日期'),
    { name: 'note', label: '办理进展', type: 'textarea', required: true, placeholder: '部门报来的办理情况' },
  ],
  reply: [
    day('收到答复日期'),
    {
      name: 'content',
      label: '答复内容',
      type: 'textarea',
      required: true,
      placeholder: '办理结果，照录部门答复',
    },
    { name: 'handler', label: '经办人', type: 'text', required: true },
    { name: 'phone', label: '联系电话', type: 'text' },
    { name: 'way', label: '答复方式', type: 'choice', options: choices(REPLY_WAY_LABEL), required: true },
  ],
  callback: [
    day('回访日期'),
    { name: 'caller', label: '回访人', type: 'text', required: true },
    { name: 'way', label: '回访方式', type: 'choice', options: choices(CALLBACK_WAY_LABEL), required: true },
    {
      name: 'satisfaction',
      label: '企业评价',
      type: 'choice',
      options: choices(SATISFACTION_LABEL),
      required: true,
    },
    { name: 'words', label: '企业意见', type: 'textarea', placeholder: '企业的原话' },
  ],
  redo: [
    day('重办日期'),
    { name: 'reason', label: '重办原因', type: 'textarea', required: true, placeholder: '企业不满意的地方' },
    { name: 'replyDueAt', label: '新的答复期限', type: 'date', required: true },
  ],
  close: [
    day('办结日期'),
    { name: 'basis', label: '办结依据', type: 'choice', options: choices(CLOSE_BASIS_LABEL), required: true },
    { name: 'note', label: '说明', type: 'textarea' },
  ],
  write_off: [
    day('销号日期'),
    { name: 'note', label: '说明', type: 'textarea', placeholder: '如：对账销号' },
  ],
  escalate: [
    day('转报日期'),
    {
      name: 'to',
      label: '转报单位',
      type: 'text',
      required: true,
      placeholder: '如：市营商环境直通车办公室',
    },
    { name: 'reference', label: '对方文号', type: 'text' },
  ],
  extend: [
    day('申请日期'),
    { name: 'replyDueAt', label: '新的答复期限', type: 'date', required: true },
    { name: 'approvedBy', label: '批准领导', type: 'leader', required: true },
    { name: 'reason', label: '延期原因', type: 'textarea', required: true },
  ],
};

/** The dialog's title for each form. */
export const FORM_TITLE: Readonly<Record<FormKind, string>> = {
  progress: '记录进展',
  reply: '登记答复',
  callback: '满意度回访',
  redo: '退回重办',
  close: '办结',
  write_off: '销号',
  escalate: '转报上级',
  extend: '延期',
  correction: '更正记录',
};

/** What the form starts with: today, the lead leader, the rules' new 答复期限, the basis the verdict implies. */
export function formDefaults(
  kind: Exclude<FormKind, 'correction'>,
  a: Assignment,
  context: { today: IsoDate; recorder: string; rules: DeadlineRules; table: HolidayTable },
): Record<string, string> {
  const base: Record<string, string> = { on: context.today };
  switch (kind) {
    case 'reply':
      return { ...base, way: 'written' };
    case 'callback':
      return { ...base, caller: context.recorder, way: 'phone' };
    case 'redo':
      return { ...base, replyDueAt: replyDue(context.today, context.rules, context.table).date };
    case 'close':
      return { ...base, basis: a.satisfaction === 'unsatisfied' ? 'explained' : 'satisfied' };
    case 'extend':
      return { ...base, approvedBy: a.leadLeaderId };
    default:
      return base;
  }
}

const text = (values: Record<string, string>, name: string) => (values[name] ?? '').trim();

/** The step the filled form makes. */
export function stepFromForm(
  kind: Exclude<FormKind, 'correction'>,
  values: Record<string, string>,
  a: Assignment,
): StepInput {
  const on = text(values, 'on');
  switch (kind) {
    case 'progress':
      return { kind, on, note: text(values, 'note') };
    case 'reply':
      return {
        kind,
        on,
        content: text(values, 'content'),
        handler: text(values, 'handler'),
        phone: text(values, 'phone'),
        way: text(values, 'way') as ReplyWay,
      };
    case 'callback':
      return {
        kind,
        on,
        caller: text(values, 'caller'),
        way: text(values, 'way') as CallbackWay,
        satisfaction: text(values, 'satisfaction') as Satisfaction,
        words: text(values, 'words'),
      };
    case 'redo':
      return { kind, on, reason: text(values, 'reason'), replyDueAt: text(values, 'replyDueAt') };
    case 'close':
      return { kind, on, basis: text(values, 'basis') as CloseBasis, note: text(values, 'note') };
    case 'write_off':
      return { kind, on, note: text(values, 'note') };
    case 'escalate':
      return { kind, on, to: text(values, 'to'), reference: text(values, 'reference') };
    case 'extend':
      return {
        kind,
        on,
        replyDueAt: text(values, 'replyDueAt'),
        previousDueAt: a.replyDueAt ?? '',
        approvedBy: text(values, 'approvedBy'),
        reason: text(values, 'reason'),
      };
  }
}

/** The fields a correction of `step` offers: those that may be corrected, labelled, with the text kind they take. */
export function correctionFields(step: FollowUpStep): FieldSpec[] {
  const own = step.kind === 'correction' || step.kind === 'urge' ? [] : FORM_FIELDS[step.kind];
  return CORRECTABLE_FIELDS[step.kind].map(
    (name) =>
      own.find((f) => f.name === name) ?? {
        name,
        label: STEP_FIELD_LABEL[name] ?? name,
        type: 'text' as const,
      },
  );
}

/** The correction the form makes: only the fields whose value changed, and the reason. */
export function correctionFromForm(
  step: FollowUpStep,
  values: Record<string, string>,
  today: IsoDate,
): StepInput {
  const current = step as unknown as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const f of correctionFields(step)) {
    const value = text(values, f.name);
    if (value !== String(current[f.name] ?? '')) fields[f.name] = value;
  }
  return { kind: 'correction', on: today, corrects: step.id, fields, reason: text(values, 'reason') };
}

/** The button that opens each form. */
export const FORM_BUTTON: Readonly<Record<Exclude<FormKind, 'correction'>, string>> = {
  progress: '记录进展',
  reply: '登记答复',
  callback: '回访',
  redo: '重办',
  close: '办结',
  write_off: '销号',
  escalate: '转报上级',
  extend: '延期',
};

/** The draft key of a form being filled for an item (a correction names the step it corrects). */
export const formDraftKey = (assignmentId: string, kind: FormKind, stepId?: string) =>
  `follow-up:${assignmentId}:${kind}${stepId ? `:${stepId}` : ''}`;

export { FOLLOW_UP_KIND_LABEL };
