/**
 * File and folder names that Windows, macOS and Linux all accept, for documents carried on a USB
 * stick to a government PC: 青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单.docx stays as it is,
 * anything else is made safe without losing what it says.
 *
 * The rules, in order: lone UTF-16 surrogates, control and bidi-override characters go (a name that
 * shows a different extension than it has is an old trick); NFC, so a name typed on a Mac compares
 * equal to the same name typed on Windows; the characters Windows forbids (<>:"/\|?*) become their
 * full-width twins (A/B → A／B keeps the company's name readable, where deleting would garble it);
 * leading dots (hidden on Unix, and our temporary files start with one) and trailing dots and spaces
 * (Windows drops them silently) go; reserved device names (CON, aux.docx, COM1 …) get a `_`; an
 * empty name becomes 未命名; the stem is cut at a character boundary so the whole name fits 255
 * UTF-8 bytes (ext4's limit, stricter than NTFS's 255 UTF-16 units for Chinese) with the extension
 * kept. sanitize-filename runs last as a second opinion.
 */
import sanitize from 'sanitize-filename';

/** Longest name, in UTF-8 bytes, that every file system we meet accepts. */
export const MAX_NAME_BYTES = 255;

/** What an empty name becomes. */
export const UNNAMED = '未命名';

const encoder = new TextEncoder();

/** Length of a string in UTF-8 bytes. */
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0, DEL, C1; bidi marks, embeddings, overrides and isolates; the BOM / zero-width no-break space.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const FULL_WIDTH: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  ':': '：',
  '"': '＂',
  '/': '／',
  '\\': '＼',
  '|': '｜',
  '?': '？',
  '*': '＊',
};
const FORBIDDEN = /[<>:"/\\|?*]/g;
// Windows maps these to devices whatever follows the first dot (NUL.tar.gz is NUL) and whatever
// the case; COM¹²³ and LPT¹²³ too, and spaces before the dot are ignored.
const RESERVED =
  /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)(?= *(\.|$))/i;
const EXTENSION = /^(\.[A-Za-z0-9]{1,10})?$/;

let segmenter: Intl.Segmenter | undefined;
/** Graphemes when the runtime can tell them (an emoji family stays whole), else code points. */
function characters(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' });
    return Array.from(segmenter.segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

/**
 * The longest prefix of `text` within `maxBytes` UTF-8 bytes, cut between characters (never inside
 * a surrogate pair or a UTF-8 sequence, and between graphemes where the runtime knows them).
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const ch of characters(text)) {
    const size = utf8Bytes(ch);
    if (used + size > maxBytes) break;
    out += ch;
    used += size;
  }
  // A single grapheme larger than the budget (a letter with hundreds of accents): code points then.
  if (out === '') {
    for (const ch of text) {
      const size = utf8Bytes(ch);
      if (used + size > maxBytes) break;
      out += ch;
      used += size;
    }
  }
  return out;
}

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

/** One pass of the rules over a bare name (no extension handling). */
function cleanOnce(raw: string, maxBytes: number): string {
  let name = raw.replace(LONE_SURROGATE, '').normalize('NFC').replace(INVISIBLE, '');
  name = name.replace(FORBIDDEN, (c) => FULL_WIDTH[c] ?? '');
  name = trimDotsAndSpaces(name);
  name = name.replace(RESERVED, '$1_');
  if (name === '') name = UNNAMED;
  name = trimDotsAndSpaces(truncateUtf8(name, maxBytes));
  // The package as a second opinion; with the rules above it changes nothing.
  name = sanitize(name);
  return name === '' ? UNNAMED : name;
}

/** Apply the rules until nothing changes (a cut can expose a trailing space, NFC can shift). */
function clean(raw: string, maxBytes: number): string {
  let name = raw;
  for (let i = 0; i < 5; i += 1) {
    const next = cleanOnce(name, maxBytes);
    if (next === name) return name;
    name = next;
  }
  return name;
}

/**
 * A safe file name from a free-text stem and an extension (`.docx`, `.txt`, or `''`): the stem made
 * safe and cut so that stem + extension ≤ 255 UTF-8 bytes; the extension is always kept.
 */
export function safeFileName(stem: string, ext: string): string {
  if (!EXTENSION.test(ext)) throw new RangeError(`Extension must be '' or like '.docx': ${ext}`);
  const budget = MAX_NAME_BYTES - ext.length;
  // The stem alone must not be a device name either: aux.docx is AUX.
  return clean(stem, budget) + ext;
}

/** A safe folder name (same rules, no extension). */
export function safeFolderName(name: string): string {
  return clean(name, MAX_NAME_BYTES);
}

/** Split a name into stem and a short ASCII extension (`a.b.docx` → `a.b`, `.docx`). */
export function splitFileName(name: string): { stem: string; ext: string } {
  const match = /(?<=.)\.[A-Za-z0-9]{1,10}$/su.exec(name);
  return match ? { stem: name.slice(0, match.index), ext: match[0] } : { stem: name, ext: '' };
}

/**
 * True when `name` is already what `safeFileName` would make of it, with its extension split off
 * or taken whole (`a..b` is a fine name, though `safeFileName('a.', '.b')` gives `a.b`).
 */
export function isSafeFileName(name: string): boolean {
  if (typeof name !== 'string' || name === '') return false;
  const { stem, ext } = splitFileName(name);
  return safeFileName(stem, ext) === name || safeFileName(name, '') === name;
}

/** True when `name` is already what `safeFolderName` would make of it. */
export function isSafeFolderName(name: string): boolean {
  return typeof name === 'string' && name !== '' && safeFolderName(name) === name;
}

/** How file systems that ignore case (NTFS, FAT, APFS by default) compare names. */
export const fileNameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/**
 * Safe names without collisions, compared as Windows does (ignoring case): the first of each name
 * keeps it, later ones become 名字(2).docx, 名字(3).docx … skipping any name already in the list,
 * still within 255 bytes. Same order and length as the input.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const safe = names.map((n) => {
    if (isSafeFileName(n)) return n;
    const { stem, ext } = splitFileName(n);
    return safeFileName(stem, ext);
  });
  const taken = new Set(safe.map(fileNameKey));
  const emitted = new Set<string>();
  return safe.map((name) => {
    const key = fileNameKey(name);
    if (!emitted.has(key)) {
      emitted.add(key);
      return name;
    }
    const { stem, ext } = splitFileName(name);
    for (let n = 2; ; n += 1) {
      const suffix = `(${n})`;
      const room = MAX_NAME_BYTES - ext.length - suffix.length;
      const candidate = safeFileName(truncateUtf8(stem, room) + suffix, ext);
      const candidateKey = fileNameKey(candidate);
      if (!taken.has(candidateKey)) {
        taken.add(candidateKey);
        emitted.add(candidateKey);
        return candidate;
      }
    }
  });
}
