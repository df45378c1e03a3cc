/**
 * The 清单 written last into an export folder: when, where, and every file with its size and
 * SHA-256, or 未写入 and why. Main and the browser build write the same text. It is a .txt in
 * UTF-8 with a BOM and CRLF line ends, so Notepad on an old Windows, WPS and Excel (the columns are
 * tab-separated) all read the Chinese correctly; the recipient can check a file with Get-FileHash.
 */
/** One file as the 清单 lists it: its name, and its size and hash once written and verified, or why not. */
export interface ManifestFile {
  fileName: string;
  ok: boolean;
  size?: number;
  sha256?: string;
  error?: { code?: string; message: string };
}

/** The signatures behind the exported 交办单 and the audit chain's head at export time. */
export interface ExportAttestation {
  sheets: Array<{ fileName: string; docNumber: string; signOffHash: string }>;
  /** The newest audit record when the files were made. */
  auditHead?: { seq: number; hash: string };
}

/** What the manifest describes. */
export interface ManifestInput {
  /** When the export ran; written in the machine's local time. */
  createdAt: Date;
  /** Where the files are, as the user knows it (E:\青溪区…交办材料, or the .zip's name). */
  location: string;
  files: readonly ManifestFile[];
  /** The signatures of the 交办单 and the audit chain's head, for 核对交办单. */
  attestation?: ExportAttestation;
}

/** The heading line of the 签批核对 table, as 核对交办单 finds it again. */
export const ATTESTATION_HEADER = ['文号', '文件名', '签批摘要（SHA-256）'].join('\t');
/** The line that carries the audit chain's head: 操作记录链末条：第N条，摘要 <hex>. */
export const AUDIT_HEAD_PREFIX = '操作记录链末条：';

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年11月18日 14:05:09 in local time. */
export function formatManifestTime(at: Date): string {
  const date = `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`;
  return `${date} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

// Tabs and line breaks inside a message would break the columns.
const cell = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

/** The manifest as text, lines joined with CRLF and ending with one. */
export function manifestText({ createdAt, location, files, attestation }: ManifestInput): string {
  const written = files.filter((f) => f.ok).length;
  const lines = [
    '恳谈会务台 导出清单',
    `导出时间：${formatManifestTime(createdAt)}`,
    `导出位置：${location}`,
    `文件：共${files.length}个，已写入并校验${written}个，未写入${files.length - written}个`,
    '核对方法：在 Windows PowerShell 中运行 Get-FileHash -Algorithm SHA256 "文件名"，结果应与下表的 SHA-256 一致（不区分大小写）',
    '',
    ['序号', '文件名', '大小（字节）', 'SHA-256'].join('\t'),
    ...files.map((f, i) =>
      (f.ok
        ? [String(i + 1), f.fileName, String(f.size ?? ''), f.sha256 ?? '']
        : [String(i + 1), f.fileName, '未写入', cell(f.error?.message ?? '原因不明')]
      )
        .map(cell)
        .join('\t'),
    ),
  ];
  if (attestation && attestation.sheets.length > 0) {
    lines.push(
      '',
      '签批核对：每份交办单页脚的“核对码”是其签批摘要的前12位；在恳谈会务台“核对交办单”中导入本清单或交办单，可与数据库逐份核对',
      ATTESTATION_HEADER,
      ...attestation.sheets.map((s) => [s.docNumber, s.fileName, s.signOffHash].map(cell).join('\t')),
    );
    if (attestation.auditHead)
      lines.push(`${AUDIT_HEAD_PREFIX}第${attestation.auditHead.seq}条，摘要 ${attestation.auditHead.hash}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The manifest's bytes: a UTF-8 BOM, then the text. */
export function manifestBytes(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}
