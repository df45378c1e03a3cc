import { describe, expect, it, vi } from 'vitest';
import { contextBridge } from 'electron';
import { buildDeskApi, buildDeskEvents, type Listen } from '../../electron/preload/desk-api';
import { DESK_CHANNELS, FLUSH_EVENT_CHANNEL } from '../../shared/ipc';

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

  it('passes a well-formed flush request to the page and drops anything else', () => {
    const unsubscribe = vi.fn();
    let deliver: ((payload: unknown) => void) | undefined;
    const listen = vi.fn<Listen>((_channel, listener) => {
      deliver = listener;
      return unsubscribe;
    });
    const events = buildDeskEvents(listen);
    expect(Object.isFrozen(events)).toBe(true);
    const listener = vi.fn();
    const stop = events.onFlushRequest(listener);
    expect(listen).toHaveBeenCalledWith(FLUSH_EVENT_CHANNEL, expect.any(Function));
    expect(stop).toBe(unsubscribe);

    const id = '2f0b7c1e-6a8d-4a35-9b3c-0d1e2f3a4b5c';
    for (const reason of ['quit', 'session-end', 'shutdown']) deliver?.({ id, reason });
    // Extra fields are not passed on.
    deliver?.({ id: 'flush-0001', reason: 'quit', extra: '<script>' });
    for (const bad of [
      { id: 'short', reason: 'quit' },
      { id: '../../flush-0001', reason: 'quit' },
      { id: 'x'.repeat(65), reason: 'quit' },
      { id: 12345678, reason: 'quit' },
      { reason: 'quit' },
      { id, reason: 'reload' },
      { id, reason: 'QUIT' },
      { id },
      { id, reason: ['quit'] },
      null,
      undefined,
      'quit',
      42,
      [id, 'quit'],
    ])
      deliver?.(bad);
    expect(listener.mock.calls).toEqual([
      [{ id, reason: 'quit' }],
      [{ id, reason: 'session-end' }],
      [{ id, reason: 'shutdown' }],
      [{ id: 'flush-0001', reason: 'quit' }],
    ]);
    expect(unsubscribe).not.toHaveBeenCalled();
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
