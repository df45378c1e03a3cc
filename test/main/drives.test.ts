import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDriveList,
  execFileRunner,
  type DriveDeps,
  type ExecFile,
} from '../../electron/main/services/drives';
import { DeskFailure } from '../../electron/main/ipc/handle';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/drives', name), 'utf8');

function deps(platform: NodeJS.Platform, output: string | Error) {
  let n = 0;
  const run = vi.fn(async () => {
    if (output instanceof Error) throw output;
    return output;
  });
  const statfs = vi.fn(async () => ({ bsize: 4096, bavail: 1000, blocks: 4000 }));
  const newId = () => `drive-${String(++n).padStart(4, '0')}`;
  return { platform, run, statfs, newId } satisfies DriveDeps;
}

describe('drive list', () => {
  it('Windows: runs PowerShell without profile, interactive prompts or a window, and issues ids', async () => {
    const d = deps('win32', fixture('windows-11.txt'));
    const drives = createDriveList(d);
    const listed = await drives.list();
    const [file, args, timeout] = d.run.mock.calls[0] as unknown as [string, string[], number];
    expect(file).toBe('powershell.exe');
    expect(args.slice(0, 4)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-Command']);
    expect(args[4]).toMatch(/^\[Console\]::OutputEncoding=\[Text\.Encoding\]::UTF8;/);
    expect(timeout).toBe(15_000);
    expect(listed.map((x) => [x.id, x.label, x.mount])).toEqual([
      ['drive-0001', 'KINGSTON', 'E:'],
      ['drive-0002', '可移动磁盘', 'F:'],
      ['drive-0003', '工商联资料', 'G:'],
    ]);
    // The path to write into is the drive's root, which only main knows.
    expect(drives.resolve('drive-0001')).toBe('E:\\');
    expect(JSON.stringify(listed)).not.toContain('E:\\\\');
    expect(d.statfs).not.toHaveBeenCalled();
  });

  it('Linux: lsblk, with free space from statfs', async () => {
    const d = deps('linux', fixture('lsblk-2.39.txt'));
    const listed = await createDriveList(d).list();
    expect(d.run).toHaveBeenCalledWith(
      'lsblk',
      ['-J', '-b', '-o', 'NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,LABEL,SIZE,FSTYPE'],
      15_000,
    );
    expect(d.statfs).toHaveBeenCalledWith('/run/media/li/会务U盘');
    expect(listed).toEqual([
      {
        id: 'drive-0001',
        label: '会务U盘',
        mount: '/run/media/li/会务U盘',
        freeBytes: 4096 * 1000,
        sizeBytes: 31037849600,
      },
    ]);
  });

  it('macOS: df -kP', async () => {
    const d = deps('darwin', fixture('macos-df.txt'));
    const listed = await createDriveList(d).list();
    expect(d.run).toHaveBeenCalledWith('df', ['-kP'], 15_000);
    expect(listed.map((x) => x.mount)).toContain('/Volumes/KINGSTON');
  });

  it('ids of an earlier listing stop working', async () => {
    const drives = createDriveList(deps('win32', fixture('windows-one-stick.txt')));
    const [first] = await drives.list();
    const [second] = await drives.list();
    expect(drives.resolve(first!.id)).toBeUndefined();
    expect(drives.resolve(second!.id)).toBe('E:\\');
    expect(drives.resolve('drive-9999')).toBeUndefined();
  });

  it('says in Chinese when the tool is missing, too slow or prints garbage', async () => {
    const missing = Object.assign(new Error('spawn lsblk ENOENT'), { code: 'ENOENT', path: 'lsblk' });
    const slow = Object.assign(new Error('timed out'), { killed: true, signal: 'SIGTERM' });
    const cases: Array<[NodeJS.Platform, string | Error, RegExp]> = [
      ['linux', missing, /找不到检测命令 lsblk/],
      ['win32', slow, /检测超时/],
      ['win32', Object.assign(new Error('exit 1'), { code: 1 }), /检测命令出错/],
    ];
    for (const [platform, output, message] of cases) {
      const failure = await createDriveList(deps(platform, output))
        .list()
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DeskFailure);
      expect((failure as DeskFailure).message).toMatch(message);
      expect((failure as DeskFailure).message).toContain('选择文件夹');
    }
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(createDriveList(deps('win32', '拒绝访问')).list()).rejects.toThrow(/无法读取U盘列表/);
    log.mockRestore();
  });

  it('lists nothing on a system it does not know', async () => {
    const d = deps('freebsd', '');
    expect(await createDriveList(d).list()).toEqual([]);
    expect(d.run).not.toHaveBeenCalled();
  });
});

describe('execFileRunner', () => {
  it('decodes UTF-8 output (dropping the BOM), hides the window and passes the timeout', async () => {
    const execFile = vi.fn((_file, _args, _options, callback: Parameters<ExecFile>[3]) => {
      callback(null, Buffer.from('\uFEFF[{"VolumeName":"会务U盘"}]', 'utf8'), Buffer.alloc(0));
    });
    const run = execFileRunner(execFile as unknown as ExecFile);
    expect(await run('powershell.exe', ['-Command', 'x'], 5000)).toBe('[{"VolumeName":"会务U盘"}]');
    expect(execFile.mock.calls[0]![2]).toMatchObject({
      encoding: 'buffer',
      timeout: 5000,
      windowsHide: true,
    });
  });

  it('rejects with the error of a failed run', async () => {
    const execFile = ((_f: string, _a: string[], _o: unknown, callback: Parameters<ExecFile>[3]) =>
      callback(
        Object.assign(new Error('boom'), { code: 'ENOENT' }),
        Buffer.alloc(0),
        Buffer.alloc(0),
      )) as ExecFile;
    await expect(execFileRunner(execFile)('lsblk', [], 100)).rejects.toThrow('boom');
  });
});
