/**
 * Which automatic backups to keep, and what they are called. The same rules serve main (a `backups/` folder beside
 * the user data) and the browser build (the origin's private file system), so both keep the same set:
 * the 20 newest, the newest of each day for the last 30 days and the newest of each month for the last 12 —
 * about 60 files, a year's reach with the last weeks close together. Days and months are China time.
 */
import { toIsoDate } from '../domain/workdays';
import type { EpochMs } from '../domain/types';

/** Why a backup was made. */
export const BACKUP_REASONS = ['auto', 'manual', 'quit', 'upgrade', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How each reason reads in the list of backups. */
export const BACKUP_REASON_LABEL: Record<BackupReason, string> = {
  auto: '自动',
  manual: '手动',
  quit: '退出时',
  upgrade: '升级前',
  'before-restore': '恢复前',
};

/** The keeping rules. */
export interface RotationPolicy {
  newest: number;
  days: number;
  months: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { newest: 20, days: 30, months: 12 };

/** A backup as the rotation sees it. */
export interface RotatedBackup {
  id: string;
  createdAt: EpochMs;
}

const DAY_MS = 86_400_000;

/**
 * The ids to delete so that only the kept set remains. Never deletes the newest backup, whatever the clock says
 * (a machine whose date jumped back must not lose its only recent copy).
 */
export function backupsToDelete(
  backups: readonly RotatedBackup[],
  now: EpochMs,
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const byNewest = [...backups].sort(newestFirst);
  const keep = new Set(byNewest.slice(0, Math.max(1, policy.newest)).map((b) => b.id));
  const today = toIsoDate(now);
  const firstDay = toIsoDate(now - (policy.days - 1) * DAY_MS);
  const thisMonth = monthIndex(today);
  const seenDays = new Set<string>();
  const seenMonths = new Set<number>();
  for (const b of byNewest) {
    const day = toIsoDate(b.createdAt);
    if (day >= firstDay && day <= today && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.id);
    }
    const month = monthIndex(day);
    if (month > thisMonth - policy.months && month <= thisMonth && !seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(b.id);
    }
  }
  return byNewest.filter((b) => !keep.has(b.id)).map((b) => b.id);
}

/** The `-2`, `-3` … a name carries when a second came twice (1 without). */
const suffixOf = (id: string): number => Number(BACKUP_FILE_NAME.exec(id)?.[3] ?? 1);

/** Order backups newest first; within one second, by the suffix the later one got. */
export function newestFirst(a: RotatedBackup, b: RotatedBackup): number {
  return b.createdAt - a.createdAt || suffixOf(b.id) - suffixOf(a.id) || (a.id < b.id ? 1 : -1);
}

const monthIndex = (isoDate: string): number =>
  Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;

/** Names of backup files: `kentan-20261130-175730-auto.kentan` (China time), `-2` … when a second comes twice. */
export const BACKUP_FILE_NAME = /^kentan-(\d{8})-(\d{6})(?:-(\d{1,3}))?-([a-z-]{4,14})\.kentan$/;

/** The file name for a backup made at `at` for `reason`; `n` tells apart two in the same second. */
export function backupFileName(at: EpochMs, reason: BackupReason, n = 0): string {
  const d = new Date(at + 8 * 3_600_000);
  const two = (x: number) => String(x).padStart(2, '0');
  const date = `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
  return `kentan-${date}-${time}${n > 0 ? `-${n + 1}` : ''}-${reason}.kentan`;
}

/** What a backup's file name says (time to the second, reason), or undefined for a name that is not ours. */
export function parseBackupFileName(name: string): { createdAt: EpochMs; reason: BackupReason } | undefined {
  const m = BACKUP_FILE_NAME.exec(name);
  if (!m) return undefined;
  const [, date = '', time = '', , reason = ''] = m;
  if (!(BACKUP_REASONS as readonly string[]).includes(reason)) return undefined;
  const at = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(4, 6)) - 1,
    Number(date.slice(6, 8)),
    Number(time.slice(0, 2)) - 8,
    Number(time.slice(2, 4)),
    Number(time.slice(4, 6)),
  );
  return Number.isFinite(at) ? { createdAt: at, reason: reason as BackupReason } : undefined;
}

/** The highest number per year of two ledgers (a 文号 once issued stays used, whichever side remembers it). */
export function higherLedger(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [year, n] of Object.entries(b)) {
    if (!/^\d{4}$/.test(year) || !Number.isSafeInteger(n) || n < 0) continue;
    if (!(year in out) || (out[year] ?? 0) < n) out[year] = n;
  }
  return out;
}
