/**
 * What every workbook the federation hands out has in common (台账, 回复登记表): a title over the header, a styled
 * header row that stays in view, text that wraps, dates as real dates, phones and codes as text, and A4 landscape
 * printing with the header on every page. exceljs is large: load the modules that use this with `import()`.
 *
 * Safety: every text goes through `xmlSafe` (characters XML 1.0 cannot hold would make the file unreadable) and is
 * written as a string cell — exceljs writes a formula only when given `{ formula }`, so a cell typed as
 * `=HYPERLINK(…)`, `+1`, `-1`, `@SUM(…)` or starting with a tab or carriage return stays text in Excel and WPS
 * (tests check the sheet XML of every export holds no `<f>`).
 */
import type ExcelJS from 'exceljs';
import { displayWidth } from '../directory/xlsx';
import { xmlSafe } from '../domain/xml-safe';
import type { IsoDate } from '../domain/types';

/** A column of a sheet: its header, width bounds and how its cells are written. */
export interface SheetColumn<T> {
  header: string;
  value: (row: T) => string | number | IsoDate | undefined;
  kind?: 'text' | 'date' | 'number' | 'code';
  /** Long text: wrapped in a column of this width (Excel character units). */
  wrap?: number;
  /** Width bounds for short columns, fitted to their content (Chinese characters count two). */
  min?: number;
  max?: number;
}

export const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FF1F4E79' },
};
export const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB4B4B4' } };
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const DATE_FORMAT = 'yyyy-mm-dd';
const FONT = '宋体';

/** A day as the date Excel stores (its serial counts days at UTC; the cell shows this day wherever it opens). */
export function excelDate(day: IsoDate): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

/** The value a cell gets: text made XML-safe, a date as a date, numbers as numbers, nothing as empty. */
export function cellValue<T>(column: SheetColumn<T>, row: T): ExcelJS.CellValue {
  const v = column.value(row);
  if (v === undefined || v === '') return null;
  if (column.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return excelDate(v);
  if (typeof v === 'number') return v;
  return xmlSafe(v);
}

/** Column widths: wrapped columns at their width, others fitted to header and content within bounds. */
export function columnWidths<T>(columns: readonly SheetColumn<T>[], rows: readonly T[]): number[] {
  return columns.map((c) => {
    if (c.wrap) return c.wrap;
    if (c.kind === 'date') return 12;
    let widest = displayWidth(c.header);
    for (const r of rows) widest = Math.max(widest, displayWidth(String(c.value(r) ?? '')));
    return Math.min(Math.max(widest + 2, c.min ?? 8), c.max ?? 40);
  });
}

/**
 * Title (row 1, merged over the columns), a line under it (row 2) and the header (row 3); returns the header
 * row's number. The header and the first column stay in view (`freezeFirstColumn`), with filter buttons.
 */
export function sheetHead<T>(
  sheet: ExcelJS.Worksheet,
  columns: readonly SheetColumn<T>[],
  rows: readonly T[],
  heading: {
    title: string;
    subtitle: string;
    freezeFirstColumn: boolean;
    filter: boolean;
    /** On paper: this many columns from the left, one page wide (all of them when absent). */
    printColumns?: number;
  },
): number {
  const widths = columnWidths(columns, rows);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const last = columns.length;
  // The title is centred over what is printed.
  const printed = Math.min(heading.printColumns ?? last, last);
  sheet.mergeCells(1, 1, 1, printed);
  sheet.mergeCells(2, 1, 2, printed);
  const title = sheet.getCell(1, 1);
  title.value = xmlSafe(heading.title);
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  const sub = sheet.getCell(2, 1);
  sub.value = xmlSafe(heading.subtitle);
  sub.font = { name: FONT, size: 10, color: { argb: 'FF555555' } };
  sub.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  sheet.getRow(2).height = 20;
  const header = sheet.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = CELL_BORDER;
  });
  header.height = 24;
  sheet.views = [
    { state: 'frozen', xSplit: heading.freezeFirstColumn ? 1 : 0, ySplit: 3, topLeftCell: 'B4' },
  ];
  if (heading.filter) sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: last } };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printTitlesRow: '3:3',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  sheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  return 3;
}

/** Print the first `columns` columns down to `lastRow` (a wide sheet's essentials, readable on A4). */
export function printArea(sheet: ExcelJS.Worksheet, columns: number, lastRow: number): void {
  // exceljs puts a `$` before each end as given: `A$1` becomes the absolute `$A$1` that Excel and LibreOffice
  // read (a bare `A1` would become `$A1`, which LibreOffice ignores).
  sheet.pageSetup.printArea = `A$1:${sheet.getColumn(columns).letter}$${Math.max(lastRow, 3)}`;
}

/** One data row written under the header: values, borders, wrapping, date and text formats. */
export function writeRow<T>(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  columns: readonly SheetColumn<T>[],
  item: T,
): ExcelJS.Row {
  const row = sheet.getRow(rowNumber);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = cellValue(c, item);
    cell.font = { name: FONT, size: 10.5 };
    cell.border = CELL_BORDER;
    const centred = c.kind === 'date' || c.kind === 'number';
    cell.alignment = {
      vertical: 'top',
      wrapText: Boolean(c.wrap),
      ...(centred ? { horizontal: 'center' } : {}),
    };
    if (c.kind === 'date') cell.numFmt = DATE_FORMAT;
    if (c.kind === 'code' || c.kind === 'text' || c.kind === undefined) cell.numFmt = '@';
  });
  row.height = rowHeight(columns, item);
  return row;
}

/**
 * A data row's height in points. Excel and LibreOffice do not grow a row for wrapped text in a file they did not
 * lay out: it is set from the lines the longest wrapped cell needs (10.5 pt text, about 14 pt a line).
 */
export function rowHeight<T>(columns: readonly SheetColumn<T>[], item: T): number {
  let lines = 1;
  for (const c of columns) {
    const v = c.wrap ? c.value(item) : undefined;
    if (typeof v === 'string' && v !== '') lines = Math.max(lines, wrappedLines(xmlSafe(v), c.wrap!));
  }
  return Math.max(18, lines * 14 + 4);
}

/** Lines a text takes in a column `width` characters wide (Chinese characters count two; line breaks kept). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(width - 1, 2);
  return text.split(/\r?\n/).reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / usable)), 0);
}

/** The workbook as bytes (a plain Uint8Array, whatever exceljs hands back in Node or the browser). */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}
