// A window's id and who is alive (renderer/lib/window-identity.ts), against an in-memory Locks API that behaves as the
// browser's: a lock is held until its callback's promise settles; `ifAvailable` answers null at once when taken; a
// waiting request can be aborted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createWindowIdentity,
  HEARTBEAT_PREFIX,
  HEARTBEAT_STALE_MS,
  WINDOW_ID_KEY,
  type LockManagerPort,
} from '../../renderer/lib/window-identity';
import { createDeskSync, readDeskChange, type SyncChannelPort } from '../../renderer/lib/desk-sync';

/** The browser's lock manager, shared by every window of a profile. */
function fakeLocks(): LockManagerPort & { held: Set<string> } {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const grant = (name: string, callback: (lock: unknown) => unknown) => {
    held.add(name);
    return Promise.resolve(callback({ name })).finally(() => {
      held.delete(name);
      const next = waiting.get(name)?.shift();
      next?.();
    });
  };
  return {
    held,
    request(name, options, callback) {
      if (!held.has(name)) return grant(name, callback);
      if (options.ifAvailable) return Promise.resolve(callback(null));
      return new Promise((resolve, reject) => {
        const go = () => resolve(grant(name, callback));
        const queue = waiting.get(name) ?? [];
        queue.push(go);
        waiting.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          waiting.set(
            name,
            (waiting.get(name) ?? []).filter((g) => g !== go),
          );
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
    query: () => Promise.resolve({ held: [...held].map((name) => ({ name })) }),
  };
}

/** A window's sessionStorage (a reload keeps it; a new window starts empty). */
function fakeStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, String(v)),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  };
}

const ids = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${++n}`;
};

afterEach(() => vi.useRealTimers());

describe('createWindowIdentity with Web Locks', () => {
  it('a new window takes a new id, keeps it in sessionStorage and holds its lock', async () => {
    const locks = fakeLocks();
    const session = fakeStorage();
    const w = createWindowIdentity({ locks, session, local: fakeStorage(), newId: ids('w') });
    expect(await w.id()).toBe('w1');
    expect(session.getItem(WINDOW_ID_KEY)).toBe('w1');
    expect(locks.held).toEqual(new Set(['kentan-desk:window:w1']));
    expect(await w.liveIds()).toEqual(new Set(['w1']));
  });

  it('a reloaded window keeps its id, once the old document let go of the lock', async () => {
    const locks = fakeLocks();
    const session = fakeStorage();
    const before = createWindowIdentity({ locks, session, local: fakeStorage(), newId: ids('w') });
    expect(await before.id()).toBe('w1');
    const after = createWindowIdentity({ locks, session, local: fakeStorage(), newId: ids('x') });
    const id = after.id();
    before.release(); // the old document is gone a moment later
    expect(await id).toBe('w1');
  });

  it('a duplicated tab (the same sessionStorage, the first still open) takes an id of its own', async () => {
    vi.useFakeTimers();
    const locks = fakeLocks();
    const session = fakeStorage();
    const first = createWindowIdentity({ locks, session, local: fakeStorage(), newId: ids('w') });
    expect(await first.id()).toBe('w1');
    // The copy starts with the first window's sessionStorage, hence its id.
    const dup = createWindowIdentity({
      locks,
      session: { getItem: () => 'w1', setItem: () => undefined },
      local: fakeStorage(),
      newId: ids('d'),
    });
    const id = dup.id();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await id).toBe('d1');
    expect(await first.liveIds()).toEqual(new Set(['w1', 'd1']));
  });

  it('windows that are gone are not alive; their drafts are orphans', async () => {
    const locks = fakeLocks();
    const a = createWindowIdentity({ locks, session: fakeStorage(), local: fakeStorage(), newId: ids('a') });
    const b = createWindowIdentity({ locks, session: fakeStorage(), local: fakeStorage(), newId: ids('b') });
    await a.id();
    await b.id();
    expect(await a.liveIds()).toEqual(new Set(['a1', 'b1']));
    b.release(); // closed, crashed: the browser lets go of its lock
    expect(await a.liveIds()).toEqual(new Set(['a1']));
  });
});

describe('createWindowIdentity without Web Locks', () => {
  it('says who is alive from a heartbeat in localStorage', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const local = fakeStorage();
    const a = createWindowIdentity({ locks: null, session: fakeStorage(), local, newId: ids('a') });
    expect(await a.id()).toBe('a1');
    local.setItem(`${HEARTBEAT_PREFIX}b1`, String(Date.now()));
    local.setItem(`${HEARTBEAT_PREFIX}old`, String(Date.now() - HEARTBEAT_STALE_MS - 1));
    expect(await a.liveIds()).toEqual(new Set(['a1', 'b1']));
    // a1 keeps beating; b1 stopped.
    await vi.advanceTimersByTimeAsync(HEARTBEAT_STALE_MS);
    expect(await a.liveIds()).toEqual(new Set(['a1']));
    a.release();
  });
});

describe('desk sync', () => {
  it('reads only its own messages', () => {
    expect(readDeskChange({ v: 1, kind: 'minutes', meetingId: 'm1' })).toEqual({
      kind: 'minutes',
      meetingId: 'm1',
    });
    expect(readDeskChange({ v: 1, kind: 'live', meetingId: 'm1', extra: 1 })).toEqual({
      kind: 'live',
      meetingId: 'm1',
    });
    expect(readDeskChange({ v: 2, kind: 'minutes', meetingId: 'm1' })).toBeUndefined();
    expect(readDeskChange({ v: 1, kind: 'drafts', meetingId: 'm1' })).toBeUndefined();
    expect(readDeskChange({ v: 1, kind: 'minutes', meetingId: '' })).toBeUndefined();
    expect(readDeskChange('minutes')).toBeUndefined();
  });

  it('tells the other windows, not itself', () => {
    const ports: SyncChannelPort[] = [];
    const create = (): SyncChannelPort => {
      const port: SyncChannelPort = {
        onmessage: null,
        close: () => undefined,
        postMessage: (data) => {
          for (const p of ports) if (p !== port) p.onmessage?.({ data } as MessageEvent);
        },
      };
      ports.push(port);
      return port;
    };
    const a = createDeskSync(create);
    const b = createDeskSync(create);
    const heardA = vi.fn();
    const heardB = vi.fn();
    a.listen(heardA);
    const stop = b.listen(heardB);
    a.announce({ kind: 'minutes', meetingId: 'm1' });
    expect(heardB).toHaveBeenCalledWith({ kind: 'minutes', meetingId: 'm1' });
    expect(heardA).not.toHaveBeenCalled();
    stop();
    a.announce({ kind: 'live', meetingId: 'm1' });
    expect(heardB).toHaveBeenCalledTimes(1);
  });
});
