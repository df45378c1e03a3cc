/**
 * Importing the enterprise directory from a file the user picked: first a preview (nothing is stored) that says,
 * row by row, what will be imported, what was fixed and what is refused and why; then `commitRows` turns the rows
 * the user confirmed into records. Nothing is imported silently.
 *
 * Files: Excel workbooks (.xlsx, .xlsm; the first worksheet) and text tables (.csv, .txt, .tsv; comma, tab or
 * semicolon separated; UTF-8 with or without BOM, GBK/GB18030, UTF-16 with BOM). Up to 20 MB. The content decides
 * the reader, so a text table saved as .xls by a web system is read as text. The exceljs reader is loaded only when
 * a workbook is read.
 */
import type { Enterprise } from '../domain/types';
import { isBlankRow, parseCsv } from './csv';
import { decodeText } from './decode-text';
import { DIRECTORY_FIELD_LABEL, HEADER_ALIASES, HEADER_SCAN_ROWS, findHeaderRow } from './headers';
import {
  checkDraft,
  createDuplicateLookup,
  emptyDraft,
  enterpriseChanges,
  enterpriseNameKey,
  findDirectoryDuplicate,
  findUpdatableEnterprise,
  issueMessage,
  statusOf,
} from './row-rules';
import type {
  CsvDelimiter,
  DirectoryField,
  EnterpriseUpdate,
  ImportErrorCode,
  ImportFile,
  ImportFormat,
  ImportPreview,
  ImportRow,
  ImportRowStatus,
  RowIssue,
  TextEncodingName,
} from './types';

export { commitRows, commitUpdates, importableLines, type CommitOptions } from './import-commit';

/** Largest file the import reads: 20 MB (about 150,000 rows of CSV; far more than any district's directory). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** File extensions the import accepts, for the file picker's filter. */
export const IMPORT_EXTENSIONS: readonly string[] = ['xlsx', 'xlsm', 'csv', 'txt', 'tsv', 'xls'];

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** How far a preview has got: the file read (and parsed), then its rows checked one by one. */
export interface PreviewProgress {
  phase: 'read' | 'check';
  /** Rows checked so far (0 while reading). */
  done: number;
  /** Data rows in the file (0 while reading). */
  total: number;
}

/** Hooks of `buildImportPreview`. */
export interface PreviewOptions {
  /** Called when reading starts, when the file is parsed, and every `PROGRESS_ROWS` rows checked. */
  onProgress?: (progress: PreviewProgress) => void;
}

/** How often (in rows checked) the preview reports its progress. */
export const PROGRESS_ROWS = 1000;

/** Reads a file and builds its import preview against the enterprises already in the directory. */
export async function buildImportPreview(
  file: ImportFile,
  existing: readonly Enterprise[],
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  const { name, bytes } = file;
  const onProgress = options.onProgress ?? (() => undefined);
  const fail = (code: ImportErrorCode, detail: string): ImportPreview => ({
    ok: false,
    fileName: name,
    code,
    error: `无法导入“${name}”：${detail}`,
  });

  const ext = extensionOf(name);
  if (!IMPORT_EXTENSIONS.includes(ext)) {
    return fail('unsupported_type', unsupportedDetail(ext));
  }
  if (bytes.length === 0) return fail('empty', '文件为空');
  if (bytes.length > MAX_IMPORT_BYTES) {
    return fail(
      'too_large',
      `文件过大（${megabytes(bytes.length)} MB），最多导入 ${megabytes(MAX_IMPORT_BYTES)} MB；请把表格拆成几个文件分别导入`,
    );
  }

  onProgress({ phase: 'read', done: 0, total: 0 });
  const warnings: string[] = [];
  let rows: string[][];
  let format: ImportFormat;
  let encoding: TextEncodingName | undefined;
  let delimiter: CsvDelimiter | undefined;
  let sheetName: string | undefined;
  let otherSheets: string[] = [];

  if (startsWith(bytes, OLE)) {
    return fail(
      'unsupported_type',
      ext === 'xls'
        ? '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入'
        : '文件设置了打开密码，或实际是旧版 .xls 工作簿；请在 Excel 或 WPS 中取消密码并“另存为” Excel 工作簿（.xlsx）后再导入',
    );
  }
  if (startsWith(bytes, ZIP)) {
    format = 'xlsx';
    const { readXlsxRows, XlsxReadError } = await import('./xlsx');
    try {
      const sheet = await readXlsxRows(bytes);
      rows = sheet.rows;
      sheetName = sheet.sheetName;
      otherSheets = sheet.otherSheets;
    } catch (error) {
      if (error instanceof XlsxReadError) return fail('unreadable_xlsx', error.message);
      throw error;
    }
    if (otherSheets.length > 0) {
      warnings.push(`只读取了第一个工作表“${sheetName}”，另有${otherSheets.length}个工作表未读取`);
    }
  } else {
    format = 'csv';
    if (ext === 'xlsx' || ext === 'xlsm') {
      return fail(
        'unreadable_xlsx',
        '不是有效的 Excel 工作簿（文件已损坏，或扩展名与内容不符）；请在 Excel 或 WPS 中打开它并重新保存为 .xlsx 后再导入',
      );
    }
    const decoded = decodeText(bytes);
    if (decoded.text.includes('\u0000')) {
      return fail('not_text', '不是文本表格，也不是 Excel 工作簿（.xlsx）');
    }
    if (/^\s*<(?:!doctype|html|table|\?xml)/i.test(decoded.text)) {
      return fail(
        'not_text',
        '这是网页（HTML/XML）格式的表格，常见于业务系统“导出Excel”得到的文件；请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再导入',
      );
    }
    // Neither UTF-8 nor GBK: GB18030 reads it, but as replacement characters — say so, not 「找不到企业名称列」.
    if (decoded.encoding === 'gb18030' && decoded.text.includes('\ufffd')) {
      // Most such files were meant to be UTF-8 and hold a few broken bytes: name the line of the first.
      const asUtf8 = new TextDecoder('utf-8').decode(bytes);
      const line = asUtf8.slice(0, Math.max(0, asUtf8.indexOf('\ufffd'))).split('\n').length;
      return fail(
        'unknown_encoding',
        `第${line}行起的文字编码无法识别（既不是 UTF-8 也不是 GBK），读出来会是乱码；请在 Excel 或 WPS 中打开它，“另存为”“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）后再导入`,
      );
    }
    encoding = decoded.encoding;
    const table = parseCsv(decoded.text);
    if (table.unterminatedQuoteLine !== undefined) {
      return fail(
        'malformed_csv',
        `第${table.unterminatedQuoteLine}行有一个没有配对的英文双引号（"），之后的内容无法可靠读取；请在 Excel 或 WPS 中打开并重新保存为 CSV 后再导入`,
      );
    }
    rows = table.rows;
    delimiter = table.delimiter;
    if (ext === 'xls') warnings.push('文件扩展名是 .xls，但内容是文本表格，已按 CSV 读取');
    if (table.strayQuoteLines.length > 0) {
      warnings.push(
        `第${table.strayQuoteLines.join('、')}行的英文双引号位置不规范，已按原样读取，请核对这些行`,
      );
    }
  }

  if (rows.every(isBlankRow)) return fail('empty', '文件为空');
  const header = findHeaderRow(rows);
  if (header === undefined) {
    const aliases = HEADER_ALIASES.name
      .slice(1, 4)
      .map((a) => `“${a}”`)
      .join('');
    return fail(
      'no_name_column',
      `前${HEADER_SCAN_ROWS}行中找不到“${DIRECTORY_FIELD_LABEL.name}”列（也可写作${aliases}），请确认表格有一行列标题`,
    );
  }
  const dataRows = rows.slice(header.rowIndex + 1);
  if (dataRows.every(isBlankRow)) return fail('header_only', '只有表头，没有企业数据');

  // A directory from the 市场监管 register often has 法定代表人 and no contact column: the legal representative
  // is then the contact (filling, never replacing, the contact of an enterprise already in the directory).
  const contactFromLegalRep =
    header.missingFields.includes('contact') && !header.missingFields.includes('legalRep');
  if (contactFromLegalRep) warnings.push('文件没有“联系人”列，联系人按“法定代表人”填写');
  const fillOnly: DirectoryField[] = contactFromLegalRep ? ['contact'] : [];

  onProgress({ phase: 'check', done: 0, total: dataRows.length });
  const lookup = createDuplicateLookup(existing);
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const out: ImportRow[] = [];
  dataRows.forEach((cells, i) => {
    if (i > 0 && i % PROGRESS_ROWS === 0) onProgress({ phase: 'check', done: i, total: dataRows.length });
    if (isBlankRow(cells)) return;
    const line = header.rowIndex + i + 2;
    const raw = emptyDraft();
    for (const column of header.columns) raw[column.field] = cells[column.index] ?? '';
    if (contactFromLegalRep) raw.contact = raw.legalRep;
    const checked = checkDraft(raw);
    const { draft } = checked;
    const directory = findDirectoryDuplicate(draft, lookup);

    const codeLine = draft.creditCode === '' ? undefined : seenCodes.get(draft.creditCode);
    const nameKey = enterpriseNameKey(draft.name);
    const nameLine = nameKey === '' ? undefined : seenNames.get(nameKey);
    const inFile: RowIssue[] = [];
    if (codeLine !== undefined) {
      inFile.push({ kind: 'reject', field: 'creditCode', text: `与本文件第${codeLine}行相同` });
    }
    if (nameLine !== undefined)
      inFile.push({ kind: 'reject', field: 'name', text: `与本文件第${nameLine}行重复` });

    // An enterprise the directory has already: offered as an update of its details when the row is otherwise
    // sound, names that one enterprise only, and is its first row in the file; refused as before otherwise.
    const target =
      directory.duplicateOfId !== undefined &&
      inFile.length === 0 &&
      !checked.issues.some((x) => x.kind === 'reject')
        ? findUpdatableEnterprise(draft, lookup)
        : undefined;
    let issues: RowIssue[];
    let status: ImportRowStatus;
    let update: EnterpriseUpdate | undefined;
    if (target) {
      issues = checked.issues;
      const changes = enterpriseChanges(target, draft, fillOnly);
      status = changes.length > 0 ? 'update' : 'unchanged';
      update = { enterpriseId: target.id, name: target.name, changes };
    } else {
      issues = [...checked.issues, ...directory.issues, ...inFile];
      status = statusOf(issues);
    }
    // Only rows that will import (or update) block later ones: a refused row's corrected copy further down
    // may still import.
    if (status !== 'rejected') {
      if (draft.creditCode !== '') seenCodes.set(draft.creditCode, line);
      seenNames.set(nameKey, line);
    }
    const duplicateOfLine = codeLine ?? nameLine;
    out.push({
      line,
      status,
      fixes: issues.filter((x) => x.kind === 'fix').map((x) => `第${line}行 ${issueMessage(x)}`),
      reasons: issues.filter((x) => x.kind === 'reject').map((x) => `第${line}行 ${issueMessage(x)}`),
      issues,
      draft,
      raw,
      ...(directory.duplicateOfId !== undefined ? { duplicateOfId: directory.duplicateOfId } : {}),
      ...(duplicateOfLine !== undefined ? { duplicateOfLine } : {}),
      ...(update ? { update } : {}),
    });
  });

  onProgress({ phase: 'check', done: dataRows.length, total: dataRows.length });
  const tally = new Map<ImportRowStatus, number>();
  for (const r of out) tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
  const count = (s: ImportRowStatus): number => tally.get(s) ?? 0;
  const valid = count('valid');
  const fixable = count('fixable');
  return {
    ok: true,
    file: {
      fileName: name,
      format,
      ...(encoding !== undefined ? { encoding } : {}),
      ...(delimiter !== undefined ? { delimiter } : {}),
      ...(sheetName !== undefined ? { sheetName } : {}),
      otherSheets,
      headerLine: header.rowIndex + 1,
      columns: header.columns,
      ignoredColumns: header.ignoredColumns,
      missingFields: header.missingFields,
      warnings,
    },
    rows: out,
    counts: {
      total: out.length,
      valid,
      fixable,
      rejected: count('rejected'),
      importable: valid + fixable,
      update: count('update'),
      unchanged: count('unchanged'),
    },
  };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function unsupportedDetail(ext: string): string {
  const which = ext === '' ? '没有扩展名的文件' : `.${ext} 文件`;
  const hint =
    ext === 'et' || ext === 'ett'
      ? '请在 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入'
      : '请使用 Excel 工作簿（.xlsx）或 CSV 文件（.csv），可在 Excel 或 WPS 中“另存为”这两种格式';
  return `不支持${which}；${hint}`;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
