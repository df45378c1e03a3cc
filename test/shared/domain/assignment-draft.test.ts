import { describe, expect, it } from 'vitest';
import {
  departmentsNamedIn,
  draftAssignment,
  draftDueDate,
  suggestInstruction,
  timeLimitPhrase,
} from '../../../shared/domain/assignment-draft';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { buildDemoDataset } from '../../../shared/demo/demo-dataset';
import type { MinuteEntry } from '../../../shared/domain/types';

let n = 0;
const demo = buildDemoDataset({ today: '2026-11-22', now: 0, newId: () => `id-${++n}` });
const dept = (name: string) => demo.departments.find((d) => d.name === name)!;
const leader = (name: string) => demo.leaders.find((l) => l.name === name)!;

describe('departmentsNamedIn', () => {
  it('finds departments by full name, short name or alias, in order of mention', () => {
    const text = '请张明德同志牵头，召集经开区、财政局，对照协议把账算清楚。';
    expect(departmentsNamedIn(text, demo.departments).map((d) => d.name)).toEqual([
      '经济开发区管委会',
      '区财政局',
    ]);
    expect(departmentsNamedIn('我们会后马上和应急局一起到现场', demo.departments).map((d) => d.name)).toEqual(
      ['区应急管理局'],
    );
    expect(departmentsNamedIn('今天的问题大家都讲了', demo.departments)).toEqual([]);
  });
});

describe('draftAssignment', () => {
  const c3 = demo.concerns.find((c) => c.summary === '加快一期项目验收及办证')!;
  const answer = demo.minuteEntries.find((m) => m.text.startsWith('一期验收'))!;

  it('leads with the department that answered, adds those it named, and takes its 分管领导', () => {
    const draft = draftAssignment({
      concern: c3,
      answers: [answer],
      departments: demo.departments,
      leaders: demo.leaders,
      hostLeaderIds: [leader('王立群').id],
      now: 5,
      newId: () => 'a1',
    });
    expect(draft).toMatchObject({
      id: 'a1',
      status: 'draft',
      concernIds: [c3.id],
      enterpriseId: c3.enterpriseId,
      leadDeptId: dept('区住房和城乡建设局').id,
      coDeptIds: [dept('区应急管理局').id],
      leadLeaderId: leader('张明德').id,
    });
  });

  it('falls back to the named departments, then to the suggested one, and to a host as lead leader', () => {
    const leaderWords: MinuteEntry = {
      ...answer,
      role: 'leader',
      whoId: leader('王立群').id,
      text: '请经开区、财政局牵头研究。',
    };
    const fromWords = draftAssignment({
      concern: { ...c3, suggestedDeptId: undefined },
      answers: [leaderWords],
      departments: demo.departments,
      leaders: demo.leaders,
      hostLeaderIds: [],
      now: 0,
      newId: () => 'a2',
    });
    expect(fromWords.leadDeptId).toBe(dept('经济开发区管委会').id);
    expect(fromWords.coDeptIds).toEqual([dept('区财政局').id]);
    const noAnswer = draftAssignment({
      concern: { ...c3, suggestedDeptId: dept('安富街道办事处').id },
      answers: [],
      departments: demo.departments,
      leaders: demo.leaders,
      hostLeaderIds: [leader('王立群').id],
      now: 0,
      newId: () => 'a3',
    });
    expect(noAnswer).toMatchObject({
      leadDeptId: dept('安富街道办事处').id,
      coDeptIds: [],
      leadLeaderId: leader('王立群').id,
    });
  });
});

describe('instruction and due date', () => {
  it('suggests the sentence leaders write', () => {
    expect(
      suggestInstruction({
        leadLeaderName: '张明德',
        leadDeptName: '经济开发区管委会',
        coDeptNames: ['区财政局'],
        replyDays: 14,
        dayKind: 'calendar',
      }),
    ).toBe('请张明德同志牵头，召集经济开发区管委会、区财政局，两周内答复企业。');
    expect(
      suggestInstruction({ leadDeptName: '区财政局', coDeptNames: [], replyDays: 10, dayKind: 'working' }),
    ).toBe('请区财政局牵头，10个工作日内答复企业。');
    expect(timeLimitPhrase(7, 'calendar')).toBe('一周内');
    expect(timeLimitPhrase(5, 'calendar')).toBe('5日内');
  });

  it('dates the reply from the handoff deadline, in working days across the National Day holiday', () => {
    const rules = { ...DEFAULT_DEADLINE_RULES, handoffDays: 2, replyDays: 14, dayKind: 'calendar' as const };
    expect(draftDueDate('2026-11-18', rules, SHIPPED_HOLIDAYS)).toEqual({ date: '2026-12-04', warnings: [] });
    const working = { ...rules, replyDays: 10, dayKind: 'working' as const };
    // Meeting Wed 9-30: handoff by Fri 10-09 (10-1..7 off); ten working days later, counting Sat 10-10.
    expect(draftDueDate('2026-09-30', working, SHIPPED_HOLIDAYS).date).toBe('2026-10-22');
    expect(draftDueDate('2026-12-24', working, SHIPPED_HOLIDAYS).warnings.join('')).toMatch(/2027年/);
  });
});
