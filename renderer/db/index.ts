/** The database and its repositories, as the stores use them. */
import { getDeskDb, type DeskDb } from './desk-db';
import { AssignmentRepository } from './repositories/assignments';
import { AuditLog } from './repositories/audit';
import { ConcernRepository } from './repositories/concerns';
import { EnterpriseRepository } from './repositories/enterprises';
import { FollowUpRepository } from './repositories/follow-ups';
import { LedgerRepository } from './repositories/ledger';
import { LiveRepository } from './repositories/live';
import { MeetingRepository } from './repositories/meetings';
import { QueueRepository } from './repositories/queue';
import { MinuteRepository } from './repositories/minutes';
import { OrganizationRepository } from './repositories/organization';
import { SettingsRepository } from './repositories/settings';
import { SignOffRepository } from './repositories/sign-offs';
import { asStorageError, recoverFromStorageError, withAbortReason } from './db-errors';

export { DeskDb, getDeskDb, DESK_DB_NAME } from './desk-db';

/** Every repository over one database. */
export interface Repositories {
  db: DeskDb;
  assignments: AssignmentRepository;
  audit: AuditLog;
  concerns: ConcernRepository;
  enterprises: EnterpriseRepository;
  followUps: FollowUpRepository;
  ledger: LedgerRepository;
  live: LiveRepository;
  meetings: MeetingRepository;
  queue: QueueRepository;
  minutes: MinuteRepository;
  organization: OrganizationRepository;
  settings: SettingsRepository;
  signOffs: SignOffRepository;
}

/**
 * The repositories over a database (the app's own by default). A storage failure in any of their calls (a full disk,
 * a closed connection …) reaches the caller as a StorageError with a Chinese message saying what to do (./db-errors.ts),
 * after the database has been reopened so that the next attempt can work without reloading the page.
 */
export function repositories(db: DeskDb = getDeskDb()): Repositories {
  return {
    db,
    assignments: guarded(new AssignmentRepository(db), db),
    audit: guarded(new AuditLog(db), db),
    concerns: guarded(new ConcernRepository(db), db),
    enterprises: guarded(new EnterpriseRepository(db), db),
    followUps: guarded(new FollowUpRepository(db), db),
    ledger: guarded(new LedgerRepository(db), db),
    live: guarded(new LiveRepository(db), db),
    meetings: guarded(new MeetingRepository(db), db),
    queue: guarded(new QueueRepository(db), db),
    minutes: guarded(new MinuteRepository(db), db),
    organization: guarded(new OrganizationRepository(db), db),
    settings: guarded(new SettingsRepository(db), db),
    signOffs: guarded(new SignOffRepository(db), db),
  };
}

/** A repository whose calls turn storage failures into StorageErrors, recovering the database first. */
function guarded<T extends object>(repository: T, db: DeskDb): T {
  const failed = async (raw: unknown): Promise<never> => {
    const error = withAbortReason(raw, db.aborts.last());
    await recoverFromStorageError(error, db);
    throw asStorageError(error);
  };
  return new Proxy(repository, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw asStorageError(error);
        }
        return isThenable(result) ? Promise.resolve(result).catch(failed) : result;
      };
    },
  });
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
