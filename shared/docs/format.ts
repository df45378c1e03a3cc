/**
 * Text as the documents print it: Chinese dates and times, lists joined with 、, phone numbers masked.
 */
import { formatChineseDate } from '../domain/deadlines';
import { maskPhonesInText } from '../domain/phone';
import type { EpochMs } from '../domain/types';
import { toIsoDate } from '../domain/workdays';

/**
 * What documents do to free text: mask phone numbers, mobile and landline, in every form the app accepts them
 * (`maskPhonesInText`, the default), or leave the text as it is.
 */
export function textMask(maskPhones = true): (text: string) => string {
  return maskPhones ? maskPhonesInText : (text) => text;
}

/** 2026年11月18日 for an instant, in China Standard Time. */
export function chineseDateOf(at: EpochMs): string {
  return formatChineseDate(toIsoDate(at));
}

/**
 * `HH:mm` (or `HH:mm:ss`) of an instant in China Standard Time, whatever zone the machine is set to: the screens
 * and the documents must agree on when something was said.
 */
export function clockOf(at: EpochMs, precision: 'minutes' | 'seconds' = 'minutes'): string {
  const d = new Date(at + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const minutes = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return precision === 'seconds' ? `${minutes}:${two(d.getUTCSeconds())}` : minutes;
}

/** Names joined with the enumeration comma 、, empty strings dropped. */
export function joinNames(names: ReadonlyArray<string | undefined>): string {
  return names.filter((n): n is string => n !== undefined && n.trim() !== '').join('、');
}

export { MEETING_KIND_TITLE } from '../domain/labels';

/** 1．2．3． as official documents number items (full-width full stop). */
export const itemNumber = (i: number): string => `${i + 1}．`;

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 一 … 九十九, for headings 一、 and （一）. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return CHINESE_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}
