// Long enterprise names must fit the projector without being cut: pick a type size from the name's
// width. Han characters and full-width punctuation count as one em, Latin letters and digits as
// about half of one.

/** Width of a text in ems, roughly, for a CJK font. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u024f\u2000-\u206f]/.test(ch) ? 0.55 : 1;
  return ems;
}

/** A size step: the largest for short names, smaller ones as names grow. */
export type NameSize = 'xl' | 'l' | 'm' | 's';

/**
 * The size step for a name, given the widest number of ems that still fits one line at each of
 * the steps `xl`, `l` and the two-line limit of `m` (beyond that, `s`).
 */
export function nameSize(text: string, limits: { xl: number; l: number; m: number }): NameSize {
  const ems = textEms(text);
  if (ems <= limits.xl) return 'xl';
  if (ems <= limits.l) return 'l';
  if (ems <= limits.m) return 'm';
  return 's';
}
