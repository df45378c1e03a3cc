/**
 * 台账: one line per 交办件 with every field of the board and its latest steps, as the 台账 workbook, the 回复登记表
 * and 对账销号 read it. Pure: the store reads the records, this says what the line holds on the day given.
 *
 * Steps are read with their corrections (follow-up.ts `effectiveSteps`): a corrected reply date is the date shown.
 * "Latest" means the current round's (第N次办理) reply, and the last 回访 and 进展 of any round.
 */
import { assignmentRow, stateText, type BoardDay } from '../domain/follow-up-board';
import { effectiveSteps, type EffectiveStep } from '../domain/follow-up';
import { parseDocNumber } from '../domain/doc-number';
import { REPLY_WAY_LABEL, SATISFACTION_LABEL, WARNING_LABEL } from '../domain/labels';
import type {
  Assignment,
  AssignmentStatus,
  Concern,
  Department,
  Enterprise,
  FollowUpStep,
  Id,
  IsoDate,
  Leader,
  Meeting,
  Satisfaction,
  Warning,
} from '../domain/types';

/** One 交办件 as the 台账 prints it. */
export interface LedgerItem {
  assignmentId: Id;
  docNumber: string;
  meetingId: Id;
  meetingTitle: string;
  meetingDate: IsoDate | undefined;
  enterpriseName: string;
  /** 统一社会信用代码, empty when unknown. */
  creditCode: string;
  /** The demands in short (several for a merged item, joined with ；). */
  demand: string;
  categories: string;
  leadDeptId: Id;
  leadDept: string;
  coDepts: string;
  leadLeader: string;
  instruction: string;
  handedOffOn?: IsoDate;
  replyDueAt?: IsoDate;
  state: AssignmentStatus;
  /** 已交办, 重办中（第2次办理） … */
  stateText: string;
  warning: Warning;
  /** 红色预警：办理超时（逾期3天）; 正常 when none. */
  warningText: string;
  daysOverdue: number;
  /** 第N次办理 (1 until the first 重办). */
  round: number;
  /** 重办 rounds so far (round − 1). */
  redoRounds: number;
  repliedOn?: IsoDate;
  replyContent: string;
  replyHandler: string;
  replyPhone: string;
  replyWay: string;
  /** The reply came in after the 答复期限 of its round. */
  repliedLate: boolean;
  lastProgressOn?: IsoDate;
  lastProgress: string;
  callbackOn?: IsoDate;
  satisfaction?: Satisfaction;
  satisfactionText: string;
  callbackWords: string;
  closedOn?: IsoDate;
  writtenOffOn?: IsoDate;
  escalatedTo: string;
  urgedOn?: IsoDate;
}

/** What one line is made of. */
export interface LedgerSource {
  assignment: Assignment;
  /** Its steps, in any order (corrections included). */
  steps: readonly FollowUpStep[];
  concerns: readonly Pick<Concern, 'summary' | 'verbatim' | 'category'>[];
  enterprise: Pick<Enterprise, 'name' | 'creditCode'> | undefined;
  meeting: Pick<Meeting, 'title' | 'date'> | undefined;
}

/** The organisation's names, looked up by id. */
export interface LedgerNames {
  departmentById: ReadonlyMap<Id, Pick<Department, 'name'>>;
  leaderById: ReadonlyMap<Id, Pick<Leader, 'name' | 'title'>>;
}

const lastOf = <K extends EffectiveStep['kind']>(
  steps: readonly EffectiveStep[],
  kind: K,
  round?: number,
): Extract<EffectiveStep, { kind: K }> | undefined =>
  steps.filter((s) => s.kind === kind && (round === undefined || s.round === round)).at(-1) as
    Extract<EffectiveStep, { kind: K }> | undefined;

/** The 答复期限 of the round a reply belongs to: the item's now, or the one a later 重办 replaced. */
function dueOfRound(a: Assignment, steps: readonly EffectiveStep[], round: number): IsoDate | undefined {
  if (round === (a.round ?? 1)) return a.replyDueAt;
  // The round's due date is the one set by the 重办 that opened it, or the handoff's (round 1) — the last 延期 of
  // that round wins.
  const extended = lastOf(steps, 'extend', round);
  if (extended) return extended.replyDueAt;
  const opened = steps.find((s) => s.kind === 'redo' && s.round === round - 1);
  return opened?.kind === 'redo' ? opened.replyDueAt : undefined;
}

/** The 台账 line of one 交办件 on `day.today`. */
export function ledgerItem(source: LedgerSource, names: LedgerNames, day: BoardDay): LedgerItem {
  const a = source.assignment;
  const row = assignmentRow(
    { assignment: a, concerns: source.concerns, enterpriseName: source.enterprise?.name ?? '' },
    day,
  );
  const steps = effectiveSteps(source.steps);
  const round = a.round ?? 1;
  const reply = lastOf(steps, 'reply', round);
  const callback = lastOf(steps, 'callback');
  const progress = lastOf(steps, 'progress');
  const leader = names.leaderById.get(a.leadLeaderId);
  const replyDue = reply ? dueOfRound(a, steps, reply.round) : undefined;
  return {
    assignmentId: a.id,
    docNumber: a.docNumber ?? '',
    meetingId: a.meetingId,
    meetingTitle: source.meeting?.title ?? '',
    meetingDate: source.meeting?.date,
    enterpriseName: row.enterpriseName,
    creditCode: source.enterprise?.creditCode ?? '',
    demand: row.demand,
    categories: row.categories.join('、'),
    leadDeptId: a.leadDeptId,
    leadDept: names.departmentById.get(a.leadDeptId)?.name ?? '',
    coDepts: a.coDeptIds
      .map((id) => names.departmentById.get(id)?.name ?? '')
      .filter(Boolean)
      .join('、'),
    leadLeader: leader ? `${leader.name}${leader.title ? `（${leader.title}）` : ''}` : '',
    instruction: a.instruction,
    ...(row.handedOffOn ? { handedOffOn: row.handedOffOn } : {}),
    ...(a.replyDueAt ? { replyDueAt: a.replyDueAt } : {}),
    state: a.status,
    stateText: stateText(row),
    warning: row.warning,
    warningText:
      row.warning === 'none'
        ? WARNING_LABEL.none
        : `${WARNING_LABEL[row.warning]}：${row.reasons.join('；')}`,
    daysOverdue: row.daysOverdue,
    round,
    redoRounds: round - 1,
    ...(reply ? { repliedOn: reply.on } : {}),
    replyContent: reply?.content ?? '',
    replyHandler: reply?.handler ?? '',
    replyPhone: reply?.phone ?? '',
    replyWay: reply ? REPLY_WAY_LABEL[reply.way] : '',
    repliedLate: Boolean(reply && replyDue && reply.on > replyDue),
    ...(progress ? { lastProgressOn: progress.on } : {}),
    lastProgress: progress?.note ?? '',
    ...(callback ? { callbackOn: callback.on, satisfaction: callback.satisfaction } : {}),
    satisfactionText: callback ? SATISFACTION_LABEL[callback.satisfaction] : '',
    callbackWords: callback?.words ?? '',
    ...(a.closedOn ? { closedOn: a.closedOn } : {}),
    ...(a.writtenOffOn ? { writtenOffOn: a.writtenOffOn } : {}),
    escalatedTo: a.escalatedTo ?? '',
    ...(a.urgedOn ? { urgedOn: a.urgedOn } : {}),
  };
}

/**
 * 文号 in order: by year, then number (〔2026〕9号 before 〔2026〕12号); what is not a 文号 goes last, by text.
 */
export function byDocNumber(x: Pick<LedgerItem, 'docNumber'>, y: Pick<LedgerItem, 'docNumber'>): number {
  const px = parseDocNumber(x.docNumber);
  const py = parseDocNumber(y.docNumber);
  if (px && py) return px.year - py.year || px.seq - py.seq || (px.prefix < py.prefix ? -1 : 1);
  if (px) return -1;
  if (py) return 1;
  return x.docNumber < y.docNumber ? -1 : x.docNumber > y.docNumber ? 1 : 0;
}

/** 在办: neither 办结 nor 销号. */
export const isOpenItem = (item: Pick<LedgerItem, 'state'>): boolean =>
  item.state !== 'closed' && item.state !== 'written_off';

/** Waiting for its lead department (已交办, 重办中): what a 回复登记表 asks it about. */
export const awaitsDepartment = (item: Pick<LedgerItem, 'state'>): boolean =>
  item.state === 'handed_off' || item.state === 'redo';

/** 逾期: waiting for a reply past its 答复期限 (红色预警 for 办理超时). */
export const isOverdueItem = (item: Pick<LedgerItem, 'daysOverdue'>): boolean => item.daysOverdue > 0;

/** A line with nothing in it: what a sheet without items is laid out with, and what tests build lines on. */
export const BLANK_LEDGER_ITEM: Readonly<LedgerItem> = Object.freeze({
  assignmentId: '',
  docNumber: '',
  meetingId: '',
  meetingTitle: '',
  meetingDate: undefined,
  enterpriseName: '',
  creditCode: '',
  demand: '',
  categories: '',
  leadDeptId: '',
  leadDept: '',
  coDepts: '',
  leadLeader: '',
  instruction: '',
  state: 'handed_off',
  stateText: '',
  warning: 'none',
  warningText: '',
  daysOverdue: 0,
  round: 1,
  redoRounds: 0,
  replyContent: '',
  replyHandler: '',
  replyPhone: '',
  replyWay: '',
  repliedLate: false,
  lastProgress: '',
  satisfactionText: '',
  callbackWords: '',
  escalatedTo: '',
});
