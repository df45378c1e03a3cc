/**
 * 交办单: one signed assignment as the one-page form the departments receive (docs/architecture.md, "Documents"). A view model of
 * ready-to-print strings (`AssignmentSheetData`), a mapper from the records, and the builder.
 */
import { formatChineseDate } from '../domain/deadlines';
import { AlignmentType, ImageRun, LineRuleType, Paragraph } from 'docx';
import type { ParagraphChild } from 'docx';
import { exportBlocker } from '../domain/assignment-lifecycle';
import { checkCode, dataUrlBytes } from '../domain/integrity';
import { URGENCY_LABEL } from '../domain/labels';
import { takeSnapshot } from '../domain/signed-snapshot';
import type { Assignment, Id, SignedSnapshot, SignOff } from '../domain/types';
import type { BundleIndex, MeetingBundle } from './bundle';
import { indexBundle } from './bundle';
import { chineseDateOf, itemNumber, joinNames } from './format';
import {
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
import { pngSize } from './ink-png';
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
  /** 紧急程度: 急 / 重 / 难 / 一般. */
  urgency: string;
  /** 反映问题, verbatim, one entry per concern. */
  verbatim: string[];
  /** 现场答复, each `who：text`. */
  answers: string[];
  /** 领导批示 as typed (may be empty when only handwritten). */
  instruction: string;
  /** The handwritten instruction's PNG, when the leader wrote it by hand. */
  instructionInk?: Uint8Array;
  /** The leader's signature PNG, who signed and when (2026年11月22日). */
  signature: { png: Uint8Array; signer: string; date: string };
  leadLeader: string;
  leadDept: string;
  coDepts: string;
  /** 办理时限, 2026年12月7日. */
  dueDate: string;
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
  return sheetData(snapshot, signOff);
}

/** The sheet's strings from a signed snapshot and the sign-off's signature. */
export function sheetData(snapshot: SignedSnapshot, signOff: SignOff): AssignmentSheetData {
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
    urgency: joinNames([...new Set(snapshot.concerns.map((c) => URGENCY_LABEL[c.urgency]))]),
    verbatim: snapshot.concerns.map((c) => (c.verbatim.trim() !== '' ? c.verbatim : c.summary)),
    answers: snapshot.answers.map((m) => `${m.who}：${m.text}`),
    instruction: snapshot.instruction.trim(),
    ...(snapshot.instructionInk?.png ? { instructionInk: dataUrlBytes(snapshot.instructionInk.png) } : {}),
    signature: {
      png: dataUrlBytes(signOff.png),
      signer: snapshot.signer.name,
      date: chineseDateOf(signOff.signedAt),
    },
    leadLeader: snapshot.leadLeader.name,
    leadDept: snapshot.leadDept.name,
    coDepts: joinNames(snapshot.coDepts.map((d) => d.name)),
    dueDate: snapshot.dueAt ? formatChineseDate(snapshot.dueAt) : '',
    contact: { ...snapshot.contact },
    seal: {
      assignmentId: snapshot.assignmentId,
      signOffHash: signOff.contentHash,
      checkCode: checkCode(signOff.contentHash),
    },
  };
}

// Label, value, label, value: the first label column takes 企业满意度 (five characters) on one line, the second
// four-character labels; the value columns split the rest and each holds a date like 2026年12月21日.
const LABEL_1 = 1700;
const LABEL_2 = 1400;
const VALUE = Math.floor((TEXT_WIDTH - LABEL_1 - LABEL_2) / 2);
const COLUMNS = [LABEL_1, VALUE, LABEL_2, TEXT_WIDTH - LABEL_1 - LABEL_2 - VALUE];
/** Grid of the form table in twips (exported for tests). */
export const SHEET_COLUMNS: readonly number[] = COLUMNS;

// The form is set in 4号 (GB/T 9704 lets tables use a size below 3号): at 3号 an ordinary sheet ran onto a
// second page. One form row: a line of text plus the cell padding, a little taller like a printed form.
const TABLE_SIZE = SIZE.four;
const ROW = 480;

/** Image sizes in px at 96 dpi (docx's unit): the signature about 42 mm wide, the handwriting about 70 mm. */
export const SIGNATURE_WIDTH_PX = Math.round((32 / 25.4) * 96);
export const INSTRUCTION_INK_WIDTH_PX = Math.round((50 / 25.4) * 96);

const cellText = (text: string, align: 'left' | 'center' | 'justify' = 'left') =>
  para([run(text, { size: TABLE_SIZE })], {
    line: LINE.table,
    alignment:
      align === 'center'
        ? AlignmentType.CENTER
        : align === 'justify'
          ? AlignmentType.JUSTIFIED
          : AlignmentType.LEFT,
  });

const label = (text: string): CellSpec => ({
  children: [
    para([run(text, { face: FACE.heading, size: TABLE_SIZE })], {
      line: LINE.table,
      alignment: AlignmentType.CENTER,
    }),
  ],
});

const value = (text: string, span = 1): CellSpec => ({ children: [cellText(text)], span });

/** Paragraphs of running text in a cell, justified, each a concern or an answer. */
const textBlock = (items: readonly string[], numbered: boolean): Paragraph[] =>
  items.length === 0
    ? [cellText('')]
    : items.map((t, i) => cellText(numbered && items.length > 1 ? `${itemNumber(i)}${t}` : t, 'justify'));

/** A PNG `widthPx` wide (px at 96 dpi, docx's unit), its height kept in proportion. */
export function image(png: Uint8Array, widthPx: number, name: string): ImageRun {
  const size = pngSize(png);
  return new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: widthPx, height: Math.round((widthPx * size.height) / size.width) },
    altText: { name, description: name, title: name },
  });
}

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

function instructionCell(data: AssignmentSheetData): Paragraph[] {
  const out: Paragraph[] = [];
  if (data.instruction !== '') out.push(cellText(data.instruction, 'justify'));
  if (data.instructionInk)
    out.push(
      imagePara([image(data.instructionInk, INSTRUCTION_INK_WIDTH_PX, '手写批示')], AlignmentType.LEFT),
    );
  // The signature with its date beside it on one line, as a leader signs a paper form.
  out.push(
    imagePara(
      [
        image(data.signature.png, SIGNATURE_WIDTH_PX, `签批：${data.signature.signer}`),
        run(`　${data.signature.date}`, { size: TABLE_SIZE }),
      ],
      AlignmentType.RIGHT,
    ),
  );
  return out;
}

const BOX = (text: string) => [
  run('☐', { face: FACE.symbol, size: TABLE_SIZE }),
  run(text, { size: TABLE_SIZE }),
];

/** The rows of the form, top to bottom. */
function formRows(data: AssignmentSheetData): RowSpec[] {
  const single = (cells: CellSpec[]): RowSpec => ({ cells, minHeight: ROW, cantSplit: true });
  const reporter = data.reporter.title
    ? `${data.reporter.name}（${data.reporter.title}）`
    : data.reporter.name;
  return [
    single([label('企业名称'), value(data.enterpriseName, 3)]),
    single([label('反映人'), value(reporter), label('联系电话'), value(data.reporter.phone)]),
    single([label('会议名称'), value(data.meeting.title, 3)]),
    single([label('会议日期'), value(data.meeting.date), label('接待领导'), value(data.meeting.leaders)]),
    single([label('问题类别'), value(data.category), label('紧急程度'), value(data.urgency)]),
    // Long verbatim text may run onto the next page: this row splits rather than jumping whole.
    {
      cells: [label('反映问题'), { children: textBlock(data.verbatim, true), span: 3 }],
      minHeight: ROW * 2,
    },
    {
      cells: [label('现场答复'), { children: textBlock(data.answers, false), span: 3 }],
      minHeight: ROW,
    },
    // Instruction, signature and date stay together.
    {
      cells: [label('领导批示'), { children: instructionCell(data), span: 3 }],
      minHeight: ROW * 2,
      cantSplit: true,
    },
    single([label('牵头领导'), value(data.leadLeader), label('办理时限'), value(data.dueDate)]),
    single([label('牵头单位'), value(data.leadDept, 3)]),
    single([label('配合单位'), value(data.coDepts, 3)]),
    { cells: [label('办理结果'), value('', 3)], minHeight: ROW * 3, cantSplit: true },
    single([
      label('企业满意度'),
      {
        children: [
          para(
            [
              ...BOX('满意'),
              run('　　　', { size: TABLE_SIZE }),
              ...BOX('基本满意'),
              run('　　　', { size: TABLE_SIZE }),
              ...BOX('不满意'),
            ],
            {
              line: LINE.table,
            },
          ),
        ],
        span: 3,
      },
    ]),
  ];
}

/** The 交办单 as .docx bytes. */
export async function buildAssignmentSheet(data: AssignmentSheetData): Promise<Uint8Array> {
  const contact = [
    data.contact.organization,
    data.contact.person ? `联系人：${data.contact.person}` : '',
    data.contact.phone ? `联系电话：${data.contact.phone}` : '',
  ].filter((s) => s !== '');
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
          titlePara(data.title, { after: 60 }),
          para([run(`编号：${data.docNumber}`, { size: TABLE_SIZE })], {
            alignment: AlignmentType.RIGHT,
            line: LINE.table,
            after: 60,
          }),
          fixedTable(COLUMNS, formRows(data)),
          para([run(contact.join('　'), { size: TABLE_SIZE })], { before: 120, line: LINE.table }),
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
export const SHEET_IMAGE_MM = { signature: 32, instruction: 50, twipsPerMm: mmToTwip(1) } as const;
