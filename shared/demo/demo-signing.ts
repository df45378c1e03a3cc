/**
 * The demo meeting as it is after 签批: its assignments numbered and signed with handwriting drawn here stroke by
 * stroke (a signature, and a handwritten 同意 on one of them). For the demo documents, their tests and the
 * benchmark, which all run in Node where no canvas draws the PNGs.
 */
import { DEFAULT_DEADLINE_RULES } from '../domain/deadlines';
import { draftDueDate } from '../domain/assignment-draft';
import { SHIPPED_HOLIDAYS } from '../domain/holidays';
import { dataUrlBytes, sha256Hex, snapshotHash } from '../domain/integrity';
import { takeSnapshot } from '../domain/signed-snapshot';
import type { Assignment, EpochMs, Id, InkCapture, InkStroke, IsoDate, SignOff } from '../domain/types';
import type { MeetingBundle } from '../docs/bundle';
import { inkToPng, pngDataUrl } from '../docs/ink-png';
import { buildDemoDataset } from './demo-dataset';

type Glyph = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

// Characters as pen paths on a 100 × 100 cell, written roughly the way a hand writes them.
const WANG: Glyph = [
  [
    [16, 20],
    [84, 16],
  ],
  [
    [24, 50],
    [76, 47],
  ],
  [
    [49, 18],
    [51, 86],
  ],
  [
    [10, 88],
    [92, 82],
  ],
];
const LI: Glyph = [
  [
    [48, 6],
    [54, 17],
  ],
  [
    [16, 28],
    [84, 25],
  ],
  [
    [30, 40],
    [40, 70],
  ],
  [
    [72, 36],
    [58, 72],
  ],
  [
    [8, 86],
    [92, 80],
  ],
];
// The last character of a signature is usually a quick scrawl.
const QUN: Glyph = [
  [
    [10, 22],
    [48, 16],
    [40, 52],
    [14, 50],
    [30, 34],
    [62, 40],
    [28, 70],
    [52, 66],
  ],
  [
    [58, 14],
    [70, 30],
    [88, 10],
    [70, 40],
    [94, 38],
    [66, 60],
    [96, 58],
    [76, 52],
    [80, 96],
  ],
];
const TONG: Glyph = [
  [
    [16, 14],
    [16, 92],
  ],
  [
    [16, 14],
    [84, 11],
    [84, 86],
    [76, 93],
  ],
  [
    [33, 31],
    [67, 30],
  ],
  [
    [33, 47],
    [33, 73],
  ],
  [
    [33, 47],
    [67, 46],
    [67, 71],
  ],
  [
    [34, 71],
    [66, 70],
  ],
];
const YI: Glyph = [
  [
    [49, 1],
    [53, 9],
  ],
  [
    [26, 13],
    [74, 11],
  ],
  [
    [38, 16],
    [43, 25],
  ],
  [
    [63, 15],
    [57, 25],
  ],
  [
    [16, 28],
    [84, 26],
  ],
  [
    [30, 34],
    [30, 57],
  ],
  [
    [30, 34],
    [70, 33],
    [70, 56],
  ],
  [
    [31, 45],
    [69, 44],
  ],
  [
    [31, 56],
    [69, 55],
  ],
  [
    [12, 70],
    [17, 82],
  ],
  [
    [28, 64],
    [31, 86],
    [46, 94],
    [70, 92],
    [74, 84],
  ],
  [
    [46, 64],
    [52, 75],
  ],
  [
    [76, 66],
    [88, 80],
  ],
];

/** Catmull-Rom through the control points, sampled every ~2 px: a pen path rather than a polyline. */
function smoothPath(points: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  if (points.length < 2) return points.map(([x, y]) => [x, y]);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    const steps = Math.max(2, Math.ceil(Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) / 2));
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  const last = points[points.length - 1]!;
  out.push([last[0], last[1]]);
  return out;
}

/** Glyphs laid out in a row of cells, slanted a little, as pen strokes with a pressure that swells and tapers. */
function write(glyphs: readonly Glyph[], cell: number, origin: { x: number; y: number }, slant = 0.12) {
  const strokes: InkStroke[] = [];
  glyphs.forEach((glyph, g) => {
    for (const path of glyph) {
      const pts = smoothPath(path);
      strokes.push({
        pointerType: 'pen',
        points: pts.map(([x, y], i) => {
          const u = pts.length > 1 ? i / (pts.length - 1) : 0;
          const cx = origin.x + g * cell * 1.05 + (x / 100) * cell - (y / 100) * cell * slant;
          return {
            x: cx,
            y: origin.y + (y / 100) * cell,
            pressure: 0.35 + 0.45 * Math.sin(Math.PI * Math.min(1, u * 1.15)),
            t: i * 8,
          };
        }),
      });
    }
  });
  return strokes;
}

/** The signature pad's PNG size (SignaturePanel) and the handwritten instruction's (InstructionPanel). */
export const SIGNATURE_PNG = { width: 600, height: 240 } as const;
export const INSTRUCTION_PNG = { width: 900, height: 300 } as const;

/** A leader's signature (王立群) as strokes on a 600 × 240 pad. */
export function demoSignatureStrokes(): InkStroke[] {
  return write([WANG, LI, QUN], 150, { x: 90, y: 45 });
}

/** A handwritten 同意 as strokes on a 900 × 300 pad. */
export function demoInstructionStrokes(): InkStroke[] {
  return write([TONG, YI], 200, { x: 60, y: 50 }, 0.05);
}

/** Strokes and their PNG as a sign-off or an instruction stores them. */
export function demoInk(strokes: InkStroke[], size: { width: number; height: number }, pen = 7): InkCapture {
  return { strokes, png: pngDataUrl(inkToPng(strokes, { ...size, penSize: pen, crop: true })) };
}

/** Options for `signedDemoBundle`. */
export interface SignedDemoOptions {
  /** The day the demo is built for; the finished meeting is the day before. */
  today: IsoDate;
  now: EpochMs;
  newId: () => Id;
}

/**
 * The demo's finished meeting with its five assignments numbered 〔year〕1…5号, signed by the first host leader,
 * with due dates by the default rules; the second carries a handwritten instruction.
 */
export async function signedDemoBundle({ today, now, newId }: SignedDemoOptions): Promise<MeetingBundle> {
  const demo = buildDemoDataset({ today, now, newId });
  const meeting = demo.meetings[0]!;
  const signer = meeting.hostLeaderIds[0]!;
  const signature = demoInk(demoSignatureStrokes(), SIGNATURE_PNG);
  const instructionInk = demoInk(demoInstructionStrokes(), INSTRUCTION_PNG, 9);
  const year = Number(today.slice(0, 4));
  const dueAt = draftDueDate(meeting.date, DEFAULT_DEADLINE_RULES, SHIPPED_HOLIDAYS).date;
  const pngSha256 = await sha256Hex(dataUrlBytes(signature.png));
  const assignments: Assignment[] = [];
  const signOffs: SignOff[] = [];
  const enterpriseById = new Map(demo.enterprises.map((e) => [e.id, e]));
  const concernById = new Map(demo.concerns.map((c) => [c.id, c]));
  for (const [i, draft] of demo.assignments.filter((a) => a.meetingId === meeting.id).entries()) {
    const signedAt = now + i * 60_000;
    const assignment: Assignment = {
      ...draft,
      docNumber: `${demo.organization.docNumberPrefix}〔${year}〕${i + 1}号`,
      dueAt,
      status: 'signed',
      updatedAt: signedAt,
      ...(i === 1 ? { instructionInk } : {}),
    };
    // What the 交办单 prints, frozen as the app freezes it at signing (format 2).
    const snapshot = takeSnapshot({
      assignment,
      organization: demo.organization,
      meeting,
      enterprise: enterpriseById.get(assignment.enterpriseId),
      speaker: demo.queueEntries.find(
        (q) => q.meetingId === meeting.id && q.enterpriseId === assignment.enterpriseId,
      ),
      concerns: assignment.concernIds.map((id) => concernById.get(id)).filter((c) => c !== undefined),
      answers: demo.minuteEntries.filter((m) => m.meetingId === meeting.id),
      leader: (id) => demo.leaders.find((l) => l.id === id),
      department: (id) => demo.departments.find((d) => d.id === id),
      signer,
    });
    const contentHash = await snapshotHash({
      snapshot,
      strokes: signature.strokes,
      pngSha256,
      signer,
      signedAt,
    });
    assignments.push(assignment);
    signOffs.push({
      id: newId(),
      assignmentId: assignment.id,
      signer,
      signedAt,
      strokes: signature.strokes,
      png: signature.png,
      contentHash,
      format: 2,
      snapshot,
    });
  }
  const of = <T extends { meetingId: Id }>(rows: readonly T[]) =>
    rows.filter((r) => r.meetingId === meeting.id);
  return {
    organization: demo.organization,
    meeting: { ...meeting, status: 'handoff' },
    leaders: demo.leaders,
    departments: demo.departments,
    enterprises: demo.enterprises,
    queueEntries: of(demo.queueEntries),
    concerns: of(demo.concerns),
    minuteEntries: of(demo.minuteEntries),
    assignments,
    signOffs,
  };
}
