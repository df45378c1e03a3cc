// The main thread's side of the backup worker: jobs go to ./backup.worker.ts and come back as promises. Where there
// are no workers (unit tests) the same jobs run inline.
import type { ReadBackup } from '../../shared/backup/backup-file';
import { executeJob, type BackupJob, type BackupJobResult } from './backup-jobs';

export type { Inspected } from './backup-jobs';

type Result<O extends BackupJob['op']> = Extract<BackupJobResult, { op: O }>;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: BackupJobResult) => void; reject: (e: Error) => void }>();

function backupWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./backup.worker.ts', import.meta.url), {
      type: 'module',
      name: 'kentan-backup',
    });
    worker.onmessage = (
      event: MessageEvent<{ id: number; ok: boolean; result?: BackupJobResult; error?: string }>,
    ) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (!waiting) return;
      if (event.data.ok && event.data.result) waiting.resolve(event.data.result);
      else waiting.reject(new Error(event.data.error ?? '备份处理失败'));
    };
    worker.onerror = (event) => {
      for (const w of pending.values()) w.reject(new Error(event.message || '备份处理失败'));
      pending.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

const inline = new Map<string, ReadBackup>();

/** Run a job in the backup worker (inline where there is none); `transfer` moves buffers instead of copying. */
export function runBackupJob<J extends BackupJob>(
  job: J,
  transfer: Transferable[] = [],
): Promise<Result<J['op']>> {
  if (typeof Worker === 'undefined') return executeJob(job, inline) as Promise<Result<J['op']>>;
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve: resolve as (r: BackupJobResult) => void, reject });
    backupWorker().postMessage({ id, job }, { transfer });
  });
}
