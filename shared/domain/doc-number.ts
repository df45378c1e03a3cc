/**
 * 发文字号 of the 交办单, `青工商联交〔2026〕12号` (GB/T 9704-2012: year in 六角括号〔〕, no leading zeros, no 第).
 *
 * Numbers are issued from a per-year ledger that only ever grows. A number once issued stays used even when its
 * assignment is deleted: paper copies with that number may already be in a department's hands, and two sheets
 * with one number would make 对账销号 impossible.
 */
import { toHalfWidth } from './half-width';

/** The last number issued per year: `{ "2026": 12 }`. */
export type DocNumberLedger = { [year: string]: number };

/** The parts of a document number. */
export interface ParsedDocNumber {
  prefix: string;
  year: number;
  seq: number;
}

/** A newly issued number with the ledger that records it. */
export interface IssuedDocNumber {
  docNumber: string;
  seq: number;
  ledger: DocNumberLedger;
}

// Typed by hand the year comes in many brackets; after toHalfWidth, （） and ［］ are () and [].
const BRACKETED_YEAR =
  /^(.+?)\s*(?:〔(\d{4})〕|\[(\d{4})\]|\((\d{4})\)|【(\d{4})】|﹝(\d{4})﹞)\s*第?\s*(\d+)\s*号$/u;

/** Writes `prefix〔year〕seq号`; throws a RangeError for an empty prefix or a year or number out of range. */
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  const cleanPrefix = requirePrefix(prefix);
  requireYear(year);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`文号序号“${seq}”应为正整数`);
  return `${cleanPrefix}〔${year}〕${seq}号`;
}

/**
 * Reads a document number written with 〔〕 or the common substitutes [] () （） ［］ 【】 ﹝﹞, full-width digits,
 * leading zeros or a 第; null when the text is not a document number.
 */
export function parseDocNumber(text: string): ParsedDocNumber | null {
  const match = BRACKETED_YEAR.exec(toHalfWidth(text).trim());
  if (!match) return null;
  const prefix = (match[1] ?? '').trim();
  const yearText = match.slice(2, 7).find((group) => group !== undefined);
  const year = Number(yearText);
  const seq = Number(match[7]);
  if (prefix === '' || year < 1000 || !Number.isSafeInteger(seq) || seq < 1) return null;
  return { prefix, year, seq };
}

/** The last number issued in `year`, 0 when none. */
export function lastIssued(ledger: DocNumberLedger, year: number): number {
  requireYear(year);
  const key = String(year);
  if (!Object.hasOwn(ledger, key)) return 0;
  const value = ledger[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`文号台账中${year}年的记录“${String(value)}”无效`);
  }
  return value;
}

/** Issues the next number of `year`; returns it with a new ledger (the given one is not changed). */
export function issueDocNumber(ledger: DocNumberLedger, prefix: string, year: number): IssuedDocNumber {
  const seq = lastIssued(ledger, year) + 1;
  const docNumber = formatDocNumber(prefix, year, seq);
  return { docNumber, seq, ledger: { ...ledger, [String(year)]: seq } };
}

/**
 * Raises the ledger to at least the highest number found per year among existing document numbers (after a
 * restore or an import), so that no imported number is issued again. Unreadable texts are skipped: they hold no
 * number that could collide. Never lowers an entry.
 */
export function reserveAfterImport(
  ledger: DocNumberLedger,
  existingDocNumbers: readonly string[],
): DocNumberLedger {
  const next: DocNumberLedger = { ...ledger };
  for (const text of existingDocNumbers) {
    const parsed = parseDocNumber(text);
    if (!parsed) continue;
    const current = lastIssued(next, parsed.year);
    if (parsed.seq > current) next[String(parsed.year)] = parsed.seq;
  }
  return next;
}

function requirePrefix(prefix: string): string {
  const clean = prefix.trim();
  if (clean === '') throw new RangeError('发文字号前缀不能为空，请在设置中填写（如“青工商联交”）');
  return clean;
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`年份“${year}”应为四位数字`);
}
