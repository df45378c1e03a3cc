/**
 * 回复登记表 back from the departments: read each workbook (reply-form.ts made it), match its rows to 交办件 by 文号,
 * check them against the department the form was made for and the item as it stands, and say per row what it will
 * record — an 答复 (回复方式 U盘回执), a 进展, or nothing — or why not, naming the file and the row, in Chinese.
 * Nothing is written here: the store applies the rows the secretary confirms, in one transaction.
 *
 * Every recorded step carries a receipt (form id, 文号 and a hash of what the row says): a row already recorded is
 * recognised and records nothing, so importing the same file twice is harmless; a row changed since (办理中 that is
 * now 已办结) records again.
 */
import ExcelJS from 'exceljs';
import { cellText } from '../directory/xlsx';
import { XLSX_LIMITS, zipSizeProblem, type ZipLimits } from '../directory/zip-guard';
import { checkStep, handedOffOn, type StepInput } from '../domain/follow-up';
import { parseDocNumber } from '../domain/doc-number';
import { toHalfWidth } from '../domain/half-width';
import { ASSIGNMENT_STATUS_LABEL } from '../domain/labels';
import { compareIsoDates, isValidIsoDate } from '../domain/workdays';
import type { Assignment, FollowUpStep, Id, IsoDate } from '../domain/types';
import {
  FILL_HEADERS,
  META_ITEM_HEADERS,
  REPLY_FORM_FORMAT,
  REPLY_FORM_VERSION,
  REPLY_META_SHEET,
  REPLY_SHEET,
  REPLY_STATUS,
} from './reply-form';

/** A workbook that cannot be taken as a 回复登记表; the message names the file. */
export class ReplyFormError extends Error {
  override name = 'ReplyFormError';
}

/**
 * A department's form holds tens of rows (a thousand would inflate to a few MB): anything near the directory's
 * 300 MB is not a returned form, and reading it would hold the screen. Refused before it is inflated.
 */
export const REPLY_FORM_LIMITS: ZipLimits = { ...XLSX_LIMITS, maxTotalBytes: 30 * 1024 * 1024 };

/** What the form said an item was when it was made (the locked cells). */
export interface ExportedItem {
  docNumber: string;
  assignmentId: Id;
  round: number;
  enterpriseName: string;
  demand: string;
  handedOffOn: string;
  replyDueAt: string;
}

/** One filled row as read (texts as the department sees them in Excel). */
export interface FilledRow {
  /** The Excel row number. */
  rowNumber: number;
  docNumber: string;
  enterpriseName: string;
  demand: string;
  handedOffOn: string;
  replyDueAt: string;
  status: string;
  situation: string;
  result: string;
  handler: string;
  phone: string;
  doneOn: string;
}

/** A 回复登记表 read from its file. */
export interface ReplyForm {
  fileName: string;
  formId: string;
  deptId: Id;
  deptName: string;
  exportedOn: string;
  /** The items as exported, by 文号 (normalised, see `docKey`). */
  exported: Map<string, ExportedItem>;
  rows: FilledRow[];
}

/** 文号 compared the way people type it: half-width, no spaces, the year's brackets and a 第 not mattering. */
export function docKey(text: string): string {
  const parsed = parseDocNumber(text);
  if (parsed) return `${parsed.prefix.replace(/\s+/g, '')}〔${parsed.year}〕${parsed.seq}号`;
  return toHalfWidth(text).replace(/\s+/g, '');
}

const LOCKED_HEADERS = ['文号', '企业名称', '反映问题', '交办日期', '答复期限'] as const;
type Header = (typeof LOCKED_HEADERS)[number] | (typeof FILL_HEADERS)[number];

/** Read a returned 回复登记表; throws `ReplyFormError` saying (in Chinese) why the file is not one. */
export async function readReplyForm(fileName: string, bytes: Uint8Array): Promise<ReplyForm> {
  const fail = (why: string): never => {
    throw new ReplyFormError(`“${fileName}”${why}`);
  };
  if (/\.(xls|et|wps|csv)$/i.test(fileName))
    fail('是旧格式或文本文件；请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入');
  if (!/\.xlsx$/i.test(fileName)) fail('不是 .xlsx 文件；请选择本系统导出、由承办单位填好的回复登记表');
  const tooLarge = zipSizeProblem(bytes, REPLY_FORM_LIMITS);
  if (tooLarge) fail(`无法读取：${tooLarge}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    fail('不完整或已损坏，无法作为 Excel 工作簿读取；请承办单位在 Excel 或 WPS 中打开并重新保存为 .xlsx');
  }
  const meta = workbook.getWorksheet(REPLY_META_SHEET);
  // A department may rename the sheet: then the first other sheet is the form.
  const sheet =
    workbook.getWorksheet(REPLY_SHEET) ?? workbook.worksheets.find((w) => w.name !== REPLY_META_SHEET);
  const text = (ws: ExcelJS.Worksheet, row: number, col: number) =>
    cellText(ws.getRow(row).getCell(col).value, ws.getRow(row).getCell(col).numFmt).trim();
  if (!meta || text(meta, 1, 2) !== REPLY_FORM_FORMAT)
    fail('不是本系统导出的回复登记表（缺少登记表信息）；请使用从“跟踪督办”导出的回复登记表填写');
  const m = meta as ExcelJS.Worksheet;
  if (Number(text(m, 2, 2)) > REPLY_FORM_VERSION) fail('由更新版本的恳谈会务台导出，请先升级本软件');
  if (!sheet) fail(`缺少“${REPLY_SHEET}”工作表`);
  const s = sheet as ExcelJS.Worksheet;

  const exported = new Map<string, ExportedItem>();
  let headerAt = 0;
  for (let r = 1; r <= Math.min(m.rowCount, 20); r++)
    if (text(m, r, 1) === META_ITEM_HEADERS[0]) headerAt = r;
  if (headerAt === 0) fail('的登记表信息不完整');
  for (let r = headerAt + 1; r <= m.rowCount; r++) {
    const docNumber = text(m, r, 1);
    if (!docNumber) continue;
    exported.set(docKey(docNumber), {
      docNumber,
      assignmentId: text(m, r, 2),
      round: Number(text(m, r, 3)) || 1,
      enterpriseName: text(m, r, 4),
      demand: text(m, r, 5),
      handedOffOn: text(m, r, 6),
      replyDueAt: text(m, r, 7),
    });
  }

  // The header row: the columns are found by their names, wherever they are.
  const columns = new Map<Header, number>();
  let header = 0;
  for (let r = 1; r <= Math.min(s.rowCount, 10) && header === 0; r++) {
    if (text(s, r, 1) !== '文号') continue;
    header = r;
    s.getRow(r).eachCell((cell, col) => {
      const name = cellText(cell.value).trim() as Header;
      if (
        (LOCKED_HEADERS as readonly string[]).includes(name) ||
        (FILL_HEADERS as readonly string[]).includes(name)
      )
        columns.set(name, col);
    });
  }
  const missing = [...LOCKED_HEADERS.slice(0, 1), ...FILL_HEADERS].filter((h) => !columns.has(h));
  if (header === 0 || missing.length > 0)
    fail(
      `的表头缺少${(header === 0 ? ['文号'] : missing).map((h) => `“${h}”`).join('、')}列；请使用导出的原表填写`,
    );

  const rows: FilledRow[] = [];
  const at = (r: number, h: Header) => {
    const col = columns.get(h);
    return col === undefined ? '' : text(s, r, col);
  };
  for (let r = header + 1; r <= s.rowCount; r++) {
    const row: FilledRow = {
      rowNumber: r,
      docNumber: at(r, '文号'),
      enterpriseName: at(r, '企业名称'),
      demand: at(r, '反映问题'),
      handedOffOn: at(r, '交办日期'),
      replyDueAt: at(r, '答复期限'),
      status: at(r, '办理状态'),
      situation: at(r, '办理情况'),
      result: at(r, '办理结果'),
      handler: at(r, '经办人'),
      phone: at(r, '联系电话'),
      doneOn: at(r, '办结日期'),
    };
    if (Object.entries(row).every(([k, v]) => k === 'rowNumber' || v === '')) continue;
    rows.push(row);
  }
  return {
    fileName,
    formId: text(m, 3, 2),
    deptId: text(m, 4, 2),
    deptName: text(m, 5, 2),
    exportedOn: text(m, 6, 2),
    exported,
    rows,
  };
}

/** A date as people type it — 2026-12-01, 2026/12/1, 2026.12.1, 2026年12月1日, 20261201 — or undefined. */
export function looseDate(text: string): IsoDate | undefined {
  const t = toHalfWidth(text).trim();
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))$/.exec(t);
  if (!m) return undefined;
  const month = m[2] ?? m[4];
  const day = m[3] ?? m[5];
  const iso = `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/** What a row will do. */
export type RowOutcome = 'reply' | 'progress' | 'nothing' | 'error';

/** One row of the preview. */
export interface PlannedRow {
  fileName: string;
  rowNumber: number;
  docNumber: string;
  enterpriseName: string;
  outcome: RowOutcome;
  assignmentId?: Id;
  /** The step to record (reply / progress). */
  input?: StepInput;
  /** What it will record, or why not, in Chinese. */
  message: string;
  /** Worth a look before confirming (a locked cell edited …): such rows are not ticked by default. */
  warnings: string[];
}

/** One file of the preview. */
export interface PlannedFile {
  fileName: string;
  deptName: string;
  /** The file could not be read as a 回复登记表 (its rows are then empty). */
  error?: string;
  rows: PlannedRow[];
}

/** The preview of an import. */
export interface ReplyImportPlan {
  files: PlannedFile[];
  counts: Record<RowOutcome, number>;
}

/** The items as they stand, by id, and the 文号 index. */
export interface ImportContext {
  items: ReadonlyMap<Id, { assignment: Assignment; steps: readonly FollowUpStep[] }>;
  /** `docKey(文号)` → item id. */
  byDoc: ReadonlyMap<string, Id>;
  departmentName: (id: Id) => string;
  today: IsoDate;
}

/** A short, stable hash of a text (53-bit, hex): enough to tell one filled row from another. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

const LOCKED_CHECKS: ReadonlyArray<[keyof ExportedItem & keyof FilledRow, string]> = [
  ['enterpriseName', '企业名称'],
  ['demand', '反映问题'],
  ['handedOffOn', '交办日期'],
  ['replyDueAt', '答复期限'],
];

const filled = (r: FilledRow) =>
  [r.status, r.situation, r.result, r.handler, r.phone, r.doneOn].some((v) => v !== '');

/** The preview of importing these forms (read ones, and files that could not be read with their reason). */
export function planReplyImport(
  forms: ReadonlyArray<ReplyForm | { fileName: string; error: string }>,
  ctx: ImportContext,
): ReplyImportPlan {
  const counts: Record<RowOutcome, number> = { reply: 0, progress: 0, nothing: 0, error: 0 };
  const seen = new Map<string, string>();
  const formsSeen = new Map<string, string>();
  const files: PlannedFile[] = forms.map((form) => {
    if ('error' in form) return { fileName: form.fileName, deptName: '', error: form.error, rows: [] };
    const again = formsSeen.get(form.formId);
    if (again)
      return {
        fileName: form.fileName,
        deptName: form.deptName,
        error: `与“${again}”是同一张回复登记表，本次只导入其中一份`,
        rows: [],
      };
    formsSeen.set(form.formId, form.fileName);
    const rows = form.rows.map((row) => {
      const planned = planRow(form, row, ctx, seen);
      counts[planned.outcome] += 1;
      return planned;
    });
    return { fileName: form.fileName, deptName: form.deptName, rows };
  });
  return { files, counts };
}

function planRow(form: ReplyForm, row: FilledRow, ctx: ImportContext, seen: Map<string, string>): PlannedRow {
  const base = {
    fileName: form.fileName,
    rowNumber: row.rowNumber,
    docNumber: row.docNumber,
    enterpriseName: row.enterpriseName,
    warnings: [] as string[],
  };
  const error = (message: string): PlannedRow => ({ ...base, outcome: 'error', message });
  const nothing = (message: string, assignmentId?: Id): PlannedRow => ({
    ...base,
    outcome: 'nothing',
    message,
    ...(assignmentId ? { assignmentId } : {}),
  });

  if (!row.docNumber) return filled(row) ? error('文号为空，无法对应交办件') : nothing('空行');
  const key = docKey(row.docNumber);
  const id = ctx.byDoc.get(key);
  const state = id === undefined ? undefined : ctx.items.get(id);
  if (!id || !state) return error(`文号“${row.docNumber}”不存在，请核对`);
  const a = state.assignment;
  base.enterpriseName ||= form.exported.get(key)?.enterpriseName ?? '';
  if (a.leadDeptId !== form.deptId)
    return error(
      `“${row.docNumber}”由${ctx.departmentName(a.leadDeptId) || '其他单位'}牵头，不是本表（${form.deptName}）的事项`,
    );
  const where = `“${form.fileName}”第${row.rowNumber}行`;
  const earlier = seen.get(key);
  if (earlier) return error(`“${row.docNumber}”已在${earlier}出现，同一事项只导入一次`);
  seen.set(key, where);

  const exported = form.exported.get(key);
  if (!exported) base.warnings.push('导出时不在本表中（之后新增的事项）');
  else
    for (const [field, label] of LOCKED_CHECKS)
      if (row[field] !== exported[field] && !(row[field] === '' && exported[field] === ''))
        base.warnings.push(`“${label}”是锁定内容，已被改动；以台账为准，改动不导入`);

  if (!filled(row)) return nothing('未填写，不登记', id);
  if (a.status === 'closed' || a.status === 'written_off')
    return error(
      `该事项${ASSIGNMENT_STATUS_LABEL[a.status]}（${a.writtenOffOn ?? a.closedOn ?? ''}），无需再登记`,
    );

  let status = row.status;
  if (!status) {
    status = row.result ? REPLY_STATUS.done : REPLY_STATUS.working;
    base.warnings.push(`未选择办理状态，按“${status}”处理`);
  }
  const receiptOf = (what: string) =>
    `${form.formId}/${key}/${textHash([status, row.situation, row.result, row.handler, row.phone, what].join('\u0001'))}`;

  let input: StepInput;
  if (status === REPLY_STATUS.done || status === REPLY_STATUS.unable) {
    if (!row.result) return error('办理结果为空：已办结的事项须填写办理结果');
    if (!row.handler) return error('经办人为空');
    if (!row.doneOn) return error('办结日期为空');
    const on = looseDate(row.doneOn);
    if (!on) return error(`办结日期“${row.doneOn}”无法识别，请按“2026-12-01”的格式填写`);
    const start = handedOffOn(a);
    if (start && compareIsoDates(on, start) < 0) return error(`办结日期${on}早于交办日期（${start}）`);
    const parts = [
      status === REPLY_STATUS.unable ? '【无法解决，已向企业解释】' : '',
      row.situation ? `办理情况：${row.situation}\n办理结果：${row.result}` : row.result,
    ];
    input = {
      kind: 'reply',
      on,
      content: parts.join(''),
      handler: row.handler,
      phone: row.phone,
      way: 'usb',
      receipt: receiptOf(on),
    };
  } else if (status === REPLY_STATUS.working) {
    if (!row.situation) return error('办理情况为空：办理中的事项须填写办理情况');
    const contact = [row.handler ? `经办人${row.handler}` : '', row.phone ? `电话${row.phone}` : '']
      .filter(Boolean)
      .join('，');
    input = {
      kind: 'progress',
      on: ctx.today,
      note: `${row.situation}${contact ? `（${contact}）` : ''}`,
      receipt: receiptOf(''),
    };
  } else {
    return error(`办理状态“${status}”无法识别，请从列表中选择：${Object.values(REPLY_STATUS).join('、')}`);
  }

  const receipt = (input as { receipt?: string }).receipt;
  const before = state.steps.find((s) => 'receipt' in s && s.receipt === receipt);
  if (before) return nothing(`已于${before.on}导入，不再重复登记`, id);
  const problem = checkStep(a, input, ctx.today, state.steps);
  if (problem) {
    if (input.kind === 'reply' && a.status === 'replied')
      return error(`该事项已登记答复（${a.repliedOn ?? ''}），如需更正请在督办事项页更正`);
    if (a.status === 'replied' || a.status === 'evaluated')
      return error(
        `该事项已登记答复（${a.repliedOn ?? ''}）${a.status === 'evaluated' ? '并已回访' : '，等待回访'}，不能再登记${input.kind === 'reply' ? '答复' : '进展'}`,
      );
    // The step's own date is the form's 办结日期.
    return error(input.kind === 'reply' && problem.startsWith('日期') ? `办结${problem}` : problem);
  }
  const message =
    input.kind === 'reply'
      ? `登记答复（U盘回执，${input.on}，经办人${input.handler}）`
      : `登记进展（${input.on}）：${input.note.slice(0, 40)}${input.note.length > 40 ? '…' : ''}`;
  return { ...base, outcome: input.kind, assignmentId: id, input, message };
}
