/**
 * 交办单: one signed assignment as the one-page form the departments receive (docs/architecture.md, "Documents"). A view model of
 * ready-to-print strings (`AssignmentSheetData`), a mapper from the records, and the builder. The form is laid out
 * to fit its page (shared/docs/sheet-fit.ts): a long demand is set one size smaller, and what still does not fit
 * goes to a 续页 after the complete form.
 */
import { formatChineseDate, formatChineseMonthDay } from '../domain/deadlines';
import { toIsoDate } from '../domain/workdays';
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TabStopType, TextRun } from 'docx';
import type { ParagraphChild } from 'docx';
import { exportBlocker } from '../domain/assignment-lifecycle';
import { checkCode, dataUrlBytes } from '../domain/integrity';
import { URGENCY_LABEL } from '../domain/labels';
import { takeSnapshot } from '../domain/signed-snapshot';
import type { Assignment, EpochMs, Id, IsoDate, SignedSnapshot, SignOff, Urgency } from '../domain/types';
import type { BundleIndex, MeetingBundle } from './bundle';
import { indexBundle } from './bundle';
import { chineseDateOf, itemNumber, joinNames } from './format';
import {
  CHECK_BOX,
  FACE,
  gbDocument,
  gbSection,
  LINE,
  mmToTwip,
  packDocument,
  para,
  run,
  SIZE,
  TEXT_WIDTH,
  titlePara,
} from './gbt9704';
import { fitInk } from './ink-png';
import type { InkSize } from '../domain/ink';
import type { SheetFit } from './sheet-fit';
import {
  CONTINUATION_MARK,
  CONTINUED_MARK,
  cutToLines,
  fitSheet,
  FORM_BUDGET,
  FORM_LINE,
  inner,
  linesOf,
  ROW,
  rowHeight,
  SMALL_LINE,
  TITLE_LINE,
} from './sheet-fit';
import type { CellSpec, RowSpec } from './table';
import { fixedTable } from './table';

/** Everything a 交办单 prints, as the strings it prints them (dates already in Chinese style). */
export interface AssignmentSheetData {
  /** 青溪区民营企业接待日交办单 */
  title: string;
  /** 青工商联交〔2026〕12号 */
  docNumber: string;
  enterpriseName: string;
  /** 反映人, with 职务 and 电话 (printed in full: the department calls the enterprise back). */
  reporter: { name: string; title: string; phone: string };
  /** 会议: name, date (2026年11月21日), 接待领导 joined with 、. */
  meeting: { title: string; date: string; leaders: string };
  /** 问题类别, several joined with 、 when concerns were merged. */
  category: string;
  /** 紧急程度, one value: the most pressing of the demands (急 / 重 / 难 / 一般). */
  urgency: string;
  /** 反映问题, verbatim, one entry per concern. */
  verbatim: string[];
  /** Each demand's own 紧急程度, in the order of `verbatim`: printed after a demand when they differ. */
  verbatimUrgency?: string[];
  /** 现场答复, each `who：text`. */
  answers: string[];
  /** 领导批示 as typed (may be empty when only handwritten). */
  instruction: string;
  /** The handwritten instruction's PNG, when the leader wrote it by hand. */
  instructionInk?: Uint8Array;
  /** The leader's signature PNG, who signed and when (2026年11月22日). */
  signature: { png: Uint8Array; signer: string; date: string };
  /** 牵头领导 with title: 张明德（区委常委、常务副区长）. */
  leadLeader: string;
  leadDept: string;
  coDepts: string;
  /** 办理时限, 2026年12月7日. */
  dueDate: string;
  /** 交办日期: the day the sheet leaves the federation (2026年11月22日). */
  handedOn: string;
  /** The reply deadline in words: 请于12月7日前将办理结果书面反馈青溪区工商联。 */
  replyBy: string;
  /** The federation at the foot of the sheet. */
  contact: { organization: string; person: string; phone: string };
  /** What ties the paper to the database: the assignment, its sign-off hash, and the printed check code. */
  seal: { assignmentId: Id; signOffHash: string; checkCode: string };
}

/** Names of the custom document properties a 交办单 carries, read back by 核对交办单. */
export const SHEET_PROPERTY = {
  assignmentId: 'KentanAssignmentId',
  docNumber: 'KentanDocNumber',
  signOffHash: 'KentanSignOffHash',
} as const;

/** Thrown when an assignment may not become a signed 交办单; the message says why, in Chinese. */
export class SheetBlockedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SheetBlockedError';
  }
}

/**
 * Why an assignment may not be printed as signed (a 交办单, a numbered row of the 会议纪要), or undefined when it
 * may: unsigned, out of the local loop, an integrity `problem`, no current sign-off, or no 文号.
 */
export function sheetBlocker(ix: BundleIndex, a: Assignment, problem?: string): string | undefined {
  const blocked = exportBlocker(a.status, problem);
  if (blocked) return blocked;
  if (!ix.signOff(a.id)) return '找不到签批记录，不能作为已签批交办单导出，请重新签批';
  if (!a.docNumber) return '交办件没有文号，不能导出交办单';
  return undefined;
}

/**
 * The sheet of one assignment of the bundle. Throws `SheetBlockedError` when it is unsigned, out of the local
 * loop, marked with an integrity `problem`, or has no current sign-off: such an item is never printed as signed.
 */
export function assignmentSheetData(
  bundle: MeetingBundle,
  assignmentId: Id,
  problem?: string,
  // A meeting's sheets share one index: built once per meeting, not once per sheet.
  ix: BundleIndex = indexBundle(bundle),
  // 交办日期 of an item not handed over yet: the sheet is printed to be handed over now.
  now: EpochMs = Date.now(),
): AssignmentSheetData {
  const a = ix.assignments.find((x) => x.id === assignmentId);
  if (!a) throw new SheetBlockedError('找不到这件交办件');
  const blocked = sheetBlocker(ix, a, problem);
  const signOff = ix.signOff(a.id);
  if (blocked || !signOff || !a.docNumber) throw new SheetBlockedError(blocked ?? '');

  // Printed from what was signed (format 2); a sign-off made before snapshots existed prints the live records.
  const snapshot =
    signOff.snapshot ??
    takeSnapshot({
      assignment: a,
      organization: bundle.organization,
      meeting: bundle.meeting,
      enterprise: ix.enterprise(a.enterpriseId),
      speaker: ix.queue.find((q) => q.enterpriseId === a.enterpriseId),
      concerns: a.concernIds.map((id) => ix.concern(id)).filter((c) => c !== undefined),
      answers: ix.minutes,
      leader: ix.leader,
      department: ix.department,
      signer: signOff.signer,
    });
  return sheetData(snapshot, signOff, a.handedOffAt ?? now);
}

// The order of 紧急程度, most pressing first.
const URGENCY_ORDER: readonly Urgency[] = ['urgent', 'major', 'hard', 'normal'];

/** 请于12月7日前将办理结果书面反馈青溪区工商联。 (the year too when the deadline falls in another year than `from`). */
export function replySentence(dueAt: IsoDate | '', from: IsoDate, organization: string): string {
  if (!dueAt) return `请按期将办理结果书面反馈${organization}。`;
  const day =
    dueAt.slice(0, 4) === from.slice(0, 4) ? formatChineseMonthDay(dueAt) : formatChineseDate(dueAt);
  return `请于${day}前将办理结果书面反馈${organization}。`;
}

/**
 * The sheet's strings from a signed snapshot and the sign-off's signature; `handedOffAt` is the 交办时间 (or
 * the moment the sheet is printed to be handed over).
 */
export function sheetData(
  snapshot: SignedSnapshot,
  signOff: SignOff,
  handedOffAt: EpochMs,
): AssignmentSheetData {
  const urgencies = snapshot.concerns.map((c) => c.urgency);
  const top = URGENCY_ORDER.find((u) => urgencies.includes(u)) ?? 'normal';
  const mixed = new Set(urgencies).size > 1;
  const lead = snapshot.leadLeader;
  return {
    title: snapshot.sheetTitle,
    docNumber: snapshot.docNumber,
    enterpriseName: snapshot.enterprise.name,
    reporter: { ...snapshot.reporter },
    meeting: {
      title: snapshot.meeting.title,
      date: formatChineseDate(snapshot.meeting.date),
      leaders: joinNames(snapshot.meeting.hosts.map((h) => h.name)),
    },
    category: joinNames([...new Set(snapshot.concerns.map((c) => c.category))]),
    urgency: URGENCY_LABEL[top],
    verbatim: snapshot.concerns.map((c) => (c.verbatim.trim() !== '' ? c.verbatim : c.summary)),
    ...(mixed ? { verbatimUrgency: urgencies.map((u) => URGENCY_LABEL[u]) } : {}),
    answers: snapshot.answers.map((m) => `${m.who}：${m.text}`),
    instruction: snapshot.instruction.trim(),
    ...(snapshot.instructionInk?.png ? { instructionInk: dataUrlBytes(snapshot.instructionInk.png) } : {}),
    signature: {
      png: dataUrlBytes(signOff.png),
      signer: snapshot.signer.name,
      date: chineseDateOf(signOff.signedAt),
    },
    leadLeader: lead.title ? `${lead.name}（${lead.title}）` : lead.name,
    leadDept: snapshot.leadDept.name,
    coDepts: joinNames(snapshot.coDepts.map((d) => d.name)),
    dueDate: snapshot.dueAt ? formatChineseDate(snapshot.dueAt) : '',
    handedOn: chineseDateOf(handedOffAt),
    replyBy: replySentence(snapshot.dueAt, toIsoDate(handedOffAt), snapshot.contact.organization),
    contact: { ...snapshot.contact },
    seal: {
      assignmentId: snapshot.assignmentId,
      signOffHash: signOff.contentHash,
      checkCode: checkCode(signOff.contentHash),
    },
  };
}

// Label, value, label, value: four-character labels in both label columns; the value columns split the rest and
// each holds a date like 2026年12月21日.
const LABEL_1 = 1500;
const LABEL_2 = 1400;
const VALUE = Math.floor((TEXT_WIDTH - LABEL_1 - LABEL_2) / 2);
const COLUMNS = [LABEL_1, VALUE, LABEL_2, TEXT_WIDTH - LABEL_1 - LABEL_2 - VALUE];
/** Grid of the form table in twips (exported for tests). */
export const SHEET_COLUMNS: readonly number[] = COLUMNS;
const WIDE = TEXT_WIDTH - LABEL_1;
const WIDE_INNER = inner(WIDE);

// The form is set in 4号 (GB/T 9704 lets tables use a size below 3号) on 18 pt lines; the demand's words and the
// on-site answer go one step down, to 小四, when the sheet would otherwise not keep its spare room
// (shared/docs/sheet-fit.ts).
const TABLE_SIZE = SIZE.four;

/** Image sizes in px at 96 dpi (docx's unit): the signature about 32 mm wide, the handwriting about 50 mm. */
export const SIGNATURE_WIDTH_PX = Math.round((32 / 25.4) * 96);
export const INSTRUCTION_INK_WIDTH_PX = Math.round((50 / 25.4) * 96);
// On the 交办单 the handwriting shares its line with the signature and the date: 40 mm leaves them room.
const SHEET_INK_WIDTH_PX = Math.round((40 / 25.4) * 96);

/**
 * The boxes ink is printed in: the width above, and no taller than the whole pad would print at that width (the
 * instruction pad is 3:1, the signature pad 5:2). Ink cropped to itself (since issue 16) is wider in proportion to
 * its height than the pad, so a one-line 同意 prints as tall as the box and larger than before, a handwritten
 * instruction of several lines prints at the box's height with its lines as large as the box allows, and neither
 * makes its row taller than an uncropped pad did.
 */
export const SIGNATURE_BOX = { width: SIGNATURE_WIDTH_PX, height: Math.round((SIGNATURE_WIDTH_PX * 2) / 5) };
export const INSTRUCTION_INK_BOX = {
  width: INSTRUCTION_INK_WIDTH_PX,
  height: Math.round(INSTRUCTION_INK_WIDTH_PX / 3),
};
const SHEET_INK_BOX = { width: SHEET_INK_WIDTH_PX, height: Math.round(SHEET_INK_WIDTH_PX / 3) };
/** One px at 96 dpi in twips. */
const PX = 15;

type Align = 'left' | 'center' | 'justify' | 'right';
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  justify: AlignmentType.JUSTIFIED,
  right: AlignmentType.RIGHT,
} as const;

const cellText = (text: string, align: Align = 'left', size: number = TABLE_SIZE, line = FORM_LINE) =>
  para([run(text, { size })], { line, alignment: ALIGN[align] });

const label = (text: string): CellSpec => ({
  children: [
    para([run(text, { face: FACE.heading, size: TABLE_SIZE })], {
      line: FORM_LINE,
      alignment: AlignmentType.CENTER,
    }),
  ],
});

const value = (text: string, span = 1): CellSpec => ({ children: [cellText(text)], span });

/** Two blanks to fill in on one line: the second starts at a tab stop `at` twips into the cell. */
const blanks = (first: string, second: string, at: number) =>
  para([run(first, { size: TABLE_SIZE }), new TextRun({ text: '\t' }), run(second, { size: TABLE_SIZE })], {
    line: FORM_LINE,
    tabStops: [{ type: TabStopType.LEFT, position: at }],
  });

/**
 * A demand with its 紧急程度 after it: 「…支持（一般）」. A demand that already ends in brackets takes the label
 * into them (「…（书面反映；急）」), and one that already names its urgency there is left as it is.
 */
export function withUrgency(text: string, urgency: string): string {
  const t = text.trim().replace(/[。；;，,]+$/, '');
  const bracket = /（([^（）]*)）$/.exec(t);
  if (!bracket) return `${t}（${urgency}）`;
  if (bracket[1]!.split(/[；，、;,]/).includes(urgency)) return t;
  return `${t.slice(0, -1)}；${urgency}）`;
}

/** The demands as the form numbers them, each with its own 紧急程度 when the merged demands differ. */
export function demandTexts(data: Pick<AssignmentSheetData, 'verbatim' | 'verbatimUrgency'>): string[] {
  const n = data.verbatim.length;
  return data.verbatim.map((t, i) => {
    const urgency = data.verbatimUrgency?.[i];
    const text = urgency ? withUrgency(t, urgency) : t;
    return n > 1 ? `${itemNumber(i)}${text}` : text;
  });
}

/** A PNG `widthPx` wide (px at 96 dpi, docx's unit), its height kept in proportion. */
export function image(png: Uint8Array, box: InkSize, name: string): ImageRun {
  return new ImageRun({
    type: 'png',
    data: png,
    transformation: fitInk(png, box),
    altText: { name, description: name, title: name },
  });
}

/** The height in twips of a PNG printed in `box`. */
const imageTwips = (png: Uint8Array, box: InkSize): number => fitInk(png, box).height * PX;

// Paragraphs holding a picture take automatic line height: an exact one would clip the picture to one line.
export const imagePara = (
  children: ParagraphChild[],
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
) =>
  new Paragraph({
    alignment,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    children,
  });

// What a picture's line adds to the picture: the descent of the 4号 text beside it, and some more.
const IMAGE_LINE_EXTRA = 140;

/**
 * The instruction cell: the typed words, then the handwriting at the left and the signature with its date at
 * the right of one line, as a leader signs a paper form (the signature alone at the right without handwriting).
 */
function instructionCell(
  data: AssignmentSheetData,
  text: string = data.instruction,
): { children: Paragraph[]; height: number } {
  const out: Paragraph[] = [];
  let height = 0;
  if (text !== '') {
    out.push(cellText(text, 'justify'));
    height += linesOf(text, WIDE_INNER, TABLE_SIZE) * FORM_LINE;
  }
  const signature = (gap: string) => [
    image(data.signature.png, SIGNATURE_BOX, `签批：${data.signature.signer}`),
    run(`${gap}${data.signature.date}`, { size: TABLE_SIZE }),
  ];
  const signatureHeight = imageTwips(data.signature.png, SIGNATURE_BOX);
  if (data.instructionInk) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        autoSpaceEastAsianText: false,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        tabStops: [{ type: TabStopType.RIGHT, position: WIDE_INNER }],
        children: [
          image(data.instructionInk, SHEET_INK_BOX, '手写批示'),
          new TextRun({ text: '\t' }),
          ...signature('　'),
        ],
      }),
    );
    height += Math.max(imageTwips(data.instructionInk, SHEET_INK_BOX), signatureHeight);
  } else {
    out.push(imagePara(signature('　'), AlignmentType.RIGHT));
    height += signatureHeight;
  }
  return { children: out, height: height + IMAGE_LINE_EXTRA };
}

const BOX = (text: string) => [
  run(CHECK_BOX.glyph, { face: CHECK_BOX.face, size: TABLE_SIZE }),
  run(text, { size: TABLE_SIZE }),
];

// Where the second blank of the receipt and visit lines starts, in twips from the cell's text edge.
const SECOND_BLANK = 3600;

/** 办理结果: the reply deadline in words, room to write (`room` twips), and the department's receipt. */
const resultCell = (data: AssignmentSheetData, room: number): Paragraph[] => [
  cellText(data.replyBy),
  ...(room > 0 ? [para([], { line: room })] : []),
  blanks('承办单位（盖章）：', '经办人：', SECOND_BLANK),
  blanks('联系电话：', '办结日期：　　年　月　日', SECOND_BLANK),
];

/** 签收: the department's unit, who signed for the sheet and when, across the whole width of the form. */
const receiptRow = (): RowSpec => {
  const heading = (text: string) => run(text, { face: FACE.heading, size: TABLE_SIZE });
  const tab = new TextRun({ text: '\t' });
  const width = inner(TEXT_WIDTH);
  return {
    cells: [
      {
        span: 4,
        children: [
          para(
            [
              heading('签收单位：'),
              tab,
              heading('签收人：'),
              new TextRun({ text: '\t' }),
              heading('签收时间：'),
              run('　　月　　日', { size: TABLE_SIZE }),
            ],
            {
              line: FORM_LINE,
              tabStops: [
                { type: TabStopType.LEFT, position: Math.round(width * 0.42) },
                { type: TabStopType.RIGHT, position: width },
              ],
            },
          ),
        ],
      },
    ],
    minHeight: ROW,
    cantSplit: true,
  };
};

/** 回访: the enterprise's verdict, who called and when, and what it said. */
const visitCell = (): Paragraph[] => [
  para(
    [
      ...BOX('满意'),
      run('　　　', { size: TABLE_SIZE }),
      ...BOX('基本满意'),
      run('　　　', { size: TABLE_SIZE }),
      ...BOX('不满意'),
    ],
    {
      line: FORM_LINE,
    },
  ),
  blanks('回访人：', '回访时间：　　年　月　日', SECOND_BLANK),
  cellText('企业意见：'),
];

/** One row of the form with the lines its cells take (for the estimate). */
interface SizedRow {
  row: RowSpec;
  height: number;
}

/** A row of label / value pairs, one line high unless a value wraps. */
function pairRow(cells: Array<[string, string, number?]>): SizedRow {
  let lines = 1;
  let col = 0;
  const specs: CellSpec[] = [];
  for (const [l, v, span = 1] of cells) {
    specs.push(label(l), value(v, span));
    const width = COLUMNS.slice(col + 1, col + 1 + span).reduce((a, b) => a + b, 0);
    lines = Math.max(lines, linesOf(v, inner(width), TABLE_SIZE));
    col += 1 + span;
  }
  return { row: { cells: specs, minHeight: ROW, cantSplit: true }, height: rowHeight(lines * FORM_LINE) };
}

/** The form's rows, top to bottom, the demand's text as `fit` lays it out. */
/** The fit of the demand's text, and the part of a very long typed instruction that goes to the 续页 too. */
export interface SheetLayout extends SheetFit {
  instructionRest: string;
}

// The least the demand and the answer keep on the form (小四): three lines and one.
const LEAST_TEXT = rowHeight(3 * SMALL_LINE, ROW * 2) + rowHeight(SMALL_LINE);

function formRows(data: AssignmentSheetData): { rows: (fit: SheetFit) => RowSpec[]; fit: SheetLayout } {
  const reporter = data.reporter.title
    ? `${data.reporter.name}（${data.reporter.title}）`
    : data.reporter.name;
  const head = [
    pairRow([['企业名称', data.enterpriseName, 3]]),
    pairRow([
      ['反映人', reporter],
      ['联系电话', data.reporter.phone],
    ]),
    pairRow([['会议名称', data.meeting.title, 3]]),
    pairRow([
      ['会议日期', data.meeting.date],
      ['接待领导', data.meeting.leaders],
    ]),
    pairRow([
      ['问题类别', data.category],
      ['紧急程度', data.urgency],
    ]),
  ];
  let instruction = instructionCell(data);
  const tail = [
    pairRow([['牵头领导', data.leadLeader, 3]]),
    pairRow([['牵头单位', data.leadDept, 3]]),
    pairRow([['配合单位', data.coDepts, 3]]),
    pairRow([
      ['交办日期', data.handedOn],
      ['办理时限', data.dueDate],
    ]),
    { row: receiptRow(), height: rowHeight(FORM_LINE) },
  ];
  const resultRow = (room: number): RowSpec => ({
    cells: [label('办理结果'), { children: resultCell(data, room), span: 3 }],
    cantSplit: true,
  });
  const result: SizedRow = { row: resultRow(0), height: rowHeight(3 * FORM_LINE) };
  const visit: SizedRow = {
    row: { cells: [label('回访情况'), { children: visitCell(), span: 3 }], cantSplit: true },
    height: rowHeight(3 * FORM_LINE),
  };
  // A typed instruction too long to leave the demand its least room keeps what fits; the rest goes to the 续页.
  let instructionRest = '';
  const others = [...head, ...tail, result, visit].reduce((n, r) => n + r.height, 0);
  const over = others + LEAST_TEXT + rowHeight(instruction.height, ROW * 2) - FORM_BUDGET;
  if (over > 0 && data.instruction !== '') {
    const lines = linesOf(data.instruction, WIDE_INNER, TABLE_SIZE) - Math.ceil(over / FORM_LINE);
    const [kept, rest] = cutToLines(
      data.instruction,
      Math.max(1, lines),
      WIDE_INNER,
      TABLE_SIZE,
      CONTINUED_MARK,
    );
    if (rest !== '') {
      instruction = instructionCell(data, `${kept}${CONTINUED_MARK}`);
      instructionRest = kept === '' ? rest : `${CONTINUATION_MARK}${rest}`;
    }
  }
  const instructionRow: SizedRow = {
    row: {
      cells: [label('领导批示'), { children: instruction.children, span: 3 }],
      minHeight: ROW * 2,
      cantSplit: true,
    },
    height: rowHeight(instruction.height, ROW * 2),
  };
  const fixed = [...head, instructionRow, ...tail, result, visit];
  const fit = fitSheet({
    fixedRows: fixed.reduce((n, r) => n + r.height, 0),
    textWidth: WIDE,
    verbatim: demandTexts(data),
    answers: data.answers,
  });
  const text = (items: string[], f: SheetFit) =>
    items.map((t) => cellText(t, 'justify', f.textSize, f.textLine));
  // Every row stays whole: the form is laid out to fit its page, and what does not fit goes to the 续页.
  const rows = (f: SheetFit): RowSpec[] => [
    ...head.map((r) => r.row),
    {
      cells: [label('反映问题'), { children: text(f.verbatim.form, f), span: 3 }],
      minHeight: ROW * 2,
      cantSplit: true,
    },
    {
      cells: [label('现场答复'), { children: text(f.answers.form, f), span: 3 }],
      minHeight: ROW,
      cantSplit: true,
    },
    instructionRow.row,
    ...tail.map((r) => r.row),
    // The room the demand leaves (beyond the spare at the foot) is room to write the result, up to four lines.
    resultRow(Math.min(4 * FORM_LINE, Math.max(0, f.budget - f.formHeight))),
    visit.row,
  ];
  return { rows, fit: { ...fit, continued: fit.continued || instructionRest !== '', instructionRest } };
}

/** The layout the sheet gets: the demand's size, what goes to a 续页, the estimated height (for tests). */
export function sheetFit(data: AssignmentSheetData): SheetLayout {
  return formRows(data).fit;
}

/** The 续页: headed 交办单续页 with the 文号, the rest of the demand and of the answer. */
function continuation(data: AssignmentSheetData, fit: SheetLayout): Paragraph[] {
  const heading = (text: string) =>
    para([run(text, { face: FACE.heading, size: TABLE_SIZE })], { line: LINE.table, before: 120 });
  const body = (text: string) =>
    para([run(text, { size: TABLE_SIZE })], {
      line: LINE.table,
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 2 * TABLE_SIZE * 10 },
    });
  const out: Paragraph[] = [
    para([run('交办单续页', { face: FACE.heading, size: SIZE.body })], {
      alignment: AlignmentType.CENTER,
      line: LINE.body,
      pageBreakBefore: true,
    }),
    para([run(`编号：${data.docNumber}`, { size: TABLE_SIZE })], {
      alignment: AlignmentType.RIGHT,
      line: LINE.table,
    }),
    para([run(`企业名称：${data.enterpriseName}`, { size: TABLE_SIZE })], { line: LINE.table, after: 60 }),
  ];
  if (fit.verbatim.rest.length > 0) out.push(heading('反映问题（续）'), ...fit.verbatim.rest.map(body));
  if (fit.answers.rest.length > 0) out.push(heading('现场答复（续）'), ...fit.answers.rest.map(body));
  if (fit.instructionRest !== '') out.push(heading('领导批示（续）'), body(fit.instructionRest));
  return out;
}

/** The 交办单 as .docx bytes. */
export async function buildAssignmentSheet(data: AssignmentSheetData): Promise<Uint8Array> {
  const contact = [
    data.contact.organization,
    data.contact.person ? `联系人：${data.contact.person}` : '',
    data.contact.phone ? `联系电话：${data.contact.phone}` : '',
  ].filter((s) => s !== '');
  const { rows, fit } = formRows(data);
  const doc = gbDocument(
    {
      title: `${data.docNumber} ${data.enterpriseName} 交办单`,
      creator: data.contact.organization,
      properties: [
        { name: SHEET_PROPERTY.assignmentId, value: data.seal.assignmentId },
        { name: SHEET_PROPERTY.docNumber, value: data.docNumber },
        { name: SHEET_PROPERTY.signOffHash, value: data.seal.signOffHash },
      ],
    },
    [
      gbSection(
        [
          titlePara(data.title, { line: TITLE_LINE, after: 60 }),
          para([run(`编号：${data.docNumber}`, { size: TABLE_SIZE })], {
            alignment: AlignmentType.RIGHT,
            line: FORM_LINE,
            after: 40,
          }),
          fixedTable(COLUMNS, rows(fit)),
          para([run(contact.join('　'), { size: TABLE_SIZE })], { before: 80, line: FORM_LINE }),
          ...(fit.continued ? continuation(data, fit) : []),
        ],
        // The check code in small type at the foot: the first 12 hex digits of the sign-off hash, which
        // 核对交办单 compares with the database.
        { footnote: `核对码 ${data.seal.checkCode}` },
      ),
    ],
  );
  return packDocument(doc);
}

/** Millimetres of the sheet's images, for tests that check the sizes stay sensible. */
export const SHEET_IMAGE_MM = { signature: 32, instruction: 40, twipsPerMm: mmToTwip(1) } as const;
