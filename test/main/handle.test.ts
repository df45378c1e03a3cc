import { describe, expect, it, vi } from 'vitest';
import { DeskFailure, handle, topFrameSenderCheck } from '../../electron/main/ipc/handle';
import { isAppUrl } from '../../electron/main/window';
import { registerAppHandlers } from '../../electron/main/ipc/app';
import { ALL_DESK_CHANNELS } from '../../shared/ipc';
import { fakeEvent, fakeIpcMain } from './fakes';

const APP = 'file:///opt/kentan/out/renderer/index.html';
const trusted = topFrameSenderCheck((url) =>
  isAppUrl(url, { kind: 'file', path: '/opt/kentan/out/renderer/index.html' }),
);
const facts = { name: '恳谈会务台', version: '1.2.3', platform: 'linux', electron: '45.4.1', chrome: '142' };

describe('handle()', () => {
  it('answers the app’s own top frame', async () => {
    const ipc = fakeIpcMain();
    registerAppHandlers(ipc, trusted, facts);
    expect(await ipc.invoke('desk:app:info', fakeEvent(`${APP}#/meetings`))).toEqual({
      ok: true,
      value: { ...facts, runtime: 'electron' },
    });
  });

  it('rejects a subframe, a foreign page and an event without a frame', async () => {
    const ipc = fakeIpcMain();
    registerAppHandlers(ipc, trusted, facts);
    const refused = {
      ok: false,
      error: { code: 'forbidden_sender', message: expect.stringContaining('不受信任') },
    };
    expect(await ipc.invoke('desk:app:info', fakeEvent(APP, { top: false }))).toEqual(refused);
    expect(await ipc.invoke('desk:app:info', fakeEvent('https://evil.example/'))).toEqual(refused);
    expect(await ipc.invoke('desk:app:info', fakeEvent('file:///tmp/other.html'))).toEqual(refused);
    const noFrame = { senderFrame: null } as never;
    expect(await ipc.invoke('desk:app:info', noFrame)).toEqual(refused);
  });

  it('rejects arguments the contract does not allow, with a Chinese message naming the field', async () => {
    const ipc = fakeIpcMain();
    let ran = false;
    handle(ipc, trusted, 'files', 'save', async () => {
      ran = true;
      return { fileName: 'x', size: 0, sha256: '' };
    });
    const call = (...args: unknown[]) => ipc.invoke('desk:files:save', fakeEvent(APP), ...args);
    const good = { directoryToken: 'abcdef12-3456', fileName: '交办单.docx', bytes: new Uint8Array([1]) };

    const cases: Array<[unknown[], RegExp]> = [
      [[], /参数/],
      [[{ ...good, fileName: '../../etc/passwd' }], /fileName.*路径分隔符/],
      [[{ ...good, fileName: 'C:\\Windows\\x.docx' }], /路径分隔符/],
      [[{ ...good, fileName: '' }], /不能为空/],
      [[{ ...good, fileName: `${'汉'.repeat(90)}.docx` }], /255字节/],
      [[{ ...good, bytes: 'not bytes' }], /字节数组/],
      [[{ ...good, directoryToken: '/home/user' }], /目录凭据/],
      [[{ ...good, path: '/etc' }], /参数/],
      [[good, 'extra'], /参数/],
    ];
    for (const [args, message] of cases) {
      const result = (await call(...args)) as { ok: boolean; error: { code: string; message: string } };
      expect(result.ok, JSON.stringify(args).slice(0, 80)).toBe(false);
      expect(result.error.code).toBe('invalid_args');
      expect(result.error.message).toMatch(message);
    }
    expect(ran).toBe(false);
    expect(await call(good)).toMatchObject({ ok: true });
    expect(ran).toBe(true);
  });

  it('turns a DeskFailure into its typed error and anything else into a generic one', async () => {
    const ipc = fakeIpcMain();
    handle(ipc, trusted, 'files', 'chooseDirectory', async () => {
      throw new DeskFailure('cancelled', '已取消');
    });
    handle(ipc, trusted, 'app', 'info', async () => {
      throw new TypeError('boom');
    });
    expect(await ipc.invoke('desk:files:chooseDirectory', fakeEvent(APP))).toEqual({
      ok: false,
      error: { code: 'cancelled', message: '已取消' },
    });
    // The unexpected error is logged for support, and the renderer gets a typed error, not the stack.
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const internal = (await ipc.invoke('desk:app:info', fakeEvent(APP))) as {
      ok: boolean;
      error: { code: string };
    };
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log).toHaveBeenCalledWith('[desk] desk:app:info failed', expect.any(TypeError));
    log.mockRestore();
  });

  it('refuses to register a verb the contract does not have', () => {
    const ipc = fakeIpcMain();
    expect(() => handle(ipc, trusted, 'files', 'delete' as never, async () => null as never)).toThrow(
      /No desk channel/,
    );
    expect(ipc.channels()).toEqual([]);
  });

  it('names every channel desk:<concern>:<verb>', () => {
    for (const channel of ALL_DESK_CHANNELS) expect(channel).toMatch(/^desk:[a-z]+:[a-zA-Z]+$/);
  });
});
