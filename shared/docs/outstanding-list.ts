/**
 * 问题清单: what a department (or the whole district) still owes, for 对账销号 (shared/ledger/reconcile.ts). Laid out
 * per GB/T 9704 like the other documents (docs/architecture.md, "Documents"): the title, 截至 the day, the figures
 * in a line (交办, 已答复, 已办结, 已销号, 未办结 and how many of those are overdue), then the 未办结 items in a ruled
 * table — 文号, 企业, 反映问题, 交办日期, 答复期限, 当前状态, 预警 / 逾期天数 and the latest progress or reply — in
 * columns fitted to what they hold. The district's list starts with every department's figures and then gives
 * each department's items under its name.
 *
 * A view model of ready-to-print strings (`OutstandingListData`), a mapper from the 台账 lines (`outstandingList`)
 * and the builder (`buildOutstandingList`).
 */
import { AlignmentType } from 'docx';
import type { Paragraph, Table } from 'docx';
import { formatChineseDate, formatChineseMonthDay } from '../domain/deadlines';
import { WARNING_LABEL } from '../domain/labels';
import type { Department, Id, IsoDate, Warning } from '../domain/types';
import { byDocNumber, isOpenItem, type LedgerItem } from '../ledger/ledger-item';
import { clearingProgress, departmentTallies, totalTally, type DepartmentTally } from '../ledger/reconcile';
import { chineseNumeral } from './format';
import {
  bodyPara,
  FACE,
  gbDocument,
  gbSection,
  headingPara,
  LINE,
  packDocument,
  para,
  run,
  SIZE,
  subheadingPara,
  TEXT_WIDTH,
  titlePara,
  type Face,
} from './gbt9704';
import { columnFor, HALF_LINE, titleLines, widthOf } from './meeting-facts';
import { dateLines, docNumberLines } from './minutes';
import { fixedTable, type CellSpec, type RowSpec } from './table';

/** One 未办结 item as the table prints it. */
export interface OutstandingRow {
  assignmentId: Id;
  docNumber: string;
  enterprise: string;
  /** The demands, short. */
  demand: string;
  /** 2026年11月23日, or empty. */
  handedOffOn: string;
  replyDue: string;
  /** 已回复 / 第2次办理: the state, and the round from the second on. */
  state: string[];
  warning: Warning;
  /** 红色预警 / 逾期3天; 正常 when none. */
  warningLines: string[];
  /** 11月10日答复：… — the latest of 进展, 答复 and 回访; — when nothing was recorded. */
  latest: string;
}

/** One department's part of the list. */
export interface OutstandingSection {
  deptId: Id;
  department: string;
  /** 交办5件，已答复3件，已办结1件，已销号1件，未办结3件，其中逾期1件 */
  figures: string;
  outstanding: number;
  overdue: number;
  rows: OutstandingRow[];
}

/** A department's line in the district's summary. */
export interface OutstandingSummaryRow {
  department: string;
  handedOver: number;
  replied: number;
  closed: number;
  writtenOff: number;
  outstanding: number;
  overdue: number;
  cleared: boolean;
}

/** Everything one 问题清单 prints. */
export interface OutstandingListData {
  /** The federation's name: the document's properties and the foot. */
  organization: string;
  /** One department's list, or the district's. */
  scope: 'department' | 'district';
  titleLines: string[];
  /** 截至2026年11月22日 */
  asOf: string;
  /** The figures in one sentence, ending in 。. */
  figures: string;
  /** The district's list: every department's figures, and the 合计 (the last row). */
  summary: OutstandingSummaryRow[];
  /** One per department with items outstanding (the department's own list: exactly one, maybe without rows). */
  sections: OutstandingSection[];
  note: string;
  /** 2026年11月22日 */
  date: string;
}

/** What a 问题清单 is made from. */
export interface OutstandingSources {
  /** The 台账 lines (any departments: the list takes the ones it needs). */
  items: readonly LedgerItem[];
  departments: readonly Pick<Department, 'id' | 'name' | 'order'>[];
  /** The department whose list this is; the district's when absent. */
  deptId?: Id;
  today: IsoDate;
  organization: string;
}

/** The file name's stem: 问题清单-区财政局-20261122, 问题清单-全区-20261122. */
export function outstandingListStem(department: string | undefined, today: IsoDate): string {
  return `问题清单-${department ?? '全区'}-${today.replaceAll('-', '')}`;
}

/** 交办5件，已答复3件，已办结1件，已销号1件，未办结3件，其中逾期1件 */
export function tallyFigures(t: DepartmentTally): string {
  return (
    `交办${t.handedOver}件，已答复${t.replied}件，已办结${t.awaitingWriteOff}件，已销号${t.writtenOff}件，` +
    `未办结${t.outstanding}件，其中逾期${t.overdue}件`
  );
}

// Text in the table is a summary (the 交办单 and the 办理全过程 have the words): longer ones end in an ellipsis.
const DEMAND_CHARS = 40;
const LATEST_CHARS = 40;
const cut = (text: string, limit: number): string => {
  const chars = [...text.trim().replace(/\s+/gu, ' ')];
  return chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : chars.join('');
};

/** The latest of 进展, 答复 and 回访, dated (the year only when it is not this year's). */
function latestOf(item: LedgerItem, today: IsoDate): string {
  const day = (d: IsoDate) =>
    d.slice(0, 4) === today.slice(0, 4) ? formatChineseMonthDay(d) : formatChineseDate(d);
  // On one day a 回访 follows the 答复, which follows a 进展: the later kind wins a tie.
  const candidates = [
    item.lastProgressOn && item.lastProgress
      ? { on: item.lastProgressOn, text: `${day(item.lastProgressOn)}进展：${item.lastProgress}` }
      : undefined,
    item.repliedOn
      ? { on: item.repliedOn, text: `${day(item.repliedOn)}答复：${item.replyContent}` }
      : undefined,
    item.callbackOn
      ? {
          on: item.callbackOn,
          text: `${day(item.callbackOn)}回访${item.satisfactionText}${item.callbackWords ? `：${item.callbackWords}` : ''}`,
        }
      : undefined,
  ].filter((c): c is { on: IsoDate; text: string } => c !== undefined);
  const latest = candidates.reduce<{ on: IsoDate; text: string } | undefined>(
    (best, c) => (!best || c.on >= best.on ? c : best),
    undefined,
  );
  if (latest) return cut(latest.text, LATEST_CHARS);
  return item.escalatedTo ? `已转报${item.escalatedTo}` : '—';
}

/** 红色预警 / 逾期3天: the warning's word, then why, shortened as the 催办通知 says it. */
function warningLines(item: LedgerItem): string[] {
  if (item.warning === 'none') return [WARNING_LABEL.none];
  const reasons = item.warningText.includes('：')
    ? item.warningText.slice(item.warningText.indexOf('：') + 1).split('；')
    : [];
  return [
    WARNING_LABEL[item.warning],
    ...reasons.map((r) => r.replace(/^(?:办理超时|推进缓慢)（(.*)）$/u, '$1')).filter((r) => r !== ''),
  ];
}

/** 重办中（第2次办理） as 重办中 / 第2次办理. */
function stateLines(item: LedgerItem): string[] {
  const i = item.stateText.indexOf('（');
  return i > 0
    ? [item.stateText.slice(0, i), item.stateText.slice(i + 1).replace(/）$/u, '')]
    : [item.stateText];
}

/** One 未办结 item as the list prints it (and the 对账销号 screen shows it). */
export function outstandingRow(item: LedgerItem, today: IsoDate): OutstandingRow {
  return {
    assignmentId: item.assignmentId,
    docNumber: item.docNumber,
    enterprise: item.enterpriseName,
    demand: cut(item.demand, DEMAND_CHARS),
    handedOffOn: item.handedOffOn ? formatChineseDate(item.handedOffOn) : '',
    replyDue: item.replyDueAt ? formatChineseDate(item.replyDueAt) : '',
    state: stateLines(item),
    warning: item.warning,
    warningLines: warningLines(item),
    latest: latestOf(item, today),
  };
}

function section(t: DepartmentTally, items: readonly LedgerItem[], today: IsoDate): OutstandingSection {
  return {
    deptId: t.deptId,
    department: t.deptName,
    figures: tallyFigures(t),
    outstanding: t.outstanding,
    overdue: t.overdue,
    rows: items
      .filter((i) => i.leadDeptId === t.deptId && isOpenItem(i))
      .sort(byDocNumber)
      .map((i) => outstandingRow(i, today)),
  };
}

const summaryRow = (t: DepartmentTally): OutstandingSummaryRow => ({
  department: t.deptName,
  handedOver: t.handedOver,
  replied: t.replied,
  closed: t.awaitingWriteOff,
  writtenOff: t.writtenOff,
  outstanding: t.outstanding,
  overdue: t.overdue,
  cleared: t.cleared,
});

const NOTE =
  '注：未办结指尚未办结的交办事项，含已答复待回访、重办中和已转报上级的事项；逾期指超过答复期限尚未答复；' +
  '已办结的事项经对账确认后销号。';

/** The 问题清单 of one department, or of the district grouped by department, as of `today`. */
export function outstandingList(src: OutstandingSources): OutstandingListData {
  const date = formatChineseDate(src.today);
  const common = { organization: src.organization, asOf: `截至${date}`, note: NOTE, date };
  if (src.deptId !== undefined) {
    const deptId = src.deptId;
    const own = src.items.filter((i) => i.leadDeptId === deptId);
    const name = src.departments.find((d) => d.id === deptId)?.name ?? own[0]?.leadDept ?? '';
    const tally = departmentTallies(own, src.departments)[0] ?? { ...totalTally([]), deptId, deptName: name };
    const t = { ...tally, deptName: name || tally.deptName };
    return {
      ...common,
      scope: 'department',
      titleLines: titleLines(t.deptName, '交办事项问题清单'),
      figures: `${tallyFigures(t)}${t.outstanding === 0 && t.handedOver > 0 ? '，均已办结' : ''}。`,
      summary: [],
      sections: [section(t, own, src.today)],
    };
  }
  const tallies = departmentTallies(src.items, src.departments);
  const total = totalTally(tallies);
  const progress = clearingProgress(tallies);
  return {
    ...common,
    scope: 'district',
    titleLines: ['全区交办事项问题清单'],
    figures:
      `全区${tallyFigures(total)}；${progress.departments}个承办单位中` +
      `${progress.departmentsCleared}个已清零（交办事项全部销号）。`,
    summary: [...tallies, total].map(summaryRow),
    sections: tallies.filter((t) => t.outstanding > 0).map((t) => section(t, src.items, src.today)),
  };
}

// ── The document ───────────────────────────────────────────────────────────────────────────────────────────

// The items in 小五: eight columns on the portrait type area, the wide ones fitted to their text.
const ITEM_SIZE = SIZE.smallFive;
const ITEM_LINE = 270;
// The district's summary in 五号: the departments' names and seven figures.
const SUMMARY_SIZE = 21;
const SUMMARY_LINE = 320;

const cellPara = (
  lines: readonly string[],
  size: number,
  line: number,
  align: 'left' | 'center',
  face: Face = FACE.body,
): Paragraph =>
  para(
    lines.map((text, i) => run(text, { face, size, ...(i > 0 ? { break: 1 } : {}) })),
    // Left, not justified: LibreOffice spreads a narrow column's justified Chinese letter by letter.
    { line, alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT },
  );

const textCell = (
  lines: string | readonly string[],
  size: number,
  line: number,
  centred: boolean,
): CellSpec => ({
  children: [cellPara(typeof lines === 'string' ? [lines] : lines, size, line, centred ? 'center' : 'left')],
});

const headerRow = (labels: ReadonlyArray<readonly string[]>, size: number, line: number): RowSpec => ({
  cells: labels.map((l) => ({ children: [cellPara(l, size, line, 'center', FACE.heading)] })),
  header: true,
  cantSplit: true,
  minHeight: line + 60,
});

/** The widest line of a cell, in full-width characters. */
const widest = (lines: string | readonly string[]): number =>
  Math.max(0, ...(typeof lines === 'string' ? [lines] : lines).map(widthOf));

/**
 * A narrow column holding its widest line (within `min`..`max` characters), in twips, with half a character to
 * spare: LibreOffice sets digits beside Chinese with a small gap either side, wider than the font says.
 */
const narrow = (cells: ReadonlyArray<string | readonly string[]>, min: number, max: number): number =>
  columnFor(Math.min(max, Math.max(min, ...cells.map(widest))) + 0.5, ITEM_SIZE);

// A date's second line (11月23日) has two numbers between Chinese characters: half a character more for the gaps.
const DIGIT_GAPS = Math.round(ITEM_SIZE * 5);

/** 青工商联交 / 〔2026〕 / 12号: a 文号 on three lines, so its column is as narrow as the prefix. */
const numberLines = (n: string): string[] =>
  docNumberLines(n).flatMap((part) => {
    const i = part.indexOf('〕');
    return i > 0 && i < part.length - 1 ? [part.slice(0, i + 1), part.slice(i + 1)] : [part];
  });

// The wide columns (企业, 反映问题, 最近进展或答复) never narrower than this many characters.
const WIDE_MIN = [4, 5, 5];

/**
 * The widths of the wide columns in `space` twips: as narrow as lets the tallest cell take the fewest lines, the
 * space left over shared by 反映问题 and 最近进展或答复 as their text needs it.
 */
function fitWide(texts: ReadonlyArray<readonly string[]>, space: number): number[] {
  const need = texts.map((col) => Math.max(0, ...col.map(widthOf)));
  const twipsFor = (lines: number) =>
    need.map((w, i) => columnFor(Math.max(WIDE_MIN[i]!, Math.ceil(w / lines)), ITEM_SIZE));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  let lines = 1;
  while (lines < 20 && sum(twipsFor(lines)) > space) lines += 1;
  const [enterprise, demand, latest] = twipsFor(lines) as [number, number, number];
  const spare = space - enterprise - demand - latest;
  const share = need[1]! + need[2]! > 0 ? need[1]! / (need[1]! + need[2]!) : 0.5;
  const extra = Math.round(spare * share);
  return [enterprise, demand + extra, latest + spare - extra];
}

/** The items table's grid in twips, filling the type area (exported for tests). */
export function itemColumns(rows: readonly OutstandingRow[]): number[] {
  const docNumber = narrow([...rows.map((r) => numberLines(r.docNumber)), '文号'], 4, 6);
  const handed = narrow([...rows.map((r) => dateLines(r.handedOffOn)), '交办', '日期'], 3.5, 4) + DIGIT_GAPS;
  const due = narrow([...rows.map((r) => dateLines(r.replyDue)), '答复', '期限'], 3.5, 4) + DIGIT_GAPS;
  const state = narrow([...rows.map((r) => r.state), '当前', '状态'], 3, 4.5);
  const warning = narrow([...rows.map((r) => r.warningLines), '逾期天数'], 4, 4.5);
  const fixed = docNumber + handed + due + state + warning;
  const [enterprise, demand, latest] = fitWide(
    [rows.map((r) => r.enterprise), rows.map((r) => r.demand), rows.map((r) => r.latest)],
    TEXT_WIDTH - fixed,
  ) as [number, number, number];
  return [docNumber, enterprise, demand, handed, due, state, warning, latest];
}

const ITEM_HEADER = [
  ['文号'],
  ['企业'],
  ['反映问题'],
  ['交办', '日期'],
  ['答复', '期限'],
  ['当前', '状态'],
  ['预警/', '逾期天数'],
  ['最近进展', '或答复'],
];

function itemsTable(rows: readonly OutstandingRow[]): Table {
  const cell = (lines: string | readonly string[], centred = false) =>
    textCell(lines, ITEM_SIZE, ITEM_LINE, centred);
  return fixedTable(itemColumns(rows), [
    headerRow(ITEM_HEADER, ITEM_SIZE, ITEM_LINE),
    ...rows.map((r) => ({
      cells: [
        cell(numberLines(r.docNumber), true),
        cell(r.enterprise),
        cell(r.demand),
        cell(dateLines(r.handedOffOn), true),
        cell(dateLines(r.replyDue), true),
        cell(r.state, true),
        cell(r.warningLines, true),
        cell(r.latest),
      ],
      cantSplit: true,
    })),
  ]);
}

const SUMMARY_HEADER = [
  ['承办单位'],
  ['交办'],
  ['已答复'],
  ['已办结'],
  ['已销号'],
  ['未办结'],
  ['其中', '逾期'],
  ['清零'],
];
const FIGURE = columnFor(3, SUMMARY_SIZE);
/** The summary's grid in twips: the department's name, then seven figures (exported for tests). */
export const SUMMARY_COLUMNS: readonly number[] = [TEXT_WIDTH - 7 * FIGURE, ...Array<number>(7).fill(FIGURE)];

function summaryTable(rows: readonly OutstandingSummaryRow[]): Table {
  const cell = (text: string, centred = true) => textCell(text, SUMMARY_SIZE, SUMMARY_LINE, centred);
  return fixedTable(SUMMARY_COLUMNS, [
    headerRow(SUMMARY_HEADER, SUMMARY_SIZE, SUMMARY_LINE),
    ...rows.map((r, i) => ({
      cells: [
        cell(r.department, i === rows.length - 1),
        ...[r.handedOver, r.replied, r.closed, r.writtenOff, r.outstanding, r.overdue].map((n) =>
          cell(String(n)),
        ),
        cell(r.cleared ? '已清零' : '—'),
      ],
      cantSplit: true,
    })),
  ]);
}

/** 截至2026年11月22日, in 楷体 under the title. */
const asOfPara = (asOf: string): Paragraph =>
  para([run(`（${asOf}）`, { face: FACE.subheading })], {
    alignment: AlignmentType.CENTER,
    keepNext: true,
    after: HALF_LINE,
  });

const gap = (): Paragraph => para([''], { line: HALF_LINE });

function sectionParas(data: OutstandingListData): Array<Paragraph | Table> {
  if (data.scope === 'department') {
    const rows = data.sections[0]?.rows ?? [];
    return rows.length > 0 ? [itemsTable(rows)] : [bodyPara(['无未办结事项。'])];
  }
  const out: Array<Paragraph | Table> = [
    headingPara('一、各单位办理情况', { keepNext: true }),
    summaryTable(data.summary),
    gap(),
    headingPara('二、未办结事项', { keepNext: true }),
  ];
  if (data.sections.length === 0) out.push(bodyPara(['全区交办事项均已办结，无未办结事项。']));
  for (const [i, s] of data.sections.entries()) {
    out.push(
      subheadingPara(
        `（${chineseNumeral(i + 1)}）${s.department}（未办结${s.outstanding}件${s.overdue > 0 ? `，其中逾期${s.overdue}件` : ''}）`,
        { keepNext: true },
      ),
      itemsTable(s.rows),
      gap(),
    );
  }
  return out;
}

/** The 问题清单 as .docx bytes. */
export async function buildOutstandingList(data: OutstandingListData): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    ...data.titleLines.map((line) => titlePara(line, { keepNext: true })),
    asOfPara(data.asOf),
    bodyPara([data.figures], { widowControl: true, after: HALF_LINE }),
    ...sectionParas(data),
    para([run(data.note, { size: SIZE.smallFour })], {
      line: LINE.small,
      before: 120,
      alignment: AlignmentType.JUSTIFIED,
    }),
    para([run(`${data.organization}　${data.date}`, { size: SIZE.smallFour })], {
      alignment: AlignmentType.RIGHT,
      line: LINE.table,
      before: 120,
    }),
  ];
  const doc = gbDocument({ title: data.titleLines.join(''), creator: data.organization }, [
    gbSection(children),
  ]);
  return packDocument(doc);
}
