/**
 * Meeting rules for 会前准备: the suggested title of the next edition, and field validation.
 */
import { toHalfWidth } from './half-width';
import type { Meeting, MeetingKind, MeetingLevel } from './types';
import { isValidIsoDate } from './workdays';

/** The longest title, theme and place, in characters: the title heads every document, the theme the projector. */
export const MEETING_LIMITS = {
  title: 80,
  theme: 60,
  place: 40,
  attendees: 300,
  observers: 200,
  recorder: 20,
} as const;

/** How many characters `text` has beyond `limit` (0 when it fits), counting each character once. */
export function overLimit(text: string, limit: number): number {
  return Math.max(0, [...text].length - limit);
}

/**
 * A start time as people type it, as HH:mm: 9:05, ９：０５, 0905, 9点, 9点半, 14时30分 → 09:05 … 14:30. Anything
 * else comes back trimmed as typed, for the validation to name.
 */
export function normalizeStartTime(input: string): string {
  const text = toHalfWidth(input).trim().replace(/：/g, ':');
  const match =
    /^(\d{1,2})(?::(\d{2}))?$/.exec(text) ??
    /^(\d{2})(\d{2})$/.exec(text) ??
    /^(\d{1,2})[点时](?:(\d{1,2})分?|(半))?$/.exec(text);
  if (!match) return text;
  const hours = Number(match[1]);
  const minutes = match[3] === '半' ? 30 : Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return text;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The fields a secretary fills in for a meeting. */
export interface MeetingDraft {
  kind: MeetingKind;
  title: string;
  edition: number;
  theme: string;
  date: string;
  startTime: string;
  place: string;
  level: MeetingLevel;
  hostLeaderIds: string[];
  attendingDeptIds: string[];
  /** For the 纪要 (optional): 出席 (the departments' people), 列席, 记录人. */
  attendees?: string;
  observers?: string;
  recorder?: string;
}

/** Field → Chinese message. */
export type MeetingErrors = Partial<Record<keyof MeetingDraft, string>>;

/**
 * The place name used in titles, from the federation's short name: 青溪区工商联 → 青溪区,
 * 临江市工商联 → 临江市. Empty when it cannot be told.
 */
export function regionOf(orgShortName: string): string {
  const trimmed = orgShortName.trim().replace(/(工商业联合会|工商联|总商会)$/u, '');
  return /[省市区县旗州]$/u.test(trimmed) ? trimmed : '';
}

/** The next 期次 of a kind: one more than the highest so far (the recycle bin counts: numbers are not reused). */
export function nextEdition(
  meetings: readonly Pick<Meeting, 'kind' | 'edition'>[],
  kind: MeetingKind,
): number {
  return meetings.filter((m) => m.kind === kind).reduce((max, m) => Math.max(max, m.edition), 0) + 1;
}

/** The title offices use: 青溪区第15次“民营企业接待日”, 青溪区第3期政企恳谈会, 青溪区第2次民营企业座谈会. */
export function suggestMeetingTitle(kind: MeetingKind, edition: number, region: string): string {
  switch (kind) {
    case 'reception':
      return `${region}第${edition}次“民营企业接待日”`;
    case 'roundtable':
      return `${region}第${edition}期政企恳谈会`;
    case 'symposium':
      return `${region}第${edition}次民营企业座谈会`;
  }
}

/** Check a meeting's fields; returns the trimmed draft or the errors by field. */
export function validateMeeting(
  input: MeetingDraft,
): { ok: true; value: MeetingDraft } | { ok: false; errors: MeetingErrors } {
  const value: MeetingDraft = {
    ...input,
    title: input.title.trim(),
    theme: input.theme.trim(),
    place: input.place.trim(),
    startTime: normalizeStartTime(input.startTime),
    hostLeaderIds: [...new Set(input.hostLeaderIds)],
    attendingDeptIds: [...new Set(input.attendingDeptIds)],
    attendees: (input.attendees ?? '').trim(),
    observers: (input.observers ?? '').trim(),
    recorder: (input.recorder ?? '').trim(),
  };
  const errors: MeetingErrors = {};
  const tooLong = (field: keyof typeof MEETING_LIMITS, label: string) =>
    `${label}不能超过${MEETING_LIMITS[field]}个字（现在多了${overLimit(value[field] ?? '', MEETING_LIMITS[field])}个字）`;
  if (!value.title) errors.title = '请填写会议名称';
  else if (overLimit(value.title, MEETING_LIMITS.title)) errors.title = tooLong('title', '会议名称');
  if (!Number.isInteger(value.edition) || value.edition < 1 || value.edition > 9999)
    errors.edition = '期次应为1到9999之间的整数';
  if (!isValidIsoDate(value.date)) errors.date = '请选择会议日期';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value.startTime)) errors.startTime = '开始时间格式应为“09:00”';
  if (!value.place) errors.place = '请填写会议地点';
  else if (overLimit(value.place, MEETING_LIMITS.place)) errors.place = tooLong('place', '会议地点');
  if (overLimit(value.theme, MEETING_LIMITS.theme)) errors.theme = tooLong('theme', '会议主题');
  if (value.hostLeaderIds.length === 0) errors.hostLeaderIds = '请至少选择一位接待领导';
  if (overLimit(value.attendees ?? '', MEETING_LIMITS.attendees))
    errors.attendees = tooLong('attendees', '出席人员');
  if (overLimit(value.observers ?? '', MEETING_LIMITS.observers))
    errors.observers = tooLong('observers', '列席人员');
  if (overLimit(value.recorder ?? '', MEETING_LIMITS.recorder))
    errors.recorder = tooLong('recorder', '记录人');
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
