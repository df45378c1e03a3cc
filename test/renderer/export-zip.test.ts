import { describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { buildExportZip } from '../../renderer/bridge/export-zip';
import { createBrowserDesk } from '../../renderer/bridge/browser-desk';
import { manifestBytes, manifestText } from '../../shared/export/manifest';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const FOLDER = '青溪区第14次民营企业接待日-交办材料';
const files = [
  {
    fileName: '青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单.docx',
    bytes: new TextEncoder().encode('甲'.repeat(5000)),
  },
  { fileName: '会议纪要.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]) },
];
const at = new Date(2026, 10, 18, 15, 30, 0);

describe('browser export', () => {
  it('puts the files and the same manifest as main into one zip, under the folder', async () => {
    const { zipName, zip, report } = await buildExportZip(
      { folderName: FOLDER, files, manifestName: '清单.txt' },
      at,
    );
    expect(zipName).toBe(`${FOLDER}.zip`);
    const read = await JSZip.loadAsync(zip);
    expect(
      Object.keys(read.files)
        .filter((n) => !read.files[n]!.dir)
        .sort(),
    ).toEqual([...files.map((f) => `${FOLDER}/${f.fileName}`), `${FOLDER}/清单.txt`].sort());
    for (const f of files) {
      const back = await read.file(`${FOLDER}/${f.fileName}`)!.async('uint8array');
      expect(sha(back)).toBe(sha(f.bytes));
    }
    expect(report.files).toEqual(
      files.map((f) => ({ fileName: f.fileName, ok: true, size: f.bytes.byteLength, sha256: sha(f.bytes) })),
    );
    const manifest = await read.file(`${FOLDER}/清单.txt`)!.async('uint8array');
    const expected = manifestBytes(manifestText({ createdAt: at, location: zipName, files: report.files }));
    expect(sha(manifest)).toBe(sha(expected));
    expect(report.manifest).toEqual({
      fileName: '清单.txt',
      ok: true,
      size: expected.byteLength,
      sha256: sha(expected),
    });
    expect(report.location).toBe(zipName);
  });

  it('offers the zip as one download and lists no drives', async () => {
    const desk = createBrowserDesk();
    expect(await desk.export.listDrives()).toEqual({ ok: true, value: [] });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    URL.createObjectURL ??= () => 'blob:x';
    const result = await desk.export.write({
      target: { kind: 'directory', directoryToken: 'browser-downloads' },
      folderName: FOLDER,
      files,
      manifestName: '清单.txt',
    });
    expect(result.ok).toBe(true);
    expect(clicked).toEqual([`${FOLDER}.zip`]);
    const refused = await desk.export.write({
      target: { kind: 'drive', driveId: 'drive-0001' },
      folderName: FOLDER,
      files,
      manifestName: '清单.txt',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    click.mockRestore();
  });
});
