// The 跟踪督办 board's reads. Ten years hold some 30,000 交办件, nearly all closed, and only a few hundred open: the
// open ones are read through the status index at once; the closed ones are counted through indexes and read only
// when a counter or filter asks for them. Nothing here writes.
import Dexie, { type Table } from 'dexie';
import type { DeskDb } from '../desk-db';
import {
  CLOSED_STATES,
  OPEN_STATES,
  meetingHeld,
  type AssignmentSource,
  type OnSiteSource,
} from '../../../shared/domain/follow-up-board';
import type { Assignment, Concern, EpochMs, Id, IsoDate, Meeting } from '../../../shared/domain/types';

/** The closed side of the board: 办结 and 销号 items, and the demands 现场解决. */
export interface ClosedSources {
  assignments: AssignmentSource[];
  onSite: OnSiteSource[];
}

/** How many closed rows there are, without reading them. */
export interface ClosedCounts {
  /** 办结 + 销号 + 现场解决 */
  closed: number;
  /** Closed items that had been 转报上级. */
  escalated: number;
}

/** Records read per slice of the closed rows: a few milliseconds of main-thread work each. */
const CLOSED_SLICE = 500;

/** The board's queries. */
export class FollowUpBoardRepository {
  constructor(private readonly db: DeskDb) {}

  /** Every meeting, the recycle bin included (a deleted meeting's 现场解决 demands are not counted). */
  meetings(): Promise<Meeting[]> {
    return this.db.meetings.toArray();
  }

  /** The 交办件 handed over and neither 办结 nor 销号, with their demands and enterprises. */
  async openSources(): Promise<AssignmentSource[]> {
    return this.withConcerns(await this.byStatus(OPEN_STATES));
  }

  /**
   * What the board paints with, in one read transaction (one round trip to the database's thread instead of one
   * per query): every meeting, the open items with their demands and enterprises, the first 交办时间.
   */
  firstPaint(): Promise<{
    meetings: Meeting[];
    open: AssignmentSource[];
    firstHandoff: EpochMs | undefined;
  }> {
    const db = this.db;
    return db.transaction('r', [db.meetings, db.assignments, db.concerns, db.enterprises], async () => {
      const [meetings, open, first] = await Promise.all([
        db.meetings.toArray(),
        this.openSources(),
        db.assignments.orderBy('handedOffAt').first(),
      ]);
      return { meetings, open, firstHandoff: first?.handedOffAt };
    });
  }

  /**
   * The closed rows' sources (办结 and 销号 items, the demands 现场解决 at held meetings), read in slices by primary
   * key — IndexedDB's own getAll over a key range, never one request per record — with `pause()` awaited between
   * slices, so ten years are read in the background without holding the main thread. Of each concern only what
   * the board prints is kept.
   */
  async closedSources(
    meetings: readonly Meeting[],
    pause: () => Promise<void> = async () => undefined,
    slice = CLOSED_SLICE,
  ): Promise<ClosedSources> {
    const held = new Map(meetings.filter(meetingHeld).map((m) => [m.id, m]));
    // The directory may hold 100,000 enterprises: read in slices too, keeping only the names.
    const names = new Map<Id, string>();
    for await (const list of this.slices(this.db.enterprises, slice * 4, pause))
      for (const e of list) names.set(e.id, e.name);
    const demands = new Map<Id, Pick<Concern, 'summary' | 'verbatim' | 'category'>>();
    const onSite: OnSiteSource[] = [];
    for await (const concerns of this.slices(this.db.concerns, slice, pause)) {
      for (const c of concerns) {
        demands.set(c.id, { summary: c.summary, verbatim: c.verbatim.slice(0, 80), category: c.category });
        const meeting = c.disposition === 'resolved_on_site' ? held.get(c.meetingId) : undefined;
        if (meeting) onSite.push({ concern: c, meeting, enterpriseName: names.get(c.enterpriseId) ?? '' });
      }
    }
    const assignments: AssignmentSource[] = [];
    for await (const items of this.slices(this.db.assignments, slice, pause)) {
      for (const assignment of items) {
        if (!CLOSED_STATES.includes(assignment.status)) continue;
        assignments.push({
          assignment,
          concerns: assignment.concernIds.flatMap((id) => {
            const c = demands.get(id);
            return c ? [c] : [];
          }),
          enterpriseName: names.get(assignment.enterpriseId) ?? '',
        });
      }
    }
    return { assignments, onSite };
  }

  /**
   * What the closed rows were read from, cheaply: the audit log's head (every sign, handoff and step writes a
   * record), the demands 现场解决 and the meetings held. The board reads the closed rows again only when it moved.
   */
  async version(meetings: readonly Meeting[]): Promise<string> {
    const [head, onSite, enterprises] = await Promise.all([
      this.db.auditLog.orderBy('seq').last(),
      this.db.concerns.where('disposition').equals('resolved_on_site').count(),
      this.db.enterprises.count(),
    ]);
    const held = meetings.filter(meetingHeld).length;
    return `${head?.seq ?? 0}:${onSite}:${held}:${enterprises}`;
  }

  /** A table's records in primary-key order, `size` at a time, pausing between slices. */
  private async *slices<T extends { id: Id }, I>(
    table: Table<T, Id, I>,
    size: number,
    pause: () => Promise<void>,
  ): AsyncGenerator<T[]> {
    let last: Id | undefined;
    for (;;) {
      const rows: T[] = await (last === undefined
        ? table.orderBy(':id').limit(size).toArray()
        : table.where(':id').above(last).limit(size).toArray());
      if (rows.length === 0) return;
      yield rows;
      last = rows[rows.length - 1]!.id;
      if (rows.length < size) return;
      await pause();
    }
  }

  /**
   * 已办结 and 已转报 among the closed, by index: 办结/销号 through the status index (one `equals` each, so
   * IndexedDB counts natively); 现场解决 through the disposition
   * index less those of meetings not yet held (few: the ones being prepared, in progress or deleted); closed items
   * once 转报 through the [status+escalatedTo] index, which holds only items that were 转报.
   */
  async closedCounts(meetings: readonly Meeting[]): Promise<ClosedCounts> {
    const db = this.db;
    const notHeld = meetings.filter((m) => !meetingHeld(m)).map((m) => m.id);
    const escalatedIn = (status: Assignment['status']) =>
      db.assignments
        .where('[status+escalatedTo]')
        .between([status, Dexie.minKey], [status, Dexie.maxKey])
        .count();
    const [closed, written, onSite, onSiteNotHeld, escalatedClosed, escalatedWritten] = await Promise.all([
      db.assignments.where('status').equals('closed').count(),
      db.assignments.where('status').equals('written_off').count(),
      db.concerns.where('disposition').equals('resolved_on_site').count(),
      db.concerns
        .where('meetingId')
        .anyOf(notHeld)
        .filter((c) => c.disposition === 'resolved_on_site')
        .count(),
      escalatedIn('closed'),
      escalatedIn('written_off'),
    ]);
    return {
      closed: closed + written + onSite - onSiteNotHeld,
      escalated: escalatedClosed + escalatedWritten,
    };
  }

  /** The first 交办时间 ever recorded (the month filter starts there). */
  async firstHandoff(): Promise<EpochMs | undefined> {
    const first = await this.db.assignments.orderBy('handedOffAt').first();
    return first?.handedOffAt;
  }

  /**
   * Items awaiting their department's reply that are due by `today`: the meetings list's 今日到期 / 已逾期 reminder.
   * Read through the status index (a few hundred), not the due-date one, which holds ten years of closed items.
   */
  async awaitingDueBy(today: IsoDate): Promise<Assignment[]> {
    const awaiting = await this.byStatus(['handed_off', 'redo']);
    return awaiting.filter((a) => a.replyDueAt !== undefined && a.replyDueAt <= today);
  }

  /**
   * Items in these states, one status at a time: `equals` reads with IndexedDB's own getAll and count, where
   * `anyOf` walks a cursor record by record (some 30 times slower over ten years of closed items).
   */
  private async byStatus(states: readonly Assignment['status'][]): Promise<Assignment[]> {
    const lists = await Promise.all(
      states.map((s) => this.db.assignments.where('status').equals(s).toArray()),
    );
    return lists.flat();
  }

  private async withConcerns(items: readonly Assignment[]): Promise<AssignmentSource[]> {
    const concernIds = [...new Set(items.flatMap((a) => a.concernIds))];
    const [concerns, names] = await Promise.all([
      this.db.concerns.bulkGet(concernIds),
      this.enterpriseNames(items.map((a) => a.enterpriseId)),
    ]);
    const byId = new Map<Id, Concern>();
    for (const c of concerns) if (c) byId.set(c.id, c);
    return items.map((assignment) => ({
      assignment,
      concerns: assignment.concernIds.flatMap((id) => {
        const c = byId.get(id);
        return c ? [c] : [];
      }),
      enterpriseName: names.get(assignment.enterpriseId) ?? '',
    }));
  }

  private async enterpriseNames(ids: readonly Id[]): Promise<Map<Id, string>> {
    const unique = [...new Set(ids)];
    const rows = await this.db.enterprises.bulkGet(unique);
    const out = new Map<Id, string>();
    for (const e of rows) if (e) out.set(e.id, e.name);
    return out;
  }
}
