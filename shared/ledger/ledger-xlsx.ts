/**
 * 台账 workbook: one row per 交办件 with every field of the board and its latest steps, on a sheet per state —
 * 全部, 在办, 逾期, 已办结 — and a 按单位汇总 sheet (reconcile.ts). What the board was narrowed to when it was
 * exported is said under each title. Load with `import()` (exceljs).
 */
import ExcelJS from 'exceljs';
import { departmentTallies, totalTally, type DepartmentTally } from './reconcile';
import { BLANK_LEDGER_ITEM, isOpenItem, isOverdueItem, type LedgerItem } from './ledger-item';
import {
  cellValue,
  printArea,
  rowHeight,
  sheetHead,
  workbookBytes,
  writeRow,
  type SheetColumn,
} from './sheet-style';
import { writeRows, type RowValue, type SheetRows } from './sheet-rows';
import { formatChineseDate } from '../domain/deadlines';
import type { Department, IsoDate, Warning } from '../domain/types';

/** What the 台账 is made from. */
export interface LedgerWorkbookInput {
  /** The federation, for the titles (青溪区工商联). */
  organization: string;
  items: readonly LedgerItem[];
  departments: readonly Pick<Department, 'id' | 'name' | 'order'>[];
  /** The day it was made (China time). */
  today: IsoDate;
  /** What the board was narrowed to, in words (empty: everything). */
  filterText: string;
}

/**
 * The 台账's columns, left to right: 文号 first (it stays in view), then what a printed 台账 shows
 * (`LEDGER_PRINT_COLUMNS` of them, one A4 page wide), then the rest of the record.
 */
export const LEDGER_COLUMNS: readonly SheetColumn<LedgerItem>[] = [
  { header: '文号', value: (i) => i.docNumber, min: 14, max: 24 },
  { header: '企业名称', value: (i) => i.enterpriseName, wrap: 20 },
  { header: '反映问题', value: (i) => i.demand, wrap: 32 },
  { header: '牵头单位', value: (i) => i.leadDept, max: 14 },
  { header: '交办日期', value: (i) => i.handedOffOn, kind: 'date' },
  { header: '答复期限', value: (i) => i.replyDueAt, kind: 'date' },
  { header: '办理状态', value: (i) => i.stateText, wrap: 12 },
  { header: '预警', value: (i) => i.warningText, wrap: 18 },
  { header: '答复日期', value: (i) => i.repliedOn, kind: 'date' },
  { header: '答复内容', value: (i) => i.replyContent, wrap: 32 },
  { header: '回访结果', value: (i) => i.satisfactionText, max: 10 },
  { header: '办结日期', value: (i) => i.closedOn, kind: 'date' },
  { header: '销号日期', value: (i) => i.writtenOffOn, kind: 'date' },
  { header: '会议', value: (i) => i.meetingTitle, wrap: 24 },
  { header: '会议日期', value: (i) => i.meetingDate, kind: 'date' },
  { header: '统一社会信用代码', value: (i) => i.creditCode, kind: 'code', min: 20 },
  { header: '问题类别', value: (i) => i.categories, max: 16 },
  { header: '协办单位', value: (i) => i.coDepts, wrap: 18 },
  { header: '牵头领导', value: (i) => i.leadLeader, max: 22 },
  { header: '领导批示', value: (i) => i.instruction, wrap: 30 },
  { header: '逾期天数', value: (i) => (i.daysOverdue > 0 ? i.daysOverdue : undefined), kind: 'number' },
  { header: '重办次数', value: (i) => (i.redoRounds > 0 ? i.redoRounds : undefined), kind: 'number' },
  { header: '答复方式', value: (i) => i.replyWay, max: 10 },
  { header: '经办人', value: (i) => i.replyHandler, max: 12 },
  { header: '联系电话', value: (i) => i.replyPhone, kind: 'code', min: 14 },
  { header: '最近进展日期', value: (i) => i.lastProgressOn, kind: 'date', min: 14 },
  { header: '最近进展', value: (i) => i.lastProgress, wrap: 30 },
  { header: '回访日期', value: (i) => i.callbackOn, kind: 'date' },
  { header: '企业意见', value: (i) => i.callbackWords, wrap: 30 },
  { header: '转报单位', value: (i) => i.escalatedTo, wrap: 20 },
  { header: '最近催办', value: (i) => i.urgedOn, kind: 'date' },
];

/** How many of the columns a printed 台账 shows (文号 … 销号日期). */
export const LEDGER_PRINT_COLUMNS = 13;

/** The sheets by state, in tab order, with what each holds. */
export const LEDGER_SHEETS: ReadonlyArray<{ name: string; keep: (i: LedgerItem) => boolean }> = [
  { name: '全部', keep: () => true },
  { name: '在办', keep: isOpenItem },
  { name: '逾期', keep: isOverdueItem },
  { name: '已办结', keep: (i) => !isOpenItem(i) },
];

export const SUMMARY_SHEET = '按单位汇总';

const SUMMARY_COLUMNS: readonly SheetColumn<DepartmentTally>[] = [
  { header: '牵头单位', value: (t) => t.deptName, min: 16, max: 24 },
  { header: '交办', value: (t) => t.handedOver, kind: 'number' },
  { header: '已答复', value: (t) => t.replied, kind: 'number' },
  { header: '逾期答复', value: (t) => t.repliedLate, kind: 'number' },
  { header: '满意', value: (t) => t.satisfied, kind: 'number' },
  { header: '基本满意', value: (t) => t.basically, kind: 'number' },
  { header: '不满意', value: (t) => t.unsatisfied, kind: 'number' },
  { header: '待销号（已办结）', value: (t) => t.awaitingWriteOff, kind: 'number', min: 12 },
  { header: '已销号', value: (t) => t.writtenOff, kind: 'number' },
  { header: '未办结', value: (t) => t.outstanding, kind: 'number' },
  { header: '其中逾期', value: (t) => t.overdue, kind: 'number' },
  { header: '重办', value: (t) => t.redone, kind: 'number' },
  { header: '转报上级', value: (t) => t.escalated, kind: 'number' },
  { header: '清零', value: (t) => (t.cleared ? '已清零' : '未清零'), max: 10 },
];

/** The looks a data row can have: its 预警 cell plain, yellow or red. */
const TEMPLATE_WARNINGS: readonly Warning[] = ['none', 'yellow', 'red'];

const WARNING_FILL: Record<'yellow' | 'red', ExcelJS.Fill> = {
  yellow: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
  red: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } },
};

/** The workbook's file name: 台账-YYYYMMDD.xlsx (the caller makes it safe). */
export const ledgerFileStem = (organization: string, today: IsoDate): string =>
  `${organization ? `${organization}` : ''}交办事项台账-${today.replaceAll('-', '')}`;

/** The 台账 as .xlsx bytes. */
export async function buildLedgerXlsx(input: LedgerWorkbookInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '恳谈会务台';
  workbook.title = `${input.organization}交办事项台账`;
  const made = `导出日期：${formatChineseDate(input.today)}`;
  const scope = input.filterText ? `范围：${input.filterText}` : '范围：全部交办件';
  const warningColumn = LEDGER_COLUMNS.findIndex((c) => c.header === '预警') + 1;

  // Each state sheet is laid out by exceljs with three template rows (正常, 黄色预警, 红色预警); its rows are then
  // written straight into the sheet XML in their style (sheet-rows.ts): ten years in seconds, not a minute.
  const template = input.items[0] ?? BLANK_LEDGER_ITEM;
  const rowsBySheet: SheetRows[] = [];
  LEDGER_SHEETS.forEach(({ name, keep }, index) => {
    const items = input.items.filter(keep);
    const sheet = workbook.addWorksheet(name);
    const head = sheetHead(sheet, LEDGER_COLUMNS, items.length > 0 ? items : [template], {
      title: `${input.organization}交办事项台账（${name}）`,
      subtitle: `${made}　${scope}　共${items.length}件`,
      freezeFirstColumn: true,
      filter: true,
      printColumns: LEDGER_PRINT_COLUMNS,
    });
    TEMPLATE_WARNINGS.forEach((warning, t) => {
      const row = writeRow(sheet, head + 1 + t, LEDGER_COLUMNS, template);
      if (warning !== 'none') row.getCell(warningColumn).fill = WARNING_FILL[warning];
    });
    printArea(sheet, LEDGER_PRINT_COLUMNS, head + items.length);
    rowsBySheet.push({
      part: `xl/worksheets/sheet${index + 1}.xml`,
      templateRows: TEMPLATE_WARNINGS.map((_, t) => head + 1 + t),
      firstRow: head + 1,
      rows: items.map((item) => ({
        values: LEDGER_COLUMNS.map((c) => cellValue(c, item) as RowValue),
        template: TEMPLATE_WARNINGS.indexOf(item.warning),
        height: rowHeight(LEDGER_COLUMNS, item),
      })),
    });
  });

  const tallies = departmentTallies(input.items, input.departments);
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  const lines = [...tallies, totalTally(tallies)];
  const head = sheetHead(sheet, SUMMARY_COLUMNS, lines, {
    title: `${input.organization}交办事项按单位汇总`,
    subtitle: `${made}　${scope}　按牵头单位统计`,
    freezeFirstColumn: true,
    filter: false,
  });
  lines.forEach((t, i) => {
    const row = writeRow(sheet, head + 1 + i, SUMMARY_COLUMNS, t);
    if (i === lines.length - 1) row.font = { name: '宋体', size: 10.5, bold: true };
  });
  return writeRows(await workbookBytes(workbook), rowsBySheet, LEDGER_COLUMNS.length);
}
