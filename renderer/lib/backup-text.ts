// How backups read on screen: when, how large, what they hold.
import { clockOf, chineseDateOf } from '../../shared/docs/format';
import type { BackupSummary } from '../../shared/ipc/contract';

/** 2026年11月30日 17:57 (China time). */
export const whenText = (at: number): string => `${chineseDateOf(at)} ${clockOf(at)}`;

/** 12.3 MB, 640 KB. */
export const sizeText = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** 会议 14 场（2016-03-02 至 2026-11-21）、交办件 30 件 … */
export function holdsText(s: BackupSummary | undefined): string {
  if (!s) return '—';
  const range = s.firstDate && s.lastDate ? `（${s.firstDate} 至 ${s.lastDate}）` : '';
  return `会议 ${s.meetings} 场${range}、交办件 ${s.assignments} 件、企业 ${s.enterprises} 家`;
}
