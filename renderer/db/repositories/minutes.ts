// Verbatim minutes: committed entries and the drafts being typed (one per window, see stores/minutes.ts).
import type { DeskDb } from '../desk-db';
import type { Draft, Id, MinuteEntry, MinuteRole } from '../../../shared/domain/types';

/** A correction: the new wording, and who said it when that changes too. */
export interface MinuteCorrection {
  text: string;
  role?: MinuteRole;
  /** The name; when given, `whoId` is what is known behind it (none when absent). */
  who?: string;
  whoId?: Id;
}

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

  /**
   * Correct an entry in place — its wording, and who said it (role, name) when given: the entry as it was goes to
   * the end of `history`, in the same transaction that writes the new one, so the original words and speaker are
   * never lost. Returns the updated entry, or undefined when there is no such entry. An unchanged entry keeps its
   * history as it is. The draft of the correction (`draftKey`) goes in the same transaction.
   */
  async edit(
    entryId: Id,
    change: string | MinuteCorrection,
    editedAt: number,
    draftKey?: string,
  ): Promise<MinuteEntry | undefined> {
    const db = this.db;
    const wanted = typeof change === 'string' ? { text: change } : change;
    return db.transaction('rw', [db.minuteEntries, db.drafts], async () => {
      if (draftKey) await db.drafts.delete(draftKey);
      const current = await db.minuteEntries.get(entryId);
      if (!current) return undefined;
      const role = wanted.role ?? current.role;
      const who = wanted.who ?? current.who;
      const whoId = wanted.who === undefined ? current.whoId : wanted.whoId;
      if (
        current.text === wanted.text &&
        current.role === role &&
        current.who === who &&
        current.whoId === whoId
      )
        return current;
      const { whoId: _old, ...rest } = current;
      const updated: MinuteEntry = {
        ...rest,
        text: wanted.text,
        role,
        who,
        ...(whoId ? { whoId } : {}),
        history: [
          ...(current.history ?? []),
          {
            text: current.text,
            editedAt,
            role: current.role,
            who: current.who,
            ...(current.whoId ? { whoId: current.whoId } : {}),
          },
        ],
      };
      await db.minuteEntries.put(updated);
      return updated;
    });
  }

  /** Link an entry to the concern made from it (or unlink it with undefined). */
  async setConcern(entryId: Id, concernId: Id | undefined): Promise<MinuteEntry | undefined> {
    const db = this.db;
    return db.transaction('rw', db.minuteEntries, async () => {
      const current = await db.minuteEntries.get(entryId);
      if (!current) return undefined;
      const { concernId: _old, ...rest } = current;
      const updated: MinuteEntry = concernId === undefined ? rest : { ...rest, concernId };
      await db.minuteEntries.put(updated);
      return updated;
    });
  }

  /** A meeting's entries in time order. */
  listForMeeting(meetingId: Id): Promise<MinuteEntry[]> {
    return this.db.minuteEntries
      .where('[meetingId+at]')
      .between([meetingId, -Infinity], [meetingId, Infinity])
      .toArray();
  }

  /** Save the text being typed. */
  async saveDraft(draft: Draft): Promise<void> {
    await this.db.drafts.put(draft);
  }

  /** Forget a draft (the text was emptied by hand). */
  async deleteDraft(key: string): Promise<void> {
    await this.db.drafts.delete(key);
  }

  /** Every draft of a meeting (the composer's and any correction in progress). */
  draftsForMeeting(meetingId: Id): Promise<Draft[]> {
    return this.db.drafts.where('meetingId').equals(meetingId).toArray();
  }

  /** The saved draft under a key. */
  getDraft(key: string): Promise<Draft | undefined> {
    return this.db.drafts.get(key);
  }

  /**
   * Adopt drafts left by windows that are gone, in one transaction: the drafts under `from` that are still there are
   * taken, `merge` makes of them (and the draft already under `to`, if any) the one kept under `to`, and the taken ones
   * are deleted. Words are never in two places nor in none: a crash mid-way keeps the old keys, and a second window
   * adopting the same drafts at the same moment finds them gone. Resolves with the draft now under `to` and the drafts
   * taken.
   */
  async adoptDrafts(
    to: string,
    from: readonly string[],
    merge: (own: Draft | undefined, taken: Draft[]) => Draft | undefined,
  ): Promise<{ draft: Draft | undefined; taken: Draft[] }> {
    const db = this.db;
    return db.transaction('rw', db.drafts, async () => {
      const own = await db.drafts.get(to);
      const keys = from.filter((k) => k !== to);
      const taken = (await db.drafts.bulkGet(keys)).filter((d): d is Draft => d !== undefined);
      if (taken.length === 0) return { draft: own, taken };
      const draft = merge(own, taken);
      if (draft) await db.drafts.put({ ...draft, key: to });
      else if (own) await db.drafts.delete(to);
      await db.drafts.bulkDelete(taken.map((d) => d.key));
      return { draft: draft && { ...draft, key: to }, taken };
    });
  }
}
