// What the backup worker is asked and how it answers (./backup.worker.ts runs `executeJob`; where there are no
// workers — unit tests — ./backup.ts runs it inline).
import Dexie from 'dexie';
import { readBackup, type BackupHeader, type ReadBackup } from '../../shared/backup/backup-file';
import type { AuditVerdict } from '../../shared/domain/integrity';
import type { DocNumberLedger } from '../../shared/domain/doc-number';
import type { BackupSummary } from '../../shared/ipc/contract';
import { DeskDb } from './desk-db';
import { dumpDatabase, packDump, restoreBlocker, restoreInto, summarize } from './backup-core';

export type BackupJob =
  | { op: 'dump'; dbName: string; appVersion: string; createdAt: number; highWater: DocNumberLedger }
  | { op: 'inspect'; dbName: string; bytes: Uint8Array }
  | {
      op: 'restore';
      dbName: string;
      token: string;
      highWater: DocNumberLedger;
      /** The database could not be opened: delete it and build it anew from the backup. */
      fresh?: boolean;
    };

/** A checked backup, as the restore preview shows it. */
export type Inspected =
  | {
      ok: true;
      token: string;
      header: BackupHeader;
      summary: BackupSummary;
      audit: AuditVerdict;
      /** Why it cannot go into this database. */
      blocker?: string;
    }
  | { ok: false; error: string };

export type BackupJobResult =
  | {
      op: 'dump';
      bytes: Uint8Array;
      summary: BackupSummary;
      docNumberHighWater: DocNumberLedger;
      schemaVersion: number;
    }
  | ({ op: 'inspect' } & Inspected)
  | { op: 'restore'; ledger: DocNumberLedger; auditHead: BackupHeader['auditHead'] };

/** Run one job; `checked` keeps the backups that passed `inspect` until they are restored. */
export async function executeJob(job: BackupJob, checked: Map<string, ReadBackup>): Promise<BackupJobResult> {
  if (job.op === 'dump') {
    const db = new Dexie(job.dbName);
    try {
      const dump = await dumpDatabase(db);
      return {
        op: 'dump',
        bytes: await packDump(dump, job),
        summary: dump.summary,
        docNumberHighWater: dump.docNumberHighWater,
        schemaVersion: dump.schemaVersion,
      };
    } finally {
      db.close();
    }
  }
  if (job.op === 'inspect') {
    const outcome = await readBackup(job.bytes);
    if (!outcome.ok) return { op: 'inspect', ok: false, error: outcome.error };
    const db = new DeskDb(job.dbName);
    const blocker = restoreBlocker(db, outcome.backup);
    db.close();
    checked.clear();
    const token = crypto.randomUUID();
    checked.set(token, outcome.backup);
    return {
      op: 'inspect',
      ok: true,
      token,
      header: outcome.backup.header,
      summary: summarize(outcome.backup.tables),
      audit: outcome.backup.audit,
      ...(blocker ? { blocker } : {}),
    };
  }
  const backup = checked.get(job.token);
  if (!backup) throw new Error('请重新选择备份文件');
  if (job.fresh) await Dexie.delete(job.dbName);
  const db = new DeskDb(job.dbName);
  try {
    const ledger = await restoreInto(db, backup, job.highWater);
    checked.delete(job.token);
    return { op: 'restore', ledger, auditHead: backup.header.auditHead };
  } finally {
    db.close();
  }
}
