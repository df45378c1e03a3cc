// Reading a written workbook back in tests: its worksheets' XML (formula safety) and the workbook through exceljs.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

/** The workbook as exceljs reads it. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** The XML of every worksheet part. */
export function sheetXml(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  return Object.entries(files)
    .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .map(([, data]) => strFromU8(data));
}

/** The workbook part (sheets, defined names such as print areas). */
export function workbookXml(bytes: Uint8Array): string {
  const part = unzipSync(bytes)['xl/workbook.xml'];
  return part ? strFromU8(part) : '';
}

/** Texts that spreadsheet programs would run as formulas if a cell held them as such. */
export const HOSTILE_TEXTS = [
  '=HYPERLINK("http://x","点我")',
  '+1+2',
  '-3+4',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
];

/**
 * No cell of the workbook is a formula, and each hostile text reads back as the same text (made XML-safe: the
 * carriage return stays, being allowed in XML).
 */
export async function expectNoFormulas(
  bytes: Uint8Array,
  hostile: readonly string[] = HOSTILE_TEXTS,
): Promise<void> {
  for (const xml of sheetXml(bytes)) expect(xml).not.toMatch(/<f[ >]/);
  const wb = await loadWorkbook(bytes);
  const texts = new Set<string>();
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.add(cell.value);
        expect(cell.formula).toBeFalsy();
      }),
    ),
  );
  for (const text of hostile) expect([...texts].some((t) => t.includes(text.trim()))).toBe(true);
}
