/**
 * The domain vocabulary of Kentan Desk (docs/architecture.md, "Glossary"). Pure types: no runtime code.
 *
 * Conventions used everywhere:
 * - ids are strings made by `crypto.randomUUID()`;
 * - instants are epoch milliseconds (`EpochMs`);
 * - calendar dates (a meeting's day, a due date) are `IsoDate` strings `YYYY-MM-DD`, never instants.
 */

/** A record id made by `crypto.randomUUID()`. */
export type Id = string;
/** An instant in epoch milliseconds. */
export type EpochMs = number;
/** A calendar date, `YYYY-MM-DD`, in the local (China Standard) calendar. */
export type IsoDate = string;

/** 会议 kind: 接待日 / 恳谈会 / 座谈会. */
export type MeetingKind = 'reception' | 'roundtable' | 'symposium';
/** 市级 / 区县级. */
export type MeetingLevel = 'city' | 'county';
/** 筹备中 / 进行中 / 待签批 / 待交办 / 已交办 (docs/architecture.md, "Screens"). */
export type MeetingStatus = 'preparing' | 'live' | 'signing' | 'handoff' | 'handed_off';

/** 会议. */
export interface Meeting {
  id: Id;
  kind: MeetingKind;
  title: string;
  /** 期次 */
  edition: number;
  theme: string;
  date: IsoDate;
  /** `HH:mm` */
  startTime: string;
  place: string;
  level: MeetingLevel;
  status: MeetingStatus;
  hostLeaderIds: Id[];
  attendingDeptIds: Id[];
  /** 出席: the departments' people who came, with their titles, as the 纪要 prints them (free text). */
  attendees?: string;
  /** 列席: who sat in without taking part (free text). */
  observers?: string;
  /** 记录人: who kept the record; the federation's contact person when empty. */
  recorder?: string;
  startedAt?: EpochMs;
  endedAt?: EpochMs;
  /** The date first planned, when the meeting was held on another day (`date` is then the day held). */
  plannedDate?: IsoDate;
  /** When the secretary recorded that the meeting left nothing to hand over (无交办事项). */
  noAssignmentsAt?: EpochMs;
  /** Set when moved to the recycle bin. */
  deletedAt?: EpochMs;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** The federation that runs the meetings (工商联). */
export interface Organization {
  name: string;
  shortName: string;
  /** e.g. 青工商联交, giving 青工商联交〔2026〕12号 */
  docNumberPrefix: string;
  contactPerson: string;
  contactPhone: string;
}

/** 领导. */
export interface Leader {
  id: Id;
  name: string;
  title: string;
  order: number;
}

/** 部门 (单位). */
export interface Department {
  id: Id;
  name: string;
  shortName: string;
  /** Names used in speech, e.g. 财政局 for 区财政局. */
  aliases: string[];
  order: number;
  /** 分管领导 */
  leaderId?: Id;
}

/** 企业. */
export interface Enterprise {
  id: Id;
  name: string;
  /** 统一社会信用代码 (GB 32100-2015); empty when unknown. */
  creditCode: string;
  legalRep: string;
  contact: string;
  contactTitle: string;
  phone: string;
  industry: string;
  street: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** 发言队列 status. */
export type QueueStatus = 'waiting' | 'speaking' | 'done' | 'absent';
/** How a speaker came to the table: 报名 / 点名 / 书面 / 现场 (walk-in). */
export type QueueChannel = '报名' | '点名' | '书面' | '现场';

/** 发言人: one enterprise's place in a meeting's speaking order. */
export interface QueueEntry {
  id: Id;
  meetingId: Id;
  enterpriseId: Id;
  speaker: string;
  speakerTitle: string;
  channel: QueueChannel;
  status: QueueStatus;
  /** Position in the speaking order, 1-based. */
  position: number;
  startedAt?: EpochMs;
  endedAt?: EpochMs;
  /** Total speaking time in ms. */
  spokenMs: number;
}

/** 问题 / 建议. */
export type ConcernKind = 'problem' | 'suggestion';
/** 急 / 重 / 难 / 一般. */
export type Urgency = 'urgent' | 'major' | 'hard' | 'normal';
/** Where a concern came from. */
export type ConcernChannel =
  '电话' | '邮箱' | '座谈会' | '商协会' | '走访调研' | '相关部门' | '线上专栏' | '书面' | '现场';
/** 现场解决 / 需交办 / 转报上级. */
export type Disposition = 'resolved_on_site' | 'assign' | 'escalate';

/** 诉求. */
export interface Concern {
  id: Id;
  meetingId: Id;
  enterpriseId: Id;
  kind: ConcernKind;
  category: string;
  urgency: Urgency;
  /** The words as said or submitted, 原汁原味. */
  verbatim: string;
  summary: string;
  channel: ConcernChannel;
  /** Undefined while undecided. */
  disposition?: Disposition;
  suggestedDeptId?: Id;
  /** Minute entries the concern was taken from. */
  minuteEntryIds: Id[];
  /** Minute entries that answered it on site. */
  answerEntryIds: Id[];
  /** Collected before the meeting (会前收集). */
  precollected: boolean;
  /** When a pre-collected concern was confirmed as raised at the meeting. */
  confirmedAt?: EpochMs;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** 企业家 / 部门 / 领导 / 主持人. */
export type MinuteRole = 'entrepreneur' | 'department' | 'leader' | 'host';

/** An earlier wording of a corrected minute entry. */
export interface MinuteRevision {
  text: string;
  editedAt: EpochMs;
  /** Who this wording was attributed to (absent in revisions older than corrections of the speaker). */
  role?: MinuteRole;
  who?: string;
  whoId?: Id;
}

/** 原汁原味纪要: one committed entry. */
export interface MinuteEntry {
  id: Id;
  meetingId: Id;
  at: EpochMs;
  role: MinuteRole;
  /** Display name of who spoke. */
  who: string;
  /** Enterprise, department or leader id behind `who`, when known. */
  whoId?: Id;
  text: string;
  concernId?: Id;
  history: MinuteRevision[];
}

/** Text being typed but not yet committed; saved within a second of the last key. */
export interface Draft {
  /** e.g. `minutes:<meetingId>` */
  key: string;
  meetingId: Id;
  text: string;
  role?: MinuteRole;
  who?: string;
  /** Ink not yet signed with (key `signature:<meetingId>`): a signature survives a crash. */
  ink?: InkStroke[];
  /** The leader the ink belongs to. */
  signer?: Id;
  /** A form being filled (a 督办 step: key `follow-up:<assignmentId>:<kind>`): its fields by name. */
  fields?: Record<string, string>;
  savedAt: EpochMs;
}

/** 交办件 life cycle (docs/architecture.md, "Glossary"). */
export type AssignmentStatus =
  | 'draft'
  | 'signed'
  | 'handed_off'
  | 'replied'
  | 'evaluated'
  | 'closed'
  | 'redo'
  | 'escalated'
  | 'written_off';

/** 交办件. */
export interface Assignment {
  id: Id;
  meetingId: Id;
  enterpriseId: Id;
  /** 青工商联交〔2026〕12号, assigned on signing. */
  docNumber?: string;
  concernIds: Id[];
  leadLeaderId: Id;
  leadDeptId: Id;
  coDeptIds: Id[];
  instruction: string;
  /** The instruction as the leader handwrote it, when he did; printed on the 交办单 beside or instead of the text. */
  instructionInk?: InkCapture;
  /** 办理时限 */
  dueAt?: IsoDate;
  status: AssignmentStatus;
  /** 交办时间: when the sheet reached the department (verified on the USB stick, or marked as handed over). */
  handedOffAt?: EpochMs;
  /**
   * 答复期限: the day the department's reply is due, counted from 交办时间 by the rules in force then
   * (交办后N天内回复). Fixed at handoff, so a later change of the rules does not move it.
   */
  replyDueAt?: IsoDate;
  // ── 跟踪督办 (shared/domain/follow-up.ts keeps these in step with the item's steps) ──
  /** 第N次办理: 1 until the first 重办. */
  round?: number;
  /** The last day the item was seen moving (交办, 进展, 答复, 重办, 延期): 推进缓慢 counts from it. */
  lastActivityOn?: IsoDate;
  /** 答复 of the current round received on. */
  repliedOn?: IsoDate;
  /** The enterprise's verdict at the last 回访. */
  satisfaction?: Satisfaction;
  /** 办结 on. */
  closedOn?: IsoDate;
  /** 销号 on. */
  writtenOffOn?: IsoDate;
  /** 转报上级: to whom (e.g. 市营商环境直通车办公室). */
  escalatedTo?: string;
  /** The last 催办 sent on. */
  urgedOn?: IsoDate;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** 答复 received: 书面 / 电话 / 系统 / U盘回执. */
export type ReplyWay = 'written' | 'phone' | 'system' | 'usb';
/** 回访 made: 电话 / 上门 / 会上. */
export type CallbackWay = 'phone' | 'visit' | 'meeting';
/** Why an item is 办结: the enterprise is satisfied, or accepts the explanation given. */
export type CloseBasis = 'satisfied' | 'explained';

/** What a 督办 step records (shared/domain/follow-up.ts). */
export type FollowUpKind =
  | 'progress'
  | 'reply'
  | 'callback'
  | 'redo'
  | 'close'
  | 'write_off'
  | 'escalate'
  | 'extend'
  | 'urge'
  | 'correction';

interface FollowUpBase {
  id: Id;
  assignmentId: Id;
  /** 第N次办理 the step belongs to. */
  round: number;
  /** The day it happened (the reply's date of receipt, the call's date …). */
  on: IsoDate;
  /** When it was recorded. */
  at: EpochMs;
  /** Who recorded it (the secretary's name on this desk). */
  by: string;
}

/** 进展: what the department reports doing. */
export interface ProgressStep extends FollowUpBase {
  kind: 'progress';
  note: string;
  /** The 回复登记表 row it was imported from (shared/ledger/reply-import.ts): the same row is never recorded twice. */
  receipt?: string;
}
/** 答复 / 办理结果 from the department (or, once 转报, from the level above). */
export interface ReplyStep extends FollowUpBase {
  kind: 'reply';
  content: string;
  handler: string;
  phone: string;
  way: ReplyWay;
  /** The reply came from the level the item was 转报 to. */
  fromEscalation?: boolean;
  /** The 回复登记表 row it was imported from (shared/ledger/reply-import.ts): the same row is never recorded twice. */
  receipt?: string;
}
/** 满意度回访 of the enterprise. */
export interface CallbackStep extends FollowUpBase {
  kind: 'callback';
  caller: string;
  way: CallbackWay;
  satisfaction: Satisfaction;
  /** The enterprise's words. */
  words: string;
}
/** 重办: sent back after an unsatisfactory 回访. */
export interface RedoStep extends FollowUpBase {
  kind: 'redo';
  reason: string;
  /** The new 答复期限 from the rules. */
  replyDueAt: IsoDate;
}
/** 办结. */
export interface CloseStep extends FollowUpBase {
  kind: 'close';
  basis: CloseBasis;
  note: string;
}
/** 销号: the federation closes the item on its list. */
export interface WriteOffStep extends FollowUpBase {
  kind: 'write_off';
  note: string;
}
/** 转报上级. */
export interface EscalateStep extends FollowUpBase {
  kind: 'escalate';
  to: string;
  /** Their reference number, when given. */
  reference: string;
}
/** 延期: a new 答复期限 approved by the lead leader. */
export interface ExtendStep extends FollowUpBase {
  kind: 'extend';
  replyDueAt: IsoDate;
  /** The 答复期限 it replaces. */
  previousDueAt: IsoDate;
  approvedBy: Id;
  reason: string;
}
/** 催办: a 催办通知 sent to the lead department. */
export interface UrgeStep extends FollowUpBase {
  kind: 'urge';
  /** The 催办通知 file it went out in. */
  fileName: string;
  daysOverdue: number;
}
/** 更正: a wrong entry corrected; the step it corrects stays as it was, the correction is read over it. */
export interface CorrectionStep extends FollowUpBase {
  kind: 'correction';
  corrects: Id;
  /** The corrected fields, by name; only text and date fields may be corrected. */
  fields: Record<string, string>;
  reason: string;
}

/** One step of 跟踪督办 on a 交办件; never changed once written. */
export type FollowUpStep =
  | ProgressStep
  | ReplyStep
  | CallbackStep
  | RedoStep
  | CloseStep
  | WriteOffStep
  | EscalateStep
  | ExtendStep
  | UrgeStep
  | CorrectionStep;

/** A point of ink in the pad's own CSS-pixel space. */
export interface PadPoint {
  x: number;
  y: number;
  /** 0..1; 0.5 when the device reports none. */
  pressure: number;
  /** ms since the stroke began. */
  t: number;
}

/** One pen-down to pen-up stroke. */
export interface InkStroke {
  pointerType: 'pen' | 'touch' | 'mouse';
  points: PadPoint[];
}

/** Handwriting kept twice: the strokes (the record) and a PNG of them (for documents). */
export interface InkCapture {
  strokes: InkStroke[];
  /** PNG as a base64 data URL, drawn at a fixed size. */
  png: string;
}

/** A person as a signed 交办单 prints them: a leader with title, or a 反映人. */
export interface SnapshotPerson {
  id: Id;
  name: string;
  title: string;
}

/** A department as a signed 交办单 prints it. */
export interface SnapshotDepartment {
  id: Id;
  name: string;
}

/** One demand as signed: the words and how it was sorted. */
export interface SnapshotConcern {
  id: Id;
  kind: ConcernKind;
  category: string;
  urgency: Urgency;
  verbatim: string;
  summary: string;
}

/** One on-site answer as signed (a minute entry). */
export interface SnapshotAnswer {
  id: Id;
  at: EpochMs;
  who: string;
  text: string;
}

/**
 * 签批快照: everything the 交办单 prints, frozen at signing. The sign-off's hash covers it, and the sheet is
 * printed from it, never from live records: a later rename, merge or edited demand changes neither.
 */
export interface SignedSnapshot {
  /** The shape of this snapshot; a new shape gets a new number and its own hash format. */
  format: 2;
  assignmentId: Id;
  meetingId: Id;
  /** 青工商联交〔2026〕12号 */
  docNumber: string;
  /** 青溪区民营企业接待日交办单 */
  sheetTitle: string;
  enterprise: { id: Id; name: string; creditCode: string };
  /** 反映人 with 职务 and 电话 (the department calls back). */
  reporter: { name: string; title: string; phone: string };
  meeting: { title: string; kind: MeetingKind; date: IsoDate; hosts: SnapshotPerson[] };
  concerns: SnapshotConcern[];
  answers: SnapshotAnswer[];
  leadLeader: SnapshotPerson;
  leadDept: SnapshotDepartment;
  coDepts: SnapshotDepartment[];
  instruction: string;
  instructionInk?: InkCapture;
  /** 办理时限 */
  dueAt: IsoDate;
  signer: SnapshotPerson;
  /** The federation at the foot of the sheet. */
  contact: { organization: string; person: string; phone: string };
}

/** 签批. */
export interface SignOff {
  id: Id;
  assignmentId: Id;
  /** Leader id. */
  signer: Id;
  signedAt: EpochMs;
  strokes: InkStroke[];
  /** PNG of the signature as a base64 data URL. */
  png: string;
  /**
   * SHA-256 (hex) of the canonical JSON of what was signed, the strokes, the PNG's hash, signer and time.
   * Format 1 (no `format`): the assignment's own fields (`signedContent`); format 2: the `snapshot`.
   */
  contentHash: string;
  /** The hash format: absent for the first one (format 1), 2 for signed snapshots. */
  format?: 2;
  /** Format 2: everything the 交办单 prints, as signed. */
  snapshot?: SignedSnapshot;
  /** Format 1: the assignment's signed content as it was at signing (`signedContent`). */
  content?: Record<string, unknown>;
  /** When 修改并重新签批 replaced this signature; the assignment no longer rests on it. */
  supersededAt?: EpochMs;
}

/** 回复 as the first schema had it (table `replies`, never written: 跟踪督办 records `FollowUpStep`s). */
export interface Reply {
  id: Id;
  assignmentId: Id;
  deptId: Id;
  text: string;
  receivedAt: EpochMs;
}

/** 满意 / 基本满意 / 不满意. */
export type Satisfaction = 'satisfied' | 'basically' | 'unsatisfied';

/** 评价 as the first schema had it (table `evaluations`, never written: see `CallbackStep`). */
export interface Evaluation {
  id: Id;
  assignmentId: Id;
  satisfaction: Satisfaction;
  note: string;
  calledBackAt: EpochMs;
}

/** 预警. */
export type Warning = 'none' | 'yellow' | 'red';

/** One calendar year of the holiday table (the State Council's notice): every date in it falls in that year. */
export interface HolidayYear {
  /** Days off of the holiday periods, as the notice's "X日至Y日放假" ranges name them. */
  holidays: IsoDate[];
  /** 调休 make-up workdays: weekend days on which people work ("X日(周六)上班"). */
  workdays: IsoDate[];
  /** The notice the data comes from, for the 设置 screen. */
  source: string;
}

/** Holidays and make-up workdays by calendar year (`"2026"`). */
export interface HolidayTable {
  version: string;
  years: Record<string, HolidayYear>;
}

/** Calendar or working days. */
export type DayKind = 'calendar' | 'working';

/** 期限规则 (设置). */
export interface DeadlineRules {
  /** 会后 N 天内交办 */
  handoffDays: number;
  /** 交办后 N 天内回复 */
  replyDays: number;
  /** Yellow when this many days or fewer remain. */
  yellowDays: number;
  dayKind: DayKind;
  /** How the days left before yellow are counted (默认工作日: “剩余3个工作日”). */
  yellowDayKind: DayKind;
  /** Yellow (推进缓慢) when nothing has been recorded for this many calendar days. */
  staleDays: number;
}

/** One entry of the append-only audit log; `hash` chains to the previous record. */
export interface AuditRecord {
  /** Auto-incremented sequence. */
  seq?: number;
  at: EpochMs;
  action: string;
  entity: string;
  entityId: Id;
  detail: string;
  prevHash: string;
  hash: string;
}

/** A key/value setting. */
export interface Setting<T = unknown> {
  key: string;
  value: T;
}
