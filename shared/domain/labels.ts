/**
 * Chinese labels for the unions of types.ts, as the UI and the documents show them.
 * `Record<Union, string>` makes the compiler insist on a label for every member.
 */
import type {
  AssignmentStatus,
  CallbackWay,
  CloseBasis,
  ConcernKind,
  DayKind,
  Disposition,
  MeetingKind,
  MeetingLevel,
  MeetingStatus,
  MinuteRole,
  QueueStatus,
  FollowUpKind,
  ReplyWay,
  Satisfaction,
  Urgency,
  Warning,
} from './types';

/** 会议类型: 接待日 / 恳谈会 / 座谈会. */
export const MEETING_KIND_LABEL: Readonly<Record<MeetingKind, string>> = {
  reception: '接待日',
  roundtable: '恳谈会',
  symposium: '座谈会',
};

/** What a kind of meeting is called in a document's title: 民营企业接待日 / 政企恳谈会 / 民营企业座谈会. */
export const MEETING_KIND_TITLE: Readonly<Record<MeetingKind, string>> = {
  reception: '民营企业接待日',
  roundtable: '政企恳谈会',
  symposium: '民营企业座谈会',
};

/** 会议级别: 市级 / 区县级. */
export const MEETING_LEVEL_LABEL: Readonly<Record<MeetingLevel, string>> = {
  city: '市级',
  county: '区县级',
};

/** 会议状态 as the meeting list shows it. */
export const MEETING_STATUS_LABEL: Readonly<Record<MeetingStatus, string>> = {
  preparing: '筹备中',
  live: '进行中',
  signing: '待签批',
  handoff: '待交办',
  handed_off: '已交办',
};

/** 诉求类型: 问题 / 建议. */
export const CONCERN_KIND_LABEL: Readonly<Record<ConcernKind, string>> = {
  problem: '问题',
  suggestion: '建议',
};

/** 紧急程度: 急 / 重 / 难 / 一般. */
export const URGENCY_LABEL: Readonly<Record<Urgency, string>> = {
  urgent: '急',
  major: '重',
  hard: '难',
  normal: '一般',
};

/** 纪要发言人身份: 企业家 / 部门 / 领导 / 主持人. */
export const MINUTE_ROLE_LABEL: Readonly<Record<MinuteRole, string>> = {
  entrepreneur: '企业家',
  department: '部门',
  leader: '领导',
  host: '主持人',
};

/** 满意度: 满意 / 基本满意 / 不满意. */
export const SATISFACTION_LABEL: Readonly<Record<Satisfaction, string>> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
};

/** 预警: 正常 / 黄色预警 / 红色预警. */
export const WARNING_LABEL: Readonly<Record<Warning, string>> = {
  none: '正常',
  yellow: '黄色预警',
  red: '红色预警',
};

/** 期限计算方式: 自然日 / 工作日. */
export const DAY_KIND_LABEL: Readonly<Record<DayKind, string>> = {
  calendar: '自然日',
  working: '工作日',
};

/** 发言队列状态: 等候 / 发言中 / 已发言 / 缺席. */
export const QUEUE_STATUS_LABEL: Readonly<Record<QueueStatus, string>> = {
  waiting: '等候',
  speaking: '发言中',
  done: '已发言',
  absent: '缺席',
};

/** 诉求处理方式: 现场解决 / 需交办 / 转报上级. */
export const DISPOSITION_LABEL: Readonly<Record<Disposition, string>> = {
  resolved_on_site: '现场解决',
  assign: '需交办',
  escalate: '转报上级',
};

/** 交办件状态 (docs/architecture.md, "Glossary"). */
export const ASSIGNMENT_STATUS_LABEL: Readonly<Record<AssignmentStatus, string>> = {
  draft: '待签批',
  signed: '已签批',
  handed_off: '已交办',
  replied: '已回复',
  evaluated: '已回访',
  closed: '已办结',
  redo: '重办中',
  escalated: '已转报',
  written_off: '已销号',
};

/** Reverse lookup for imports that carry the Chinese label (e.g. `"kind": "接待日"`); undefined when unknown. */
export function keyForLabel<K extends string>(
  labels: Readonly<Record<K, string>>,
  label: string,
): K | undefined {
  const wanted = label.trim();
  for (const key of Object.keys(labels) as K[]) {
    if (labels[key] === wanted) return key;
  }
  return undefined;
}

/** 督办 steps, as the timeline and the forms name them. */
export const FOLLOW_UP_KIND_LABEL: Readonly<Record<FollowUpKind, string>> = {
  progress: '进展',
  reply: '答复',
  callback: '回访',
  redo: '重办',
  close: '办结',
  write_off: '销号',
  escalate: '转报上级',
  extend: '延期',
  urge: '催办',
  correction: '更正',
};

/** How a 答复 was received. */
export const REPLY_WAY_LABEL: Readonly<Record<ReplyWay, string>> = {
  written: '书面',
  phone: '电话',
  system: '系统',
  usb: 'U盘回执',
};

/** How a 回访 was made. */
export const CALLBACK_WAY_LABEL: Readonly<Record<CallbackWay, string>> = {
  phone: '电话',
  visit: '上门',
  meeting: '会上',
};

/** Why an item is 办结. */
export const CLOSE_BASIS_LABEL: Readonly<Record<CloseBasis, string>> = {
  satisfied: '企业满意',
  explained: '企业接受解释',
};
