/**
 * Meeting rules for 会前准备: the suggested title of the next edition, and field validation.
 */
import type { Meeting, MeetingKind, MeetingLevel } from './types';
import { isValidIsoDate } from './workdays';

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
    startTime: input.startTime.trim(),
    hostLeaderIds: [...new Set(input.hostLeaderIds)],
    attendingDeptIds: [...new Set(input.attendingDeptIds)],
  };
  const errors: MeetingErrors = {};
  if (!value.title) errors.title = '请填写会议名称';
  else if (value.title.length > 80) errors.title = '会议名称不能超过80个字';
  if (!Number.isInteger(value.edition) || value.edition < 1 || value.edition > 9999)
    errors.edition = '期次应为1到9999之间的整数';
  if (!isValidIsoDate(value.date)) errors.date = '请选择会议日期';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value.startTime)) errors.startTime = '开始时间格式应为“09:00”';
  if (!value.place) errors.place = '请填写会议地点';
  if (value.theme.length > 60) errors.theme = '会议主题不能超过60个字';
  if (value.hostLeaderIds.length === 0) errors.hostLeaderIds = '请至少选择一位接待领导';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
