// The directory's import written in chunks (issue 17): one transaction, every row checked in memory before anything
// is written, chunks of `chunkSize` with progress; a clash, a stale update or 取消 leave the directory as it was.
// And the list read back in pages, whatever the page boundaries fall on.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import {
  DuplicateEnterpriseError,
  EnterpriseRepository,
  ImportCancelledError,
  type ImportAllProgress,
} from '../../renderer/db/repositories/enterprises';
import type { Enterprise } from '../../shared/domain/types';
import { emptyDraft } from '../../shared/directory/row-rules';
import { freshDatabase } from './db-helpers';

let db: DeskDb;
let repo: EnterpriseRepository;

beforeEach(async () => {
  db = await freshDatabase();
  repo = new EnterpriseRepository(db);
});

const NOW = 1_700_000_000_000;

function enterprise(i: number, fields: Partial<Enterprise> = {}): Enterprise {
  const id = `e-${String(i).padStart(4, '0')}`;
  return {
    ...emptyDraft(),
    id,
    name: `临江第${i}号机械制造有限公司`,
    createdAt: NOW,
    updatedAt: NOW,
    ...fields,
  };
}

const many = (from: number, count: number) => Array.from({ length: count }, (_, i) => enterprise(from + i));

describe('importAll in chunks', () => {
  it('writes every row, chunk by chunk, saying how far it has got', async () => {
    await db.enterprises.bulkAdd(many(0, 5));
    const progress: ImportAllProgress[] = [];
    const rows = many(100, 23).map((e) => ({ ...e, name: ` ${e.name} ` }));

    const added = await repo.importAll(rows, [], NOW, { chunkSize: 10, onProgress: (p) => progress.push(p) });

    expect(added).toBe(23);
    expect(await db.enterprises.count()).toBe(28);
    // Names are stored trimmed, as one at a time.
    expect((await db.enterprises.get('e-0100'))?.name).toBe('临江第100号机械制造有限公司');
    expect(progress).toEqual([
      { step: 'check', done: 0, total: 23 },
      { step: 'write', done: 0, total: 23 },
      { step: 'write', done: 10, total: 23 },
      { step: 'write', done: 20, total: 23 },
      { step: 'write', done: 23, total: 23 },
    ]);
  });

  it('refuses a row the directory has (by name or by credit code) and writes nothing, however far in it is', async () => {
    await db.enterprises.bulkAdd([
      enterprise(1),
      enterprise(2, { name: '临江丰泽钢构有限公司', creditCode: '91339901YG58BRK2XB' }),
    ]);
    const byName = [...many(100, 30), enterprise(500, { name: '临江第1号机械制造有限公司' })];
    await expect(repo.importAll(byName, [], NOW, { chunkSize: 7 })).rejects.toThrow(
      new DuplicateEnterpriseError(
        '“临江第1号机械制造有限公司”已在企业库中（与“临江第1号机械制造有限公司”重复），本次导入未写入任何数据',
      ),
    );
    const byCode = [
      ...many(100, 30),
      enterprise(501, { name: '丰泽钢构', creditCode: '91339901YG58BRK2XB' }),
    ];
    await expect(repo.importAll(byCode, [], NOW, { chunkSize: 7 })).rejects.toThrow(
      '“丰泽钢构”已在企业库中（与“临江丰泽钢构有限公司”重复），本次导入未写入任何数据',
    );
    // Two rows of one import naming the same enterprise.
    const twice = [...many(100, 3), enterprise(502, { name: '临江第100号机械制造有限公司' })];
    await expect(repo.importAll(twice, [], NOW)).rejects.toThrow(
      '“临江第100号机械制造有限公司”与本次导入的“临江第100号机械制造有限公司”重复，本次导入未写入任何数据',
    );
    expect(await db.enterprises.count()).toBe(2);
  });

  it('applies the confirmed updates with the new rows; a field changed since the preview stops all of it', async () => {
    await db.enterprises.bulkAdd([enterprise(1, { contact: '叶振邦', phone: '17102255229' }), enterprise(2)]);
    const update = {
      enterpriseId: 'e-0001',
      name: '临江第1号机械制造有限公司',
      changes: [{ field: 'contact' as const, from: '叶振邦', to: '叶小川' }],
    };
    const later = NOW + 1000;
    expect(await repo.importAll(many(10, 4), [update], later, { chunkSize: 3 })).toBe(4);
    expect(await db.enterprises.get('e-0001')).toMatchObject({
      contact: '叶小川',
      phone: '17102255229',
      updatedAt: later,
    });
    expect(await db.enterprises.count()).toBe(6);

    // The same update again: the record no longer says 叶振邦.
    await expect(repo.importAll(many(20, 4), [update], later)).rejects.toThrow(
      '“临江第1号机械制造有限公司”的联系人在预览后已被修改，本次导入未写入任何数据',
    );
    // An update giving a credit code another enterprise holds.
    await db.enterprises.update('e-0002', { creditCode: '91339901YG58BRK2XB' });
    const code = {
      enterpriseId: 'e-0001',
      name: '临江第1号机械制造有限公司',
      changes: [{ field: 'creditCode' as const, from: '', to: '91339901YG58BRK2XB' }],
    };
    await expect(repo.importAll([], [code], later)).rejects.toThrow(
      '统一社会信用代码 91339901YG58BRK2XB 已属于“临江第2号机械制造有限公司”，本次导入未写入任何数据',
    );
    expect(await db.enterprises.count()).toBe(6);
  });

  it('stops when cancelled between chunks, rolling back the chunks already written', async () => {
    await db.enterprises.bulkAdd(many(0, 3));
    const abort = new AbortController();
    const written: number[] = [];
    const importing = repo.importAll(many(100, 50), [], NOW, {
      chunkSize: 10,
      signal: abort.signal,
      onProgress: ({ step, done }) => {
        if (step !== 'write') return;
        written.push(done);
        if (done === 20) abort.abort();
      },
    });
    await expect(importing).rejects.toBeInstanceOf(ImportCancelledError);
    await expect(importing).rejects.toThrow('已取消导入，本次导入未写入任何数据');
    expect(written).toEqual([0, 10, 20]);
    expect(await db.enterprises.count()).toBe(3);
    // Cancelled before it began: not even the transaction is opened.
    await expect(repo.importAll(many(100, 5), [], NOW, { signal: abort.signal })).rejects.toBeInstanceOf(
      ImportCancelledError,
    );
    expect(await db.enterprises.count()).toBe(3);
  });

  it('hands back the directory as it is after the import, in the order list() reads it', async () => {
    await db.enterprises.bulkAdd([enterprise(1, { contact: '叶振邦' }), enterprise(7), enterprise(3)]);
    let directory: Enterprise[] = [];
    const update = {
      enterpriseId: 'e-0001',
      name: '临江第1号机械制造有限公司',
      changes: [{ field: 'contact' as const, from: '叶振邦', to: '叶小川' }],
    };
    await repo.importAll([enterprise(5), enterprise(2, { name: '  青溪顺达物流有限公司' })], [update], NOW, {
      chunkSize: 2,
      onDirectory: (all) => (directory = all),
    });
    expect(directory).toEqual(await repo.list());
    expect(directory.map((e) => e.name)).toEqual([
      '临江第1号机械制造有限公司',
      '临江第3号机械制造有限公司',
      '临江第5号机械制造有限公司',
      '临江第7号机械制造有限公司',
      '青溪顺达物流有限公司',
    ]);
    expect(directory[0]?.contact).toBe('叶小川');
  });
});

describe('list in pages', () => {
  it('reads every enterprise once, by name then id, when a name repeats across the page boundaries', async () => {
    const same = (i: number) => enterprise(i, { name: '临江同名有限公司' });
    await db.enterprises.bulkAdd([
      ...many(0, 7),
      same(50),
      same(51),
      same(52),
      same(53),
      same(54),
      enterprise(60),
    ]);
    const expected = await db.enterprises.orderBy('name').toArray();
    for (const pageSize of [1, 2, 3, 4, 5, 100]) {
      expect((await repo.list(pageSize)).map((e) => e.id)).toEqual(expected.map((e) => e.id));
    }
  });
});
