/**
 * 签批快照 (SignedSnapshot): what a leader signs is what the 交办单 prints. At signing the app freezes every
 * printed word into the sign-off; the hash covers it, and the sheet is built from it. Later changes of the
 * source records (a renamed enterprise, a merge, an edited demand) leave the signed sheet as it was and are
 * shown as a quiet note (`sourceChanges`); a change of the assignment's own signed fields is tampering
 * (`decisionChanges`). See docs/decisions/signed-snapshots.md.
 */
import { canonicalJson } from './canonical-json';
import { MEETING_KIND_TITLE, URGENCY_LABEL } from './labels';
import { regionOf } from './meeting';
import type {
  Assignment,
  Concern,
  Department,
  Enterprise,
  Id,
  Leader,
  Meeting,
  MinuteEntry,
  Organization,
  QueueEntry,
  SignedSnapshot,
  SnapshotPerson,
} from './types';

/** The live records a snapshot is taken from. */
export interface SnapshotSources {
  assignment: Assignment;
  organization: Organization;
  meeting: Meeting;
  enterprise: Enterprise | undefined;
  /** The enterprise's place in the meeting's speaking order, whose speaker is the 反映人. */
  speaker: QueueEntry | undefined;
  /** The concerns the assignment covers, in its order (missing ones left out). */
  concerns: readonly Concern[];
  /** The minute entries that answered them on site. */
  answers: readonly MinuteEntry[];
  leader: (id: Id | undefined) => Leader | undefined;
  department: (id: Id | undefined) => Department | undefined;
  /** Who signs (a leader id). */
  signer: Id;
}

const person = (id: Id, leader: Leader | undefined): SnapshotPerson => ({
  id,
  name: leader?.name ?? '',
  title: leader?.title ?? '',
});

/** The 交办单 title for an organisation and a kind of meeting: 青溪区民营企业接待日交办单. */
export function sheetTitle(organization: Organization, meeting: Pick<Meeting, 'kind'>): string {
  return `${regionOf(organization.shortName)}${MEETING_KIND_TITLE[meeting.kind]}交办单`;
}

/**
 * Everything the 交办单 of an assignment prints, from the live records, as it would be signed now. Pure:
 * a plain, JSON-safe object (optional members left out, never undefined inside arrays).
 */
export function takeSnapshot(src: SnapshotSources): SignedSnapshot {
  const { assignment: a, organization, meeting, enterprise, speaker } = src;
  const answerIds = new Set(src.concerns.flatMap((c) => c.answerEntryIds));
  const answers = src.answers
    .filter((m) => answerIds.has(m.id))
    .sort((x, y) => x.at - y.at || x.id.localeCompare(y.id));
  return {
    format: 2,
    assignmentId: a.id,
    meetingId: a.meetingId,
    docNumber: a.docNumber ?? '',
    sheetTitle: sheetTitle(organization, meeting),
    enterprise: {
      id: a.enterpriseId,
      name: enterprise?.name ?? '',
      creditCode: enterprise?.creditCode ?? '',
    },
    reporter: {
      name: speaker?.speaker || enterprise?.contact || '',
      title: speaker?.speakerTitle || enterprise?.contactTitle || '',
      phone: enterprise?.phone ?? '',
    },
    meeting: {
      title: meeting.title,
      kind: meeting.kind,
      date: meeting.date,
      hosts: meeting.hostLeaderIds.map((id) => person(id, src.leader(id))),
    },
    concerns: src.concerns.map((c) => ({
      id: c.id,
      kind: c.kind,
      category: c.category,
      urgency: c.urgency,
      verbatim: c.verbatim,
      summary: c.summary,
    })),
    answers: answers.map((m) => ({ id: m.id, at: m.at, who: m.who, text: m.text })),
    leadLeader: person(a.leadLeaderId, src.leader(a.leadLeaderId)),
    leadDept: { id: a.leadDeptId, name: src.department(a.leadDeptId)?.name ?? '' },
    coDepts: a.coDeptIds.map((id) => ({ id, name: src.department(id)?.name ?? '' })),
    instruction: a.instruction,
    ...(a.instructionInk
      ? { instructionInk: { strokes: a.instructionInk.strokes, png: a.instructionInk.png } }
      : {}),
    dueAt: a.dueAt ?? '',
    signer: person(src.signer, src.leader(src.signer)),
    contact: {
      organization: organization.shortName || organization.name,
      person: organization.contactPerson,
      phone: organization.contactPhone,
    },
  };
}

/** The assignment's own fields a snapshot fixes, by their Chinese names. */
const DECISION_FIELDS: ReadonlyArray<[string, (a: Assignment) => unknown, (s: SignedSnapshot) => unknown]> = [
  ['文号', (a) => a.docNumber ?? '', (s) => s.docNumber],
  ['会议', (a) => a.meetingId, (s) => s.meetingId],
  ['企业', (a) => a.enterpriseId, (s) => s.enterprise.id],
  ['诉求', (a) => a.concernIds, (s) => s.concerns.map((c) => c.id)],
  ['牵头领导', (a) => a.leadLeaderId, (s) => s.leadLeader.id],
  ['牵头单位', (a) => a.leadDeptId, (s) => s.leadDept.id],
  ['配合单位', (a) => a.coDeptIds, (s) => s.coDepts.map((d) => d.id)],
  ['领导批示', (a) => a.instruction, (s) => s.instruction],
  [
    '手写批示',
    (a) => (a.instructionInk ? { strokes: a.instructionInk.strokes, png: a.instructionInk.png } : null),
    (s) => s.instructionInk ?? null,
  ],
  ['办理时限', (a) => a.dueAt ?? '', (s) => s.dueAt],
];

/**
 * The signed fields of the assignment record that no longer agree with its snapshot, by their Chinese names.
 * The screens never change a signed assignment, so any name here means the record was changed behind the
 * signature (签批后已修改). `relinkedEnterprise` is an enterprise id the assignment was moved to by a recorded
 * merge of the directory: that move is a source change, not tampering.
 */
export function decisionChanges(
  assignment: Assignment,
  snapshot: SignedSnapshot,
  relinkedEnterprises: ReadonlySet<Id> = new Set(),
): string[] {
  return DECISION_FIELDS.filter(([label, live, signed]) => {
    if (label === '企业' && relinkedEnterprises.has(assignment.enterpriseId)) return false;
    return canonicalJson(live(assignment)) !== canonicalJson(signed(snapshot));
  }).map(([label]) => label);
}

const quote = (text: string) => `「${text.length > 24 ? `${text.slice(0, 24)}…` : text}」`;
const names = (people: ReadonlyArray<{ name: string }>) => people.map((p) => p.name).join('、') || '（无）';
const withTitle = (p: SnapshotPerson) => (p.title ? `${p.name}（${p.title}）` : p.name);

/**
 * What changed in the source records since signing, as short Chinese lines (企业名称：甲 → 乙): `signed` is the
 * snapshot in the sign-off, `now` the one the live records would give. The signed 交办单 does not change;
 * 修改并重新签批 takes the new wording in. Empty when nothing changed.
 */
export function sourceChanges(signed: SignedSnapshot, now: SignedSnapshot): string[] {
  const out: string[] = [];
  const field = (label: string, before: string, after: string) => {
    if (before !== after) out.push(`${label}：${quote(before || '（空）')} → ${quote(after || '（空）')}`);
  };
  field('企业名称', signed.enterprise.name, now.enterprise.name);
  field('统一社会信用代码', signed.enterprise.creditCode, now.enterprise.creditCode);
  field('反映人', signed.reporter.name, now.reporter.name);
  field('反映人职务', signed.reporter.title, now.reporter.title);
  field('联系电话', signed.reporter.phone, now.reporter.phone);
  field('会议名称', signed.meeting.title, now.meeting.title);
  field('会议日期', signed.meeting.date, now.meeting.date);
  field('接待领导', names(signed.meeting.hosts), names(now.meeting.hosts));
  const nowConcerns = new Map(now.concerns.map((c) => [c.id, c]));
  signed.concerns.forEach((c, i) => {
    const n = nowConcerns.get(c.id);
    const label = signed.concerns.length > 1 ? `诉求${i + 1}` : '诉求';
    if (!n) {
      out.push(`${label}：已被删除`);
      return;
    }
    field(`${label}原话`, c.verbatim, n.verbatim);
    field(`${label}摘要`, c.summary, n.summary);
    field(`${label}类别`, c.category, n.category);
    field(`${label}紧急程度`, URGENCY_LABEL[c.urgency], URGENCY_LABEL[n.urgency]);
  });
  const answers = (s: SignedSnapshot) => s.answers.map((a) => `${a.who}：${a.text}`).join('\n');
  if (answers(signed) !== answers(now)) out.push('现场答复：内容有变化');
  field('牵头领导', withTitle(signed.leadLeader), withTitle(now.leadLeader));
  field('牵头单位', signed.leadDept.name, now.leadDept.name);
  field('配合单位', names(signed.coDepts), names(now.coDepts));
  field('签批人', withTitle(signed.signer), withTitle(now.signer));
  field('联系单位', signed.contact.organization, now.contact.organization);
  field('联系人', signed.contact.person, now.contact.person);
  field('联系电话（工商联）', signed.contact.phone, now.contact.phone);
  field('交办单标题', signed.sheetTitle, now.sheetTitle);
  return out;
}
