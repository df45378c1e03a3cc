// The figure cards of 统计分析: which figures, in which group, named and counted in which unit. The definitions are
// shared/domain/statistics.ts's FIGURE_DEFINITIONS, one tap away on each.
import { SHARE_NAMES, type CountKey, type ShareKey, type ShareName } from '../../stats/figure-names';

export type FigureSpec =
  | { type: 'count'; key: CountKey; label: string; unit: string }
  | ({ type: 'share'; key: ShareKey } & ShareName)
  | { type: 'days'; key: 'averageReplyDays'; label: string };

export interface FigureGroupSpec {
  id: string;
  title: string;
  figures: FigureSpec[];
}

const share = (key: ShareKey): FigureSpec => ({ type: 'share', key, ...SHARE_NAMES[key] });

export const FIGURE_GROUPS: readonly FigureGroupSpec[] = [
  {
    id: 'meetings',
    title: '会议与诉求',
    figures: [
      { type: 'count', key: 'meetings', label: '召开会议', unit: '场' },
      { type: 'count', key: 'enterprises', label: '接待企业', unit: '家' },
      { type: 'count', key: 'speakers', label: '企业发言', unit: '人次' },
      { type: 'count', key: 'demands', label: '反映诉求', unit: '件' },
      { type: 'count', key: 'onSite', label: '现场解决', unit: '件' },
      { type: 'count', key: 'assigned', label: '需交办', unit: '件' },
      { type: 'count', key: 'escalatedOnSite', label: '会上转报上级', unit: '件' },
    ],
  },
  {
    id: 'handling',
    title: '交办与办理',
    figures: [
      { type: 'count', key: 'handedOff', label: '交办件', unit: '件' },
      share('onTime'),
      { type: 'count', key: 'overdue', label: '逾期', unit: '件次' },
      share('closed'),
      { type: 'days', key: 'averageReplyDays', label: '平均答复用时' },
      { type: 'count', key: 'redo', label: '重办', unit: '次' },
    ],
  },
  {
    id: 'satisfaction',
    title: '满意度',
    figures: [
      share('satisfied'),
      share('satisfiedOrBasic'),
      { type: 'count', key: 'unsatisfied', label: '不满意', unit: '件' },
    ],
  },
  {
    id: 'escalation',
    title: '转报',
    figures: [{ type: 'count', key: 'escalated', label: '转报上级', unit: '件' }],
  },
];
