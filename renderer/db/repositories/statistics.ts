// 统计分析's reads: what the figures count (shared/domain/statistics.ts `StatsData`), with only the fields they need,
// and the records behind a number, as its list shows them. Nothing here writes. Ten years are some 100,000 concerns,
// 30,000 交办件 and 150,000 steps: the tables are read in short read-only slices by primary key (a write — an Enter
// in the minutes, in another window — never waits behind one long read), from the statistics worker
// (renderer/stats), never on the main thread.
import type { Table } from 'dexie';
import type { DeskDb } from '../desk-db';
import { SettingsRepository } from './settings';
import { ASSIGNMENT_STATUS_LABEL } from '../../../shared/domain/labels';
import type { HolidayTable } from '../../../shared/domain/holidays';
import type { RefKind, Refs, StatsData } from '../../../shared/domain/statistics';
import type { Assignment, Id, IsoDate } from '../../../shared/domain/types';

/** Rows per read-only slice. */
const SLICE = 2000;

/** One line of the list a number opens: the record as the secretary knows it. */
export type DrillRow =
  | { kind: 'meeting'; id: Id; date: IsoDate; title: string }
  | { kind: 'concern'; id: Id; enterprise: string; summary: string; category: string; meeting: string }
  | {
      kind: 'assignment';
      id: Id;
      docNumber: string;
      enterprise: string;
      demand: string;
      leadDept: string;
      state: string;
      /** How many times the item counts in the number (a round due twice after a 重办). */
      times: number;
      /** The district, in the 全市汇总's lists. */
      district?: string;
      /** Another district's item (from its exchange package): not in this database, so it opens nothing. */
      external?: boolean;
    }
  | { kind: 'enterprise'; id: Id; name: string }
  | { kind: 'speaker'; id: Id; name: string; enterprise: string; meeting: string };

/** The list of a number: its rows, in the order the secretary reads them. */
export interface DrillList {
  kind: RefKind;
  rows: DrillRow[];
}

/** Every row of a table, slice by slice in primary-key order, each slice its own short transaction, narrowed. */
async function readSliced<T extends { id: Id }, R>(
  db: DeskDb,
  table: Table<T, Id, unknown>,
  pick: (row: T) => R,
): Promise<R[]> {
  const out: R[] = [];
  let last: Id | undefined;
  for (;;) {
    const slice = await db.transaction('r', table, () =>
      (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(SLICE).toArray(),
    );
    for (const row of slice) out.push(pick(row));
    if (slice.length < SLICE) return out;
    last = slice.at(-1)?.id;
    if (last === undefined) return out;
  }
}

const unknownName = '（未知）';

export class StatisticsRepository {
  constructor(private readonly db: DeskDb) {}

  /** What the statistics count, with the fields they read (the leader's ink and the instruction left behind). */
  async data(): Promise<StatsData> {
    const db = this.db;
    const [meetings, queue, concerns, assignments, steps, departments] = await Promise.all([
      readSliced(db, db.meetings, (m) => ({
        id: m.id,
        kind: m.kind,
        level: m.level,
        date: m.date,
        status: m.status,
        title: m.title,
        ...(m.deletedAt !== undefined ? { deletedAt: m.deletedAt } : {}),
      })),
      readSliced(db, db.queueEntries, (q) => ({
        id: q.id,
        meetingId: q.meetingId,
        enterpriseId: q.enterpriseId,
        status: q.status,
        channel: q.channel,
      })),
      readSliced(db, db.concerns, (c) => ({
        id: c.id,
        meetingId: c.meetingId,
        enterpriseId: c.enterpriseId,
        category: c.category,
        channel: c.channel,
        urgency: c.urgency,
        disposition: c.disposition,
        precollected: c.precollected,
        ...(c.confirmedAt !== undefined ? { confirmedAt: c.confirmedAt } : {}),
      })),
      readSliced(db, db.assignments, (a): Assignment => {
        const { instructionInk: _ink, ...rest } = a;
        return { ...rest, instruction: '' };
      }),
      readSliced(db, db.followUps, (s) => s),
      readSliced(db, db.departments, (d) => ({ id: d.id, name: d.name, order: d.order })),
    ]);
    return { meetings, queue, concerns, assignments, steps, departments };
  }

  /** The holiday table working days are counted by (设置). */
  holidayTable(): Promise<HolidayTable> {
    return new SettingsRepository(this.db).holidayTable();
  }

  /**
   * The records behind a number, each once (an item counted twice says so), in the order the list shows them:
   * meetings by date, items by 文号, the rest by name.
   */
  async list(refs: Refs): Promise<DrillList> {
    const times = new Map<Id, number>();
    for (const id of refs.ids) times.set(id, (times.get(id) ?? 0) + 1);
    const ids = [...times.keys()];
    const rows = await this.rowsOf(refs.kind, ids, times);
    return { kind: refs.kind, rows: rows.sort(ROW_ORDER[refs.kind]) };
  }

  private rowsOf(kind: RefKind, ids: Id[], times: Map<Id, number>): Promise<DrillRow[]> {
    const db = this.db;
    const tables = [
      db.meetings,
      db.concerns,
      db.assignments,
      db.enterprises,
      db.queueEntries,
      db.departments,
    ];
    return db.transaction('r', tables, async () => {
      const enterpriseNames = async (of: Array<{ enterpriseId: Id } | undefined>) => {
        const wanted = [...new Set(of.flatMap((r) => (r ? [r.enterpriseId] : [])))];
        const found = await db.enterprises.bulkGet(wanted);
        return new Map(found.flatMap((e) => (e ? [[e.id, e.name] as const] : [])));
      };
      const meetingTitles = async (of: Array<{ meetingId: Id } | undefined>) => {
        const wanted = [...new Set(of.flatMap((r) => (r ? [r.meetingId] : [])))];
        const found = await db.meetings.bulkGet(wanted);
        return new Map(found.flatMap((m) => (m ? [[m.id, `${m.date} ${m.title}`] as const] : [])));
      };
      if (kind === 'meeting') {
        const found = await db.meetings.bulkGet(ids);
        return found.flatMap((m) => (m ? [{ kind, id: m.id, date: m.date, title: m.title }] : []));
      }
      if (kind === 'enterprise') {
        const found = await db.enterprises.bulkGet(ids);
        return ids.map((id, i) => ({ kind, id, name: found[i]?.name ?? unknownName }));
      }
      if (kind === 'speaker') {
        const found = await db.queueEntries.bulkGet(ids);
        const [names, meetings] = await Promise.all([enterpriseNames(found), meetingTitles(found)]);
        return found.flatMap((q) =>
          q
            ? [
                {
                  kind,
                  id: q.id,
                  name: [q.speaker, q.speakerTitle].filter(Boolean).join('，') || unknownName,
                  enterprise: names.get(q.enterpriseId) ?? unknownName,
                  meeting: meetings.get(q.meetingId) ?? '',
                },
              ]
            : [],
        );
      }
      if (kind === 'concern') {
        const found = await db.concerns.bulkGet(ids);
        const [names, meetings] = await Promise.all([enterpriseNames(found), meetingTitles(found)]);
        return found.flatMap((c) =>
          c
            ? [
                {
                  kind,
                  id: c.id,
                  enterprise: names.get(c.enterpriseId) ?? unknownName,
                  summary: c.summary || c.verbatim,
                  category: c.category || '未分类',
                  meeting: meetings.get(c.meetingId) ?? '',
                },
              ]
            : [],
        );
      }
      const found = await db.assignments.bulkGet(ids);
      const [names, concerns, departments] = await Promise.all([
        enterpriseNames(found),
        db.concerns.bulkGet([...new Set(found.flatMap((a) => a?.concernIds.slice(0, 1) ?? []))]),
        db.departments.toArray(),
      ]);
      const demand = new Map(concerns.flatMap((c) => (c ? [[c.id, c.summary || c.verbatim] as const] : [])));
      const dept = new Map(departments.map((d) => [d.id, d.name]));
      return found.flatMap((a) =>
        a
          ? [
              {
                kind: 'assignment' as const,
                id: a.id,
                docNumber: a.docNumber ?? '',
                enterprise: names.get(a.enterpriseId) ?? unknownName,
                demand: demand.get(a.concernIds[0] ?? '') ?? '',
                leadDept: dept.get(a.leadDeptId) ?? '（已删除的单位）',
                state: ASSIGNMENT_STATUS_LABEL[a.status],
                times: times.get(a.id) ?? 1,
              },
            ]
          : [],
      );
    });
  }
}

const byText = (x: string, y: string) => x.localeCompare(y, 'zh-Hans-CN', { numeric: true });
const ROW_ORDER: Record<RefKind, (x: DrillRow, y: DrillRow) => number> = {
  meeting: (x, y) => (x.kind === 'meeting' && y.kind === 'meeting' ? byText(x.date, y.date) : 0),
  concern: (x, y) =>
    x.kind === 'concern' && y.kind === 'concern'
      ? byText(x.meeting, y.meeting) || byText(x.enterprise, y.enterprise)
      : 0,
  assignment: (x, y) =>
    x.kind === 'assignment' && y.kind === 'assignment' ? byText(x.docNumber, y.docNumber) : 0,
  enterprise: (x, y) => (x.kind === 'enterprise' && y.kind === 'enterprise' ? byText(x.name, y.name) : 0),
  speaker: (x, y) =>
    x.kind === 'speaker' && y.kind === 'speaker'
      ? byText(x.meeting, y.meeting) || byText(x.enterprise, y.enterprise)
      : 0,
};
