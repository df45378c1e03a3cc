// Named queries over meetings.
import type { DeskDb } from '../desk-db';
import type { Id, Meeting } from '../../../shared/domain/types';

/** Meetings: the list, the recycle bin, single records. */
export class MeetingRepository {
  constructor(private readonly db: DeskDb) {}

  /** Meetings not in the recycle bin, newest date first. */
  async listActive(): Promise<Meeting[]> {
    const all = await this.db.meetings.orderBy('date').reverse().toArray();
    return all.filter((m) => m.deletedAt === undefined);
  }

  /** Meetings in the recycle bin, most recently deleted first. */
  async listRecycled(): Promise<Meeting[]> {
    const all = await this.db.meetings.where('deletedAt').above(0).toArray();
    return all.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
  }

  /** One meeting by id. */
  get(id: Id): Promise<Meeting | undefined> {
    return this.db.meetings.get(id);
  }

  /** How many meetings exist, the recycle bin included. */
  count(): Promise<number> {
    return this.db.meetings.count();
  }

  /** Every meeting, the recycle bin included (期次 are never reused). */
  listAll(): Promise<Meeting[]> {
    return this.db.meetings.toArray();
  }

  /** Insert or replace a meeting. */
  async save(meeting: Meeting): Promise<void> {
    await this.db.meetings.put(meeting);
  }

  /** How many minute entries a meeting holds (deleting one with minutes asks twice). */
  countMinutes(id: Id): Promise<number> {
    return this.db.minuteEntries.where('meetingId').equals(id).count();
  }

  /** Move a meeting to the recycle bin; everything that belongs to it stays, so it can be restored. */
  async moveToRecycleBin(id: Id, at: number): Promise<void> {
    await this.db.meetings.update(id, { deletedAt: at, updatedAt: at });
  }

  /** Take a meeting out of the recycle bin. */
  async restore(id: Id, at: number): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.meetings, async () => {
      const meeting = await db.meetings.get(id);
      if (!meeting) return;
      const { deletedAt: _gone, ...rest } = meeting;
      await db.meetings.put({ ...rest, updatedAt: at });
    });
  }
}
