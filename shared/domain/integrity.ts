/**
 * Tamper evidence for 签批 (DESIGN.md §3, §7): the SHA-256 a signature locks, and the append-only
 * audit log where each record carries the hash of the one before. Pure, on the Web Crypto API that
 * browsers and Node share.
 */
import { canonicalJson } from './canonical-json';
import type { Assignment, AuditRecord, InkStroke } from './types';

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
 * The part of an assignment a signature covers: everything the leader decided and the department
 * acts on. Status, handoff time and timestamps move on after signing without touching the content.
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

/** The SHA-256 locked by a signature: canonical JSON (RFC 8785 style) of content, strokes, PNG hash, signer, time. */
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
  { ok: true; count: number } | { ok: false; seq: number | undefined; reason: string };

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
