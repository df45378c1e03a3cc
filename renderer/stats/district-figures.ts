// 全市汇总's columns: the figures every district's exchange package carries, with how this district's own figures
// (computed here) give the same numbers, and which of a package's item lists (`in`) stand behind each number.
import type { Rate, Refs, Statistics } from '../../shared/domain/statistics';
import type { ItemFigure, PackageBody } from '../../shared/exchange/monthly-package';
import { SHARE_NAMES, type CountKey, type ShareKey, type ShareName } from './figure-names';

export type Figures = PackageBody['figures'];
type FigureCount = Extract<
  CountKey,
  { [K in keyof Figures]: Figures[K] extends number ? K : never }[keyof Figures]
>;

/** A column of counts: the package's number, this district's count, the items behind it in a package. */
export interface CountColumn {
  type: 'count';
  key: FigureCount;
  label: string;
  unit: string;
  /** The package's item list behind the number; none for meetings, enterprises and demands (not carried). */
  items?: ItemFigure;
}
/** A column of shares: numerator and denominator, each with its items. */
export interface ShareColumn extends ShareName {
  type: 'share';
  key: ShareKey;
  items: [top: ItemFigure, bottom: ItemFigure];
}
export type DistrictColumn = CountColumn | ShareColumn | { type: 'days'; key: 'replyDays'; label: string };

const share = (key: ShareKey, items: ShareColumn['items']): ShareColumn => ({
  type: 'share',
  key,
  ...SHARE_NAMES[key],
  items,
});

export const DISTRICT_COLUMNS: readonly DistrictColumn[] = [
  { type: 'count', key: 'meetings', label: '会议', unit: '场' },
  { type: 'count', key: 'enterprises', label: '接待企业', unit: '家' },
  { type: 'count', key: 'demands', label: '诉求', unit: '件' },
  { type: 'count', key: 'handedOff', label: '交办', unit: '件', items: 'handedOff' },
  share('onTime', ['onTime', 'dueInPeriod']),
  { type: 'count', key: 'overdue', label: '逾期', unit: '件次', items: 'overdue' },
  share('closed', ['closed', 'handedOff']),
  share('satisfied', ['satisfied', 'evaluated']),
  share('satisfiedOrBasic', ['satisfiedOrBasic', 'evaluated']),
  { type: 'days', key: 'replyDays', label: '平均答复用时' },
  { type: 'count', key: 'redo', label: '重办', unit: '次', items: 'redo' },
  { type: 'count', key: 'escalated', label: '转报', unit: '件', items: 'escalated' },
];

const COUNT_KEYS = [
  'meetings',
  'enterprises',
  'speakers',
  'demands',
  'onSite',
  'assigned',
  'escalatedOnSite',
  'handedOff',
  'overdue',
  'unsatisfied',
  'redo',
  'escalated',
] as const satisfies readonly FigureCount[];
const SHARE_KEYS = [
  'onTime',
  'closed',
  'satisfied',
  'satisfiedOrBasic',
] as const satisfies readonly ShareKey[];

/** This district's statistics as a package's figures, so they add up with the others'. */
export function figuresOf(s: Statistics): Figures {
  const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, s[k].value]));
  const shares = Object.fromEntries(
    SHARE_KEYS.map((k) => [k, { numerator: s[k].numerator, denominator: s[k].denominator }]),
  );
  return {
    ...counts,
    ...shares,
    replyDays: { totalWorkingDays: s.averageReplyDays.totalDays, replies: s.averageReplyDays.replies },
  } as Figures;
}

/** The records behind this district's number in a column (the share's numerator or denominator). */
export function ownRefs(s: Statistics, column: DistrictColumn, part: 0 | 1 = 0): Refs {
  if (column.type === 'days') return s.averageReplyDays.refs;
  if (column.type === 'count') return s[column.key].refs;
  const share: Rate = s[column.key];
  return part === 0 ? share.refs : share.base;
}

/** A share of a package's figures as a fraction (undefined when nothing is below the line). */
export const shareValue = (f: { numerator: number; denominator: number }): number | undefined =>
  f.denominator === 0 ? undefined : f.numerator / f.denominator;

/** Average working days to reply, one decimal (undefined without replies). */
export const averageDays = (f: Figures['replyDays']): number | undefined =>
  f.replies === 0 ? undefined : Math.round((f.totalWorkingDays / f.replies) * 10) / 10;
