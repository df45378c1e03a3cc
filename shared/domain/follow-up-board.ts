/**
 * 跟踪督办 board: what one row of the board says, which counter a row falls under, the filters and the order.
 * Pure rules over plain records, so the store only loads and the view only shows.
 *
 * A row is a handed-off 交办件, or a demand 现场解决 at a meeting that has ended (counted with the 已办结, as it
 * needed no handoff). Its warning and days left come from `itemStanding` (follow-up-warning.ts) on the day given:
 * the store computes rows again when the day changes, never from the machine's clock here.
 */
import { createSearchIndex, type SearchIndex } from '../directory/pinyin-search';
import { itemStanding } from './follow-up-warning';
import type { HolidayTable } from './holidays';
import { ASSIGNMENT_STATUS_LABEL, DISPOSITION_LABEL } from './labels';
import { toIsoDate } from './workdays';
import type {
  Assignment,
  AssignmentStatus,
  Concern,
  DeadlineRules,
  Id,
  IsoDate,
  Meeting,
  Warning,
} from './types';

/** Where a row stands: a 交办件 status after handoff, or 现场解决. */
export type BoardState = AssignmentStatus | 'on_site';

/** The states of a 交办件 on the board (handed over, whatever became of it since). */
export const HANDED_OFF_STATES: readonly AssignmentStatus[] = [
  'handed_off',
  'replied',
  'evaluated',
  'redo',
  'escalated',
  'closed',
  'written_off',
];

/** The end states of a 交办件: 已办结 and 已销号. */
export const CLOSED_STATES: readonly AssignmentStatus[] = ['closed', 'written_off'];

/** 在办: handed over and neither 办结 nor 销号. */
export const OPEN_STATES: readonly AssignmentStatus[] = HANDED_OFF_STATES.filter(
  (s) => !CLOSED_STATES.includes(s),
);

/** The states the board's state filter offers, in the order of the life cycle. */
export const BOARD_STATES: readonly BoardState[] = [...HANDED_OFF_STATES, 'on_site'];

/** A state's name as the board shows it. */
export function boardStateLabel(state: BoardState): string {
  return state === 'on_site' ? DISPOSITION_LABEL.resolved_on_site : ASSIGNMENT_STATUS_LABEL[state];
}

/** One line of the board. */
export interface BoardRow {
  /** The assignment's id, or `on-site:<concern id>` for a demand resolved on site. */
  key: string;
  /** The 交办件 the row opens; none for 现场解决. */
  assignmentId?: Id;
  docNumber: string;
  enterpriseName: string;
  /** The demand in short: the concern's summary (several for a merged item, joined). */
  demand: string;
  categories: string[];
  meetingId: Id;
  leadDeptId?: Id;
  coDeptIds: Id[];
  leadLeaderId?: Id;
  /** 交办时间 as a day (a demand resolved on site: the day of the meeting). */
  handedOffOn?: IsoDate;
  /** 答复期限 */
  replyDueAt?: IsoDate;
  state: BoardState;
  /** 第N次办理 */
  round: number;
  /** 已转报, or answered by the level it was 转报 to. */
  escalated: boolean;
  warning: Warning;
  /** Why the warning, in Chinese. */
  reasons: string[];
  /** Days left to the 答复期限 in the rules' kind of day, while a reply is awaited; negative once overdue. */
  daysLeft?: number;
  daysOverdue: number;
  dueToday: boolean;
}

/** A handed-off 交办件 with what the board prints of it. */
export interface AssignmentSource {
  assignment: Assignment;
  /** Its concerns, in the item's order (missing ones left out). */
  concerns: readonly Pick<Concern, 'summary' | 'verbatim' | 'category'>[];
  enterpriseName: string;
}

/** A demand 现场解决 at a meeting. */
export interface OnSiteSource {
  concern: Concern;
  meeting: Pick<Meeting, 'id' | 'date'>;
  enterpriseName: string;
}

/** The day's settings a row is computed under. */
export interface BoardDay {
  today: IsoDate;
  rules: DeadlineRules;
  table: HolidayTable;
}

const summaryOf = (c: Pick<Concern, 'summary' | 'verbatim'>) => c.summary.trim() || c.verbatim.trim();

/** The row of a handed-off 交办件 on `day.today`. */
export function assignmentRow(source: AssignmentSource, day: BoardDay): BoardRow {
  const a = source.assignment;
  const standing = itemStanding(a, day.today, day.rules, day.table);
  const categories = [...new Set(source.concerns.map((c) => c.category).filter((c) => c !== ''))];
  return {
    key: a.id,
    assignmentId: a.id,
    docNumber: a.docNumber ?? '',
    enterpriseName: source.enterpriseName,
    demand: source.concerns.map(summaryOf).join('；'),
    categories,
    meetingId: a.meetingId,
    leadDeptId: a.leadDeptId,
    coDeptIds: a.coDeptIds,
    leadLeaderId: a.leadLeaderId,
    ...(a.handedOffAt === undefined ? {} : { handedOffOn: toIsoDate(a.handedOffAt) }),
    ...(a.replyDueAt === undefined ? {} : { replyDueAt: a.replyDueAt }),
    state: a.status,
    round: a.round ?? 1,
    escalated: a.status === 'escalated' || Boolean(a.escalatedTo),
    warning: standing.warning,
    reasons: standing.reasons,
    ...(standing.daysLeft === undefined ? {} : { daysLeft: standing.daysLeft }),
    daysOverdue: standing.daysOverdue,
    dueToday: standing.dueToday,
  };
}

/** The row of a demand resolved on site: closed on the day of its meeting, with the department that answered. */
export function onSiteRow(source: OnSiteSource): BoardRow {
  const c = source.concern;
  return {
    key: `on-site:${c.id}`,
    docNumber: '',
    enterpriseName: source.enterpriseName,
    demand: summaryOf(c),
    categories: c.category ? [c.category] : [],
    meetingId: source.meeting.id,
    ...(c.suggestedDeptId ? { leadDeptId: c.suggestedDeptId } : {}),
    coDeptIds: [],
    handedOffOn: source.meeting.date,
    state: 'on_site',
    round: 1,
    escalated: false,
    warning: 'none',
    reasons: [],
    daysOverdue: 0,
    dueToday: false,
  };
}

/** A meeting has been held (its demands are settled) once it has ended: 待签批, 待交办 or 已交办, and not deleted. */
export function meetingHeld(m: Pick<Meeting, 'status' | 'deletedAt'>): boolean {
  return m.deletedAt === undefined && m.status !== 'preparing' && m.status !== 'live';
}

// ── Counters ───────────────────────────────────────────────────────────────────────────────────

/** The counters on top of the board, each a filter when tapped. */
export type BoardCounter =
  'open' | 'dueToday' | 'yellow' | 'red' | 'callback' | 'redo' | 'closed' | 'escalated';

/** The counters in the order shown. */
export const BOARD_COUNTERS: readonly BoardCounter[] = [
  'open',
  'dueToday',
  'yellow',
  'red',
  'callback',
  'redo',
  'closed',
  'escalated',
];

/** The counters' names. */
export const BOARD_COUNTER_LABEL: Readonly<Record<BoardCounter, string>> = {
  open: '在办',
  dueToday: '今日到期',
  yellow: '黄色预警',
  red: '红色预警',
  callback: '待回访',
  redo: '重办中',
  closed: '已办结',
  escalated: '已转报',
};

/** 办结, 销号 or 现场解决: nothing more to do. */
export function isClosedState(state: BoardState): boolean {
  return state === 'closed' || state === 'written_off' || state === 'on_site';
}

/** Whether a row counts under a counter. */
export function inCounter(row: BoardRow, counter: BoardCounter): boolean {
  switch (counter) {
    case 'open':
      return !isClosedState(row.state);
    case 'dueToday':
      return row.dueToday;
    case 'yellow':
      return row.warning === 'yellow';
    case 'red':
      return row.warning === 'red';
    case 'callback':
      return row.state === 'replied';
    case 'redo':
      return row.state === 'redo';
    case 'closed':
      return isClosedState(row.state);
    case 'escalated':
      return row.escalated;
  }
}

/** Only the 已办结 counter and 已转报 items answered and closed need the closed rows; all others are open ones. */
export function counterNeedsClosed(counter: BoardCounter | undefined): boolean {
  return counter === undefined || counter === 'closed' || counter === 'escalated';
}

/** How many rows fall under each counter. */
export function countRows(rows: readonly BoardRow[]): Record<BoardCounter, number> {
  const out = Object.fromEntries(BOARD_COUNTERS.map((c) => [c, 0])) as Record<BoardCounter, number>;
  for (const row of rows) for (const c of BOARD_COUNTERS) if (inCounter(row, c)) out[c] += 1;
  return out;
}

// ── Filters ────────────────────────────────────────────────────────────────────────────────────

/** What the board is narrowed to; every field absent means no narrowing by it. */
export interface BoardFilter {
  counter?: BoardCounter;
  /** Lead or co-department. */
  deptId?: Id;
  leaderId?: Id;
  meetingId?: Id;
  /** `YYYY-MM` of 交办时间. */
  month?: string;
  category?: string;
  state?: BoardState;
  warning?: Warning;
  /** 汉字 or pinyin over enterprise, 文号 and demand. */
  query?: string;
}

/** The filter fields other than the counter and the search, as the filter bar sets them. */
export type BoardFilterField = Exclude<keyof BoardFilter, 'counter' | 'query'>;

/** Whether a row passes every field of `filter` except the search (which needs an index, see `BoardSearch`). */
export function matchesFilter(row: BoardRow, filter: BoardFilter): boolean {
  if (filter.counter && !inCounter(row, filter.counter)) return false;
  if (filter.deptId && row.leadDeptId !== filter.deptId && !row.coDeptIds.includes(filter.deptId))
    return false;
  if (filter.leaderId && row.leadLeaderId !== filter.leaderId) return false;
  if (filter.meetingId && row.meetingId !== filter.meetingId) return false;
  if (filter.month && !row.handedOffOn?.startsWith(`${filter.month}-`)) return false;
  if (filter.category && !row.categories.includes(filter.category)) return false;
  if (filter.state && row.state !== filter.state) return false;
  if (filter.warning && row.warning !== filter.warning) return false;
  return true;
}

/** True when nothing narrows the board beyond its counter. */
export function onlyCounter(filter: BoardFilter): boolean {
  return Object.entries(filter).every(([k, v]) => k === 'counter' || v === undefined || v === '');
}

/** Search by 汉字 and pinyin over rows (enterprise, 文号, demand): build once per set of rows. */
export interface BoardSearch {
  /** Keys of the rows matching `query`. */
  keys(query: string): Set<string>;
}

/** The search over `rows`. */
export function boardSearch(rows: readonly BoardRow[]): BoardSearch {
  const index: SearchIndex<BoardRow> = createSearchIndex(rows, (r) => [
    r.enterpriseName,
    r.docNumber,
    r.demand,
  ]);
  return { keys: (query) => new Set(index.search(query, rows.length).map((r) => r.key)) };
}

// ── Order ──────────────────────────────────────────────────────────────────────────────────────

/** 按剩余天数 (most urgent first), 按交办时间 newest or oldest first. */
export type BoardSort = 'urgency' | 'newest' | 'oldest';

/** The orders' names. */
export const BOARD_SORT_LABEL: Readonly<Record<BoardSort, string>> = {
  urgency: '最紧急在前',
  newest: '交办时间（新→旧）',
  oldest: '交办时间（旧→新）',
};

// Plain comparison: ISO dates and 文号 order as strings, and localeCompare is far too slow for 30,000 rows.
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const byDay = (x: IsoDate | undefined, y: IsoDate | undefined) => byText(x ?? '', y ?? '');

/**
 * Most urgent first: items awaiting a reply by days left (the longest overdue first, red before yellow on a tie),
 * then the other open items (答复 in hand: 回访 and 办结 to do) oldest handoff first, then closed ones newest first.
 */
function urgency(x: BoardRow, y: BoardRow): number {
  const group = (r: BoardRow) => (isClosedState(r.state) ? 2 : r.daysLeft === undefined ? 1 : 0);
  const g = group(x) - group(y);
  if (g !== 0) return g;
  if (x.daysLeft !== undefined && y.daysLeft !== undefined && x.daysLeft !== y.daysLeft)
    return x.daysLeft - y.daysLeft;
  const rank = { red: 0, yellow: 1, none: 2 } as const;
  const w = rank[x.warning] - rank[y.warning];
  if (w !== 0) return w;
  return group(x) === 2 ? byDay(y.handedOffOn, x.handedOffOn) : byDay(x.handedOffOn, y.handedOffOn);
}

/** The rows in the chosen order (a new array); ties keep 文号 order, so the list does not jump. */
export function sortRows(rows: readonly BoardRow[], sort: BoardSort): BoardRow[] {
  // 文号 of one year differ by their number: the shorter is the smaller (〔2026〕9号 before 〔2026〕12号).
  const tie = (x: BoardRow, y: BoardRow) =>
    x.docNumber.length - y.docNumber.length || byText(x.docNumber, y.docNumber) || byText(x.key, y.key);
  const compare =
    sort === 'urgency'
      ? urgency
      : sort === 'newest'
        ? (x: BoardRow, y: BoardRow) => byDay(y.handedOffOn, x.handedOffOn)
        : (x: BoardRow, y: BoardRow) => byDay(x.handedOffOn, y.handedOffOn);
  return [...rows].sort((x, y) => compare(x, y) || tie(x, y));
}

// ── What a row says ────────────────────────────────────────────────────────────────────────────

/** The state as the row prints it: 已交办, 重办中（第2次办理）. */
export function stateText(row: Pick<BoardRow, 'state' | 'round'>): string {
  const label = boardStateLabel(row.state);
  return row.round >= 2 ? `${label}（第${row.round}次办理）` : label;
}

/** Days left as the row prints it: 剩余5天, 剩余3个工作日, 今日到期, 逾期2天; empty when no reply is awaited. */
export function daysLeftText(row: Pick<BoardRow, 'daysLeft' | 'dueToday'>, rules: DeadlineRules): string {
  if (row.daysLeft === undefined) return '';
  const unit = rules.dayKind === 'working' ? '个工作日' : '天';
  if (row.daysLeft < 0) return `逾期${-row.daysLeft}${unit}`;
  if (row.dueToday) return '今日到期';
  return `剩余${row.daysLeft}${unit}`;
}

/** 今日到期 and 已逾期 (红色预警) among these items on `day.today`: the meetings list's reminder. */
export function dueSummary(
  items: readonly Assignment[],
  day: BoardDay,
): { dueToday: number; overdue: number } {
  let dueToday = 0;
  let overdue = 0;
  for (const a of items) {
    const s = itemStanding(a, day.today, day.rules, day.table);
    if (s.dueToday) dueToday += 1;
    if (s.warning === 'red') overdue += 1;
  }
  return { dueToday, overdue };
}

/** The months `YYYY-MM` from `first` to `last` (days), newest first: the month filter's options. */
export function monthsBetween(first: IsoDate, last: IsoDate): string[] {
  const out: string[] = [];
  let y = Number(last.slice(0, 4));
  let m = Number(last.slice(5, 7));
  const stop = first.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month < stop) break;
    out.push(month);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
