// The backup concern without Electron. Automatic backups go into the origin's private file system (OPFS): files the
// browser keeps in the profile apart from IndexedDB, so a broken or emptied database still finds its backups, with
// the same names and rotation as main's folder (shared/backup/rotation.ts). They live in the same profile, though:
// a copy off the machine is a download (备份到U盘… saves the .kentan file into the download folder), and the app
// reminds the secretary when the last one is older than seven days. Where the browser has no OPFS, nothing is
// kept automatically and the status says so.
import {
  backupFileName,
  backupsToDelete,
  newestFirst,
  parseBackupFileName,
} from '../../shared/backup/rotation';
import type {
  BackupEntry,
  BackupStatus,
  DeskApi,
  DeskResult,
  OpenedBackup,
  SafetyState,
} from '../../shared/ipc/contract';
import { MAX_BACKUP_BYTES } from '../../shared/ipc/validators';
import {
  applyNote,
  emptySafetyState,
  recordBackup,
  sanitizeSafetyState,
  type SafetyStateFile,
} from '../../shared/backup/safety-state';
import { sha256Hex } from './sha256';

const FOLDER = 'kentan-backups';
const STATE_FILE = 'state.json';
const LOCATION = '浏览器的本地存储（与数据库分开保存）';
/** Where the browser keeps the facts when it has no OPFS. */
const FALLBACK_STATE_KEY = 'kentan-desk:safety-state';

const ok = <T>(value: T): DeskResult<T> => ({ ok: true, value });
const fail = (
  code: 'io_failed' | 'not_found' | 'verify_failed' | 'blocked',
  message: string,
): DeskResult<never> => ({
  ok: false,
  error: { code, message },
});

function describe(error: unknown, what: string): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return `磁盘空间不足，${what}未能保存。请清理磁盘空间后重试`;
  return `${what}未能保存（${name || String(error)}），请重试`;
}

async function folder(): Promise<FileSystemDirectoryHandle | undefined> {
  try {
    const root = await navigator.storage?.getDirectory?.();
    return root ? await root.getDirectoryHandle(FOLDER, { create: true }) : undefined;
  } catch {
    return undefined;
  }
}

async function readBytes(dir: FileSystemDirectoryHandle, name: string): Promise<Uint8Array> {
  const file = await (await dir.getFileHandle(name)).getFile();
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * Write a file and read it back. `createWritable` writes to a swap file that replaces the old one only on
 * `close()`, so the name never holds a partial file; the read-back catches what the disk did not keep.
 */
async function writeVerified(
  dir: FileSystemDirectoryHandle,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const expected = await sha256Hex(bytes);
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(bytes as Uint8Array<ArrayBuffer>);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
  if ((await sha256Hex(await readBytes(dir, name))) !== expected) {
    await dir.removeEntry(name).catch(() => undefined);
    throw new Error('verify');
  }
  return expected;
}

async function readState(dir: FileSystemDirectoryHandle | undefined): Promise<SafetyStateFile> {
  try {
    const text = dir
      ? new TextDecoder().decode(await readBytes(dir, STATE_FILE))
      : (localStorage.getItem(FALLBACK_STATE_KEY) ?? '');
    return sanitizeSafetyState(JSON.parse(text));
  } catch {
    return emptySafetyState();
  }
}

async function writeState(dir: FileSystemDirectoryHandle | undefined, state: SafetyStateFile): Promise<void> {
  const text = JSON.stringify(state, null, 2);
  if (dir) await writeVerified(dir, STATE_FILE, new TextEncoder().encode(text));
  else localStorage.setItem(FALLBACK_STATE_KEY, text);
}

async function listed(
  dir: FileSystemDirectoryHandle | undefined,
  state: SafetyStateFile,
): Promise<BackupEntry[]> {
  if (!dir) return [];
  const out: BackupEntry[] = [];
  for await (const [id, handle] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
    const parsed = parseBackupFileName(id);
    if (!parsed || handle.kind !== 'file') continue;
    const known = state.entries[id];
    if (known) out.push({ ...known, id, reason: parsed.reason });
    else {
      const size = (await (handle as FileSystemFileHandle).getFile()).size;
      out.push({ id, createdAt: parsed.createdAt, reason: parsed.reason, size });
    }
  }
  return out.sort(newestFirst);
}

/** Ask the user for a file with a hidden file input; null when they cancel. */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.kentan';
    input.setAttribute('aria-label', '选择备份文件');
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** The backup concern of the browser build; `download` hands bytes to the browser's download folder. */
export function createBrowserBackups(
  downloadsToken: string,
  download: (bytes: Uint8Array, fileName: string) => void,
): DeskApi['backup'] {
  // One call at a time, like main: two writes never race for state.json.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    status: () =>
      serial(async (): Promise<DeskResult<BackupStatus>> => {
        const dir = await folder();
        const state = await readState(dir);
        const backups = await listed(dir, state);
        if (backups.length > 0) state.state.ranBefore = true;
        const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
        const free =
          estimate?.quota !== undefined && estimate.usage !== undefined
            ? estimate.quota - estimate.usage
            : undefined;
        return ok({
          backups,
          state: state.state,
          ...(free !== undefined ? { freeBytes: free } : {}),
          location: LOCATION,
          automatic: dir !== undefined,
        });
      }),

    write: (request) =>
      serial(async (): Promise<DeskResult<BackupEntry>> => {
        const dir = await folder();
        if (!dir) return fail('blocked', '此浏览器不能自动保存备份，请用“备份到U盘…”下载备份文件');
        const state = await readState(dir);
        const existing = await listed(dir, state);
        let n = 0;
        let id = backupFileName(request.createdAt, request.reason);
        while (existing.some((b) => b.id === id)) id = backupFileName(request.createdAt, request.reason, ++n);
        let sha256: string;
        try {
          sha256 = await writeVerified(dir, id, request.bytes);
        } catch (error) {
          if (error instanceof Error && error.message === 'verify')
            return fail('verify_failed', '备份写入后校验不一致，已删除，请重试');
          return fail('io_failed', describe(error, '备份'));
        }
        const entry: BackupEntry = {
          id,
          createdAt: request.createdAt,
          reason: request.reason,
          size: request.bytes.byteLength,
          sha256,
          summary: request.summary,
        };
        recordBackup(state, entry, request.docNumberHighWater);
        // The state is written before the files go: a full disk then leaves every backup still listed.
        const gone = backupsToDelete([...existing, entry], Date.now());
        for (const id of gone) delete state.entries[id];
        try {
          await writeState(dir, state);
        } catch (error) {
          return fail('io_failed', describe(error, '备份记录'));
        }
        for (const id of gone) await dir.removeEntry(id).catch(() => undefined);
        return ok(entry);
      }),

    read: ({ id }) =>
      serial(async (): Promise<DeskResult<Uint8Array>> => {
        const dir = await folder();
        const state = await readState(dir);
        const known = (await listed(dir, state)).find((b) => b.id === id);
        if (!dir || !known) return fail('not_found', '这份备份已不在，请刷新列表');
        const bytes = await readBytes(dir, id);
        if (known.sha256 && (await sha256Hex(bytes)) !== known.sha256)
          return fail('verify_failed', '这份备份与写入时的校验值不符，请选择另一份');
        return ok(bytes);
      }),

    saveTo: async ({ target, fileName, bytes }) => {
      if (target.kind !== 'directory' || target.directoryToken !== downloadsToken)
        return fail('not_found', '所选文件夹已失效，请重新选择保存位置');
      download(bytes, fileName);
      await serial(async () => {
        const dir = await folder();
        const state = await readState(dir);
        state.state.lastCopyAt = Date.now();
        await writeState(dir, state).catch(() => undefined);
      });
      return ok({ fileName, size: bytes.byteLength, sha256: await sha256Hex(bytes) });
    },

    openFile: async (): Promise<DeskResult<OpenedBackup | null>> => {
      const file = await pickFile();
      if (!file) return ok(null);
      if (file.size > MAX_BACKUP_BYTES)
        return fail('blocked', `“${file.name}”过大，不是恳谈会务台的备份文件`);
      return ok({ label: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    },

    note: (note) =>
      serial(async (): Promise<DeskResult<SafetyState>> => {
        const dir = await folder();
        const state = await readState(dir);
        if (applyNote(state, note, Date.now())) {
          try {
            await writeState(dir, state);
          } catch (error) {
            return fail('io_failed', describe(error, '备份记录'));
          }
        }
        return ok(state.state);
      }),
  };
}
