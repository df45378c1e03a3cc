// How far a preview has got (issue 17): the import worker reports it while a 100,000-row file is read. And the
// commit of a preview, now apart from the readers, still gives the same records and updates through both modules.
import { describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar } from '../../../shared/domain/credit-code';
import {
  PROGRESS_ROWS,
  buildImportPreview,
  commitRows as commitRowsFromPreview,
  type PreviewProgress,
} from '../../../shared/directory/import-preview';
import { commitRows, commitUpdates, importableLines } from '../../../shared/directory/import-commit';
import type { ImportPreview } from '../../../shared/directory/types';

const HEADER = '企业名称,统一社会信用代码,联系人,联系电话';

/** A CSV of `rows` valid enterprises, with a title row above the header. */
function directory(rows: number): { name: string; bytes: Uint8Array } {
  const lines = ['青溪区企业名录（2026年）', HEADER];
  for (let i = 0; i < rows; i += 1) {
    const body = `91339901${String(i).padStart(9, '0')}`;
    lines.push(
      `临江第${i}号机械制造有限公司,${body}${computeCreditCodeCheckChar(body)},李晓梅,138${String(i).padStart(8, '0')}`,
    );
  }
  return { name: '名录.csv', bytes: new TextEncoder().encode(lines.join('\n')) };
}

function rowsOf(preview: ImportPreview) {
  if (!preview.ok) throw new Error(`expected a preview, got: ${preview.error}`);
  return preview;
}

describe('buildImportPreview: progress', () => {
  it('says when it reads, then how many rows it has checked, every PROGRESS_ROWS rows, up to all of them', async () => {
    const seen: PreviewProgress[] = [];
    const rows = 2 * PROGRESS_ROWS + 500;
    const preview = rowsOf(
      await buildImportPreview(directory(rows), [], { onProgress: (p) => seen.push(p) }),
    );

    expect(preview.counts.valid).toBe(rows);
    expect(seen[0]).toEqual({ phase: 'read', done: 0, total: 0 });
    const checks = seen.slice(1);
    expect(checks.every((p) => p.phase === 'check' && p.total === rows)).toBe(true);
    expect(checks.map((p) => p.done)).toEqual([0, PROGRESS_ROWS, 2 * PROGRESS_ROWS, rows]);
  });

  it('says nothing about rows for a file it refuses', async () => {
    const seen: PreviewProgress[] = [];
    const preview = await buildImportPreview(
      { name: '名录.csv', bytes: new TextEncoder().encode('名称不在这里,电话\n甲,1\n') },
      [],
      { onProgress: (p) => seen.push(p) },
    );
    expect(preview.ok).toBe(false);
    expect(seen).toEqual([{ phase: 'read', done: 0, total: 0 }]);
  });
});

describe('committing a preview', () => {
  it('gives the same records from import-commit and from import-preview, a Set of lines taken as it is', async () => {
    const preview = rowsOf(await buildImportPreview(directory(5), []));
    const lines = new Set(importableLines(preview));
    lines.delete(4);
    let n = 0;
    const options = { newId: () => `id-${(n += 1)}`, now: 1_700_000_000_000 };
    const records = commitRows(preview, lines, options);
    n = 0;
    expect(commitRowsFromPreview(preview, [...lines], options)).toEqual(records);
    expect(records.map((r) => r.name)).toEqual([
      '临江第0号机械制造有限公司',
      '临江第2号机械制造有限公司',
      '临江第3号机械制造有限公司',
      '临江第4号机械制造有限公司',
    ]);
    expect(records[0]).toMatchObject({
      id: 'id-1',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    });
    // New rows only: no updates in a file the directory does not know.
    expect(commitUpdates(preview, lines)).toEqual([]);
  });
});
