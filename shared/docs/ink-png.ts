/**
 * Ink to PNG without a canvas: a small anti-aliased rasteriser of the strokes' outlines (the same perfect-freehand
 * outlines the ink pad draws) and a PNG encoder. Used where no canvas exists (Node: the demo documents, tests,
 * benchmarks), and to read a stored PNG's size so documents keep its proportions.
 */
import { inkBox, normalizeStrokes, strokeOutline } from '../domain/ink';
import type { InkSize, InkStyle, OutlinePoint } from '../domain/ink';
import type { InkStroke } from '../domain/types';

/** Width and height of a PNG from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): InkSize {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('图片不是 PNG 格式');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length;) {
    // 5552 bytes is the most that cannot overflow before the modulo (zlib's NMAX).
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream of stored (uncompressed) deflate blocks: valid everywhere, and the .docx zip compresses it. */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + data.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const len = Math.min(65535, data.length - start);
    out[o++] = b === blocks - 1 ? 1 : 0;
    out[o++] = len & 0xff;
    out[o++] = len >>> 8;
    out[o++] = ~len & 0xff;
    out[o++] = (~len >>> 8) & 0xff;
    out.set(data.subarray(start, start + len), o);
    o += len;
  }
  new DataView(out.buffer).setUint32(o, adler32(data));
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** PNG bytes from its header (13 bytes of IHDR) and the chunks after it, with the image data as given. */
function assemblePng(ihdr: Uint8Array, chunks: ReadonlyArray<[type: string, data: Uint8Array]>): Uint8Array {
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...chunks.map(([type, data]) => chunk(type, data)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * A PNG of one colour at 256 levels of opacity (`alpha`, one byte a pixel, row by row): a palette of the colour
 * with a transparency entry per level, so ink keeps its anti-aliased edges on a transparent background.
 */
export function encodeAlphaPng(
  width: number,
  height: number,
  alpha: Uint8Array,
  color: readonly [number, number, number],
): Uint8Array {
  if (alpha.length !== width * height) throw new RangeError('alpha length does not match width × height');
  const ihdr = new Uint8Array(13);
  const ihdrView = new DataView(ihdr.buffer);
  ihdrView.setUint32(0, width);
  ihdrView.setUint32(4, height);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8-bit palette indices, no interlace
  const palette = new Uint8Array(256 * 3);
  const transparency = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    palette.set(color, i * 3);
    transparency[i] = i;
  }
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(alpha.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return assemblePng(ihdr, [
    ['PLTE', palette],
    ['tRNS', transparency],
    ['IDAT', zlibStored(raw)],
  ]);
}

const SUBSAMPLES = 4;

/** Adds the coverage of one filled polygon (non-zero winding, as a canvas fills) into `alpha` (0..1). */
function fillPolygon(outline: readonly OutlinePoint[], width: number, height: number, alpha: Float32Array) {
  if (outline.length < 3) return;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of outline) {
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const rowFrom = Math.max(0, Math.floor(minY));
  const rowTo = Math.min(height - 1, Math.ceil(maxY));
  const cover = new Float32Array(width);
  const crossings: Array<[x: number, dir: number]> = [];
  for (let row = rowFrom; row <= rowTo; row++) {
    cover.fill(0);
    let touched = false;
    for (let s = 0; s < SUBSAMPLES; s++) {
      const sy = row + (s + 0.5) / SUBSAMPLES;
      crossings.length = 0;
      for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
        const [x0, y0] = outline[j]!;
        const [x1, y1] = outline[i]!;
        if (y0 <= sy === y1 <= sy) continue;
        crossings.push([x0 + ((sy - y0) * (x1 - x0)) / (y1 - y0), y1 > y0 ? 1 : -1]);
      }
      if (crossings.length < 2) continue;
      crossings.sort((a, b) => a[0] - b[0]);
      let winding = 0;
      for (let k = 0; k < crossings.length - 1; k++) {
        winding += crossings[k]![1];
        if (winding === 0) continue;
        const xa = Math.max(0, crossings[k]![0]);
        const xb = Math.min(width, crossings[k + 1]![0]);
        if (xb <= xa) continue;
        touched = true;
        const ia = Math.floor(xa);
        const ib = Math.floor(xb);
        if (ia === ib) cover[ia]! += xb - xa;
        else {
          cover[ia]! += ia + 1 - xa;
          for (let x = ia + 1; x < ib; x++) cover[x]! += 1;
          if (ib < width) cover[ib]! += xb - ib;
        }
      }
    }
    if (!touched) continue;
    const base = row * width;
    for (let x = 0; x < width; x++) {
      const c = Math.min(1, cover[x]! / SUBSAMPLES);
      if (c > 0) alpha[base + x] = alpha[base + x]! + c * (1 - alpha[base + x]!);
    }
  }
}

/** How `inkToPng` draws. */
export interface InkPngOptions {
  /** Size of the PNG in pixels. */
  width: number;
  height: number;
  /** The pad the strokes were drawn on; fitted into the PNG keeping proportions (default: the PNG's size). */
  from?: InkSize;
  /** Pen width on the pad, in its pixels (default 4, the pad's). */
  penSize?: number;
  /** Ink colour, default near-black blue-black. */
  color?: readonly [number, number, number];
  style?: InkStyle;
  /** Crop the picture to the ink with a small margin (as the ink pad does since issue 16). */
  crop?: boolean;
}

/** The strokes as a PNG with a transparent background, drawn the way the ink pad draws them. */
export function inkToPng(strokes: readonly InkStroke[], options: InkPngOptions): Uint8Array {
  const { width, height, penSize = 4, color = [0x1a, 0x23, 0x3a], style = {} } = options;
  const from = options.from ?? { width, height };
  const scale = Math.min(width / from.width, height / from.height);
  const alpha = new Float32Array(width * height);
  for (const stroke of normalizeStrokes(strokes, from, { width, height }))
    fillPolygon(strokeOutline(stroke, { ...style, size: penSize * scale }), width, height, alpha);
  const bytes = new Uint8Array(width * height);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round(alpha[i]! * 255);
  const box = options.crop ? inkBox((i) => bytes[i]! >= INK_THRESHOLD, width, height) : undefined;
  if (!box) return encodeAlphaPng(width, height, bytes, color);
  const cropped = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.top + y) * width + box.left;
    cropped.set(bytes.subarray(from, from + box.width), y * box.width);
  }
  return encodeAlphaPng(box.width, box.height, cropped, color);
}

/** Bytes as a base64 `data:` URL (the form sign-offs store their PNG in). */
export function pngDataUrl(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with too many arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}

/** The bytes a zlib stream inflates to; DecompressionStream is in every browser, in Electron and in Node. */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The rows with their scanline filters undone and their filter bytes dropped; undefined when the data is short. */
function unfilter(data: Uint8Array, width: number, height: number, bpp: number): Uint8Array | undefined {
  const stride = width * bpp;
  if (data.length < (stride + 1) * height) return undefined;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    if (filter > 4) return undefined;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[row - stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[row - stride + x - bpp]! : 0;
      const v = data[src + x]!;
      const predicted =
        filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      out[row + x] = (v + predicted) & 0xff;
    }
  }
  return out;
}

/** What counts as ink: a pixel at least this opaque (of 255), or on an opaque image at least this dark. */
const INK_THRESHOLD = 24;

/**
 * The PNG cropped to its ink, with a margin of `margin` of the ink's larger side (at least 4 px) kept around it:
 * pads are wide, and a signature or a handwritten instruction in one corner of one prints small when the whole
 * pad is scaled into the form. 8-bit PNGs of every colour type (a canvas's RGBA, `inkToPng`'s palette); others,
 * interlaced ones, and PNGs without ink come back as they were.
 */
export async function cropToInk(png: Uint8Array, margin = 0.05): Promise<Uint8Array> {
  const { width, height } = pngSize(png);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdr = png.slice(16, 29);
  const [bitDepth, colorType, , , interlace] = ihdr.subarray(8);
  const channels = CHANNELS[colorType!];
  if (bitDepth !== 8 || interlace !== 0 || channels === undefined) return png;
  const kept: Array<[string, Uint8Array]> = [];
  const idat: Uint8Array[] = [];
  let transparency: Uint8Array | undefined;
  for (let o = 8; o + 12 <= png.length;) {
    const length = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    const data = png.subarray(o + 8, o + 8 + length);
    if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE' || type === 'tRNS') kept.push([type, data]);
    if (type === 'tRNS') transparency = data;
    o += 12 + length;
  }
  const compressed = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  idat.reduce((o, d) => (compressed.set(d, o), o + d.length), 0);
  const pixels = unfilter(await inflate(compressed), width, height, channels);
  if (!pixels) return png;

  const isInk = (i: number): boolean => {
    const p = i * channels;
    if (colorType === 6) return pixels[p + 3]! >= INK_THRESHOLD;
    if (colorType === 4) return pixels[p + 1]! >= INK_THRESHOLD;
    if (colorType === 3) return (transparency?.[pixels[p]!] ?? 255) >= INK_THRESHOLD;
    const light = colorType === 2 ? (pixels[p]! + pixels[p + 1]! + pixels[p + 2]!) / 3 : pixels[p]!;
    return 255 - light >= INK_THRESHOLD;
  };
  const box = inkBox(isInk, width, height, margin);
  if (!box || (box.width === width && box.height === height)) return png;
  const { left, top, width: w, height: h } = box;

  const stride = w * channels;
  const raw = new Uint8Array((stride + 1) * h);
  for (let y = 0; y < h; y++) {
    const from = ((top + y) * width + left) * channels;
    raw.set(pixels.subarray(from, from + stride), y * (stride + 1) + 1);
  }
  const header = ihdr.slice();
  new DataView(header.buffer).setUint32(0, w);
  new DataView(header.buffer).setUint32(4, h);
  return assemblePng(header, [...kept, ['IDAT', zlibStored(raw)]]);
}

/**
 * The size to print a cropped piece of ink at (px at 96 dpi, docx's unit): `box.width` wide, its height in
 * proportion, unless that is taller than `box.height`, then that high. A one-line 同意 prints the full width; a
 * handwritten instruction of several lines, cropped to its ink, is taller for the same width, so its lines stay as
 * large as one line's would be, up to the height the form allows.
 */
export function fitInk(png: Uint8Array, box: InkSize): InkSize {
  const { width, height } = pngSize(png);
  const scale = Math.min(box.width / width, box.height / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
