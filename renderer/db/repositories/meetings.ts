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

  /** Insert or replace a meeting. */
  async save(meeting: Meeting): Promise<void> {
    await this.db.meetings.put(meeting);
  }
}
