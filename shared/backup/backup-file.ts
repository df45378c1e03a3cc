/**
 * The `.kentan` backup file (issue 15, 数据安全): every table of the database, with a header that says what it holds —
 * format, app and schema versions, when, how many records per table, the audit chain's head, the highest 文号
 * issued per prefix and year — and the SHA-256 of the tables' canonical JSON. Packed as a zip of two JSON parts so a
 * year of data stays small.
 *
 * `readBackup` trusts nothing in the file: sizes are capped before and while unpacking (a zip bomb stops at the
 * cap), keys that could reach an object's prototype are refused, the header is checked field by field, every table
 * must be a list of plain records with the count the header states, the hash must match, and the audit chain must
 * verify link by link. Each refusal says why in Chinese.
 */
import JSZip from 'jszip';
import { z } from '../domain/zod';
import { canonicalJson } from '../domain/canonical-json';
import { sha256Hex, verifyAuditChain, type AuditVerdict } from '../domain/integrity';
import type { AuditRecord } from '../domain/types';

/** What the file says it is. */
export const BACKUP_FORMAT = 'kentan-desk-backup';
/** The version of this layout; a newer one is refused with a request to update the app. */
export const BACKUP_FORMAT_VERSION = 1;
/** The extension of backup files. */
export const BACKUP_EXTENSION = '.kentan';

/** Limits a file must keep within before anything in it is believed. */
export interface BackupLimits {
  /** The packed file. */
  maxFileBytes: number;
  /** Each unpacked part. */
  maxPartBytes: number;
}

/** Ten years are some 300 MB of JSON; these leave room and stop a bomb. */
export const DEFAULT_BACKUP_LIMITS: BackupLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxPartBytes: 2 * 1024 * 1024 * 1024 - 1,
};

/** The tables, by name, as the database holds them. */
export type BackupTables = Record<string, readonly Record<string, unknown>[]>;

const headerSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.number().int().positive(),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().positive(),
    createdAt: z.number().int().nonnegative(),
    counts: z.record(z.string().max(60), z.number().int().nonnegative()),
    auditHead: z
      .object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .optional(),
    /** Highest 文号 number issued, by `prefix|year`. */
    docNumberHighWater: z.record(z.string().max(80), z.number().int().nonnegative()),
    contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** What a backup says about itself. */
export type BackupHeader = z.infer<typeof headerSchema>;

/** What goes into a backup besides the tables. */
export interface BackupMeta {
  appVersion: string;
  schemaVersion: number;
  createdAt: number;
  docNumberHighWater: Record<string, number>;
}

const HEADER_PART = 'header.json';
const TABLES_PART = 'tables.json';

/** The audit chain's head in a set of tables (table `auditLog`), if any. */
function auditHeadOf(tables: BackupTables): BackupHeader['auditHead'] {
  const log = (tables['auditLog'] ?? []) as unknown as AuditRecord[];
  const last = log.reduce<AuditRecord | undefined>(
    (m, r) => (!m || (r.seq ?? 0) > (m.seq ?? 0) ? r : m),
    undefined,
  );
  return last?.seq !== undefined ? { seq: last.seq, hash: last.hash } : undefined;
}

/** Build a backup file of these tables. */
export async function buildBackup(tables: BackupTables, meta: BackupMeta): Promise<Uint8Array> {
  const body = canonicalJson(tables);
  const auditHead = auditHeadOf(tables);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: meta.appVersion,
    schemaVersion: meta.schemaVersion,
    createdAt: meta.createdAt,
    counts: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
    ...(auditHead ? { auditHead } : {}),
    docNumberHighWater: meta.docNumberHighWater,
    contentSha256: await sha256Hex(body),
  };
  const zip = new JSZip();
  zip.file(HEADER_PART, JSON.stringify(header, null, 2));
  zip.file(TABLES_PART, body);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** A backup that passed every check, with what the preview shows. */
export interface ReadBackup {
  header: BackupHeader;
  tables: BackupTables;
  /** The audit chain of the backup, checked link by link. */
  audit: AuditVerdict;
}

export type ReadOutcome = { ok: true; backup: ReadBackup } | { ok: false; error: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that refuses keys able to reach a prototype. */
function parseSafe(text: string, part: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) throw new BackupError(`备份文件的${part}含有不允许的字段“${key}”`);
    return value;
  });
}

class BackupError extends Error {}

/** JSZip's documented `ZipObject#internalStream` (its bundled types leave it out). */
interface StreamHelper {
  on(event: 'data', listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', listener: (error: Error) => void): StreamHelper;
  on(event: 'end', listener: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}
interface StreamingEntry {
  internalStream(type: 'uint8array'): StreamHelper;
}

/** Unpack one part, stopping as soon as it grows past the cap. */
async function partText(zip: JSZip, name: string, limits: BackupLimits): Promise<string> {
  const entry = zip.file(name);
  if (!entry) throw new BackupError(`备份文件不完整：缺少${name}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = (entry as unknown as StreamingEntry).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > limits.maxPartBytes) {
          stream.pause();
          reject(
            new BackupError(
              `备份文件的${name}解压后超过${Math.round(limits.maxPartBytes / 1048576)} MB，已拒绝`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e: Error) => reject(new BackupError(`备份文件已损坏（${e.message}）`)))
      .on('end', () => resolve())
      .resume();
  });
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}

/** Read and check a backup file; nothing in it is used unless all of it holds. */
export async function readBackup(
  bytes: Uint8Array,
  limits: BackupLimits = DEFAULT_BACKUP_LIMITS,
): Promise<ReadOutcome> {
  try {
    if (bytes.length > limits.maxFileBytes)
      return { ok: false, error: `备份文件过大（超过${Math.round(limits.maxFileBytes / 1048576)} MB）` };
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      return { ok: false, error: '这不是恳谈会务台的备份文件，或文件已损坏（无法解压）' };
    }
    const headerJson = parseSafe(await partText(zip, HEADER_PART, limits), '说明部分');
    const parsed = headerSchema.safeParse(headerJson);
    if (!parsed.success) {
      const format = (headerJson as { format?: unknown } | null)?.format;
      if (format !== BACKUP_FORMAT) return { ok: false, error: '这不是恳谈会务台的备份文件' };
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: `备份文件的说明部分不合规：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      };
    }
    const header = parsed.data;
    if (header.formatVersion > BACKUP_FORMAT_VERSION)
      return { ok: false, error: '备份文件由更新版本的恳谈会务台生成，请先升级本程序再恢复' };
    const body = await partText(zip, TABLES_PART, limits);
    if ((await sha256Hex(body)) !== header.contentSha256)
      return { ok: false, error: '备份文件的内容与其校验值不符：文件被改动或不完整，已拒绝' };
    const tablesJson = parseSafe(body, '数据部分');
    if (typeof tablesJson !== 'object' || tablesJson === null || Array.isArray(tablesJson))
      return { ok: false, error: '备份文件的数据部分不是表的集合' };
    const tables: BackupTables = {};
    for (const [name, rows] of Object.entries(tablesJson)) {
      if (!Array.isArray(rows)) return { ok: false, error: `备份文件的表“${name}”不是记录列表` };
      if (!rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)))
        return { ok: false, error: `备份文件的表“${name}”含有不是记录的内容` };
      if (header.counts[name] !== rows.length)
        return {
          ok: false,
          error: `备份文件的表“${name}”有${rows.length}条记录，说明部分写的是${header.counts[name] ?? 0}条`,
        };
      tables[name] = rows as Record<string, unknown>[];
    }
    for (const name of Object.keys(header.counts))
      if (!(name in tables)) return { ok: false, error: `备份文件缺少表“${name}”` };
    const log = (tables['auditLog'] ?? []) as unknown as AuditRecord[];
    const audit = await verifyAuditChain([...log].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)));
    return { ok: true, backup: { header, tables, audit } };
  } catch (e) {
    if (e instanceof BackupError) return { ok: false, error: e.message };
    if (e instanceof SyntaxError)
      return { ok: false, error: '备份文件的内容无法读取（不是完整的数据），已拒绝' };
    if (e instanceof TypeError) return { ok: false, error: `备份文件的内容无法读取（${e.message}）` };
    throw e;
  }
}
