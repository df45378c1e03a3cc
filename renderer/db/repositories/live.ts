// The live state of a meeting: its session record and its queue, saved together.
import type { DeskDb } from '../desk-db';
import type { LiveSession } from '../../../shared/domain/live';
import type { Id, Meeting, QueueEntry } from '../../../shared/domain/types';

/** Live sessions and the queue changes that go with them. */
export class LiveRepository {
  constructor(private readonly db: DeskDb) {}

  /** The session of a meeting, if it was ever opened live. */
  session(meetingId: Id): Promise<LiveSession | undefined> {
    return this.db.liveSessions.get(meetingId);
  }

  /**
   * Save a queue change: the changed entries, the session and (when its status moves) the meeting,
   * in one strict transaction, so the floor, the timer and the order never disagree after a crash.
   */
  async save(entries: readonly QueueEntry[], session: LiveSession, meeting?: Meeting): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.queueEntries, db.liveSessions, db.meetings], async () => {
      await db.queueEntries.bulkPut(entries.map((e) => ({ ...e })));
      await db.liveSessions.put({ ...session });
      if (meeting) await db.meetings.put({ ...meeting });
    });
  }
}
