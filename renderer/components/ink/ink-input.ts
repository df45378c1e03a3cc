// Turns pointer events into ink strokes with the touchscreen rules of docs/pitfalls.md, "Ink and signatures":
// pressure only from a pen, palm rejection once a pen has been seen, one stroke at a time.
// Kept free of the canvas so happy-dom tests can drive it.
import type { InkStroke, PadPoint } from '../../../shared/domain/types';

/** What the pad reads from one PointerEvent; x and y already in the pad's CSS-pixel space. */
export interface PointerSample {
  pointerId: number;
  /** PointerEvent.pointerType: 'pen' | 'touch' | 'mouse', or '' / others from odd drivers. */
  pointerType: string;
  /** PointerEvent.button on pointerdown (0 = primary; a pen tip is 0 too). */
  button?: number;
  x: number;
  y: number;
  pressure: number;
  /** PointerEvent.timeStamp (ms). */
  timeStamp: number;
}

/** What a pointerdown did. */
export type DownResult =
  | 'started'
  /** A pen came down while a finger (the palm) was drawing: that stroke was dropped, the pen's began. */
  | 'replaced'
  | 'ignored';

const strokeType = (t: string): InkStroke['pointerType'] =>
  t === 'pen' ? 'pen' : t === 'touch' ? 'touch' : 'mouse';

/** The stroke being drawn and the pointer drawing it. */
interface Active {
  pointerId: number;
  t0: number;
  stroke: InkStroke;
}

/** Collects one stroke at a time from pointer samples; the caller stores finished strokes. */
export class InkInput {
  /** Once true, finger touches no longer draw: it is the hand resting on the screen. */
  penSeen = false;
  private active: Active | null = null;

  /** The stroke in progress, or null. */
  get current(): InkStroke | null {
    return this.active?.stroke ?? null;
  }

  /** The pointer currently drawing, or null. */
  get pointerId(): number | null {
    return this.active?.pointerId ?? null;
  }

  /** pointerdown: maybe begin a stroke. */
  down(sample: PointerSample): DownResult {
    const type = strokeType(sample.pointerType);
    if (type === 'pen') this.penSeen = true;
    if (type === 'touch' && this.penSeen) return 'ignored';
    if (type === 'mouse' && (sample.button ?? 0) !== 0) return 'ignored';
    let result: DownResult = 'started';
    if (this.active) {
      // A palm often lands before the pen: the pen wins and the palm's stroke goes.
      if (type === 'pen' && this.active.stroke.pointerType === 'touch') result = 'replaced';
      // A second finger or pointer while one is drawing is not a new stroke.
      else return 'ignored';
    }
    this.active = {
      pointerId: sample.pointerId,
      t0: sample.timeStamp,
      stroke: { pointerType: type, points: [this.point(type, sample, sample.timeStamp)] },
    };
    return result;
  }

  /**
   * pointermove with every coalesced sample of the event (getCoalescedEvents(), or the event itself).
   * Returns true when the stroke in progress grew.
   */
  move(pointerId: number, samples: readonly PointerSample[]): boolean {
    const active = this.active;
    if (!active || active.pointerId !== pointerId) return false;
    const points = active.stroke.points;
    let grew = false;
    for (const s of samples) {
      const p = this.point(active.stroke.pointerType, s, active.t0);
      const last = points[points.length - 1];
      // A pointer that did not move adds nothing but bytes to the stored signature.
      if (last && last.x === p.x && last.y === p.y) continue;
      points.push(p);
      grew = true;
    }
    return grew;
  }

  /** pointerup: the finished stroke to store, or null when this pointer was not drawing. */
  up(pointerId: number, sample?: PointerSample): InkStroke | null {
    if (!this.active || this.active.pointerId !== pointerId) return null;
    if (sample) {
      // A pen reports pressure 0 on pointerup (it has left the glass): keep the last real pressure,
      // or every stroke would end in a needle point.
      const last = this.active.stroke.points.at(-1);
      const pressure = sample.pressure > 0 ? sample.pressure : (last?.pressure ?? 0.5);
      this.move(pointerId, [{ ...sample, pressure }]);
    }
    const stroke = this.active.stroke;
    this.active = null;
    return stroke;
  }

  /** pointercancel (the system took the pointer, e.g. its own palm rejection): drop the stroke. */
  cancel(pointerId: number): boolean {
    if (!this.active || this.active.pointerId !== pointerId) return false;
    this.active = null;
    return true;
  }

  private point(type: InkStroke['pointerType'], s: PointerSample, t0: number): PadPoint {
    // Touch and mouse report 0.5 (or 0) whatever the hand does: only a pen's pressure means anything.
    const round = (v: number, digits = 100) => Math.round(v * digits) / digits;
    const pressure = type === 'pen' ? round(Math.min(1, Math.max(0, s.pressure)), 1000) : 0.5;
    return { x: round(s.x), y: round(s.y), pressure, t: Math.max(0, Math.round(s.timeStamp - t0)) };
  }
}
