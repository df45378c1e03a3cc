/**
 * 对账销号: the federation goes through each department's list with it until every item is cleared. Per lead
 * department: items handed over, replied, evaluated and how, 办结, 销号, still outstanding; 清零 when every item it
 * leads has been 销号. Pure counts over 台账 lines (ledger-item.ts), used by the 对账销号 screen and the 台账's
 * 按单位汇总 sheet alike.
 *
 * An item is 销号 only once 办结 (assignment-lifecycle.ts): 待销号 are the 办结 items, 未办结 the ones the
 * department still owes (问题清单).
 */
import { isOpenItem, type LedgerItem } from './ledger-item';
import type { Department, Id } from '../domain/types';

/** One department's figures. */
export interface DepartmentTally {
  deptId: Id;
  deptName: string;
  /** 交办 */
  handedOver: number;
  /** 已答复: a reply recorded this round, or the item already 办结 / 销号. */
  replied: number;
  /** Replies that came after their 答复期限. */
  repliedLate: number;
  /** 满意 / 基本满意 / 不满意 at the last 回访. */
  satisfied: number;
  basically: number;
  unsatisfied: number;
  /** 办结 and not yet 销号: 待销号. */
  awaitingWriteOff: number;
  /** 已销号 */
  writtenOff: number;
  /** 未办结: neither 办结 nor 销号 (问题清单). */
  outstanding: number;
  /** Waiting for a reply past the 答复期限. */
  overdue: number;
  /** Items sent back at least once (重办). */
  redone: number;
  /** 转报上级 */
  escalated: number;
  /** Every item it leads has been 销号. */
  cleared: boolean;
}

/** The district as a whole: how far 清零 has come. */
export interface ClearingProgress {
  items: number;
  writtenOff: number;
  /** Departments with items, and those of them cleared. */
  departments: number;
  departmentsCleared: number;
  /** 0..1 of items 销号 (1 when there are none). */
  ratio: number;
}

const zero = (deptId: Id, deptName: string): DepartmentTally => ({
  deptId,
  deptName,
  handedOver: 0,
  replied: 0,
  repliedLate: 0,
  satisfied: 0,
  basically: 0,
  unsatisfied: 0,
  awaitingWriteOff: 0,
  writtenOff: 0,
  outstanding: 0,
  overdue: 0,
  redone: 0,
  escalated: 0,
  cleared: false,
});

/**
 * The figures per lead department, in the organisation's order (departments no longer listed come after, by
 * name); departments without items are left out.
 */
export function departmentTallies(
  items: readonly LedgerItem[],
  departments: readonly Pick<Department, 'id' | 'name' | 'order'>[],
): DepartmentTally[] {
  const byDept = new Map<Id, DepartmentTally>();
  for (const item of items) {
    const t = byDept.get(item.leadDeptId) ?? zero(item.leadDeptId, item.leadDept || '（未指定单位）');
    byDept.set(item.leadDeptId, t);
    t.handedOver += 1;
    if (item.repliedOn !== undefined || !isOpenItem(item)) t.replied += 1;
    if (item.repliedLate) t.repliedLate += 1;
    if (item.satisfaction === 'satisfied') t.satisfied += 1;
    else if (item.satisfaction === 'basically') t.basically += 1;
    else if (item.satisfaction === 'unsatisfied') t.unsatisfied += 1;
    if (item.state === 'closed') t.awaitingWriteOff += 1;
    if (item.state === 'written_off') t.writtenOff += 1;
    if (isOpenItem(item)) t.outstanding += 1;
    if (item.daysOverdue > 0) t.overdue += 1;
    if (item.redoRounds > 0) t.redone += 1;
    if (item.escalatedTo) t.escalated += 1;
  }
  for (const t of byDept.values()) t.cleared = t.writtenOff === t.handedOver;
  const order = new Map(departments.map((d) => [d.id, d.order]));
  return [...byDept.values()].sort((x, y) => {
    const ox = order.get(x.deptId);
    const oy = order.get(y.deptId);
    if (ox !== undefined && oy !== undefined) return ox - oy;
    if (ox !== undefined) return -1;
    if (oy !== undefined) return 1;
    return x.deptName < y.deptName ? -1 : x.deptName > y.deptName ? 1 : 0;
  });
}

/** The sum of the tallies: the 合计 line. */
export function totalTally(tallies: readonly DepartmentTally[]): DepartmentTally {
  const total = zero('', '合计');
  const keys = Object.keys(total).filter(
    (k): k is keyof DepartmentTally => typeof total[k as keyof DepartmentTally] === 'number',
  );
  for (const t of tallies) for (const k of keys) (total[k] as number) += t[k] as number;
  total.cleared = total.writtenOff === total.handedOver;
  return total;
}

/** How far the district has come to 清零. */
export function clearingProgress(tallies: readonly DepartmentTally[]): ClearingProgress {
  const total = totalTally(tallies);
  return {
    items: total.handedOver,
    writtenOff: total.writtenOff,
    departments: tallies.length,
    departmentsCleared: tallies.filter((t) => t.cleared).length,
    ratio: total.handedOver === 0 ? 1 : total.writtenOff / total.handedOver,
  };
}
