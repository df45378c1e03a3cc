// What a month's 以月答卷 counts, read narrowly (in the report's worker). The figures of a month and its twelve-month
// trend only ever count what happened in those twelve months, so of ten years of records the report reads:
// - every meeting (a few hundred rows: an item whose meeting is unknown counts nowhere) and every 交办件 (to tell
//   which can still count), each table in short read-only slices by primary key;
// - the speakers and demands of the meetings in the window, and the steps of the items that may count there,
//   by index, in batches of ids — each batch its own short transaction, so a write in another window never waits
//   behind one long read.
// An item may count when it was handed over and is not finished, or finished late enough that a figure of the window
// could still see it: a finished item's handoff, replies, 回访, 重办 and 转报 fall on or before its 办结 day, and its
// rounds' 答复期限 on or before the latest of that day and its due dates — but for an earlier round's 延期 beyond them,
// which a year to spare covers. The reader's figures equal those over everything; the tests say so for the worked-out
// district and for the demo.
import type { Table } from 'dexie';
import type { DeskDb } from '../db/desk-db';
import { monthsEnding, type Period } from '../../shared/domain/periods';
import type { StatsData } from '../../shared/domain/statistics';
import { addCalendarDays, toIsoDate } from '../../shared/domain/workdays';
import type { Assignment, FollowUpStep, Id, IsoDate } from '../../shared/domain/types';

/** Rows or ids per read. */
const BATCH = 2000;

/** The first day a period's figures and trend can look at: the first of its twelve trend months. */
export function windowStart(period: Pick<Period, 'from' | 'to'>): IsoDate {
  const first = monthsEnding(period.to, 12)[0]!.from;
  return first < period.from ? first : period.from;
}

/** Whether an item may count in a figure of a window starting on `from` (see the file comment). */
export function mayCount(a: Assignment, from: IsoDate): boolean {
  if (a.handedOffAt === undefined) return false;
  if (a.status !== 'closed' && a.status !== 'written_off') return true;
  const last = [toIsoDate(a.handedOffAt), a.closedOn, a.replyDueAt, a.dueAt]
    .filter((d): d is IsoDate => d !== undefined)
    .reduce((x, y) => (x > y ? x : y));
  return last >= addCalendarDays(from, -366);
}

/** The records as the window needs them, from records already read (what the reader reads, for the tests). */
export function narrowToWindow(data: StatsData, period: Pick<Period, 'from' | 'to'>): StatsData {
  const from = windowStart(period);
  const meetings = new Set(
    data.meetings.filter((m) => m.date >= from && m.date <= period.to).map((m) => m.id),
  );
  const items = new Set(data.assignments.filter((a) => mayCount(a, from)).map((a) => a.id));
  return {
    meetings: data.meetings,
    queue: data.queue.filter((q) => meetings.has(q.meetingId)),
    concerns: data.concerns.filter((c) => meetings.has(c.meetingId)),
    assignments: data.assignments.filter((a) => items.has(a.id)),
    steps: data.steps.filter((s) => items.has(s.assignmentId)),
    departments: data.departments,
  };
}

/** Every row of a table, a slice at a time by primary key. */
async function everyRow<T extends { id: Id }>(db: DeskDb, table: Table<T, Id, unknown>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const after = rows.at(-1)?.id;
    const slice = await db.transaction('r', table, () =>
      (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(BATCH).toArray(),
    );
    rows.push(...slice);
    if (slice.length < BATCH) return rows;
  }
}

/** The rows whose `index` is one of `keys`, a batch of keys at a time. */
async function rowsOf<T>(db: DeskDb, table: Table<T, Id, unknown>, index: string, keys: readonly Id[]) {
  const rows: T[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    rows.push(...(await db.transaction('r', table, () => table.where(index).anyOf(batch).toArray())));
  }
  return rows;
}

/**
 * The steps of these items. `anyOf` walks an index cursor key by key: for a few thousand items (years of open and
 * recent ones) reading every step by primary key in slices and keeping theirs is several times faster.
 */
async function stepsOf(db: DeskDb, items: readonly Assignment[]): Promise<FollowUpStep[]> {
  if (items.length < 1000)
    return rowsOf(
      db,
      db.followUps,
      'assignmentId',
      items.map((a) => a.id),
    );
  const wanted = new Set(items.map((a) => a.id));
  return (await everyRow(db, db.followUps)).filter((s) => wanted.has(s.assignmentId));
}

/** What the period's report counts, read from the database (see the file comment). */
export async function readReportData(db: DeskDb, period: Pick<Period, 'from' | 'to'>): Promise<StatsData> {
  const from = windowStart(period);
  const [meetings, all, departments] = await Promise.all([
    everyRow(db, db.meetings),
    everyRow(db, db.assignments),
    db.departments.toArray(),
  ]);
  const inWindow = meetings.filter((m) => m.date >= from && m.date <= period.to).map((m) => m.id);
  const assignments = all.filter((a) => mayCount(a, from));
  const [queue, concerns, steps] = await Promise.all([
    rowsOf(db, db.queueEntries, 'meetingId', inWindow),
    rowsOf(db, db.concerns, 'meetingId', inWindow),
    stepsOf(db, assignments),
  ]);
  return { meetings, queue, concerns, assignments, steps, departments };
}
