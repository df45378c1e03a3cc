// The directory's search built in parts (issue 17): at 100,000 enterprises one index over all of them took 2 s to
// build — on the keystroke that needed it first. Here the index is a list of parts of `partSize` items, each built
// in one short task (`buildNext`), in the background; a query searches the parts built so far and, until they cover
// everything, the rest by plain substring (pinyin joins as soon as its part is in), or builds the rest at once
// when it is small (a directory of a few hundred enterprises is searched exactly as before).
//
// The hits of all parts are ranked together as one index ranks them (shared/directory/pinyin-search.ts): tier, then
// where the match starts, then the shorter text, then list order; a slip of the finger (tier 3) is only looked for
// when nothing matched outright in any part.
import { createSearchIndex, type SearchIndex } from '../../shared/directory/pinyin-search';
import { toHalfWidth } from '../../shared/domain/half-width';

/** Items per part: one part is built in some 10–20 ms. */
export const SEARCH_PART = 4000;

interface Hit<T> {
  item: T;
  index: number;
  tier: number;
  start: number;
  length: number;
}

const normal = (text: string): string => toHalfWidth(text).replace(/\s+/g, '').toLowerCase();

/** A search over a fixed list, built part by part. */
export class PartedSearch<T> {
  private readonly parts: SearchIndex<T>[] = [];
  private readonly partSize: number;

  constructor(
    private readonly items: readonly T[],
    private readonly textOf: (item: T) => string,
    partSize = SEARCH_PART,
  ) {
    this.partSize = Math.max(1, partSize);
  }

  /** How many items the parts built so far cover. */
  get built(): number {
    return Math.min(this.items.length, this.parts.length * this.partSize);
  }

  /** Every item is in a part: pinyin finds them all. */
  get complete(): boolean {
    return this.built >= this.items.length;
  }

  /** Build the next part; false when there was none left to build. */
  buildNext(): boolean {
    if (this.complete) return false;
    const from = this.built;
    this.parts.push(createSearchIndex(this.items.slice(from, from + this.partSize), this.textOf));
    return true;
  }

  /** The best `limit` matches, ranked; an empty query gives the first `limit` items. */
  search(query: string, limit: number): T[] {
    const q = query.trim();
    if (q === '') return this.items.slice(0, Math.max(0, limit));
    // A rest no larger than one part is built now: a small directory never waits for the background.
    if (this.items.length - this.built <= this.partSize) while (this.buildNext());
    const hits: Hit<T>[] = [];
    const collect = (fuzzy: boolean): void =>
      this.parts.forEach((part, p) => {
        const offset = p * this.partSize;
        for (const h of part.searchHits(q, limit, fuzzy)) {
          const length = this.textOf(h.item).length;
          hits.push({ item: h.item, index: offset + h.index, tier: h.tier, start: h.start, length });
        }
      });
    collect(false);
    const needle = normal(q);
    if (needle !== '') {
      for (let i = this.built; i < this.items.length; i += 1) {
        const item = this.items[i] as T;
        const text = this.textOf(item);
        const at = normal(text).indexOf(needle);
        if (at >= 0) hits.push({ item, index: i, tier: 0, start: at, length: text.length });
      }
    }
    // Guesses only when nothing matched outright in any part, as one index would.
    if (hits.length === 0) collect(true);
    return hits
      .sort((a, b) => a.tier - b.tier || a.start - b.start || a.length - b.length || a.index - b.index)
      .slice(0, Math.max(0, limit))
      .map((h) => h.item);
  }
}
