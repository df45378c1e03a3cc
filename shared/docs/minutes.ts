/**
 * 会议纪要 (docs/architecture.md, "Documents"): the meeting's facts, then speaker by speaker the words as they were captured, the
 * on-site answers and the leader's instructions, then the 交办事项 as a table. A view model of ready-to-print
 * strings (`MinutesData`), a mapper from the records (`minutesData`) and the builder (`buildMinutes`).
 *
 * The words are printed exactly as recorded (原汁原味): nothing here edits, trims or summarises them; the only
 * change is masking mobile numbers (138****1234), on by default, since the minutes circulate widely.
 */
import { formatChineseDate } from '../domain/deadlines';
import { BorderStyle, Tab, TabStopType, TextRun } from 'docx';
import type { Paragraph, Table } from 'docx';
import type { Assignment, Concern, Id, IsoDate, MinuteEntry, QueueEntry } from '../domain/types';
import { toIsoDate } from '../domain/workdays';
import { sheetBlocker } from './assignment-sheet';
import type { BundleIndex, MeetingBundle } from './bundle';
import { indexBundle, inDocNumberOrder } from './bundle';
import { chineseNumeral, textMask } from './format';
import {
  bodyPara,
  CHAR,
  gbDocument,
  gbSection,
  headingPara,
  LINE,
  packDocument,
  para,
  run,
  SIZE,
  subheadingPara,
  TEXT_WIDTH,
} from './gbt9704';
import type { MeetingFact } from './meeting-facts';
import {
  columnFor,
  meetingFacts,
  widthOf,
  factPara,
  leadersText,
  listTable,
  meetingTimeText,
  titleLines,
  titleParas,
} from './meeting-facts';

/** One line of the record: `label：text`, the label being who spoke (许家豪, 区财政局) or what it is (书面反映). */
export interface MinutesLine {
  label: string;
  text: string;
}

/** A block of the record under a 楷体 subheading: one enterprise's turn, or the remarks after the last one. */
export interface MinutesBlock {
  /** 临江恒泰住房租赁有限公司董事长许家豪; the builder numbers it （一）（二）…. */
  heading: string;
  lines: MinutesLine[];
}

/** One row of the 交办事项 table. */
export interface MinutesAssignment {
  /** 青工商联交〔2026〕1号, or 待签批 / 转报上级 for an item without a valid signature. */
  docNumber: string;
  enterprise: string;
  /** The concerns' summaries joined with ；. */
  matter: string;
  leadDept: string;
  coDepts: string;
  /** 2026年12月7日 */
  dueDate: string;
}

/** Everything the 会议纪要 prints, as the strings it prints them. */
export interface MinutesData {
  /** 青溪区第14次“民营企业接待日”会议纪要, over one or two lines. */
  titleLines: string[];
  facts: MeetingFact[];
  /** What was said before the first enterprise spoke (the host's opening). */
  opening: MinutesLine[];
  speakers: MinutesBlock[];
  /** What others said after the last enterprise's turn (the host calling time, a latecomer), if anything. */
  closing?: MinutesBlock;
  /** 会议要求: the leaders' closing words after the last turn, verbatim, in a section of their own. */
  requirements: MinutesLine[];
  /** 本次会议共形成交办事项5件…, or that there were none. */
  assignmentsIntro: string;
  assignments: MinutesAssignment[];
  /** The federation, for the document's properties. */
  organization: string;
  /** 版记: 分送 (who receives it) and the 印发 line (the federation and the issue date). */
  distribution: string;
  issuer: string;
  /** 2026年11月30日 */
  issuedOn: string;
}

/** Options of `minutesData`. */
export interface MinutesOptions {
  /** Integrity problems by assignment id: such items are listed as 待签批, without their number. */
  problems?: Readonly<Record<Id, string>>;
  /** Mask mobile numbers in every text (default true). */
  maskPhones?: boolean;
  /** The day the 纪要 is issued (印发); today by default. */
  issuedOn?: IsoDate;
}

// A concern belongs in the minutes when it was raised at the meeting: spoken (linked to an entry), handed in in
// writing, or decided on. A demand collected beforehand that nobody brought up stays in the 会前材料 only.
const raised = (c: Concern): boolean =>
  c.minuteEntryIds.length > 0 ||
  c.disposition !== undefined ||
  c.confirmedAt !== undefined ||
  c.channel === '书面' ||
  c.channel === '现场';

/**
 * Which enterprise's turn each entry belongs to: an entrepreneur's own words by who said them, then entries
 * linked to a concern (its words, its answers), then the speaker's timed slot. The rest is unattributed.
 */
function attribute(ix: BundleIndex): Map<Id, Id> {
  const owner = new Map<Id, Id>();
  const bySpeaker = new Map(ix.queue.map((q) => [q.speaker, q.enterpriseId]));
  for (const m of ix.minutes) {
    if (m.role !== 'entrepreneur') continue;
    const enterpriseId = ix.enterprise(m.whoId)?.id ?? bySpeaker.get(m.who);
    if (enterpriseId) owner.set(m.id, enterpriseId);
  }
  for (const m of ix.minutes) {
    const c = ix.concern(m.concernId);
    if (c && !owner.has(m.id)) owner.set(m.id, c.enterpriseId);
  }
  for (const c of ix.concerns)
    for (const id of [...c.minuteEntryIds, ...c.answerEntryIds])
      if (!owner.has(id) && ix.minute(id)) owner.set(id, c.enterpriseId);
  for (const m of ix.minutes) {
    if (owner.has(m.id)) continue;
    const slot = ix.queue.find(
      (q) => q.startedAt !== undefined && q.endedAt !== undefined && q.startedAt <= m.at && m.at <= q.endedAt,
    );
    if (slot) owner.set(m.id, slot.enterpriseId);
  }
  return owner;
}

/**
 * Splits the record into the opening, the enterprises' turns and the closing. An unattributed entry between two
 * turns (a leader's remark, the host calling the next speaker) stays with the turn before it, in time order.
 */
function splitRecord(ix: BundleIndex) {
  const owner = attribute(ix);
  const opening: MinuteEntry[] = [];
  const closing: MinuteEntry[] = [];
  const turns = new Map<Id, MinuteEntry[]>();
  const lastOwned = ix.minutes.findLastIndex((m) => owner.has(m.id));
  let current: Id | undefined;
  ix.minutes.forEach((m, i) => {
    const who = owner.get(m.id);
    if (who !== undefined) current = who;
    if (current === undefined) opening.push(m);
    else if (who === undefined && i > lastOwned) closing.push(m);
    else turns.set(current, [...(turns.get(current) ?? []), m]);
  });
  return { opening, closing, turns };
}

/**
 * Enterprises in the order they spoke: by when their turn began (the queue's start, or their first words, whichever
 * came first), so someone called out of turn, or taken off the list after speaking, stays where they spoke; those
 * who did not speak (书面, collected beforehand) follow in the queue's order. One block per enterprise.
 */
function speakingOrder(
  ix: BundleIndex,
  turns: ReadonlyMap<Id, readonly MinuteEntry[]>,
  recorded: Iterable<Id>,
): Array<{ enterpriseId: Id; queue?: QueueEntry }> {
  const order: Array<{ enterpriseId: Id; queue?: QueueEntry }> = [];
  const seen = new Set<Id>();
  for (const q of ix.queue)
    if (!seen.has(q.enterpriseId)) {
      seen.add(q.enterpriseId);
      order.push({ enterpriseId: q.enterpriseId, queue: q });
    }
  for (const id of recorded)
    if (!seen.has(id)) {
      seen.add(id);
      order.push({ enterpriseId: id });
    }
  const began = (o: { enterpriseId: Id; queue?: QueueEntry }): number => {
    const starts = ix.queue
      .filter((q) => q.enterpriseId === o.enterpriseId && q.startedAt !== undefined)
      .map((q) => q.startedAt!);
    const first = turns.get(o.enterpriseId)?.[0]?.at;
    if (first !== undefined) starts.push(first);
    return starts.length ? Math.min(...starts) : Infinity;
  };
  return order
    .map((o, i) => ({ o, i, t: began(o) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.o);
}

type Mask = (text: string) => string;

/**
 * One block an enterprise, in speaking order: words not in the record itself (handed in in writing, collected
 * beforehand and confirmed), then its turn's entries in time order, then the leader's signed instructions.
 */
function speakerBlocks(
  ix: BundleIndex,
  turns: ReadonlyMap<Id, MinuteEntry[]>,
  valid: ReadonlySet<Id>,
  mask: Mask,
): MinutesBlock[] {
  const line = (label: string, text: string): MinutesLine => ({ label, text: mask(text) });
  const concerns = ix.concerns.filter(raised);
  const blocks: MinutesBlock[] = [];
  const recorded = [...turns.keys(), ...concerns.map((c) => c.enterpriseId)];
  for (const { enterpriseId, queue } of speakingOrder(ix, turns, recorded)) {
    const enterprise = ix.enterprise(enterpriseId);
    const entries = turns.get(enterpriseId) ?? [];
    const speaker = queue?.speaker || enterprise?.contact || '';
    const spoken = new Set(entries.map((e) => e.id));
    const lines: MinutesLine[] = [];
    for (const c of concerns) {
      if (c.enterpriseId !== enterpriseId) continue;
      const words = c.verbatim.trim() !== '' ? c.verbatim : c.summary;
      const covered =
        c.minuteEntryIds.some((id) => spoken.has(id)) || entries.some((e) => e.text.includes(words));
      if (covered || words.trim() === '') continue;
      const label = c.channel === '书面' ? '书面反映' : c.precollected ? '会前反映' : speaker || '反映';
      lines.push(line(label, words));
    }
    for (const e of entries) lines.push(line(e.who, e.text));
    for (const a of ix.assignments) {
      if (a.enterpriseId !== enterpriseId || !valid.has(a.id)) continue;
      // A signed item's instruction as signed (its snapshot), the same words its 交办单 prints.
      const signOff = ix.signOff(a.id);
      const signed = signOff?.snapshot;
      const signer = signed?.signer.name || ix.leader(signOff?.signer)?.name || '领导';
      const instruction = signed ? signed.instruction : a.instruction;
      const ink = signed ? signed.instructionInk : a.instructionInk;
      const text = instruction.trim() || (ink ? '（手写批示，见交办单）' : '');
      if (text !== '') lines.push(line(`${signer}批示（${a.docNumber}）`, text));
    }
    if (lines.length === 0) continue;
    const title = queue?.speakerTitle || enterprise?.contactTitle || '';
    const written = queue?.channel === '书面' ? '（书面反映）' : '';
    blocks.push({ heading: mask(`${enterprise?.name ?? ''}${title}${speaker}${written}`), lines });
  }
  return blocks;
}

/** 时间, 地点, 主题, the leaders, the host, the departments and how many enterprises came. */
function minutesFacts(ix: BundleIndex, meeting: MeetingBundle['meeting'], recorder: string): MeetingFact[] {
  const queue = ix.queue;
  const present = queue.filter((q) => q.status !== 'absent' && q.channel !== '书面').length;
  const written = queue.filter((q) => q.channel === '书面').length;
  const absent = queue.filter((q) => q.status === 'absent' && q.channel !== '书面').length;
  const extra = [written ? `书面反映${written}家` : '', absent ? `缺席${absent}家` : ''].filter(Boolean);
  // The host's title when the host is one of the leaders (区工商联主席孙海燕), else the name as recorded.
  const hostText = [
    ...new Set(
      ix.minutes
        .filter((m) => m.role === 'host')
        .map((m) => (ix.leader(m.whoId) ? leadersText(ix, [m.whoId!]) : m.who)),
    ),
  ].join('，');
  return [
    ...meetingFacts(ix, meeting, meetingTimeText(meeting), hostText),
    // The departments' people who came, and who sat in, as entered for the meeting.
    { label: '出席', text: meeting.attendees?.trim() ?? '' },
    { label: '列席', text: meeting.observers?.trim() ?? '' },
    {
      label: '参会企业',
      text: queue.length === 0 ? '' : `${present}家${extra.length ? `（另有${extra.join('，')}）` : ''}`,
    },
    // The secretary who kept the record: as entered for the meeting, else the federation's contact person.
    { label: '记录', text: meeting.recorder?.trim() || recorder },
  ].filter((f) => f.text.trim() !== '');
}

/** 本次会议共形成交办事项5件，其中已签批交办3件，待签批2件，具体如下： */
function assignmentsIntro(rows: readonly MinutesAssignment[]): string {
  if (rows.length === 0) return '本次会议未形成交办事项。';
  const pending = rows.filter((a) => a.docNumber === '待签批').length;
  const escalated = rows.filter((a) => a.docNumber === '转报上级').length;
  const signed = rows.length - pending - escalated;
  if (signed === rows.length) return `本次会议共形成交办事项${rows.length}件，具体如下：`;
  const parts = [
    `已签批交办${signed}件`,
    pending ? `待签批${pending}件` : '',
    escalated ? `转报上级${escalated}件` : '',
  ].filter(Boolean);
  return `本次会议共形成交办事项${rows.length}件，其中${parts.join('，')}，具体如下：`;
}

/** The 会议纪要 of the bundle's meeting. */
export function minutesData(bundle: MeetingBundle, options: MinutesOptions = {}): MinutesData {
  const mask = textMask(options.maskPhones);
  const line = (e: MinuteEntry): MinutesLine => ({ label: e.who, text: mask(e.text) });
  const ix = indexBundle(bundle);
  const { opening, closing, turns } = splitRecord(ix);
  // Signed items carry their number everywhere; the rest are listed without one (see assignmentRows).
  const valid = new Set(
    ix.assignments
      .filter((a) => sheetBlocker(ix, a, options.problems?.[a.id]) === undefined)
      .map((a) => a.id),
  );
  const assignments = assignmentRows(ix, valid, mask);
  // The leaders' closing words are the meeting's requirements (会议要求); anything else said after the last turn
  // stays in the record as 其他发言.
  const requirements = closing.filter((e) => e.role === 'leader');
  const others = closing.filter((e) => e.role !== 'leader');
  const { organization } = bundle;
  return {
    titleLines: titleLines(bundle.meeting.title, '会议纪要'),
    facts: minutesFacts(ix, bundle.meeting, organization.contactPerson.trim()).map((f) => ({
      label: f.label,
      text: mask(f.text),
    })),
    opening: opening.map(line),
    speakers: speakerBlocks(ix, turns, valid, mask),
    ...(others.length > 0 ? { closing: { heading: '其他发言', lines: others.map(line) } } : {}),
    requirements: requirements.map(line),
    assignmentsIntro: assignmentsIntro(assignments),
    assignments,
    organization: organization.shortName || organization.name,
    distribution: bundle.meeting.attendingDeptIds.length > 0 ? '出席领导，各参会单位。' : '出席领导。',
    issuer: organization.name || organization.shortName,
    issuedOn: formatChineseDate(options.issuedOn ?? toIsoDate(Date.now())),
  };
}

/**
 * The 交办事项 rows. Signed items come first in 文号 order. A secretary wants the minutes to account for every
 * matter the meeting produced, yet a number printed on an item whose signature is missing or no longer holds
 * would claim a 交办单 that does not exist: so drafts and items with an integrity problem are listed as
 * 待签批 without a number, and escalated items as 转报上级, after the signed ones.
 */
function assignmentRows(ix: BundleIndex, valid: ReadonlySet<Id>, mask: Mask): MinutesAssignment[] {
  const number = (a: Assignment) =>
    valid.has(a.id) ? (a.docNumber ?? '') : a.status === 'escalated' ? '转报上级' : '待签批';
  const signed = inDocNumberOrder(ix.assignments.filter((a) => valid.has(a.id)));
  const others = ix.assignments.filter((a) => !valid.has(a.id)).sort((a, b) => a.createdAt - b.createdAt);
  return [...signed, ...others].map((a) => {
    // Signed items as their 交办单 prints them (the signed snapshot); the rest from the live records.
    const snap = valid.has(a.id) ? ix.signOff(a.id)?.snapshot : undefined;
    if (snap)
      return {
        docNumber: number(a),
        enterprise: snap.enterprise.name,
        matter: mask(
          snap.concerns
            .map((c) => c.summary.trim())
            .filter((t) => t)
            .join('；'),
        ),
        leadDept: snap.leadDept.name,
        coDepts: snap.coDepts
          .map((d) => d.name)
          .filter((n) => n)
          .join('、'),
        dueDate: snap.dueAt ? formatChineseDate(snap.dueAt) : '',
      };
    return {
      docNumber: number(a),
      enterprise: ix.enterprise(a.enterpriseId)?.name ?? '',
      matter: mask(
        a.concernIds
          .map((id) => ix.concern(id)?.summary.trim())
          .filter((t) => t)
          .join('；'),
      ),
      leadDept: ix.department(a.leadDeptId)?.name ?? '',
      coDepts: a.coDeptIds
        .map((id) => ix.department(id)?.name)
        .filter((n) => n)
        .join('、'),
      dueDate: a.dueAt ? formatChineseDate(a.dueAt) : '',
    };
  });
}

// 交办事项 in 小四: six columns do not fit the type area in 4号 with the 事项 column still readable. No 序号 column:
// the 文号 numbers the signed items, and the width goes to the text.
const TABLE_SIZE = SIZE.smallFour;
const TABLE_LINE = 360;
const NARROW = {
  // 青工商联交 / 〔2026〕12号 on two lines.
  docNumber: columnFor(6.5, TABLE_SIZE),
  name: columnFor(4, TABLE_SIZE),
  // 2026年 / 12月21日 on two lines.
  date: columnFor(5, TABLE_SIZE),
};
/** The columns that take what is left, in table order: 企业, 事项, 牵头单位, 配合单位 (none narrower than its header). */
const FLEXIBLE = ['enterprise', 'matter', 'leadDept', 'coDepts'] as const;
const FLEXIBLE_MIN_CHARS = [4, 4, 4, 4];
const MAX_LINES = 8;

/**
 * The 交办事项 columns fitted to their content: the widths that give the tallest row the fewest lines (a name or a
 * department cut over four or five lines reads badly), the 事项 column taking what is left over.
 */
export function assignmentColumns(rows: readonly MinutesAssignment[]): number[] {
  const fixed = NARROW.docNumber + NARROW.date;
  const widths = rows.map((r) => FLEXIBLE.map((k) => widthOf(r[k])));
  for (let lines = 1; lines <= MAX_LINES; lines++) {
    const chars = FLEXIBLE.map((_, i) =>
      Math.max(FLEXIBLE_MIN_CHARS[i]!, ...widths.map((w) => Math.ceil(w[i]! / lines))),
    );
    const twips = chars.map((c) => columnFor(c, TABLE_SIZE));
    const spare = TEXT_WIDTH - fixed - twips.reduce((a, b) => a + b, 0);
    if (spare < 0) continue;
    const [enterprise, matter, lead, co] = twips as [number, number, number, number];
    return [NARROW.docNumber, enterprise, matter + spare, lead, co, NARROW.date];
  }
  // Content too long for any fit: the names narrow, the 事项 wide.
  const name = columnFor(4, TABLE_SIZE);
  return [NARROW.docNumber, name, TEXT_WIDTH - fixed - 3 * name, name, name, NARROW.date];
}

// Break a 文号 before its 〔 and a date after its year, so that neither wraps in the middle of a number.
export const docNumberLines = (n: string): string[] => {
  const i = n.indexOf('〔');
  return i > 0 ? [n.slice(0, i), n.slice(i)] : [n];
};
export const dateLines = (d: string): string[] => {
  const i = d.indexOf('年');
  return i > 0 ? [d.slice(0, i + 1), d.slice(i + 1)] : [d];
};

function assignmentsTable(rows: readonly MinutesAssignment[]): Table {
  return listTable({
    columns: assignmentColumns(rows),
    header: ['文号', '企业', '事项', '牵头单位', '配合单位', '办理时限'],
    rows: rows.map((r) => [
      docNumberLines(r.docNumber),
      r.enterprise,
      r.matter,
      r.leadDept,
      r.coDepts,
      dateLines(r.dueDate),
    ]),
    centred: [0, 5],
    size: TABLE_SIZE,
    line: TABLE_LINE,
  });
}

const recordPara = (l: MinutesLine): Paragraph =>
  bodyPara([run(`${l.label}：`), l.text], { widowControl: true });

const blockParas = (heading: string, lines: readonly MinutesLine[]): Paragraph[] => [
  subheadingPara(heading, { keepNext: true }),
  ...lines.map(recordPara),
];

/**
 * 版记 (GB/T 9704, 7.4): 分送 and the 印发 line in 4号, between rules across the type area, kept together at the end.
 */
function colophonParas(data: MinutesData): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  const spec = { line: LINE.table, indent: { left: CHAR / 2, right: CHAR / 2 } };
  return [
    para([run('分送：', { size: SIZE.four }), run(data.distribution, { size: SIZE.four })], {
      ...spec,
      before: LINE.body,
      keepNext: true,
      keepLines: true,
      border: { top: rule, bottom: { ...rule, size: 4 } },
    }),
    para(
      [
        run(data.issuer, { size: SIZE.four }),
        new TextRun({ children: [new Tab()] }),
        run(`${data.issuedOn}印发`, { size: SIZE.four }),
      ],
      {
        ...spec,
        keepLines: true,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR / 2 }],
        border: { bottom: rule },
      },
    ),
  ];
}

/** The 会议纪要 as .docx bytes. */
export async function buildMinutes(data: MinutesData): Promise<Uint8Array> {
  const blocks = [...data.speakers, ...(data.closing ? [data.closing] : [])];
  const sections = ['企业反映问题及现场答复', ...(data.requirements.length ? ['会议要求'] : []), '交办事项'];
  const heading = (name: string, spec = {}) =>
    headingPara(`${chineseNumeral(sections.indexOf(name) + 1)}、${name}`, { keepNext: true, ...spec });
  const children: Array<Paragraph | Table> = [
    ...titleParas(data.titleLines),
    ...data.facts.map(factPara),
    heading('企业反映问题及现场答复'),
    ...data.opening.map(recordPara),
    ...blocks.flatMap((b, i) => blockParas(`（${chineseNumeral(i + 1)}）${b.heading}`, b.lines)),
    ...(data.requirements.length ? [heading('会议要求'), ...data.requirements.map(recordPara)] : []),
    heading('交办事项'),
    bodyPara([data.assignmentsIntro], { keepNext: data.assignments.length > 0, widowControl: true }),
    ...(data.assignments.length > 0 ? [assignmentsTable(data.assignments)] : []),
    ...colophonParas(data),
  ];
  const doc = gbDocument({ title: data.titleLines.join(''), creator: data.organization }, [
    gbSection(children),
  ]);
  return packDocument(doc);
}
