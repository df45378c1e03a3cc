// Warming the document code while the secretary has nothing running: once per window, in an idle period, never
// while a meeting is live or on the live or projector screens (the words being typed come first). The module is
// loaded on demand, so start-up does not carry it.
import type { Meeting } from '../../shared/domain/types';

let warmed: Promise<void> | undefined;

/** Whether now is a good time: no meeting live, not on a screen where typing or projection runs. */
export function quietFor(
  routeName: string | undefined,
  meetings: readonly Pick<Meeting, 'status'>[],
): boolean {
  if (routeName === 'live' || routeName === 'live-next' || routeName === 'projector') return false;
  return !meetings.some((m) => m.status === 'live');
}

/** Warm the document code in the next idle period, once, when `quiet()` still holds then. */
export function warmDocumentsWhenIdle(quiet: () => boolean): void {
  if (warmed) return;
  const idle = (fn: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(fn, { timeout: 10_000 })
      : setTimeout(fn, 2_000);
  idle(() => {
    if (warmed || !quiet()) return;
    warmed = import('../../shared/docs/warm-up')
      .then((m) => m.warmUpDocuments())
      .then(
        () => undefined,
        () => undefined,
      );
  });
}
