/**
 * GB/T 9704's page as LibreOffice prints it: body lines of 28 characters, and the page number's dash 7 mm below the
 * type area, measured on the rendered page (the ink of the dash, not the font's box). Needs LibreOffice and poppler,
 * like render.slow.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GRID } from '../../../shared/docs/gbt9704';
import { meetingDocuments } from '../../../shared/docs/meeting-documents';
import { demoBundle } from './docx';
import { convertToPdf } from './render-tools';

const DPI = 200;
const pxToMm = (px: number) => (px * 25.4) / DPI;
/** The type area ends 35 mm above the foot of the 297 mm page. */
const TYPE_AREA_BOTTOM_MM = 297 - 35;

const tmp = mkdtempSync(join(tmpdir(), 'kentan-geometry-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Rows (in mm from the top) below the type area of the first page that hold a dark horizontal run of 3 mm or more. */
function dashRows(pdf: string): number[] {
  const prefix = join(tmp, 'page');
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  // P5 header: magic, width height, maxval, each on its own line.
  const header = pgm.subarray(0, 40).toString('latin1').split('\n');
  const [width, height] = header[1]!.split(' ').map(Number) as [number, number];
  const pixels = pgm.subarray(header.slice(0, 3).join('\n').length + 1);
  const run = Math.round((3 / 25.4) * DPI);
  const rows: number[] = [];
  for (let y = Math.round((TYPE_AREA_BOTTOM_MM / 25.4) * DPI); y < height; y++) {
    let longest = 0;
    let current = 0;
    for (let x = 0; x < width; x++) {
      current = pixels[y * width + x]! < 128 ? current + 1 : 0;
      longest = Math.max(longest, current);
    }
    if (longest >= run) rows.push(pxToMm(y + 0.5));
  }
  return rows;
}

describe('the GB/T 9704 page in LibreOffice', () => {
  it('sets 28 characters a body line and the page number’s dash 7 mm below the type area', async () => {
    const bundle = await demoBundle();
    const { documents } = await meetingDocuments(bundle, { include: ['sheets', 'minutes'] });
    const sheet = documents.find((d) => d.kind === 'sheet')!;
    const minutes = documents.find((d) => d.kind === 'minutes')!;
    writeFileSync(join(tmp, 'sheet.docx'), sheet.bytes);
    writeFileSync(join(tmp, 'minutes.docx'), minutes.bytes);
    convertToPdf(tmp, [join(tmp, 'sheet.docx'), join(tmp, 'minutes.docx')]);

    // Lines of Chinese text only (digits and Latin letters are narrower): the full ones hold 28 characters.
    const text = execFileSync('pdftotext', [join(tmp, 'minutes.pdf'), '-'], { encoding: 'utf8' });
    const chinese = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !/[\x20-\x7e]/.test(l));
    expect(Math.max(...chinese.map((l) => [...l].length))).toBe(GRID.chars);

    for (const pdf of ['sheet.pdf', 'minutes.pdf']) {
      const rows = dashRows(join(tmp, pdf));
      expect(rows.length, pdf).toBeGreaterThan(0);
      const dash = rows.reduce((a, b) => a + b, 0) / rows.length;
      expect(Math.abs(dash - TYPE_AREA_BOTTOM_MM - 7), `${pdf}: dash at ${dash.toFixed(2)} mm`).toBeLessThan(
        0.5,
      );
    }
  }, 180_000);
});
