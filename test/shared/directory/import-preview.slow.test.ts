// The 80,000-row import, in the slow project (`npm test` runs it; `npm run test:fast` leaves it out).
import { describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar } from '../../../shared/domain/credit-code';
import { MAX_IMPORT_BYTES, buildImportPreview } from '../../../shared/directory/import-preview';
import type { ImportPreview } from '../../../shared/directory/types';

const HEADER = '企业名称,统一社会信用代码,法定代表人,联系人,职务,联系电话,所属行业,所属街道';

/** The preview, failing the test when the file was refused. */
function rowsOf(preview: ImportPreview) {
  if (!preview.ok) throw new Error(`expected a preview, got: ${preview.error}`);
  return preview;
}

describe('buildImportPreview: a 10 MB file', () => {
  it('parses and checks 80,000 rows in a few seconds', { timeout: 60_000 }, async () => {
    const lines = [HEADER];
    for (let i = 0; i < 80_000; i += 1) {
      const body = `91339901${String(i).padStart(9, '0')}`;
      const code = body + computeCreditCodeCheckChar(body);
      const phone = `138${String(i).padStart(8, '0')}`;
      lines.push(
        `临江测试第${i}号机械制造有限公司,${code},张建国${i},李晓梅${i},总经理,${phone},机械制造,新乐镇`,
      );
    }
    const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(MAX_IMPORT_BYTES);

    const started = performance.now();
    const preview = rowsOf(await buildImportPreview({ name: '大名录.csv', bytes }, []));
    const ms = performance.now() - started;
    console.log(
      `[import] ${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV, ${preview.counts.total} rows: ${ms.toFixed(0)} ms`,
    );
    expect(preview.counts).toEqual({
      total: 80_000,
      valid: 80_000,
      fixable: 0,
      rejected: 0,
      importable: 80_000,
      update: 0,
      unchanged: 0,
    });
    expect(preview.rows[79_999]?.line).toBe(80_001);
  });
});
