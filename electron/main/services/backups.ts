// The automatic backups main keeps in a `backups/` folder beside the user data (issue 15, 数据安全), and the facts
// kept outside the database beside them (state.json): that the app has held data here before, when it last backed
// up, the highest 文号 ever issued. Every file goes through the verified writer (file-save.ts: temp → fsync → read
// back → rename → read back); after each backup the rotation (shared/backup/rotation.ts) drops what it no longer
// keeps. Plain Node with the file system passed in, so tests run it in a temporary folder or with faults injected.
import { join } from 'node:path';
import {
  backupFileName,
  backupsToDelete,
  newestFirst,
  parseBackupFileName,
  type RotationPolicy,
} from '../../../shared/backup/rotation';
import type {
  BackupEntry,
  BackupStatus,
  SafetyNote,
  SafetyState,
  WriteBackupRequest,
} from '../../../shared/ipc';
import { MAX_BACKUP_BYTES } from '../../../shared/ipc';
import {
  applyNote,
  emptySafetyState,
  recordBackup,
  sanitizeSafetyState,
  type SafetyStateFile,
} from '../../../shared/backup/safety-state';
import { DeskFailure } from '../ipc/handle';
import { errnoOf, sha256, writeVerified, TEMP_FILE, type ExportFileSystem } from './file-save';

/** The file system a backup folder needs. */
export interface BackupFileSystem extends ExportFileSystem {
  stat(path: string): Promise<{ size: number }>;
}

/** Free space on the volume holding a folder, as `statfs` reports it. */
export type FreeSpace = (path: string) => Promise<{ bavail: number; bsize: number }>;

export interface BackupStoreDeps {
  fs: BackupFileSystem;
  /** The backups folder (created when missing). */
  folder: string;
  now: () => number;
  statfs?: FreeSpace;
  policy?: RotationPolicy;
  /** Where to say the backups are, for the user. */
  location?: string;
}

const STATE_FILE = 'state.json';

/** Main's backup folder. */
export interface BackupStore {
  status(): Promise<BackupStatus>;
  write(request: WriteBackupRequest): Promise<BackupEntry>;
  read(id: string): Promise<Uint8Array>;
  note(note: SafetyNote): Promise<SafetyState>;
  /** A backup was put on a USB stick or into a folder. */
  copied(at: number): Promise<void>;
}

/** Open (lazily) the backup folder. Calls run one after another: two writes never race for state.json. */
export function createBackupStore(deps: BackupStoreDeps): BackupStore {
  const { fs, folder } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function ensureFolder() {
    try {
      await fs.mkdir(folder, { recursive: true });
    } catch (error) {
      throw new DeskFailure('io_failed', `无法创建备份文件夹（${errnoOf(error) ?? '未知错误'}）：${folder}`);
    }
  }

  async function readState(): Promise<SafetyStateFile> {
    try {
      return sanitizeSafetyState(
        JSON.parse(new TextDecoder().decode(await fs.readFile(join(folder, STATE_FILE)))),
      );
    } catch {
      return emptySafetyState();
    }
  }

  async function writeState(state: SafetyStateFile): Promise<void> {
    await writeVerified(fs, folder, STATE_FILE, new TextEncoder().encode(JSON.stringify(state, null, 2)));
  }

  /** The backups on disk (a file without an entry in state.json is listed from its name). */
  async function listed(state: SafetyStateFile): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return [];
    }
    const out: BackupEntry[] = [];
    for (const id of names) {
      const parsed = parseBackupFileName(id);
      if (!parsed) continue;
      const known = state.entries[id];
      if (known) {
        out.push({ id, ...known });
        continue;
      }
      const size = await fs.stat(join(folder, id)).then(
        (s) => s.size,
        () => 0,
      );
      out.push({ id, createdAt: parsed.createdAt, reason: parsed.reason, size });
    }
    return out.sort(newestFirst);
  }

  async function freeBytes(): Promise<number | undefined> {
    if (!deps.statfs) return undefined;
    try {
      const s = await deps.statfs(folder);
      return s.bavail * s.bsize;
    } catch {
      return undefined;
    }
  }

  /** Temporaries of writes that a crash interrupted. */
  async function sweepTemporaries(names: readonly string[]) {
    for (const name of names)
      if (TEMP_FILE.test(name)) await fs.unlink(join(folder, name)).catch(() => undefined);
  }

  return {
    status: () =>
      serial(async () => {
        await ensureFolder();
        const state = await readState();
        const backups = await listed(state);
        // A folder holding backups means the app held data here, even if state.json was lost.
        if (backups.length > 0) state.state.ranBefore = true;
        const free = await freeBytes();
        return {
          backups,
          state: state.state,
          ...(free !== undefined ? { freeBytes: free } : {}),
          location: deps.location ?? folder,
          automatic: true,
        };
      }),

    write: (request) =>
      serial(async () => {
        await ensureFolder();
        const state = await readState();
        const names = await fs.readdir(folder).catch(() => [] as string[]);
        await sweepTemporaries(names);
        let n = 0;
        let id = backupFileName(request.createdAt, request.reason);
        while (names.includes(id)) id = backupFileName(request.createdAt, request.reason, ++n);
        const saved = await writeVerified(fs, folder, id, request.bytes);
        const entry: BackupEntry = {
          id,
          createdAt: request.createdAt,
          reason: request.reason,
          size: saved.size,
          sha256: saved.sha256,
          summary: request.summary,
        };
        recordBackup(state, entry, request.docNumberHighWater);
        // Rotation: what the policy no longer keeps goes, and so does its entry.
        // The state is written before the files go: a full disk then leaves every backup still listed.
        const gone = backupsToDelete(await listed(state), deps.now(), deps.policy);
        for (const id of gone) delete state.entries[id];
        await writeState(state);
        for (const id of gone) await fs.unlink(join(folder, id)).catch(() => undefined);
        return entry;
      }),

    read: (id) =>
      serial(async () => {
        const state = await readState();
        const known = (await listed(state)).find((b) => b.id === id);
        if (!known) throw new DeskFailure('not_found', '这份备份已不在备份文件夹中，请刷新列表');
        const path = join(folder, id);
        const { size } = await fs.stat(path);
        if (size > MAX_BACKUP_BYTES) throw new DeskFailure('blocked', '备份文件过大，无法读取');
        const bytes = await fs.readFile(path);
        if (known.sha256 && sha256(bytes) !== known.sha256)
          throw new DeskFailure(
            'verify_failed',
            '这份备份的文件与写入时的校验值不符（磁盘可能已损坏），请选择另一份',
          );
        return bytes;
      }),

    note: (note) =>
      serial(async () => {
        await ensureFolder();
        const state = await readState();
        if (applyNote(state, note, deps.now())) await writeState(state);
        return state.state;
      }),

    copied: (at) =>
      serial(async () => {
        await ensureFolder();
        const state = await readState();
        state.state.lastCopyAt = at;
        await writeState(state);
      }),
  };
}
