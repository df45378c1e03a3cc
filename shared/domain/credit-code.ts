/**
 * 统一社会信用代码 (USCC) per GB 32100-2015: 18 characters from 0-9 and the capital letters without I, O, Z, S, V.
 *
 *   position 1      登记管理部门代码 (1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会,
 *                   9 工商/市场监管, A 中央军委改革和编制办公室, N 农业, Y 其他)
 *   position 2      机构类别代码 (assigned by each department; not checked beyond the character set)
 *   positions 3–8   登记管理机关行政区划码 (GB/T 2260), digits. Not looked up: divisions are renamed and merged
 *                   all the time, codes keep their old division for life, and our fixtures use a fictional 339901.
 *   positions 9–17  主体标识码 = the 9-character 组织机构代码 of GB 11714, whose last character is its own check
 *   position 18     校验码 over the first 17 (GB/T 17710 style, mod 31) — mandatory here.
 *
 * The inner GB 11714 check (position 17) is computed by `isOrgCodeCheckValid` but NOT enforced by
 * `validateCreditCode`: any typo inside positions 9–17 already breaks the mandatory position-18 check, so the inner
 * check can only ever reject a code that the registration authority itself issued irregularly — and refusing a
 * real enterprise's real code is worse than accepting it. (Every row of our fixtures passes it all the same.)
 */
import { toHalfWidth } from './half-width';

/** The USCC character set in value order: the character at index i has value i. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17 for the position-18 check: 3^(i−1) mod 31 for position i. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/** 登记管理部门代码 accepted in position 1, with what each means. */
export const REGISTRATION_AUTHORITY_LABEL: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '市场监督管理（工商）',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
};

/** Outcome of `validateCreditCode`. */
export type CreditCodeResult = { ok: true; normalized: string } | { ok: false; reason: string };

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const FORBIDDEN_LETTERS = 'IOZSV';

/** Trims, removes inner spaces, converts full-width characters and upper-cases; does not validate. */
export function normalizeCreditCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** Checks a USCC after normalising it; the reason says in Chinese what is wrong. */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = normalizeCreditCode(input);
  if (code === '') return { ok: false, reason: '统一社会信用代码为空' };
  const chars = [...code];
  if (chars.length !== 18) return { ok: false, reason: `长度应为18位，实际为${chars.length}位` };

  const bad = chars.find((ch) => !CREDIT_CODE_CHARSET.includes(ch));
  if (bad !== undefined) {
    const why = FORBIDDEN_LETTERS.includes(bad) ? '（统一社会信用代码不使用I、O、Z、S、V）' : '';
    return { ok: false, reason: `含有非法字符“${bad}”${why}` };
  }
  const authority = code.charAt(0);
  if (!Object.hasOwn(REGISTRATION_AUTHORITY_LABEL, authority)) {
    return { ok: false, reason: `第1位登记管理部门代码“${authority}”无效` };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { ok: false, reason: `第3至8位行政区划码“${code.slice(2, 8)}”应为6位数字` };
  }
  const expected = computeCreditCodeCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (actual !== expected) {
    return { ok: false, reason: `校验位应为“${expected}”而不是“${actual}”，请核对代码是否抄错` };
  }
  return { ok: true, normalized: code };
}

/** True when the text is a valid USCC (after normalising). */
export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).ok;
}

/** The position-18 check character for the first 17 characters; throws on a wrong length or character. */
export function computeCreditCodeCheckChar(first17: string): string {
  const code = normalizeCreditCode(first17);
  if (code.length !== 17) throw new RangeError(`计算校验位需要前17位，实际为${code.length}位`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(code.charAt(i));
    if (value < 0) throw new RangeError(`含有非法字符“${code.charAt(i)}”`);
    sum += value * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** The GB 11714 check character (0–9 or X) of an 8-character 组织机构代码 body. */
export function computeOrgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError(`组织机构代码本体应为8位数字或大写字母`);
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const ch = body8.charAt(i);
    // GB 11714 values letters A=10 … Z=35 over the full alphabet (unlike the USCC set).
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * True when positions 9–17 of a normalised 18-character USCC carry a correct GB 11714 check character.
 * Informational only (see the file comment); false for anything that is not 18 characters long.
 */
export function isOrgCodeCheckValid(code: string): boolean {
  const normalized = normalizeCreditCode(code);
  if (normalized.length !== 18) return false;
  const body = normalized.slice(8, 16);
  if (!/^[0-9A-Z]{8}$/.test(body)) return false;
  return computeOrgCodeCheckChar(body) === normalized.charAt(16);
}
