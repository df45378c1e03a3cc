/**
 * A meeting's status after the meeting, from its assignments: 待签批 while any draft waits for the leader,
 * 待交办 while any signed sheet waits to be handed over, 已交办 once every item left the federation (or was
 * 转报上级). One rule, applied in the same transaction as the assignment change that moves it.
 */
import { MEETING_STATUS_LABEL } from './labels';
import type { Assignment, Meeting, MeetingStatus } from './types';

/** The status a meeting should have with these assignments; before and during the meeting it stays as it is. */
export function meetingStatusAfter(
  status: MeetingStatus,
  assignments: ReadonlyArray<Pick<Assignment, 'status'>>,
): MeetingStatus {
  if (status === 'preparing' || status === 'live') return status;
  if (assignments.some((a) => a.status === 'draft')) return 'signing';
  if (assignments.some((a) => a.status === 'signed')) return 'handoff';
  if (assignments.length > 0) return 'handed_off';
  return status;
}

const URGENCY_RANK: Readonly<Record<MeetingStatus, number>> = {
  signing: 0,
  handoff: 1,
  live: 2,
  handed_off: 3,
  preparing: 4,
};

/**
 * Meetings in the order the 签批 and 交办导出 screens offer them: those waiting for signatures first, then those
 * waiting for handoff — each the oldest first, whose two-day window ends soonest — then the one in progress,
 * then those handed over (newest first), then those still being prepared (soonest first).
 */
export function meetingsByUrgency<T extends Pick<Meeting, 'status' | 'date' | 'startTime'>>(
  meetings: readonly T[],
): T[] {
  const key = (m: T) => `${m.date} ${m.startTime}`;
  return [...meetings].sort((a, b) => {
    const rank = URGENCY_RANK[a.status] - URGENCY_RANK[b.status];
    if (rank !== 0) return rank;
    const newestFirst = a.status === 'handed_off';
    return newestFirst ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b));
  });
}

/** True while a meeting's assignments wait for the secretary or the leader (待签批 or 待交办). */
export const isWaiting = (status: MeetingStatus): boolean => status === 'signing' || status === 'handoff';

/** A meeting's status as lists show it: 已交办, or 无交办事项 for one closed with nothing to hand over. */
export function meetingStatusText(m: Pick<Meeting, 'status' | 'noAssignmentsAt'>): string {
  return m.status === 'handed_off' && m.noAssignmentsAt !== undefined
    ? '无交办事项'
    : MEETING_STATUS_LABEL[m.status];
}
