// How a number opens its list: the statistics screen provides the opener, every number button injects it.
import { inject, type InjectionKey } from 'vue';
import type { DrillAsk } from '../../stores/statistics';

export const OPEN_DRILL: InjectionKey<(ask: DrillAsk) => void> = Symbol('open-drill');

/** The screen's opener (a no-op outside it). */
export const useDrill = (): ((ask: DrillAsk) => void) => inject(OPEN_DRILL, () => undefined);
