/**
 * The records of one meeting that its documents are made from, and lookups over them.
 */
import type {
  Assignment,
  Concern,
  Department,
  Enterprise,
  Id,
  Leader,
  Meeting,
  MinuteEntry,
  Organization,
  QueueEntry,
  SignOff,
} from '../domain/types';

/**
 * Plain records of one meeting. `signOffs` are the current sign-offs (not superseded), one per signed assignment;
 * leaders, departments and enterprises may be the whole directory.
 */
export interface MeetingBundle {
  organization: Organization;
  meeting: Meeting;
  leaders: readonly Leader[];
  departments: readonly Department[];
  enterprises: readonly Enterprise[];
  queueEntries: readonly QueueEntry[];
  concerns: readonly Concern[];
  minuteEntries: readonly MinuteEntry[];
  assignments: readonly Assignment[];
  signOffs: readonly SignOff[];
  /** Optional: earlier concerns of this meeting's enterprises, for the 会前材料's 此前反映 (similar demands). */
  earlierConcerns?: readonly Concern[];
}

/** Lookups by id over a bundle, with the meeting's own rows only. */
export interface BundleIndex {
  leader: (id: Id | undefined) => Leader | undefined;
  department: (id: Id | undefined) => Department | undefined;
  enterprise: (id: Id | undefined) => Enterprise | undefined;
  concern: (id: Id | undefined) => Concern | undefined;
  minute: (id: Id | undefined) => MinuteEntry | undefined;
  /** The current sign-off of an assignment, the latest one not superseded. */
  signOff: (assignmentId: Id) => SignOff | undefined;
  /** This meeting's queue in speaking order. */
  queue: QueueEntry[];
  /** This meeting's concerns, minute entries (in time order) and assignments. */
  concerns: Concern[];
  minutes: MinuteEntry[];
  assignments: Assignment[];
}

function byId<T extends { id: Id }>(rows: readonly T[]): (id: Id | undefined) => T | undefined {
  const map = new Map(rows.map((r) => [r.id, r]));
  return (id) => (id === undefined ? undefined : map.get(id));
}

/** Indexes a bundle once, so builders look records up by id instead of scanning. */
export function indexBundle(bundle: MeetingBundle): BundleIndex {
  const meetingId = bundle.meeting.id;
  const own = <T extends { meetingId: Id }>(rows: readonly T[]) =>
    rows.filter((r) => r.meetingId === meetingId);
  const signOffs = new Map<Id, SignOff>();
  for (const s of bundle.signOffs) {
    if (s.supersededAt !== undefined) continue;
    const seen = signOffs.get(s.assignmentId);
    if (!seen || seen.signedAt < s.signedAt) signOffs.set(s.assignmentId, s);
  }
  const minutes = own(bundle.minuteEntries).sort((a, b) => a.at - b.at);
  return {
    leader: byId(bundle.leaders),
    department: byId(bundle.departments),
    enterprise: byId(bundle.enterprises),
    concern: byId(bundle.concerns),
    minute: byId(minutes),
    signOff: (id) => signOffs.get(id),
    queue: own(bundle.queueEntries).sort((a, b) => a.position - b.position),
    concerns: own(bundle.concerns),
    minutes,
    assignments: own(bundle.assignments),
  };
}

/** Sort key of a 文号: 〔2026〕12号 after 〔2026〕2号, a later year after an earlier one, no number last. */
export function docNumberOrder(docNumber: string | undefined): number {
  const m = /〔(\d{4})〕(\d+)号/.exec(docNumber ?? '');
  return m ? Number(m[1]) * 1e6 + Number(m[2]) : Number.MAX_SAFE_INTEGER;
}

/** Assignments in 文号 order; those without a number keep their drafting order at the end. */
export function inDocNumberOrder<T extends Pick<Assignment, 'docNumber' | 'createdAt'>>(
  rows: readonly T[],
): T[] {
  return [...rows].sort(
    (a, b) => docNumberOrder(a.docNumber) - docNumberOrder(b.docNumber) || a.createdAt - b.createdAt,
  );
}
