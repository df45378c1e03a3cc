// The audit chain's head as this app last wrote it, kept outside IndexedDB (in the profile's localStorage).
// A chain that verifies link by link can still have lost its newest records, or have been recomputed from
// scratch by someone who rewrote the database consistently: the anchor catches both, because the record
// the app last appended must still be there, with the same hash. (The 清单 of every export carries the
// same head, and the printed 交办单 its check code: anchors on paper and on the USB stick.)
import type { AuditRecord } from '../../shared/domain/types';

/** The last record the app appended: its sequence number and hash. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

/** What the anchor says about the chain now. */
export type AnchorVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: string;
      /** The first record that can no longer be trusted. */ untrustedFrom: number;
    };

const key = (dbName: string) => `kentan-desk:audit-anchor:${dbName}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The anchor kept for a database, if any. */
export function readAnchor(dbName: string): ChainAnchor | undefined {
  const raw = storage()?.getItem(key(dbName));
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<ChainAnchor>;
    return typeof parsed.seq === 'number' && typeof parsed.hash === 'string'
      ? { seq: parsed.seq, hash: parsed.hash }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Move the anchor forward to a record just appended (never backwards: another window may be ahead). */
export function advanceAnchor(dbName: string, record: Pick<AuditRecord, 'seq' | 'hash'>): void {
  if (record.seq === undefined) return;
  const current = readAnchor(dbName);
  if (current && current.seq >= record.seq) return;
  storage()?.setItem(key(dbName), JSON.stringify({ seq: record.seq, hash: record.hash }));
}

/** Put the anchor on the chain as it is now (after the secretary confirmed the current log). */
export function resetAnchor(dbName: string, last: Pick<AuditRecord, 'seq' | 'hash'> | undefined): void {
  if (last?.seq === undefined) storage()?.removeItem(key(dbName));
  else storage()?.setItem(key(dbName), JSON.stringify({ seq: last.seq, hash: last.hash }));
}

/** Check a chain (records in `seq` order) against the anchor. */
export function checkAnchor(anchor: ChainAnchor | undefined, records: readonly AuditRecord[]): AnchorVerdict {
  if (!anchor) return { ok: true };
  const at = records.find((r) => r.seq === anchor.seq);
  if (!at) {
    const last = records.at(-1)?.seq ?? 0;
    return {
      ok: false,
      reason: `操作记录比本机上次记下的少：应至少有第${anchor.seq}条，现只到第${last}条，最新的记录可能被删除`,
      untrustedFrom: last + 1,
    };
  }
  if (at.hash !== anchor.hash)
    return {
      ok: false,
      reason: `操作记录第${anchor.seq}条与本机上次记下的不同，记录可能被整体改写`,
      untrustedFrom: 1,
    };
  return { ok: true };
}
