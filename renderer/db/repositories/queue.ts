// The speaking order of a meeting: 报名 / 点名 / 书面 entries, kept numbered 1..n.
import type { DeskDb } from '../desk-db';
import type { Id, QueueEntry } from '../../../shared/domain/types';

/** Queue entries of meetings. */
export class QueueRepository {
  constructor(private readonly db: DeskDb) {}

  /** A meeting's queue in speaking order. */
  listForMeeting(meetingId: Id): Promise<QueueEntry[]> {
    return this.db.queueEntries
      .where('[meetingId+position]')
      .between([meetingId, -Infinity], [meetingId, Infinity])
      .toArray();
  }

  /** Append an entry at the end of the order; returns it with its position. */
  async append(entry: Omit<QueueEntry, 'position'>): Promise<QueueEntry> {
    const db = this.db;
    return db.transaction('rw', db.queueEntries, async () => {
      const count = await db.queueEntries.where('meetingId').equals(entry.meetingId).count();
      const placed: QueueEntry = { ...entry, position: count + 1 };
      await db.queueEntries.add(placed);
      return placed;
    });
  }

  /** Replace an entry's fields (not its position). */
  async update(entry: QueueEntry): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.queueEntries, async () => {
      const current = await db.queueEntries.get(entry.id);
      if (!current) throw new Error('该发言人已被移除');
      await db.queueEntries.put({ ...entry, position: current.position });
    });
  }

  /** Put the meeting's entries in the given order, numbering them 1..n, in one transaction. */
  async reorder(meetingId: Id, orderedIds: readonly Id[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.queueEntries, async () => {
      const entries = await db.queueEntries.where('meetingId').equals(meetingId).toArray();
      const byId = new Map(entries.map((e) => [e.id, e]));
      if (orderedIds.length !== entries.length || orderedIds.some((id) => !byId.has(id))) {
        throw new Error('发言顺序已在别处被修改，请刷新后重试');
      }
      await db.queueEntries.bulkPut(orderedIds.map((id, i) => ({ ...byId.get(id)!, position: i + 1 })));
    });
  }

  /** Remove an entry and close the gap in the numbering. */
  async remove(id: Id): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.queueEntries, async () => {
      const entry = await db.queueEntries.get(id);
      if (!entry) return;
      await db.queueEntries.delete(id);
      const rest = await this.listForMeeting(entry.meetingId);
      await db.queueEntries.bulkPut(rest.map((e, i) => ({ ...e, position: i + 1 })));
    });
  }
}
