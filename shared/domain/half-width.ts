/**
 * Full-width to half-width conversion. Chinese IMEs in full-width mode type `１３８` and `ＡＢＣ`, and spreadsheets
 * keep them; codes and numbers must be compared in ASCII.
 */

/** Converts full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space (U+3000) to their ASCII twins. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** True when the text has any character that `toHalfWidth` would change. */
export function hasFullWidth(text: string): boolean {
  return /[\uff01-\uff5e\u3000]/.test(text);
}
