// The database dumped into a .kentan file and restored (renderer/db/backup-core.ts), over fake-indexeddb: the round
// trip as a property over generated databases, the 文号 high-water mark after restoring an older backup, and a backup
// from a newer schema refused.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import 'fake-indexeddb/auto';
import { DeskDb } from '../../renderer/db/desk-db';
import {
  dumpDatabase,
  packDump,
  restoreBlocker,
  restoreInto,
  LEDGER_KEY,
} from '../../renderer/db/backup-core';
import { readBackup } from '../../shared/backup/backup-file';
import { chainAudit } from '../../shared/domain/integrity';
import type { AuditRecord } from '../../shared/domain/types';

const AT = Date.parse('2026-11-30T10:00:00+08:00');
let n = 0;
const opened: DeskDb[] = [];
function newDb(): DeskDb {
  const db = new DeskDb(`backup-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

type Row = Record<string, unknown>;

/** Everything in a database, table by table, in key order. */
async function contents(db: DeskDb): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const t of db.tables) out[t.name] = (await t.toArray()) as Row[];
  return out;
}

async function chain(details: readonly string[]): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for (const [i, detail] of details.entries()) {
    const r = await chainAudit(out.at(-1), {
      at: AT + i,
      action: 'sign',
      entity: 'assignment',
      entityId: `a${i}`,
      detail,
    });
    out.push({ ...r, seq: i + 1 });
  }
  return out;
}

const text = fc.string({
  unit: fc.constantFrom('青', '溪', '区', '企', '业', 'a', '1', ' ', '"', '\n', '😀'),
  maxLength: 12,
});
const meeting = fc.record({
  id: fc.uuid(),
  title: text,
  date: fc
    .date({ min: new Date('2016-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  status: fc.constantFrom('planned', 'held', 'handed_off'),
  hostLeaderIds: fc.array(fc.uuid(), { maxLength: 3 }),
});
const assignment = fc.record({
  id: fc.uuid(),
  meetingId: fc.uuid(),
  enterpriseId: fc.uuid(),
  status: fc.constantFrom('draft', 'signed', 'handed_off', 'closed'),
  docNumber: fc.option(
    fc.integer({ min: 1, max: 999 }).map((k) => `青工商联交〔2026〕${k}号`),
    { nil: undefined },
  ),
  instruction: text,
  concernIds: fc.array(fc.uuid(), { maxLength: 3 }),
});

async function fill(db: DeskDb, meetings: Row[], assignments: Row[], details: string[], ledger: number) {
  await db.open();
  await db.meetings.bulkPut(meetings as never[]);
  await db.assignments.bulkPut(assignments.map((a) => JSON.parse(JSON.stringify(a)) as Row) as never[]);
  await db.auditLog.bulkAdd((await chain(details)) as never[]);
  await db.settings.put({ key: LEDGER_KEY, value: { '2026': ledger } });
}

describe('backup and restore of the database', () => {
  it('restores exactly what was dumped, for any database (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(meeting, { selector: (m) => m.id, maxLength: 8 }),
        fc.uniqueArray(assignment, { selector: (a) => a.id, maxLength: 12 }),
        fc.array(text, { maxLength: 6 }),
        fc.integer({ min: 0, max: 500 }),
        async (meetings, assignments, details, ledger) => {
          const source = newDb();
          await fill(source, meetings, assignments, details, ledger);
          const dump = await dumpDatabase(source);
          const bytes = await packDump(dump, { appVersion: '0.1.0', createdAt: AT, highWater: {} });
          const read = await readBackup(bytes);
          expect(read.ok).toBe(true);
          if (!read.ok) return;
          expect(read.backup.audit.ok).toBe(true);
          const target = newDb();
          await target.open();
          await target.meetings.put({ id: 'stale', title: '恢复前的会议' } as never);
          await restoreInto(target, read.backup, {});
          const [before, after] = await Promise.all([contents(source), contents(target)]);
          // The ledger may only have grown (to the highest number on an item).
          const { settings: s1, ...restBefore } = before;
          const { settings: s2, ...restAfter } = after;
          expect(restAfter).toEqual(JSON.parse(JSON.stringify(restBefore)));
          const ledgerAfter = (s2?.find((s) => s['key'] === LEDGER_KEY)?.['value'] as Record<string, number>)[
            '2026'
          ]!;
          const highest = Math.max(
            ledger,
            ...assignments.map((a) => Number(/〕(\d+)号/.exec(a.docNumber ?? '')?.[1] ?? 0)),
          );
          expect(ledgerAfter).toBe(highest);
          expect(s2?.filter((s) => s['key'] !== LEDGER_KEY)).toEqual(
            s1?.filter((s) => s['key'] !== LEDGER_KEY),
          );
        },
      ),
      { numRuns: 15 },
    );
  });

  it('an older backup restored keeps the highest 文号 ever issued', async () => {
    const db = newDb();
    await fill(db, [], [{ id: 'a1', docNumber: '青工商联交〔2026〕10号', status: 'signed' }], ['签批'], 10);
    const older = await readBackup(
      await packDump(await dumpDatabase(db), { appVersion: '0.1.0', createdAt: AT, highWater: {} }),
    );
    if (!older.ok) throw new Error(older.error);
    // Since the backup, 11 and 12 were issued; the mark kept outside the database says 12.
    const ledger = await restoreInto(db, older.backup, { '2026': 12, '2025': 40 });
    expect(ledger).toEqual({ '2026': 12, '2025': 40 });
    expect((await db.settings.get(LEDGER_KEY))?.value).toEqual({ '2026': 12, '2025': 40 });
  });

  it('refuses a backup from a newer schema, or with tables this version does not know', async () => {
    const db = newDb();
    await fill(db, [], [], [], 0);
    const read = await readBackup(
      await packDump(await dumpDatabase(db), { appVersion: '0.1.0', createdAt: AT, highWater: {} }),
    );
    if (!read.ok) throw new Error(read.error);
    const newer = { ...read.backup, header: { ...read.backup.header, schemaVersion: db.verno + 1 } };
    expect(restoreBlocker(db, newer)).toMatch(/更新版本/);
    await expect(restoreInto(db, newer, {})).rejects.toThrow(/更新版本/);
    const foreign = { ...read.backup, tables: { ...read.backup.tables, secrets: [{ id: 'x' }] } };
    expect(restoreBlocker(db, foreign)).toBe('备份含有本程序不认识的数据表：secrets');
  });

  it('dumps a table larger than one slice completely and in key order', async () => {
    const db = newDb();
    await db.open();
    const rows = Array.from({ length: 4500 }, (_, i) => ({
      id: `e${String(i).padStart(5, '0')}`,
      name: `企业${i}`,
    }));
    await db.enterprises.bulkAdd(rows as never[]);
    const dump = await dumpDatabase(db);
    expect(dump.tables['enterprises']).toEqual(rows);
    expect(dump.summary.enterprises).toBe(4500);
  });
});
