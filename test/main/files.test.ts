import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { registerFileHandlers } from '../../electron/main/ipc/files';
import { topFrameSenderCheck } from '../../electron/main/ipc/handle';
import { createDirectoryGrants } from '../../electron/main/services/directory-grants';
import type { FileSystem } from '../../electron/main/services/file-save';
import { fakeEvent, fakeIpcMain } from './fakes';

const APP = 'file:///app/index.html';
const trusted = topFrameSenderCheck((url) => url === APP);
const realFs: FileSystem = { open, rename, readFile, unlink };
const bytes = new TextEncoder().encode('交办单内容'.repeat(1000));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A file system that fails writes with `code` once `limit` bytes have been written. */
function failingAfter(limit: number, code: string): FileSystem {
  return {
    ...realFs,
    async open(path, flags) {
      const handle = await open(path, flags);
      let written = 0;
      return {
        async write(data, offset = 0, length = data.byteLength - offset, position) {
          const n = Math.min(length, Math.max(0, limit - written));
          if (n === 0) throw Object.assign(new Error(code), { code });
          const r = await handle.write(data, offset, n, position);
          written += r.bytesWritten;
          return r;
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

let dir: string;
let counter = 0;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kentan-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a desk call resolves to, loosely typed for assertions. */
interface CallResult {
  ok: boolean;
  value: { token: string } & Record<string, unknown>;
  error: { code: string; message: string };
}

function setup(fs: FileSystem, picked: string | null = dir) {
  const ipc = fakeIpcMain();
  const grants = createDirectoryGrants(() => `token-${String(++counter).padStart(4, '0')}`, basename);
  const sleeps: number[] = [];
  const retry = { sleep: async (ms: number) => void sleeps.push(ms) };
  registerFileHandlers(ipc, trusted, { pickDirectory: async () => picked, grants, fs, retry });
  const call = (channel: string, ...args: unknown[]) =>
    ipc.invoke(channel, fakeEvent(APP), ...args) as Promise<CallResult>;
  return { call, sleeps };
}

describe('desk:files', () => {
  it('saves into the chosen directory, verified, and leaves no temporary file', async () => {
    const { call } = setup(realFs);
    const chosen = await call('desk:files:chooseDirectory');
    expect(chosen).toEqual({ ok: true, value: { token: expect.any(String), label: basename(dir) } });
    const saved = await call('desk:files:save', {
      directoryToken: chosen.value.token,
      fileName: '青工商联交〔2026〕1号-交办单.docx',
      bytes,
    });
    expect(saved).toEqual({
      ok: true,
      value: { fileName: '青工商联交〔2026〕1号-交办单.docx', size: bytes.byteLength, sha256: sha(bytes) },
    });
    expect(await readdir(dir)).toEqual(['青工商联交〔2026〕1号-交办单.docx']);
    expect(sha(await readFile(join(dir, '青工商联交〔2026〕1号-交办单.docx')))).toBe(sha(bytes));
  });

  it('returns null when the user cancels the dialog', async () => {
    const { call } = setup(realFs, null);
    expect(await call('desk:files:chooseDirectory')).toEqual({ ok: true, value: null });
  });

  it('refuses a token that was never granted', async () => {
    const { call } = setup(realFs);
    const result = await call('desk:files:save', { directoryToken: 'token-9999', fileName: 'a.docx', bytes });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('重新选择') },
    });
  });

  it('refuses names Windows cannot hold', async () => {
    const { call } = setup(realFs);
    const { value } = await call('desk:files:chooseDirectory');
    for (const fileName of ['CON.docx', 'a:b.docx', 'what?.docx', 'name.']) {
      const result = await call('desk:files:save', { directoryToken: value.token, fileName, bytes });
      expect(result.ok, fileName).toBe(false);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['ENOSPC', /空间不足/],
    ['EROFS', /写保护/],
    ['EIO', /拔出或损坏/],
    ['EBUSY', /占用/],
  ])('a %s after some bytes leaves nothing behind and says why in Chinese', async (code, message) => {
    const { call } = setup(failingAfter(4096, code));
    const { value } = await call('desk:files:chooseDirectory');
    const result = await call('desk:files:save', {
      directoryToken: value.token,
      fileName: '纪要.docx',
      bytes,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'io_failed', message: expect.stringMatching(message) },
    });
    expect(result.error.message).toContain('纪要.docx');
    expect(await readdir(dir)).toEqual([]);
  });

  it('tries a locked file again after a backoff before giving up', async () => {
    const { call, sleeps } = setup(failingAfter(4096, 'EBUSY'));
    const { value } = await call('desk:files:chooseDirectory');
    const result = await call('desk:files:save', {
      directoryToken: value.token,
      fileName: '纪要.docx',
      bytes,
    });
    expect(result.ok).toBe(false);
    expect(sleeps).toEqual([100, 300, 900]);
  });

  it('deletes a file that reads back different and says so', async () => {
    const corrupting: FileSystem = { ...realFs, readFile: async () => new Uint8Array([0]) };
    const { call } = setup(corrupting);
    const { value } = await call('desk:files:chooseDirectory');
    const result = await call('desk:files:save', { directoryToken: value.token, fileName: 'a.docx', bytes });
    expect(result).toEqual({
      ok: false,
      error: { code: 'verify_failed', message: expect.stringContaining('校验不一致') },
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('overwrites an earlier export of the same name only once the new one is complete', async () => {
    const { call } = setup(realFs);
    const { value } = await call('desk:files:chooseDirectory');
    await call('desk:files:save', {
      directoryToken: value.token,
      fileName: 'a.docx',
      bytes: new Uint8Array([1, 2, 3]),
    });
    const failed = setup(failingAfter(10, 'ENOSPC'));
    const again = await failed.call('desk:files:chooseDirectory');
    await failed.call('desk:files:save', { directoryToken: again.value.token, fileName: 'a.docx', bytes });
    expect([...(await readFile(join(dir, 'a.docx')))]).toEqual([1, 2, 3]);
  });
});
