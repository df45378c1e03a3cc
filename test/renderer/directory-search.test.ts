// The directory's search in parts (issue 17): built part by part in the background, ranked as one index ranks, the
// rest found by 汉字 until its part is in; and the store's import through the import session, end to end.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { ImportCancelledError } from '../../renderer/db/repositories/enterprises';
import { PartedSearch } from '../../renderer/directory/search-parts';
import { nextTask } from '../../renderer/lib/next-task';
import { useDirectoryStore } from '../../renderer/stores/directory';
import { createSearchIndex } from '../../shared/directory/pinyin-search';
import { emptyDraft } from '../../shared/directory/row-rules';
import type { ImportFile } from '../../shared/directory/types';
import { freshDatabase } from './db-helpers';

let db: DeskDb;

beforeEach(async () => {
  db = await freshDatabase();
});

const PLACES = ['临江', '青溪', '新乐', '龙泉'];
const WORDS = [...'丰泽华星禾香顺达'];
const TRADES = ['钢构', '机械制造', '物流', '食品'];
/** 1,024 names: every place, two words and a trade. */
const NAMES = PLACES.flatMap((p) =>
  WORDS.flatMap((a) => WORDS.flatMap((b) => TRADES.map((t) => `${p}${a}${b}${t}有限公司`))),
);
const QUERIES = [
  'fzgg',
  'lj',
  '临江',
  'xinle',
  'fengze',
  '丰泽钢',
  'hxsp',
  'qxsd',
  'ljfzgt',
  'zzzz',
  '物流',
  'l',
];

describe('PartedSearch', () => {
  it('ranks the hits of its parts as one index over the whole list ranks them', () => {
    const whole = createSearchIndex(NAMES, (n) => n);
    const parted = new PartedSearch(NAMES, (n) => n, 37);
    while (parted.buildNext());
    expect(parted.complete).toBe(true);
    for (const q of QUERIES)
      for (const limit of [5, 50, 600]) expect(parted.search(q, limit)).toEqual(whole.search(q, limit));
  });

  it('guesses a slipped key only when nothing matches in any part', () => {
    const names = [
      '临江丰泽钢构有限公司',
      ...Array.from({ length: 30 }, (_, i) => `青溪第${i}号物流有限公司`),
    ];
    const search = (list: string[]) => {
      const parted = new PartedSearch(list, (n) => n, 8);
      while (parted.buildNext());
      return {
        parted: parted.search('fzgt', 10),
        whole: createSearchIndex(list, (n) => n).search('fzgt', 10),
      };
    };
    // fzgt: no name spells it; 丰泽钢构 (fzgg) is one key away, in the first part.
    expect(search(names)).toEqual({ parted: ['临江丰泽钢构有限公司'], whole: ['临江丰泽钢构有限公司'] });
    // 福州港通 spells it outright, in the last part: no guesses then.
    const more = [...names, '福州港通物流有限公司'];
    expect(search(more)).toEqual({ parted: ['福州港通物流有限公司'], whole: ['福州港通物流有限公司'] });
  });

  it('while the parts are being built, finds the rest by 汉字; a small rest is built at once', () => {
    const parted = new PartedSearch(NAMES, (n) => n, 100);
    parted.buildNext();
    expect(parted.built).toBe(100);
    // 龙泉… are all past the first part: found by 汉字, not yet by pinyin.
    expect(parted.search('龙泉丰泽', 100)).toHaveLength(TRADES.length);
    expect(parted.search('longquanfengze', 100)).toEqual([]);
    while (parted.built < NAMES.length - 100) parted.buildNext();
    // What is left fits in one part: the query builds it and answers in full.
    expect(parted.search('longquanfengze', 100)).toHaveLength(TRADES.length);
    expect(parted.complete).toBe(true);
  });
});

/** A CSV of the names given, with a header. */
const csv = (names: string[]): ImportFile => ({
  name: '名录.csv',
  bytes: new TextEncoder().encode(['企业名称,联系人', ...names.map((n) => `${n},李晓梅`)].join('\n')),
});

describe('the directory store', () => {
  it('imports what is confirmed through the session, shows it without reading it again, and searches it', async () => {
    const directory = useDirectoryStore();
    await directory.load();
    const writesBefore = db.writes.value;
    const session = directory.openImport(csv(NAMES.slice(0, 40)));
    const preview = await session.preview;
    if (!preview?.ok) throw new Error('expected a preview');
    const lines = preview.rows.map((r) => r.line).filter((line) => line !== 3);
    const steps: string[] = [];
    const done = await directory.importConfirmed(session, lines, { onProgress: (p) => steps.push(p.step) });

    expect(done).toEqual({ added: 39, updated: 0 });
    expect(steps[0]).toBe('check');
    expect(steps.at(-1)).toBe('reload');
    expect(directory.enterprises.map((e) => e.name)).toEqual(
      (await db.enterprises.orderBy('name').toArray()).map((e) => e.name),
    );
    expect(directory.enterprises).toHaveLength(39);
    // Written on the session's own connection, and counted in this window all the same (backups follow writes).
    expect(db.writes.value).toBeGreaterThan(writesBefore);
    expect(directory.search('ljfzgg').map((e) => e.name)).toEqual(['临江丰泽钢构有限公司']);
    session.close();
  });

  it('cancelled: nothing written, the directory as it was', async () => {
    const directory = useDirectoryStore();
    await directory.load();
    const session = directory.openImport(csv(NAMES.slice(0, 40)));
    const preview = await session.preview;
    if (!preview?.ok) throw new Error('expected a preview');
    const abort = new AbortController();
    abort.abort();
    await expect(
      directory.importConfirmed(
        session,
        preview.rows.map((r) => r.line),
        { signal: abort.signal },
      ),
    ).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await db.enterprises.count()).toBe(0);
    expect(directory.enterprises).toEqual([]);
    session.close();
  });

  it('builds the search of a large directory in the background: 汉字 first, pinyin once it is in', async () => {
    const directory = useDirectoryStore();
    const many = Array.from({ length: 9000 }, (_, i) => ({
      ...emptyDraft(),
      id: `e-${String(i).padStart(5, '0')}`,
      name: `${NAMES[i % NAMES.length]}${Math.floor(i / NAMES.length)}`,
      createdAt: 1,
      updatedAt: 1,
    }));
    await db.enterprises.bulkAdd(many);
    await directory.load();
    expect(directory.enterprises).toHaveLength(9000);
    expect(directory.indexing).toBe(true);
    expect(directory.search('龙泉顺达物流有限公司1', 5).map((e) => e.name)).toEqual([
      '龙泉顺达物流有限公司1',
    ]);
    while (directory.indexing) await nextTask();
    expect(directory.indexed).toBe(9000);
    const found = directory.search('lqsdwl', 100).map((e) => e.name);
    expect(found).toContain('龙泉顺达物流有限公司7');
    expect(found).toEqual(
      createSearchIndex(directory.enterprises, (e) => e.name)
        .search('lqsdwl', 100)
        .map((e) => e.name),
    );
  });
});
