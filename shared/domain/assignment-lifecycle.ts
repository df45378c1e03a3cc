/**
 * The 交办件 life cycle (docs/architecture.md, "Glossary") as an explicit state machine, so that every screen and every import
 * agrees on which step may follow which.
 */
import type { AssignmentStatus } from './types';
import { ASSIGNMENT_STATUS_LABEL } from './labels';

export { ASSIGNMENT_STATUS_LABEL } from './labels';

/** What can happen to an assignment. */
export type AssignmentEvent =
  | 'sign'
  | 'resign'
  | 'hand_off'
  | 'progress'
  | 'extend'
  | 'urge'
  | 'reply'
  | 'evaluate'
  | 'close'
  | 'redo'
  | 'escalate'
  | 'write_off';

/** Every event, in the order the life cycle normally meets them. */
export const ASSIGNMENT_EVENTS: readonly AssignmentEvent[] = [
  'sign',
  'resign',
  'hand_off',
  'progress',
  'extend',
  'urge',
  'reply',
  'evaluate',
  'close',
  'redo',
  'escalate',
  'write_off',
];

/** Chinese names of the events, as buttons and error messages say them. */
export const ASSIGNMENT_EVENT_LABEL: Readonly<Record<AssignmentEvent, string>> = {
  sign: '签批',
  resign: '修改并重新签批',
  hand_off: '交办',
  progress: '记录进展',
  extend: '延期',
  urge: '催办',
  reply: '答复',
  evaluate: '回访',
  close: '办结',
  redo: '重办',
  escalate: '转报上级',
  write_off: '销号',
};

/**
 * The whole machine: for each state, the events it accepts and where each leads.
 * While a reply is awaited (已交办, 重办中, 已转报) the item takes 进展, 延期 and 催办 without changing state; the
 * reply moves it to 已答复, the 回访 to 已回访, whose verdict the caller follows with 办结 (满意 / 基本满意, or the
 * enterprise accepts the explanation) or 重办 (不满意: the same 文号, the next round). 转报上级 hands the item to the
 * level above, whose reply is recorded the same way. Once 办结 only 销号 is left, and 已销号 accepts nothing.
 */
export const ASSIGNMENT_TRANSITIONS: Readonly<
  Record<AssignmentStatus, Readonly<Partial<Record<AssignmentEvent, AssignmentStatus>>>>
> = {
  draft: { sign: 'signed', escalate: 'escalated' },
  signed: { resign: 'draft', hand_off: 'handed_off', escalate: 'escalated' },
  handed_off: {
    progress: 'handed_off',
    extend: 'handed_off',
    urge: 'handed_off',
    reply: 'replied',
    escalate: 'escalated',
  },
  replied: { evaluate: 'evaluated', escalate: 'escalated' },
  evaluated: { close: 'closed', redo: 'redo' },
  redo: {
    hand_off: 'handed_off',
    progress: 'redo',
    extend: 'redo',
    urge: 'redo',
    reply: 'replied',
    escalate: 'escalated',
  },
  escalated: { progress: 'escalated', extend: 'escalated', urge: 'escalated', reply: 'replied' },
  closed: { write_off: 'written_off' },
  written_off: {},
};

/** Thrown by `transition` when the event is not allowed in the current state. */
export class IllegalTransitionError extends Error {
  /** The state the assignment was in. */
  readonly from: AssignmentStatus;
  /** The event that was refused. */
  readonly event: AssignmentEvent;

  constructor(from: AssignmentStatus, event: AssignmentEvent) {
    super(
      `交办件状态“${ASSIGNMENT_STATUS_LABEL[from] ?? String(from)}”不能执行“${ASSIGNMENT_EVENT_LABEL[event] ?? String(event)}”`,
    );
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.event = event;
  }
}

/** True when `event` is allowed in state `from`. */
export function canTransition(from: AssignmentStatus, event: AssignmentEvent): boolean {
  return nextStatus(from, event) !== undefined;
}

/** The state after `event`; throws `IllegalTransitionError` when the event is not allowed. */
export function transition(from: AssignmentStatus, event: AssignmentEvent): AssignmentStatus {
  const next = nextStatus(from, event);
  if (next === undefined) throw new IllegalTransitionError(from, event);
  return next;
}

/** The events allowed in state `from`, in `ASSIGNMENT_EVENTS` order. */
export function allowedEvents(from: AssignmentStatus): AssignmentEvent[] {
  return ASSIGNMENT_EVENTS.filter((event) => canTransition(from, event));
}

/** True once no event can move the assignment any more (已销号). */
export function isTerminal(status: AssignmentStatus): boolean {
  return allowedEvents(status).length === 0;
}

/**
 * True when a 交办单 may be produced: the leader has signed and the item is still in the local loop.
 * A draft has no signature yet; an escalated item is handled by the level above, not by our departments.
 */
export function isExportable(status: AssignmentStatus): boolean {
  return (
    status !== 'draft' &&
    status !== 'escalated' &&
    status !== 'written_off' &&
    Object.hasOwn(ASSIGNMENT_TRANSITIONS, status)
  );
}

// Own-property lookup only: a status or event read from stored data could be any string, and
// `ASSIGNMENT_TRANSITIONS['toString']` must not count as a state.
function nextStatus(from: AssignmentStatus, event: AssignmentEvent): AssignmentStatus | undefined {
  if (!Object.hasOwn(ASSIGNMENT_TRANSITIONS, from)) return undefined;
  const row = ASSIGNMENT_TRANSITIONS[from];
  return Object.hasOwn(row, event) ? row[event] : undefined;
}

/**
 * Why a 交办单 may not be produced for an assignment, or undefined when it may: unsigned, out of the local
 * loop, or its signature no longer holds (`problem`, the label of the integrity check: 签批后已修改 …).
 * A tampered item is never exported as signed, whatever its status says.
 */
export function exportBlocker(status: AssignmentStatus, problem?: string): string | undefined {
  if (status === 'draft') return '尚未签批，不能导出交办单';
  if (!isExportable(status))
    return `交办件状态“${ASSIGNMENT_STATUS_LABEL[status] ?? String(status)}”不能导出交办单`;
  if (problem) return `${problem}，不能作为已签批交办单导出，请修改并重新签批`;
  return undefined;
}
