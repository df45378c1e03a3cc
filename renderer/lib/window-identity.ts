// Which window this is, and which windows are still open (issue 15, 数据安全: two windows on one meeting).
//
// Every window has an id of its own, kept in sessionStorage: a reload of the same window keeps it, a new window gets
// a new one. The id names the drafts the window writes (stores/minutes.ts), so an Enter in one window deletes only its
// own draft. A window holds a Web Lock named after its id for as long as it lives; the browser releases it when the
// window closes, crashes or the whole browser is killed. A draft whose window holds no lock is an orphan: the next
// window to open the meeting adopts it. Where the Locks API is missing (or refused, as on a file:// page) a heartbeat
// in localStorage stands in: a window is live while it wrote its heartbeat less than HEARTBEAT_STALE_MS ago.

/** sessionStorage key of this window's id. */
export const WINDOW_ID_KEY = 'kentan-desk:window-id';
/** Prefix of the Web Lock each window holds for its lifetime. */
export const WINDOW_LOCK_PREFIX = 'kentan-desk:window:';
/** Prefix of the localStorage heartbeat used where there is no Locks API. */
export const HEARTBEAT_PREFIX = 'kentan-desk:alive:';
export const HEARTBEAT_EVERY_MS = 5_000;
export const HEARTBEAT_STALE_MS = 20_000;
/** How long a reloaded window waits for its old document to let go of the lock before it takes a new id. */
const RELOAD_GRACE_MS = 1_500;

/** The parts of the Locks API we use, so tests can pass their own. */
export interface LockManagerPort {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

/** Seams for tests: the storage, the locks and the clock. */
export interface WindowIdentityOptions {
  session?: Pick<Storage, 'getItem' | 'setItem'>;
  local?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'length' | 'key'>;
  locks?: LockManagerPort | null;
  now?: () => number;
  newId?: () => string;
}

/** A window's identity: its id once it holds its lock, and who else is alive. */
export interface WindowIdentity {
  /** This window's id, once its lock is held (at once in the common case; after a reload, when the old one let go). */
  id(): Promise<string>;
  /** Ids of the windows alive now, this one included; drafts of any other window are orphans. */
  liveIds(): Promise<ReadonlySet<string>>;
  /** Let the lock go (tests; a real window lets go when it closes). */
  release(): void;
}

const defaultLocks = (): LockManagerPort | null =>
  typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks
    ? (navigator.locks as unknown as LockManagerPort)
    : null;

/** This window's identity (one per document). */
export function createWindowIdentity(options: WindowIdentityOptions = {}): WindowIdentity {
  const session = options.session ?? (typeof sessionStorage !== 'undefined' ? sessionStorage : undefined);
  const local = options.local ?? (typeof localStorage !== 'undefined' ? localStorage : undefined);
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let release: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let useHeartbeat = !locks;

  const readStored = () => {
    try {
      return session?.getItem(WINDOW_ID_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const store = (id: string) => {
    try {
      session?.setItem(WINDOW_ID_KEY, id);
    } catch {
      // Without sessionStorage a reload is a new window: its draft is then adopted as an orphan, never lost.
    }
  };

  /** Hold `name` until released; resolves true once held, false when not granted (in time). */
  function hold(name: string, how: { ifAvailable?: boolean; waitMs?: number }): Promise<boolean> {
    if (!locks) return Promise.resolve(false);
    return new Promise<boolean>((granted) => {
      const abort = how.waitMs !== undefined ? new AbortController() : undefined;
      const timer = abort ? setTimeout(() => abort.abort(), how.waitMs) : undefined;
      locks
        .request(
          name,
          { ...(how.ifAvailable ? { ifAvailable: true } : {}), ...(abort ? { signal: abort.signal } : {}) },
          (lock) => {
            if (timer) clearTimeout(timer);
            if (lock === null) {
              granted(false);
              return undefined;
            }
            granted(true);
            return new Promise<void>((done) => (release = done));
          },
        )
        .catch(() => {
          if (timer) clearTimeout(timer);
          granted(false);
        });
    });
  }

  function beat(id: string) {
    const write = () => {
      try {
        local?.setItem(HEARTBEAT_PREFIX + id, String(now()));
      } catch {
        // A full localStorage: the window may then be taken for closed, and its draft adopted — not lost.
      }
    };
    write();
    heartbeat = setInterval(write, HEARTBEAT_EVERY_MS);
    if (typeof window !== 'undefined')
      window.addEventListener('pagehide', () => local?.removeItem(HEARTBEAT_PREFIX + id));
  }

  async function settle(): Promise<string> {
    let id = readStored() ?? newId();
    if (locks) {
      try {
        // Free at once in a new window; a reloaded one may wait a moment for its old document to let go.
        let held = await hold(WINDOW_LOCK_PREFIX + id, { ifAvailable: true });
        if (!held) held = await hold(WINDOW_LOCK_PREFIX + id, { waitMs: RELOAD_GRACE_MS });
        if (!held) {
          // Another live window has this id (a duplicated tab copies sessionStorage): this one takes a new id.
          id = newId();
          held = await hold(WINDOW_LOCK_PREFIX + id, { ifAvailable: true });
        }
        if (!held) useHeartbeat = true;
      } catch {
        useHeartbeat = true;
      }
    }
    store(id);
    if (useHeartbeat) beat(id);
    return id;
  }

  let settled: Promise<string> | undefined;
  const id = () => (settled ??= settle());

  async function liveIds(): Promise<ReadonlySet<string>> {
    const mine = await id();
    const alive = new Set<string>([mine]);
    if (!useHeartbeat && locks) {
      try {
        const { held = [] } = await locks.query();
        for (const lock of held)
          if (lock.name?.startsWith(WINDOW_LOCK_PREFIX))
            alive.add(lock.name.slice(WINDOW_LOCK_PREFIX.length));
        return alive;
      } catch {
        // fall through to the heartbeat
      }
    }
    if (!local) return alive;
    const t = now();
    for (let i = 0; i < local.length; i++) {
      const key = local.key(i);
      if (!key?.startsWith(HEARTBEAT_PREFIX)) continue;
      const at = Number(local.getItem(key));
      if (Number.isFinite(at) && t - at < HEARTBEAT_STALE_MS) alive.add(key.slice(HEARTBEAT_PREFIX.length));
    }
    return alive;
  }

  return {
    id,
    liveIds,
    release() {
      release?.();
      release = undefined;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
    },
  };
}

let current: WindowIdentity | undefined;

/** This document's window identity, created on first use. */
export function windowIdentity(): WindowIdentity {
  return (current ??= createWindowIdentity());
}

/** Replace this document's identity (tests: two windows in one process). */
export function setWindowIdentity(identity: WindowIdentity | undefined): void {
  current = identity;
}
