import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportFiles, type ExportContents } from '../../electron/main/services/export-writer';
import { nodeFileSystem } from '../../electron/main/services/file-save';
import { safeFileName } from '../../shared/export/file-names';
import { faultyFs, isTemp, type Faults } from './fs-faults';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const FOLDER = '青溪区第14次民营企业接待日-交办材料';
const MANIFEST = '青溪区第14次民营企业接待日-清单.txt';
const SHEET = '青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单.docx';
const content = (seed: string, kb = 8) => new TextEncoder().encode(seed.repeat(Math.ceil((kb * 1024) / 3)));

function contents(count = 3): ExportContents {
  const files = [
    { fileName: SHEET, bytes: content('甲') },
    { fileName: '会议纪要.docx', bytes: content('乙') },
    { fileName: '会前材料.docx', bytes: content('丙') },
    ...Array.from({ length: Math.max(0, count - 3) }, (_, i) => ({
      fileName: `第${i + 4}份.docx`,
      bytes: content(String(i), 2),
    })),
  ].slice(0, count);
  return { folderName: FOLDER, files, manifestName: MANIFEST };
}

let base: string;
let sleeps: number[];
const options = () => ({
  now: () => new Date(2026, 10, 18, 15, 30, 0),
  sleep: async (ms: number) => {
    sleeps.push(ms);
  },
});
const folder = () => join(base, FOLDER);
const listing = async () => (await readdir(folder())).sort();
const run = (faults: Faults, request = contents()) => {
  const fs = faultyFs(faults);
  return { fs, report: exportFiles(fs, base, request, options()) };
};

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'kentan-export-'));
  sleeps = [];
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('exportFiles', () => {
  it('writes every file verified, then the manifest listing them, and leaves nothing else', async () => {
    const request = contents();
    const { fs, report } = run({}, request);
    const result = await report;
    expect(result.location).toBe(folder());
    expect(result.files).toEqual(
      request.files.map((f) => ({
        fileName: f.fileName,
        ok: true,
        size: f.bytes.byteLength,
        sha256: sha(f.bytes),
      })),
    );
    expect(result.manifest).toMatchObject({ fileName: MANIFEST, ok: true });
    expect(await listing()).toEqual([...request.files.map((f) => f.fileName), MANIFEST].sort());
    for (const f of request.files) expect(sha(await readFile(join(folder(), f.fileName)))).toBe(sha(f.bytes));

    const manifest = await readFile(join(folder(), MANIFEST));
    expect(sha(manifest)).toBe(result.manifest.sha256);
    expect([...manifest.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = manifest.subarray(3).toString('utf8');
    expect(text).toContain('导出时间：2026年11月18日 15:30:00\r\n');
    expect(text).toContain(`导出位置：${folder()}\r\n`);
    for (const f of request.files)
      expect(text).toContain(`\t${f.fileName}\t${f.bytes.byteLength}\t${sha(f.bytes)}\r\n`);
    // The manifest is written after the last file.
    const renames = fs.log.filter((l) => l.startsWith('rename'));
    expect(renames.at(-1)).toBe(`rename ${MANIFEST}`);
  });

  it('a full stick (ENOSPC after N bytes): no partial final file, no temporary, the rest and the manifest not tried', async () => {
    const request = contents();
    const first = request.files[0]!.bytes.byteLength;
    const { fs, report } = run({ writeBudget: { bytes: first + 3000, code: 'ENOSPC' } }, request);
    const result = await report;
    expect(result.files[0]).toMatchObject({ ok: true });
    expect(result.files[1]).toEqual({
      fileName: '会议纪要.docx',
      ok: false,
      error: {
        code: 'io_failed',
        message: '磁盘空间不足，“会议纪要.docx”未能写入。请清理空间或换一个U盘后重试',
      },
    });
    expect(result.files[2]).toEqual({
      fileName: '会前材料.docx',
      ok: false,
      error: { code: 'io_failed', message: '磁盘空间不足，已停止导出，“会前材料.docx”未写入。请处理后重试' },
    });
    expect(result.manifest).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining(MANIFEST) },
    });
    expect(await listing()).toEqual([SHEET]);
    expect(fs.log).not.toContain('open 会前材料.docx');
    expect(fs.log.filter((l) => l === 'open TEMP')).toHaveLength(2);
  });

  it.each([
    ['EROFS', '目标磁盘处于写保护状态，“X”未能写入。请关闭U盘的写保护开关后重试', '目标磁盘处于写保护状态'],
    [
      'EIO',
      '写入“X”时磁盘出错（U盘可能已拔出或损坏），请重新插入后重试',
      '磁盘读写出错（U盘可能已拔出或损坏）',
    ],
    [
      'UNKNOWN',
      '写入“X”时磁盘出错（U盘可能已拔出或损坏），请重新插入后重试',
      '磁盘读写出错（U盘可能已拔出或损坏）',
    ],
  ])('%s on the first file stops the export with the reason for each file', async (code, message, reason) => {
    const { report } = run({ fail: (op, name) => (op === 'open' && name === 'TEMP' ? code : undefined) });
    const result = await report;
    expect(result.files[0]!.error).toEqual({ code: 'io_failed', message: message.replace('X', SHEET) });
    expect(result.files[1]!.error!.message).toBe(
      `${reason}，已停止导出，“会议纪要.docx”未写入。请处理后重试`,
    );
    expect(result.manifest.ok).toBe(false);
    expect(await listing()).toEqual([]);
    expect(sleeps).toEqual([]);
  });

  it('a stick failing mid-write (EIO after N bytes) leaves no partial file', async () => {
    const { report } = run({ writeBudget: { bytes: 5000, code: 'EIO' } });
    const result = await report;
    expect(result.files.map((f) => f.ok)).toEqual([false, false, false]);
    expect(result.files[0]!.error!.message).toContain(`“${SHEET}”`);
    expect(await listing()).toEqual([]);
  });

  it('a pulled stick (ENOENT from the second file on) says so and stops', async () => {
    let pulled = false;
    const { report } = run({
      fail: (op, name, nth) => {
        if (op === 'open' && name === 'TEMP' && nth === 2) pulled = true;
        return pulled && op !== 'unlink' ? 'ENOENT' : undefined;
      },
    });
    const result = await report;
    expect(result.files[0]).toMatchObject({ ok: true });
    expect(result.files[1]!.error!.message).toBe(
      '保存位置已不存在（U盘可能已拔出），“会议纪要.docx”未能写入。请重新插入U盘或重新选择保存位置',
    );
    expect(result.files[2]!.error!.message).toContain(
      '保存位置已不存在（U盘可能已拔出），已停止导出，“会前材料.docx”未写入',
    );
    expect(result.manifest.ok).toBe(false);
    expect((await listing()).filter(isTemp)).toEqual([]);
  });

  it('a locked file (EBUSY twice) is tried again after 100 and 300 ms and then written', async () => {
    const { report } = run({
      fail: (op, name, nth) =>
        op === 'rename' && name === '会议纪要.docx' && nth <= 2 ? 'EBUSY' : undefined,
    });
    const result = await report;
    expect(result.files.every((f) => f.ok)).toBe(true);
    expect(result.manifest.ok).toBe(true);
    expect(sleeps).toEqual([100, 300]);
    expect((await listing()).filter(isTemp)).toEqual([]);
  });

  it('a file locked for good (EACCES) fails after four attempts; the others and the manifest are written', async () => {
    const { fs, report } = run({
      fail: (op, name) => (op === 'rename' && name === '会议纪要.docx' ? 'EACCES' : undefined),
    });
    const result = await report;
    expect(sleeps).toEqual([100, 300, 900]);
    expect(fs.log.filter((l) => l === 'rename 会议纪要.docx')).toHaveLength(4);
    expect(result.files.map((f) => f.ok)).toEqual([true, false, true]);
    expect(result.files[1]!.error).toEqual({
      code: 'io_failed',
      message: '没有写入权限或文件被占用，“会议纪要.docx”未能写入。请关闭正在打开该文件的程序后重试',
    });
    expect(result.manifest.ok).toBe(true);
    expect(await listing()).toEqual([SHEET, '会前材料.docx', MANIFEST].sort());
    const text = (await readFile(join(folder(), MANIFEST))).toString('utf8');
    expect(text).toContain('2\t会议纪要.docx\t未写入\t没有写入权限或文件被占用，“会议纪要.docx”未能写入。');
    expect(text).toContain('已写入并校验2个，未写入1个');
  });

  it('bytes that read back different are never renamed: the earlier good file stays', async () => {
    await mkdir(folder(), { recursive: true });
    await writeFile(join(folder(), '会议纪要.docx'), 'earlier export');
    let tempReads = 0;
    // The second file's temporary reads back changed.
    const { report } = run({ corrupt: (name) => name === 'TEMP' && ++tempReads === 2 });
    const result = await report;
    expect(result.files[1]).toEqual({
      fileName: '会议纪要.docx',
      ok: false,
      error: { code: 'verify_failed', message: '“会议纪要.docx”写入后校验不一致，已删除该文件，请重试' },
    });
    expect((await readFile(join(folder(), '会议纪要.docx'))).toString()).toBe('earlier export');
    expect((await listing()).filter(isTemp)).toEqual([]);
    // Not a dead stick: the export went on, and the manifest says what happened.
    expect(result.manifest.ok).toBe(true);
  });

  it('a final file that reads back different after the rename is deleted', async () => {
    const { report } = run({ corrupt: (name) => name === SHEET });
    const result = await report;
    expect(result.files[0]).toMatchObject({ ok: false, error: { code: 'verify_failed' } });
    expect(await listing()).not.toContain(SHEET);
  });

  it('a failed export sent again completes, rewriting only what is missing', async () => {
    const request = contents();
    const full = await run(
      { writeBudget: { bytes: request.files[0]!.bytes.byteLength + 10, code: 'ENOSPC' } },
      request,
    ).report;
    expect(full.files.map((f) => f.ok)).toEqual([true, false, false]);
    const again = run({}, request);
    const result = await again.report;
    expect(result.files.every((f) => f.ok)).toBe(true);
    expect(result.manifest.ok).toBe(true);
    expect(again.fs.log.filter((l) => l === `rename ${SHEET}`)).toEqual([]);
    expect(await listing()).toEqual([...request.files.map((f) => f.fileName), MANIFEST].sort());
  });

  it('removes the manifest of an earlier export first, so an interrupted export has none', async () => {
    await mkdir(folder(), { recursive: true });
    await writeFile(join(folder(), MANIFEST), 'old manifest');
    await writeFile(join(folder(), `.${SHEET}.kentan-0123abcd.tmp`), 'left by a crash');
    const { report } = run({ fail: (op, name) => (op === 'open' && name === 'TEMP' ? 'ENOSPC' : undefined) });
    await report;
    expect(await listing()).toEqual([]);
  });

  it('reports every file when the folder cannot be made', async () => {
    const { report } = run({ fail: (op) => (op === 'mkdir' ? 'EROFS' : undefined) });
    const result = await report;
    expect(result.files.map((f) => f.error?.message)).toEqual(
      contents().files.map(
        (f) =>
          `无法建立文件夹“${FOLDER}”（目标磁盘处于写保护状态），“${f.fileName}”未写入。请检查U盘或保存位置后重试`,
      ),
    );
    expect(result.manifest.ok).toBe(false);
  });

  it('keeps temporary names within 255 bytes for the longest names', async () => {
    const longest = safeFileName('汉'.repeat(200), '.docx');
    const request = { ...contents(1), files: [{ fileName: longest, bytes: content('丁') }] };
    const result = await exportFiles(nodeFileSystem, base, request, options());
    expect(result.files[0]).toMatchObject({ ok: true });
    expect(await listing()).toEqual([longest, MANIFEST].sort());
  });

  it('writes a meeting’s worth of files with the real file system', async () => {
    const request = contents(31);
    const started = performance.now();
    const result = await exportFiles(nodeFileSystem, base, request);
    const elapsed = performance.now() - started;
    expect(result.files.filter((f) => f.ok)).toHaveLength(31);
    expect(result.manifest.ok).toBe(true);
    expect(await listing()).toHaveLength(32);
    expect(elapsed).toBeLessThan(10_000);
  });
});
