/**
 * Turning a demand that needs assigning (需交办) and the on-site answer into a draft assignment:
 * the departments named in the answer suggest the lead and co-departments, the lead department's
 * 分管领导 (else the first host) suggests the lead leader.
 */
import type {
  Assignment,
  Concern,
  DayKind,
  DeadlineRules,
  Department,
  EpochMs,
  Id,
  InkCapture,
  IsoDate,
  Leader,
  MinuteEntry,
} from './types';
import { handoffDue, replyDue, type DeadlineResult } from './deadlines';
import type { HolidayTable } from './holidays';

/** The departments a text names, by full name, short name or alias, in order of first mention. */
export function departmentsNamedIn(text: string, departments: readonly Department[]): Department[] {
  const found: Array<{ department: Department; at: number }> = [];
  for (const d of departments) {
    // Longest names first, so 区财政局 is not found only as 财政.
    const names = [d.name, d.shortName, ...d.aliases]
      .filter((n) => n.length >= 2)
      .sort((a, b) => b.length - a.length);
    let at = -1;
    for (const n of names) {
      const i = text.indexOf(n);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ department: d, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.department);
}

/** What the draft is built from. */
export interface DraftSource {
  concern: Concern;
  /** The minute entries that answered the demand on site. */
  answers: readonly MinuteEntry[];
  departments: readonly Department[];
  leaders: readonly Leader[];
  hostLeaderIds: readonly Id[];
  now: EpochMs;
  newId: () => Id;
}

/**
 * A draft assignment (待签批) for one demand. The lead department is the first one that answered
 * on site (a 部门 entry), else the first named in the answers, else the demand's suggested
 * department; the others named become co-departments.
 */
export function draftAssignment(source: DraftSource): Assignment {
  const { concern, answers, departments } = source;
  const byId = new Map(departments.map((d) => [d.id, d]));
  const answering = answers
    .filter((a) => a.role === 'department' && a.whoId && byId.has(a.whoId))
    .map((a) => byId.get(a.whoId!)!);
  const named = departmentsNamedIn(answers.map((a) => a.text).join('\n'), departments);
  const suggested = concern.suggestedDeptId ? byId.get(concern.suggestedDeptId) : undefined;
  const ordered = [...new Set([...answering, ...named, ...(suggested ? [suggested] : [])])];
  const lead = ordered[0];
  const leadLeaderId =
    (lead?.leaderId && source.leaders.some((l) => l.id === lead.leaderId) ? lead.leaderId : undefined) ??
    source.hostLeaderIds[0] ??
    source.leaders[0]?.id ??
    '';
  return {
    id: source.newId(),
    meetingId: concern.meetingId,
    enterpriseId: concern.enterpriseId,
    concernIds: [concern.id],
    leadLeaderId,
    leadDeptId: lead?.id ?? '',
    coDeptIds: ordered.slice(1).map((d) => d.id),
    instruction: '',
    status: 'draft',
    createdAt: source.now,
    updatedAt: source.now,
  };
}

const CHINESE_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The time limit as instructions say it: 两周内, 一周内, 10个工作日内, 5日内. */
export function timeLimitPhrase(days: number, dayKind: DayKind): string {
  if (dayKind === 'working') return `${days}个工作日内`;
  if (days % 7 === 0 && days / 7 <= 10) return `${CHINESE_NUMBERS[days / 7]}周内`;
  if (days === 30) return '一个月内';
  return `${days}日内`;
}

/**
 * The instruction suggested from the fields, as leaders write it:
 * 「请张明德同志牵头，召集经济开发区管委会、区财政局，两周内答复企业。」
 */
export function suggestInstruction(fields: {
  leadLeaderName?: string | undefined;
  leadDeptName?: string | undefined;
  coDeptNames: readonly string[];
  replyDays: number;
  dayKind: DayKind;
  /** The time limit in words when it is not `replyDays` (e.g. 2026年12月7日前). */
  limit?: string | undefined;
}): string {
  const limit = fields.limit ?? timeLimitPhrase(fields.replyDays, fields.dayKind);
  const lead = fields.leadLeaderName
    ? `请${fields.leadLeaderName}同志牵头`
    : fields.leadDeptName
      ? `请${fields.leadDeptName}牵头`
      : '请相关部门';
  const others = fields.leadLeaderName
    ? [fields.leadDeptName, ...fields.coDeptNames].filter((n): n is string => Boolean(n))
    : [...fields.coDeptNames];
  const convene = others.length ? `，召集${others.join('、')}` : '';
  return `${lead}${convene}，${limit}答复企业。`;
}

/**
 * The reply due date of an assignment drafted now: the handoff deadline after the meeting plus the
 * reply period, in the days of the rules, with any holiday-table warnings of either step.
 */
export function draftDueDate(
  meetingDate: IsoDate,
  rules: DeadlineRules,
  table: HolidayTable,
): DeadlineResult {
  const handoff = handoffDue(meetingDate, rules, table);
  const reply = replyDue(handoff.date, rules, table);
  return { date: reply.date, warnings: [...new Set([...handoff.warnings, ...reply.warnings])] };
}

/** The fields of a draft the secretary or the leader may change before signing. */
export type DraftFields = Partial<
  Pick<Assignment, 'leadLeaderId' | 'leadDeptId' | 'coDeptIds' | 'instruction' | 'dueAt'> & {
    /** Undefined clears the handwriting. */
    instructionInk: InkCapture | undefined;
  }
>;

/** Why an assignment may not be edited as a draft, or undefined when it may. */
export function draftEditBlocker(a: Pick<Assignment, 'status'>): string | undefined {
  return a.status === 'draft' ? undefined : '已签批的交办件不能直接修改，请使用“修改并重新签批”';
}

/** A draft with `fields` applied: the lead department is never also a co-department. */
export function applyDraftFields(current: Assignment, fields: DraftFields, now: number): Assignment {
  const next = { ...current, ...fields, updatedAt: now } as Assignment;
  if ('instructionInk' in fields && fields.instructionInk === undefined) delete next.instructionInk;
  if (fields.coDeptIds || fields.leadDeptId)
    next.coDeptIds = next.coDeptIds.filter((d) => d !== next.leadDeptId);
  return next;
}

/** Why two assignments may not be merged (归并), or undefined when they may. */
export function mergeBlocker(
  target: Assignment | undefined,
  source: Assignment | undefined,
): string | undefined {
  if (!target || !source || target.id === source.id) return '请选择两件不同的交办件';
  if (target.status !== 'draft' || source.status !== 'draft') return '只能归并待签批的交办件';
  if (target.enterpriseId !== source.enterpriseId) return '只能归并同一企业的诉求';
  return undefined;
}

/**
 * 归并: the target draft takes the source's demands; the source's lead and co-departments become co-departments
 * of the target (never its own lead department).
 */
export function mergedDraft(target: Assignment, source: Assignment, now: number): Assignment {
  return {
    ...target,
    concernIds: [...new Set([...target.concernIds, ...source.concernIds])],
    coDeptIds: [...new Set([...target.coDeptIds, source.leadDeptId, ...source.coDeptIds])].filter(
      (d) => d && d !== target.leadDeptId,
    ),
    updatedAt: now,
  };
}

/** Why an assignment cannot be signed yet, or undefined when it can. `dueAt` is the date it would carry. */
export function signBlocker(
  a: Assignment,
  dueAt: string | undefined,
  docNumberPrefix: string,
): string | undefined {
  if (a.status !== 'draft') return '这件交办件已签批';
  if (!a.leadLeaderId) return '请先选择牵头领导';
  if (!a.leadDeptId) return '请先选择牵头单位';
  if (!a.instruction.trim() && !a.instructionInk) return '请先确定领导批示';
  if (!dueAt) return '请先确定办理时限';
  if (!docNumberPrefix) return '请先在“设置 › 单位信息”填写文号前缀';
  return undefined;
}
