// 诉求: pre-collected before a meeting or raised in it.
import type { DeskDb } from '../desk-db';
import type { Concern, Id, Meeting } from '../../../shared/domain/types';

/** Concerns of meetings and of enterprises. */
export class ConcernRepository {
  constructor(private readonly db: DeskDb) {}

  /** A meeting's concerns, oldest first. */
  async listForMeeting(meetingId: Id): Promise<Concern[]> {
    const rows = await this.db.concerns.where('meetingId').equals(meetingId).toArray();
    return rows.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Everything an enterprise has raised, at any meeting. */
  listForEnterprise(enterpriseId: Id): Promise<Concern[]> {
    return this.db.concerns.where('enterpriseId').equals(enterpriseId).toArray();
  }

  /**
   * What these enterprises raised at meetings held before `meeting` and still on the list (not in the recycle
   * bin): the 会前材料's 此前反映.
   */
  async earlierFor(meeting: Pick<Meeting, 'id' | 'date'>, enterpriseIds: readonly Id[]): Promise<Concern[]> {
    const [concerns, meetings] = await Promise.all([
      this.db.concerns
        .where('enterpriseId')
        .anyOf([...enterpriseIds])
        .toArray(),
      this.db.meetings.toArray(),
    ]);
    const held = new Map(meetings.map((m) => [m.id, m]));
    return concerns.filter((c) => {
      const m = held.get(c.meetingId);
      return m !== undefined && m.deletedAt === undefined && m.id !== meeting.id && m.date < meeting.date;
    });
  }

  /** Insert or replace a concern. */
  async save(concern: Concern): Promise<void> {
    await this.db.concerns.put(concern);
  }

  /** Remove a concern that no assignment uses yet. */
  async remove(id: Id): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.concerns, db.assignments], async () => {
      const used = await db.assignments.filter((a) => a.concernIds.includes(id)).count();
      if (used > 0) throw new Error('这条诉求已列入交办件，不能删除');
      await db.concerns.delete(id);
    });
  }
}
