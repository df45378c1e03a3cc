// 对账销号's figures over hand-built 台账 lines: each count per lead department, the departments in the settings'
// order (those no longer listed after, by name), 清零 when every item is 销号, the 合计 and the district's progress,
// and an empty 台账.
import { describe, expect, it } from 'vitest';
import { BLANK_LEDGER_ITEM, type LedgerItem } from '../../../shared/ledger/ledger-item';
import {
  clearingProgress,
  departmentTallies,
  totalTally,
  type DepartmentTally,
} from '../../../shared/ledger/reconcile';
import type { AssignmentStatus } from '../../../shared/domain/types';

const DEPARTMENTS = [
  { id: 'fin', name: '区财政局', order: 2 },
  { id: 'hr', name: '区人力资源和社会保障局', order: 1 },
  { id: 'tax', name: '区税务局', order: 3 },
];

let n = 0;
/** A 台账 line: handed over on 11-23, due 12-07, in `state`, with what the test says on top. */
function line(leadDeptId: string, state: AssignmentStatus, more: Partial<LedgerItem> = {}): LedgerItem {
  n += 1;
  return {
    ...BLANK_LEDGER_ITEM,
    assignmentId: `a${n}`,
    docNumber: `青工商联交〔2026〕${n}号`,
    meetingId: 'm1',
    meetingTitle: '青溪区第14次“民营企业接待日”',
    meetingDate: '2026-11-21',
    enterpriseName: `企业${n}`,
    demand: `诉求${n}`,
    leadDeptId,
    leadDept: DEPARTMENTS.find((d) => d.id === leadDeptId)?.name ?? '',
    handedOffOn: '2026-11-23',
    replyDueAt: '2026-12-07',
    state,
    stateText: state,
    warningText: '正常',
    ...more,
  };
}

const replied = { repliedOn: '2026-12-01' } as const;

/** 区财政局: one of every kind; 区人社局: all 销号; 区税务局 (no longer listed) and 区商务局 (gone) after. */
const ITEMS: LedgerItem[] = [
  line('fin', 'handed_off', { warning: 'red', daysOverdue: 3 }),
  line('fin', 'replied', { ...replied, repliedLate: true }),
  line('fin', 'evaluated', { ...replied, satisfaction: 'unsatisfied', callbackOn: '2026-12-02' }),
  line('fin', 'redo', {
    round: 2,
    redoRounds: 1,
    satisfaction: 'unsatisfied',
    warning: 'red',
    daysOverdue: 1,
  }),
  line('fin', 'escalated', { escalatedTo: '市营商环境直通车办公室' }),
  line('fin', 'closed', { ...replied, satisfaction: 'basically', closedOn: '2026-12-03' }),
  line('fin', 'written_off', { ...replied, satisfaction: 'satisfied', writtenOffOn: '2026-12-05' }),
  line('hr', 'written_off', { ...replied, satisfaction: 'satisfied' }),
  line('hr', 'written_off', { ...replied, satisfaction: 'satisfied' }),
  line('gone', 'closed', { leadDept: '区商务局' }),
  line('old', 'replied', { ...replied, leadDept: '区投资促进局' }),
];

const figures = (t: DepartmentTally) => ({
  handedOver: t.handedOver,
  replied: t.replied,
  repliedLate: t.repliedLate,
  satisfied: t.satisfied,
  basically: t.basically,
  unsatisfied: t.unsatisfied,
  awaitingWriteOff: t.awaitingWriteOff,
  writtenOff: t.writtenOff,
  outstanding: t.outstanding,
  overdue: t.overdue,
  redone: t.redone,
  escalated: t.escalated,
  cleared: t.cleared,
});

describe('departmentTallies', () => {
  const tallies = departmentTallies(ITEMS, DEPARTMENTS);

  it('lists the departments with items in the settings’ order, those no longer listed after by name', () => {
    expect(tallies.map((t) => t.deptName)).toEqual([
      '区人力资源和社会保障局',
      '区财政局',
      // 投 before 商 in code-point order, as the tally sorts names it does not know.
      ...['区商务局', '区投资促进局'].sort(),
    ]);
    // A department without items has no line (区税务局).
    expect(tallies.some((t) => t.deptId === 'tax')).toBe(false);
  });

  it('counts every figure of a department', () => {
    const fin = tallies.find((t) => t.deptId === 'fin')!;
    expect(figures(fin)).toEqual({
      handedOver: 7,
      // A reply this round, or 办结 / 销号 already.
      replied: 4,
      repliedLate: 1,
      satisfied: 1,
      basically: 1,
      unsatisfied: 2,
      awaitingWriteOff: 1,
      writtenOff: 1,
      // Neither 办结 nor 销号: 已交办, 已回复, 已回访, 重办中, 已转报.
      outstanding: 5,
      overdue: 2,
      redone: 1,
      escalated: 1,
      cleared: false,
    });
    expect(fin.awaitingWriteOff + fin.writtenOff + fin.outstanding).toBe(fin.handedOver);
  });

  it('clears a department once every item it leads is 销号, not before', () => {
    expect(tallies.find((t) => t.deptId === 'hr')).toMatchObject({
      handedOver: 2,
      writtenOff: 2,
      outstanding: 0,
      cleared: true,
    });
    // 办结 but not 销号 is not 清零.
    expect(tallies.find((t) => t.deptId === 'gone')).toMatchObject({
      awaitingWriteOff: 1,
      outstanding: 0,
      cleared: false,
    });
  });

  it('names a line without a department 未指定单位', () => {
    const [t] = departmentTallies([line('', 'handed_off', { leadDept: '' })], DEPARTMENTS);
    expect(t?.deptName).toBe('（未指定单位）');
  });
});

describe('totalTally and clearingProgress', () => {
  const tallies = departmentTallies(ITEMS, DEPARTMENTS);

  it('adds the departments up to the 合计', () => {
    const total = totalTally(tallies);
    expect(total.deptName).toBe('合计');
    expect(figures(total)).toMatchObject({
      handedOver: 11,
      // 区商务局's item is 办结 without a reply on record: it counts as answered.
      replied: 8,
      awaitingWriteOff: 2,
      writtenOff: 3,
      outstanding: 6,
      overdue: 2,
      cleared: false,
    });
  });

  it('says how far the district has come: items 销号 and departments 清零', () => {
    expect(clearingProgress(tallies)).toEqual({
      items: 11,
      writtenOff: 3,
      departments: 4,
      departmentsCleared: 1,
      ratio: 3 / 11,
    });
  });

  it('is whole when everything is 销号, and when there is nothing at all', () => {
    const done = departmentTallies(
      ITEMS.filter((i) => i.leadDeptId === 'hr'),
      DEPARTMENTS,
    );
    expect(clearingProgress(done)).toMatchObject({ ratio: 1, departments: 1, departmentsCleared: 1 });
    expect(departmentTallies([], DEPARTMENTS)).toEqual([]);
    expect(clearingProgress([])).toEqual({
      items: 0,
      writtenOff: 0,
      departments: 0,
      departmentsCleared: 0,
      ratio: 1,
    });
    expect(totalTally([])).toMatchObject({ handedOver: 0, cleared: true });
  });
});
