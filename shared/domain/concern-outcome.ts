/**
 * Where a demand stands after the meeting, so that nothing silently drops out between the table and 拟办:
 * a pre-collected demand never confirmed as raised (未确认), one without a category (未分类), one without a
 * decision (未定 现场解决或需交办), or its disposition. Pure; every screen that lists demands uses it.
 */
import type { Concern, Disposition } from './types';

/** 未确认 / 未分类 / 未定, or the disposition decided. */
export type ConcernOutcome = 'unconfirmed' | 'unclassified' | 'undecided' | Disposition;

/** Chinese names of the outcomes, as lists and warnings show them. */
export const CONCERN_OUTCOME_LABEL: Readonly<Record<ConcernOutcome, string>> = {
  unconfirmed: '未确认',
  unclassified: '未分类',
  undecided: '未定',
  resolved_on_site: '现场解决',
  assign: '需交办',
  escalate: '转报上级',
};

/** What the secretary still has to do for a demand with this outcome, or undefined when nothing. */
export const CONCERN_OUTCOME_HINT: Readonly<Partial<Record<ConcernOutcome, string>>> = {
  unconfirmed: '会前收集的诉求，会上没有确认是否提出',
  unclassified: '还没有选择问题类别',
  undecided: '还没有定为现场解决或需交办',
};

/** The outcome of one demand. */
export function concernOutcome(
  c: Pick<Concern, 'precollected' | 'confirmedAt' | 'category' | 'disposition'>,
): ConcernOutcome {
  if (c.disposition) return c.category.trim() === '' ? 'unclassified' : c.disposition;
  if (c.precollected && c.confirmedAt === undefined) return 'unconfirmed';
  if (c.category.trim() === '') return 'unclassified';
  return 'undecided';
}

/** True when the demand still waits for the secretary (未确认, 未分类 or 未定). */
export function isOpenOutcome(outcome: ConcernOutcome): boolean {
  return outcome === 'unconfirmed' || outcome === 'unclassified' || outcome === 'undecided';
}

/** The demands of a meeting that have no outcome yet, each with why, in their order. */
export function concernsWithoutOutcome<
  T extends Pick<Concern, 'precollected' | 'confirmedAt' | 'category' | 'disposition'>,
>(concerns: readonly T[]): Array<{ concern: T; outcome: ConcernOutcome }> {
  return concerns
    .map((concern) => ({ concern, outcome: concernOutcome(concern) }))
    .filter((x) => isOpenOutcome(x.outcome));
}
