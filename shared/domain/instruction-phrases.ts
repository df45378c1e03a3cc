/**
 * What the leader picks from in 签批模式 instead of typing: the time limits (办理时限) as chips with
 * their dates, and the phrases an instruction (领导批示) is made of, joined the way leaders write:
 * 「请张明德同志牵头，召集区财政局，两周内答复企业。」
 */
import { timeLimitPhrase } from './assignment-draft';
import { addDays, handoffDue } from './deadlines';
import type { HolidayTable } from './holidays';
import type { DeadlineRules, IsoDate } from './types';

/** One time-limit chip: so many days after handoff, ending on `date`. */
export interface TimeLimitOption {
  days: number;
  /** 一周内, 两周内, 10个工作日内 … */
  phrase: string;
  date: IsoDate;
  warnings: string[];
}

const CALENDAR_CHOICES = [7, 14, 30];
const WORKING_CHOICES = [5, 10, 20];

/** The time limits offered for a meeting's assignments, counted from its handoff deadline. */
export function timeLimitOptions(
  meetingDate: IsoDate,
  rules: DeadlineRules,
  table: HolidayTable,
): TimeLimitOption[] {
  const handoff = handoffDue(meetingDate, rules, table);
  const choices = rules.dayKind === 'working' ? WORKING_CHOICES : CALENDAR_CHOICES;
  const days = [...new Set([...choices, rules.replyDays])].filter((d) => d > 0).sort((a, b) => a - b);
  return days.map((d) => {
    const due = addDays(handoff.date, d, rules.dayKind, table);
    return {
      days: d,
      phrase: timeLimitPhrase(d, rules.dayKind),
      date: due.date,
      warnings: [...new Set([...handoff.warnings, ...due.warnings])],
    };
  });
}

/** A group of phrase chips. */
export interface PhraseGroup {
  label: string;
  phrases: string[];
}

/** The phrases offered for an assignment's instruction, from its fields. */
export function instructionPhrases(fields: {
  leadLeaderName?: string | undefined;
  leadDeptName?: string | undefined;
  coDeptNames: readonly string[];
  /** 两周内, 10个工作日内, 2026年12月7日前 … */
  limit: string;
}): PhraseGroup[] {
  const { leadLeaderName, leadDeptName, coDeptNames, limit } = fields;
  const others = [leadLeaderName ? leadDeptName : undefined, ...coDeptNames].filter((n): n is string =>
    Boolean(n),
  );
  const lead = [
    leadLeaderName && `请${leadLeaderName}同志牵头`,
    leadDeptName && `请${leadDeptName}牵头办理`,
    '请相关部门研究办理',
  ];
  const together = [
    others.length > 0 && `召集${others.join('、')}`,
    coDeptNames.length > 0 && `会同${coDeptNames.join('、')}`,
    '会同相关部门',
    '现场办公',
  ];
  return [
    { label: '牵头', phrases: lead.filter((p): p is string => Boolean(p)) },
    { label: '协同', phrases: together.filter((p): p is string => Boolean(p)) },
    {
      label: '要求',
      phrases: ['研究解决', '依法依规妥善解决', '对照政策逐项落实', '一次性告知办理要求', '务必办实办好'],
    },
    { label: '时限', phrases: [`${limit}答复企业`, `${limit}办结`, '限期办结', '及时向企业反馈'] },
  ];
}

/** Picked phrases as one instruction sentence: joined by ，, ended by 。. */
export function joinPhrases(phrases: readonly string[]): string {
  const parts = phrases.map((p) => p.trim().replace(/[，,。.；;]+$/u, '')).filter(Boolean);
  return parts.length ? `${parts.join('，')}。` : '';
}

// 一周内, 两周内, 14天内, 10个工作日内, 一个月内, 2026年12月7日前, 12月7日前.
const TIME_WORDS =
  /(?:[一二两三四五六七八九十\d]+个?(?:周|天|日|工作日|月)内)|(?:\d{4}年\d{1,2}月\d{1,2}日前)|(?:\d{1,2}月\d{1,2}日前)/gu;

/** The time limits an instruction states in words, in order. */
export function timeWordsIn(instruction: string): string[] {
  return [...instruction.matchAll(TIME_WORDS)].map((m) => m[0]);
}

/**
 * The instruction with its time words moved from one limit to another (两周内 → 一个月内), when it states the old
 * one — as the phrase chips and the suggestion write it; undefined when it does not, so nothing else is touched.
 */
export function retimeInstruction(instruction: string, from: string, to: string): string | undefined {
  if (!from || from === to || !instruction.includes(from)) return undefined;
  return instruction.split(from).join(to);
}

/**
 * A time limit the instruction states that is not the one chosen (两周内 beside 2027年1月1日), or undefined when
 * it states none or only the chosen one. `accepted` are the ways of saying the chosen limit: its chip phrase
 * and the date in words.
 */
export function limitMismatch(instruction: string, accepted: readonly string[]): string | undefined {
  return timeWordsIn(instruction).find((w) => !accepted.includes(w));
}
