/**
 * 回复登记表: one workbook per department holding the 交办件 waiting for its reply (已交办, 重办中), carried to it on a USB stick and back. The
 * department fills the white cells (办理状态 from a list, 办理情况, 办理结果, 经办人, 联系电话, 办结日期 checked as a
 * date); the grey ones (文号, 企业, 反映问题, 交办日期, 答复期限) are locked by the sheet's protection. A very hidden
 * sheet keeps what the form was made for — its id, the department, and each item's locked text as exported — so
 * the import (reply-import.ts) can tell the department, the items and any edit of a locked cell.
 *
 * The protection has no password: it stops a slip of the keyboard, not a department determined to change the text;
 * such an edit is found on import and ignored. Load with `import()` (exceljs).
 */
import ExcelJS from 'exceljs';
import type { LedgerItem } from './ledger-item';
import {
  DATE_FORMAT,
  LOCKED_FILL,
  sheetHead,
  workbookBytes,
  writeRow,
  type SheetColumn,
} from './sheet-style';
import { formatChineseDate } from '../domain/deadlines';
import { xmlSafe } from '../domain/xml-safe';
import type { Department, IsoDate } from '../domain/types';

/** The sheet the department fills, and the hidden one that says what the form was made for. */
export const REPLY_SHEET = '回复登记表';
export const REPLY_META_SHEET = '登记表信息';
/** Written in the hidden sheet: a workbook without it was not made by this app. */
export const REPLY_FORM_FORMAT = 'kentan-reply-form';
export const REPLY_FORM_VERSION = 1;

/** 办理状态 as the list offers them. */
export const REPLY_STATUS = {
  done: '已办结',
  working: '办理中',
  unable: '无法解决（已解释）',
} as const;
export type ReplyStatusText = (typeof REPLY_STATUS)[keyof typeof REPLY_STATUS];

/** The columns the department fills, by header. */
export const FILL_HEADERS = ['办理状态', '办理情况', '办理结果', '经办人', '联系电话', '办结日期'] as const;

/** A row of the form: the item, and (on import) what the department wrote. */
type FormRow = LedgerItem;

/** The form's columns: the locked ones, then those the department fills. */
export const REPLY_COLUMNS: readonly (SheetColumn<FormRow> & { locked: boolean })[] = [
  { header: '文号', value: (i) => i.docNumber, min: 14, max: 24, locked: true },
  { header: '企业名称', value: (i) => i.enterpriseName, wrap: 18, locked: true },
  { header: '反映问题', value: (i) => i.demand, wrap: 30, locked: true },
  { header: '交办日期', value: (i) => i.handedOffOn, kind: 'date', locked: true },
  { header: '答复期限', value: (i) => i.replyDueAt, kind: 'date', locked: true },
  { header: '办理状态', value: () => undefined, min: 16, locked: false },
  { header: '办理情况', value: () => undefined, wrap: 28, locked: false },
  { header: '办理结果', value: () => undefined, wrap: 28, locked: false },
  { header: '经办人', value: () => undefined, min: 10, locked: false },
  { header: '联系电话', value: () => undefined, kind: 'code', min: 15, locked: false },
  { header: '办结日期', value: () => undefined, kind: 'date', locked: false },
];

/** The hidden sheet's item table, below its facts. */
export const META_ITEM_HEADERS = [
  '文号',
  '交办件编号',
  '办理轮次',
  '企业名称',
  '反映问题',
  '交办日期',
  '答复期限',
];

/** What a form is made from. */
export interface ReplyFormInput {
  organization: string;
  department: Pick<Department, 'id' | 'name'>;
  /** The items waiting for the department's reply (ledger-item.ts `awaitsDepartment`). */
  items: readonly LedgerItem[];
  today: IsoDate;
  /** A fresh id for this form (the import tells forms apart by it). */
  formId: string;
}

/** The file name's stem: 回复登记表-区财政局-20261130. */
export const replyFormStem = (department: string, today: IsoDate): string =>
  `回复登记表-${department}-${today.replaceAll('-', '')}`;

const dateFormula = (day: IsoDate) =>
  `DATE(${Number(day.slice(0, 4))},${Number(day.slice(5, 7))},${Number(day.slice(8, 10))})`;

/** The 回复登记表 of one department as .xlsx bytes. */
export async function buildReplyForm(input: ReplyFormInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '恳谈会务台';
  workbook.title = `${input.department.name}${REPLY_SHEET}`;
  const sheet = workbook.addWorksheet(REPLY_SHEET);
  const head = sheetHead(sheet, REPLY_COLUMNS, input.items, {
    title: `${input.organization}交办事项${REPLY_SHEET}`,
    subtitle:
      `承办单位：${input.department.name}　导出日期：${formatChineseDate(input.today)}　共${input.items.length}件。` +
      `请在白色单元格填写：办理状态选“${REPLY_STATUS.done}”或“${REPLY_STATUS.unable}”时，须填写办理结果、经办人和办结日期；` +
      `选“${REPLY_STATUS.working}”时填写办理情况。灰色为交办内容，请勿改动。填好后保存为 .xlsx，送回${input.organization}。`,
    freezeFirstColumn: true,
    filter: false,
  });
  sheet.getRow(2).height = 48;
  const statusList = `"${Object.values(REPLY_STATUS).join(',')}"`;
  input.items.forEach((item, i) => {
    const row = writeRow(sheet, head + 1 + i, REPLY_COLUMNS, item);
    // Room to write: a printed form is filled by hand as often as on screen.
    row.height = Math.max(row.height ?? 0, 48);
    REPLY_COLUMNS.forEach((c, col) => {
      const cell = row.getCell(col + 1);
      if (c.locked) {
        cell.fill = LOCKED_FILL;
        return;
      }
      cell.protection = { locked: false };
      if (c.header === '办理状态')
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [statusList],
          showErrorMessage: true,
          errorTitle: '办理状态',
          error: `请从列表中选择：${Object.values(REPLY_STATUS).join('、')}`,
        };
      if (c.header === '办结日期') {
        const from = item.handedOffOn ?? input.today;
        cell.numFmt = DATE_FORMAT;
        // A custom rule (exceljs writes `date` bounds only as fixed days): a date from the handoff to today.
        const at = cell.address;
        cell.dataValidation = {
          type: 'custom',
          allowBlank: true,
          formulae: [`AND(ISNUMBER(${at}),${at}>=${dateFormula(from)},${at}<=TODAY())`],
          showErrorMessage: true,
          errorTitle: '办结日期',
          error: `请填写${from}至今天之间的日期，如${input.today}`,
          showInputMessage: true,
          promptTitle: '办结日期',
          prompt: '格式如 2026-12-01',
        };
      }
    });
  });
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  const meta = workbook.addWorksheet(REPLY_META_SHEET, { state: 'veryHidden' });
  const facts: Array<[string, string | number]> = [
    ['格式', REPLY_FORM_FORMAT],
    ['版本', REPLY_FORM_VERSION],
    ['表单编号', input.formId],
    ['单位编号', input.department.id],
    ['单位名称', input.department.name],
    ['导出日期', input.today],
  ];
  facts.forEach(([k, v], i) => (meta.getRow(i + 1).values = [k, typeof v === 'string' ? xmlSafe(v) : v]));
  meta.getRow(facts.length + 2).values = META_ITEM_HEADERS;
  input.items.forEach((item, i) => {
    meta.getRow(facts.length + 3 + i).values = [
      item.docNumber,
      item.assignmentId,
      item.round,
      xmlSafe(item.enterpriseName),
      xmlSafe(item.demand),
      item.handedOffOn ?? '',
      item.replyDueAt ?? '',
    ];
  });
  await meta.protect('', {});
  return workbookBytes(workbook);
}
