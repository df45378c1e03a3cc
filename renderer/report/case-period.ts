// Which 典型案例 a period's 以月答卷 prints: an item marked on the board belongs to every period in which something
// happened to it that the report can tell — it was handed over (交办), a reply came in (答复) or the enterprise was
// called back (回访) — read with corrections (a corrected reply date is the date). Marked items of other periods
// stay marked and wait for theirs.
import { effectiveSteps } from '../../shared/domain/follow-up';
import { inPeriod, type Period } from '../../shared/domain/periods';
import { toIsoDate } from '../../shared/domain/workdays';
import type { Assignment, FollowUpStep } from '../../shared/domain/types';

/** What placed an item in the period, in the order it happens. */
export type CaseReason = '交办' | '答复' | '回访';

/** Why the item belongs to the period (empty: it does not). */
export function caseReasons(
  a: Pick<Assignment, 'handedOffAt'>,
  steps: readonly FollowUpStep[],
  period: Pick<Period, 'from' | 'to'>,
): CaseReason[] {
  const out: CaseReason[] = [];
  if (a.handedOffAt !== undefined && inPeriod(toIsoDate(a.handedOffAt), period)) out.push('交办');
  const effective = effectiveSteps(steps).filter((s) => inPeriod(s.on, period));
  if (effective.some((s) => s.kind === 'reply')) out.push('答复');
  if (effective.some((s) => s.kind === 'callback')) out.push('回访');
  return out;
}

/** A period as the settings keep what belongs to it: 2026-11-01~2026-11-30. */
export const periodKey = (period: Pick<Period, 'from' | 'to'>): string => `${period.from}~${period.to}`;
