/**
 * Search by 汉字 and by pinyin over names (enterprises, departments) or short texts (concern summaries).
 *
 * A query matches a text when it is a substring of it (spaces, full-width forms and Latin case ignored), or when it
 * can be spelled, character after character from some position, by pinyin: each Chinese character takes its full
 * syllable or any beginning of it (so initials, full pinyin and mixtures all work: 「fzgt」, 「fengze」,
 * 「fengzegang」, 「fengzgt」 all find 临江丰泽钢构有限公司), or the character itself (「丰zgt」). Every reading of a
 * polyphone counts (重 zhong/chong, 长 chang/zhang, 行 xing/hang); ü is typed v or u. Punctuation is skipped.
 *
 * Ranking: substring matches first, then pinyin matches from the first character (initials such as 「lj」 for
 * 临江…), then pinyin matches further in; within each, earlier matches and shorter texts first, then input order.
 *
 * The pinyin of every character is looked up once, when the index is built; a query then only compares letters.
 */
import { polyphonic } from 'pinyin-pro';
import { toHalfWidth } from '../domain/half-width';

/** How a hit matched: 0 substring, 1 pinyin from the first character, 2 pinyin further in. */
export type SearchTier = 0 | 1 | 2 | 3;

/** One result with where it matched, for highlighting. */
export interface SearchHit<T> {
  item: T;
  /** Position of the item in the list the index was built from. */
  index: number;
  tier: SearchTier;
  /** Which of the item's texts matched (0 when `textOf` returns one string). */
  textIndex: number;
  /** The matched span in that text, in UTF-16 offsets: `text.slice(start, end)`. */
  start: number;
  end: number;
}

/** A search index over a fixed list of items; build a new one when the list changes. */
export interface SearchIndex<T> {
  readonly size: number;
  /** The best matches, ranked (see the file comment); an empty query gives the first `limit` items in order. */
  search(query: string, limit?: number): T[];
  /**
   * Like `search`, with the tier and the matched span of each hit. `fuzzy: false` leaves out the guesses (tier 3)
   * even when nothing matches: an index searched in parts guesses only when no part matched.
   */
  searchHits(query: string, limit?: number, fuzzy?: boolean): SearchHit<T>[];
}

/** Default number of results of `search`. */
export const DEFAULT_SEARCH_LIMIT = 100;

/** Builds the index; `textOf` gives an item's text, or several (a department's name, short name and aliases). */
export function createSearchIndex<T>(
  items: readonly T[],
  textOf: (item: T) => string | readonly string[],
): SearchIndex<T> {
  const table = new CharTable();
  const entries: Entry[] = [];
  const texts: string[][] = [];
  items.forEach((item, index) => {
    const value = textOf(item);
    const list = typeof value === 'string' ? [value] : [...value];
    texts.push(list);
    list.forEach((text, textIndex) => entries.push(table.entry(text, index, textIndex)));
  });
  table.resolveReadings();
  for (const e of entries) e.letterMask = table.letterMaskOf(e.seq);
  const maxSeq = entries.reduce((m, e) => Math.max(m, e.seq.length), 0);

  /** The ranked hits, or undefined for an empty query (which lists the items in order). */
  const rank = (query: string, limit: number, fuzzy = true): Found[] | undefined => {
    const q = normalizeForSearch(query);
    if (q.text === '') return undefined;
    const tokens = table.queryTokens(q.text);
    const matcher = tokens ? new Matcher(table, tokens, maxSeq) : undefined;
    const top = new TopList(limit);
    // An item's entries are consecutive: keep the best of them, offer it when the next item begins.
    let itemBest: Found | undefined;
    for (const e of entries) {
      if (itemBest !== undefined && itemBest.entry.index !== e.index) {
        top.offer(itemBest);
        itemBest = undefined;
      }
      let found: Found | undefined;
      const at = e.norm.indexOf(q.text);
      if (at >= 0) found = { entry: e, tier: 0, from: at, to: at + q.text.length };
      else if (matcher && (e.letterMask & matcher.letterMask) === matcher.letterMask) {
        const span = matcher.match(e.seq);
        if (span) found = { entry: e, tier: span[0] === 0 ? 1 : 2, from: span[0], to: span[1] };
      }
      if (found !== undefined && (itemBest === undefined || compareFound(found, itemBest) < 0))
        itemBest = found;
    }
    if (itemBest !== undefined) top.offer(itemBest);
    const sorted = top.sorted();
    return sorted.length > 0 || !fuzzy ? sorted : fuzzyInitials(q.text, limit);
  };

  /**
   * When nothing matches, initials of four letters or more with one letter wrong (a slip of the
   * finger under time pressure: “fzgt” for 丰泽钢构, whose initials are fzgg) are better than no answer.
   * Only then, and ranked last (tier 3), so exact matches never compete with guesses.
   */
  const fuzzyInitials = (query: string, limit: number): Found[] => {
    if (!/^[a-z]{4,}$/.test(query)) return [];
    const top = new TopList(limit);
    let last = -1;
    for (const e of entries) {
      if (e.index === last) continue;
      const at = table.initialsWithinOne(e.seq, query);
      if (at >= 0) {
        top.offer({ entry: e, tier: 3, from: at, to: at + query.length });
        last = e.index;
      }
    }
    return top.sorted();
  };

  return {
    size: items.length,
    search: (query, limit = DEFAULT_SEARCH_LIMIT) => {
      const ranked = rank(query, limit);
      return ranked ? ranked.map((f) => items[f.entry.index] as T) : items.slice(0, Math.max(0, limit));
    },
    searchHits: (query, limit = DEFAULT_SEARCH_LIMIT, fuzzy = true) => {
      const ranked = rank(query, limit, fuzzy);
      if (ranked === undefined) {
        return items
          .slice(0, Math.max(0, limit))
          .map((item, index) => ({ item, index, tier: 0 as const, textIndex: 0, start: 0, end: 0 }));
      }
      return ranked.map((f) => {
        const text = texts[f.entry.index]?.[f.entry.textIndex] ?? '';
        const [start, end] = originalSpan(text, f.tier === 0 ? 'norm' : 'seq', f.from, f.to);
        const { index, textIndex } = f.entry;
        return { item: items[index] as T, index, tier: f.tier, textIndex, start, end };
      });
    },
  };
}

/** The readings of one character as the index uses them: lower-case, toneless, ü as both v and u. */
export function readingsOf(char: string): string[] {
  if (/^[a-z0-9]$/i.test(char)) return [char.toLowerCase()];
  if (!HAN.test(char)) return [];
  return cleanReadings(polyphonic(char, { type: 'array', toneType: 'none' })[0] ?? []);
}

// ——— internals ———

const HAN = /^\p{Script=Han}$/u;
const ASCII_ALNUM = /^[a-z0-9]$/;
/** Bit 26 stands for every digit; bits 0–25 for a–z. */
const DIGIT_BIT = 1 << 26;

/** Text of one item after normalising, and the matchable characters (Chinese, a–z, 0–9) as ids. */
interface Entry {
  index: number;
  textIndex: number;
  norm: string;
  seq: Uint32Array;
  letterMask: number;
}

interface Found {
  entry: Entry;
  tier: SearchTier;
  /** Offsets in `norm` (tier 0) or in `seq` (tiers 1 and 2). */
  from: number;
  to: number;
}

/**
 * The best `limit` hits seen so far, kept sorted, so most candidates are turned away by one comparison. A large
 * limit (the whole list) collects everything and sorts once instead: inserting into a long array would be quadratic.
 */
class TopList {
  private readonly items: Found[] = [];
  private readonly limit: number;
  private readonly collectAll: boolean;

  constructor(limit: number) {
    this.limit = Math.max(0, limit);
    this.collectAll = this.limit > 1000;
  }

  offer(found: Found): void {
    const items = this.items;
    if (this.collectAll) {
      items.push(found);
      return;
    }
    if (items.length >= this.limit) {
      const worst = items[items.length - 1];
      if (worst === undefined || compareFound(found, worst) >= 0) return;
      items.pop();
    }
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareFound(items[mid] as Found, found) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, found);
  }

  sorted(): Found[] {
    return this.collectAll ? this.items.sort(compareFound).slice(0, this.limit) : this.items;
  }
}

function compareFound(a: Found, b: Found): number {
  return (
    a.tier - b.tier ||
    a.from - b.from ||
    a.entry.norm.length - b.entry.norm.length ||
    a.entry.index - b.entry.index ||
    a.entry.textIndex - b.entry.textIndex
  );
}

/** Half-width, Latin lower-case, no spaces; the mapping back to the original is rebuilt only for hits. */
function normalizeForSearch(text: string): { text: string } {
  let out = '';
  for (const ch of toHalfWidth(text)) {
    if (/\s/.test(ch)) continue;
    out += ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
  }
  return { text: out };
}

/** Maps a span of the normalised text or of the matchable sequence back to offsets in the original text. */
function originalSpan(text: string, space: 'norm' | 'seq', from: number, to: number): [number, number] {
  let normAt = 0;
  let seqAt = 0;
  let start = -1;
  let end = -1;
  let offset = 0;
  for (const original of text) {
    const ch = toHalfWidth(original);
    const lower = ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
    if (!/\s/.test(ch)) {
      const position = space === 'norm' ? normAt : seqAt;
      const counts = space === 'norm' || ASCII_ALNUM.test(lower) || HAN.test(lower);
      if (counts) {
        // A code point outside the BMP takes two UTF-16 units in the normalised text too.
        const width = space === 'norm' ? lower.length : 1;
        if (start < 0 && position >= from) start = offset;
        if (position + width <= to) end = offset + original.length;
      }
      normAt += lower.length;
      if (ASCII_ALNUM.test(lower) || HAN.test(lower)) seqAt += 1;
    }
    offset += original.length;
  }
  return start < 0 ? [0, 0] : [start, Math.max(start, end)];
}

function cleanReadings(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const lower = r.toLowerCase();
    const variants = lower.includes('ü') ? [lower.replace(/ü/g, 'v'), lower.replace(/ü/g, 'u')] : [lower];
    for (const v of variants) if (/^[a-z]+$/.test(v) && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Readings looked up once per character for the life of the page. */
const READINGS_CACHE = new Map<string, string[]>();

/** Characters seen by one index, each with an id, its readings and letter masks. */
class CharTable {
  private readonly ids = new Map<string, number>();
  private readonly chars: string[] = [];
  readings: string[][] = [];
  /** Bits of the first letters of each character's readings. */
  firstMask: number[] = [];
  /** Bits of all letters of each character's readings. */
  allMask: number[] = [];

  entry(text: string, index: number, textIndex: number): Entry {
    const norm = normalizeForSearch(text).text;
    const seq: number[] = [];
    for (const ch of norm) if (ASCII_ALNUM.test(ch) || HAN.test(ch)) seq.push(this.idOf(ch));
    return { index, textIndex, norm, seq: Uint32Array.from(seq), letterMask: 0 };
  }

  idOf(ch: string): number {
    let id = this.ids.get(ch);
    if (id === undefined) {
      id = this.chars.length;
      this.ids.set(ch, id);
      this.chars.push(ch);
    }
    return id;
  }

  /** Looks up the pinyin of every new Chinese character in one call to pinyin-pro. */
  resolveReadings(): void {
    const missing = this.chars.filter((c) => HAN.test(c) && !READINGS_CACHE.has(c));
    if (missing.length > 0) {
      const batch = polyphonic(missing.join(''), { type: 'array', toneType: 'none' });
      const aligned = batch.length === missing.length;
      missing.forEach((c, i) => {
        const raw = aligned
          ? (batch[i] ?? [])
          : (polyphonic(c, { type: 'array', toneType: 'none' })[0] ?? []);
        READINGS_CACHE.set(c, cleanReadings(raw));
      });
    }
    this.readings = this.chars.map((c) => (ASCII_ALNUM.test(c) ? [c] : (READINGS_CACHE.get(c) ?? [])));
    this.firstMask = this.readings.map((rs) => rs.reduce((m, r) => m | bitOf(r.charCodeAt(0)), 0));
    this.allMask = this.readings.map((rs) =>
      rs.reduce((m, r) => {
        for (let i = 0; i < r.length; i += 1) m |= bitOf(r.charCodeAt(i));
        return m;
      }, 0),
    );
  }

  /**
   * Start of the first window of `seq` whose initials spell `query` with at most one letter wrong, or −1.
   * The first letter must be right: people slip on later keys, and it keeps guesses few.
   */
  initialsWithinOne(seq: Uint32Array, query: string): number {
    const n = query.length;
    const firstBit = bitOf(query.charCodeAt(0));
    for (let s = 0; s + n <= seq.length; s += 1) {
      if (((this.firstMask[seq[s] ?? 0] ?? 0) & firstBit) === 0) continue;
      let misses = 0;
      for (let j = 0; j < n && misses <= 1; j += 1) {
        if (((this.firstMask[seq[s + j] ?? 0] ?? 0) & bitOf(query.charCodeAt(j))) === 0) misses += 1;
      }
      if (misses <= 1) return s;
    }
    return -1;
  }

  letterMaskOf(seq: Uint32Array): number {
    let mask = 0;
    for (const id of seq) mask |= this.allMask[id] ?? 0;
    return mask;
  }

  /**
   * The query as tokens: a letter or digit by its char code (positive), a Chinese character by −(id + 1).
   * Undefined when the query has a character no text contains, so no pinyin match is possible.
   */
  queryTokens(q: string): Int32Array | undefined {
    const tokens: number[] = [];
    for (const ch of q) {
      if (ASCII_ALNUM.test(ch)) tokens.push(ch.charCodeAt(0));
      else if (HAN.test(ch)) {
        const id = this.ids.get(ch);
        if (id === undefined) return undefined;
        tokens.push(-(id + 1));
      }
    }
    return tokens.length > 0 ? Int32Array.from(tokens) : undefined;
  }
}

function bitOf(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  return code >= 48 && code <= 57 ? DIGIT_BIT : 0;
}

/** Matches one query against sequences; failures are remembered per (position, query offset) for one sequence. */
class Matcher {
  readonly letterMask: number;
  private readonly visited: Uint32Array;
  private stamp = 0;
  private seq: Uint32Array = new Uint32Array(0);

  constructor(
    private readonly table: CharTable,
    private readonly tokens: Int32Array,
    maxSeq: number,
  ) {
    let mask = 0;
    for (const t of tokens) if (t > 0) mask |= bitOf(t);
    this.letterMask = mask;
    this.visited = new Uint32Array((maxSeq + 1) * (tokens.length + 1));
  }

  /** The first span [from, to) of the sequence that spells the query, or undefined. */
  match(seq: Uint32Array): [number, number] | undefined {
    this.seq = seq;
    this.stamp += 1;
    const first = this.tokens[0] ?? 0;
    const firstBit = first > 0 ? bitOf(first) : 0;
    for (let s = 0; s < seq.length; s += 1) {
      const id = seq[s] ?? 0;
      if (first > 0 ? (this.table.firstMask[id]! & firstBit) === 0 : id !== -first - 1) continue;
      const end = this.step(s, 0);
      if (end >= 0) return [s, end];
    }
    return undefined;
  }

  /** Seq position after the match of tokens[p…] starting at seq[i], or −1. */
  private step(i: number, p: number): number {
    const tokens = this.tokens;
    const m = tokens.length;
    if (p === m) return i;
    if (i === this.seq.length) return -1;
    const key = i * (m + 1) + p;
    if (this.visited[key] === this.stamp) return -1;
    const id = this.seq[i] ?? 0;
    const token = tokens[p] ?? 0;
    if (token < 0) {
      if (id === -token - 1) {
        const end = this.step(i + 1, p + 1);
        if (end >= 0) return end;
      }
    } else {
      for (const reading of this.table.readings[id] ?? []) {
        let common = 0;
        while (
          common < reading.length &&
          p + common < m &&
          reading.charCodeAt(common) === tokens[p + common]
        ) {
          common += 1;
        }
        for (let k = common; k >= 1; k -= 1) {
          const end = this.step(i + 1, p + k);
          if (end >= 0) return end;
        }
      }
    }
    this.visited[key] = this.stamp;
    return -1;
  }
}
