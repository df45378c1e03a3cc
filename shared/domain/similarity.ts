/**
 * A simple text similarity for spotting a demand an enterprise has raised before: the overlap of
 * character bigrams, after dropping punctuation and spaces. Good enough for Chinese sentences, where
 * bigrams carry most of the meaning (拨付, 补贴, 限行 …). Overlap (shared ÷ the shorter text's
 * bigrams) rather than Dice, because a one-line summary must still match the long speech it came from.
 */

const NOISE = /[\s\p{P}\p{S}]/gu;

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(NOISE, '').toLowerCase()];
  const grams = new Map<string, number>();
  for (let i = 0; i < chars.length - 1; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

// Below this many bigrams a text says too little to be compared.
const MIN_BIGRAMS = 4;

/** Similarity of two texts in 0..1: shared character bigrams over the shorter text's bigrams. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const size = (m: Map<string, number>) => [...m.values()].reduce((t, n) => t + n, 0);
  const smaller = Math.min(size(x), size(y));
  if (smaller < MIN_BIGRAMS) return 0;
  let shared = 0;
  for (const [gram, n] of x) shared += Math.min(n, y.get(gram) ?? 0);
  return shared / smaller;
}

/** At or above this, two demands of the same enterprise are shown as similar. */
export const SIMILAR_CONCERN_THRESHOLD = 0.35;

/** The closest of several texts (a demand's summary and its verbatim words) to `text`. */
export function bestSimilarity(text: string, candidates: readonly string[]): number {
  return candidates.reduce((best, c) => Math.max(best, textSimilarity(text, c)), 0);
}
