import { describe, expect, it } from 'vitest';
import {
  MEETING_LIMITS,
  nextEdition,
  normalizeStartTime,
  overLimit,
  regionOf,
  suggestMeetingTitle,
  validateMeeting,
  type MeetingDraft,
} from '../../../shared/domain/meeting';

const draft: MeetingDraft = {
  kind: 'reception',
  title: '青溪区第15次“民营企业接待日”',
  edition: 15,
  theme: '稳岗用工',
  date: '2026-12-16',
  startTime: '09:00',
  place: '区工商联三楼会议室',
  level: 'county',
  hostLeaderIds: ['l1'],
  attendingDeptIds: ['d1', 'd1'],
};

describe('meeting titles', () => {
  it('takes the region from the federation short name', () => {
    expect(regionOf('青溪区工商联')).toBe('青溪区');
    expect(regionOf('临江市工商业联合会')).toBe('临江市');
    expect(regionOf('工商联')).toBe('');
  });

  it('suggests the next edition per kind, counting deleted ones', () => {
    const meetings = [
      { kind: 'reception' as const, edition: 14 },
      { kind: 'reception' as const, edition: 13 },
      { kind: 'roundtable' as const, edition: 2 },
    ];
    expect(nextEdition(meetings, 'reception')).toBe(15);
    expect(nextEdition(meetings, 'roundtable')).toBe(3);
    expect(nextEdition(meetings, 'symposium')).toBe(1);
  });

  it('writes the titles offices use', () => {
    expect(suggestMeetingTitle('reception', 15, '青溪区')).toBe('青溪区第15次“民营企业接待日”');
    expect(suggestMeetingTitle('roundtable', 3, '青溪区')).toBe('青溪区第3期政企恳谈会');
    expect(suggestMeetingTitle('symposium', 2, '临江市')).toBe('临江市第2次民营企业座谈会');
  });
});

describe('validateMeeting', () => {
  it('accepts a complete meeting, trims and de-duplicates', () => {
    const result = validateMeeting({ ...draft, title: ` ${draft.title} `, recorder: ' 李晓燕 ' });
    expect(result).toEqual({
      ok: true,
      value: { ...draft, attendingDeptIds: ['d1'], attendees: '', observers: '', recorder: '李晓燕' },
    });
  });

  it('names the 纪要 fields that are too long, and how much', () => {
    const result = validateMeeting({ ...draft, attendees: '人'.repeat(301), recorder: '名'.repeat(22) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      attendees: '出席人员不能超过300个字（现在多了1个字）',
      recorder: '记录人不能超过20个字（现在多了2个字）',
    });
  });

  it('names every bad field in Chinese', () => {
    const result = validateMeeting({
      ...draft,
      title: '',
      edition: 0,
      date: '2026-02-30',
      startTime: '上午九点',
      place: ' ',
      hostLeaderIds: [],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      title: '请填写会议名称',
      edition: '期次应为1到9999之间的整数',
      date: '请选择会议日期',
      startTime: '开始时间格式应为“09:00”',
      place: '请填写会议地点',
      hostLeaderIds: '请至少选择一位接待领导',
    });
  });
});

describe('limits and typed times', () => {
  it('counts characters, not UTF-16 units, and says how far over a field is instead of cutting it', () => {
    expect(overLimit('企业融资', 4)).toBe(0);
    expect(overLimit('𠀀𠀀𠀀', 3)).toBe(0);
    expect(overLimit('一二三四五', 3)).toBe(2);
    const theme = '企业融资与项目建设'.repeat(7);
    expect([...theme].length).toBeGreaterThan(MEETING_LIMITS.theme);
    const result = validateMeeting({ ...draft, theme, place: '区'.repeat(MEETING_LIMITS.place + 1) });
    expect(result).toEqual({
      ok: false,
      errors: {
        theme: `会议主题不能超过60个字（现在多了${[...theme].length - 60}个字）`,
        place: '会议地点不能超过40个字（现在多了1个字）',
      },
    });
  });

  it('reads a start time as people type it', () => {
    for (const [typed, time] of [
      ['9:05', '09:05'],
      ['０９：３０', '09:30'],
      ['0905', '09:05'],
      ['9点', '09:00'],
      ['9点半', '09:30'],
      ['14时30分', '14:30'],
      [' 14:30 ', '14:30'],
    ] as const)
      expect(normalizeStartTime(typed), typed).toBe(time);
    for (const typed of ['25:00', '9:75', '上午', '930'])
      expect(validateMeeting({ ...draft, startTime: typed }), typed).toMatchObject({
        ok: false,
        errors: { startTime: '开始时间格式应为“09:00”' },
      });
    expect(validateMeeting({ ...draft, startTime: '9点半' })).toMatchObject({
      ok: true,
      value: { startTime: '09:30' },
    });
  });
});
