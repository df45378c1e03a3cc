import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { indexBundle } from '../../../shared/docs/bundle';
import { leadersText, meetingFacts, meetingTimeText, titleLines } from '../../../shared/docs/meeting-facts';
import { demoBundle } from './docx';

let bundle: MeetingBundle;

beforeAll(async () => {
  bundle = await demoBundle();
});

describe('titleLines', () => {
  it('keeps a title that fits on one 2号 line', () => {
    expect(titleLines('青溪区第14次“民营企业接待日”', '会议纪要')).toEqual([
      '青溪区第14次“民营企业接待日”会议纪要',
    ]);
  });

  it("puts the document's name on a line of its own when the whole does not fit", () => {
    expect(titleLines('临江市青溪区第14次“民营企业接待日”', '会议纪要')).toEqual([
      '临江市青溪区第14次“民营企业接待日”',
      '会议纪要',
    ]);
  });
});

describe('meeting facts', () => {
  it('gives the time as held, or as planned before the meeting', () => {
    expect(meetingTimeText(bundle.meeting)).toBe('2026年11月21日 09:20—09:55');
    const planned = { ...bundle.meeting, startedAt: undefined, endedAt: undefined, startTime: '09:00' };
    expect(meetingTimeText(planned)).toBe('2026年11月21日 09:00');
  });

  it('prints the day it was held when that was not the day planned, and the end day past midnight', () => {
    // Planned for 12月24日, held on 11月22日 09:30—10:05 (China time).
    const held = {
      ...bundle.meeting,
      date: '2026-12-24',
      startedAt: Date.parse('2026-11-22T09:30:00+08:00'),
      endedAt: Date.parse('2026-11-22T10:05:00+08:00'),
    };
    expect(meetingTimeText(held)).toBe('2026年11月22日 09:30—10:05');
    const late = { ...held, endedAt: Date.parse('2026-11-23T00:20:00+08:00') };
    expect(meetingTimeText(late)).toBe('2026年11月22日 09:30—11月23日00:20');
    const started = { ...held, endedAt: undefined };
    expect(meetingTimeText(started)).toBe('2026年11月22日 09:30');
  });

  it('names leaders title first, separated by ， since titles hold 、', () => {
    const ix = indexBundle(bundle);
    expect(leadersText(ix, bundle.meeting.hostLeaderIds)).toBe('区委书记王立群，区委常委、常务副区长张明德');
  });

  it('calls the leaders 出席领导 at a roundtable and leaves out empty facts', () => {
    const ix = indexBundle(bundle);
    const facts = meetingFacts(ix, { ...bundle.meeting, kind: 'roundtable', theme: '' }, '2026年11月21日');
    expect(facts.map((f) => f.label)).toEqual(['时间', '地点', '出席领导', '参会单位']);
  });
});
