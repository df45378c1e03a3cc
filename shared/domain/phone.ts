/**
 * Phone numbers as secretaries type them and spreadsheets store them: full-width digits, spaces, hyphens inside a
 * mobile number, a +86 in front. `normalizePhone` repairs what is unambiguous, says in Chinese what it changed,
 * and refuses what it cannot read rather than guessing.
 *
 * Output forms: mobile `13800138000`; landline `0830-5551234` (extension `0830-5551234-801`); 400/800 service
 * numbers `400-123-4567`.
 */
import { toHalfWidth } from './half-width';

/** Outcome of `normalizePhone`; `fixes` lists in Chinese each change made to the input. */
export type PhoneResult =
  { ok: true; phone: string; changed: boolean; fixes: string[] } | { ok: false; reason: string };

/** The kinds of number `normalizePhone` accepts. */
export type PhoneKind = 'mobile' | 'landline' | 'service';

const MOBILE = /^1[3-9]\d{9}$/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;
// Only Beijing (010) and 020–029 have three-digit area codes; every other one has four.
const AREA_CODE = /^(?:010|02\d|0[3-9]\d{2})$/;
const EXTENSION = /(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const WRONG_LENGTH = '号码位数不对：手机号应为11位，固定电话应为区号加7至8位号码（如0830-5551234）';

/** Cleans and checks a phone number; see the file comment for the accepted forms. */
export function normalizePhone(input: string): PhoneResult {
  const fixes: string[] = [];
  let text = input;
  if (/[\uff10-\uff19]/.test(text)) fixes.push('全角数字已转换');
  else if (/[\uff01-\uff5e]/.test(text)) fixes.push('全角符号已转换');
  text = toHalfWidth(text);
  if (text.trim() === '') return { ok: false, reason: '电话号码为空' };
  const hadSpaces = /\s/.test(text);
  text = text.trim();

  let extension = '';
  const ext = EXTENSION.exec(text);
  if (ext) {
    extension = ext[1] ?? '';
    text = text.slice(0, ext.index).trim();
  }

  const illegal = [...text].find((ch) => !/[\d\s+\-()]/.test(ch));
  if (illegal !== undefined) return { ok: false, reason: `含有非法字符“${illegal}”` };
  if (text.lastIndexOf('+') > 0) return { ok: false, reason: '“+”只能出现在号码开头' };

  const compact = text.replace(/[\s\-()]/g, '');
  const intl = /^(\+86|0086|86)(\d+)$/.exec(compact);
  if (intl && (intl[1] !== '86' || MOBILE.test(intl[2] ?? ''))) {
    const rest = intl[2] ?? '';
    if (!MOBILE.test(rest)) {
      return { ok: false, reason: '带国际区号的号码只接受手机号；固定电话请去掉+86，按“区号-号码”填写' };
    }
    if (extension) return { ok: false, reason: '手机号不能带分机号' };
    fixes.push(`已去除${intl[1]}`);
    return mobileResult(input, rest, text, hadSpaces, fixes);
  }
  if (compact.startsWith('+')) return { ok: false, reason: '只接受中国大陆号码（+86）' };

  if (/^1\d{10}$/.test(compact)) {
    if (!MOBILE.test(compact)) return { ok: false, reason: `手机号“${compact}”不正确：第2位应为3至9` };
    if (extension) return { ok: false, reason: '手机号不能带分机号' };
    return mobileResult(input, compact, text, hadSpaces, fixes);
  }

  if (/^[48]00\d{7}$/.test(compact) && !extension) {
    if (hadSpaces) fixes.push('已去除空格');
    return done(input, `${compact.slice(0, 3)}-${compact.slice(3, 6)}-${compact.slice(6)}`, fixes);
  }

  if (compact.startsWith('0')) return landline(input, text, extension, fixes);
  return { ok: false, reason: WRONG_LENGTH };
}

/** Which kind of number a normalised phone is, or undefined when it is not valid. */
export function phoneKind(input: string): PhoneKind | undefined {
  const result = normalizePhone(input);
  if (!result.ok) return undefined;
  if (MOBILE.test(result.phone)) return 'mobile';
  return /^[48]00-/.test(result.phone) ? 'service' : 'landline';
}

/**
 * Hides the middle of a number for screens and lists: `138****1234`, `0830-55***34`. Service numbers are public
 * and stay whole. Text that is not a valid number keeps only its last four digits visible.
 */
export function maskPhone(input: string): string {
  const result = normalizePhone(input);
  if (!result.ok) {
    const digits = input.replace(/\D/g, '').length;
    let seen = 0;
    return input.replace(/\d/g, (d) => {
      seen += 1;
      return digits >= 8 && seen > digits - 4 ? d : '*';
    });
  }
  const phone = result.phone;
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (/^[48]00-/.test(phone)) return phone;
  const [area, local = '', ext] = phone.split('-');
  const masked = `${local.slice(0, 2)}${'*'.repeat(Math.max(0, local.length - 4))}${local.slice(-2)}`;
  return [area, masked, ...(ext ? [ext] : [])].join('-');
}

function mobileResult(
  input: string,
  mobile: string,
  text: string,
  hadSpaces: boolean,
  fixes: string[],
): PhoneResult {
  if (hadSpaces) fixes.push('已去除空格');
  if (/[-()]/.test(text)) fixes.push('已去除连字符');
  return done(input, mobile, fixes);
}

function landline(input: string, text: string, extension: string, fixes: string[]): PhoneResult {
  const groups = text.split(/[\s\-()]+/).filter((g) => g !== '');
  let area: string;
  let local: string;
  let separated: boolean;
  if (groups.length >= 2 && /^0\d{2,3}$/.test(groups[0] ?? '')) {
    area = groups[0] ?? '';
    // A third short group after a complete local number is an extension: 0830-5551234-801.
    if (groups.length === 3 && LOCAL_NUMBER.test(groups[1] ?? '') && /^\d{1,6}$/.test(groups[2] ?? '')) {
      if (extension) return { ok: false, reason: '分机号重复' };
      extension = groups[2] ?? '';
      local = groups[1] ?? '';
    } else {
      local = groups.slice(1).join('');
    }
    separated = true;
  } else {
    const digits = groups.join('');
    const areaLength = /^(?:010|02)/.test(digits) ? 3 : 4;
    area = digits.slice(0, areaLength);
    local = digits.slice(areaLength);
    separated = false;
  }
  if (!AREA_CODE.test(area)) return { ok: false, reason: `区号“${area}”不正确` };
  if (!LOCAL_NUMBER.test(local)) return { ok: false, reason: WRONG_LENGTH };

  const phone = `${area}-${local}${extension ? `-${extension}` : ''}`;
  if (!separated || !text.startsWith(`${area}-`)) fixes.push('已在区号后加连字符');
  // A space that only stood between area code and number became the hyphen; any other space was dropped.
  const otherSpaces = /\s/.test(text.replace(new RegExp(`^${area}\\s+`), ''));
  if (otherSpaces || input.trim() !== input) fixes.push('已去除空格');
  return done(input, phone, fixes);
}

function done(input: string, phone: string, fixes: string[]): PhoneResult {
  const changed = phone !== input;
  // Anything changed that the list does not name yet (a 转 written as -, parentheses) still gets a line.
  if (changed && fixes.length === 0) fixes.push('已整理为标准格式');
  return { ok: true, phone, changed, fixes };
}

// Inside free text: digits half- or full-width, and at most one space, ideographic space or hyphen between groups.
const D = '[0-9０-９]';
const SEP = '[ \\u3000\\-－]?';
const AREA = `[0０][1-9１-９]${D}{1,2}`;
const PHONE_IN_TEXT = new RegExp(
  `(?<!${D})(?:` +
    // A mobile, 3-4-4, after an optional +86 / 0086 / 86.
    `(?:(?:[+＋][ \\u3000]?)?(?:[0０]{2})?[8８][6６]${SEP})?[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}` +
    '|' +
    // A landline: area code (never 00…; in brackets or not), then 7 or 8 digits, 3-4 or 4-4.
    `(?:[(（]${AREA}[)）]|${AREA})${SEP}[2-9２-９]${D}{2,3}${SEP}${D}{4}` +
    `)(?!${D})`,
  'g',
);

/**
 * Masks every mobile and landline number inside free text, in whatever form `normalizePhone` accepts it (spaces,
 * hyphens, full-width digits, +86 / 0086 / 86 before a mobile, an area code in brackets): the same digits hidden as
 * `maskPhone` hides them (138****5678, 0830-55***34), everything else in the text as it was written. Service numbers
 * (400 / 800) are public and stay; digits glued to other digits (an ID or account number) are left alone.
 */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, (match) => {
    const result = normalizePhone(match);
    // Not a number after all: look again from the next character, so that one inside it is still found.
    if (!result.ok) return match.slice(0, 1) + maskPhonesInText(match.slice(1));
    const digits = [...match.matchAll(/[0-9０-９]/g)].map((m) => m.index);
    let hidden: number[];
    if (MOBILE.test(result.phone)) {
      // The last 11 digits are the number (before them the country code): hide its 4th to 7th.
      hidden = digits.slice(-11).slice(3, 7);
    } else {
      const local = result.phone.split('-')[1] ?? '';
      hidden = digits.slice(-local.length).slice(2, -2);
    }
    const at = new Set(hidden);
    return [...match].map((ch, i) => (at.has(i) ? '*' : ch)).join('');
  });
}
