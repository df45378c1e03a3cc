import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BACKUP_FILE_NAME,
  BACKUP_REASONS,
  DEFAULT_ROTATION,
  backupFileName,
  backupsToDelete,
  higherLedger,
  parseBackupFileName,
  type RotatedBackup,
} from '../../../shared/backup/rotation';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const cst = (iso: string) => Date.parse(`${iso}+08:00`);
/** The China-time date and month of an instant, worked out here rather than with the module's helpers. */
const chinaDay = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 10);
const chinaMonth = (at: number) => chinaDay(at).slice(0, 7);

describe('backupFileName / parseBackupFileName', () => {
  it('names a backup by its China time to the second and its reason', () => {
    expect(backupFileName(cst('2026-11-30T17:57:30.999'), 'auto')).toBe('kentan-20261130-175730-auto.kentan');
    // 16:30 UTC is already the next day (and month) in China.
    expect(backupFileName(Date.parse('2026-11-30T16:30:05Z'), 'before-restore')).toBe(
      'kentan-20261201-003005-before-restore.kentan',
    );
    expect(backupFileName(cst('2027-01-01T00:00:00'), 'quit')).toBe('kentan-20270101-000000-quit.kentan');
  });

  it('tells apart two backups in the same second by a -2, -3 … suffix', () => {
    const at = cst('2026-11-30T09:05:07');
    expect(backupFileName(at, 'manual', 1)).toBe('kentan-20261130-090507-2-manual.kentan');
    expect(backupFileName(at, 'manual', 2)).toBe('kentan-20261130-090507-3-manual.kentan');
    expect(parseBackupFileName('kentan-20261130-090507-2-manual.kentan')).toEqual({
      createdAt: at,
      reason: 'manual',
    });
  });

  it('reads back the second and the reason of every name it makes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }),
        fc.constantFrom(...BACKUP_REASONS),
        fc.integer({ min: 0, max: 998 }),
        (at, reason, n) => {
          const name = backupFileName(at, reason, n);
          expect(name).toMatch(BACKUP_FILE_NAME);
          expect(parseBackupFileName(name)).toEqual({ createdAt: at - (at % 1000), reason });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('says undefined for names that are not ours', () => {
    for (const name of [
      'state.json',
      'notes.txt',
      '',
      'kentan-20261130-175730-auto.kentan.tmp',
      '.kentan-20261130-175730-auto.kentan.kentan-1a2b3c4d.tmp',
      '.0123456789ab.kentan-tmp',
      'kentan-20261130-175730-hourly.kentan',
      'kentan-20261130-175730-AUTO.kentan',
      'KENTAN-20261130-175730-auto.kentan',
      'kentan-2026113-175730-auto.kentan',
      'kentan-20261130-17573-auto.kentan',
      'kentan-20261130-175730-1000-auto.kentan',
      'kentan-20261130-175730-auto.zip',
      'kentan-20261130-175730-auto.kentan/../..',
      '../kentan-20261130-175730-auto.kentan',
      'C:\\kentan-20261130-175730-auto.kentan',
      'kentan-20261130-175730-auto.kentan\n',
    ]) {
      expect(parseBackupFileName(name), JSON.stringify(name)).toBeUndefined();
    }
  });
});

describe('backupsToDelete', () => {
  const NOW = cst('2026-11-30T23:00:00');
  const at = (id: string, iso: string): RotatedBackup => ({ id, createdAt: cst(iso) });

  it('deletes nothing when there is nothing to drop, and never the newest', () => {
    expect(backupsToDelete([], NOW)).toEqual([]);
    // A single backup five years old is the only copy: it stays.
    expect(backupsToDelete([at('old', '2021-06-01T10:00:00')], NOW)).toEqual([]);
    // Even a policy keeping nothing keeps the newest.
    const none = { newest: 0, days: 0, months: 0 };
    expect(
      backupsToDelete([at('a', '2020-01-01T10:00:00'), at('b', '2020-02-01T10:00:00')], NOW, none),
    ).toEqual(['a']);
  });

  it('keeps the 20 newest when the clock jumped back behind every backup', () => {
    const future = Array.from({ length: 30 }, (_, i) => ({
      id: `f${i}`,
      createdAt: NOW + (i + 1) * DAY * 40,
    }));
    expect(backupsToDelete(future, NOW).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `f${i}`).sort());
  });

  it('keeps the newest of each day for 30 days and of each month for 12, China time', () => {
    const backups = [
      // Today: many, more than the 20 newest.
      ...Array.from({ length: 22 }, (_, i) =>
        at(`today-${i}`, `2026-11-30T${String(i).padStart(2, '0')}:30:00`),
      ),
      // Day 30 (the first day of the window) and day 31 (outside it) counted back from today.
      at('day30-early', '2026-11-01T08:00:00'),
      at('day30-late', '2026-11-01T20:00:00'),
      at('day31', '2026-10-31T08:00:00'),
      at('oct-early', '2026-10-02T08:00:00'),
      // 2026-10-31 23:30 China time is 15:30 UTC the same day: still October.
      { id: 'oct-last', createdAt: Date.parse('2026-10-31T15:30:00Z') },
      // A month 11 back (December 2025) is in; one 12 back (November 2025) is not.
      at('dec-2025-a', '2025-12-03T08:00:00'),
      at('dec-2025-b', '2025-12-30T08:00:00'),
      at('nov-2025', '2025-11-29T08:00:00'),
    ];
    // The 20 newest are today-2 … today-21; today-0 and today-1 are not the newest of their day or month.
    expect(backupsToDelete(backups, NOW).sort()).toEqual(
      ['today-0', 'today-1', 'day30-early', 'day31', 'oct-early', 'dec-2025-a', 'nov-2025'].sort(),
    );
  });

  it('keeps exactly the newest 20, the newest of each recent day and of each recent month (property)', () => {
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) });
    const sets = instant.chain((now) =>
      fc.record({
        now: fc.constant(now),
        times: fc.uniqueArray(fc.integer({ min: now - 800 * DAY, max: now + 3 * DAY }), {
          maxLength: 150,
        }),
      }),
    );
    fc.assert(
      fc.property(sets, ({ now, times }) => {
        const backups = times.map((createdAt, i) => ({ id: `b${String(i).padStart(3, '0')}`, createdAt }));
        const deleted = backupsToDelete(backups, now);
        expect(new Set(deleted).size).toBe(deleted.length);
        const kept = new Set(backups.map((b) => b.id).filter((id) => !deleted.includes(id)));
        expect(kept.size + deleted.length).toBe(backups.length);
        if (backups.length > 0) expect(kept.size).toBeGreaterThan(0);
        expect(kept.size).toBeLessThanOrEqual(
          DEFAULT_ROTATION.newest + DEFAULT_ROTATION.days + DEFAULT_ROTATION.months,
        );

        const byNewest = [...backups].sort((a, b) => b.createdAt - a.createdAt);
        const newest = byNewest.slice(0, 20).map((b) => b.id);
        const firstDay = chinaDay(now - 29 * DAY);
        const today = chinaDay(now);
        const months = new Set(
          Array.from({ length: 12 }, (_, k) => {
            const d = new Date(now + 8 * HOUR);
            return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - k, 1)).toISOString().slice(0, 7);
          }),
        );
        const newestOfDay = new Map<string, string>();
        const newestOfMonth = new Map<string, string>();
        for (const b of byNewest) {
          const day = chinaDay(b.createdAt);
          if (day >= firstDay && day <= today && !newestOfDay.has(day)) newestOfDay.set(day, b.id);
          const month = chinaMonth(b.createdAt);
          if (months.has(month) && !newestOfMonth.has(month)) newestOfMonth.set(month, b.id);
        }
        for (const id of newest) expect(kept.has(id)).toBe(true);
        for (const id of newestOfDay.values()) expect(kept.has(id)).toBe(true);
        for (const id of newestOfMonth.values()) expect(kept.has(id)).toBe(true);
        // And nothing else is kept.
        const justified = new Set([...newest, ...newestOfDay.values(), ...newestOfMonth.values()]);
        for (const id of kept) expect(justified.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('higherLedger', () => {
  it('takes the higher number of each year and never lowers one', () => {
    const a = { '2025': 40, '2026': 14 };
    const b = { '2026': 3, '2027': 1, '2025': 41 };
    expect(higherLedger(a, b)).toEqual({ '2025': 41, '2026': 14, '2027': 1 });
    expect(higherLedger(b, a)).toEqual({ '2025': 41, '2026': 14, '2027': 1 });
    // The inputs are left as they were.
    expect(a).toEqual({ '2025': 40, '2026': 14 });
    expect(b).toEqual({ '2026': 3, '2027': 1, '2025': 41 });
    expect(higherLedger({ '2026': 0 }, { '2026': 0 })).toEqual({ '2026': 0 });
  });

  it('ignores keys that are not a four-digit year and numbers that are negative, fractional or unsafe', () => {
    const a = { '2026': 14 };
    const junk: Record<string, number> = {
      '青工商联交|2026': 99,
      '26': 5,
      '20261': 5,
      abcd: 5,
      ' 2026': 99,
      '2027': -1,
      '2028': 1.5,
      '2029': Number.NaN,
      '2030': Number.POSITIVE_INFINITY,
      '2031': 2 ** 60,
      '2026 ': 99,
    };
    expect(higherLedger(a, junk)).toEqual({ '2026': 14 });
    const proto = JSON.parse('{"__proto__": {"2026": 99}, "constructor": 7}') as Record<string, number>;
    const out = higherLedger(a, proto);
    expect(out).toEqual({ '2026': 14 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('is the per-year maximum over the valid entries (property)', () => {
    const year = fc.integer({ min: 1990, max: 2100 }).map(String);
    const valid = fc.dictionary(year, fc.nat({ max: 1_000_000 }));
    const anyKey = fc.oneof(year, fc.string({ maxLength: 6 }));
    const any = fc.dictionary(anyKey, fc.oneof(fc.integer(), fc.double()));
    fc.assert(
      fc.property(valid, any, (a, b) => {
        const out = higherLedger(a, b);
        const ok = (k: string, n: number) => /^\d{4}$/.test(k) && Number.isSafeInteger(n) && n >= 0;
        const expected: Record<string, number> = { ...a };
        for (const [k, n] of Object.entries(b))
          if (ok(k, n)) expected[k] = Math.max(expected[k] ?? Number.NEGATIVE_INFINITY, n);
        expect(out).toEqual(expected);
        for (const [k, n] of Object.entries(a)) expect(out[k]).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 300 },
    );
  });
});
