/**
 * 办理全过程: one timeline per 交办件, from the meeting's words to 办结 / 销号. The item page draws it and the
 * 办理全过程 document (shared/docs/item-history.ts) prints it, so both tell the same story.
 *
 * In order:
 * 1. 企业反映 — each demand in its own words (the words as signed when the item was signed), with who said it
 *    and when (the minute entries it was taken from; the meeting's day when it came in writing);
 * 2. 现场答复 — each minute entry that answered it on site;
 * 3. 领导签批 — every sign-off, a superseded one marked as such: the leader, the time, the instruction as signed
 *    (from the signed snapshot), whether it was handwritten, the signature's PNG;
 * 4. 交办 — 交办时间 and the 答复期限 it started;
 * 5. every 督办 step (`effectiveSteps`): a corrected step reads as corrected, and each correction is listed with
 *    the original value, the corrected one, the reason, who and when.
 *
 * Pure: records in, entries out. `followUpTimeline` is the one entry point.
 */
import { clockOf } from '../docs/format';
import { formatChineseDate } from './deadlines';
import { effectiveSteps, STEP_FIELD_LABEL, type EffectiveStep } from './follow-up';
import {
  ASSIGNMENT_STATUS_LABEL,
  CALLBACK_WAY_LABEL,
  CLOSE_BASIS_LABEL,
  CONCERN_KIND_LABEL,
  FOLLOW_UP_KIND_LABEL,
  REPLY_WAY_LABEL,
  SATISFACTION_LABEL,
} from './labels';
import type {
  Assignment,
  Concern,
  CorrectionStep,
  Department,
  Enterprise,
  EpochMs,
  FollowUpStep,
  Id,
  IsoDate,
  Leader,
  Meeting,
  MinuteEntry,
  SignedSnapshot,
  SignOff,
} from './types';
import { toIsoDate } from './workdays';

/** What a timeline entry is. Step kinds are those of `FollowUpStep` (corrections are shown on their step). */
export type TimelineEntryKind =
  'demand' | 'answer' | 'sign' | 'handoff' | Exclude<FollowUpStep['kind'], 'correction'>;

/** One line of an entry's detail: `label：text`, or the text alone when `label` is empty. */
export interface TimelineLine {
  label: string;
  text: string;
}

/** One correction of a step, field by field: what it said, what it says now, why, who and when. */
export interface TimelineCorrection {
  /** The step's field name (`content`, `on` …). */
  field: string;
  /** Its Chinese name: 答复内容, 日期 … */
  label: string;
  /** The value before this correction (dates as 2026年12月1日). */
  original: string;
  /** The value this correction gave it. */
  corrected: string;
  reason: string;
  /** Who recorded the correction. */
  by: string;
  /** When the correction was recorded. */
  at: EpochMs;
}

/** One thing that happened to the item. */
export interface TimelineEntry {
  /** Unique within the timeline, stable across renders (a Vue `:key`). */
  key: string;
  kind: TimelineEntryKind;
  /** The day it happened (a step's 日期 as corrected; a sign-off's, a minute's, the handoff's day in China). */
  on: IsoDate;
  /** `HH:mm` in China time when the moment is known (minutes, signing, handoff); absent for steps. */
  time?: string;
  /** What happened, in Chinese: 企业反映, 现场答复, 领导签批, 交办, 部门答复, 满意度回访 … */
  title: string;
  /** Who: the speaker, the answering department, the signing leader, the lead department, who recorded the step. */
  who: string;
  /** What `who` is, for a label: 反映人 / 答复人 / 签批领导 / 交办至 / 记录人. */
  whoLabel: string;
  lines: TimelineLine[];
  /** 第N次办理, for steps. */
  round?: number;
  /** A sign-off later replaced by 修改并重新签批 (it no longer binds the item). */
  superseded?: boolean;
  /** Images of a sign-off: the signature and the handwritten instruction, as stored (PNG data URLs). */
  ink?: { signature: string; signer: string; instruction?: string };
  /** Corrections of a step, oldest first; the entry's lines already read as corrected. */
  corrections: TimelineCorrection[];
}

/** The item's whole history with what identifies it. */
export interface FollowUpTimeline {
  assignmentId: Id;
  /** 青工商联交〔2026〕12号, or '' before signing. */
  docNumber: string;
  enterprise: string;
  /** The demands' summaries joined with ；. */
  matter: string;
  leadLeader: string;
  leadDept: string;
  coDepts: string;
  /** 已交办, 已办结, 已销号 … */
  status: string;
  /** 答复期限 as it stands (2026年12月7日), or ''. */
  replyDue: string;
  entries: TimelineEntry[];
}

/** The records a timeline is made of. Lists may hold more than this item's rows: they are filtered by id. */
export interface TimelineSources {
  assignment: Assignment;
  meeting: Meeting | undefined;
  enterprise: Enterprise | undefined;
  /** The meeting's concerns (at least the item's). */
  concerns: readonly Concern[];
  /** The meeting's minute entries (at least those the item's demands were taken from and answered by). */
  minuteEntries: readonly MinuteEntry[];
  /** Every sign-off of the item, superseded ones included. */
  signOffs: readonly SignOff[];
  /** The item's 督办 steps, corrections included, in any order. */
  steps: readonly FollowUpStep[];
  leaders: readonly Leader[];
  departments: readonly Department[];
}

const line = (label: string, text: string): TimelineLine => ({ label, text });
const chineseDay = (on: IsoDate): string => formatChineseDate(on);
const nonEmpty = (lines: ReadonlyArray<TimelineLine | undefined>): TimelineLine[] =>
  lines.filter((l): l is TimelineLine => l !== undefined && l.text.trim() !== '');

/** `区委书记王立群` for a leader, as documents name them. */
const titled = (p: { title: string; name: string } | undefined): string =>
  p ? `${p.title.trim()}${p.name}` : '';

/** One correction as a sentence: 答复内容由“…”更正为“…”（原因：…；李晓燕，2026年12月3日）. */
export function correctionText(c: TimelineCorrection): string {
  const who = [c.by, chineseDay(toIsoDate(c.at))].filter((s) => s !== '').join('，');
  return `${c.label}由“${c.original}”更正为“${c.corrected}”（原因：${c.reason}；${who}）`;
}

/** A field's value as the history prints it: dates in Chinese, the rest as is. */
const fieldText = (field: string, value: unknown): string => {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return field === 'on' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? chineseDay(text) : text;
};

/** Each correction of `step`, field by field, with the value it replaced (corrections apply in order). */
function correctionsOf(step: FollowUpStep, corrections: readonly CorrectionStep[]): TimelineCorrection[] {
  const current: Record<string, unknown> = { ...step };
  const out: TimelineCorrection[] = [];
  for (const c of [...corrections].sort((x, y) => x.at - y.at)) {
    for (const [field, value] of Object.entries(c.fields)) {
      out.push({
        field,
        label: STEP_FIELD_LABEL[field] ?? field,
        original: fieldText(field, current[field]),
        corrected: fieldText(field, value),
        reason: c.reason,
        by: c.by,
        at: c.at,
      });
      current[field] = value;
    }
  }
  return out;
}

/** A step's title: 部门答复, 满意度回访 …; the level above's reply says so. */
function stepTitle(s: EffectiveStep): string {
  switch (s.kind) {
    case 'progress':
      return '办理进展';
    case 'reply':
      return s.fromEscalation ? '上级答复' : '部门答复';
    case 'callback':
      return '满意度回访';
    default:
      return FOLLOW_UP_KIND_LABEL[s.kind];
  }
}

/** The lines of a step, every field the secretary recorded. */
function stepLines(s: EffectiveStep, leaderName: (id: Id) => string): TimelineLine[] {
  switch (s.kind) {
    case 'progress':
      return nonEmpty([line('进展情况', s.note)]);
    case 'reply':
      return nonEmpty([
        line('答复方式', REPLY_WAY_LABEL[s.way]),
        line('经办人', s.handler),
        line('联系电话', s.phone),
        line('答复内容', s.content),
      ]);
    case 'callback':
      return nonEmpty([
        line('回访方式', CALLBACK_WAY_LABEL[s.way]),
        line('回访人', s.caller),
        line('企业评价', SATISFACTION_LABEL[s.satisfaction]),
        line('企业意见', s.words),
      ]);
    case 'redo':
      return nonEmpty([line('重办原因', s.reason), line('新的答复期限', chineseDay(s.replyDueAt))]);
    case 'close':
      return nonEmpty([line('办结依据', CLOSE_BASIS_LABEL[s.basis]), line('说明', s.note)]);
    case 'write_off':
      return nonEmpty([line('说明', s.note)]);
    case 'escalate':
      return nonEmpty([line('转报单位', s.to), line('对方文号', s.reference)]);
    case 'extend':
      return nonEmpty([
        line('答复期限', `${chineseDay(s.previousDueAt)}延至${chineseDay(s.replyDueAt)}`),
        line('批准领导', leaderName(s.approvedBy)),
        line('延期原因', s.reason),
      ]);
    case 'urge':
      return nonEmpty([
        line('催办通知', s.fileName),
        line('逾期天数', s.daysOverdue > 0 ? `${s.daysOverdue}天` : '未逾期'),
      ]);
  }
}

/** What a sign-off signed: its snapshot, or (format 1, before snapshots) the item's live fields. */
function signedView(
  so: SignOff,
  a: Assignment,
  leader: (id: Id | undefined) => Leader | undefined,
  dept: (id: Id | undefined) => Department | undefined,
): Pick<SignedSnapshot, 'instruction' | 'instructionInk' | 'dueAt' | 'docNumber'> & {
  signer: string;
  leadLeader: string;
  leadDept: string;
  coDepts: string;
} {
  const s = so.snapshot;
  if (s)
    return {
      docNumber: s.docNumber,
      instruction: s.instruction,
      ...(s.instructionInk ? { instructionInk: s.instructionInk } : {}),
      dueAt: s.dueAt,
      signer: titled(s.signer),
      leadLeader: s.leadLeader.name,
      leadDept: s.leadDept.name,
      coDepts: s.coDepts.map((d) => d.name).join('、'),
    };
  return {
    docNumber: a.docNumber ?? '',
    instruction: a.instruction,
    ...(a.instructionInk ? { instructionInk: a.instructionInk } : {}),
    dueAt: a.dueAt ?? '',
    signer: titled(leader(so.signer)),
    leadLeader: leader(a.leadLeaderId)?.name ?? '',
    leadDept: dept(a.leadDeptId)?.name ?? '',
    coDepts: a.coDeptIds.map((id) => dept(id)?.name ?? '').join('、'),
  };
}

/**
 * The 答复期限 handoff started: the one the first 延期 replaced when the item was extended before any 重办,
 * else the item's own when nothing has moved it since; undefined when a 重办 has replaced it unrecorded.
 */
function replyDueAtHandoff(a: Assignment, steps: readonly EffectiveStep[]): IsoDate | undefined {
  const moved = steps.find((s) => s.kind === 'extend' || s.kind === 'redo');
  if (!moved) return a.replyDueAt;
  return moved.kind === 'extend' ? moved.previousDueAt : undefined;
}

// Phases in the order things happen on one day: the meeting, signing, handoff, then 督办.
const PHASE: Record<TimelineEntryKind, number> = {
  demand: 0,
  answer: 0,
  sign: 1,
  handoff: 2,
  progress: 3,
  reply: 3,
  callback: 3,
  redo: 3,
  close: 3,
  write_off: 3,
  escalate: 3,
  extend: 3,
  urge: 3,
};

/** The timeline of one 交办件. */
export function followUpTimeline(src: TimelineSources): FollowUpTimeline {
  const { assignment: a } = src;
  const leaderById = new Map(src.leaders.map((l) => [l.id, l]));
  const deptById = new Map(src.departments.map((d) => [d.id, d]));
  const leader = (id: Id | undefined) => (id === undefined ? undefined : leaderById.get(id));
  const dept = (id: Id | undefined) => (id === undefined ? undefined : deptById.get(id));
  const minuteById = new Map(src.minuteEntries.map((m) => [m.id, m]));
  const concernById = new Map(src.concerns.map((c) => [c.id, c]));
  // By id: a list gathered from two reads (current and history) may hold one twice.
  const signOffs = [...new Map(src.signOffs.map((s) => [s.id, s])).values()]
    .filter((s) => s.assignmentId === a.id)
    .sort((x, y) => x.signedAt - y.signedAt);
  const current = [...signOffs].reverse().find((s) => s.supersededAt === undefined);
  const snapshot = current?.snapshot;
  const enterprise = snapshot?.enterprise.name || src.enterprise?.name || '';

  // The item's sortable entries: [entry, instant used to order entries of one day and phase].
  const sorted: Array<{ entry: TimelineEntry; at: number }> = [];
  const push = (entry: TimelineEntry, at: number) => sorted.push({ entry, at });

  // 1–2. The demands as signed (or as recorded, before signing), and the answers given on site.
  const demands = a.concernIds.map((id) => {
    const live = concernById.get(id);
    const signed = snapshot?.concerns.find((c) => c.id === id);
    return { id, live, words: signed ?? live };
  });
  const answerIds = new Set<Id>();
  for (const { id, live, words } of demands) {
    if (!words) continue;
    const spoken = (live?.minuteEntryIds ?? [])
      .map((m) => minuteById.get(m))
      .filter((m): m is MinuteEntry => m !== undefined)
      .sort((x, y) => x.at - y.at);
    const first = spoken[0];
    const text = words.verbatim.trim() !== '' ? words.verbatim : words.summary;
    const how = live?.channel === '书面' ? '书面反映' : live?.precollected ? '会前收集' : '现场反映';
    const day = first
      ? toIsoDate(first.at)
      : (src.meeting?.date ?? toIsoDate(live?.createdAt ?? a.createdAt));
    push(
      {
        key: `demand:${id}`,
        kind: 'demand',
        on: day,
        ...(first ? { time: clockOf(first.at) } : {}),
        title: '企业反映',
        whoLabel: '反映人',
        who: first?.who || snapshot?.reporter.name || src.enterprise?.contact || enterprise,
        lines: nonEmpty([
          line('会议', src.meeting?.title ?? snapshot?.meeting.title ?? ''),
          line(
            '方式',
            `${how}${words.category ? `（${CONCERN_KIND_LABEL[words.kind]}，${words.category}）` : ''}`,
          ),
          line('原话', text),
          text === words.summary ? undefined : line('摘要', words.summary),
        ]),
        corrections: [],
      },
      first?.at ?? -Infinity,
    );
    for (const m of live?.answerEntryIds ?? []) answerIds.add(m);
  }
  // Answers from the live links, or as signed when the links are gone.
  const answers = [...answerIds]
    .map((id) => minuteById.get(id))
    .filter((m): m is MinuteEntry => m !== undefined)
    .map((m) => ({ id: m.id, at: m.at, who: m.who, text: m.text }));
  for (const m of answers.length > 0 ? answers : (snapshot?.answers ?? []))
    push(
      {
        key: `answer:${m.id}`,
        kind: 'answer',
        on: toIsoDate(m.at),
        time: clockOf(m.at),
        title: '现场答复',
        whoLabel: '答复人',
        who: m.who,
        lines: [line('', m.text)],
        corrections: [],
      },
      m.at,
    );

  // 3. Every signature, the replaced ones marked.
  for (const so of signOffs) {
    const v = signedView(so, a, leader, dept);
    const superseded = so.supersededAt !== undefined;
    push(
      {
        key: `sign:${so.id}`,
        kind: 'sign',
        on: toIsoDate(so.signedAt),
        time: clockOf(so.signedAt),
        title: superseded ? '领导签批（已重签）' : '领导签批',
        whoLabel: '签批领导',
        who: v.signer,
        lines: nonEmpty([
          line('文号', v.docNumber),
          line('批示', v.instruction.trim()),
          v.instructionInk
            ? line(
                '手写批示',
                v.instruction.trim() === '' ? '领导手写批示（见笔迹）' : '另有领导手写批示（见笔迹）',
              )
            : undefined,
          line('牵头领导', v.leadLeader),
          line('牵头单位', v.leadDept),
          line('配合单位', v.coDepts),
          line('办理时限', v.dueAt ? chineseDay(v.dueAt) : ''),
          superseded
            ? line(
                '说明',
                `此次签批已于${chineseDay(toIsoDate(so.supersededAt!))}修改并重新签批，以后一次签批为准`,
              )
            : undefined,
        ]),
        ...(superseded ? { superseded: true } : {}),
        ink: {
          signature: so.png,
          signer: v.signer,
          ...(v.instructionInk?.png ? { instruction: v.instructionInk.png } : {}),
        },
        corrections: [],
      },
      so.signedAt,
    );
  }

  // 4. The handoff.
  const steps = effectiveSteps(src.steps.filter((s) => s.assignmentId === a.id));
  if (a.handedOffAt !== undefined) {
    const due = replyDueAtHandoff(a, steps);
    push(
      {
        key: 'handoff',
        kind: 'handoff',
        on: toIsoDate(a.handedOffAt),
        time: clockOf(a.handedOffAt),
        title: '交办',
        whoLabel: '交办至',
        who: snapshot?.leadDept.name || dept(a.leadDeptId)?.name || '',
        lines: nonEmpty([
          line('交办时间', `${chineseDay(toIsoDate(a.handedOffAt))} ${clockOf(a.handedOffAt)}`),
          // Moved by a 重办 before any record of it: what the 交办单 gave as 办理时限 instead.
          due
            ? line('答复期限', chineseDay(due))
            : line('办理时限', snapshot?.dueAt || a.dueAt ? chineseDay((snapshot?.dueAt || a.dueAt)!) : ''),
        ]),
        corrections: [],
      },
      a.handedOffAt,
    );
  }

  // 5. The 督办 steps, as corrected.
  const leaderName = (id: Id) => leader(id)?.name ?? '';
  for (const s of steps) {
    const original = src.steps.find((x) => x.id === s.id) ?? s;
    push(
      {
        key: `step:${s.id}`,
        kind: s.kind,
        on: s.on,
        title: stepTitle(s),
        whoLabel: '记录人',
        who: s.by,
        lines: stepLines(s, leaderName),
        round: s.round,
        corrections: correctionsOf(original, s.corrections),
      },
      s.at,
    );
  }

  const entries = sorted
    .map((x, i) => ({ ...x, i }))
    .sort(
      (x, y) =>
        x.entry.on.localeCompare(y.entry.on) ||
        PHASE[x.entry.kind] - PHASE[y.entry.kind] ||
        x.at - y.at ||
        x.i - y.i,
    )
    .map((x) => x.entry);

  const matter = demands
    .map((d) => d.words?.summary.trim() ?? '')
    .filter((t) => t !== '')
    .join('；');
  return {
    assignmentId: a.id,
    docNumber: a.docNumber ?? snapshot?.docNumber ?? '',
    enterprise,
    matter,
    leadLeader: snapshot?.leadLeader.name || leader(a.leadLeaderId)?.name || '',
    leadDept: snapshot?.leadDept.name || dept(a.leadDeptId)?.name || '',
    coDepts: (snapshot ? snapshot.coDepts.map((d) => d.name) : a.coDeptIds.map((id) => dept(id)?.name ?? ''))
      .filter((n) => n !== '')
      .join('、'),
    status: ASSIGNMENT_STATUS_LABEL[a.status],
    replyDue: a.replyDueAt ? chineseDay(a.replyDueAt) : '',
    entries,
  };
}
