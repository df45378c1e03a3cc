/**
 * 以月答卷 (issue 18): the month's report on the enterprises' demands, a numbered document of its own series
 * (青工商联报〔2026〕3号) laid out per GB/T 9704 like the other documents (docs/architecture.md, "Documents"):
 *
 * - 版头: the federation's name in red, the 发文字号 under it, a red rule; the title for the month;
 * - 一、基本情况: every figure of shared/domain/statistics.ts in sentences, 表1 with each figure's definition, and the
 *   charts (the 统计分析 screen's own ECharts options rendered to PNG by the renderer);
 * - 二、办理情况: per lead department (表2, the ranking of the statistics) and the 转报 items;
 * - 三、典型案例: the items the secretary marked, each with the enterprise's words as said, the signed instruction,
 *   the replies and the enterprise's evaluation;
 * - 四、存在问题: the month's overdue rounds and 重办, each with its warning as it stands;
 * - 五、下一步工作: what the secretary wrote in the app;
 * - 附件 交办件清单: the month's 交办件 in a ruled table.
 *
 * Figures follow the statistics' definitions for the period; everything said about where an item stands (状态,
 * 预警, the replies of a 典型案例) is as of the day the report is made (`date`), and the attachment says so.
 *
 * Pure: a mapper from the statistics and the 台账 lines to ready-to-print strings (`monthlyReportData`), and the
 * builder (`buildMonthlyReport`) that takes those and the charts as PNG bytes with the size they print at.
 */
import { AlignmentType, BorderStyle, ImageRun, LineRuleType, Paragraph } from 'docx';
import type { Table } from 'docx';
import { formatChineseDate, formatChineseMonthDay } from '../domain/deadlines';
import { SATISFACTION_LABEL } from '../domain/labels';
import type { Period } from '../domain/periods';
import { CHART_TITLE, type ChartName } from '../domain/statistics-charts';
import {
  FIGURE_DEFINITIONS,
  percentText,
  type FigureKey,
  type PreparedStats,
  type Rate,
  type Round,
  type Statistics,
} from '../domain/statistics';
import type { EffectiveStep } from '../domain/follow-up';
import type { Id, IsoDate } from '../domain/types';
import { byDocNumber, type LedgerItem } from '../ledger/ledger-item';
import { chineseNumeral } from './format';
import {
  bodyPara,
  CHAR,
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
} from './gbt9704';
import { columnFor, HALF_LINE, titleLines, widthOf } from './meeting-facts';
import { fixedTable, type CellSpec, type RowSpec } from './table';
import { dateLines, docNumberLines } from './minutes';

// ── What the report is made of ─────────────────────────────────────────────────────────────────────────────

/** A chart rendered for print: the PNG and the size it prints at. */
export interface ReportChart {
  name: ChartName;
  png: Uint8Array;
  widthMm: number;
  heightMm: number;
}

/** A 典型案例 as the secretary marked it, with what only the signed record holds. */
export interface TypicalCaseSource {
  assignmentId: Id;
  /** The enterprise's words as said, one per demand of the item (the signed snapshot's). */
  words: string[];
  /** The instruction as signed. */
  instruction: string;
  /** Who signed it, title before name as documents write it: 区委书记王立群. */
  signer: string;
}

/** Everything the report is written from. */
export interface MonthlyReportSources {
  organization: { name: string; shortName: string };
  /** 青工商联报〔2026〕3号 */
  docNumber: string;
  /** The day the report is made (成文日期): where items stand is said as of this day. */
  date: IsoDate;
  stats: Statistics;
  /** The records the statistics were computed from: rounds and corrected steps of the items. */
  prepared: PreparedStats;
  /** The 台账 lines (as of `date`) of the items the report names; others are ignored. */
  items: ReadonlyMap<Id, LedgerItem>;
  /** The 典型案例 of the period, in the order they print. */
  cases: readonly TypicalCaseSource[];
  /** 下一步工作 as the secretary wrote it: a paragraph a line. */
  nextSteps: string;
}

/** A row of 表1: a figure, its value, its definition. */
export interface FigureRow {
  label: string;
  value: string;
  definition: string;
}

/** A row of 表2: a lead department's figures. */
export interface RankingRow {
  department: string;
  handedOff: string;
  due: string;
  onTime: string;
  onTimeRate: string;
  evaluated: string;
  satisfiedRate: string;
  overdue: string;
  redo: string;
}

/** One 典型案例 as printed. */
export interface TypicalCase {
  heading: string;
  /** 企业反映、交办情况、领导批示、办理结果、企业评价: a label and its text each. */
  parts: Array<{ label: string; text: string }>;
}

/** One line of the 交办件清单. */
export interface ListRow {
  docNumber: string;
  enterprise: string;
  demand: string;
  leadDept: string;
  /** 11月6日 in the report's year, 2025年12月30日 in another. */
  handedOffOn: string;
  replyDue: string;
  state: string[];
  /** 11月25日, or 未答复. */
  repliedOn: string;
  /** 基本满意, or 未回访. */
  callback: string;
}

/** The report as ready-to-print strings. */
export interface MonthlyReportData {
  /** The federation's full name: the 版头 and the 落款. */
  organization: string;
  docNumber: string;
  titleLines: string[];
  /** 2026年11月 */
  periodLabel: string;
  intro: string;
  /** 一、基本情况 in sentences. */
  basics: string[];
  figureRows: FigureRow[];
  /** 二、办理情况 in sentences. */
  handling: string[];
  ranking: RankingRow[];
  /** 转报上级 items, a sentence each. */
  escalations: string[];
  cases: TypicalCase[];
  /** 四、存在问题: the opening sentence, then the overdue items and the 重办 items. */
  problemsIntro: string;
  overdue: string[];
  redo: string[];
  nextSteps: string[];
  attachmentTitle: string;
  attachmentNote: string;
  list: ListRow[];
  /** 2026年11月22日 */
  date: string;
  /** Which charts the report prints, in order, with their captions' numbers. */
  charts: ChartName[];
}

// ── Numbers, names and sizes ───────────────────────────────────────────────────────────────────────────────

/**
 * The report series' prefix from the 交办单's (设置 → 单位, 发文字号前缀): 青工商联交 → 青工商联报; a prefix not ending
 * in 交 takes 报 after it. Empty when the organisation has none yet.
 */
export function reportNumberPrefix(assignmentPrefix: string): string {
  const p = assignmentPrefix.trim();
  if (p === '') return '';
  return p.endsWith('交') ? `${p.slice(0, -1)}报` : `${p}报`;
}

/** The export's folder: 以月答卷-2026年11月. */
export const reportFolderName = (period: Pick<Period, 'label'>): string => `以月答卷-${period.label}`;

/** The report's file stem: 以月答卷-2026年11月-青工商联报〔2026〕3号. */
export const reportFileStem = (period: Pick<Period, 'label'>, docNumber: string): string =>
  `以月答卷-${period.label}-${docNumber}`;

/** The exchange package's file stem: 月度交换包-青溪区工商联-2026年11月. */
export const packageFileStem = (district: string, period: Pick<Period, 'label'>): string =>
  `月度交换包-${district}-${period.label}`;

/** Millimetres to docx's image unit (px at 96 dpi). */
const mmToPx = (mm: number): number => Math.round((mm / 25.4) * 96);

/**
 * The charts a report prints and the size each prints at (mm), from the statistics: the trend always; the categories,
 * the departments and the 回访 results when there is something to draw. The bar charts grow with their rows.
 */
export function reportCharts(
  stats: Statistics,
): Array<{ name: ChartName; widthMm: number; heightMm: number }> {
  const bars = (rows: number) => Math.min(110, Math.max(55, 26 + rows * 9));
  const out: Array<{ name: ChartName; widthMm: number; heightMm: number }> = [
    { name: 'trend', widthMm: 150, heightMm: 82 },
  ];
  if (stats.byCategory.length > 0)
    out.push({ name: 'category', widthMm: 150, heightMm: bars(Math.min(12, stats.byCategory.length)) });
  if (stats.satisfied.denominator > 0) out.push({ name: 'satisfaction', widthMm: 130, heightMm: 78 });
  if (stats.byDepartment.length > 0)
    out.push({ name: 'department', widthMm: 150, heightMm: bars(Math.min(12, stats.byDepartment.length)) });
  return out;
}

// ── The words ──────────────────────────────────────────────────────────────────────────────────────────────

const cut = (text: string, limit: number): string => {
  const chars = [...text.trim().replace(/\s+/gu, ' ')];
  return chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : chars.join('');
};

/** 57.1%（4/7）, or — when nothing was counted. */
const shareText = (r: Rate): string =>
  r.value === undefined ? '—' : `${percentText(r.value)}（${r.numerator}/${r.denominator}）`;

const unique = (ids: readonly Id[]): Id[] => [...new Set(ids)];

/** Names joined with 、 and a count each: 融资3件、人才1件. */
const namesWithCounts = (rows: ReadonlyArray<{ name: string; n: number }>, unit: string): string =>
  rows.map((r) => `${r.name}${r.n}${unit}`).join('、');

function figureRows(s: Statistics): FigureRow[] {
  const row = (label: string, value: string, key: FigureKey): FigureRow => ({
    label,
    value,
    definition: FIGURE_DEFINITIONS[key],
  });
  const avg = s.averageReplyDays.value;
  return [
    row('召开会议', `${s.meetings.value}场`, 'meetings'),
    row('接待企业', `${s.enterprises.value}家`, 'enterprises'),
    row('企业发言', `${s.speakers.value}人次`, 'speakers'),
    row('收集诉求', `${s.demands.value}件`, 'demands'),
    row('现场解决', `${s.onSite.value}件`, 'onSite'),
    row('需交办', `${s.assigned.value}件`, 'assigned'),
    row('会上转报上级', `${s.escalatedOnSite.value}件`, 'escalatedOnSite'),
    row('交办件', `${s.handedOff.value}件`, 'handedOff'),
    row('按时反馈率', shareText(s.onTime), 'onTime'),
    row('逾期', `${s.overdue.value}件次`, 'overdue'),
    row('办结率', shareText(s.closed), 'closed'),
    row('满意率', shareText(s.satisfied), 'satisfied'),
    row('满意和基本满意率', shareText(s.satisfiedOrBasic), 'satisfiedOrBasic'),
    row('不满意', `${s.unsatisfied.value}件`, 'unsatisfied'),
    row('平均答复用时', avg === undefined ? '—' : `${avg}个工作日`, 'averageReplyDays'),
    row('重办', `${s.redo.value}次`, 'redo'),
    row('转报上级', `${s.escalated.value}件`, 'escalated'),
  ];
}

function basics(s: Statistics, label: string): string[] {
  const out: string[] = [];
  out.push(
    s.meetings.value === 0
      ? `${label}未召开民营企业接待日、政企恳谈会等会议。`
      : `${label}，共召开民营企业接待日、政企恳谈会等会议${s.meetings.value}场，接待企业${s.enterprises.value}家，` +
          `企业发言${s.speakers.value}人次，收集企业诉求${s.demands.value}件。其中，现场解决${s.onSite.value}件，` +
          `需交办${s.assigned.value}件，转报上级${s.escalatedOnSite.value}件。`,
  );
  if (s.byCategory.length > 0)
    out.push(
      `从诉求类别看，${namesWithCounts(
        s.byCategory.map((b) => ({ name: b.name, n: b.count.value })),
        '件',
      )}。`,
    );
  const handling = [`本月交办${s.handedOff.value}件`];
  if (s.onTime.denominator > 0)
    handling.push(
      `答复期限在本月且已到期的办理${s.onTime.denominator}件次，按期答复${s.onTime.numerator}件次，` +
        `按时反馈率${percentText(s.onTime.value)}，逾期${s.overdue.value}件次`,
    );
  else handling.push('本月没有到期的办理事项');
  if (s.closed.denominator > 0)
    handling.push(`本月交办件已办结${s.closed.numerator}件，办结率${percentText(s.closed.value)}`);
  if (s.averageReplyDays.value !== undefined)
    handling.push(`本月收到答复${s.averageReplyDays.replies}件，平均用时${s.averageReplyDays.value}个工作日`);
  out.push(`${handling.join('；')}。`);
  const evaluated = s.satisfied.denominator;
  const basically = s.satisfiedOrBasic.numerator - s.satisfied.numerator;
  out.push(
    (evaluated === 0
      ? '本月没有进行满意度回访'
      : `本月回访${evaluated}件，企业评价满意${s.satisfied.numerator}件、基本满意${basically}件、` +
        `不满意${s.unsatisfied.value}件，满意率${percentText(s.satisfied.value)}，` +
        `满意和基本满意率${percentText(s.satisfiedOrBasic.value)}`) +
      `；因企业不满意重办${s.redo.value}次，转报上级${s.escalated.value}件。`,
  );
  return out;
}

function rankingRows(s: Statistics): RankingRow[] {
  return s.ranking.map((r) => ({
    department: r.deptName,
    handedOff: String(r.handedOff.value),
    due: String(r.onTime.denominator),
    onTime: String(r.onTime.numerator),
    onTimeRate: percentText(r.onTime.value),
    evaluated: String(r.satisfied.denominator),
    satisfiedRate: percentText(r.satisfied.value),
    overdue: String(r.overdue.value),
    redo: String(r.redo.value),
  }));
}

function handling(s: Statistics): string[] {
  if (s.ranking.length === 0) return ['本月没有交办或到期的事项。'];
  const out: string[] = [];
  // The departments leading the most items, when some lead more than one and more than the others.
  const most = s.byDepartment[0]?.count.value ?? 0;
  const top = s.byDepartment.filter((b) => most > 1 && b.count.value === most);
  const leading = top.length < s.byDepartment.length ? top.map((b) => b.name) : [];
  out.push(
    `本月${s.ranking.length}个单位有交办或到期事项` +
      (leading.length > 0
        ? `，牵头交办件最多的是${leading.join('、')}（${leading.length > 1 ? '各' : ''}${most}件）`
        : '') +
      '，各单位办理情况见表2（以按时反馈率、满意率排序）。',
  );
  const allOnTime = s.ranking.filter((r) => r.onTime.denominator > 0 && r.overdue.value === 0);
  const late = s.ranking.filter((r) => r.overdue.value > 0);
  const unhappy = s.ranking.filter((r) => r.satisfied.numerator < r.satisfied.denominator);
  const sentences = [
    allOnTime.length > 0 ? `${allOnTime.map((r) => r.deptName).join('、')}到期事项全部按期答复` : '',
    late.length > 0
      ? `${namesWithCounts(
          late.map((r) => ({ name: r.deptName, n: r.overdue.value })),
          '件次',
        )}逾期`
      : '',
    unhappy.length > 0 ? `${unhappy.map((r) => r.deptName).join('、')}有企业回访评价不满意` : '',
  ].filter((t) => t !== '');
  if (sentences.length > 0) out.push(`${sentences.join('；')}。`);
  return out;
}

/** 11月22日 in the report's year, 2025年12月30日 otherwise. */
const dayIn =
  (year: string) =>
  (d: IsoDate | undefined): string =>
    d === undefined ? '' : d.slice(0, 4) === year ? formatChineseMonthDay(d) : formatChineseDate(d);

const itemName = (item: LedgerItem, demandChars: number): string =>
  `${item.docNumber}（${item.enterpriseName}：${cut(item.demand, demandChars)}）`;

/** 目前红色预警：办理超时（逾期3天）/ 目前已办结. */
const standingText = (item: LedgerItem): string =>
  item.warning === 'none' ? `目前${item.stateText}` : `目前${item.stateText}，${item.warningText}`;

function escalations(s: Statistics, items: ReadonlyMap<Id, LedgerItem>, day: (d?: IsoDate) => string) {
  return s.escalations.map((e, i) => {
    const item = items.get(e.assignmentId);
    const name = item ? itemName(item, 24) : '交办件';
    return `${i + 1}．${name}于${day(e.on)}转报${e.to}，${e.outcome}。`;
  });
}

function typicalCase(
  src: TypicalCaseSource,
  i: number,
  item: LedgerItem,
  steps: readonly EffectiveStep[],
  date: IsoDate,
  day: (d?: IsoDate) => string,
): TypicalCase {
  const replies = steps.filter((s) => s.kind === 'reply' && s.on <= date);
  const callbacks = steps.filter((s) => s.kind === 'callback' && s.on <= date);
  const escalated = steps.filter((s) => s.kind === 'escalate' && s.on <= date).at(-1);
  const words = src.words.filter((w) => w.trim() !== '');
  const result = replies.map((r, n) =>
    r.kind === 'reply'
      ? `${n > 0 ? '重办后，' : ''}${day(r.on)}${r.fromEscalation ? '上级' : item.leadDept}答复：${r.content.trim()}`
      : '',
  );
  if (escalated?.kind === 'escalate') result.unshift(`${day(escalated.on)}转报${escalated.to}`);
  const evaluation = callbacks.map((c, n) =>
    c.kind === 'callback'
      ? `${day(c.on)}${n > 0 ? '再次' : ''}回访，企业评价“${SATISFACTION_LABEL[c.satisfaction]}”` +
        (c.words.trim() ? `：“${c.words.trim()}”` : '')
      : '',
  );
  return {
    heading: `（${chineseNumeral(i + 1)}）${item.enterpriseName}`,
    parts: [
      {
        label: '企业反映',
        text: words.length > 0 ? words.map((w) => `“${w.trim()}”`).join('') : cut(item.demand, 200),
      },
      {
        label: '交办情况',
        text:
          `${day(item.handedOffOn)}交${item.leadDept}牵头办理（${item.docNumber}）` +
          (item.replyDueAt ? `，答复期限${day(item.replyDueAt)}` : '') +
          '。',
      },
      {
        label: '领导批示',
        text: `${src.instruction.trim() || '（无文字批示）'}${src.signer ? `（${src.signer}）` : ''}`,
      },
      {
        label: '办理结果',
        text:
          result.length > 0
            ? `${result.join('；')}${/[。！？]$/u.test(result.at(-1)!) ? '' : '。'}`
            : `截至${day(date)}尚未答复。`,
      },
      {
        label: '企业评价',
        text: evaluation.length > 0 ? `${evaluation.join('；')}。` : '尚未回访。',
      },
    ],
  };
}

/**
 * The rounds of an item that were due in the period, have passed (a round due on the day still has the day: the
 * statistics' rule) and were not answered by their 答复期限.
 */
const lateRounds = (rounds: readonly Round[], id: Id, p: Period, date: IsoDate): Round[] =>
  rounds.filter(
    (r) =>
      r.assignmentId === id &&
      r.due !== undefined &&
      r.due >= p.from &&
      r.due <= p.to &&
      r.due < date &&
      !(r.repliedOn !== undefined && r.repliedOn <= r.due),
  );

function overdueLines(src: MonthlyReportSources, day: (d?: IsoDate) => string): string[] {
  const p = src.stats.period;
  const ids = unique(src.stats.overdue.refs.ids).filter((id) => src.items.has(id));
  const items = ids.map((id) => src.items.get(id)!).sort(byDocNumber);
  return items.map((item, i) => {
    const rounds = lateRounds(src.prepared.rounds, item.assignmentId, p, src.date);
    const late = rounds
      .map(
        (r) =>
          `${r.round > 1 ? `第${r.round}次办理` : ''}答复期限${day(r.due)}，` +
          (r.repliedOn ? `${day(r.repliedOn)}才答复` : `截至${day(src.date)}尚未答复`),
      )
      .join('；');
    return `${i + 1}．${itemName(item, 30)}，${item.leadDept}牵头，${late}；${standingText(item)}。`;
  });
}

function redoLines(src: MonthlyReportSources, day: (d?: IsoDate) => string): string[] {
  const p = src.stats.period;
  const ids = unique(src.stats.redo.refs.ids).filter((id) => src.items.has(id));
  const items = ids.map((id) => src.items.get(id)!).sort(byDocNumber);
  return items.map((item, i) => {
    const redos = (src.prepared.stepsOf.get(item.assignmentId) ?? []).filter(
      (s) => s.kind === 'redo' && s.on >= p.from && s.on <= p.to,
    );
    const what = redos
      .map((s) =>
        s.kind === 'redo'
          ? `${day(s.on)}因企业不满意重办（${s.reason.trim() ? `“${cut(s.reason, 40)}”，` : ''}第${s.round + 1}次办理，` +
            `答复期限${day(s.replyDueAt)}）`
          : '',
      )
      .join('；');
    return `${i + 1}．${itemName(item, 30)}，${item.leadDept}牵头，${what}；${standingText(item)}。`;
  });
}

function listRow(item: LedgerItem, day: (d?: IsoDate) => string): ListRow {
  const i = item.stateText.indexOf('（');
  return {
    docNumber: item.docNumber,
    enterprise: item.enterpriseName,
    demand: cut(item.demand, 40),
    leadDept: item.leadDept,
    handedOffOn: day(item.handedOffOn),
    replyDue: day(item.replyDueAt),
    state:
      i > 0
        ? [item.stateText.slice(0, i), item.stateText.slice(i + 1).replace(/）$/u, '')]
        : [item.stateText],
    repliedOn: item.repliedOn ? day(item.repliedOn) : '未答复',
    callback: item.satisfactionText || '未回访',
  };
}

/** The report's words from the statistics and the 台账 lines. */
export function monthlyReportData(src: MonthlyReportSources): MonthlyReportData {
  const s = src.stats;
  const label = s.period.label;
  const day = dayIn(s.period.to.slice(0, 4));
  const overdue = overdueLines(src, day);
  const redo = redoLines(src, day);
  const list = unique(s.handedOff.refs.ids)
    .map((id) => src.items.get(id))
    .filter((i): i is LedgerItem => i !== undefined)
    .sort(byDocNumber)
    .map((item) => listRow(item, day));
  const cases = src.cases.flatMap((c) => {
    const item = src.items.get(c.assignmentId);
    return item ? [{ c, item }] : [];
  });
  const date = formatChineseDate(src.date);
  return {
    organization: src.organization.name || src.organization.shortName,
    docNumber: src.docNumber,
    titleLines: titleLines(`关于${label}企业诉求`, '办理情况的报告'),
    periodLabel: label,
    intro:
      `为及时掌握企业诉求的收集、交办和办理情况，推动问题解决，现将${label}民营企业接待日、` +
      '政企恳谈会等会议企业诉求办理情况报告如下。',
    basics: basics(s, label),
    figureRows: figureRows(s),
    handling: handling(s),
    ranking: rankingRows(s),
    escalations: escalations(s, src.items, day),
    cases: cases.map(({ c, item }, i) =>
      typicalCase(c, i, item, src.prepared.stepsOf.get(c.assignmentId) ?? [], src.date, day),
    ),
    problemsIntro:
      overdue.length + redo.length === 0
        ? '本月没有逾期未答复和重办的事项。'
        : `本月${[
            overdue.length > 0 ? `有${overdue.length}件交办件未在答复期限内答复` : '',
            redo.length > 0 ? `有${redo.length}件因企业不满意重办` : '',
          ]
            .filter((t) => t !== '')
            .join('，')}，具体如下。`,
    overdue,
    redo,
    nextSteps: src.nextSteps
      .split(/\r?\n/u)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    attachmentTitle: '交办件清单',
    attachmentNote: `（${label}交办，共${list.length}件；日期为${s.period.to.slice(0, 4)}年，状态、答复和回访截至${date}）`,
    list,
    date,
    charts: reportCharts(s).map((c) => c.name),
  };
}

// ── The document ───────────────────────────────────────────────────────────────────────────────────────────

// 版头 as the 催办通知 sets it: the federation in red 小标宋, larger than the title; the 发文字号 centred under it; a
// red rule across the type area 4 mm below the number.
const RED = 'C00000';
const MASTHEAD_SIZE = 52;

function masthead(organization: string, docNumber: string): Paragraph[] {
  return [
    para([run(organization, { face: FACE.title, size: MASTHEAD_SIZE, color: RED })], {
      alignment: AlignmentType.CENTER,
      line: 780,
      after: LINE.body,
      keepNext: true,
    }),
    para([docNumber], {
      alignment: AlignmentType.CENTER,
      keepNext: true,
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 11 } },
      after: LINE.body,
    }),
  ];
}

// Tables in 五号; the definitions of 表1 and the attachment in 小五.
const TABLE_SIZE = 21;
const TABLE_LINE = 320;
const NOTE_SIZE = SIZE.smallFive;
const NOTE_LINE = 270;

/** 表1　主要指标 above a table, 图1　… below a chart: 黑体 4号, centred. */
const caption = (
  text: string,
  spec: { keepNext?: boolean; before?: number; after?: number } = {},
): Paragraph =>
  para([run(text, { face: FACE.heading, size: SIZE.four })], {
    alignment: AlignmentType.CENTER,
    line: LINE.table,
    ...spec,
  });

/** A cell of lines (a forced break between), in `size` on exact lines of `line`. */
const cell = (
  content: string | readonly string[],
  size: number,
  line: number,
  centred: boolean,
  face = FACE.body,
  keepNext = false,
): CellSpec => ({
  children: [
    para(
      (typeof content === 'string' ? [content] : content).map((text, i) =>
        run(text, { face, size, ...(i > 0 ? { break: 1 } : {}) }),
      ),
      // Left, not justified: LibreOffice spreads a narrow column's justified Chinese letter by letter.
      { line, alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT, keepNext },
    ),
  ],
});

/** What a ruled table of the report holds: the header's lines per column, the rows, the sizes. */
interface RuledSpec {
  columns: readonly number[];
  header: ReadonlyArray<readonly string[]>;
  rows: ReadonlyArray<ReadonlyArray<string | readonly string[]>>;
  centred: readonly number[];
  size: number;
  line: number;
  /** Columns set in 小五 whatever the table's size (表1's definitions). */
  small?: readonly number[];
  /** The last row stays on the page of what follows (the table's 注). */
  keepWithNext?: boolean;
}

/** A ruled table with the header repeated on every page; no row split across pages. */
function ruledTable(spec: RuledSpec): Table {
  const centred = new Set(spec.centred);
  const small = new Set(spec.small ?? []);
  const rows: RowSpec[] = [
    {
      cells: spec.header.map((h) => cell(h, spec.size, spec.line, true, FACE.heading)),
      header: true,
      cantSplit: true,
      minHeight: spec.line + 60,
    },
    ...spec.rows.map((r, n) => {
      const keep = spec.keepWithNext === true && n === spec.rows.length - 1;
      return {
        cells: r.map((c, i) =>
          small.has(i)
            ? cell(c, NOTE_SIZE, NOTE_LINE, false, FACE.body, keep)
            : cell(c, spec.size, spec.line, centred.has(i), FACE.body, keep),
        ),
        cantSplit: true,
      };
    }),
  ];
  return fixedTable(spec.columns, rows);
}

const FIGURE_LABEL = columnFor(8, TABLE_SIZE);
const FIGURE_VALUE = columnFor(8, TABLE_SIZE);
/** 表1's grid in twips (exported for tests). */
export const FIGURE_COLUMNS: readonly number[] = [
  FIGURE_LABEL,
  FIGURE_VALUE,
  TEXT_WIDTH - FIGURE_LABEL - FIGURE_VALUE,
];

const figureTable = (rows: readonly FigureRow[]): Table =>
  ruledTable({
    columns: FIGURE_COLUMNS,
    header: [['指标'], ['本月'], ['口径']],
    rows: rows.map((r) => [r.label, r.value, r.definition]),
    centred: [1],
    small: [2],
    keepWithNext: true,
    size: TABLE_SIZE,
    line: TABLE_LINE,
  });

// The figures' columns in characters: two-character headings (按期 / 答复) and counts; 反馈率 and 100% need three.
const RANK_FIGURES = [2.5, 2.5, 2.5, 3, 2.5, 3, 2.5, 2.5].map((chars) => columnFor(chars, TABLE_SIZE));
/** 表2's grid in twips: the department, then eight figures (exported for tests). */
export const RANKING_COLUMNS: readonly number[] = [
  TEXT_WIDTH - RANK_FIGURES.reduce((a, b) => a + b, 0),
  ...RANK_FIGURES,
];

const rankingTable = (rows: readonly RankingRow[]): Table =>
  ruledTable({
    columns: RANKING_COLUMNS,
    header: [
      ['牵头单位'],
      ['交办'],
      ['到期'],
      ['按期', '答复'],
      ['按时', '反馈率'],
      ['回访'],
      ['满意率'],
      ['逾期'],
      ['重办'],
    ],
    rows: rows.map((r) => [
      r.department,
      r.handedOff,
      r.due,
      r.onTime,
      r.onTimeRate,
      r.evaluated,
      r.satisfiedRate,
      r.overdue,
      r.redo,
    ]),
    centred: [1, 2, 3, 4, 5, 6, 7, 8],
    keepWithNext: true,
    size: TABLE_SIZE,
    line: TABLE_LINE,
  });

/**
 * A chart at the size it was rendered for, centred, kept with its caption. The paragraph takes automatic line height
 * (an exact one would clip the picture) and carries an empty run in 4号 so that it stays off the line grid.
 */
function chartParas(chart: ReportChart, n: number): Paragraph[] {
  const title = CHART_TITLE[chart.name];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 60 },
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: mmToPx(chart.widthMm), height: mmToPx(chart.heightMm) },
          altText: { name: title, description: title, title },
        }),
        run('', { size: SIZE.four }),
      ],
    }),
    caption(`图${n}　${title}`, { after: HALF_LINE }),
  ];
}

/** `label：text` with the label in 黑体, as a body paragraph. */
const labelled = (label: string, text: string): Paragraph =>
  bodyPara([run(`${label}：`, { face: FACE.heading }), text], { widowControl: true });

const NOTE_SPEC = {
  line: LINE.small,
  before: 60,
  after: HALF_LINE,
  alignment: AlignmentType.JUSTIFIED,
} as const;

// ── 附件: the 交办件清单 ───────────────────────────────────────────────────────────────────────────────────────

const numberLines = (n: string): string[] =>
  docNumberLines(n).flatMap((part) => {
    const i = part.indexOf('〕');
    return i > 0 && i < part.length - 1 ? [part.slice(0, i + 1), part.slice(i + 1)] : [part];
  });

/** Width in characters of the widest line of the cells, clamped. */
const fit = (cells: ReadonlyArray<string | readonly string[]>, min: number, max: number): number =>
  Math.min(max, Math.max(min, ...cells.flatMap((c) => (typeof c === 'string' ? [c] : c).map(widthOf))));

/** A date of the list on its lines: 11月23日, or 2025年 / 12月30日 in another year. */
const listDate = (d: string): string[] => (d.includes('年') ? dateLines(d) : [d]);

/** The cells of a list row, as the table prints them. */
const listCells = (r: ListRow): Array<string | readonly string[]> => [
  numberLines(r.docNumber),
  r.enterprise,
  r.demand,
  r.leadDept,
  [...listDate(r.handedOffOn), ...listDate(r.replyDue)],
  r.state,
  [...listDate(r.repliedOn), r.callback],
];

const LIST_HEADER = [
  ['文号'],
  ['企业'],
  ['反映问题'],
  ['牵头单位'],
  ['交办日期', '答复期限'],
  ['状态'],
  ['答复日期', '回访结果'],
];
// Which of the list's columns are narrow (fitted to their widest line) and which share the rest.
// A date holds two numbers among Chinese characters, which LibreOffice sets wider still: half a character more.
const LIST_NARROW: ReadonlyArray<{ col: number; min: number; max: number; spare: number }> = [
  { col: 0, min: 3, max: 6, spare: 0.5 },
  { col: 4, min: 4, max: 5, spare: 1 },
  { col: 5, min: 3, max: 5, spare: 0.5 },
  { col: 6, min: 4, max: 5, spare: 1 },
];
const LIST_WIDE: ReadonlyArray<{ col: number; min: number; max: number }> = [
  { col: 1, min: 4, max: 30 },
  { col: 2, min: 6, max: 60 },
  { col: 3, min: 4, max: 16 },
];

/**
 * The attachment's grid in twips, filling the type area: 文号, the dates, 状态 and 回访 as narrow as their widest
 * line (with half a character to spare: LibreOffice sets digits beside Chinese a little wider than the font says);
 * 企业, 反映问题 and 牵头单位 sharing the rest as their text needs it (exported for tests).
 */
export function listColumns(rows: readonly ListRow[]): number[] {
  const cells = [LIST_HEADER, ...rows.map(listCells)];
  const column = (col: number) => cells.map((r) => r[col]!);
  const widths = Array<number>(LIST_HEADER.length).fill(0);
  for (const n of LIST_NARROW)
    widths[n.col] = columnFor(fit(column(n.col), n.min, n.max) + n.spare, NOTE_SIZE);
  const space = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const need = LIST_WIDE.map((w) => fit(column(w.col), w.min, w.max));
  const min = LIST_WIDE.map((w) => columnFor(w.min, NOTE_SIZE));
  const spare = space - min.reduce((a, b) => a + b, 0);
  const total = need.reduce((a, b) => a + b, 0);
  for (const [i, w] of LIST_WIDE.entries()) widths[w.col] = min[i]! + Math.floor((spare * need[i]!) / total);
  // What rounding left over goes to 反映问题.
  widths[2]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const listTableOf = (rows: readonly ListRow[]): Table =>
  ruledTable({
    columns: listColumns(rows),
    header: LIST_HEADER,
    rows: rows.map(listCells),
    centred: [0, 4, 5, 6],
    size: NOTE_SIZE,
    line: NOTE_LINE,
  });

/**
 * 落款 without a seal (GB/T 9704, 7.3.5.2): the date four characters in from the right, the federation's name
 * centred over it (two characters in when it is the longer); kept with what comes before.
 */
function signature(organization: string, date: string): Paragraph[] {
  const name = widthOf(organization);
  const day = widthOf(date);
  const [nameIn, dateIn] = name >= day ? [2, 2 + (name - day) / 2] : [4 + (day - name) / 2, 4];
  return [
    para([organization], {
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(nameIn * CHAR) },
      keepNext: true,
      before: LINE.body,
    }),
    para([date], { alignment: AlignmentType.RIGHT, indent: { right: Math.round(dateIn * CHAR) } }),
  ];
}

/** The report's body, section by section. */
function reportBody(
  data: MonthlyReportData,
  charts: ReadonlyMap<ChartName, ReportChart>,
): Array<Paragraph | Table> {
  let figure = 0;
  const chart = (name: ChartName): Paragraph[] => {
    const c = charts.get(name);
    if (!c || !data.charts.includes(name)) return [];
    figure += 1;
    return chartParas(c, figure);
  };
  const heading = (n: number, text: string) =>
    headingPara(`${chineseNumeral(n)}、${text}`, { keepNext: true });
  const body = (text: string) => bodyPara([text], { widowControl: true });
  const out: Array<Paragraph | Table> = [
    body(data.intro),
    heading(1, '基本情况'),
    ...data.basics.map(body),
    caption('表1　主要指标', { keepNext: true, before: HALF_LINE, after: 60 }),
    figureTable(data.figureRows),
    para(
      [
        run('注：口径为统计分析中各项指标的定义；件次指办理轮次，重办的每一轮单独计算。', {
          size: NOTE_SIZE,
        }),
      ],
      NOTE_SPEC,
    ),
    ...chart('trend'),
    ...chart('category'),
    ...chart('satisfaction'),
    heading(2, '办理情况'),
  ];
  const split = data.escalations.length > 0;
  if (split) out.push(subheadingPara('（一）各单位办理情况', { keepNext: true }));
  out.push(...data.handling.map(body));
  if (data.ranking.length > 0)
    out.push(
      caption('表2　各单位办理情况', { keepNext: true, before: HALF_LINE, after: 60 }),
      rankingTable(data.ranking),
      para(
        [
          run(
            '注：按牵头单位统计；到期指答复期限在本月且已到期的办理轮次；满意率为满意和基本满意之和占回访的比例；' +
              '“—”表示本月没有可计算的事项。',
            { size: NOTE_SIZE },
          ),
        ],
        NOTE_SPEC,
      ),
    );
  out.push(...chart('department'));
  if (split)
    out.push(subheadingPara('（二）转报上级事项', { keepNext: true }), ...data.escalations.map(body));

  out.push(heading(3, '典型案例'));
  if (data.cases.length === 0) out.push(body('本月未选定典型案例。'));
  for (const c of data.cases)
    out.push(subheadingPara(c.heading, { keepNext: true }), ...c.parts.map((p) => labelled(p.label, p.text)));

  out.push(heading(4, '存在问题'), body(data.problemsIntro));
  const groups = [
    { title: '逾期未按期答复', lines: data.overdue },
    { title: '企业不满意重办', lines: data.redo },
  ].filter((g) => g.lines.length > 0);
  // Under headings of their own only when there are both.
  for (const [i, g] of groups.entries())
    out.push(
      ...(groups.length > 1
        ? [subheadingPara(`（${chineseNumeral(i + 1)}）${g.title}`, { keepNext: true })]
        : []),
      ...g.lines.map(body),
    );

  // The last paragraph goes with the 附件说明 and the 落款: a signature never stands on a page without text.
  out.push(
    heading(5, '下一步工作'),
    ...data.nextSteps.map((text, i) =>
      bodyPara([text], { widowControl: true, keepNext: i === data.nextSteps.length - 1 }),
    ),
    bodyPara([`附件：${data.attachmentTitle}`], { keepNext: true, before: LINE.body }),
    ...signature(data.organization, data.date),
  );
  return out;
}

/** 附件 on a page of its own: 附件 at the top left in 黑体, the title, the note, the table. */
function attachment(data: MonthlyReportData): Array<Paragraph | Table> {
  return [
    para([run('附件', { face: FACE.heading })], { pageBreakBefore: true, keepNext: true }),
    titlePara(data.attachmentTitle, { keepNext: true, before: LINE.body }),
    para([run(data.attachmentNote, { face: FACE.subheading })], {
      alignment: AlignmentType.CENTER,
      keepNext: true,
      after: HALF_LINE,
    }),
    data.list.length > 0
      ? listTableOf(data.list)
      : para(['本月没有交办的交办件。'], { alignment: AlignmentType.CENTER }),
  ];
}

/** The 以月答卷 as .docx bytes; `charts` as `reportCharts` asks for them (a missing one is left out). */
export async function buildMonthlyReport(
  data: MonthlyReportData,
  charts: readonly ReportChart[],
): Promise<Uint8Array> {
  const byName = new Map(charts.map((c) => [c.name, c]));
  const children: Array<Paragraph | Table> = [
    ...masthead(data.organization, data.docNumber),
    ...data.titleLines.map((line, i) =>
      titlePara(line, { keepNext: true, ...(i === data.titleLines.length - 1 ? { after: LINE.body } : {}) }),
    ),
    ...reportBody(data, byName),
    ...attachment(data),
  ];
  const doc = gbDocument(
    { title: `${data.docNumber} ${data.titleLines.join('')}`, creator: data.organization },
    [gbSection(children)],
  );
  return packDocument(doc);
}
