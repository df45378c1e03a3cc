import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { registerExportHandlers } from '../../electron/main/ipc/export';
import { topFrameSenderCheck } from '../../electron/main/ipc/handle';
import { createDirectoryGrants } from '../../electron/main/services/directory-grants';
import type { DriveList } from '../../electron/main/services/drives';
import { nodeFileSystem } from '../../electron/main/services/file-save';
import { MAX_EXPORT_FILES } from '../../shared/ipc';
import { fakeEvent, fakeIpcMain } from './fakes';

const APP = 'file:///app/index.html';
const trusted = topFrameSenderCheck((url) => url === APP);
const bytes = new TextEncoder().encode('交办单');

interface CallResult {
  ok: boolean;
  value: Record<string, unknown> & { files: Array<{ ok: boolean }>; manifest: { ok: boolean } };
  error: { code: string; message: string };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kentan-export-ipc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const ipc = fakeIpcMain();
  const grants = createDirectoryGrants(() => 'token-0001', basename);
  const mounts = new Map<string, string>();
  const drives: DriveList = {
    async list() {
      mounts.clear();
      mounts.set('drive-0001', join(dir, 'stick'));
      return [{ id: 'drive-0001', label: 'KINGSTON', mount: 'E:' }];
    },
    resolve: (id) => mounts.get(id),
  };
  registerExportHandlers(ipc, trusted, {
    drives,
    grants,
    fs: nodeFileSystem,
    options: { sleep: async () => {} },
  });
  const call = (channel: string, ...args: unknown[]) =>
    ipc.invoke(channel, fakeEvent(APP), ...args) as Promise<CallResult>;
  return { call, grants, ipc };
}

const request = (overrides: Record<string, unknown> = {}) => ({
  target: { kind: 'drive', driveId: 'drive-0001' },
  folderName: '青溪区第14次民营企业接待日-交办材料',
  files: [
    { fileName: '青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单.docx', bytes },
    { fileName: '会议纪要.docx', bytes },
  ],
  manifestName: '清单.txt',
  ...overrides,
});

describe('desk:export', () => {
  it('registers both channels', () => {
    expect(setup().ipc.channels().sort()).toEqual(['desk:export:listDrives', 'desk:export:write']);
  });

  it('lists drives, then writes to one by its id', async () => {
    const { call } = setup();
    expect(await call('desk:export:listDrives')).toEqual({
      ok: true,
      value: [{ id: 'drive-0001', label: 'KINGSTON', mount: 'E:' }],
    });
    const result = await call('desk:export:write', request());
    expect(result.ok).toBe(true);
    expect(result.value.location).toBe(join(dir, 'stick', '青溪区第14次民营企业接待日-交办材料'));
    expect(result.value.files.every((f) => f.ok) && result.value.manifest.ok).toBe(true);
    expect((await readdir(result.value.location as string)).sort()).toEqual(
      ['会议纪要.docx', '青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单.docx', '清单.txt'].sort(),
    );
  });

  it('writes into a folder the user picked, by its token', async () => {
    const { call, grants } = setup();
    const { token } = grants.grant(dir);
    const result = await call(
      'desk:export:write',
      request({ target: { kind: 'directory', directoryToken: token } }),
    );
    expect(result.value.location).toBe(join(dir, '青溪区第14次民营企业接待日-交办材料'));
  });

  it('answers not_found for a drive id it did not issue, or one from before the latest listing', async () => {
    const { call } = setup();
    expect(await call('desk:export:write', request())).toEqual({
      ok: false,
      error: { code: 'not_found', message: '所选U盘已失效（可能已拔出或重新插入），请重新检测U盘' },
    });
    const folder = await call(
      'desk:export:write',
      request({ target: { kind: 'directory', directoryToken: 'token-9999' } }),
    );
    expect(folder.error.code).toBe('not_found');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses unsafe names, paths, duplicates and oversize requests before touching the disk', async () => {
    const { call } = setup();
    await call('desk:export:listDrives');
    const file = (fileName: string) => ({ fileName, bytes });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ files: [file('CON.docx')] }, /files\.0\.fileName.*保留名/],
      [{ files: [file('aux.docx')] }, /保留名/],
      [{ files: [file('A/B.docx')] }, /路径分隔符/],
      [{ files: [file('a:b.docx')] }, /Windows 不允许/],
      [{ files: [file('公司.')] }, /首尾的点和空格/],
      [{ files: [file('..')] }, /文件名无效/],
      [{ files: [] }, /没有要导出的文件/],
      [{ files: Array.from({ length: MAX_EXPORT_FILES + 1 }, (_, i) => file(`${i}.docx`)) }, /最多导出500个/],
      [{ files: [file('纪要.docx'), file('纪要.DOCX')] }, /文件名重复：“纪要.DOCX”/],
      [{ manifestName: '会议纪要.docx' }, /文件名重复/],
      [{ folderName: '../etc' }, /文件夹名/],
      [{ folderName: 'E:\\x' }, /文件夹名/],
      [{ folderName: 'nul' }, /文件夹名/],
      [{ target: { kind: 'path', path: '/etc' } }, /target/],
      [{ target: { kind: 'drive', driveId: '/media/zhang' } }, /U盘编号无效/],
      [{ target: { kind: 'drive', driveId: 'drive-0001', path: '/etc' } }, /target/],
      [{ path: '/etc' }, /参数/],
    ];
    for (const [overrides, message] of cases) {
      const result = await call('desk:export:write', request(overrides));
      expect(result.ok, JSON.stringify(overrides).slice(0, 80)).toBe(false);
      expect(result.error.code).toBe('invalid_args');
      expect(result.error.message).toMatch(message);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('runs two exports one after the other', async () => {
    const { call } = setup();
    await call('desk:export:listDrives');
    const [a, b] = await Promise.all([
      call('desk:export:write', request()),
      call('desk:export:write', request()),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(b.value.files.every((f) => f.ok) && b.value.manifest.ok).toBe(true);
  });
});
