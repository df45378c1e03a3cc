/**
 * Reading the bytes of a text table whatever wrote it: Excel's "CSV UTF-8" (with BOM), plain UTF-8, Excel's "CSV"
 * on a Chinese Windows (GBK, read as its superset GB18030) and Excel's "Unicode text" (UTF-16LE with BOM).
 */
import type { TextEncodingName } from './types';

/** Decoded text and the encoding it was read in; the text never starts with a BOM. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes bytes: a BOM decides; otherwise strict UTF-8, and if that fails GB18030 (which never fails: bytes it
 * cannot map become U+FFFD).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeWith('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeWith('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeWith('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    return { text: decodeWith('gb18030', bytes), encoding: 'gb18030' };
  }
}

/** A human name for an encoding, for the preview: 「UTF-8（带BOM）」, 「GBK/GB18030」 … */
export function encodingLabel(encoding: TextEncodingName): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return 'UTF-8（带BOM）';
    case 'utf-16le':
      return 'UTF-16LE（Unicode 文本）';
    case 'utf-16be':
      return 'UTF-16BE';
    case 'gb18030':
      return 'GBK/GB18030';
  }
}

function decodeWith(label: string, bytes: Uint8Array): string {
  // ignoreBOM: the caller has already removed the one BOM that belongs there.
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}
