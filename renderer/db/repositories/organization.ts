// Leaders and departments: the people and units a meeting names.
import type { EntityTable } from 'dexie';
import type { DeskDb } from '../desk-db';
import type { Department, Id, Leader } from '../../../shared/domain/types';
import { validateDepartment, validateLeader } from '../../../shared/domain/settings-rules';

/** Thrown when a leader or department cannot be removed because records name it. */
export class InUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InUseError';
  }
}

/** Leaders and departments, always in their set order. */
export class OrganizationRepository {
  constructor(private readonly db: DeskDb) {}

  /** Leaders in order. */
  listLeaders(): Promise<Leader[]> {
    return this.db.leaders.orderBy('order').toArray();
  }

  /** Departments in order. */
  listDepartments(): Promise<Department[]> {
    return this.db.departments.orderBy('order').toArray();
  }

  /** Insert or replace a leader. */
  async saveLeader(leader: Leader): Promise<void> {
    await this.db.leaders.put(leader);
  }

  /** Insert or replace a department. */
  async saveDepartment(department: Department): Promise<void> {
    await this.db.departments.put(department);
  }

  /**
   * Add leaders after the last one, in one transaction: all of them or none. Each is checked again inside the
   * transaction against the leaders there are then, so a name added meanwhile (another window) is refused.
   */
  async addLeaders(leaders: ReadonlyArray<Omit<Leader, 'order'>>): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.leaders, async () => {
      const all: Leader[] = await db.leaders.orderBy('order').toArray();
      let order = Math.max(0, ...all.map((l) => l.order));
      for (const leader of leaders) {
        const problem = Object.values(validateLeader(leader, all)).find(Boolean);
        if (problem) throw new Error(`“${leader.name}”：${problem}，本次没有添加任何领导`);
        all.push({ ...leader, order: ++order });
      }
      await db.leaders.bulkAdd(all.slice(all.length - leaders.length));
    });
  }

  /** Add departments after the last one, all or none, each checked again inside the transaction. */
  async addDepartments(departments: ReadonlyArray<Omit<Department, 'order'>>): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.departments, async () => {
      const all: Department[] = await db.departments.orderBy('order').toArray();
      let order = Math.max(0, ...all.map((d) => d.order));
      for (const department of departments) {
        const problem = Object.values(validateDepartment(department, all)).find(Boolean);
        if (problem) throw new Error(`“${department.name}”：${problem}，本次没有添加任何部门`);
        all.push({ ...department, order: ++order });
      }
      await db.departments.bulkAdd(all.slice(all.length - departments.length));
    });
  }

  /**
   * Give the leaders the order of `ids` (1, 2, 3 …) in one transaction. Leaders missing from `ids` (added in
   * another window meanwhile) keep their relative order after the listed ones; unknown ids are ignored.
   */
  reorderLeaders(ids: readonly Id[]): Promise<void> {
    return this.reorder(this.db.leaders, ids);
  }

  /** Give the departments the order of `ids`, the same way as `reorderLeaders`. */
  reorderDepartments(ids: readonly Id[]): Promise<void> {
    return this.reorder(this.db.departments, ids);
  }

  private async reorder<T extends { id: Id; order: number }>(
    table: EntityTable<T, 'id'>,
    ids: readonly Id[],
  ) {
    await this.db.transaction('rw', table, async () => {
      const rows = await table.orderBy('order').toArray();
      const rank = new Map(ids.map((id, i) => [id, i]));
      const listed = rows.filter((r) => rank.has(r.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      const rest = rows.filter((r) => !rank.has(r.id));
      const changed = [...listed, ...rest]
        .map((row, i) => ({ row, order: i + 1 }))
        .filter(({ row, order }) => row.order !== order)
        .map(({ row, order }) => ({ ...row, order }));
      if (changed.length) await table.bulkPut(changed);
    });
  }

  /** Remove a leader unless a meeting, assignment or department still names them. */
  async deleteLeader(id: Id): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.leaders, db.meetings, db.assignments, db.departments], async () => {
      const leader = await db.leaders.get(id);
      if (!leader) return;
      const hosting = await db.meetings.filter((m) => m.hostLeaderIds.includes(id)).count();
      const leading = await db.assignments.filter((a) => a.leadLeaderId === id).count();
      const inCharge = await db.departments.filter((d) => d.leaderId === id).count();
      if (hosting + leading + inCharge > 0) {
        const uses = [
          hosting ? `${hosting}次会议的接待领导` : '',
          leading ? `${leading}件交办件的牵头领导` : '',
          inCharge ? `${inCharge}个部门的分管领导` : '',
        ].filter(Boolean);
        throw new InUseError(`“${leader.name}”是${uses.join('、')}，不能删除`);
      }
      await db.leaders.delete(id);
    });
  }

  /** Remove a department unless a meeting, assignment or concern still names it. */
  async deleteDepartment(id: Id): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.departments, db.meetings, db.assignments, db.concerns], async () => {
      const department = await db.departments.get(id);
      if (!department) return;
      const attending = await db.meetings.filter((m) => m.attendingDeptIds.includes(id)).count();
      const assigned = await db.assignments
        .filter((a) => a.leadDeptId === id || a.coDeptIds.includes(id))
        .count();
      const suggested = await db.concerns.filter((c) => c.suggestedDeptId === id).count();
      if (attending + assigned + suggested > 0) {
        const uses = [
          attending ? `${attending}次会议的参会部门` : '',
          assigned ? `${assigned}件交办件的承办单位` : '',
          suggested ? `${suggested}条诉求的建议承办单位` : '',
        ].filter(Boolean);
        throw new InUseError(`“${department.name}”是${uses.join('、')}，不能删除`);
      }
      await db.departments.delete(id);
    });
  }
}
