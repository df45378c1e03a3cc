/**
 * 办理全过程: one 交办件's whole history on paper, for the file (docs/architecture.md, "Documents"). The title, what
 * identifies the item (文号, 企业, 诉求, 牵头领导 and 单位, 状态), then the timeline of
 * shared/domain/follow-up-timeline.ts as a ruled table — 时间, 环节, 经过 — with the signed instruction, the
 * leader's handwriting and signature where he signed, and every correction beside the step it corrects. The
 * current sign-off's 核对码 at the foot ties the paper to the database, as on the 交办单.
 */
import { AlignmentType } from 'docx';
import type { Paragraph, Table } from 'docx';
import { formatChineseDate } from '../domain/deadlines';
import { correctionText, type FollowUpTimeline, type TimelineEntry } from '../domain/follow-up-timeline';
import { dataUrlBytes } from '../domain/integrity';
import type { IsoDate } from '../domain/types';
import { image, imagePara, INSTRUCTION_INK_BOX, SIGNATURE_BOX } from './assignment-sheet';
import { FACE, gbDocument, gbSection, LINE, packDocument, para, run, SIZE, TEXT_WIDTH } from './gbt9704';
import type { MeetingFact } from './meeting-facts';
import { columnFor, factPara, HALF_LINE, titleParas } from './meeting-facts';
import { dateLines } from './minutes';
import type { CellSpec, RowSpec } from './table';
import { fixedTable } from './table';

/** What the 办理全过程 prints besides the timeline. */
export interface ItemHistoryData {
  timeline: FollowUpTimeline;
  /** The federation, for the document's properties and the foot of the record. */
  organization: string;
  /** The day it is printed. */
  today: IsoDate;
  /** The current sign-off's check code (核对码), when the item is signed. */
  checkCode?: string;
}

/** The file name's stem: 青工商联交〔2026〕1号-临江恒泰住房租赁有限公司-办理全过程. */
export function itemHistoryStem(timeline: Pick<FollowUpTimeline, 'docNumber' | 'enterprise'>): string {
  return [timeline.docNumber || '未编号', timeline.enterprise, '办理全过程']
    .filter((s) => s !== '')
    .join('-');
}

// The record in 小四: three columns, the last one wide enough for the words as said.
const TABLE_SIZE = SIZE.smallFour;
const TABLE_LINE = 360;
const TIME = columnFor(5, TABLE_SIZE);
const STAGE = columnFor(5, TABLE_SIZE);
/** The grid of the record in twips, filling the type area (exported for tests). */
export const HISTORY_COLUMNS: readonly number[] = [TIME, STAGE, TEXT_WIDTH - TIME - STAGE];

const textPara = (
  children: Parameters<typeof para>[0],
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
) => para(children, { line: TABLE_LINE, alignment });

const small = (text: string, face = FACE.body) => run(text, { face, size: TABLE_SIZE });

/** 2026年 / 11月21日 / 09:32 on three lines, centred. */
function timeCell(e: TimelineEntry): CellSpec {
  const lines = [...dateLines(formatChineseDate(e.on)), ...(e.time ? [e.time] : [])];
  return { children: lines.map((l) => textPara([small(l)], AlignmentType.CENTER)) };
}

function stageCell(e: TimelineEntry): CellSpec {
  // 领导签批（已重签） as 领导签批 / （已重签）: the column holds five characters.
  const cut = e.title.indexOf('（');
  const title = cut > 0 ? [e.title.slice(0, cut), e.title.slice(cut)] : [e.title];
  const round = e.round !== undefined && e.round > 1 ? [`第${e.round}次办理`] : [];
  return {
    children: [...title, ...round].map((t, i) =>
      textPara([small(t, i === 0 ? FACE.heading : FACE.body)], AlignmentType.CENTER),
    ),
  };
}

/** `label：text` with the label in 黑体, or the text alone. */
const detail = (label: string, text: string): Paragraph =>
  textPara(label ? [small(`${label}：`, FACE.heading), small(text)] : [small(text)], AlignmentType.JUSTIFIED);

function courseCell(e: TimelineEntry): CellSpec {
  const out: Paragraph[] = [];
  if (e.who.trim() !== '') out.push(detail(e.whoLabel, e.who));
  for (const l of e.lines) out.push(detail(l.label, l.text));
  if (e.ink?.instruction)
    out.push(
      imagePara(
        [image(dataUrlBytes(e.ink.instruction), INSTRUCTION_INK_BOX, '手写批示')],
        AlignmentType.LEFT,
      ),
    );
  if (e.ink)
    out.push(
      imagePara(
        [image(dataUrlBytes(e.ink.signature), SIGNATURE_BOX, `签批：${e.ink.signer}`)],
        AlignmentType.RIGHT,
      ),
    );
  for (const c of e.corrections)
    out.push(
      textPara(
        [small('更正：', FACE.subheading), small(correctionText(c), FACE.subheading)],
        AlignmentType.JUSTIFIED,
      ),
    );
  return { children: out.length > 0 ? out : [textPara([small('')])], align: 'top' };
}

function historyTable(entries: readonly TimelineEntry[]): Table {
  const header = (text: string): CellSpec => ({
    children: [textPara([small(text, FACE.heading)], AlignmentType.CENTER)],
  });
  const rows: RowSpec[] = [
    {
      cells: [header('时间'), header('环节'), header('经过')],
      header: true,
      cantSplit: true,
      minHeight: TABLE_LINE + 60,
    },
    // A long entry (the words as said) may run onto the next page rather than leave a gap.
    ...entries.map((e) => ({ cells: [timeCell(e), stageCell(e), courseCell(e)], cantSplit: !!e.ink })),
  ];
  return fixedTable(HISTORY_COLUMNS, rows);
}

/** The facts at the head: what the item is, where it stands. */
function facts(t: FollowUpTimeline): MeetingFact[] {
  return [
    { label: '文号', text: t.docNumber || '（尚未签批编号）' },
    { label: '企业', text: t.enterprise },
    { label: '诉求', text: t.matter },
    { label: '牵头领导', text: t.leadLeader },
    { label: '牵头单位', text: t.leadDept },
    { label: '配合单位', text: t.coDepts },
    { label: '答复期限', text: t.replyDue },
    { label: '当前状态', text: t.status },
  ].filter((f) => f.text.trim() !== '');
}

/** The 办理全过程 as .docx bytes. */
export async function buildItemHistory(data: ItemHistoryData): Promise<Uint8Array> {
  const t = data.timeline;
  const children: Array<Paragraph | Table> = [
    ...titleParas(['交办事项办理全过程']),
    ...facts(t).map(factPara),
    para([''], { line: HALF_LINE }),
    t.entries.length > 0
      ? historyTable(t.entries)
      : para(['（暂无办理记录）'], { alignment: AlignmentType.CENTER }),
    para([run(`${data.organization}　${formatChineseDate(data.today)}打印`, { size: TABLE_SIZE })], {
      alignment: AlignmentType.RIGHT,
      line: LINE.table,
      before: 120,
    }),
  ];
  const doc = gbDocument({ title: `${t.docNumber} ${t.enterprise} 办理全过程`, creator: data.organization }, [
    gbSection(children, data.checkCode ? { footnote: `核对码 ${data.checkCode}` } : {}),
  ]);
  return packDocument(doc);
}
