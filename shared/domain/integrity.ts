/**
 * Tamper evidence for 签批 (docs/architecture.md, "Signed and checked"): the SHA-256 a signature locks, and the append-only
 * audit log where each record carries the hash of the one before. Pure, on the Web Crypto API that
 * browsers and Node share.
 */
import { canonicalJson } from './canonical-json';
import { decisionChanges } from './signed-snapshot';
import type { Assignment, AuditRecord, Id, InkStroke, SignedSnapshot, SignOff } from './types';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of bytes or of a string's UTF-8, as lower-case hex. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  let hex = '';
  for (const b of digest) hex += HEX[b];
  return hex;
}

/**
 * Format 1 (sign-offs made before signed snapshots): the part of an assignment a signature covered —
 * its own fields, the names and words behind the ids not included. Kept so those sign-offs still verify.
 */
export function signedContent(a: Assignment): Record<string, unknown> {
  return {
    id: a.id,
    meetingId: a.meetingId,
    enterpriseId: a.enterpriseId,
    docNumber: a.docNumber,
    concernIds: a.concernIds,
    leadLeaderId: a.leadLeaderId,
    leadDeptId: a.leadDeptId,
    coDeptIds: a.coDeptIds,
    instruction: a.instruction,
    instructionInk: a.instructionInk
      ? { strokes: a.instructionInk.strokes, png: a.instructionInk.png }
      : undefined,
    dueAt: a.dueAt,
  };
}

/** Chinese names of the signed fields, as "签批后已修改" details name them. */
const SIGNED_FIELD_LABEL: Readonly<Record<string, string>> = {
  id: '编号',
  meetingId: '会议',
  enterpriseId: '企业',
  docNumber: '文号',
  concernIds: '诉求',
  leadLeaderId: '牵头领导',
  leadDeptId: '牵头单位',
  coDeptIds: '配合单位',
  instruction: '领导批示',
  instructionInk: '手写批示',
  dueAt: '办理时限',
};

/** The signed fields that differ between two versions of the content, by their Chinese names. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null))
    .map((k) => SIGNED_FIELD_LABEL[k] ?? k);
}

/** What a signature hashes: the content, the ink strokes, and the hash of the signature's PNG. */
export interface SignedMaterial {
  assignment: Assignment;
  strokes: readonly InkStroke[];
  /** SHA-256 hex of the PNG bytes (not of the data URL text). */
  pngSha256: string;
  signer: string;
  signedAt: number;
}

/** Format 1: the SHA-256 locked by a signature: canonical JSON (RFC 8785 style) of content, strokes, PNG hash, signer, time. */
export function signOffHash(material: SignedMaterial): Promise<string> {
  return sha256Hex(
    canonicalJson({
      content: signedContent(material.assignment),
      strokes: material.strokes,
      pngSha256: material.pngSha256,
      signer: material.signer,
      signedAt: material.signedAt,
    }),
  );
}

/** What a format-2 signature hashes: the signed snapshot, the ink strokes, the PNG's hash, signer and time. */
export interface SnapshotMaterial {
  snapshot: SignedSnapshot;
  strokes: readonly InkStroke[];
  /** SHA-256 hex of the PNG bytes (not of the data URL text). */
  pngSha256: string;
  signer: string;
  signedAt: number;
}

/** Format 2: the SHA-256 a signature locks over the signed snapshot (everything the 交办单 prints). */
export function snapshotHash(material: SnapshotMaterial): Promise<string> {
  return sha256Hex(
    canonicalJson({
      format: 2,
      snapshot: material.snapshot,
      strokes: material.strokes,
      pngSha256: material.pngSha256,
      signer: material.signer,
      signedAt: material.signedAt,
    }),
  );
}

/** The hash a stored sign-off should carry, recomputed from what it holds (format 1 needs the assignment). */
export async function recomputeSignOffHash(signOff: SignOff, assignment: Assignment): Promise<string> {
  const pngSha256 = await sha256Hex(dataUrlBytes(signOff.png));
  const common = { strokes: signOff.strokes, pngSha256, signer: signOff.signer, signedAt: signOff.signedAt };
  return signOff.format === 2 && signOff.snapshot
    ? snapshotHash({ snapshot: signOff.snapshot, ...common })
    : signOffHash({ assignment, ...common });
}

/** The first 12 hex digits of a sign-off hash: the check code (核对码) a 交办单 prints at its foot. */
export const checkCode = (contentHash: string): string => contentHash.slice(0, 12);

/** Why a signed assignment's signature does not hold. */
export interface SignatureProblem {
  /** 签批后已修改: the record moved after signing; 记录校验失败: the signature or the log itself is wrong. */
  label: '签批后已修改' | '记录校验失败' | '签批记录缺失';
  /** The details a secretary can act on, in Chinese. */
  detail: string;
}

/** Everything the check of one assignment looks at. */
export interface SignatureEvidence {
  assignment: Assignment;
  /** Every sign-off of the assignment, superseded ones included. */
  signOffs: readonly SignOff[];
  /** The audit records about the assignment, oldest first. */
  records: readonly AuditRecord[];
  /**
   * The first audit record (by `seq`) that can no longer be trusted: where the chain breaks, or 1 when the
   * whole chain disagrees with the anchor kept outside the database. Undefined when the log holds.
   */
  untrustedFrom?: number;
}

/** The sign-off an assignment rests on now: the latest not superseded. */
export function currentSignOff(signOffs: readonly SignOff[]): SignOff | undefined {
  let best: SignOff | undefined;
  for (const s of signOffs)
    if (s.supersededAt === undefined && (!best || best.signedAt < s.signedAt)) best = s;
  return best;
}

/** Enterprise ids the assignment was moved to by a recorded merge of the directory (action `relink`). */
function relinkedEnterprises(records: readonly AuditRecord[]): Set<Id> {
  const ids = new Set<Id>();
  for (const r of records) {
    if (r.action !== 'relink') continue;
    const m = /→企业ID\s*(\S+)/.exec(r.detail);
    if (m?.[1]) ids.add(m[1]);
  }
  return ids;
}

/**
 * Whether an assignment's state agrees with its signature and with the audit log: undefined when it does,
 * else what is wrong. Catches content changed after signing, a signature or snapshot rewritten, a status set
 * back to 待签批 by hand, a sign-off missing from the log, and a signature recorded after the log was broken.
 */
export async function checkSignature(evidence: SignatureEvidence): Promise<SignatureProblem | undefined> {
  const { assignment, records, untrustedFrom } = evidence;
  const current = currentSignOff(evidence.signOffs);
  const number = assignment.docNumber ? `（${assignment.docNumber}）` : '';
  if (assignment.status === 'draft') {
    if (current)
      return {
        label: '记录校验失败',
        detail: `交办件${number}有有效的签批记录，却被标为待签批：状态可能被改回`,
      };
    const last = [...records].reverse().find((r) => r.action === 'sign' || r.action === 'edit');
    if (last?.action === 'sign')
      return {
        label: '记录校验失败',
        detail: `操作记录第${last.seq ?? '?'}条记载交办件${number}已签批，之后没有修改记录，它却被标为待签批`,
      };
    return undefined;
  }
  if (!current) return { label: '签批记录缺失', detail: '找不到这件交办件的签批记录，请重新签批' };
  if ((await recomputeSignOffHash(current, assignment)) !== current.contentHash) {
    if (current.format === 2)
      return { label: '记录校验失败', detail: '签批快照、签名或笔迹与签批时的摘要不符' };
    const fields = current.content ? changedFields(current.content, signedContent(assignment)) : [];
    return fields.length > 0
      ? { label: '签批后已修改', detail: `签批后改动了：${fields.join('、')}。需要修改并重新签批` }
      : { label: '记录校验失败', detail: '签名或笔迹与签批时记录的摘要不符' };
  }
  if (current.format === 2 && current.snapshot) {
    const fields = decisionChanges(assignment, current.snapshot, relinkedEnterprises(records));
    if (fields.length > 0)
      return { label: '签批后已修改', detail: `签批后改动了：${fields.join('、')}。需要修改并重新签批` };
  }
  // The hash itself is vouched for by the audit chain: a sign-off rewritten together with its hash has no
  // matching record there, and a record after a break in the chain vouches for nothing.
  const signed = records.find((r) => r.action === 'sign' && r.detail.includes(current.contentHash));
  if (!signed) return { label: '记录校验失败', detail: '操作记录中没有这次签批，签批记录可能被替换' };
  if (untrustedFrom !== undefined && (signed.seq ?? Infinity) >= untrustedFrom)
    return {
      label: '记录校验失败',
      detail: `操作记录自第${untrustedFrom}条起校验失败，之后的签批（本件在第${signed.seq ?? '?'}条）无法确认`,
    };
  return undefined;
}

/** The bytes of a base64 `data:` URL (the stored signature PNG). */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  const base64 = comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The hash every chain starts from. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** An audit entry before it is chained. */
export type AuditInput = Pick<AuditRecord, 'at' | 'action' | 'entity' | 'entityId' | 'detail'>;

/** The hash of one audit record: its fields and the previous record's hash, canonically. */
export function auditHash(entry: AuditInput, prevHash: string): Promise<string> {
  return sha256Hex(
    canonicalJson({
      at: entry.at,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      detail: entry.detail,
      prevHash,
    }),
  );
}

/** The next record of the chain after `previous` (or the first, after the genesis hash). */
export async function chainAudit(previous: AuditRecord | undefined, entry: AuditInput): Promise<AuditRecord> {
  const prevHash = previous?.hash ?? AUDIT_GENESIS;
  return { ...entry, prevHash, hash: await auditHash(entry, prevHash) };
}

/** Where an audit chain breaks: the first record whose link or own hash does not hold. */
export type AuditVerdict =
  | { ok: true; count: number }
  | {
      ok: false;
      seq: number | undefined;
      reason: string;
      /** Set when the chain holds link by link but disagrees with the anchor kept outside the database. */
      anchor?: true;
    };

/** Check a whole chain, records in `seq` order. */
export async function verifyAuditChain(records: readonly AuditRecord[]): Promise<AuditVerdict> {
  let prevHash = AUDIT_GENESIS;
  for (const r of records) {
    if (r.prevHash !== prevHash)
      return {
        ok: false,
        seq: r.seq,
        reason: '记录校验失败：与前一条记录的链接不符，可能有记录被删除或插入',
      };
    if ((await auditHash(r, prevHash)) !== r.hash)
      return { ok: false, seq: r.seq, reason: '记录校验失败：记录内容已被改动' };
    prevHash = r.hash;
  }
  return { ok: true, count: records.length };
}
