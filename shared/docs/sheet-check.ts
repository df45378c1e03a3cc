/**
 * 核对交办单: a 交办单 (.docx) or an export's 清单 (.txt) brought back is compared with the database. The paper and
 * the USB stick are anchors outside the database: someone who rewrote the database consistently (snapshot,
 * hash and audit chain) still cannot change what was printed and handed over. Pure: bytes and records in,
 * findings in Chinese out.
 */
import JSZip from 'jszip';
import { checkCode } from '../domain/integrity';
import { ATTESTATION_HEADER, AUDIT_HEAD_PREFIX } from '../export/manifest';
import { SHEET_PROPERTY } from './assignment-sheet';

/** Thrown when a file cannot be read as a 交办单 or a 清单; the message names the file and says why. */
export class SheetReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetReadError';
  }
}

/** The biggest file taken in, and the biggest part inflated from a .docx (a zip bomb is refused unread). */
export const MAX_CHECK_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PART_BYTES = 20 * 1024 * 1024;

/** What a 交办单 file says about itself. */
export interface SheetFacts {
  /** From the document properties the app writes (absent if another program dropped them). */
  assignmentId?: string;
  docNumber?: string;
  signOffHash?: string;
  /** The 核对码 printed in the footer. */
  checkCode?: string;
  /** Label → printed text of the form (企业名称 → 临江丰泽钢构有限公司 …), and the paragraphs around it. */
  fields: Map<string, string>;
  /** SHA-256 of each picture (signature, handwriting), in document order. */
  images: string[];
}

/** What a 清单 states. */
export interface ManifestFacts {
  sheets: Array<{ docNumber: string; fileName: string; signOffHash: string }>;
  auditHead?: { seq: number; hash: string };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The text of one paragraph's XML: its w:t runs joined, tabs as \t. */
function paragraphText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g))
    out += m[1] === undefined ? '\t' : unescapeXml(m[1]);
  return out;
}

const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => paragraphText(m[0]));

/**
 * Printed fields that are not part of what was signed: 交办日期 is the day the sheet left the federation — the
 * recorded handoff, or the day it was printed before that was recorded — so a sheet printed a day before its
 * handoff was recorded is not a difference.
 */
const NOT_SIGNED: ReadonlySet<string> = new Set(['交办日期']);

/**
 * The printed fields of a 交办单's document.xml: each table row read as label, value[, label, value]; the
 * paragraphs outside the table as 标题 / 编号 / 页脚前 lines.
 */
export function sheetFields(documentXml: string): Map<string, string> {
  const fields = new Map<string, string>();
  const tableStart = documentXml.indexOf('<w:tbl>');
  const tableEnd = documentXml.lastIndexOf('</w:tbl>');
  const before = tableStart >= 0 ? documentXml.slice(0, tableStart) : documentXml;
  const after = tableEnd >= 0 ? documentXml.slice(tableEnd) : '';
  const head = paragraphsOf(before).filter((t) => t.trim() !== '');
  if (head[0] !== undefined) fields.set('标题', head[0]);
  if (head[1] !== undefined) fields.set('编号', head[1].replace(/^编号：/, ''));
  const tail = paragraphsOf(after).filter((t) => t.trim() !== '');
  if (tail.length > 0) fields.set('联系方式', tail.join('\n'));
  if (tableStart >= 0) {
    const table = documentXml.slice(tableStart, tableEnd);
    for (const row of table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
      const cells = [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        paragraphsOf(c[0]).join('\n').trim(),
      );
      for (let i = 0; i + 1 < cells.length; i += 2) {
        const label = cells[i]!.replace(/\s+/g, '');
        if (label) fields.set(label, cells[i + 1]!);
      }
    }
  }
  return fields;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Declared size of a zip entry before inflating it (JSZip keeps it from the central directory). */
function declaredSize(file: JSZip.JSZipObject): number | undefined {
  const data = (file as unknown as { _data?: { uncompressedSize?: number } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : undefined;
}

async function partText(zip: JSZip, path: string, fileName: string): Promise<string | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  const size = declaredSize(file);
  if (size === undefined || size > MAX_PART_BYTES)
    throw new SheetReadError(
      `“${fileName}”中的 ${path} 过大或大小不明，已拒绝读取（可能不是本系统生成的交办单）`,
    );
  return file.async('string');
}

/** Read what a 交办单 .docx says about itself; throws `SheetReadError` for a file that is not one. */
export async function readSheetFile(bytes: Uint8Array, fileName: string): Promise<SheetFacts> {
  if (bytes.byteLength > MAX_CHECK_FILE_BYTES)
    throw new SheetReadError(`“${fileName}”超过 20 MB，不是交办单`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new SheetReadError(`“${fileName}”不是有效的 Word 文档（.docx），无法读取`);
  }
  const document = await partText(zip, 'word/document.xml', fileName);
  if (!document) throw new SheetReadError(`“${fileName}”中没有正文，不是 Word 文档`);
  const custom = (await partText(zip, 'docProps/custom.xml', fileName)) ?? '';
  const property = (name: string) => {
    const m = new RegExp(`name="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom);
    return m?.[1] !== undefined ? unescapeXml(m[1]) : undefined;
  };
  const footers: string[] = [];
  for (const path of Object.keys(zip.files)
    .filter((n) => /^word\/footer\d+\.xml$/.test(n))
    .sort())
    footers.push((await partText(zip, path, fileName)) ?? '');
  const code = /核对码\s*([0-9a-f]{12})/.exec(footers.map(paragraphsOf).flat().join('\n'))?.[1];
  const images: string[] = [];
  const media = Object.keys(zip.files)
    .filter((n) => n.startsWith('word/media/'))
    .sort();
  for (const path of media) {
    const file = zip.file(path);
    const size = file ? declaredSize(file) : undefined;
    if (!file || size === undefined || size > MAX_PART_BYTES) continue;
    images.push(await sha256(await file.async('uint8array')));
  }
  const facts: SheetFacts = { fields: sheetFields(document), images };
  const assignmentId = property(SHEET_PROPERTY.assignmentId);
  const docNumber = property(SHEET_PROPERTY.docNumber) ?? facts.fields.get('编号');
  const signOffHash = property(SHEET_PROPERTY.signOffHash);
  if (assignmentId) facts.assignmentId = assignmentId;
  if (docNumber) facts.docNumber = docNumber;
  if (signOffHash && /^[0-9a-f]{64}$/.test(signOffHash)) facts.signOffHash = signOffHash;
  if (code) facts.checkCode = code;
  if (!facts.docNumber && !facts.signOffHash && !facts.checkCode)
    throw new SheetReadError(`“${fileName}”上找不到文号和核对码，不是本系统导出的交办单`);
  return facts;
}

/** Read an export's 清单 (UTF-8, with or without BOM); throws `SheetReadError` when it holds no signatures. */
export function readManifest(bytes: Uint8Array, fileName: string): ManifestFacts {
  if (bytes.byteLength > MAX_CHECK_FILE_BYTES) throw new SheetReadError(`“${fileName}”超过 20 MB，不是清单`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new SheetReadError(`“${fileName}”不是 UTF-8 文本，不是本系统导出的清单`);
  }
  const lines = text.split(/\r?\n/);
  const start = lines.indexOf(ATTESTATION_HEADER);
  if (start < 0)
    throw new SheetReadError(`“${fileName}”中没有签批核对表，不是本系统导出的清单，或导出时没有交办单`);
  const sheets: ManifestFacts['sheets'] = [];
  let auditHead: ManifestFacts['auditHead'];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith(AUDIT_HEAD_PREFIX)) {
      const m = /第(\d+)条，摘要 ([0-9a-f]{64})/.exec(line);
      if (m) auditHead = { seq: Number(m[1]), hash: m[2]! };
      continue;
    }
    const [docNumber, fileName, signOffHash] = line.split('\t');
    if (docNumber && fileName && signOffHash && /^[0-9a-f]{64}$/.test(signOffHash))
      sheets.push({ docNumber, fileName, signOffHash });
  }
  if (sheets.length === 0) throw new SheetReadError(`“${fileName}”的签批核对表是空的`);
  return { sheets, ...(auditHead ? { auditHead } : {}) };
}

/** What the database holds for one 交办件, as the comparison needs it. */
export interface RecordedSheet {
  docNumber: string;
  /** The hash of the sign-off the item rests on now (undefined: not signed now). */
  currentHash?: string;
  /** Hashes of earlier signatures, superseded by 修改并重新签批. */
  supersededHashes: string[];
  /** The sheet the database would print now, read back the same way (undefined when it cannot be built). */
  expected?: SheetFacts;
  /** Why the database itself does not vouch for the item (签批后已修改 …), if it does not. */
  problem?: string;
}

/** The verdict on one file. */
export interface CheckFinding {
  fileName: string;
  /** 交办单 or 清单 */
  kind: 'sheet' | 'manifest';
  ok: boolean;
  /** One line: 与数据库一致 / 与数据库不一致 / 无法核对. */
  summary: string;
  /** Each difference or reason, in Chinese. */
  details: string[];
}

/** Two texts cut to the part around their first difference, so a long field shows what changed. */
function around(before: string | undefined, after: string | undefined): [string, string] {
  const a = (before ?? '').replace(/\s+/g, ' ').trim();
  const b = (after ?? '').replace(/\s+/g, ' ').trim();
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const start = Math.max(0, p - 10);
  const cut = (t: string) =>
    t === ''
      ? '（空）'
      : `${start > 0 ? '…' : ''}${t.slice(start, start + 36)}${t.length > start + 36 ? '…' : ''}`;
  return [cut(a), cut(b)];
}

/**
 * Compare a 交办单 with the database. `recorded` finds an item by 文号 (undefined: no such item). The file's
 * signature hash and check code must be the item's current ones, and every printed field must be what the
 * database would print now.
 */
export function compareSheet(
  fileName: string,
  facts: SheetFacts,
  recorded: RecordedSheet | undefined,
): CheckFinding {
  const details: string[] = [];
  const title = facts.docNumber ?? '（无文号）';
  if (!recorded)
    return {
      fileName,
      kind: 'sheet',
      ok: false,
      summary: `${title}：数据库中没有这个文号`,
      details: ['数据库中找不到这件交办件：它可能被删除，或交办单不是本机导出的'],
    };
  const fileHash = facts.signOffHash;
  const fileCode = facts.checkCode ?? (fileHash ? checkCode(fileHash) : undefined);
  if (fileHash && recorded.supersededHashes.includes(fileHash)) {
    details.push('这是修改并重新签批之前的旧版交办单，已作废，请以新签批的交办单为准');
  } else if (!recorded.currentHash) {
    details.push('数据库中这件交办件目前没有有效的签批');
  } else if (fileHash && fileHash !== recorded.currentHash) {
    details.push(
      `交办单的签批摘要与数据库不符：交办单 ${checkCode(fileHash)}，数据库 ${checkCode(recorded.currentHash)}`,
    );
  } else if (fileCode && fileCode !== checkCode(recorded.currentHash)) {
    details.push(`交办单页脚的核对码 ${fileCode} 与数据库的 ${checkCode(recorded.currentHash)} 不符`);
  } else if (!fileCode) {
    details.push('交办单上没有核对码，无法确认是哪一次签批');
  }
  if (recorded.problem) details.push(`数据库中这件交办件校验未通过：${recorded.problem}`);
  if (recorded.expected) {
    const labels = [...new Set([...recorded.expected.fields.keys(), ...facts.fields.keys()])];
    for (const label of labels) {
      if (NOT_SIGNED.has(label)) continue;
      const inFile = facts.fields.get(label);
      const inDb = recorded.expected.fields.get(label);
      if ((inFile ?? '') !== (inDb ?? '')) {
        const [shownFile, shownDb] = around(inFile, inDb);
        details.push(`${label}：交办单上为「${shownFile}」，数据库为「${shownDb}」`);
      }
    }
    const images = recorded.expected.images;
    if (images.length !== facts.images.length || images.some((h, i) => facts.images[i] !== h))
      details.push('签名或手写批示的图片与数据库不符');
  }
  const ok = details.length === 0;
  return {
    fileName,
    kind: 'sheet',
    ok,
    summary: ok ? `${title}：与数据库一致` : `${title}：与数据库不一致`,
    details,
  };
}

/** What the database holds for a 清单's check: items by 文号, and audit records by sequence number. */
export interface RecordedLedger {
  sheet: (docNumber: string) => RecordedSheet | undefined;
  /** The hash of audit record `seq`, undefined when there is none. */
  auditHash: (seq: number) => string | undefined;
}

/** Compare a 清单 with the database: every listed signature, and the audit chain's head at export time. */
export function compareManifest(fileName: string, facts: ManifestFacts, db: RecordedLedger): CheckFinding {
  const details: string[] = [];
  for (const s of facts.sheets) {
    const r = db.sheet(s.docNumber);
    if (!r) details.push(`${s.docNumber}：数据库中没有这个文号`);
    else if (r.currentHash === s.signOffHash) {
      if (r.problem) details.push(`${s.docNumber}：数据库中校验未通过：${r.problem}`);
    } else if (r.supersededHashes.includes(s.signOffHash))
      details.push(`${s.docNumber}：清单上的是修改并重新签批之前的旧版，数据库中已有新的签批`);
    else
      details.push(
        `${s.docNumber}：签批摘要与数据库不符（清单 ${checkCode(s.signOffHash)}，数据库 ${r.currentHash ? checkCode(r.currentHash) : '无有效签批'}）`,
      );
  }
  if (facts.auditHead) {
    const hash = db.auditHash(facts.auditHead.seq);
    if (hash === undefined)
      details.push(`操作记录第${facts.auditHead.seq}条已不在数据库中：导出后有记录被删除`);
    else if (hash !== facts.auditHead.hash)
      details.push(`操作记录第${facts.auditHead.seq}条与导出时不同：数据库的操作记录可能被改写`);
  }
  const ok = details.length === 0;
  return {
    fileName,
    kind: 'manifest',
    ok,
    summary: ok
      ? `清单所列 ${facts.sheets.length} 份交办单及操作记录与数据库一致`
      : `清单与数据库不一致（${details.length} 处）`,
    details,
  };
}
