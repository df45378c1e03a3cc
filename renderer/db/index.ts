/** The database and its repositories, as the stores use them. */
import { getDeskDb, type DeskDb } from './desk-db';
import { AssignmentRepository } from './repositories/assignments';
import { AuditLog } from './repositories/audit';
import { ConcernRepository } from './repositories/concerns';
import { EnterpriseRepository } from './repositories/enterprises';
import { FollowUpRepository } from './repositories/follow-ups';
import { LiveRepository } from './repositories/live';
import { MeetingRepository } from './repositories/meetings';
import { QueueRepository } from './repositories/queue';
import { MinuteRepository } from './repositories/minutes';
import { OrganizationRepository } from './repositories/organization';
import { SettingsRepository } from './repositories/settings';
import { SignOffRepository } from './repositories/sign-offs';

export { DeskDb, getDeskDb, DESK_DB_NAME } from './desk-db';

/** Every repository over one database. */
export interface Repositories {
  db: DeskDb;
  assignments: AssignmentRepository;
  audit: AuditLog;
  concerns: ConcernRepository;
  enterprises: EnterpriseRepository;
  followUps: FollowUpRepository;
  live: LiveRepository;
  meetings: MeetingRepository;
  queue: QueueRepository;
  minutes: MinuteRepository;
  organization: OrganizationRepository;
  settings: SettingsRepository;
  signOffs: SignOffRepository;
}

/** The repositories over a database (the app's own by default). */
export function repositories(db: DeskDb = getDeskDb()): Repositories {
  return {
    db,
    assignments: new AssignmentRepository(db),
    audit: new AuditLog(db),
    concerns: new ConcernRepository(db),
    enterprises: new EnterpriseRepository(db),
    followUps: new FollowUpRepository(db),
    live: new LiveRepository(db),
    meetings: new MeetingRepository(db),
    queue: new QueueRepository(db),
    minutes: new MinuteRepository(db),
    organization: new OrganizationRepository(db),
    settings: new SettingsRepository(db),
    signOffs: new SignOffRepository(db),
  };
}
