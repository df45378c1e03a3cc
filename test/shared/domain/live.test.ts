import { describe, expect, it } from 'vitest';
import {
  floorChange,
  heldOn,
  heldOnAnotherDay,
  roleAfterEntry,
  type Floor,
} from '../../../shared/domain/live';
import type { Meeting } from '../../../shared/domain/types';

const speaker: Floor = { speaker: { who: '孙立伟', whoId: 'ent-1' } };
const rsj = { role: 'department' as const, who: '区人力资源和社会保障局', whoId: 'dept-rsj' };

describe('floorChange: the composer follows who has the floor', () => {
  it('a reply that begins names its department or leader, with role', () => {
    expect(floorChange(speaker, { ...speaker, reply: rsj })).toEqual({ role: 'department', pick: rsj });
    const leader = { role: 'leader' as const, who: '陈思远', whoId: 'l-1' };
    expect(floorChange({ ...speaker, reply: rsj }, { ...speaker, reply: leader })).toEqual({
      role: 'leader',
      pick: leader,
    });
  });

  it('the end of a reply returns to 企业家; the same reply or a new speaker changes no role', () => {
    expect(floorChange({ ...speaker, reply: rsj }, speaker)).toEqual({ role: 'entrepreneur' });
    expect(floorChange({ ...speaker, reply: rsj }, { ...speaker, reply: { ...rsj } })).toEqual({});
    expect(floorChange(speaker, { speaker: { who: '郑浩然', whoId: 'ent-2' } })).toEqual({});
    expect(floorChange({}, {})).toEqual({});
  });
});

describe('roleAfterEntry', () => {
  it('outside a reply, a 部门 or 领导 entry hands the next one back to 企业家', () => {
    expect(roleAfterEntry('department', undefined)).toBe('entrepreneur');
    expect(roleAfterEntry('leader', undefined)).toBe('entrepreneur');
    expect(roleAfterEntry('entrepreneur', undefined)).toBeUndefined();
    // The host's opening runs over several entries.
    expect(roleAfterEntry('host', undefined)).toBeUndefined();
  });

  it('during a reply, the next entry is the answering department’s again after someone else spoke', () => {
    expect(roleAfterEntry('department', rsj)).toBeUndefined();
    expect(roleAfterEntry('entrepreneur', rsj)).toBe('department');
    expect(roleAfterEntry('leader', rsj)).toBe('department');
    expect(roleAfterEntry('host', rsj)).toBeUndefined();
  });
});

describe('the day a meeting is held', () => {
  const meeting = { date: '2026-12-24' } as Meeting;

  it('asks before a meeting starts on another day than planned, naming both days', () => {
    expect(heldOnAnotherDay(meeting, '2026-12-24')).toBeUndefined();
    const early = heldOnAnotherDay(meeting, '2026-11-22')!;
    expect(early).toMatchObject({ planned: '2026-12-24', held: '2026-11-22' });
    expect(early.question).toContain('这次会议计划于2026年12月24日召开，今天是11月22日（提前召开）');
    expect(early.question).toContain('会议日期记为今天（11月22日）');
    expect(heldOnAnotherDay(meeting, '2026-12-25')!.question).toContain('（推迟召开）');
  });

  it('records the day held as the date and keeps the planned one', () => {
    const held = heldOn({ ...meeting, id: 'm' } as Meeting, '2026-11-22');
    expect(held).toMatchObject({ date: '2026-11-22', plannedDate: '2026-12-24' });
    // Held on the planned day: nothing changes; a second move keeps the first plan.
    expect(heldOn(meeting, '2026-12-24')).toBe(meeting);
    expect(heldOn(held, '2026-11-23')).toMatchObject({ date: '2026-11-23', plannedDate: '2026-12-24' });
  });
});
