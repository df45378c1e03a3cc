// Writing a file so that its final name never holds a partial file (docs/architecture.md, "Never lost"): write to a
// temporary name in the same directory, flush, read the temporary file back and compare SHA-256,
// rename, then read the final name back and compare again. Checking before the rename means a
// file that reads back wrong never replaces an earlier good one; checking after it catches a file
// system that stored the name differently (FAT on some mounts).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isSafeFileName, truncateUtf8, MAX_NAME_BYTES } from '../../../shared/export/file-names';
import type { DeskError, SavedFile } from '../../../shared/ipc';
import { DeskFailure } from '../ipc/handle';

/** The slice of `node:fs/promises` this module uses; tests inject failures through it. */
export interface FileSystem {
  open(
    path: string,
    flags: string,
  ): Promise<{
    write(
      data: Uint8Array,
      offset?: number,
      length?: number,
      position?: number,
    ): Promise<{ bytesWritten: number }>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  unlink(path: string): Promise<void>;
}

/** What an export needs beyond writing single files: making its folder, finding stale temporaries. */
export interface ExportFileSystem extends FileSystem {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
}

/** The real file system. */
export const nodeFileSystem: ExportFileSystem = { open, rename, readFile, unlink, mkdir, readdir };

/** SHA-256 of bytes as lower-case hex. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The errno of a thrown file-system error (`ENOSPC`, `EBUSY`, Windows' `UNKNOWN` …). */
export const errnoOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** A Chinese message for a file-system error code, naming the file. */
export function describeFsError(code: string | undefined, fileName: string): string {
  switch (code) {
    case 'ENOSPC':
      return `磁盘空间不足，“${fileName}”未能写入。请清理空间或换一个U盘后重试`;
    case 'EROFS':
      return `目标磁盘处于写保护状态，“${fileName}”未能写入。请关闭U盘的写保护开关后重试`;
    case 'EACCES':
    case 'EPERM':
      return `没有写入权限或文件被占用，“${fileName}”未能写入。请关闭正在打开该文件的程序后重试`;
    case 'EBUSY':
      return `文件正被其他程序占用，“${fileName}”未能写入。请关闭 WPS 或 Word 中打开的同名文件后重试`;
    case 'ENOENT':
      return `保存位置已不存在（U盘可能已拔出），“${fileName}”未能写入。请重新插入U盘或重新选择保存位置`;
    case 'EEXIST':
    case 'ENOTDIR':
    case 'EISDIR':
      return `保存位置已有同名的文件或文件夹，“${fileName}”未能写入。请换一个保存位置后重试`;
    case 'ENAMETOOLONG':
      return `路径过长，“${fileName}”未能写入。请把文件保存到U盘或文件夹的上一级后重试`;
    // Windows reports a pulled stick as EIO or, through libuv, as UNKNOWN.
    case 'EIO':
    case 'UNKNOWN':
    default:
      return `写入“${fileName}”时磁盘出错（U盘可能已拔出或损坏），请重新插入后重试`;
  }
}

/** A failed write: the desk error for the user, and the errno for deciding whether to retry. */
export class FileWriteFailure extends DeskFailure {
  constructor(
    code: DeskError['code'],
    message: string,
    readonly errno: string | undefined,
  ) {
    super(code, message);
    this.name = 'FileWriteFailure';
  }
}

const TEMP_SUFFIX_BYTES = '.kentan-00000000.tmp'.length;
/** Temporary files of ours, this version's and the one before it. */
export const TEMP_FILE = /^\..*\.kentan-[0-9a-f]{8}\.tmp$|^\.[0-9a-f]{12}\.kentan-tmp$/s;

/**
 * A hidden temporary name beside the final one that says which file it was meant to be, within
 * 255 bytes: `.青工商联交〔2026〕12号-….docx.kentan-1a2b3c4d.tmp`.
 */
export function tempNameFor(fileName: string): string {
  const stem = truncateUtf8(fileName, MAX_NAME_BYTES - 1 - TEMP_SUFFIX_BYTES);
  return `.${stem}.kentan-${randomBytes(4).toString('hex')}.tmp`;
}

const mismatch = (fileName: string) =>
  new FileWriteFailure('verify_failed', `“${fileName}”写入后校验不一致，已删除该文件，请重试`, undefined);

/**
 * Write `bytes` as `directory/fileName` the safe way; throws a FileWriteFailure naming the file.
 * The name must already be safe (callers check it).
 */
export async function writeVerified(
  fs: FileSystem,
  directory: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<SavedFile> {
  const finalPath = join(directory, fileName);
  const tempPath = join(directory, tempNameFor(fileName));
  const expected = sha256(bytes);
  try {
    const handle = await fs.open(tempPath, 'wx');
    try {
      let offset = 0;
      while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset);
        if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        offset += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (sha256(await fs.readFile(tempPath)) !== expected) throw mismatch(fileName);
    await fs.rename(tempPath, finalPath);
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    if (error instanceof FileWriteFailure) throw error;
    const errno = errnoOf(error);
    throw new FileWriteFailure('io_failed', describeFsError(errno, fileName), errno);
  }
  let actual: string;
  try {
    actual = sha256(await fs.readFile(finalPath));
  } catch (error) {
    const errno = errnoOf(error);
    throw new FileWriteFailure('io_failed', describeFsError(errno, fileName), errno);
  }
  if (actual !== expected) {
    await fs.unlink(finalPath).catch(() => undefined);
    throw mismatch(fileName);
  }
  return { fileName, size: bytes.byteLength, sha256: actual };
}

/** Errors that go away when another program lets go of the file (WPS, an antivirus scan, indexing). */
export const LOCKED_ERRNOS: ReadonlySet<string> = new Set(['EACCES', 'EPERM', 'EBUSY']);

/** Waits between attempts on a locked file: 100, 300, 900 ms, so four attempts in about 1.3 s. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [100, 300, 900];

/** How to retry a locked file; tests pass an instant `sleep`. */
export interface RetryOptions {
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/** Real waiting. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `writeVerified`, tried again after a backoff while the file is locked. */
export async function writeVerifiedWithRetry(
  fs: FileSystem,
  directory: string,
  fileName: string,
  bytes: Uint8Array,
  { retryDelaysMs = DEFAULT_RETRY_DELAYS_MS, sleep = realSleep }: RetryOptions = {},
): Promise<SavedFile> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await writeVerified(fs, directory, fileName, bytes);
    } catch (error) {
      const delay = retryDelaysMs[attempt];
      const locked = error instanceof FileWriteFailure && LOCKED_ERRNOS.has(error.errno ?? '');
      if (!locked || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

/** Write one file into a user-chosen directory (desk:files:save), verified, retried while locked. */
export async function saveFileVerified(
  fs: FileSystem,
  directory: string,
  fileName: string,
  bytes: Uint8Array,
  retry: RetryOptions = {},
): Promise<SavedFile> {
  if (!isSafeFileName(fileName)) {
    throw new DeskFailure('invalid_args', `文件名“${fileName}”含有 Windows 不允许的字符或保留名`);
  }
  return writeVerifiedWithRetry(fs, directory, fileName, bytes, retry);
}
