// 导出到U盘: a meeting's files into one folder on a stick or a chosen directory, each written the
// safe way (file-save.ts), then the 清单 last. Plain Node: the lead's benchmark calls
// `exportFiles(nodeFileSystem, dir, …)` directly.
//
// What happens when things go wrong:
// - a locked file (EACCES/EPERM/EBUSY: WPS has it open, an antivirus is scanning it) is tried again
//   after 100, 300 and 900 ms, then reported and the export goes on with the next file;
// - a file that reads back different is deleted and reported; the export goes on;
// - a full, write-protected, pulled or failing stick (ENOSPC, EROFS, ENOENT, EIO, UNKNOWN …) stops
//   the export: every later file and the manifest are reported 未写入 with the same reason, instead
//   of hammering a dead stick thirty more times;
// - the manifest of an earlier export in the same folder is deleted before the first file, so a
//   folder without a 清单 is an unfinished export and a 清单 always describes the files beside it;
// - a file already there with the same SHA-256 is not written again (a retry rewrites only what
//   failed, and a sheet open in WPS from the last export does not block the next one).
import { join } from 'node:path';
import { manifestBytes, manifestText } from '../../../shared/export/manifest';
import type { DeskError, ExportedFile, ExportReport, ExportRequest } from '../../../shared/ipc';
import {
  errnoOf,
  FileWriteFailure,
  sha256,
  TEMP_FILE,
  writeVerifiedWithRetry,
  type ExportFileSystem,
  type FileSystem,
  type RetryOptions,
} from './file-save';

/** What to export: the folder to make in the target, the files, the manifest's name. */
export type ExportContents = Pick<ExportRequest, 'folderName' | 'files' | 'manifestName' | 'attestation'>;

/** Injectable time and waiting, for tests. */
export interface ExportOptions extends RetryOptions {
  now?: () => Date;
}

/** Errors that mean the target as a whole is gone or unusable: stop, don't try the rest. */
export const FATAL_ERRNOS: ReadonlySet<string> = new Set([
  'ENOSPC',
  'EROFS',
  'ENOENT',
  'EIO',
  'UNKNOWN',
  'ENODEV',
  'ENXIO',
]);

/** The reason in a few words, for files that were not tried. */
function shortReason(errno: string | undefined): string {
  switch (errno) {
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return '目标磁盘处于写保护状态';
    case 'ENOENT':
      return '保存位置已不存在（U盘可能已拔出）';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EBUSY':
      return '被其他程序占用';
    case 'EEXIST':
    case 'ENOTDIR':
      return '已有同名的文件';
    case 'ENAMETOOLONG':
      return '路径过长';
    default:
      return '磁盘读写出错（U盘可能已拔出或损坏）';
  }
}

const failed = (fileName: string, error: DeskError): ExportedFile => ({ fileName, ok: false, error });

/** True when the final name already holds exactly these bytes. */
async function alreadyThere(fs: FileSystem, path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const existing = await fs.readFile(path);
    return existing.byteLength === bytes.byteLength && sha256(existing) === sha256(bytes);
  } catch {
    return false;
  }
}

/** Delete what an earlier, interrupted run left: our temporaries and the old manifest. */
async function clearLeftovers(fs: ExportFileSystem, folder: string, manifestName: string): Promise<void> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => TEMP_FILE.test(n))) {
    await fs.unlink(join(folder, name)).catch(() => undefined);
  }
  await fs.unlink(join(folder, manifestName)).catch(() => undefined);
}

/** Make the renames durable where the system allows fsync on a directory (not Windows: ignored). */
async function syncDirectory(fs: FileSystem, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: each file was already flushed before its rename.
  }
}

/**
 * Write an export into `baseDir/folderName`: every file verified under its final name or reported
 * 未写入 with a Chinese reason naming it, then the manifest. Never throws for file-system errors.
 */
export async function exportFiles(
  fs: ExportFileSystem,
  baseDir: string,
  { folderName, files, manifestName, attestation }: ExportContents,
  options: ExportOptions = {},
): Promise<ExportReport> {
  const location = join(baseDir, folderName);
  const createdAt = (options.now ?? (() => new Date()))();
  try {
    await fs.mkdir(location, { recursive: true });
  } catch (error) {
    const reason = shortReason(errnoOf(error));
    const notMade = (name: string) =>
      failed(name, {
        code: 'io_failed',
        message: `无法建立文件夹“${folderName}”（${reason}），“${name}”未写入。请检查U盘或保存位置后重试`,
      });
    return { location, files: files.map((f) => notMade(f.fileName)), manifest: notMade(manifestName) };
  }
  await clearLeftovers(fs, location, manifestName);

  let stoppedBy: string | undefined;
  const notTried = (name: string) =>
    failed(name, {
      code: 'io_failed',
      message: `${shortReason(stoppedBy)}，已停止导出，“${name}”未写入。请处理后重试`,
    });
  const write = async (fileName: string, bytes: Uint8Array): Promise<ExportedFile> => {
    try {
      const saved = await writeVerifiedWithRetry(fs, location, fileName, bytes, options);
      return { fileName, ok: true, size: saved.size, sha256: saved.sha256 };
    } catch (error) {
      if (!(error instanceof FileWriteFailure)) throw error;
      if (error.errno && FATAL_ERRNOS.has(error.errno)) stoppedBy = error.errno;
      return failed(fileName, { code: error.code, message: error.message });
    }
  };

  const results: ExportedFile[] = [];
  for (const { fileName, bytes } of files) {
    if (stoppedBy) results.push(notTried(fileName));
    else if (await alreadyThere(fs, join(location, fileName), bytes))
      results.push({ fileName, ok: true, size: bytes.byteLength, sha256: sha256(bytes) });
    else results.push(await write(fileName, bytes));
  }
  const manifest = stoppedBy
    ? notTried(manifestName)
    : await write(
        manifestName,
        manifestBytes(
          manifestText({ createdAt, location, files: results, ...(attestation ? { attestation } : {}) }),
        ),
      );
  await syncDirectory(fs, location);
  return { location, files: results, manifest };
}
