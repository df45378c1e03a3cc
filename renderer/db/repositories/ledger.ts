// 台账's reads: the handed-off 交办件 with everything a 台账 line prints (shared/ledger/ledger-item.ts). Nothing here
// writes; 回复登记表 imports and 销号 are recorded through FollowUpRepository, with their audit records.
import type { DeskDb } from '../desk-db';
import { OrganizationRepository } from './organization';
import { SettingsRepository } from './settings';
import { HANDED_OFF_STATES } from '../../../shared/domain/follow-up-board';
import {
  byDocNumber,
  ledgerItem,
  type LedgerItem,
  type LedgerSource,
} from '../../../shared/ledger/ledger-item';
import type {
  Assignment,
  Department,
  FollowUpStep,
  Id,
  IsoDate,
  Organization,
} from '../../../shared/domain/types';

/** Which items: these ids, or every handed-off item (optionally of one lead department). */
export type LedgerQuery = { ids: readonly Id[] } | { leadDeptId?: Id };

/** The organisation a 台账 is printed for. */
export interface LedgerContext {
  organization: Organization;
  departments: Department[];
}

export class LedgerRepository {
  constructor(private readonly db: DeskDb) {}

  /**
   * The 台账 lines asked for, in 文号 order, as they stand on `today` under the rules and holiday table stored in
   * 设置 — read from the database alone, so a worker can make a 台账 without the renderer's stores.
   */
  async items(query: LedgerQuery, today: IsoDate): Promise<LedgerItem[]> {
    const settings = new SettingsRepository(this.db);
    const organization = new OrganizationRepository(this.db);
    const [sources, rules, table, departments, leaders] = await Promise.all([
      this.sources(query),
      settings.deadlineRules(),
      settings.holidayTable(),
      organization.listDepartments(),
      organization.listLeaders(),
    ]);
    const names = {
      departmentById: new Map(departments.map((d) => [d.id, d])),
      leaderById: new Map(leaders.map((l) => [l.id, l])),
    };
    return sources.map((s) => ledgerItem(s, names, { today, rules, table })).sort(byDocNumber);
  }

  /** The organisation and its departments, for titles and the 按单位汇总. */
  async context(): Promise<LedgerContext> {
    const [organization, departments] = await Promise.all([
      new SettingsRepository(this.db).organization(),
      new OrganizationRepository(this.db).listDepartments(),
    ]);
    return { organization, departments };
  }

  /** The sources of the 台账 lines asked for, in one read transaction; items not handed off are left out. */
  sources(query: LedgerQuery = {}): Promise<LedgerSource[]> {
    const db = this.db;
    return db.transaction(
      'r',
      [db.assignments, db.followUps, db.concerns, db.enterprises, db.meetings],
      async () => {
        let items: Assignment[];
        if ('ids' in query) {
          items = (await db.assignments.bulkGet([...new Set(query.ids)])).filter(
            (a): a is Assignment => a !== undefined,
          );
        } else if (query.leadDeptId !== undefined) {
          items = await db.assignments.where('leadDeptId').equals(query.leadDeptId).toArray();
        } else {
          const lists = await Promise.all(
            HANDED_OFF_STATES.map((s) => db.assignments.where('status').equals(s).toArray()),
          );
          items = lists.flat();
        }
        items = items.filter((a) => HANDED_OFF_STATES.includes(a.status));
        const ids = items.map((a) => a.id);
        const [steps, concerns, enterprises, meetings] = await Promise.all([
          db.followUps.where('assignmentId').anyOf(ids).toArray(),
          db.concerns.bulkGet([...new Set(items.flatMap((a) => a.concernIds))]),
          db.enterprises.bulkGet([...new Set(items.map((a) => a.enterpriseId))]),
          db.meetings.bulkGet([...new Set(items.map((a) => a.meetingId))]),
        ]);
        const stepsOf = new Map<Id, FollowUpStep[]>();
        for (const s of steps) {
          const list = stepsOf.get(s.assignmentId) ?? [];
          list.push(s);
          stepsOf.set(s.assignmentId, list);
        }
        const concernById = new Map(concerns.flatMap((c) => (c ? [[c.id, c] as const] : [])));
        const enterpriseById = new Map(enterprises.flatMap((e) => (e ? [[e.id, e] as const] : [])));
        const meetingById = new Map(meetings.flatMap((m) => (m ? [[m.id, m] as const] : [])));
        return items.map((assignment) => ({
          assignment,
          steps: stepsOf.get(assignment.id) ?? [],
          concerns: assignment.concernIds.flatMap((id) => {
            const c = concernById.get(id);
            return c ? [c] : [];
          }),
          enterprise: enterpriseById.get(assignment.enterpriseId),
          meeting: meetingById.get(assignment.meetingId),
        }));
      },
    );
  }
}
