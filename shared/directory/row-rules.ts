/**
 * The rules for one enterprise record, shared by the import (one row of a file) and the directory's own edit form:
 * what is cleaned automatically (and said), what is refused (and why), and when two records are the same
 * enterprise.
 *
 * Messages: `字段：说明`, e.g. 「联系电话：全角数字已转换，已去除空格」; an import row adds 「第N行 」 in front.
 */
import { normalizeCreditCode, validateCreditCode } from '../domain/credit-code';
import { toHalfWidth } from '../domain/half-width';
import { normalizePhone } from '../domain/phone';
import type { Enterprise, Id } from '../domain/types';
import { DIRECTORY_FIELDS, DIRECTORY_FIELD_LABEL } from './headers';
import type {
  DirectoryField,
  EnterpriseDraft,
  EnterpriseErrors,
  FieldChange,
  RowIssue,
  RowStatus,
} from './types';

/** Longest enterprise name accepted; longer text is almost always a note or a merged paragraph, not a name. */
export const MAX_NAME_LENGTH = 100;

/** A record after cleaning and checking, before the duplicate check. */
export interface CheckedDraft {
  draft: EnterpriseDraft;
  issues: RowIssue[];
}

/** A record after cleaning, checking and the duplicate check against the directory. */
export interface DraftVerdict extends CheckedDraft {
  status: RowStatus;
  /** `字段：说明` for each issue, fixes and rejections together. */
  messages: string[];
  duplicateOfId?: Id;
}

/** An empty draft. */
export function emptyDraft(): EnterpriseDraft {
  return {
    name: '',
    creditCode: '',
    legalRep: '',
    contact: '',
    contactTitle: '',
    phone: '',
    industry: '',
    street: '',
  };
}

/** Formats an issue as 「字段：说明」. */
export function issueMessage(issue: RowIssue): string {
  return `${DIRECTORY_FIELD_LABEL[issue.field]}：${issue.text}`;
}

/**
 * The key two enterprise names are compared by: no spaces, half-width (so 「（）」 equals 「()」), Latin letters
 * lower-case, the middle-dot variants made one.
 */
export function enterpriseNameKey(name: string): string {
  return toHalfWidth(name)
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\u2022\u30FB\uFF65\u2027]/g, '\u00B7')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Cleans every field of a draft and checks name, credit code and phone; duplicates are not looked at. */
export function checkDraft(raw: EnterpriseDraft): CheckedDraft {
  const issues: RowIssue[] = [];
  const draft = emptyDraft();
  for (const field of DIRECTORY_FIELDS) {
    const value = raw[field] ?? '';
    if (field === 'creditCode') draft.creditCode = cleanCreditCode(value, issues);
    else if (field === 'phone') draft.phone = cleanPhone(value, issues);
    else draft[field] = cleanText(value, field, issues);
  }
  if (draft.name === '') issues.push({ kind: 'reject', field: 'name', text: '不能为空' });
  else if ([...draft.name].length > MAX_NAME_LENGTH) {
    issues.push({ kind: 'reject', field: 'name', text: `超过${MAX_NAME_LENGTH}个字，不像企业名称，请核对` });
  }
  return { draft, issues };
}

/** Looks up enterprises by credit code and by name key; built once per import or per form. */
export interface DuplicateLookup {
  byCode(code: string): Enterprise | undefined;
  byName(name: string): Enterprise | undefined;
}

/** Builds the duplicate lookup over the directory; `ignoreId` leaves one record out (the one being edited). */
export function createDuplicateLookup(existing: readonly Enterprise[], ignoreId?: Id): DuplicateLookup {
  const codes = new Map<string, Enterprise>();
  const names = new Map<string, Enterprise>();
  for (const e of existing) {
    if (e.id === ignoreId) continue;
    const code = normalizeCreditCode(e.creditCode ?? '');
    if (code !== '' && !codes.has(code)) codes.set(code, e);
    const key = enterpriseNameKey(e.name ?? '');
    if (key !== '' && !names.has(key)) names.set(key, e);
  }
  return {
    byCode: (code) => (code === '' ? undefined : codes.get(normalizeCreditCode(code))),
    byName: (name) => {
      const key = enterpriseNameKey(name);
      return key === '' ? undefined : names.get(key);
    },
  };
}

/** The duplicate findings of a cleaned draft against the directory; the id is the enterprise it duplicates. */
export function findDirectoryDuplicate(
  draft: EnterpriseDraft,
  lookup: DuplicateLookup,
): { issues: RowIssue[]; duplicateOfId?: Id } {
  const byCode = lookup.byCode(draft.creditCode);
  const byName = lookup.byName(draft.name);
  const issues: RowIssue[] = [];
  if (byCode && byName && byCode.id === byName.id) {
    issues.push({
      kind: 'reject',
      field: 'name',
      text: `企业库中已有此企业（名称和统一社会信用代码都相同）`,
    });
  } else {
    if (byCode) {
      issues.push({ kind: 'reject', field: 'creditCode', text: `与企业库中的“${byCode.name}”相同` });
    }
    if (byName) issues.push({ kind: 'reject', field: 'name', text: `企业库中已有“${byName.name}”` });
  }
  const duplicate = byCode ?? byName;
  return duplicate ? { issues, duplicateOfId: duplicate.id } : { issues };
}

/**
 * The existing enterprise a row of a re-import may update: the one with both its name and its credit code, or
 * the one with its name when the row or the record has no code. Undefined when the row names no enterprise, or
 * two different ones, or one with another code: those stay refused.
 */
export function findUpdatableEnterprise(
  draft: EnterpriseDraft,
  lookup: DuplicateLookup,
): Enterprise | undefined {
  const byName = lookup.byName(draft.name);
  if (!byName) return undefined;
  const byCode = lookup.byCode(draft.creditCode);
  if (byCode) return byCode.id === byName.id ? byName : undefined;
  return draft.creditCode === '' || !byName.creditCode ? byName : undefined;
}

/** The fields a re-import may change on an enterprise (never its name: signed sheets and minutes name it). */
export const UPDATABLE_FIELDS: readonly DirectoryField[] = [
  'creditCode',
  'legalRep',
  'contact',
  'contactTitle',
  'phone',
  'industry',
  'street',
];

/**
 * What a cleaned row would change on an enterprise: every cell with a value that differs from the record. An
 * empty cell never clears a field; the credit code, and the fields in `fillOnly` (a contact taken from the
 * legal representative), only fill a field the record has empty.
 */
export function enterpriseChanges(
  record: Pick<Enterprise, DirectoryField>,
  draft: EnterpriseDraft,
  fillOnly: readonly DirectoryField[] = [],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of UPDATABLE_FIELDS) {
    const from = record[field] ?? '';
    const to = draft[field];
    if (to === '' || to === from) continue;
    if ((field === 'creditCode' || fillOnly.includes(field)) && from !== '') continue;
    changes.push({ field, from, to });
  }
  return changes;
}

/** The status a list of issues gives: any rejection rejects, any fix makes it fixable. */
export function statusOf(issues: readonly RowIssue[]): RowStatus {
  if (issues.some((i) => i.kind === 'reject')) return 'rejected';
  return issues.length > 0 ? 'fixable' : 'valid';
}

/**
 * Cleans and checks one record as the edit form would save it, including the duplicate check against the
 * directory; pass the edited record's id as `ignoreId` so it does not count as its own duplicate.
 */
export function validateEnterpriseDraft(
  input: EnterpriseDraft,
  existing: readonly Enterprise[],
  options: { ignoreId?: Id } = {},
): DraftVerdict {
  const checked = checkDraft(input);
  const duplicate = findDirectoryDuplicate(checked.draft, createDuplicateLookup(existing, options.ignoreId));
  const issues = [...checked.issues, ...duplicate.issues];
  return {
    draft: checked.draft,
    issues,
    status: statusOf(issues),
    messages: issues.map(issueMessage),
    ...(duplicate.duplicateOfId !== undefined ? { duplicateOfId: duplicate.duplicateOfId } : {}),
  };
}

/**
 * Clean and check an enterprise's fields with the same rules as an imported row, the duplicate check
 * against the directory included (the record being edited, `ignoreId`, does not count as its own
 * duplicate): the cleaned fields, or the first refusal of each field.
 */
export function validateEnterprise(
  input: EnterpriseDraft,
  existing: readonly Enterprise[] = [],
  ignoreId?: Id,
): { ok: true; value: EnterpriseDraft } | { ok: false; errors: EnterpriseErrors } {
  const verdict = validateEnterpriseDraft(input, existing, ignoreId ? { ignoreId } : {});
  if (verdict.status !== 'rejected') return { ok: true, value: verdict.draft };
  const errors: EnterpriseErrors = {};
  for (const issue of verdict.issues) if (issue.kind === 'reject') errors[issue.field] ??= issue.text;
  return { ok: false, errors };
}

// ——— cleaning ———

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const HAN = /\p{Script=Han}/u;
const PERSON_FIELDS: ReadonlySet<DirectoryField> = new Set(['legalRep', 'contact']);
/** What Excel shows for a long number in a General cell: 1.38001E+10. The digits behind it are gone. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

function cleanText(raw: string, field: DirectoryField, issues: RowIssue[]): string {
  const notes: string[] = [];
  let text = raw;
  const visible = text.replace(INVISIBLE, '');
  if (visible !== text) notes.push('已去除不可见字符');
  text = visible;
  if (/[\r\n]/.test(text)) {
    text = text.replace(/\s*[\r\n]+\s*/g, ' ');
    notes.push('已去除换行');
  }
  const halfWidth = text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (halfWidth !== text) notes.push('全角字母数字已转换');
  text = halfWidth;
  const trimmed = text.trim();
  if (trimmed !== text) notes.push('已去除首尾空格');
  text = trimmed;

  const inner = collapseInnerSpaces(text, PERSON_FIELDS.has(field));
  if (inner !== text) notes.push(PERSON_FIELDS.has(field) ? '已去除姓名中间的空格' : '已去除中间多余的空格');
  text = inner;

  if (notes.length > 0) issues.push({ kind: 'fix', field, text: notes.join('，') });
  return text;
}

/**
 * Spaces inside text: between Chinese characters they are padding (「邓　伟」 aligned with three-character names) and
 * go; between Latin words a run becomes one space. In a person's name with any Chinese character all spaces go.
 */
function collapseInnerSpaces(text: string, personName: boolean): string {
  if (!/\s/.test(text)) return text;
  if (personName && HAN.test(text)) return text.replace(/\s+/g, '');
  return text.replace(/\s+/g, (run, offset: number) => {
    const before = text.slice(0, offset);
    const after = text.slice(offset + run.length);
    const prev = [...before].pop() ?? '';
    const next = [...after][0] ?? '';
    return isAsciiWordChar(prev) && isAsciiWordChar(next) ? ' ' : '';
  });
}

function isAsciiWordChar(ch: string): boolean {
  return /^[\x21-\x7E]$/.test(ch);
}

function cleanCreditCode(raw: string, issues: RowIssue[]): string {
  const input = raw.replace(INVISIBLE, '');
  if (input.trim() === '') {
    if (input !== '') issues.push({ kind: 'fix', field: 'creditCode', text: '只有空格，已清空' });
    return '';
  }
  if (SCIENTIFIC.test(input.trim())) {
    issues.push({ kind: 'reject', field: 'creditCode', text: scientificHint(input.trim(), '代码') });
    return input.trim();
  }
  const code = normalizeCreditCode(input);
  const notes: string[] = [];
  if (/[\uFF01-\uFF5E]/.test(input)) notes.push('全角字符已转换');
  if (/\s/.test(input)) notes.push('已去除空格');
  if (/[a-z\uFF41-\uFF5A]/.test(input)) notes.push('小写字母已改为大写');
  if (input !== raw) notes.unshift('已去除不可见字符');
  if (notes.length > 0) issues.push({ kind: 'fix', field: 'creditCode', text: notes.join('，') });
  const result = validateCreditCode(code);
  if (!result.ok) issues.push({ kind: 'reject', field: 'creditCode', text: result.reason });
  return code;
}

function cleanPhone(raw: string, issues: RowIssue[]): string {
  const input = raw.replace(INVISIBLE, '');
  if (input.trim() === '') {
    if (input !== '') issues.push({ kind: 'fix', field: 'phone', text: '只有空格，已清空' });
    return '';
  }
  if (SCIENTIFIC.test(input.trim())) {
    issues.push({ kind: 'reject', field: 'phone', text: scientificHint(input.trim(), '号码') });
    return input.trim();
  }
  const result = normalizePhone(input);
  if (!result.ok) {
    issues.push({ kind: 'reject', field: 'phone', text: result.reason });
    return input.trim();
  }
  const notes = input !== raw ? ['已去除不可见字符', ...result.fixes] : result.fixes;
  if (notes.length > 0) issues.push({ kind: 'fix', field: 'phone', text: notes.join('，') });
  return result.phone;
}

function scientificHint(shown: string, what: string): string {
  return `被 Excel 显示成了科学计数法（${shown}），${what}已不完整；请在原表中把该列设为“文本”格式，重新填写后再导入`;
}
