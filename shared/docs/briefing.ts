/**
 * 会前材料: what the leader reads before the meeting. The meeting's facts, the speaking order, and for every
 * enterprise in that order (and any other with a pre-collected demand) who speaks and its line of business, the
 * demands collected beforehand (summary, category, urgency) and what it raised at earlier meetings with how that
 * ended (此前反映: 现场解决, the 交办件's 文号 and state, the enterprise's evaluation). Short on purpose: one look per
 * enterprise. A view model (`BriefingData`), a mapper from the records (`briefingData`) and the builder
 * (`buildBriefing`).
 */
import { formatChineseDate } from '../domain/deadlines';
import type { Paragraph, Table } from 'docx';
import { ASSIGNMENT_STATUS_LABEL, SATISFACTION_LABEL, URGENCY_LABEL } from '../domain/labels';
import type { Assignment, Concern, Id } from '../domain/types';
import type { MeetingBundle } from './bundle';
import { indexBundle } from './bundle';
import { chineseDateOf, chineseNumeral, itemNumber, textMask } from './format';
import {
  bodyPara,
  gbDocument,
  gbSection,
  headingPara,
  packDocument,
  subheadingPara,
  TEXT_WIDTH,
} from './gbt9704';
import type { MeetingFact } from './meeting-facts';
import {
  columnFor,
  meetingFacts,
  HALF_LINE,
  factPara,
  listTable,
  titleLines,
  titleParas,
} from './meeting-facts';

/** One place in the speaking order. */
export interface BriefingSpeaker {
  enterprise: string;
  /** 许家豪（董事长）, 赵海峰（董事长，缺席） */
  speaker: string;
  industry: string;
  /** 书面反映 / 缺席, or empty. */
  note: string;
}

/** One enterprise's demands as the leader reads them. */
export interface BriefingEnterprise {
  /** The enterprise's name. */
  heading: string;
  /** 发言人：许家豪（董事长）；行业：房地产租赁 — or 未安排发言；行业：… */
  info: string;
  /** 尽快拨付住房租赁市场发展试点财政奖补资金（资金补贴，急） */
  concerns: string[];
  /** 2026年5月12日　研发费用加计扣除政策辅导（政策落实；青工商联交〔2026〕3号，已办结，企业满意） */
  earlier: string[];
}

/** Everything the 会前材料 prints, as the strings it prints them. */
export interface BriefingData {
  titleLines: string[];
  facts: MeetingFact[];
  order: BriefingSpeaker[];
  /** 会前共收集诉求6件，涉及4家企业。 */
  concernsIntro: string;
  enterprises: BriefingEnterprise[];
  organization: string;
}

/** A meeting's records, with the 交办件 of the earlier demands (for how they ended). */
export type BriefingBundle = MeetingBundle & {
  earlierAssignments?: readonly Pick<Assignment, 'concernIds' | 'docNumber' | 'status' | 'satisfaction'>[];
};

/**
 * A note in brackets after a text, without doubling them: 「接电排期过长（书面反映）」 with 「用电用能，急」 reads
 * 「接电排期过长（书面反映；用电用能，急）」, not 「…（书面反映）（用电用能，急）」.
 */
export function withNote(text: string, note: string): string {
  const t = text.trim();
  if (note === '') return t;
  // The bracket group the text ends with, if it starts after the first character (not a numbering like （一）).
  if (t.endsWith('）') && openingOfLast(t) > 0) return `${t.slice(0, -1)}；${note}）`;
  return `${t}（${note}）`;
}

/** Where the bracket group closing at the end of `t` opens, or -1 when it does not. */
function openingOfLast(t: string): number {
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] === '）') depth += 1;
    else if (t[i] === '（' && --depth === 0) return i;
  }
  return -1;
}

/** Options of `briefingData`. */
export interface BriefingOptions {
  /** Mask mobile numbers in every text (default true). */
  maskPhones?: boolean;
}

/** At most this many earlier demands an enterprise, the latest first: the leader wants the gist, not the file. */
export const EARLIER_LIMIT = 3;

/** The 会前材料 of the bundle's meeting. */
export function briefingData(bundle: BriefingBundle, options: BriefingOptions = {}): BriefingData {
  const mask = textMask(options.maskPhones);
  const ix = indexBundle(bundle);
  const { meeting, organization } = bundle;
  const precollected = ix.concerns.filter((c) => c.precollected).sort((a, b) => a.createdAt - b.createdAt);
  const earlier = (bundle.earlierConcerns ?? [])
    .filter((c) => c.meetingId !== meeting.id)
    .sort((a, b) => b.createdAt - a.createdAt);
  const assignmentOf = new Map(
    (bundle.earlierAssignments ?? []).flatMap((a) => a.concernIds.map((id) => [id, a] as const)),
  );

  const order: BriefingSpeaker[] = ix.queue.map((q) => {
    const enterprise = ix.enterprise(q.enterpriseId);
    const note = q.channel === '书面' ? '书面反映' : q.status === 'absent' ? '缺席' : '';
    return {
      enterprise: enterprise?.name ?? '',
      speaker: q.speakerTitle
        ? `${q.speaker}（${[q.speakerTitle, note].filter(Boolean).join('，')}）`
        : withNote(q.speaker, note),
      industry: enterprise?.industry ?? '',
      note,
    };
  });

  const concernText = (c: Concern) =>
    withNote(c.summary.trim() || c.verbatim.trim(), `${c.category}，${URGENCY_LABEL[c.urgency]}`);
  /** How an earlier demand ended: on the spot, escalated, or its 交办件 with its state and the evaluation. */
  const outcome = (c: Concern): string => {
    if (c.disposition === 'resolved_on_site') return '现场解决';
    const a = assignmentOf.get(c.id);
    if (a) {
      const parts = [a.docNumber, ASSIGNMENT_STATUS_LABEL[a.status]].filter((p): p is string => !!p);
      if (a.satisfaction) parts.push(`企业${SATISFACTION_LABEL[a.satisfaction]}`);
      return parts.join('，');
    }
    if (c.disposition === 'escalate') return '已转报上级';
    return '';
  };
  const earlierText = (c: Concern) =>
    `${chineseDateOf(c.createdAt)}　${withNote(
      c.summary.trim() || c.verbatim.trim(),
      [c.category, outcome(c)].filter(Boolean).join('；'),
    )}`;
  const speakerOf = new Map(order.map((o, i) => [ix.queue[i]!.enterpriseId, o]));
  const ids: Id[] = [
    ...new Set([...ix.queue.map((q) => q.enterpriseId), ...precollected.map((c) => c.enterpriseId)]),
  ];
  const enterprises: BriefingEnterprise[] = ids.map((id) => {
    const own = precollected.filter((c) => c.enterpriseId === id);
    const before = earlier.filter((c) => c.enterpriseId === id);
    const shown = before.slice(0, EARLIER_LIMIT).map(earlierText);
    if (before.length > EARLIER_LIMIT) shown.push(`此前另有${before.length - EARLIER_LIMIT}件`);
    const enterprise = ix.enterprise(id);
    const speaker = speakerOf.get(id);
    const industry = enterprise?.industry?.trim() ?? '';
    const info = [speaker ? `发言人：${speaker.speaker}` : '未安排发言', industry ? `行业：${industry}` : '']
      .filter(Boolean)
      .join('；');
    return {
      heading: mask(enterprise?.name ?? ''),
      info: mask(info),
      concerns: own.map((c) => mask(concernText(c))),
      earlier: shown.map(mask),
    };
  });
  const concernEnterprises = new Set(precollected.map((c) => c.enterpriseId)).size;
  const written = order.filter((o) => o.note === '书面反映').length;

  const facts: MeetingFact[] = [
    ...meetingFacts(ix, meeting, `${formatChineseDate(meeting.date)} ${meeting.startTime}`.trim()),
    {
      label: '发言企业',
      text: order.length === 0 ? '' : `${order.length}家${written ? `（其中书面反映${written}家）` : ''}`,
    },
  ];
  return {
    titleLines: titleLines(meeting.title, '会前材料'),
    facts: facts.filter((f) => f.text !== '').map((f) => ({ label: f.label, text: mask(f.text) })),
    order: order.map((o) => ({ ...o, enterprise: mask(o.enterprise), speaker: mask(o.speaker) })),
    concernsIntro:
      precollected.length === 0
        ? '会前未收集到企业诉求。'
        : `会前共收集诉求${precollected.length}件，涉及${concernEnterprises}家企业。`,
    enterprises,
    organization: organization.shortName || organization.name,
  };
}

const INDEX = columnFor(2);
// 许家豪（董事长）: a three-character name and title on one line.
const SPEAKER = columnFor(8.5);
const INDUSTRY = columnFor(5.5);
const ORDER_COLUMNS = [INDEX, TEXT_WIDTH - INDEX - SPEAKER - INDUSTRY, SPEAKER, INDUSTRY];

function orderTable(order: readonly BriefingSpeaker[]): Table {
  return listTable({
    columns: ORDER_COLUMNS,
    header: ['序号', '企业名称', '发言人', '行业'],
    rows: order.map((o, i) => [String(i + 1), o.enterprise, o.speaker, o.industry]),
    centred: [0, 3],
  });
}

function enterpriseParas(e: BriefingEnterprise, i: number): Paragraph[] {
  return [
    subheadingPara(`（${chineseNumeral(i + 1)}）${e.heading}`, { keepNext: true }),
    ...(e.info ? [bodyPara([e.info], { widowControl: true, keepNext: true })] : []),
    ...(e.concerns.length === 0 ? [bodyPara(['本次会前无新收集的诉求。'], { widowControl: true })] : []),
    ...e.concerns.map((c, j) => bodyPara([`${itemNumber(j)}${c}`], { widowControl: true })),
    ...e.earlier.map((c) => bodyPara([`此前反映：${c}`], { widowControl: true })),
  ];
}

/** The 会前材料 as .docx bytes. */
export async function buildBriefing(data: BriefingData): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    ...titleParas(data.titleLines),
    ...data.facts.map(factPara),
    headingPara('一、发言顺序', { keepNext: true }),
    ...(data.order.length > 0
      ? [orderTable(data.order)]
      : [bodyPara(['尚未安排发言企业。'], { widowControl: true })]),
    headingPara('二、企业诉求', { keepNext: true, before: HALF_LINE }),
    bodyPara([data.concernsIntro], { widowControl: true, keepNext: data.enterprises.length > 0 }),
    ...data.enterprises.flatMap(enterpriseParas),
  ];
  const doc = gbDocument({ title: data.titleLines.join(''), creator: data.organization }, [
    gbSection(children),
  ]);
  return packDocument(doc);
}
