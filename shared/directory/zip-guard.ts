/**
 * A look at a zip file's central directory before anything is inflated (issue 17): how large its parts say they
 * are, and how much each is compressed. A 1 MB .xlsx that inflates to 1 GB froze the screen for minutes before a
 * misleading 「文件已损坏」; this refuses it at once, with the reason. Sizes the file does not state plainly (ZIP64)
 * are refused too: no workbook the app reads needs them.
 */

/** Limits for a zip file's parts. */
export interface ZipLimits {
  /** All parts together, inflated. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed, for parts larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** A 100,000-row directory inflates to well under 200 MB; spreadsheet XML compresses at most some 100 : 1. */
export const XLSX_LIMITS: ZipLimits = {
  maxTotalBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Why the zip must not be inflated (Chinese, for the user), or undefined when its stated sizes are within limits. */
export function zipSizeProblem(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) return '文件不完整或已损坏（找不到压缩包的目录，可能在复制或下载时中断）';
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries === 0xffff || at === 0xffffffff)
    return '文件使用了超大压缩格式（ZIP64），不是常规的 Excel 工作簿';
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      return '文件不完整或已损坏（压缩包的目录不完整，可能在复制或下载时中断）';
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (packed === 0xffffffff || size === 0xffffffff)
      return '文件使用了超大压缩格式（ZIP64），不是常规的 Excel 工作簿';
    total += size;
    if (total > limits.maxTotalBytes)
      return `文件解压后超过 ${Math.round(limits.maxTotalBytes / 1048576)} MB，可能是损坏或恶意构造的文件，已拒绝`;
    if (size > limits.ratioFloorBytes && size / Math.max(1, packed) > limits.maxRatio)
      return `文件的压缩比异常（约 ${Math.round(size / Math.max(1, packed))} 倍），可能是恶意构造的文件，已拒绝`;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return undefined;
}
