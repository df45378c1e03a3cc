// The removable drives plugged in now, by opaque id. Runs each system's own tool (parsers in
// shared/export/drives.ts) through an injected runner, and keeps id → path in main only: the
// renderer names a drive by an id from the latest listing, never by a path.
import type { ExecFileException } from 'node:child_process';
import {
  DF_ARGS,
  LSBLK_ARGS,
  parseLsblk,
  parseMacDf,
  parseWindowsDrives,
  WINDOWS_DRIVES_SCRIPT,
  type DriveCandidate,
} from '../../../shared/export/drives';
import type { RemovableDrive } from '../../../shared/ipc';
import { DeskFailure } from '../ipc/handle';

/** Runs a program without a shell and resolves to its standard output as text. */
export type RunCommand = (file: string, args: readonly string[], timeoutMs: number) => Promise<string>;

/** The slice of `child_process.execFile` the runner uses. */
export type ExecFile = (
  file: string,
  args: readonly string[],
  options: { encoding: 'buffer'; timeout: number; windowsHide: boolean; maxBuffer: number },
  callback: (error: ExecFileException | null, stdout: Buffer, stderr: Buffer) => void,
) => unknown;

/** A runner over `execFile`: bytes decoded as UTF-8 (a BOM dropped), killed after the timeout. */
export function execFileRunner(execFile: ExecFile): RunCommand {
  return (file, args, timeoutMs) =>
    new Promise((resolve, reject) => {
      execFile(
        file,
        args,
        { encoding: 'buffer', timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
        (error, stdout) => (error ? reject(error) : resolve(new TextDecoder().decode(stdout))),
      );
    });
}

/** Free and total space of a mounted file system (`fs.statfs`). */
export type StatFs = (path: string) => Promise<{ bsize: number; bavail: number; blocks: number }>;

/** What the drive list needs from the machine. */
export interface DriveDeps {
  platform: NodeJS.Platform;
  run: RunCommand;
  statfs: StatFs;
  newId: () => string;
  /** How long a listing may take; a cold PowerShell takes ~0.6 s, Get-Disk more. */
  timeoutMs?: number;
}

/** Lists drives and resolves the ids of the latest listing. */
export interface DriveList {
  list(): Promise<RemovableDrive[]>;
  /** The directory behind an id of the latest listing. */
  resolve(id: string): string | undefined;
}

/** The program, its arguments and the parser for a platform. */
function commandFor(platform: NodeJS.Platform) {
  switch (platform) {
    case 'win32':
      // -Command with a script free of double quotes: Windows command-line quoting leaves it intact.
      // Not -EncodedCommand, which antivirus software on government PCs flags.
      return {
        file: 'powershell.exe',
        args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', WINDOWS_DRIVES_SCRIPT],
        parse: parseWindowsDrives,
      };
    case 'linux':
      return { file: 'lsblk', args: [...LSBLK_ARGS], parse: parseLsblk };
    case 'darwin':
      return { file: 'df', args: [...DF_ARGS], parse: parseMacDf };
    default:
      return undefined;
  }
}

function listingFailed(error: unknown): DeskFailure {
  const e = error as ExecFileException;
  const why =
    e.killed || e.signal === 'SIGTERM'
      ? '检测超时'
      : e.code === 'ENOENT'
        ? `系统中找不到检测命令 ${e.path ?? ''}`.trim()
        : '检测命令出错';
  return new DeskFailure('io_failed', `无法列出U盘（${why}）。可改用“选择文件夹”指定U盘上的位置`);
}

/** The drive list for this machine. */
export function createDriveList(deps: DriveDeps): DriveList {
  let byId = new Map<string, string>();
  return {
    async list() {
      const command = commandFor(deps.platform);
      if (!command) return [];
      let candidates: DriveCandidate[];
      try {
        candidates = command.parse(await deps.run(command.file, command.args, deps.timeoutMs ?? 15_000));
      } catch (error) {
        if (error instanceof SyntaxError) {
          console.error('[desk] drive listing output unreadable', error);
          throw new DeskFailure('io_failed', '无法读取U盘列表。可改用“选择文件夹”指定U盘上的位置');
        }
        throw listingFailed(error);
      }
      const next = new Map<string, string>();
      const drives: RemovableDrive[] = [];
      for (const c of candidates) {
        const id = deps.newId();
        next.set(id, c.path);
        const space = c.freeBytes === undefined ? await freeSpace(deps.statfs, c.path) : undefined;
        const freeBytes = c.freeBytes ?? space?.freeBytes;
        const sizeBytes = c.sizeBytes ?? space?.sizeBytes;
        drives.push({
          id,
          label: c.label,
          mount: c.mount,
          ...(freeBytes !== undefined ? { freeBytes } : {}),
          ...(sizeBytes !== undefined ? { sizeBytes } : {}),
        });
      }
      // Ids of an older listing stop working: the user picks from what is plugged in now.
      byId = next;
      return drives;
    },
    resolve(id) {
      return byId.get(id);
    },
  };
}

async function freeSpace(statfs: StatFs, path: string) {
  try {
    const s = await statfs(path);
    return { freeBytes: s.bavail * s.bsize, sizeBytes: s.blocks * s.bsize };
  } catch {
    return undefined;
  }
}
