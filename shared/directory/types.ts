/**
 * Types of the enterprise directory (企业库) import, export and search. Pure types: no runtime code, so the UI can
 * import them without pulling in papaparse, exceljs or pinyin-pro.
 */
import type { Enterprise, Id } from '../domain/types';

/** The columns of the directory, in the order of the export and of the import template. */
export type DirectoryField =
  'name' | 'creditCode' | 'legalRep' | 'contact' | 'contactTitle' | 'phone' | 'industry' | 'street';

/** An enterprise's own fields, without id and timestamps: what one imported row becomes. */
export type EnterpriseDraft = Pick<Enterprise, DirectoryField>;

/** What is wrong with an enterprise's fields: field → Chinese message. */
export type EnterpriseErrors = Partial<Record<DirectoryField, string>>;

/** How the bytes of a text file were read. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The file formats the import reads. */
export type ImportFormat = 'csv' | 'xlsx';

/** The field separators the CSV reader recognises. */
export type CsvDelimiter = ',' | '\t' | ';';

/** A header cell matched to a field. `index` is 0-based; `header` is the cell as written in the file. */
export interface RecognisedColumn {
  index: number;
  field: DirectoryField;
  header: string;
}

/** A header cell that was not used, and why (an unknown title, or a second column for the same field). */
export interface IgnoredColumn {
  index: number;
  header: string;
  /** In Chinese, e.g. 「无法识别的列」 or 「与“联系电话”列重复，只读取第一列」. */
  reason: string;
}

/** Facts about a file that could be read. */
export interface ImportFileFacts {
  fileName: string;
  format: ImportFormat;
  /** How a text file was decoded; undefined for XLSX. */
  encoding?: TextEncodingName;
  /** The CSV field separator; undefined for XLSX. */
  delimiter?: CsvDelimiter;
  /** The worksheet that was read (always the first); undefined for CSV. */
  sheetName?: string;
  /** Names of the other worksheets, which were not read. Empty for CSV. */
  otherSheets: string[];
  /** Row number of the header as Excel shows it (1-based). */
  headerLine: number;
  columns: RecognisedColumn[];
  ignoredColumns: IgnoredColumn[];
  /** Fields the file has no column for (their values stay empty). */
  missingFields: DirectoryField[];
  /** File-level remarks in Chinese that do not stop the import. */
  warnings: string[];
}

/** valid: imports as is; fixable: imports after the listed automatic fixes; rejected: never imports. */
export type RowStatus = 'valid' | 'fixable' | 'rejected';

/**
 * A row of an import: new (valid or fixable), rejected, or an enterprise the directory has already — `update`
 * when the file's cells differ from its record (the user confirms each), `unchanged` when they do not.
 */
export type ImportRowStatus = RowStatus | 'update' | 'unchanged';

/** One field of an existing enterprise that a row of the file would change. */
export interface FieldChange {
  field: DirectoryField;
  from: string;
  to: string;
}

/** What a re-imported row would change on the enterprise it names. */
export interface EnterpriseUpdate {
  enterpriseId: Id;
  /** The enterprise's name in the directory. */
  name: string;
  changes: FieldChange[];
}

/** One finding on one field of a row; `text` is without the row prefix, e.g. 「联系电话：已去除空格」. */
export interface RowIssue {
  kind: 'fix' | 'reject';
  field: DirectoryField;
  text: string;
}

/** One data row of the file. */
export interface ImportRow {
  /** Row number as the user sees it in Excel: 1-based, the header row and any title rows counted. */
  line: number;
  status: ImportRowStatus;
  /** Each automatic fix, e.g. 「第4行 联系电话：全角数字已转换，已去除空格」. */
  fixes: string[];
  /** Why the row is rejected, e.g. 「第3行 统一社会信用代码：校验位应为“B”而不是“0”，请核对代码是否抄错」. */
  reasons: string[];
  /** The same findings with their field, for highlighting a cell. */
  issues: RowIssue[];
  /** The cleaned fields (what would be stored). */
  draft: EnterpriseDraft;
  /** The cells as read from the file, by field, before cleaning. */
  raw: EnterpriseDraft;
  /** The existing enterprise this row duplicates. */
  duplicateOfId?: Id;
  /** The earlier row of the same file this row duplicates. */
  duplicateOfLine?: number;
  /** For an `update` row: the enterprise and each field that changes (an `unchanged` row has none). */
  update?: EnterpriseUpdate;
}

/** Why a whole file cannot be imported. */
export type ImportErrorCode =
  | 'empty'
  | 'header_only'
  | 'no_name_column'
  | 'too_large'
  | 'unsupported_type'
  | 'unreadable_xlsx'
  | 'not_text'
  | 'unknown_encoding'
  | 'malformed_csv';

/** Row counts of a preview; `importable` = valid + fixable (new enterprises). */
export interface ImportCounts {
  total: number;
  valid: number;
  fixable: number;
  rejected: number;
  importable: number;
  /** Enterprises already in the directory whose details the file changes. */
  update: number;
  /** Enterprises already in the directory, the file saying the same. */
  unchanged: number;
}

/** The outcome of reading an import file: its rows, or one file-level error. */
export type ImportPreview =
  | { ok: true; file: ImportFileFacts; rows: ImportRow[]; counts: ImportCounts }
  | { ok: false; fileName: string; code: ImportErrorCode; error: string };

/** An import file as the UI hands it over: its name (for the extension and messages) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}
