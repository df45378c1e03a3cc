// desk:files:* — the user picks a directory in a native dialog; the renderer gets an opaque token
// for it and may then save bare file names into it. No channel accepts a path.
import type { IpcMain } from 'electron';
import { DeskFailure, handle, type SenderCheck } from './handle';
import type { DirectoryGrants } from '../services/directory-grants';
import { saveFileVerified, type FileSystem, type RetryOptions } from '../services/file-save';

/** Shows the native folder picker; resolves to the chosen path or null. */
export type PickDirectory = () => Promise<string | null>;

/** Register the files concern. */
export function registerFileHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  trusted: SenderCheck,
  deps: { pickDirectory: PickDirectory; grants: DirectoryGrants; fs: FileSystem; retry?: RetryOptions },
): void {
  handle(ipcMain, trusted, 'files', 'chooseDirectory', async () => {
    const path = await deps.pickDirectory();
    return path === null ? null : deps.grants.grant(path);
  });
  handle(ipcMain, trusted, 'files', 'save', async ({ directoryToken, fileName, bytes }) => {
    const directory = deps.grants.resolve(directoryToken);
    if (!directory) throw new DeskFailure('not_found', '所选文件夹已失效，请重新选择保存位置');
    return saveFileVerified(deps.fs, directory, fileName, bytes, deps.retry);
  });
}
