// The 跟踪督办 board's reads. Ten years hold some 30,000 交办件, nearly all closed, and only a few hundred open: the
// open ones are read through the status index at once; the closed ones are counted through indexes and read only
// when a counter or filter asks for them. Nothing here writes.
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

  /** The closed rows' sources: read once the board needs them (已办结, 全部, a closed state). */
  async closedSources(meetings: readonly Meeting[]): Promise<ClosedSources> {
    const held = new Map(meetings.filter(meetingHeld).map((m) => [m.id, m]));
    const [items, onSiteConcerns] = await Promise.all([
      this.byStatus(CLOSED_STATES),
      this.db.concerns.where('disposition').equals('resolved_on_site').toArray(),
    ]);
    const onSiteHeld = onSiteConcerns.filter((c) => held.has(c.meetingId));
    const [assignments, names] = await Promise.all([
      this.withConcerns(items),
      this.enterpriseNames(onSiteHeld.map((c) => c.enterpriseId)),
    ]);
    const onSite = onSiteHeld.map((concern) => ({
      concern,
      meeting: held.get(concern.meetingId)!,
      enterpriseName: names.get(concern.enterpriseId) ?? '',
    }));
    return { assignments, onSite };
  }

  /**
   * 已办结 and 已转报 among the closed, by index: 办结/销号 through the status index (one `equals` each, so
   * IndexedDB counts natively); 现场解决 through the disposition
   * index less those of meetings not yet held (few: the ones being prepared, in progress or deleted); closed items
   * once 转报 through the 转报上级 steps (rare), since the item's own `escalatedTo` has no index.
   */
  async closedCounts(meetings: readonly Meeting[]): Promise<ClosedCounts> {
    const db = this.db;
    const notHeld = meetings.filter((m) => !meetingHeld(m)).map((m) => m.id);
    const [closed, written, onSite, onSiteNotHeld, escalateSteps] = await Promise.all([
      db.assignments.where('status').equals('closed').count(),
      db.assignments.where('status').equals('written_off').count(),
      db.concerns.where('disposition').equals('resolved_on_site').count(),
      db.concerns
        .where('meetingId')
        .anyOf(notHeld)
        .filter((c) => c.disposition === 'resolved_on_site')
        .count(),
      db.followUps.where('kind').equals('escalate').toArray(),
    ]);
    const escalatedIds = [...new Set(escalateSteps.map((s) => s.assignmentId))];
    const escalatedItems = await db.assignments.bulkGet(escalatedIds);
    const escalated = escalatedItems.filter((a) => a && CLOSED_STATES.includes(a.status)).length;
    return { closed: closed + written + onSite - onSiteNotHeld, escalated };
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
