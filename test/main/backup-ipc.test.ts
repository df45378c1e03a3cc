import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { registerAppHandlers, type AppDeps } from '../../electron/main/ipc/app';
import { registerBackupHandlers, type BackupDeps } from '../../electron/main/ipc/backup';
import { topFrameSenderCheck } from '../../electron/main/ipc/handle';
import { createBackupStore, type BackupStore } from '../../electron/main/services/backups';
import { createDirectoryGrants } from '../../electron/main/services/directory-grants';
import type { DriveList } from '../../electron/main/services/drives';
import { nodeFileSystem } from '../../electron/main/services/file-save';
import { createFlushCoordinator } from '../../electron/main/services/flush';
import { MAX_BACKUP_BYTES, type FlushRequest } from '../../shared/ipc';
import { fakeEvent, fakeIpcMain } from './fakes';
import { faultyFs } from './fs-faults';

const APP = 'file:///app/index.html';
const trusted = topFrameSenderCheck((url) => url === APP);
const NOW = Date.parse('2026-11-30T18:00:00+08:00');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = new TextEncoder().encode('恳谈会务台备份'.repeat(2000));
const SUMMARY = { meetings: 14, assignments: 120, signOffs: 118, followUps: 30, enterprises: 200 };
const KEPT_ID = 'kentan-20261130-175730-auto.kentan';

interface CallResult {
  ok: boolean;
  value: unknown;
  error: { code: string; message: string };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kentan-backup-ipc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every method of a store, spied on, still doing the real work. */
function spied(store: BackupStore) {
  return {
    status: vi.fn(store.status),
    write: vi.fn(store.write),
    read: vi.fn(store.read),
    note: vi.fn(store.note),
    copied: vi.fn(store.copied),
  };
}

function setup(deps: Partial<BackupDeps> = {}, app: AppDeps = {}) {
  const ipc = fakeIpcMain();
  const grants = createDirectoryGrants(() => 'token-0001', basename);
  const stick = join(dir, 'stick');
  const drives: DriveList = {
    list: async () => [{ id: 'drive-0001', label: 'KINGSTON', mount: 'E:' }],
    resolve: (id) => (id === 'drive-0001' ? stick : undefined),
  };
  const store = spied(
    createBackupStore({ fs: { ...nodeFileSystem, stat }, folder: join(dir, 'backups'), now: () => NOW }),
  );
  registerBackupHandlers(ipc, trusted, {
    store,
    fs: { ...nodeFileSystem, stat },
    drives,
    grants,
    pickFile: async () => null,
    basename,
    now: () => NOW,
    ...deps,
  });
  registerAppHandlers(
    ipc,
    trusted,
    { name: '恳谈会务台', version: '0.1.0', platform: 'win32', electron: '39.0.0', chrome: '142.0.0' },
    app,
  );
  const call = (channel: string, ...args: unknown[]) =>
    ipc.invoke(channel, fakeEvent(APP), ...args) as Promise<CallResult>;
  return { call, ipc, grants, store, stick };
}

const writeRequest = (overrides: Record<string, unknown> = {}) => ({
  bytes,
  reason: 'auto',
  createdAt: Date.parse('2026-11-30T17:57:30+08:00'),
  summary: SUMMARY,
  docNumberHighWater: { '2026': 14 },
  ...overrides,
});

describe('desk:backup', () => {
  it('registers its channels beside the app ones', () => {
    expect(setup().ipc.channels().sort()).toEqual(
      [
        'desk:app:flushed',
        'desk:app:info',
        'desk:app:notices',
        'desk:backup:note',
        'desk:backup:openFile',
        'desk:backup:read',
        'desk:backup:saveTo',
        'desk:backup:status',
        'desk:backup:write',
      ].sort(),
    );
  });

  it('writes, lists, reads back and notes through the bridge', async () => {
    const { call } = setup();
    const written = await call('desk:backup:write', writeRequest());
    expect(written).toEqual({
      ok: true,
      value: {
        id: KEPT_ID,
        createdAt: writeRequest().createdAt,
        reason: 'auto',
        size: bytes.byteLength,
        sha256: sha(bytes),
        summary: SUMMARY,
      },
    });
    const status = await call('desk:backup:status');
    expect(status.value).toMatchObject({ backups: [{ id: KEPT_ID }], state: { ranBefore: true } });
    const read = await call('desk:backup:read', { id: KEPT_ID });
    expect(read.ok).toBe(true);
    expect(sha(read.value as Uint8Array)).toBe(sha(bytes));
    const noted = await call('desk:backup:note', { docNumberHighWater: { '2026': 3, '2027': 2 } });
    expect(noted.value).toMatchObject({ docNumberHighWater: { '2026': 14, '2027': 2 } });
  });

  it('refuses a read by a path, before the store sees it', async () => {
    const { call, store } = setup();
    for (const id of [
      '../x',
      'C:\\x.kentan',
      `${KEPT_ID}/../..`,
      `../${KEPT_ID}`,
      `..\\${KEPT_ID}`,
      `/home/zhang/${KEPT_ID}`,
      `${KEPT_ID}\\..\\..\\x`,
      `${KEPT_ID}\u0000`,
      'state.json',
      '',
    ]) {
      const result = await call('desk:backup:read', { id });
      expect(result.ok, JSON.stringify(id)).toBe(false);
      expect(result.error.code).toBe('invalid_args');
      expect(result.error.message).toMatch(/备份编号无效/);
    }
    for (const args of [[{ id: 42 }], [{ id: KEPT_ID, path: '/etc' }], [KEPT_ID], []]) {
      expect((await call('desk:backup:read', ...args)).error.code, JSON.stringify(args)).toBe('invalid_args');
    }
    expect(store.read).not.toHaveBeenCalled();
  });

  it('reaches the store for a well-formed id, which refuses one it does not list', async () => {
    const { call, store } = setup();
    expect(await call('desk:backup:read', { id: KEPT_ID })).toEqual({
      ok: false,
      error: { code: 'not_found', message: '这份备份已不在备份文件夹中，请刷新列表' },
    });
    expect(store.read).toHaveBeenCalledWith(KEPT_ID);
  });

  it('refuses a call from a frame that is not the app', async () => {
    const { ipc, store } = setup();
    const result = (await ipc.invoke('desk:backup:read', fakeEvent('https://example.com/'), {
      id: KEPT_ID,
    })) as CallResult;
    expect(result.error.code).toBe('forbidden_sender');
    expect(store.read).not.toHaveBeenCalled();
  });

  it('refuses a write whose bytes are not a Uint8Array, whose reason is unknown, or that is malformed', async () => {
    const { call, store } = setup();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ bytes: [...bytes.subarray(0, 100)] }, /备份内容必须是字节数组/],
      [{ bytes: '恳谈会务台备份' }, /备份内容必须是字节数组/],
      [{ bytes: bytes.buffer }, /备份内容必须是字节数组/],
      [{ bytes: { 0: 1, length: 1 } }, /备份内容必须是字节数组/],
      [{ bytes: new Uint8Array(0) }, /备份内容为空/],
      [{ reason: 'hourly' }, /reason/],
      [{ reason: '../auto' }, /reason/],
      [{ createdAt: -1 }, /createdAt/],
      [{ createdAt: 1.5 }, /createdAt/],
      [{ summary: { ...SUMMARY, extra: 1 } }, /summary/],
      [{ docNumberHighWater: { '青工商联交|2026': 3 } }, /docNumberHighWater/],
      [{ docNumberHighWater: { '2026': -1 } }, /docNumberHighWater/],
      [{ path: '/etc/passwd' }, /参数/],
    ];
    for (const [overrides, message] of cases) {
      const result = await call('desk:backup:write', writeRequest(overrides));
      expect(result.ok, Object.keys(overrides).join()).toBe(false);
      expect(result.error.code).toBe('invalid_args');
      expect(result.error.message).toMatch(message);
    }
    expect(store.write).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  describe('saveTo', () => {
    const save = (target: Record<string, unknown>, fileName = KEPT_ID) => ({ target, fileName, bytes });

    it('answers not_found in Chinese for a drive id or a folder token it does not know', async () => {
      const { call, store } = setup();
      expect(await call('desk:backup:saveTo', save({ kind: 'drive', driveId: 'drive-9999' }))).toEqual({
        ok: false,
        error: { code: 'not_found', message: '所选U盘已失效（可能已拔出或重新插入），请重新检测U盘' },
      });
      expect(
        await call('desk:backup:saveTo', save({ kind: 'directory', directoryToken: 'token-9999' })),
      ).toEqual({ ok: false, error: { code: 'not_found', message: '所选文件夹已失效，请重新选择保存位置' } });
      expect(store.copied).not.toHaveBeenCalled();
      expect(await readdir(dir)).toEqual([]);
    });

    it('writes verified into a folder the user picked and records when it copied', async () => {
      const { call, grants, store } = setup();
      const chosen = join(dir, '备份U盘');
      await mkdir(chosen);
      const { token } = grants.grant(chosen);
      const fileName = '恳谈会务台备份-20261130.kentan';
      const result = await call(
        'desk:backup:saveTo',
        save({ kind: 'directory', directoryToken: token }, fileName),
      );
      expect(result).toEqual({ ok: true, value: { fileName, size: bytes.byteLength, sha256: sha(bytes) } });
      expect(await readdir(chosen)).toEqual([fileName]);
      expect(sha(await readFile(join(chosen, fileName)))).toBe(sha(bytes));
      expect(store.copied).toHaveBeenCalledWith(NOW);
      expect((await call('desk:backup:status')).value).toMatchObject({ state: { lastCopyAt: NOW } });
    });

    it('writes onto a drive by its id', async () => {
      const { call, stick } = setup();
      await mkdir(stick);
      const result = await call('desk:backup:saveTo', save({ kind: 'drive', driveId: 'drive-0001' }));
      expect(result.ok).toBe(true);
      expect(await readdir(stick)).toEqual([KEPT_ID]);
    });

    it('does not record a copy that failed (the stick is full)', async () => {
      const { call, grants, store } = setup({
        fs: { ...faultyFs({ writeBudget: { bytes: 1000, code: 'ENOSPC' } }), stat },
      });
      const { token } = grants.grant(dir);
      const result = await call('desk:backup:saveTo', save({ kind: 'directory', directoryToken: token }));
      expect(result.error).toEqual({
        code: 'io_failed',
        message: `磁盘空间不足，“${KEPT_ID}”未能写入。请清理空间或换一个U盘后重试`,
      });
      expect(await readdir(dir)).toEqual([]);
      expect(store.copied).not.toHaveBeenCalled();
    });

    it('refuses a name that is a path or not a .kentan file', async () => {
      const { call, grants } = setup();
      const { token } = grants.grant(dir);
      for (const fileName of ['../x.kentan', 'C:\\x.kentan', 'backup.zip', 'CON.kentan', '']) {
        const result = await call(
          'desk:backup:saveTo',
          save({ kind: 'directory', directoryToken: token }, fileName),
        );
        expect(result.error.code, fileName).toBe('invalid_args');
      }
      expect(await readdir(dir)).toEqual([]);
    });
  });

  describe('openFile', () => {
    it('answers null when the user cancels, without touching the disk', async () => {
      const statSpy = vi.fn(async (path: string) => stat(path));
      const { call } = setup({ fs: { ...nodeFileSystem, stat: statSpy } });
      expect(await call('desk:backup:openFile')).toEqual({ ok: true, value: null });
      expect(statSpy).not.toHaveBeenCalled();
    });

    it('reads a small file the user picked, labelled by its name', async () => {
      const path = join(dir, '上月备份.kentan');
      await writeFile(path, bytes);
      const { call } = setup({ pickFile: async () => path });
      const result = await call('desk:backup:openFile');
      expect(result.ok).toBe(true);
      const opened = result.value as { label: string; bytes: Uint8Array };
      expect(opened.label).toBe('上月备份.kentan');
      expect(sha(opened.bytes)).toBe(sha(bytes));
    });

    it('refuses a file larger than a backup can be, without reading it', async () => {
      const readSpy = vi.fn(nodeFileSystem.readFile);
      const { call } = setup({
        pickFile: async () => join(dir, '电影.kentan'),
        fs: { ...nodeFileSystem, readFile: readSpy, stat: async () => ({ size: MAX_BACKUP_BYTES + 1 }) },
      });
      expect(await call('desk:backup:openFile')).toEqual({
        ok: false,
        error: { code: 'blocked', message: '“电影.kentan”超过 512 MB，不是恳谈会务台的备份文件' },
      });
      expect(readSpy).not.toHaveBeenCalled();
    });

    it('accepts a file of exactly the largest size', async () => {
      const { call } = setup({
        pickFile: async () => join(dir, 'a.kentan'),
        fs: {
          ...nodeFileSystem,
          readFile: async () => bytes,
          stat: async () => ({ size: MAX_BACKUP_BYTES }),
        },
      });
      expect((await call('desk:backup:openFile')).ok).toBe(true);
    });

    it('says in Chinese when the file cannot be read (the stick was pulled)', async () => {
      const { call } = setup({ pickFile: async () => join(dir, '不在了.kentan') });
      expect(await call('desk:backup:openFile')).toEqual({
        ok: false,
        error: { code: 'io_failed', message: '无法读取“不在了.kentan”（ENOENT），请确认U盘已插好' },
      });
    });
  });
});

describe('desk:app notices and flushed', () => {
  it('returns the notices once, then none', async () => {
    const notices = ['上次窗口意外关闭，已重新载入', '已自动恢复草稿'];
    const { call } = setup({}, { takeNotices: () => notices.splice(0) });
    expect(await call('desk:app:notices')).toEqual({
      ok: true,
      value: ['上次窗口意外关闭，已重新载入', '已自动恢复草稿'],
    });
    expect(await call('desk:app:notices')).toEqual({ ok: true, value: [] });
    expect(await setup().call('desk:app:notices')).toEqual({ ok: true, value: [] });
  });

  it('forwards a flush answer to the coordinator, which then stops waiting', async () => {
    const sent: FlushRequest[] = [];
    const flush = createFlushCoordinator({
      targets: () => [{ isDestroyed: () => false, send: (_channel, request) => void sent.push(request) }],
      newId: () => '2f0b7c1e-6a8d-4a35-9b3c-0d1e2f3a4b5c',
      setTimer: () => undefined,
    });
    const { call } = setup({}, { flushed: (id) => flush.answered(id) });
    const result = flush.request('quit');
    expect(sent).toEqual([{ id: '2f0b7c1e-6a8d-4a35-9b3c-0d1e2f3a4b5c', reason: 'quit' }]);
    expect(await call('desk:app:flushed', { id: '2f0b7c1e-6a8d-4a35-9b3c-0d1e2f3a4b5c' })).toEqual({
      ok: true,
      value: true,
    });
    expect(await result).toEqual({ asked: 1, answered: 1 });
    // The same answer again, or one to a request never made, is false.
    expect((await call('desk:app:flushed', { id: '2f0b7c1e-6a8d-4a35-9b3c-0d1e2f3a4b5c' })).value).toBe(
      false,
    );
    expect((await call('desk:app:flushed', { id: 'flush-0000-unknown' })).value).toBe(false);
  });

  it('refuses a malformed id before forwarding it, and answers false with nothing to forward to', async () => {
    const flushed = vi.fn(() => true);
    const { call } = setup({}, { flushed });
    for (const id of ['short', '../flush-0001', 'x'.repeat(65), 7]) {
      expect((await call('desk:app:flushed', { id })).error.code, String(id)).toBe('invalid_args');
    }
    expect(flushed).not.toHaveBeenCalled();
    expect(await setup().call('desk:app:flushed', { id: 'flush-0001' })).toEqual({ ok: true, value: false });
  });
});
