// Writing a file so that its final name never holds a partial file (DESIGN.md §7): write to a
// temporary name in the same directory, flush, rename, read back and compare SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isSafeFileName } from '../../../shared/export/file-names';
import type { SavedFile } from '../../../shared/ipc';
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

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

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
      return `保存位置已不存在（U盘可能已拔出），“${fileName}”未能写入。请重新选择保存位置`;
    case 'EIO':
    default:
      return `写入“${fileName}”时磁盘出错（U盘可能已拔出或损坏），请重新插入后重试`;
  }
}

/** Write `bytes` as `directory/fileName`, verified by reading back; never leaves a partial final file. */
export async function saveFileVerified(
  fs: FileSystem,
  directory: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<SavedFile> {
  if (!isSafeFileName(fileName)) {
    throw new DeskFailure('invalid_args', `文件名“${fileName}”含有 Windows 不允许的字符或保留名`);
  }
  const finalPath = join(directory, fileName);
  const tempPath = join(directory, `.${randomBytes(6).toString('hex')}.kentan-tmp`);
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
    await fs.rename(tempPath, finalPath);
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    throw new DeskFailure('io_failed', describeFsError((error as NodeJS.ErrnoException).code, fileName));
  }
  let actual: string;
  try {
    actual = sha256(await fs.readFile(finalPath));
  } catch (error) {
    throw new DeskFailure('io_failed', describeFsError((error as NodeJS.ErrnoException).code, fileName));
  }
  if (actual !== expected) {
    await fs.unlink(finalPath).catch(() => undefined);
    throw new DeskFailure('verify_failed', `“${fileName}”写入后校验不一致，已删除该文件，请重试`);
  }
  return { fileName, size: bytes.byteLength, sha256: actual };
}
