// Re-importing an updated directory through the store: new rows added and confirmed updates applied in one
// transaction, all or none; duplicates of new rows still refused.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { useDirectoryStore } from '../../renderer/stores/directory';
import {
  buildImportPreview,
  commitRows,
  commitUpdates,
  importableLines,
} from '../../shared/directory/import-preview';
import type { ImportPreview } from '../../shared/directory/types';
import { freshDatabase } from './db-helpers';

let db: DeskDb;

beforeEach(async () => {
  db = await freshDatabase();
});

// The shared fixtures sit beside the repository (a path, not `new URL`, which Vite would turn into an import).
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, name))) });
const csv = (lines: string[]) => ({ name: '名录.csv', bytes: new TextEncoder().encode(lines.join('\n')) });

function rowsOf(preview: ImportPreview) {
  if (!preview.ok) throw new Error(`expected a preview, got: ${preview.error}`);
  return preview;
}

/** The directory store with enterprises.csv imported. */
async function withDirectory() {
  const directory = useDirectoryStore();
  await directory.load();
  const first = rowsOf(await buildImportPreview(fixture('enterprises.csv'), directory.enterprises));
  expect(await directory.importAll(commitRows(first, importableLines(first)))).toBe(24);
  return directory;
}

const UPDATED = [
  '企业名称,统一社会信用代码,联系人,职务,联系电话',
  '临江丰泽钢构有限公司,91339901YG58BRK2XB,叶小川,办公室主任,13912345678',
  '临江蓝湾酒店管理有限公司,91339901CBBKW37DX2,陈经理,,',
  '青溪新禾农业科技有限公司,,王新禾,总经理,13600001111',
];

describe('importing with updates', () => {
  it('adds the new rows and applies only the updates ticked, in one go', async () => {
    const directory = await withDirectory();
    const preview = rowsOf(await buildImportPreview(csv(UPDATED), directory.enterprises));
    expect(preview.rows.map((r) => r.status)).toEqual(['update', 'update', 'valid']);
    // 丰泽 ticked, 蓝湾 not.
    const lines = [2, 4];
    const added = await directory.importAll(commitRows(preview, lines), commitUpdates(preview, lines));
    expect(added).toBe(1);
    expect(directory.enterprises).toHaveLength(25);
    const fengze = directory.enterprises.find((e) => e.name === '临江丰泽钢构有限公司')!;
    expect(fengze).toMatchObject({
      contact: '叶小川',
      contactTitle: '办公室主任',
      phone: '13912345678',
      legalRep: '叶振邦',
      industry: '钢结构制造',
    });
    expect(directory.enterprises.find((e) => e.name === '临江蓝湾酒店管理有限公司')?.contact).toBe('褚雅琴');
  });

  it('writes nothing when a previewed field was changed meanwhile, or a new row exists by then', async () => {
    const directory = await withDirectory();
    const preview = rowsOf(await buildImportPreview(csv(UPDATED), directory.enterprises));
    const lines = preview.rows.map((r) => r.line);

    // Someone edits 蓝湾's contact after the preview was built.
    const lanwan = directory.enterprises.find((e) => e.name === '临江蓝湾酒店管理有限公司')!;
    await db.enterprises.put({ ...lanwan, contact: '褚总' });
    await expect(
      directory.importAll(commitRows(preview, lines), commitUpdates(preview, lines)),
    ).rejects.toThrow('“临江蓝湾酒店管理有限公司”的联系人在预览后已被修改，本次导入未写入任何数据');
    expect(await db.enterprises.count()).toBe(24);
    expect((await db.enterprises.where('name').equals('临江丰泽钢构有限公司').first())?.contact).toBe(
      '叶振邦',
    );

    // A new row added meanwhile under the same name: refused, and the updates with it.
    const again = rowsOf(await buildImportPreview(csv(UPDATED), await db.enterprises.toArray()));
    await db.enterprises.add({
      ...lanwan,
      id: 'meanwhile',
      name: '青溪新禾农业科技有限公司',
      creditCode: '',
    });
    await expect(directory.importAll(commitRows(again, lines), commitUpdates(again, lines))).rejects.toThrow(
      '“青溪新禾农业科技有限公司”已在企业库中',
    );
    expect((await db.enterprises.where('name').equals('临江丰泽钢构有限公司').first())?.contact).toBe(
      '叶振邦',
    );
  });
});
