// Verbatim minutes: committed entries and the draft being typed.
import type { DeskDb } from '../desk-db';
import type { Draft, Id, MinuteEntry } from '../../../shared/domain/types';

/** Minute entries and drafts. */
export class MinuteRepository {
  constructor(private readonly db: DeskDb) {}

  /**
   * Commit one entry and clear the draft it came from, in one strict-durability transaction: when
   * this resolves, the words are on disk and the draft is gone together, never one without the other.
   */
  async append(entry: MinuteEntry, draftKey?: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.minuteEntries, db.drafts], async () => {
      await db.minuteEntries.add(entry);
      if (draftKey) await db.drafts.delete(draftKey);
    });
  }

  /** A meeting's entries in time order. */
  listForMeeting(meetingId: Id): Promise<MinuteEntry[]> {
    return this.db.minuteEntries
      .where('[meetingId+at]')
      .between([meetingId, -Infinity], [meetingId, Infinity])
      .toArray();
  }

  /** How many entries a meeting has. */
  countForMeeting(meetingId: Id): Promise<number> {
    return this.db.minuteEntries.where('meetingId').equals(meetingId).count();
  }

  /** Save the text being typed. */
  async saveDraft(draft: Draft): Promise<void> {
    await this.db.drafts.put(draft);
  }

  /** The saved draft under a key. */
  getDraft(key: string): Promise<Draft | undefined> {
    return this.db.drafts.get(key);
  }
}
