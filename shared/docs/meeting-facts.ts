/**
 * What the 会议纪要 and the 会前材料 both print: the title over one or two lines, the meeting's facts (时间, 地点,
 * 领导, 参会单位 …) and small ruled lists in a table. Strings in, paragraphs out.
 */
import { formatChineseDate } from '../domain/deadlines';
import { AlignmentType } from 'docx';
import type { Paragraph, Table } from 'docx';
import { formatChineseMonthDay } from '../domain/deadlines';
import type { Id, Meeting } from '../domain/types';
import { toIsoDate } from '../domain/workdays';
import type { BundleIndex } from './bundle';
import { clockOf, joinNames } from './format';
import { bodyPara, CHAR, FACE, LINE, para, run, SIZE, TEXT_WIDTH, titlePara } from './gbt9704';
import type { CellSpec, RowSpec } from './table';
import { fixedTable } from './table';

/** One fact of the meeting, printed `时间：2026年11月21日 09:20—09:55`. */
export interface MeetingFact {
  label: string;
  text: string;
}

/** 区委书记王立群，区委常委、常务副区长张明德: title before name, as documents name leaders. */
export function leadersText(ix: BundleIndex, ids: readonly Id[]): string {
  // Titles hold 、 themselves (区委常委、常务副区长), so people are separated by ，.
  return ids
    .map((id) => ix.leader(id))
    .filter((l) => l !== undefined)
    .map((l) => `${l.title.trim()}${l.name}`)
    .join('，');
}

/** The attending departments' full names joined with 、. */
export function departmentsText(ix: BundleIndex, ids: readonly Id[]): string {
  return joinNames(ids.map((id) => ix.department(id)?.name));
}

/**
 * 2026年11月21日 09:20—09:55 when the meeting was held (started and ended), on the day it was held — the day it
 * started, whatever day was planned — and the day it ended when that was another (past midnight); else the
 * planned date and start time.
 */
export function meetingTimeText(meeting: Meeting): string {
  if (meeting.startedAt === undefined) {
    const date = formatChineseDate(meeting.date);
    return meeting.startTime ? `${date} ${meeting.startTime}` : date;
  }
  const held = toIsoDate(meeting.startedAt);
  const start = `${formatChineseDate(held)} ${clockOf(meeting.startedAt)}`;
  if (meeting.endedAt === undefined) return start;
  const ended = toIsoDate(meeting.endedAt);
  const endDay = ended === held ? '' : formatChineseMonthDay(ended);
  return `${start}—${endDay}${clockOf(meeting.endedAt)}`;
}

/**
 * The facts both documents print, in order: 时间 (as given), 地点, 主题, 接待领导 (出席领导 at a roundtable or
 * symposium, where the leaders attend rather than receive), 主持 when given, 参会单位. Empty ones are left out.
 */
export function meetingFacts(ix: BundleIndex, meeting: Meeting, time: string, host = ''): MeetingFact[] {
  return [
    { label: '时间', text: time },
    { label: '地点', text: meeting.place },
    { label: '主题', text: meeting.theme },
    {
      label: meeting.kind === 'reception' ? '接待领导' : '出席领导',
      text: leadersText(ix, meeting.hostLeaderIds),
    },
    { label: '主持', text: host },
    { label: '参会单位', text: departmentsText(ix, meeting.attendingDeptIds) },
  ].filter((f) => f.text.trim() !== '');
}

// Width in full-width characters: digits, Latin letters and ASCII punctuation take half a character.
export const widthOf = (text: string): number =>
  Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/** How many full-width characters of the 2号 title fit on a line of the type area. */
const TITLE_CHARS = Math.floor(TEXT_WIDTH / ((SIZE.title / 2) * 20));

/**
 * The title as it is set: on one line when it fits, else the meeting's name and then the document's
 * (青溪区第14次“民营企业接待日” / 会议纪要), which reads better than a break wherever the line ends.
 */
export function titleLines(meetingTitle: string, documentName: string): string[] {
  const whole = `${meetingTitle}${documentName}`;
  // One character of slack: a title filling the line to its last character looks crammed.
  return widthOf(whole) <= TITLE_CHARS - 1 ? [whole] : [meetingTitle, documentName];
}

/** The title's paragraphs with one empty body line below, as GB/T 9704 sets a title over the text. */
export function titleParas(lines: readonly string[]): Paragraph[] {
  return lines.map((line, i) =>
    titlePara(line, { keepNext: true, ...(i === lines.length - 1 ? { after: LINE.body } : {}) }),
  );
}

/**
 * A fact as a body paragraph, the label in 黑体 so the eye finds 时间, 地点 … down the left; a fact that wraps
 * goes on under its first character after the colon (a hanging indent the label's width).
 */
export function factPara(fact: MeetingFact): Paragraph {
  const label = `${fact.label}：`;
  const hanging = Math.round(widthOf(label) * CHAR);
  return bodyPara([run(label, { face: FACE.heading }), fact.text], {
    widowControl: true,
    indent: { left: 2 * CHAR + hanging, hanging },
  });
}

/** Options of a small ruled list. */
export interface ListTableSpec {
  /** Column widths in twips; they should add up to the type area's width. */
  columns: readonly number[];
  /** Header labels, one per column, repeated on every page the table runs onto. */
  header: readonly string[];
  /** Cells as lines of text: a cell's string array prints one line each (a forced break between). */
  rows: ReadonlyArray<ReadonlyArray<string | readonly string[]>>;
  /** Columns whose text is centred (numbers, dates); the others are left-aligned. */
  centred?: readonly number[];
  /** Half-points; 4号 by default. */
  size?: number;
  /** Exact line height in twips. */
  line?: number;
}

/** A ruled table with a repeated header row; no row is split across pages. */
export function listTable(spec: ListTableSpec): Table {
  const { size = SIZE.four, line = LINE.table } = spec;
  const centred = new Set(spec.centred ?? []);
  const cell = (content: string | readonly string[], col: number, header: boolean): CellSpec => {
    const lines = typeof content === 'string' ? [content] : content;
    const f = header ? FACE.heading : FACE.body;
    return {
      children: [
        para(
          lines.map((text, i) => run(text, { face: f, size, ...(i > 0 ? { break: 1 } : {}) })),
          {
            line,
            alignment: header || centred.has(col) ? AlignmentType.CENTER : AlignmentType.LEFT,
          },
        ),
      ],
    };
  };
  const rows: RowSpec[] = [
    {
      cells: spec.header.map((h, i) => cell(h, i, true)),
      header: true,
      cantSplit: true,
      minHeight: line + 60,
    },
    ...spec.rows.map((r) => ({ cells: r.map((c, i) => cell(c, i, false)), cantSplit: true })),
  ];
  return fixedTable(spec.columns, rows);
}

/**
 * A column's width for `chars` full-width characters of `size` half-points: the text, the cell's padding, the
 * rule, and some slack, since LibreOffice sets digits beside Chinese a little wider than the font says.
 */
export const columnFor = (chars: number, size: number = SIZE.four): number =>
  Math.ceil(chars * size * 10) + 2 * 80 + 40;

/** Half a body line, in twips, for air between blocks. */
export const HALF_LINE = Math.round(LINE.body / 2);
