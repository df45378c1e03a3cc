// How 统计分析 names its shares: the figure, what is above and below the line, and the unit — one place for the
// figure cards, the ranking and the 全市汇总, so a share reads the same wherever it opens its records.
import type { Statistics } from '../../shared/domain/statistics';

export type ShareKey = 'onTime' | 'closed' | 'satisfied' | 'satisfiedOrBasic';

export interface ShareName {
  label: string;
  parts: [top: string, bottom: string];
  unit: string;
}

export const SHARE_NAMES: Readonly<Record<ShareKey, ShareName>> = {
  onTime: { label: '按时反馈率', parts: ['按期答复', '到期'], unit: '件次' },
  closed: { label: '办结率', parts: ['已办结', '交办'], unit: '件' },
  satisfied: { label: '满意率', parts: ['满意', '回访'], unit: '件' },
  satisfiedOrBasic: { label: '满意率（含基本满意）', parts: ['满意及基本满意', '回访'], unit: '件' },
};

/** The counts there are, as Statistics holds them. */
export type CountKey = {
  [K in keyof Statistics]: Statistics[K] extends { refs: unknown; value: number } ? K : never;
}[keyof Statistics];
