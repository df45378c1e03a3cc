/**
 * 统计分析 and 以月答卷: every figure the federation reports, defined once, as pure functions over the records.
 * Each figure carries its definition in Chinese (shown one tap away) and the records behind it (every number opens
 * its list). Dates are China's calendar days (periods.ts); working days follow the holiday table.
 *
 * Cohorts, so that a month's figures add up and never count a thing twice:
 * - 会议, 企业, 发言, 诉求: the meetings held in the period (by meeting date) and what was raised at them;
 * - 交办件: handed over in the period (by 交办时间);
 * - 按时反馈 / 逾期: the rounds (第N次办理) whose 答复期限 fell in the period and has passed — replied by it, or not;
 * - 满意度: the 回访 made in the period (an item's last one in the period);
 * - 平均答复用时, 重办, 转报: the replies, 重办 and 转报 recorded in the period.
 * The kind and level filters narrow every cohort to items from meetings of that kind and level.
 *
 * `prepareStats` indexes the records once (rounds, corrected steps); `computeStats` answers a period from them in
 * milliseconds, so the screen recomputes on every filter change.
 */
import { daysRemaining } from './deadlines';
import { effectiveSteps, type EffectiveStep } from './follow-up';
import { meetingHeld } from './follow-up-board';
import type { HolidayTable } from './holidays';
import { inPeriod, monthsEnding, type Period } from './periods';
import { toIsoDate } from './workdays';
import type {
  Assignment,
  Concern,
  Department,
  FollowUpStep,
  Id,
  IsoDate,
  Meeting,
  MeetingKind,
  MeetingLevel,
  QueueEntry,
} from './types';

/** What a figure's records are. */
export type RefKind = 'meeting' | 'concern' | 'assignment' | 'enterprise' | 'speaker';

/** The records behind a number: what the list opened from it shows. */
export interface Refs {
  kind: RefKind;
  ids: Id[];
}

/** A number with its records. */
export interface Count {
  value: number;
  refs: Refs;
}

/** A share: numerator ÷ denominator (undefined when nothing is in the denominator). */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | undefined;
  /** The records counted above the line. */
  refs: Refs;
  /** The records counted below it. */
  base: Refs;
}

/** The records, as the statistics read them. */
export interface StatsData {
  meetings: readonly Pick<Meeting, 'id' | 'kind' | 'level' | 'date' | 'status' | 'deletedAt' | 'title'>[];
  queue: readonly Pick<QueueEntry, 'id' | 'meetingId' | 'enterpriseId' | 'status' | 'channel'>[];
  concerns: readonly Pick<
    Concern,
    | 'id'
    | 'meetingId'
    | 'enterpriseId'
    | 'category'
    | 'channel'
    | 'urgency'
    | 'disposition'
    | 'precollected'
    | 'confirmedAt'
  >[];
  assignments: readonly Assignment[];
  steps: readonly FollowUpStep[];
  departments: readonly Pick<Department, 'id' | 'name' | 'order'>[];
}

/** What to count: the period, the meetings' kind and level, on which day (rounds not yet due are not counted). */
export interface StatsQuery {
  period: Period;
  kind?: MeetingKind;
  level?: MeetingLevel;
  today: IsoDate;
  table: HolidayTable;
}

/** One round of handling (第N次办理) of an item: when it started, its 答复期限, the reply. */
export interface Round {
  assignmentId: Id;
  /** The item's lead department (the ranking counts rounds by it). */
  leadDeptId: Id;
  round: number;
  start: IsoDate | undefined;
  due: IsoDate | undefined;
  repliedOn: IsoDate | undefined;
}

/** What a 转报 item came to. */
export type EscalationOutcome = '上级已答复' | '已办结' | '待上级答复';

export interface EscalatedItem {
  assignmentId: Id;
  to: string;
  on: IsoDate;
  outcome: EscalationOutcome;
}

/** A department's line in the ranking (as lead department). */
export interface DepartmentRank {
  deptId: Id;
  deptName: string;
  handedOff: Count;
  onTime: Rate;
  satisfied: Rate;
  overdue: Count;
  redo: Count;
}

/** A month of the trend. */
export interface TrendMonth {
  month: Period;
  meetings: number;
  demands: number;
  handedOff: number;
  onTimeRate: number | undefined;
  /** 满意 ÷ 回访 */
  satisfiedRate: number | undefined;
  /** (满意 + 基本满意) ÷ 回访 */
  satisfiedOrBasicRate: number | undefined;
}

/** A category, channel or urgency with how many demands. */
export interface Breakdown {
  name: string;
  count: Count;
}

/** Every figure of a period. */
export interface Statistics {
  period: Period;
  meetings: Count;
  enterprises: Count;
  speakers: Count;
  demands: Count;
  byCategory: Breakdown[];
  byChannel: Breakdown[];
  byUrgency: Breakdown[];
  onSite: Count;
  assigned: Count;
  escalatedOnSite: Count;
  handedOff: Count;
  byDepartment: Breakdown[];
  onTime: Rate;
  overdue: Count;
  closed: Rate;
  /** 满意 ÷ 回访 */
  satisfied: Rate;
  /** (满意 + 基本满意) ÷ 回访 */
  satisfiedOrBasic: Rate;
  unsatisfied: Count;
  /** Average working days from the start of a round to its reply, replies recorded in the period. */
  averageReplyDays: { value: number | undefined; replies: number; totalDays: number; refs: Refs };
  redo: Count;
  escalated: Count;
  escalations: EscalatedItem[];
  ranking: DepartmentRank[];
  trend: TrendMonth[];
}

/** The definitions, as the screen shows them one tap away and the report's notes print them. */
export const FIGURE_DEFINITIONS = {
  meetings: '统计期内召开（已结束）的会议场次，按会议日期计。',
  enterprises: '统计期内会议上发言或书面反映诉求的企业，同一企业只计一次。',
  speakers: '统计期内会议上实际发言的人次（缺席者不计）。',
  demands: '统计期内会议上反映的诉求件数（会前收集但未在会上确认的不计）。',
  onSite: '会上由部门或领导当场答复、现场解决的诉求。',
  assigned: '会上确定需交办的诉求。',
  escalatedOnSite: '会上确定转报上级的诉求。',
  handedOff: '统计期内交办（送达承办单位）的交办件，按交办时间计。',
  onTime:
    '答复期限在统计期内且已到期的办理轮次中，在期限内（含当日）答复的比例；重办的每一轮单独计算，经批准延期的按延期后的期限。',
  overdue: '答复期限在统计期内且已到期、但未在期限内答复的办理轮次。',
  closed: '统计期内交办的交办件中，截至今天已办结（含已销号）的比例。',
  satisfied: '统计期内回访的交办件中，企业评价“满意”的比例（同一件以统计期内最后一次回访为准）。',
  satisfiedOrBasic: '统计期内回访的交办件中，企业评价“满意”或“基本满意”的比例。',
  unsatisfied: '统计期内回访评价为“不满意”的交办件。',
  averageReplyDays:
    '统计期内收到的答复，自交办（重办从重办之日）起至答复之日的工作日数的平均值（按节假日表）。',
  redo: '统计期内因回访不满意而重办的次数。',
  escalated: '统计期内转报上级的交办件；结果按上级是否已答复、是否已办结分列。',
} as const;

export type FigureKey = keyof typeof FIGURE_DEFINITIONS;

/** A 回访, 重办 or 转报 as the figures read it. */
export interface StepEvent {
  assignmentId: Id;
  meetingId: Id;
  kind: 'callback' | 'redo' | 'escalate';
  on: IsoDate;
  satisfaction?: 'satisfied' | 'basically' | 'unsatisfied';
  to?: string;
  outcome?: EscalationOutcome;
}

/** The records indexed once: meetings by id, each item's corrected steps and rounds. */
export interface PreparedStats {
  data: StatsData;
  meetingById: Map<Id, StatsData['meetings'][number]>;
  assignmentById: Map<Id, Assignment>;
  stepsOf: Map<Id, EffectiveStep[]>;
  rounds: Round[];
  handedOffOn: Map<Id, IsoDate>;
  /** The 回访, 重办 and 转报 steps (corrected), in the order recorded: what the period's loops walk. */
  events: StepEvent[];
  /** Working days from a round's start to its reply, counted once per holiday table (the costly part). */
  replyDays: { table: HolidayTable | undefined; days: Map<Round, number> };
}

// Lists are taken as given (never copied): each is made for its figure.
const count = (kind: RefKind, ids: Id[] | Set<Id>): Count => {
  const list = Array.isArray(ids) ? ids : [...ids];
  return { value: list.length, refs: { kind, ids: list } };
};
const rate = (kind: RefKind, ids: Id[], base: Id[]): Rate => {
  return {
    numerator: ids.length,
    denominator: base.length,
    value: base.length === 0 ? undefined : ids.length / base.length,
    refs: { kind, ids },
    base: { kind, ids: base },
  };
};

/** The rounds of an item from its corrected steps (see the file comment for 答复期限 per round). */
export function roundsOf(a: Assignment, steps: readonly EffectiveStep[]): Round[] {
  if (a.handedOffAt === undefined) return [];
  const current = a.round ?? 1;
  const out: Round[] = [];
  for (let r = 1; r <= current; r += 1) {
    const opened = r === 1 ? undefined : steps.find((s) => s.kind === 'redo' && s.round === r - 1);
    const start = r === 1 ? toIsoDate(a.handedOffAt) : opened?.on;
    const extended = steps.filter((s) => s.kind === 'extend' && s.round === r).at(-1);
    // The round's last 答复期限: the item's own for the current round; an earlier one's from its 延期, the 重办 that
    // opened it, or (round 1) the 办理时限 signed.
    const due =
      r === current
        ? a.replyDueAt
        : extended?.kind === 'extend'
          ? extended.replyDueAt
          : opened?.kind === 'redo'
            ? opened.replyDueAt
            : a.dueAt;
    const reply = steps.find((s) => s.kind === 'reply' && s.round === r);
    out.push({ assignmentId: a.id, leadDeptId: a.leadDeptId, round: r, start, due, repliedOn: reply?.on });
  }
  return out;
}

/** Index the records once. */
export function prepareStats(data: StatsData): PreparedStats {
  const raw = new Map<Id, FollowUpStep[]>();
  for (const s of data.steps) {
    const list = raw.get(s.assignmentId);
    if (list) list.push(s);
    else raw.set(s.assignmentId, [s]);
  }
  const stepsOf = new Map<Id, EffectiveStep[]>();
  const rounds: Round[] = [];
  const handedOffOn = new Map<Id, IsoDate>();
  const events: StepEvent[] = [];
  for (const a of data.assignments) {
    const steps = effectiveSteps(raw.get(a.id) ?? []);
    stepsOf.set(a.id, steps);
    const answered = steps.some((x) => x.kind === 'reply' && x.fromEscalation);
    const closed = a.status === 'closed' || a.status === 'written_off';
    for (const s of steps) {
      const base = { assignmentId: a.id, meetingId: a.meetingId, on: s.on };
      if (s.kind === 'callback') events.push({ ...base, kind: 'callback', satisfaction: s.satisfaction });
      else if (s.kind === 'redo') events.push({ ...base, kind: 'redo' });
      else if (s.kind === 'escalate')
        events.push({
          ...base,
          kind: 'escalate',
          to: s.to,
          outcome: closed ? '已办结' : answered ? '上级已答复' : '待上级答复',
        });
    }
    if (a.handedOffAt !== undefined) handedOffOn.set(a.id, toIsoDate(a.handedOffAt));
    rounds.push(...roundsOf(a, steps));
  }
  return {
    data,
    meetingById: new Map(data.meetings.map((m) => [m.id, m])),
    assignmentById: new Map(data.assignments.map((a) => [a.id, a])),
    stepsOf,
    rounds,
    handedOffOn,
    events,
    replyDays: { table: undefined, days: new Map() },
  };
}

/** Every figure of the query's period. */
export function computeStats(prepared: PreparedStats, query: StatsQuery): Statistics {
  const { data, assignmentById } = prepared;
  const p = query.period;
  // The meetings and items the kind and level let through, once.
  const fittingMeetings = new Set<Id>();
  for (const m of data.meetings)
    if (
      (query.kind === undefined || m.kind === query.kind) &&
      (query.level === undefined || m.level === query.level)
    )
      fittingMeetings.add(m.id);
  const fits = (meetingId: Id) => fittingMeetings.has(meetingId);
  const narrowed = query.kind !== undefined || query.level !== undefined;
  const fittingItems = new Set<Id>();
  if (narrowed)
    for (const a of data.assignments) if (fittingMeetings.has(a.meetingId)) fittingItems.add(a.id);
  // Rounds and steps all belong to items: without a kind or level every one fits.
  const itemFits = (id: Id) => !narrowed || fittingItems.has(id);

  // ── Meetings and what was raised ──
  const held = data.meetings.filter((m) => meetingHeld(m) && inPeriod(m.date, p) && fits(m.id));
  const heldIds = new Set(held.map((m) => m.id));
  const concerns = data.concerns.filter(
    (c) =>
      heldIds.has(c.meetingId) &&
      (!c.precollected || c.confirmedAt !== undefined || c.disposition !== undefined),
  );
  const queue = data.queue.filter((q) => heldIds.has(q.meetingId));
  const spoke = queue.filter((q) => q.status === 'done');
  const enterprises = new Set<Id>();
  for (const q of queue) if (q.status === 'done' || q.channel === '书面') enterprises.add(q.enterpriseId);
  for (const c of concerns) enterprises.add(c.enterpriseId);
  const breakdown = (key: (c: (typeof concerns)[number]) => string): Breakdown[] => {
    const groups = new Map<string, Id[]>();
    for (const c of concerns) {
      const name = key(c) || '未分类';
      const list = groups.get(name);
      if (list) list.push(c.id);
      else groups.set(name, [c.id]);
    }
    return [...groups.entries()]
      .map(([name, ids]) => ({ name, count: count('concern', ids) }))
      .sort((x, y) => y.count.value - x.count.value || (x.name < y.name ? -1 : 1));
  };
  const byDisposition = (d: Concern['disposition']) =>
    count(
      'concern',
      concerns.filter((c) => c.disposition === d).map((c) => c.id),
    );

  // ── 交办件 handed over in the period ──
  const handed = data.assignments.filter(
    (a) => inPeriod(prepared.handedOffOn.get(a.id), p) && fits(a.meetingId),
  );
  const deptName = new Map(data.departments.map((d) => [d.id, d.name]));
  const byDept = new Map<Id, Id[]>();
  for (const a of handed) {
    const list = byDept.get(a.leadDeptId);
    if (list) list.push(a.id);
    else byDept.set(a.leadDeptId, [a.id]);
  }
  const closedIds = handed
    .filter((a) => a.status === 'closed' || a.status === 'written_off')
    .map((a) => a.id);

  // ── Rounds due in the period, replies, 回访, 重办, 转报 ──
  const due = prepared.rounds.filter(
    (r) =>
      r.due !== undefined && inPeriod(r.due, p) && hasFallenDue(r, query.today) && itemFits(r.assignmentId),
  );
  const onTimeRounds = due.filter((r) => r.repliedOn !== undefined && r.repliedOn <= r.due!);
  const lateRounds = due.filter((r) => !(r.repliedOn !== undefined && r.repliedOn <= r.due!));
  const roundKey = (r: Round) => r.assignmentId;

  const lastCallback = new Map<Id, StepEvent>();
  const replyDays: Array<{ id: Id; days: number }> = [];
  const redo: Id[] = [];
  const escalations: EscalatedItem[] = [];
  for (const e of prepared.events) {
    if (e.on < p.from || e.on > p.to || !fits(e.meetingId)) continue;
    if (e.kind === 'callback') lastCallback.set(e.assignmentId, e);
    else if (e.kind === 'redo') redo.push(e.assignmentId);
    else escalations.push({ assignmentId: e.assignmentId, to: e.to ?? '', on: e.on, outcome: e.outcome! });
  }
  for (const r of prepared.rounds) {
    if (r.repliedOn === undefined || r.start === undefined || !inPeriod(r.repliedOn, p)) continue;
    if (!itemFits(r.assignmentId)) continue;
    replyDays.push({ id: r.assignmentId, days: workingDaysToReply(prepared, r, query.table) });
  }
  const evaluated: Id[] = [];
  const satisfiedIds: Id[] = [];
  const pleasedIds: Id[] = [];
  const unsatisfiedIds: Id[] = [];
  for (const [id, step] of lastCallback) {
    evaluated.push(id);
    if (step.satisfaction === 'satisfied') satisfiedIds.push(id);
    if (step.satisfaction === 'unsatisfied') unsatisfiedIds.push(id);
    else pleasedIds.push(id);
  }

  // Each list split by lead department in one pass (departments × items would be slow over ten years).
  const leadOf = (id: Id) => assignmentById.get(id)?.leadDeptId ?? '';
  const split = (ids: readonly Id[]) => {
    const out = new Map<Id, Id[]>();
    for (const id of ids) {
      const dept = leadOf(id);
      const list = out.get(dept);
      if (list) list.push(id);
      else out.set(dept, [id]);
    }
    return out;
  };
  const splitRounds = (rounds: readonly Round[]) => {
    const out = new Map<Id, Id[]>();
    for (const r of rounds) {
      const list = out.get(r.leadDeptId);
      if (list) list.push(r.assignmentId);
      else out.set(r.leadDeptId, [r.assignmentId]);
    }
    return out;
  };
  const dueBy = splitRounds(due);
  const onTimeBy = splitRounds(onTimeRounds);
  const lateBy = splitRounds(lateRounds);
  const evaluatedBy = split(evaluated);
  const pleasedBy = split(pleasedIds);
  const redoBy = split(redo);
  const ranking: DepartmentRank[] = [...new Set([...byDept.keys(), ...dueBy.keys()])]
    .map((deptId) => ({
      deptId,
      deptName: deptName.get(deptId) ?? '（已删除的单位）',
      handedOff: count('assignment', byDept.get(deptId) ?? []),
      onTime: rate('assignment', onTimeBy.get(deptId) ?? [], dueBy.get(deptId) ?? []),
      satisfied: rate('assignment', pleasedBy.get(deptId) ?? [], evaluatedBy.get(deptId) ?? []),
      overdue: count('assignment', lateBy.get(deptId) ?? []),
      redo: count('assignment', redoBy.get(deptId) ?? []),
    }))
    .sort(
      (x, y) =>
        (y.onTime.value ?? -1) - (x.onTime.value ?? -1) ||
        (y.satisfied.value ?? -1) - (x.satisfied.value ?? -1) ||
        x.overdue.value - y.overdue.value ||
        y.handedOff.value - x.handedOff.value ||
        (x.deptName < y.deptName ? -1 : 1),
    );

  const totalDays = replyDays.reduce((sum, r) => sum + r.days, 0);
  const averageDays =
    replyDays.length === 0 ? undefined : Math.round((totalDays / replyDays.length) * 10) / 10;

  return {
    period: p,
    meetings: count('meeting', heldIds),
    enterprises: count('enterprise', enterprises),
    speakers: count(
      'speaker',
      spoke.map((q) => q.id),
    ),
    demands: count(
      'concern',
      concerns.map((c) => c.id),
    ),
    byCategory: breakdown((c) => c.category),
    byChannel: breakdown((c) => c.channel),
    byUrgency: breakdown((c) => URGENCY_NAME[c.urgency] ?? c.urgency),
    onSite: byDisposition('resolved_on_site'),
    assigned: byDisposition('assign'),
    escalatedOnSite: byDisposition('escalate'),
    handedOff: count(
      'assignment',
      handed.map((a) => a.id),
    ),
    byDepartment: [...byDept.entries()]
      .map(([id, ids]) => ({ name: deptName.get(id) ?? '（已删除的单位）', count: count('assignment', ids) }))
      .sort((x, y) => y.count.value - x.count.value || (x.name < y.name ? -1 : 1)),
    onTime: rate('assignment', onTimeRounds.map(roundKey), due.map(roundKey)),
    overdue: count('assignment', lateRounds.map(roundKey)),
    closed: rate(
      'assignment',
      closedIds,
      handed.map((a) => a.id),
    ),
    satisfied: rate('assignment', satisfiedIds, evaluated),
    // Lists shared between figures are copied: a figure's list is its own.
    satisfiedOrBasic: rate('assignment', [...pleasedIds], [...evaluated]),
    unsatisfied: count('assignment', unsatisfiedIds),
    averageReplyDays: {
      value: averageDays,
      replies: replyDays.length,
      totalDays,
      refs: { kind: 'assignment', ids: replyDays.map((r) => r.id) },
    },
    redo: count('assignment', redo),
    escalated: count(
      'assignment',
      escalations.map((e) => e.assignmentId),
    ),
    escalations,
    ranking,
    trend: trendOf(prepared, query),
  };
}

/**
 * A round counts in 按时反馈 / 逾期 once its 答复期限 has passed, or once it is answered: a round due today and not
 * yet answered still has the day (it is not 逾期 before tomorrow).
 */
function hasFallenDue(r: Round, today: IsoDate): boolean {
  return r.due !== undefined && (r.due < today || (r.due === today && r.repliedOn !== undefined));
}

/** Working days from the round's start to its reply, remembered for the holiday table in use. */
function workingDaysToReply(prepared: PreparedStats, r: Round, table: HolidayTable): number {
  const cache = prepared.replyDays;
  if (cache.table !== table) {
    cache.table = table;
    cache.days.clear();
  }
  let days = cache.days.get(r);
  if (days === undefined) {
    days = Math.max(0, daysRemaining(r.start!, r.repliedOn!, 'working', table).days);
    cache.days.set(r, days);
  }
  return days;
}

const URGENCY_NAME: Record<string, string> = { urgent: '急', major: '重', hard: '难', normal: '一般' };

/**
 * The month-over-month trend: the twelve months ending with the period's last month, each counted by the same
 * definitions as the period's figures — in one pass over each kind of record, bucketed by month.
 */
export function trendOf(prepared: PreparedStats, query: StatsQuery): TrendMonth[] {
  const months = monthsEnding(query.period.to, 12);
  const index = new Map(months.map((m, i) => [m.from.slice(0, 7), i]));
  const acc = months.map(() => ({
    meetings: 0,
    demands: 0,
    handedOff: 0,
    due: 0,
    onTime: 0,
    evaluated: 0,
    satisfied: 0,
    satisfiedOrBasic: 0,
  }));
  const slot = (day: IsoDate | undefined) => (day === undefined ? undefined : index.get(day.slice(0, 7)));
  const { data } = prepared;
  const fitting = new Set<Id>();
  for (const m of data.meetings)
    if (
      (query.kind === undefined || m.kind === query.kind) &&
      (query.level === undefined || m.level === query.level)
    )
      fitting.add(m.id);
  const heldIn = new Map<Id, number>();
  for (const m of data.meetings) {
    const i = slot(m.date);
    if (i !== undefined && fitting.has(m.id) && meetingHeld(m)) {
      acc[i]!.meetings += 1;
      heldIn.set(m.id, i);
    }
  }
  for (const c of data.concerns) {
    const i = heldIn.get(c.meetingId);
    if (i !== undefined && (!c.precollected || c.confirmedAt !== undefined || c.disposition !== undefined))
      acc[i]!.demands += 1;
  }
  const itemFits = new Set<Id>();
  for (const a of data.assignments) {
    if (!fitting.has(a.meetingId)) continue;
    itemFits.add(a.id);
    const i = slot(prepared.handedOffOn.get(a.id));
    if (i !== undefined) acc[i]!.handedOff += 1;
  }
  for (const r of prepared.rounds) {
    const i = slot(r.due);
    if (i === undefined || !hasFallenDue(r, query.today) || !itemFits.has(r.assignmentId)) continue;
    acc[i]!.due += 1;
    if (r.repliedOn !== undefined && r.repliedOn <= r.due!) acc[i]!.onTime += 1;
  }
  // The last 回访 of each item in each month.
  const last = new Map<string, StepEvent>();
  for (const e of prepared.events) {
    if (e.kind !== 'callback' || !itemFits.has(e.assignmentId)) continue;
    const i = slot(e.on);
    if (i !== undefined) last.set(`${i}|${e.assignmentId}`, e);
  }
  for (const [key, e] of last) {
    const a = acc[Number(key.slice(0, key.indexOf('|')))]!;
    a.evaluated += 1;
    if (e.satisfaction === 'satisfied') a.satisfied += 1;
    if (e.satisfaction !== 'unsatisfied') a.satisfiedOrBasic += 1;
  }
  return months.map((month, i) => {
    const a = acc[i]!;
    return {
      month,
      meetings: a.meetings,
      demands: a.demands,
      handedOff: a.handedOff,
      onTimeRate: a.due === 0 ? undefined : a.onTime / a.due,
      satisfiedRate: a.evaluated === 0 ? undefined : a.satisfied / a.evaluated,
      satisfiedOrBasicRate: a.evaluated === 0 ? undefined : a.satisfiedOrBasic / a.evaluated,
    };
  });
}

/** A share as Chinese reports write it: 87.5%, or — when nothing was counted. */
export function percentText(value: number | undefined): string {
  if (value === undefined) return '—';
  const pct = Math.round(value * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}
