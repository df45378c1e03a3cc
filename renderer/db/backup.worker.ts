// The backup worker: dumps, checks and restores off the main thread (./backup-jobs.ts), so a backup taken while the
// secretary types, or a ten-year restore, never freezes the screen.
import type { ReadBackup } from '../../shared/backup/backup-file';
import { executeJob, type BackupJob } from './backup-jobs';

const checked = new Map<string, ReadBackup>();

self.onmessage = (event: MessageEvent<{ id: number; job: BackupJob }>) => {
  const { id, job } = event.data;
  executeJob(job, checked).then(
    (result) => {
      const transfer = result.op === 'dump' ? [result.bytes.buffer as ArrayBuffer] : [];
      self.postMessage({ id, ok: true, result }, { transfer });
    },
    (error: unknown) =>
      self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
};
