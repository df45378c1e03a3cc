// Dumping the database into a `.kentan` backup and restoring one, as plain functions over a Dexie database. They run
// in a Web Worker (./backup.worker.ts), so a ten-year dump never holds the secretary's typing; tests call them
// directly over fake-indexeddb.
//
// The dump reads every table in short read-only slices by primary key (a write — an Enter in the minutes — never
// waits behind one long read), the audit log last. A signature or follow-up step made while the dump ran appends an
// audit record: then the dump is taken again, so a backup never holds a signed item without its record.
//
// The restore replaces every table in ONE read-write transaction: either the whole backup is in the database, or
// nothing changed. The 文号 ledger it leaves is the highest of the backup's ledger, the numbers in its assignments,
// the backup's stated high-water mark and the mark kept outside the database, so no 文号 already printed is
// issued again.
import type Dexie from 'dexie';
import { type Table } from 'dexie';
import { buildBackup, type BackupTables, type ReadBackup } from '../../shared/backup/backup-file';
import { higherLedger } from '../../shared/backup/rotation';
import { reserveAfterImport, type DocNumberLedger } from '../../shared/domain/doc-number';
import type { BackupSummary } from '../../shared/ipc/contract';

/** Rows per read-only slice while dumping. */
const SLICE = 2000;
/** The settings key of the 文号 ledger (renderer/db/repositories/sign-offs.ts). */
export const LEDGER_KEY = 'docNumberLedger';

type Row = Record<string, unknown>;

/** Every row of a table, slice by slice in primary-key order, each slice its own short transaction. */
async function readTable(db: Dexie, table: Table): Promise<Row[]> {
  const rows: Row[] = [];
  let last: unknown;
  for (;;) {
    const slice = (await db.transaction('r', table, () =>
      (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(SLICE).toArray(),
    )) as Row[];
    rows.push(...slice);
    if (slice.length < SLICE) return rows;
    last = table.schema.primKey.keyPath ? pick(slice.at(-1), table.schema.primKey.keyPath) : undefined;
    if (last === undefined) return rows;
  }
}

const pick = (row: Row | undefined, keyPath: string | string[]): unknown =>
  row === undefined ? undefined : Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath];

async function auditHeadSeq(db: Dexie): Promise<number> {
  if (!db.tables.some((t) => t.name === 'auditLog')) return 0;
  const last = (await db.table('auditLog').orderBy(':id').last()) as { seq?: number } | undefined;
  return last?.seq ?? 0;
}

/** What the list of backups and the restore preview show about a set of tables. */
export function summarize(tables: BackupTables): BackupSummary {
  const meetings = (tables['meetings'] ?? []).filter((m) => m['deletedAt'] === undefined);
  const dates = meetings
    .map((m) => m['heldOn'] ?? m['date'])
    .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  return {
    meetings: meetings.length,
    assignments: (tables['assignments'] ?? []).length,
    signOffs: (tables['signOffs'] ?? []).length,
    followUps: (tables['followUps'] ?? []).length,
    enterprises: (tables['enterprises'] ?? []).length,
    ...(dates.length ? { firstDate: dates[0], lastDate: dates.at(-1) } : {}),
  };
}

/** The highest 文号 per year the tables know of: the ledger, and every number on an assignment. */
export function ledgerOf(tables: BackupTables): DocNumberLedger {
  const setting = (tables['settings'] ?? []).find((s) => s['key'] === LEDGER_KEY)?.['value'];
  const ledger = higherLedger(
    {},
    (typeof setting === 'object' && setting !== null ? setting : {}) as DocNumberLedger,
  );
  const numbers = (tables['assignments'] ?? [])
    .map((a) => a['docNumber'])
    .filter((n): n is string => typeof n === 'string');
  return reserveAfterImport(ledger, numbers);
}

/** A database read out whole. */
export interface Dump {
  tables: BackupTables;
  schemaVersion: number;
  summary: BackupSummary;
  docNumberHighWater: DocNumberLedger;
}

/** Read every table (again if an audited change landed meanwhile, at most three times). */
export async function dumpDatabase(db: Dexie): Promise<Dump> {
  if (!db.isOpen()) await db.open();
  let tables: BackupTables = {};
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const before = await auditHeadSeq(db);
    tables = {};
    const ordered = [...db.tables].sort(
      (a, b) => Number(a.name === 'auditLog') - Number(b.name === 'auditLog'),
    );
    for (const table of ordered) tables[table.name] = await readTable(db, table);
    const log = tables['auditLog'] ?? [];
    const after = (log.at(-1)?.['seq'] as number | undefined) ?? 0;
    if (after === before) break;
  }
  return {
    tables,
    schemaVersion: db.verno,
    summary: summarize(tables),
    docNumberHighWater: ledgerOf(tables),
  };
}

/** A dump packed as a `.kentan` file. */
export async function packDump(
  dump: Dump,
  meta: { appVersion: string; createdAt: number; highWater: DocNumberLedger },
): Promise<Uint8Array> {
  return buildBackup(dump.tables, {
    appVersion: meta.appVersion,
    schemaVersion: dump.schemaVersion,
    createdAt: meta.createdAt,
    docNumberHighWater: higherLedger(dump.docNumberHighWater, meta.highWater),
  });
}

/** Why a checked backup cannot go into this database, or undefined when it can. */
export function restoreBlocker(db: Dexie, backup: ReadBackup): string | undefined {
  if (backup.header.schemaVersion > db.verno)
    return '备份来自更新版本的恳谈会务台（数据结构更新），请先升级本程序再恢复';
  const known = new Set(db.tables.map((t) => t.name));
  const unknown = Object.keys(backup.tables).filter((name) => !known.has(name));
  if (unknown.length) return `备份含有本程序不认识的数据表：${unknown.join('、')}`;
  return undefined;
}

/**
 * Replace the whole database with a checked backup, in one transaction. Returns the 文号 ledger now in force.
 * `highWater` is the mark kept outside the database.
 */
export async function restoreInto(
  db: Dexie,
  backup: ReadBackup,
  highWater: DocNumberLedger,
): Promise<DocNumberLedger> {
  const blocker = restoreBlocker(db, backup);
  if (blocker) throw new Error(blocker);
  if (!db.isOpen()) await db.open();
  const ledger = higherLedger(
    higherLedger(ledgerOf(backup.tables), backup.header.docNumberHighWater),
    highWater,
  );
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    for (const table of db.tables) {
      const rows = backup.tables[table.name];
      if (rows?.length) await table.bulkAdd(rows as Row[]);
    }
    await db.table('settings').put({ key: LEDGER_KEY, value: ledger });
  });
  return ledger;
}
