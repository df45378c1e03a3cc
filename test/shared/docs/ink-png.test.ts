// Handwriting cropped to its ink before it goes into a document: the pad's empty margins go, a little margin stays,
// whatever PNG the pad or inkToPng wrote.
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { demoInstructionStrokes, INSTRUCTION_PNG } from '../../../shared/demo/demo-signing';
import { strokesBounds } from '../../../shared/domain/ink';
import { cropToInk, fitInk, inkToPng, pngSize } from '../../../shared/docs/ink-png';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Uint8Array) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, tail]);
};

/**
 * An RGBA PNG as a browser's canvas writes one: compressed, each row with one of the five filters (row y with
 * filter y % 5), transparent but for an ink rectangle.
 */
function canvasPng(width: number, height: number, ink: { x: number; y: number; w: number; h: number }) {
  const px = new Uint8Array(width * height * 4);
  for (let y = ink.y; y < ink.y + ink.h; y++)
    for (let x = ink.x; x < ink.x + ink.w; x++) px.set([0x1a, 0x23, 0x3a, 255], (y * width + x) * 4);
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const at = (i: number) => px[i]!;
      const a = x >= 4 ? at(y * stride + x - 4) : 0;
      const b = y > 0 ? at((y - 1) * stride + x) : 0;
      const c = x >= 4 && y > 0 ? at((y - 1) * stride + x - 4) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      raw[y * (stride + 1) + 1 + x] = (at(y * stride + x) - predicted) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** The opaque pixels' box of an RGBA PNG (one IDAT, filter bytes 0, as cropToInk writes them). */
function inkBox(png: Uint8Array) {
  const { width, height } = pngSize(png);
  const idat = Buffer.from(png).indexOf('IDAT');
  const length = Buffer.from(png).readUInt32BE(idat - 4);
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + length));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < width * height; i++) {
    const [x, y] = [i % width, Math.floor(i / width)];
    if (raw[y * (width * 4 + 1) + 1 + x * 4 + 3]! > 0) {
      xs.push(x);
      ys.push(y);
    }
  }
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { minX, minY, maxX, maxY };
}

describe('cropToInk', () => {
  it('crops a canvas PNG (RGBA, every filter) to its ink with a margin of 5 % of the ink', async () => {
    const png = canvasPng(600, 240, { x: 400, y: 150, w: 120, h: 40 });
    const cropped = await cropToInk(png);
    // 6 px around the 120 × 40 ink: 5 % of its larger side.
    expect(pngSize(cropped)).toEqual({ width: 132, height: 52 });
    expect(inkBox(cropped)).toEqual({ minX: 6, minY: 6, maxX: 125, maxY: 45 });
  });

  it('keeps at least 4 px and stops at the edges of the pad', async () => {
    const png = canvasPng(300, 100, { x: 0, y: 2, w: 20, h: 10 });
    expect(pngSize(await cropToInk(png))).toEqual({ width: 24, height: 16 });
  });

  it('crops the demo’s handwritten instruction (inkToPng’s palette PNG) around its strokes', async () => {
    const strokes = demoInstructionStrokes();
    const png = inkToPng(strokes, { ...INSTRUCTION_PNG, penSize: 7 });
    const cropped = await cropToInk(png);
    const ink = strokesBounds(strokes)!;
    const size = pngSize(cropped);
    // The strokes' box, plus the pen's width and the margin; far less than the 900 × 300 pad.
    expect(size.width).toBeGreaterThan(ink.width);
    expect(size.width).toBeLessThan(ink.width + 60);
    expect(size.height).toBeGreaterThan(ink.height);
    expect(size.height).toBeLessThan(ink.height + 60);
    // Cropping again changes nothing: the margin is already the one it keeps.
    expect(pngSize(await cropToInk(cropped))).toEqual(size);
  });

  it('returns a PNG without ink as it was', async () => {
    const png = canvasPng(60, 20, { x: 0, y: 0, w: 0, h: 0 });
    expect(await cropToInk(png)).toBe(png);
  });
});

describe('fitInk', () => {
  it('prints one line of ink the full width and several lines as tall as the box allows', () => {
    const oneLine = canvasPng(300, 100, { x: 0, y: 0, w: 300, h: 100 });
    const threeLines = canvasPng(300, 300, { x: 0, y: 0, w: 300, h: 300 });
    expect(fitInk(oneLine, { width: 150, height: 120 })).toEqual({ width: 150, height: 50 });
    expect(fitInk(threeLines, { width: 150, height: 120 })).toEqual({ width: 120, height: 120 });
  });
});
