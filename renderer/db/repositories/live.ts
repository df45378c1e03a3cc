// The live state of a meeting: its session record and its queue, saved together.
import type { DeskDb } from '../desk-db';
import type { LiveSession } from '../../../shared/domain/live';
import type { EpochMs, Id, Meeting, QueueEntry } from '../../../shared/domain/types';

/** Live sessions and the queue changes that go with them. */
export class LiveRepository {
  constructor(private readonly db: DeskDb) {}

  /** The session of a meeting, if it was ever opened live. */
  session(meetingId: Id): Promise<LiveSession | undefined> {
    return this.db.liveSessions.get(meetingId);
  }

  /**
   * Save a queue change: the changed entries, the entries taken off the list, the session and (when its status
   * moves) the meeting, in one strict transaction, so the floor, the timer and the order never disagree after a
   * crash.
   */
  async save(
    entries: readonly QueueEntry[],
    session: LiveSession,
    meeting?: Meeting,
    removedIds: readonly Id[] = [],
  ): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.queueEntries, db.liveSessions, db.meetings], async () => {
      if (removedIds.length) await db.queueEntries.bulkDelete([...removedIds]);
      await db.queueEntries.bulkPut(entries.map((e) => ({ ...e })));
      await db.liveSessions.put({ ...session });
      if (meeting) await db.meetings.put({ ...meeting });
    });
  }

  /**
   * 无交办事项: an ended meeting that left nothing to hand over is settled (已交办, no countdown), checked in the
   * same transaction: it has no assignment and no demand marked 需交办. Returns the meeting as saved, or a reason.
   */
  async closeWithoutAssignments(meetingId: Id, at: EpochMs): Promise<Meeting | string> {
    const db = this.db;
    return db.transaction('rw', [db.meetings, db.assignments, db.concerns], async () => {
      const meeting = await db.meetings.get(meetingId);
      if (!meeting || meeting.deletedAt !== undefined) return '这次会议不存在或已移入回收站';
      if (meeting.status !== 'signing' && meeting.status !== 'handoff') return '会议尚未结束';
      if ((await db.assignments.where('meetingId').equals(meetingId).count()) > 0)
        return '这次会议已有交办件，请到签批处理';
      const assign = await db.concerns
        .where('meetingId')
        .equals(meetingId)
        .filter((c) => c.disposition === 'assign')
        .count();
      if (assign > 0) return `还有${assign}条诉求标为需交办，请先生成交办件或改为现场解决`;
      const settled: Meeting = { ...meeting, status: 'handed_off', noAssignmentsAt: at, updatedAt: at };
      await db.meetings.put(settled);
      return settled;
    });
  }
}
