/**
 * 催办通知: one notice per lead department, listing its 交办件 in 黄 / 红预警 (shared/domain/follow-up-warning.ts),
 * laid out per GB/T 9704 (docs/architecture.md, "Documents"): the federation's 版头 over a red rule, the title, 主送
 * the department, the body, the table of items, the contact, then the federation's name and the date. A view model
 * of ready-to-print strings (`UrgeNoticeData`), a mapper from the records (`urgeNotices`) and the builder
 * (`buildUrgeNotice`).
 */
import { AlignmentType, BorderStyle } from 'docx';
import type { Paragraph, Table } from 'docx';
import { formatChineseDate } from '../domain/deadlines';
import { awaitingReply } from '../domain/follow-up';
import { itemStanding } from '../domain/follow-up-warning';
import type { HolidayTable } from '../domain/holidays';
import { ASSIGNMENT_STATUS_LABEL, MEETING_KIND_TITLE } from '../domain/labels';
import type {
  Assignment,
  Concern,
  DeadlineRules,
  Department,
  Enterprise,
  Id,
  IsoDate,
  Leader,
  Meeting,
  Organization,
  SignOff,
  Warning,
} from '../domain/types';
import {
  bodyPara,
  CHAR,
  FACE,
  gbDocument,
  gbSection,
  LINE,
  packDocument,
  para,
  run,
  SIZE,
  TEXT_WIDTH,
} from './gbt9704';
import { columnFor, HALF_LINE, listTable, titleLines, titleParas, widthOf } from './meeting-facts';
import { dateLines, docNumberLines } from './minutes';

/** One item of a notice, as the table prints it. */
export interface UrgeNoticeRow {
  assignmentId: Id;
  docNumber: string;
  enterprise: string;
  /** The demands' summaries, short. */
  demand: string;
  /** 答复期限, 2026年12月7日. */
  replyDue: string;
  /** 逾期3天 / 剩余2个工作日 / 今日到期, and 9天无进展 when that is why it is yellow. */
  timing: string[];
  warning: Exclude<Warning, 'none'>;
  leadLeader: string;
  /** Days past the 答复期限 (0 when not overdue), for the 催办 step. */
  daysOverdue: number;
}

/** Everything one 催办通知 prints. */
export interface UrgeNoticeData {
  /** The federation's full name: the 版头 and the signature. */
  organization: string;
  /** The title over one or two lines. */
  titleLines: string[];
  /** 主送: the lead department. */
  departmentId: Id;
  department: string;
  /** The body's paragraphs, before the table. */
  body: string[];
  rows: UrgeNoticeRow[];
  /** 注 under the table: what 红 and 黄 mean under the rules in force. */
  note: string;
  /** 联系人：李晓燕，联系电话：0830-5551234。 */
  contact: string;
  /** 2026年12月1日 */
  date: string;
}

/** One item the notices are asked for, with what its row needs. */
export interface UrgeItem {
  assignment: Assignment;
  /** The current sign-off: the row prints the demand and the lead leader as signed. */
  signOff?: SignOff;
  enterprise?: Enterprise;
  meeting?: Meeting;
  /** The item's concerns (for an item signed before snapshots). */
  concerns: readonly Concern[];
}

/** What the notices are made from. */
export interface UrgeSources {
  organization: Organization;
  /** China's date today. */
  today: IsoDate;
  rules: DeadlineRules;
  holidays: HolidayTable;
  leaders: readonly Leader[];
  departments: readonly Department[];
  items: readonly UrgeItem[];
}

/** An item asked for but not urged, with why (in Chinese). */
export interface UrgeSkipped {
  assignmentId: Id;
  docNumber: string;
  reason: string;
}

/** The notices, one per lead department in the settings' order, and the items left out. */
export interface UrgeNotices {
  notices: UrgeNoticeData[];
  skipped: UrgeSkipped[];
}

/** The file name's stem: 催办通知-区人力资源和社会保障局-20261201. */
export function urgeNoticeStem(department: string, today: IsoDate): string {
  return `催办通知-${department}-${today.replaceAll('-', '')}`;
}

// A demand in the table is a summary: longer ones are cut with an ellipsis (the 交办单 has the words).
const DEMAND_CHARS = 40;
const short = (text: string): string => {
  const chars = [...text.trim()];
  return chars.length > DEMAND_CHARS ? `${chars.slice(0, DEMAND_CHARS - 1).join('')}…` : chars.join('');
};

/** Why an item carries no warning today, in Chinese. */
function notUrged(a: Assignment, daysLeft: number | undefined, dayWord: string): string {
  if (a.status === 'escalated') return '已转报上级，不向部门催办';
  if (!awaitingReply(a.status)) return `${ASSIGNMENT_STATUS_LABEL[a.status]}，无需催办`;
  if (!a.replyDueAt) return '没有答复期限，无需催办';
  return `未到预警（距答复期限还有${daysLeft ?? '?'}${dayWord}），无需催办`;
}

/** The rows of the notices and the items left out; rows red first (most overdue first), then yellow. */
export function urgeNotices(src: UrgeSources): UrgeNotices {
  const { rules, today } = src;
  const dayWord = rules.dayKind === 'working' ? '个工作日' : '天';
  const leaderName = (id: Id) => src.leaders.find((l) => l.id === id)?.name ?? '';
  const skipped: UrgeSkipped[] = [];
  const byDept = new Map<Id, { name: string; rows: UrgeNoticeRow[]; kinds: Set<Meeting['kind']> }>();
  for (const item of src.items) {
    const a = item.assignment;
    const docNumber = a.docNumber ?? '';
    const standing = itemStanding(a, today, rules, src.holidays);
    if (standing.warning === 'none') {
      skipped.push({ assignmentId: a.id, docNumber, reason: notUrged(a, standing.daysLeft, dayWord) });
      continue;
    }
    const snap = item.signOff?.snapshot;
    const summaries = snap
      ? snap.concerns.map((c) => c.summary.trim() || c.verbatim)
      : item.concerns.map((c) => c.summary.trim() || c.verbatim);
    const stale = standing.reasons.find((r) => r.startsWith('推进缓慢'));
    const days = standing.daysLeft ?? 0;
    const timing = [
      standing.warning === 'red'
        ? `逾期${standing.daysOverdue}${dayWord}`
        : days === 0
          ? '今日到期'
          : `剩余${days}${dayWord}`,
      ...(stale ? [stale.replace(/^推进缓慢（(.*)）$/u, '$1')] : []),
    ];
    const deptName = src.departments.find((d) => d.id === a.leadDeptId)?.name ?? snap?.leadDept.name ?? '';
    const group = byDept.get(a.leadDeptId) ?? { name: deptName, rows: [], kinds: new Set() };
    group.rows.push({
      assignmentId: a.id,
      docNumber,
      enterprise: snap?.enterprise.name || item.enterprise?.name || '',
      demand: short(summaries.filter((s) => s.trim() !== '').join('；')),
      replyDue: a.replyDueAt ? formatChineseDate(a.replyDueAt) : '',
      timing,
      warning: standing.warning,
      leadLeader: snap?.leadLeader.name || leaderName(a.leadLeaderId),
      daysOverdue: standing.daysOverdue,
    });
    const kind = item.meeting?.kind ?? snap?.meeting.kind;
    if (kind) group.kinds.add(kind);
    byDept.set(a.leadDeptId, group);
  }

  const order = (id: Id) => {
    const i = src.departments.findIndex((d) => d.id === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const notices = [...byDept.entries()]
    .sort(([x], [y]) => order(x) - order(y))
    .map(([departmentId, g]) => {
      const rows = g.rows.sort(
        (x, y) =>
          (x.warning === 'red' ? 0 : 1) - (y.warning === 'red' ? 0 : 1) ||
          y.daysOverdue - x.daysOverdue ||
          x.docNumber.localeCompare(y.docNumber, 'zh'),
      );
      return noticeData(src, departmentId, g.name, rows, g.kinds);
    });
  return { notices, skipped };
}

function noticeData(
  src: UrgeSources,
  departmentId: Id,
  department: string,
  rows: UrgeNoticeRow[],
  kinds: ReadonlySet<Meeting['kind']>,
): UrgeNoticeData {
  const { organization: org, rules } = src;
  const date = formatChineseDate(src.today);
  const red = rows.filter((r) => r.warning === 'red').length;
  const yellow = rows.length - red;
  const counts = [
    red ? `${red}件已超过答复期限尚未答复（红色预警）` : '',
    yellow ? `${yellow}件临近答复期限或推进缓慢（黄色预警）` : '',
  ].filter((s) => s !== '');
  const [kind] = kinds;
  const what = kinds.size === 1 && kind ? MEETING_KIND_TITLE[kind] : '企业诉求';
  const yellowWord = rules.yellowDayKind === 'calendar' ? '天' : '个工作日';
  const contact = [
    org.contactPerson ? `联系人：${org.contactPerson}` : '',
    org.contactPhone ? `联系电话：${org.contactPhone}` : '',
  ].filter((s) => s !== '');
  return {
    organization: org.name || org.shortName,
    titleLines: titleLines(`关于督促办理${what}`, '交办事项的通知'),
    departmentId,
    department,
    body: [
      `截至${date}，我会交由你单位牵头办理的交办事项中，有${counts.join('，')}，具体情况见下表。`,
      '请你单位高度重视，对照交办单要求抓紧办理，及时将办理结果书面答复我会；确有困难不能在答复期限内办结的，' +
        '请说明原因和下一步工作安排，经牵头领导同意后申请延期。',
    ],
    rows,
    note:
      `注：红色预警为已超过答复期限尚未答复；黄色预警为距答复期限不足${rules.yellowDays}${yellowWord}尚未答复，` +
      `或连续${rules.staleDays}天无办理进展。`,
    contact: contact.length > 0 ? `${contact.join('，')}。` : '',
    date,
  };
}

// The table in 五号 (10.5 pt): seven columns, and the 诉求 column still holds a phrase on a line.
const TABLE_SIZE = 21;
const TABLE_LINE = 320;
const COL = {
  docNumber: columnFor(6.5, TABLE_SIZE),
  enterprise: columnFor(5, TABLE_SIZE),
  date: columnFor(5, TABLE_SIZE),
  timing: columnFor(5.5, TABLE_SIZE),
  warning: columnFor(2, TABLE_SIZE),
  leader: columnFor(4, TABLE_SIZE),
};
/** The table's grid in twips, filling the type area (exported for tests). */
export const URGE_COLUMNS: readonly number[] = [
  COL.docNumber,
  COL.enterprise,
  TEXT_WIDTH - COL.docNumber - COL.enterprise - COL.date - COL.timing - COL.warning - COL.leader,
  COL.date,
  COL.timing,
  COL.warning,
  COL.leader,
];

function itemsTable(rows: readonly UrgeNoticeRow[]): Table {
  return listTable({
    columns: URGE_COLUMNS,
    header: ['文号', '企业', '诉求', '答复期限', '逾期/剩余', '预警', '牵头领导'],
    rows: rows.map((r) => [
      docNumberLines(r.docNumber),
      r.enterprise,
      r.demand,
      dateLines(r.replyDue),
      r.timing,
      r.warning === 'red' ? '红色' : '黄色',
      r.leadLeader,
    ]),
    centred: [0, 3, 4, 5, 6],
    size: TABLE_SIZE,
    line: TABLE_LINE,
  });
}

// 发文机关标志 in red 小标宋, larger than the title; a red rule under it across the type area.
const RED = 'C00000';
const MASTHEAD_SIZE = 52;

/** 版头: the federation's name in red, centred, over a red rule as wide as the type area. */
function masthead(organization: string): Paragraph[] {
  return [
    para([run(organization, { face: FACE.title, size: MASTHEAD_SIZE, color: RED })], {
      alignment: AlignmentType.CENTER,
      line: 780,
      // About one body line down to the title (the title's own line height adds the rest).
      after: 360,
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
    }),
  ];
}

/**
 * 落款: the federation's name over the date, as GB/T 9704 sets them without a seal: the date four characters in
 * from the right, the name centred over it; a name longer than the date two characters in, the date centred
 * under it.
 */
function signature(organization: string, date: string): Paragraph[] {
  const name = widthOf(organization);
  const day = widthOf(date);
  const [nameIn, dateIn] = name >= day ? [2, 2 + (name - day) / 2] : [4 + (day - name) / 2, 4];
  const right = (text: string, chars: number, keepNext: boolean) =>
    para([text], { alignment: AlignmentType.RIGHT, indent: { right: Math.round(chars * CHAR) }, keepNext });
  // Kept together, and with the paragraph before: a date never stands alone on a page.
  return [para([''], { keepNext: true }), right(organization, nameIn, true), right(date, dateIn, false)];
}

/** The 催办通知 as .docx bytes. */
export async function buildUrgeNotice(data: UrgeNoticeData): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    ...masthead(data.organization),
    ...titleParas(data.titleLines),
    para([`${data.department}：`], { keepNext: true }),
    ...data.body.map((text, i) =>
      bodyPara([text], { widowControl: true, ...(i === data.body.length - 1 ? { after: HALF_LINE } : {}) }),
    ),
    itemsTable(data.rows),
    para([run(data.note, { size: SIZE.smallFour })], {
      line: LINE.small,
      before: 120,
      alignment: AlignmentType.JUSTIFIED,
    }),
    ...(data.contact ? [bodyPara([data.contact], { widowControl: true, keepNext: true })] : []),
    ...signature(data.organization, data.date),
  ];
  const doc = gbDocument(
    { title: `${data.titleLines.join('')}（${data.department}）`, creator: data.organization },
    [gbSection(children)],
  );
  return packDocument(doc);
}
