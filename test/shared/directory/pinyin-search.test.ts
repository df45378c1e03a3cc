import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEARCH_LIMIT, createSearchIndex, readingsOf } from '../../../shared/directory/pinyin-search';

/** The enterprise names of the fixture, in file order. */
const NAMES: string[] = readFileSync(
  fileURLToPath(new URL('../../../../shared/fixtures/enterprises.csv', import.meta.url)),
  'utf8',
)
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => line.split(',')[0] ?? '');

const FENGZE = '临江丰泽钢构有限公司';

describe('createSearchIndex over the fixture names', () => {
  const index = createSearchIndex(NAMES, (name) => name);

  it('has every name', () => {
    expect(NAMES).toHaveLength(24);
    expect(index.size).toBe(24);
  });

  it.each([
    '丰泽',
    'fzgg',
    'fengze',
    'fengzegang',
    'fengzgg',
    'fengzegangg',
    'fengzegg',
    '丰zgg',
    '丰泽gg',
    'FZGG',
    'ｆｚｇｇ',
    'feng ze',
  ])('「%s」 finds 临江丰泽钢构有限公司 first', (query) => {
    expect(index.search(query)[0]).toBe(FENGZE);
  });

  it('matches initials continuously, not as scattered letters', () => {
    expect(index.search('fzgg')).toEqual([FENGZE]);
    // 丰泽钢构有限公司 has f, z, g and s (公司), but not one after the other: no exact hit, only
    // the one-letter-off guess of tier 3.
    expect(index.searchHits('fzgs').every((h) => h.tier === 3)).toBe(true);
  });

  it('with no exact hit, takes four or more initials with one letter wrong as a last-tier guess', () => {
    // 构 is gou, so 「fzgt」 is a slip for fzgg; the issue's own example.
    const hits = index.searchHits('fzgt');
    expect(hits[0]).toMatchObject({ item: FENGZE, tier: 3 });
    // Three letters are too few to guess from, and an exact hit is never mixed with guesses.
    expect(index.search('fzt')).toEqual([]);
    expect(index.searchHits('fzgg').map((h) => h.tier)).toEqual([2]);
    // Two letters wrong is no match.
    expect(index.search('fztt')).toEqual([]);
  });

  it('finds every 临江… name by 「lj」, from the first character', () => {
    const hits = index.searchHits('lj');
    const linjiang = NAMES.filter((n) => n.startsWith('临江'));
    expect(linjiang.length).toBeGreaterThan(10);
    expect(
      hits
        .slice(0, linjiang.length)
        .map((h) => h.item)
        .sort(),
    ).toEqual([...linjiang].sort());
    expect(hits.slice(0, linjiang.length).every((h) => h.tier === 1)).toBe(true);
  });

  it('ranks 汉字 substrings first, then pinyin from the first character, then pinyin further in', () => {
    const names = ['青溪丰泽大酒店', '丰泽钢构', '新丰泽商贸', '风泽科技', '临江丰泽钢构有限公司'];
    const hits = createSearchIndex(names, (n) => n).searchHits('丰泽');
    expect(hits.map((h) => [h.item, h.tier])).toEqual([
      ['丰泽钢构', 0],
      ['新丰泽商贸', 0],
      ['青溪丰泽大酒店', 0],
      ['临江丰泽钢构有限公司', 0],
    ]);
    const byPinyin = createSearchIndex(names, (n) => n).searchHits('fengze');
    expect(byPinyin.map((h) => [h.item, h.tier])).toEqual([
      ['丰泽钢构', 1],
      ['风泽科技', 1],
      ['新丰泽商贸', 2],
      ['青溪丰泽大酒店', 2],
      ['临江丰泽钢构有限公司', 2],
    ]);
  });

  it('puts an exact substring before an initials match', () => {
    const index2 = createSearchIndex(['林静工贸', '青溪lj工作室'], (n) => n);
    expect(index2.searchHits('lj').map((h) => [h.item, h.tier])).toEqual([
      ['青溪lj工作室', 0],
      ['林静工贸', 1],
    ]);
  });

  it('skips punctuation in names and queries', () => {
    expect(index.search('ljhr')[0]).toBe('临江·华瑞（集团）有限公司');
    expect(index.search('华瑞集团')[0]).toBe('临江·华瑞（集团）有限公司');
    expect(index.search('临江华瑞')[0]).toBe('临江·华瑞（集团）有限公司');
    expect(index.search('a&b')[0]).toBe('青溪A&B精密模具有限公司');
    expect(index.search('qxab')[0]).toBe('青溪A&B精密模具有限公司');
    expect(index.search('Ａ＆Ｂ')[0]).toBe('青溪A&B精密模具有限公司');
  });

  it('finds nothing for text that is not there', () => {
    expect(index.search('北京')).toEqual([]);
    expect(index.search('xyzq')).toEqual([]);
    expect(index.search('丰q')).toEqual([]);
  });

  it('gives the first items in order for an empty query, up to the limit', () => {
    expect(index.search('')).toEqual(NAMES);
    expect(index.search('  ', 3)).toEqual(NAMES.slice(0, 3));
    expect(DEFAULT_SEARCH_LIMIT).toBe(100);
  });

  it('respects the limit', () => {
    expect(index.search('lj', 2)).toHaveLength(2);
    expect(index.search('lj', 0)).toEqual([]);
  });
});

describe('polyphones', () => {
  const index = createSearchIndex(
    ['重庆长江实业有限公司', '青溪重工集团', '长乐银行', '临江绿源生态农业开发有限公司'],
    (n) => n,
  );

  it('accepts every reading of 重 and 长', () => {
    expect(index.search('cq')).toEqual(['重庆长江实业有限公司']);
    expect(index.search('chongqing')).toEqual(['重庆长江实业有限公司']);
    expect(index.search('qxzg')).toEqual(['青溪重工集团']);
    expect(index.search('qxcg')).toEqual(['青溪重工集团']);
    expect(index.search('changjiang')).toEqual(['重庆长江实业有限公司']);
    expect(index.search('zhangle')).toEqual(['长乐银行']);
    expect(index.search('clyh')).toEqual(['长乐银行']);
  });

  it('reads ü as v or u', () => {
    expect(index.search('lvyuan')).toEqual(['临江绿源生态农业开发有限公司']);
    expect(index.search('lyst')).toEqual(['临江绿源生态农业开发有限公司']);
    expect(index.search('luyuan')).toEqual(['临江绿源生态农业开发有限公司']);
  });

  it('lists the readings of a character', () => {
    expect(readingsOf('重').sort()).toEqual(['chong', 'zhong']);
    expect(readingsOf('长').sort()).toEqual(['chang', 'zhang']);
    expect(readingsOf('绿')).toContain('lv');
    expect(readingsOf('A')).toEqual(['a']);
    expect(readingsOf('·')).toEqual([]);
  });
});

describe('hits', () => {
  it('give the matched span in the original text, for highlighting', () => {
    const text = '临江·华瑞（集团）有限公司';
    const index = createSearchIndex([text], (t) => t);
    const [byHan] = index.searchHits('华瑞');
    expect(byHan).toMatchObject({ tier: 0, index: 0, textIndex: 0 });
    expect(text.slice(byHan!.start, byHan!.end)).toBe('华瑞');
    const [byPinyin] = index.searchHits('jianghuarui');
    expect(byPinyin?.tier).toBe(2);
    expect(text.slice(byPinyin!.start, byPinyin!.end)).toBe('江·华瑞');
    const [initials] = index.searchHits('ljh');
    expect(text.slice(initials!.start, initials!.end)).toBe('临江·华');
  });

  it('map back across spaces and full-width letters', () => {
    const text = '青溪 ＡＢ 模具';
    const [hit] = createSearchIndex([text], (t) => t).searchHits('ab模');
    expect(hit?.tier).toBe(0);
    expect(text.slice(hit!.start, hit!.end)).toBe('ＡＢ 模');
  });
});

describe('several texts per item (a department and its aliases)', () => {
  const departments = [
    { id: 'd1', name: '青溪区发展和改革委员会', aliases: ['发改委', '发改局'] },
    { id: 'd2', name: '青溪区财政局', aliases: ['财政局'] },
    { id: 'd3', name: '青溪区自然资源局', aliases: ['自然资源局', '规划局'] },
  ];
  const index = createSearchIndex(departments, (d) => [d.name, ...d.aliases]);

  it('finds an item by any of its texts, once, with the best match', () => {
    expect(index.search('fgw').map((d) => d.id)).toEqual(['d1']);
    expect(index.search('规划').map((d) => d.id)).toEqual(['d3']);
    // All match from the first character: shorter names first.
    expect(index.search('qxq').map((d) => d.id)).toEqual(['d2', 'd3', 'd1']);
    const [hit] = index.searchHits('czj');
    expect(hit).toMatchObject({ tier: 1, textIndex: 1 });
  });
});

describe('50,000 items', () => {
  it('builds and answers queries (times printed, not asserted)', () => {
    const prefixes = ['临江', '青溪', '安富', '新乐', '永宁', '大渡口'];
    const middles = [
      '丰泽',
      '蓝湾',
      '红金',
      '华星',
      '朝晖',
      '利钢',
      '永安',
      '海特',
      '顺达',
      '禾香',
      '锦程',
      '鑫磊',
      '光合',
      '康瑞',
      '芯联',
    ];
    const trades = [
      '钢构',
      '酒店管理',
      '商贸',
      '机械制造',
      '塑胶',
      '金属制品',
      '矿山机械',
      '科技发展',
      '物流',
      '食品',
      '纺织',
      '新型建材',
    ];
    const items = Array.from({ length: 50_000 }, (_, i) => ({
      id: i,
      name: `${prefixes[i % 6]}${middles[Math.floor(i / 6) % 15]}${trades[Math.floor(i / 90) % 12]}第${i}分公司`,
    }));
    items[31_337] = { id: 31_337, name: FENGZE };

    let t = performance.now();
    const index = createSearchIndex(items, (e) => e.name);
    const buildMs = performance.now() - t;

    const timings: string[] = [];
    const results = new Map<string, number>();
    for (const query of ['fzgg', 'fengzegang', '丰泽', 'lj', 'l', '临江丰泽钢构有限', 'qxhjsm', 'zzzz']) {
      index.search(query); // warm
      t = performance.now();
      const found = index.search(query, 50);
      const ms = performance.now() - t;
      timings.push(`${query} ${ms.toFixed(1)} ms`);
      results.set(query, found.length);
      if (query === '临江丰泽钢构有限') expect(found[0]?.id).toBe(31_337);
    }
    console.log(`[search] 50,000 items: build ${buildMs.toFixed(0)} ms; ${timings.join(', ')}`);
    expect(results.get('fzgg')).toBe(50);
    expect(index.searchHits('zzzz', 100).every((h) => h.tier === 3)).toBe(true);
    expect(index.search('fzgg', Infinity).length).toBeGreaterThan(250);
  });
});
