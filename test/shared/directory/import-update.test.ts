// Re-importing an updated directory: enterprises already there are offered as per-field updates of their
// details, never added twice; 法定代表人 fills 联系人 when the file has no contact column.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Enterprise } from '../../../shared/domain/types';
import {
  buildImportPreview,
  commitRows,
  commitUpdates,
  importableLines,
} from '../../../shared/directory/import-preview';
import type { ImportPreview } from '../../../shared/directory/types';

const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../../../shared/fixtures/${name}`, import.meta.url))),
  ),
});
const csv = (lines: string[]) => ({ name: '名录.csv', bytes: new TextEncoder().encode(lines.join('\r\n')) });

function rowsOf(preview: ImportPreview) {
  if (!preview.ok) throw new Error(`expected a preview, got: ${preview.error}`);
  return preview;
}

async function directory(): Promise<Enterprise[]> {
  const preview = rowsOf(await buildImportPreview(fixture('enterprises.csv'), []));
  let n = 0;
  return commitRows(preview, importableLines(preview), { newId: () => `e-${++n}`, now: 1 });
}

const HEADER = '企业名称,统一社会信用代码,法定代表人,联系人,职务,联系电话,所属行业,所属街道';

describe('re-importing an updated directory', () => {
  it('offers each changed enterprise as an update with a per-field diff; the same one is unchanged', async () => {
    const existing = await directory();
    const preview = rowsOf(
      await buildImportPreview(
        csv([
          HEADER,
          // 丰泽: a new contact, title and phone.
          '临江丰泽钢构有限公司,91339901YG58BRK2XB,叶振邦,叶小川,办公室主任,13912345678,钢结构制造,新乐镇',
          // 蓝湾: the same as before.
          '临江蓝湾酒店管理有限公司,91339901CBBKW37DX2,褚雅琴,褚雅琴,总经理,13715213350,住宿餐饮,新乐镇',
          // 红金: empty cells never clear a field; a new street.
          '青溪红金商贸有限公司,,,,,,,安富街道',
          // A new enterprise.
          '青溪新禾农业科技有限公司,,王新禾,王新禾,总经理,13600001111,农业,永宁街道',
        ]),
        existing,
      ),
    );
    expect(preview.rows.map((r) => r.status)).toEqual(['update', 'unchanged', 'update', 'valid']);
    expect(preview.rows[0]!.update).toEqual({
      enterpriseId: existing.find((e) => e.name === '临江丰泽钢构有限公司')!.id,
      name: '临江丰泽钢构有限公司',
      changes: [
        { field: 'contact', from: '叶振邦', to: '叶小川' },
        { field: 'contactTitle', from: '董事长', to: '办公室主任' },
        { field: 'phone', from: '17102255229', to: '13912345678' },
      ],
    });
    expect(preview.rows[2]!.update?.changes).toEqual([{ field: 'street', from: '大渡口镇', to: '安富街道' }]);
    expect(preview.counts).toMatchObject({ total: 4, valid: 1, importable: 1, update: 2, unchanged: 1 });

    // Updates are confirmed line by line and never become new records.
    const all = preview.rows.map((r) => r.line);
    expect(importableLines(preview)).toEqual([5]);
    expect(commitRows(preview, all, { newId: () => 'new', now: 2 }).map((e) => e.name)).toEqual([
      '青溪新禾农业科技有限公司',
    ]);
    expect(commitUpdates(preview, [2, 3]).map((u) => u.name)).toEqual(['临江丰泽钢构有限公司']);
    expect(commitUpdates(preview, all)).toHaveLength(2);
  });

  it('fills a missing credit code, but a different code, a code of another enterprise or a second row stays refused', async () => {
    const existing = (await directory()).map((e) =>
      e.name === '临江蓝湾酒店管理有限公司' ? { ...e, creditCode: '' } : e,
    );
    const preview = rowsOf(
      await buildImportPreview(
        csv([
          '企业名称,统一社会信用代码,联系电话',
          '临江蓝湾酒店管理有限公司,91339901CBBKW37DX2,13715213351',
          '临江丰泽钢构有限公司,91339901GQUWLD064J,13900000000',
          '青溪红金商贸有限公司,91339901UMFJPBRQ4E,13900000001',
          '青溪红金商贸有限公司,,13900000002',
          '青溪红金商贸有限公司,,13900000003',
        ]),
        existing,
      ),
    );
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'update'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'update'],
      [6, 'rejected'],
    ]);
    expect(preview.rows[0]!.update?.changes).toEqual([
      { field: 'creditCode', from: '', to: '91339901CBBKW37DX2' },
      { field: 'phone', from: '13715213350', to: '13715213351' },
    ]);
    // 丰泽 with 红金's code: the old reasons.
    expect(preview.rows[1]!.reasons).toEqual([
      '第3行 统一社会信用代码：与企业库中的“青溪红金商贸有限公司”相同',
      '第3行 企业名称：企业库中已有“临江丰泽钢构有限公司”',
    ]);
    expect(preview.rows[4]!.reasons).toEqual([
      '第6行 企业名称：企业库中已有“青溪红金商贸有限公司”',
      '第6行 企业名称：与本文件第5行重复',
    ]);
  });

  it('a row with its own problem is refused, not offered as an update', async () => {
    const preview = rowsOf(
      await buildImportPreview(csv(['企业名称,联系电话', '临江丰泽钢构有限公司,12345']), await directory()),
    );
    expect(preview.rows[0]!.status).toBe('rejected');
    expect(preview.rows[0]!.update).toBeUndefined();
  });
});

describe('法定代表人 fills 联系人 when there is no contact column', () => {
  it('for new enterprises, and only where a known enterprise has no contact yet', async () => {
    const existing = (await directory()).map((e) =>
      e.name === '临江蓝湾酒店管理有限公司' ? { ...e, contact: '', contactTitle: '' } : e,
    );
    const preview = rowsOf(
      await buildImportPreview(
        csv([
          '企业名称,法人代表,联系电话',
          '青溪新禾农业科技有限公司,王新禾,13600001111',
          '临江丰泽钢构有限公司,叶振邦,17102255229',
          '临江蓝湾酒店管理有限公司,褚雅琴,13715213350',
        ]),
        existing,
      ),
    );
    expect(preview.file.warnings).toContain('文件没有“联系人”列，联系人按“法定代表人”填写');
    expect(preview.rows.map((r) => [r.status, r.draft.contact])).toEqual([
      ['valid', '王新禾'],
      ['unchanged', '叶振邦'],
      ['update', '褚雅琴'],
    ]);
    expect(preview.rows[2]!.update?.changes).toEqual([{ field: 'contact', from: '', to: '褚雅琴' }]);
  });

  it('never replaces a known contact with the legal representative', async () => {
    const existing = (await directory()).map((e) =>
      e.name === '临江丰泽钢构有限公司' ? { ...e, contact: '叶小川' } : e,
    );
    const preview = rowsOf(
      await buildImportPreview(csv(['企业名称,法定代表人', '临江丰泽钢构有限公司,叶振邦']), existing),
    );
    expect(preview.rows[0]!.status).toBe('unchanged');
  });

  it('keeps the contact column when the file has one', async () => {
    const preview = rowsOf(
      await buildImportPreview(
        csv(['企业名称,法定代表人,联系人', '青溪新禾农业科技有限公司,王新禾,李秘书']),
        [],
      ),
    );
    expect(preview.file.warnings).toEqual([]);
    expect(preview.rows[0]!.draft.contact).toBe('李秘书');
  });
});
