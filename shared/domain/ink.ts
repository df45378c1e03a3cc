// Ink for signatures and handwritten instructions: pure helpers over InkStroke[] (no DOM).
// Every point here is in the pad's own CSS-pixel space (origin top-left), see PadPoint.
import { getStroke } from 'perfect-freehand';
import type { InkStroke, PadPoint } from './types';

/** A width and height in CSS pixels (the pad's, or an export's). */
export interface InkSize {
  width: number;
  height: number;
}

/** An axis-aligned box around ink, in the same space as its points. */
export interface InkBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  width: number;
  height: number;
}

/** A polygon vertex of a stroke's outline, as `[x, y]` in the stroke's space. */
export type OutlinePoint = [x: number, y: number];

/** How a stroke is drawn; `simulatePressure` is not here because it follows the pointer type. */
export interface InkStyle {
  /** Nominal pen width (diameter) in CSS pixels. */
  size?: number;
  thinning?: number;
  smoothing?: number;
  streamline?: number;
  /** False while the stroke is still being drawn: its end stays blunt instead of tapering. */
  last?: boolean;
}

/** Default look of signature ink: a fountain-pen-like line, thinner on fast movement. */
export const DEFAULT_INK_STYLE: Required<InkStyle> = {
  size: 4,
  thinning: 0.6,
  smoothing: 0.5,
  streamline: 0.5,
  last: true,
};

/** A stroke whose extent stays under this many pixels is a tap, not writing. */
export const TAP_EXTENT_PX = 4;

/** The filled outline polygon of one stroke (perfect-freehand); real pressure only for a pen. */
export function strokeOutline(stroke: InkStroke, options: InkStyle = {}): OutlinePoint[] {
  if (stroke.points.length === 0) return [];
  const pen = stroke.pointerType === 'pen';
  // Touch and mouse report a constant 0.5: let perfect-freehand derive pressure from speed instead.
  // For a pen, simulatePressure must be false or its default (true) overrides the real pressure.
  const input = stroke.points.map((p) =>
    pen ? { x: p.x, y: p.y, pressure: p.pressure } : { x: p.x, y: p.y },
  );
  return getStroke(input, { ...DEFAULT_INK_STYLE, ...options, simulatePressure: !pen });
}

/** An SVG path (`M … Q … Z`) through an outline polygon, for `<path d>` or `new Path2D()`. */
export function outlineToSvgPath(outline: readonly OutlinePoint[]): string {
  const n = outline.length;
  if (n === 0) return '';
  const f = (v: number) => Math.round(v * 100) / 100;
  const first = outline[0]!;
  if (n < 3) return `M${f(first[0])},${f(first[1])}Z`;
  // Quadratic curves through the midpoints: smooth edges without extra vertices.
  let d = `M${f(first[0])},${f(first[1])}Q`;
  for (let i = 0; i < n; i++) {
    const [x0, y0] = outline[i]!;
    const [x1, y1] = outline[(i + 1) % n]!;
    d += `${f(x0)},${f(y0)} ${f((x0 + x1) / 2)},${f((y0 + y1) / 2)} `;
  }
  return `${d.trimEnd()}Z`;
}

/** The box around every point of the strokes, or null when there is no point at all. */
export function strokesBounds(strokes: readonly InkStroke[]): InkBounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const stroke of strokes) {
    for (const p of stroke.points) {
      if (p.x < minX) minX = p.x;
      if (p.y < minY) minY = p.y;
      if (p.x > maxX) maxX = p.x;
      if (p.y > maxY) maxY = p.y;
    }
  }
  if (minX === Infinity) return null;
  return { minX, minY, maxX, maxY, width: maxX - minX, height: maxY - minY };
}

/** True when nothing was written: no stroke, or only taps whose extent stays under `tapPx`. */
export function isBlank(strokes: readonly InkStroke[], tapPx: number = TAP_EXTENT_PX): boolean {
  return strokes.every((stroke) => {
    const b = strokesBounds([stroke]);
    // The box's diagonal, not the path length: a resting finger's jitter adds length, not extent.
    return b === null || Math.hypot(b.width, b.height) < tapPx;
  });
}

/** The uniform factor and offsets that fit `from` into `to`, keeping the aspect ratio, centred. */
export function fitTransform(from: InkSize, to: InkSize): { scale: number; dx: number; dy: number } {
  if (from.width <= 0 || from.height <= 0) return { scale: 1, dx: 0, dy: 0 };
  const scale = Math.min(to.width / from.width, to.height / from.height);
  return {
    scale,
    dx: (to.width - from.width * scale) / 2,
    dy: (to.height - from.height * scale) / 2,
  };
}

/**
 * Strokes drawn on a pad of `fromSize` mapped onto `toSize`: uniformly scaled (handwriting keeps its
 * proportions) and centred; pressure, time and pointer type unchanged. Returns new objects.
 */
export function normalizeStrokes(
  strokes: readonly InkStroke[],
  fromSize: InkSize,
  toSize: InkSize,
): InkStroke[] {
  const { scale, dx, dy } = fitTransform(fromSize, toSize);
  return strokes.map((stroke) => ({
    pointerType: stroke.pointerType,
    points: stroke.points.map((p): PadPoint => ({
      x: p.x * scale + dx,
      y: p.y * scale + dy,
      pressure: p.pressure,
      t: p.t,
    })),
  }));
}

/** A rectangle of a picture, in pixels. */
export interface InkBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The smallest rectangle holding every ink pixel (`isInk(y * width + x)`), grown by `margin` of its larger side (at
 * least 4 px) and kept inside the picture; undefined when there is no ink. Used to crop a signature or a handwritten
 * instruction to its ink, where it is drawn (the ink pad, `inkToPng`) and for older PNGs (`cropToInk`).
 */
export function inkBox(
  isInk: (pixel: number) => boolean,
  width: number,
  height: number,
  margin = 0.05,
): InkBox | undefined {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (isInk(y * width + x)) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
  if (maxX < 0) return undefined;
  const pad = Math.max(4, Math.round(Math.max(maxX - minX + 1, maxY - minY + 1) * margin));
  const left = Math.max(0, minX - pad);
  const top = Math.max(0, minY - pad);
  return {
    left,
    top,
    width: Math.min(width, maxX + pad + 1) - left,
    height: Math.min(height, maxY + pad + 1) - top,
  };
}
