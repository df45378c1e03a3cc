/**
 * The directory's columns and the header titles people give them. A header cell is compared after
 * `normalizeHeader`: no spaces (also full-width ones), no BOM, half-width, no 「*」 or trailing 「：」 of a template,
 * no trailing note in brackets such as 「（必填）」.
 */
import { toHalfWidth } from '../domain/half-width';
import type { DirectoryField, IgnoredColumn, RecognisedColumn } from './types';

/** Every column of the directory, in export order. */
export const DIRECTORY_FIELDS: readonly DirectoryField[] = [
  'name',
  'creditCode',
  'legalRep',
  'contact',
  'contactTitle',
  'phone',
  'industry',
  'street',
];

/** The Chinese title of each column, as written in the export header and in messages. */
export const DIRECTORY_FIELD_LABEL: Readonly<Record<DirectoryField, string>> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  legalRep: '法定代表人',
  contact: '联系人',
  contactTitle: '职务',
  phone: '联系电话',
  industry: '所属行业',
  street: '所属街道',
};

/** Header titles accepted for each column (the label first). Compared after `normalizeHeader`. */
export const HEADER_ALIASES: Readonly<Record<DirectoryField, readonly string[]>> = {
  name: ['企业名称', '单位名称', '企业全称', '公司名称', '企业名', '名称', '企业(单位)名称', '市场主体名称'],
  creditCode: [
    '统一社会信用代码',
    '信用代码',
    '社会信用代码',
    '统一代码',
    '统一信用代码',
    '社会统一信用代码',
    '企业信用代码',
  ],
  legalRep: ['法定代表人', '法人', '法人代表', '法定代表人姓名', '法定代表', '负责人'],
  contact: ['联系人', '联系人姓名', '企业联系人'],
  contactTitle: ['职务', '联系人职务', '职位'],
  phone: [
    '联系电话',
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '联系方式',
    '联系人电话',
    '联系人手机',
    '电话号码',
  ],
  industry: ['所属行业', '行业', '行业类别', '所属产业', '行业分类'],
  street: ['所属街道', '街道', '镇街', '所属镇街', '街镇', '乡镇街道', '所属乡镇', '乡镇(街道)', '所在街道'],
};

/** How many rows from the top are searched for the header row. */
export const HEADER_SCAN_ROWS = 10;

const ALIAS_TO_FIELD: ReadonlyMap<string, DirectoryField> = new Map(
  DIRECTORY_FIELDS.flatMap((field) =>
    HEADER_ALIASES[field].map((alias) => [baseForm(alias), field] as const),
  ),
);

/** Brings a header cell to the form the aliases are compared in. */
export function normalizeHeader(cell: string): string {
  const base = baseForm(cell);
  if (ALIAS_TO_FIELD.has(base)) return base;
  // A note in brackets at the end: 企业名称(必填), 联系电话(手机). Kept when the bracket is the whole title.
  const withoutNote = base.replace(/\([^()]*\)$/, '');
  return withoutNote === '' ? base : withoutNote;
}

function baseForm(cell: string): string {
  return toHalfWidth(cell)
    .replace(/[\s\uFEFF\u200B\u00A0]/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/:$/, '')
    .toLowerCase();
}

/** The field a header cell names, or undefined. */
export function matchHeader(cell: string): DirectoryField | undefined {
  return ALIAS_TO_FIELD.get(normalizeHeader(cell));
}

/** A header row found in a table: its 0-based index, the recognised columns and the ignored ones. */
export interface HeaderMatch {
  rowIndex: number;
  columns: RecognisedColumn[];
  ignoredColumns: IgnoredColumn[];
  missingFields: DirectoryField[];
}

/**
 * Finds the header row: the first of the top `HEADER_SCAN_ROWS` rows with a name column (a title row such as
 * 「青溪区民营企业名录」 may stand above it). Undefined when there is none.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): HeaderMatch | undefined {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r += 1) {
    const row = rows[r] ?? [];
    if (!row.some((cell) => matchHeader(cell) === 'name')) continue;
    return mapHeaderRow(row, r);
  }
  return undefined;
}

/** Maps one header row; the first column of a field wins, later ones are ignored with a reason. */
export function mapHeaderRow(row: readonly string[], rowIndex = 0): HeaderMatch {
  const columns: RecognisedColumn[] = [];
  const ignoredColumns: IgnoredColumn[] = [];
  row.forEach((header, index) => {
    if (header.trim() === '') return;
    const field = matchHeader(header);
    if (field === undefined) {
      ignoredColumns.push({ index, header, reason: '无法识别的列，不导入' });
      return;
    }
    const first = columns.find((c) => c.field === field);
    if (first) {
      ignoredColumns.push({ index, header, reason: `与“${first.header.trim()}”列重复，只读取第一列` });
      return;
    }
    columns.push({ index, field, header });
  });
  const missingFields = DIRECTORY_FIELDS.filter((f) => !columns.some((c) => c.field === f));
  return { rowIndex, columns, ignoredColumns, missingFields };
}

/** The 1-based Excel column name of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
