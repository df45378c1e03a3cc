import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFlushCoordinator,
  DEFAULT_FLUSH_TIMEOUT_MS,
  type FlushDeps,
  type FlushTarget,
} from '../../electron/main/services/flush';
import { FLUSH_EVENT_CHANNEL, type FlushRequest } from '../../shared/ipc';

/** A window that records what it was sent; `throws` makes its send fail, `destroyed` closes it. */
function window(options: { destroyed?: boolean; throws?: boolean } = {}) {
  const sent: Array<{ channel: string; request: FlushRequest }> = [];
  const target: FlushTarget & { sent: typeof sent } = {
    sent,
    isDestroyed: () => options.destroyed ?? false,
    send(channel, request) {
      if (options.throws) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      sent.push({ channel, request });
    },
  };
  return target;
}

/** Timers the test fires by hand. */
function fakeTimers() {
  const timers: Array<{ fn: () => void; ms: number }> = [];
  return {
    timers,
    setTimer: (fn: () => void, ms: number) => void timers.push({ fn, ms }),
    fireAll: () => {
      for (const t of timers.splice(0)) t.fn();
    },
  };
}

function setup(targets: FlushTarget[], deps: Partial<FlushDeps> = {}) {
  let n = 0;
  const clock = fakeTimers();
  const flush = createFlushCoordinator({
    targets: () => targets,
    newId: () => `flush-${String(++n).padStart(4, '0')}`,
    setTimer: clock.setTimer,
    ...deps,
  });
  return { flush, clock };
}

/** Whether a promise has settled after pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createFlushCoordinator', () => {
  it('sends every live window the flush request with its own id and the reason; resolves when all answer', async () => {
    const a = window();
    const b = window();
    const { flush, clock } = setup([a, b]);
    const result = flush.request('quit');
    expect(a.sent).toEqual([{ channel: FLUSH_EVENT_CHANNEL, request: { id: 'flush-0001', reason: 'quit' } }]);
    expect(b.sent).toEqual([{ channel: FLUSH_EVENT_CHANNEL, request: { id: 'flush-0002', reason: 'quit' } }]);
    expect(FLUSH_EVENT_CHANNEL).toBe('desk:event:flush');
    expect(clock.timers.map((t) => t.ms)).toEqual([20_000, 20_000]);

    expect(flush.answered('flush-0001')).toBe(true);
    expect(await settled(result)).toBe(false);
    expect(flush.answered('flush-0002')).toBe(true);
    expect(await result).toEqual({ asked: 2, answered: 2 });
    // A second answer to the same request, or the deadline passing afterwards, changes nothing.
    expect(flush.answered('flush-0001')).toBe(false);
    clock.fireAll();
  });

  it('gives up on a window that never answers when the deadline passes', async () => {
    const quick = window();
    const hung = window();
    const { flush, clock } = setup([quick, hung], { timeoutMs: { shutdown: 1500 } });
    const result = flush.request('shutdown');
    expect(clock.timers.map((t) => t.ms)).toEqual([1500, 1500]);
    expect(flush.answered(quick.sent[0]?.request.id ?? '')).toBe(true);
    expect(await settled(result)).toBe(false);
    clock.fireAll();
    expect(await result).toEqual({ asked: 2, answered: 1 });
    // Too late: the request no longer waits.
    expect(flush.answered(hung.sent[0]?.request.id ?? '')).toBe(false);
  });

  it('waits each reason its own default time', async () => {
    expect(DEFAULT_FLUSH_TIMEOUT_MS).toEqual({ quit: 20_000, 'session-end': 4_000, shutdown: 4_000 });
    const { flush, clock } = setup([window()], { timeoutMs: { quit: 100 } });
    void flush.request('session-end');
    void flush.request('shutdown');
    void flush.request('quit');
    expect(clock.timers.map((t) => t.ms)).toEqual([4_000, 4_000, 100]);
    clock.fireAll();
  });

  it('skips destroyed windows', async () => {
    const live = window();
    const closed = window({ destroyed: true });
    const { flush } = setup([closed, live]);
    const result = flush.request('session-end');
    expect(closed.sent).toEqual([]);
    expect(live.sent).toEqual([
      { channel: FLUSH_EVENT_CHANNEL, request: { id: 'flush-0001', reason: 'session-end' } },
    ]);
    flush.answered('flush-0001');
    expect(await result).toEqual({ asked: 1, answered: 1 });
  });

  it('counts a window whose send throws as not answered, without waiting for the deadline', async () => {
    const broken = window({ throws: true });
    const live = window();
    const { flush, clock } = setup([broken, live]);
    const result = flush.request('quit');
    expect(flush.answered('flush-0001')).toBe(false);
    expect(flush.answered('flush-0002')).toBe(true);
    expect(await result).toEqual({ asked: 2, answered: 1 });
    expect(clock.timers).toHaveLength(2);
  });

  it('resolves at once with no window', async () => {
    const { flush } = setup([window({ destroyed: true })]);
    expect(await flush.request('quit')).toEqual({ asked: 0, answered: 0 });
  });

  it('answered() of an id it never issued is false', () => {
    const { flush } = setup([window()]);
    expect(flush.answered('flush-0001')).toBe(false);
    expect(flush.answered('')).toBe(false);
  });

  it('uses a real timer when none is given', async () => {
    vi.useFakeTimers();
    let n = 0;
    const flush = createFlushCoordinator({ targets: () => [window()], newId: () => `real-${++n}-0000` });
    let done = false;
    const result = flush.request('shutdown').finally(() => (done = true));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual({ asked: 1, answered: 0 });
  });
});
