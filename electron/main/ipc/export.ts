// desk:export:* — the removable drives plugged in now, and writing an export into one of them or
// into a folder the user picked. The renderer names the target by a drive id or a folder token;
// main alone turns them into paths.
import type { IpcMain } from 'electron';
import { DeskFailure, handle, type SenderCheck } from './handle';
import type { DirectoryGrants } from '../services/directory-grants';
import type { DriveList } from '../services/drives';
import type { ExportFileSystem } from '../services/file-save';
import { exportFiles, type ExportOptions } from '../services/export-writer';
import type { ExportTarget } from '../../../shared/ipc';

/** What the export handlers need. */
export interface ExportDeps {
  drives: DriveList;
  grants: DirectoryGrants;
  fs: ExportFileSystem;
  options?: ExportOptions;
}

/** The folder an export target stands for; throws when the drive or folder is gone. */
export function resolveTarget(deps: Pick<ExportDeps, 'drives' | 'grants'>, target: ExportTarget): string {
  if (target.kind === 'drive') {
    const path = deps.drives.resolve(target.driveId);
    if (!path) throw new DeskFailure('not_found', '所选U盘已失效（可能已拔出或重新插入），请重新检测U盘');
    return path;
  }
  const path = deps.grants.resolve(target.directoryToken);
  if (!path) throw new DeskFailure('not_found', '所选文件夹已失效，请重新选择保存位置');
  return path;
}

/** Register the export concern. */
export function registerExportHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  trusted: SenderCheck,
  deps: ExportDeps,
): void {
  // One export at a time: two at once into the same folder would race for the manifest.
  let queue: Promise<unknown> = Promise.resolve();
  handle(ipcMain, trusted, 'export', 'listDrives', async () => deps.drives.list());
  handle(ipcMain, trusted, 'export', 'write', async (request) => {
    const base = resolveTarget(deps, request.target);
    const run = queue.then(() => exportFiles(deps.fs, base, request, deps.options));
    queue = run.catch(() => undefined);
    return run;
  });
}
