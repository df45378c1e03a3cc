import { describe, expect, it, vi } from 'vitest';
import { contextBridge } from 'electron';
import { buildDeskApi } from '../../electron/preload/desk-api';
import { DESK_CHANNELS } from '../../shared/ipc';

describe('preload', () => {
  it('exposes exactly the contract as window.desk, one function per channel', async () => {
    await import('../../electron/preload/index');
    expect(vi.mocked(contextBridge.exposeInMainWorld)).toHaveBeenCalledTimes(2);
    const [name, api] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0] as unknown as [
      string,
      Record<string, Record<string, unknown>>,
    ];
    expect(name).toBe('desk');
    const shape = Object.fromEntries(Object.entries(api).map(([c, verbs]) => [c, Object.keys(verbs).sort()]));
    const expected = Object.fromEntries(
      Object.entries(DESK_CHANNELS).map(([c, verbs]) => [c, Object.keys(verbs).sort()]),
    );
    expect(shape).toEqual(expected);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards each call to its own channel with its arguments', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 'x' }));
    const api = buildDeskApi(invoke);
    const request = { directoryToken: 'token-0001', fileName: 'a.docx', bytes: new Uint8Array([1]) };
    await api.files.save(request);
    await api.app.info();
    expect(invoke.mock.calls).toEqual([
      ['desk:files:save', [request]],
      ['desk:app:info', []],
    ]);
  });
});
