/**
 * A meeting's status after the meeting, from its assignments: 待签批 while any draft waits for the leader,
 * 待交办 while any signed sheet waits to be handed over, 已交办 once every item left the federation (or was
 * 转报上级). One rule, applied in the same transaction as the assignment change that moves it.
 */
import type { Assignment, MeetingStatus } from './types';

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
