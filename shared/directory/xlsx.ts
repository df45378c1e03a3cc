/**
 * Excel workbooks (.xlsx) in and out, with exceljs. exceljs is about 1 MB in the browser: load this module with
 * `await import('…/shared/directory/xlsx')` so it is fetched only when a workbook is read or written.
 *
 * Reading gives each cell as the text the user sees in Excel: numbers without exponent or float noise (a phone
 * 13800138000 stored as a number stays 13800138000), formulas by their cached result, rich text and hyperlinks by
 * their text, dates as 2026-11-18.
 */
import ExcelJS from 'exceljs';
import { DIRECTORY_FIELDS, DIRECTORY_FIELD_LABEL } from './headers';
import type { DirectoryField, EnterpriseDraft } from './types';
import { zipSizeProblem } from './zip-guard';
import { xmlSafe } from '../domain/xml-safe';

/** The rows of the first worksheet of a workbook, every cell as displayed text. */
export interface XlsxSheetRows {
  sheetName: string;
  /** The workbook's other worksheets, in tab order; they are not read. */
  otherSheets: string[];
  /** Row i is Excel row i + 1; missing rows and cells are empty. */
  rows: string[][];
}

/** A workbook that cannot be read; the message is Chinese and meant for the user. */
export class XlsxReadError extends Error {
  override name = 'XlsxReadError';
}

/** Name of the worksheet `buildDirectoryXlsx` writes. */
export const DIRECTORY_SHEET_NAME = '企业库';

/** Columns written as text cells (Excel would turn long digit strings into numbers and lose digits). */
const TEXT_FIELDS: ReadonlySet<DirectoryField> = new Set(['creditCode', 'phone']);

/** Reads the first worksheet of an .xlsx file; throws `XlsxReadError` for anything that is not a readable workbook. */
export async function readXlsxRows(bytes: Uint8Array): Promise<XlsxSheetRows> {
  // Nothing is inflated before the stated sizes are known to be sane (a zip bomb is refused at once).
  const tooLarge = zipSizeProblem(bytes);
  if (tooLarge) throw new XlsxReadError(`${tooLarge}；请在 Excel 或 WPS 中打开并重新保存为 .xlsx 后再导入`);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as Node's Buffer; JSZip underneath reads any Uint8Array, in Node and in browsers.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new XlsxReadError(
      '文件不完整或已损坏（例如复制或下载时中断），无法作为 Excel 工作簿读取；请在 Excel 或 WPS 中打开它并重新保存为 .xlsx 后再导入',
      { cause: error },
    );
  }
  const sheets = workbook.worksheets;
  const sheet = sheets[0];
  if (sheet === undefined) throw new XlsxReadError('工作簿中没有工作表');

  const rows: string[][] = [];
  // Only rows with values: a template may format thousands of empty rows below the data.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([]);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = cellText(cell.value, cell.numFmt);
    });
    rows[rowNumber - 1] = cells;
  });
  return { sheetName: sheet.name, otherSheets: sheets.slice(1).map((s) => s.name), rows };
}

/** The text Excel would display for a cell value (see the file comment); `numFmt` refines numbers and dates. */
export function cellText(value: ExcelJS.CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return cellText(result as ExcelJS.CellValue | undefined, numFmt);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue | undefined, numFmt);
  }
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * A workbook of the directory: one worksheet 「企业库」 with the header row (bold, frozen, filter buttons), columns
 * sized to their content, credit code and phone as text cells.
 */
export async function buildDirectoryXlsx(enterprises: readonly EnterpriseDraft[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '恳谈会务台';
  const sheet = workbook.addWorksheet(DIRECTORY_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = DIRECTORY_FIELDS.map((field) => ({
    header: DIRECTORY_FIELD_LABEL[field],
    key: field,
    width: columnWidth(field, enterprises),
    ...(TEXT_FIELDS.has(field) ? { style: { numFmt: '@' } } : {}),
  }));
  for (const enterprise of enterprises) {
    // Characters XML cannot hold (U+FFFF, control characters) are dropped: the file must open, in Excel and here.
    const row = sheet.addRow(DIRECTORY_FIELDS.map((field) => xmlSafe(enterprise[field] ?? '')));
    DIRECTORY_FIELDS.forEach((field, i) => {
      if (TEXT_FIELDS.has(field)) row.getCell(i + 1).numFmt = '@';
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 20;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: DIRECTORY_FIELDS.length } };

  const buffer = await workbook.xlsx.writeBuffer();
  // A plain Uint8Array copy, whatever exceljs hands back (a Node Buffer, or an ArrayBuffer in the browser).
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** Width in Excel character units: a Chinese character counts two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

function columnWidth(field: DirectoryField, enterprises: readonly EnterpriseDraft[]): number {
  let widest = displayWidth(DIRECTORY_FIELD_LABEL[field]);
  for (const e of enterprises) widest = Math.max(widest, displayWidth(e[field] ?? ''));
  return Math.min(Math.max(widest + 2, 8), 60);
}

function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const format = numFmt ?? '';
  if (/^0+$/.test(format) && Number.isInteger(value) && value >= 0) {
    return integerText(value).padStart(format.length, '0');
  }
  const percent = /0(?:\.(0+))?%/.exec(format);
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  const decimals = /0\.(0+)/.exec(format);
  if (decimals) return value.toFixed(decimals[1]?.length ?? 0);
  if (Number.isInteger(value)) return integerText(value);
  // 15 significant digits, as Excel keeps: 0.1 + 0.2 shows as 0.3.
  return String(Number(value.toPrecision(15)));
}

function integerText(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  // exceljs turns the serial number into a Date at UTC; the UTC fields are the ones typed into the cell.
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  const format = (numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
  const hasTime =
    format === ''
      ? date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0
      : /[hs]/.test(format);
  const hasDate = format === '' ? true : /[yd]/.test(format);
  if (hasDate && hasTime) return `${day} ${time}`;
  return hasTime ? time : day;
}
