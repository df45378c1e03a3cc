// The app's database: IndexedDB through Dexie, one table per word of the glossary (docs/architecture.md, "Glossary").
// Every version stays in this file forever; a change of shape is a new version with an upgrade.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Assignment,
  AuditRecord,
  Concern,
  Department,
  Draft,
  Enterprise,
  Evaluation,
  FollowUpStep,
  Leader,
  Meeting,
  MinuteEntry,
  QueueEntry,
  Reply,
  Setting,
  SignOff,
} from '../../shared/domain/types';
import type { LiveSession } from '../../shared/domain/live';
import { countWrites, type WriteCount } from './write-count';
import { recordAbortReasons, type AbortReasons } from './abort-reasons';

/** The IndexedDB database name; one per browser profile. */
export const DESK_DB_NAME = 'kentan-desk';

/** Kentan Desk's database. */
export class DeskDb extends Dexie {
  meetings!: EntityTable<Meeting, 'id'>;
  leaders!: EntityTable<Leader, 'id'>;
  departments!: EntityTable<Department, 'id'>;
  enterprises!: EntityTable<Enterprise, 'id'>;
  queueEntries!: EntityTable<QueueEntry, 'id'>;
  concerns!: EntityTable<Concern, 'id'>;
  minuteEntries!: EntityTable<MinuteEntry, 'id'>;
  drafts!: EntityTable<Draft, 'key'>;
  assignments!: EntityTable<Assignment, 'id'>;
  signOffs!: EntityTable<SignOff, 'id'>;
  replies!: EntityTable<Reply, 'id'>;
  evaluations!: EntityTable<Evaluation, 'id'>;
  auditLog!: Table<AuditRecord, number>;
  settings!: EntityTable<Setting, 'key'>;
  liveSessions!: EntityTable<LiveSession, 'meetingId'>;
  followUps!: EntityTable<FollowUpStep, 'id'>;
  /** Writes this window has made (./write-count.ts). */
  readonly writes: WriteCount;
  /** Why the last transaction was aborted (./abort-reasons.ts): a full disk hides behind a bare AbortError. */
  readonly aborts: AbortReasons;

  constructor(name: string = DESK_DB_NAME) {
    // Strict durability: a committed entry is on disk before the transaction completes, so a
    // power cut right after Enter keeps it (Chromium defaults to relaxed).
    super(name, { chromeTransactionDurability: 'strict' });
    this.writes = countWrites(this);
    this.aborts = recordAbortReasons(this);
    this.version(1).stores({
      meetings: 'id, date, status, deletedAt, [kind+edition]',
      leaders: 'id, order',
      departments: 'id, order, name',
      enterprises: 'id, name, creditCode',
      queueEntries: 'id, meetingId, enterpriseId, [meetingId+position]',
      concerns: 'id, meetingId, enterpriseId, [enterpriseId+meetingId], category, disposition',
      minuteEntries: 'id, meetingId, [meetingId+at]',
      drafts: 'key, meetingId',
      assignments: 'id, meetingId, enterpriseId, status, docNumber, leadDeptId',
      signOffs: 'id, assignmentId',
      replies: 'id, assignmentId',
      evaluations: 'id, assignmentId',
      auditLog: '++seq, [entity+entityId], at',
      settings: 'key',
    });
    // v2 (会中记录): the live state of a meeting in progress — who has the floor and the timer.
    this.version(2).stores({
      liveSessions: 'meetingId',
    });
    // v3 (跟踪督办): the steps recorded on each 交办件 after handoff, and the indexes the board reads by — open
    // items by state, due dates, the lead leader — so it stays instant with ten years of items. Existing records
    // need no change: an assignment without `round` is in its first round.
    this.version(3).stores({
      assignments:
        'id, meetingId, enterpriseId, status, docNumber, leadDeptId, leadLeaderId, replyDueAt, handedOffAt, [status+escalatedTo]',
      followUps: 'id, assignmentId, [assignmentId+at], kind, on',
    });
  }
}

let instance: DeskDb | undefined;

/** The app-wide database, opened on first use. */
export function getDeskDb(): DeskDb {
  if (!instance) {
    instance = new DeskDb();
    // Another window (the projector) may upgrade the schema: close so it can, then reload.
    instance.on('versionchange', () => {
      instance?.close();
      instance = undefined;
      if (typeof location !== 'undefined') location.reload();
      return false;
    });
  }
  return instance;
}

const reopening = new WeakMap<DeskDb, Promise<boolean>>();

/**
 * Close the database and open it again, once at a time: after a storage failure (a full disk, a backing store
 * Chromium closed) Dexie would keep answering DatabaseClosedError until the page is reloaded. Resolves true when it is
 * open again; false when opening failed too (the disk is still full) — it is then left closed with auto-open on, so
 * the next call opens it afresh instead of repeating the old failure.
 */
export function reopenDeskDb(db: DeskDb = getDeskDb()): Promise<boolean> {
  const under = reopening.get(db);
  if (under) return under;
  const attempt = Promise.resolve()
    .then(async () => {
      try {
        db.close({ disableAutoOpen: false });
        await db.open();
        return true;
      } catch {
        db.close({ disableAutoOpen: false });
        return false;
      }
    })
    .finally(() => reopening.delete(db));
  reopening.set(db, attempt);
  return attempt;
}
