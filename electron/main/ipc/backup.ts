// desk:backup:* — the backups main keeps, a backup put on a USB stick or into a chosen folder, and a backup file
// the user picks to restore from. Kept backups are named by their file name, which main checks against its own
// listing; targets by a drive id or a folder token. No channel takes a path.
import type { IpcMain } from 'electron';
import { DeskFailure, handle, type SenderCheck } from './handle';
import { resolveTarget, type ExportDeps } from './export';
import type { BackupStore } from '../services/backups';
import { writeVerifiedWithRetry, errnoOf, type FileSystem } from '../services/file-save';
import { MAX_BACKUP_BYTES, type OpenedBackup } from '../../../shared/ipc';

/** Shows the native open dialog for a `.kentan` file; resolves to its path or null. */
export type PickBackupFile = () => Promise<string | null>;

export interface BackupDeps extends Pick<ExportDeps, 'drives' | 'grants'> {
  store: BackupStore;
  fs: FileSystem & { stat(path: string): Promise<{ size: number }> };
  pickFile: PickBackupFile;
  basename: (path: string) => string;
  now: () => number;
}

/** Register the backup concern. */
export function registerBackupHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  trusted: SenderCheck,
  deps: BackupDeps,
): void {
  handle(ipcMain, trusted, 'backup', 'status', async () => deps.store.status());
  handle(ipcMain, trusted, 'backup', 'write', async (request) => deps.store.write(request));
  handle(ipcMain, trusted, 'backup', 'read', async ({ id }) => deps.store.read(id));
  handle(ipcMain, trusted, 'backup', 'note', async (note) => deps.store.note(note));
  handle(ipcMain, trusted, 'backup', 'saveTo', async ({ target, fileName, bytes }) => {
    const directory = resolveTarget(deps, target);
    const saved = await writeVerifiedWithRetry(deps.fs, directory, fileName, bytes);
    await deps.store.copied(deps.now());
    return saved;
  });
  handle(ipcMain, trusted, 'backup', 'openFile', async (): Promise<OpenedBackup | null> => {
    const path = await deps.pickFile();
    if (path === null) return null;
    const label = deps.basename(path);
    try {
      const { size } = await deps.fs.stat(path);
      if (size > MAX_BACKUP_BYTES)
        throw new DeskFailure(
          'blocked',
          `“${label}”超过 ${MAX_BACKUP_BYTES / 1048576} MB，不是恳谈会务台的备份文件`,
        );
      return { label, bytes: await deps.fs.readFile(path) };
    } catch (error) {
      if (error instanceof DeskFailure) throw error;
      throw new DeskFailure(
        'io_failed',
        `无法读取“${label}”（${errnoOf(error) ?? '未知错误'}），请确认U盘已插好`,
      );
    }
  });
}
