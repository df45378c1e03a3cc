import { describe, it, expect } from 'vitest';
import {
  DIRECTORY_FIELDS,
  DIRECTORY_FIELD_LABEL,
  HEADER_ALIASES,
  columnLetter,
  findHeaderRow,
  mapHeaderRow,
  matchHeader,
  normalizeHeader,
} from '../../../shared/directory/headers';

describe('matchHeader', () => {
  it.each([
    ['企业名称', 'name'],
    ['单位名称', 'name'],
    ['企业全称', 'name'],
    ['公司名称', 'name'],
    ['统一社会信用代码', 'creditCode'],
    ['信用代码', 'creditCode'],
    ['社会信用代码', 'creditCode'],
    ['统一代码', 'creditCode'],
    ['法定代表人', 'legalRep'],
    ['法人', 'legalRep'],
    ['法人代表', 'legalRep'],
    ['联系人', 'contact'],
    ['联系人姓名', 'contact'],
    ['职务', 'contactTitle'],
    ['联系人职务', 'contactTitle'],
    ['联系电话', 'phone'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['电话', 'phone'],
    ['联系方式', 'phone'],
    ['所属行业', 'industry'],
    ['行业', 'industry'],
    ['所属街道', 'street'],
    ['街道', 'street'],
    ['镇街', 'street'],
    ['所属镇街', 'street'],
  ] as const)('%s → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('ignores spaces (also full-width and inside), BOM, full-width letters and template marks', () => {
    expect(matchHeader('\uFEFF企业名称')).toBe('name');
    expect(matchHeader(' 企业 名称 ')).toBe('name');
    expect(matchHeader('\u3000联系电话\u3000')).toBe('phone');
    expect(matchHeader('*企业名称')).toBe('name');
    expect(matchHeader('企业名称（必填）')).toBe('name');
    expect(matchHeader('联系电话(手机)：')).toBe('phone');
    expect(matchHeader('所属镇街：')).toBe('street');
  });

  it('keeps a bracket that is part of an alias', () => {
    expect(normalizeHeader('乡镇（街道）')).toBe('乡镇(街道)');
    expect(matchHeader('乡镇（街道）')).toBe('street');
  });

  it('does not guess unknown titles', () => {
    expect(matchHeader('序号')).toBeUndefined();
    expect(matchHeader('备注')).toBeUndefined();
    expect(matchHeader('注册资本')).toBeUndefined();
    expect(matchHeader('')).toBeUndefined();
  });

  it('maps every label to its own field, and no alias to two fields', () => {
    for (const field of DIRECTORY_FIELDS) expect(matchHeader(DIRECTORY_FIELD_LABEL[field])).toBe(field);
    const seen = new Map<string, string>();
    for (const field of DIRECTORY_FIELDS) {
      for (const alias of HEADER_ALIASES[field]) {
        const key = normalizeHeader(alias);
        expect(seen.get(key), alias).toBeUndefined();
        seen.set(key, field);
      }
    }
  });
});

describe('findHeaderRow', () => {
  it('finds the header under a title row and an empty row', () => {
    const rows = [
      ['青溪区民营企业名录', '', ''],
      [],
      ['序号', '单位名称', '手机号', '注册资本'],
      ['1', '临江丰泽钢构有限公司', '13800138000', '500万'],
    ];
    const match = findHeaderRow(rows);
    expect(match?.rowIndex).toBe(2);
    expect(match?.columns).toEqual([
      { index: 1, field: 'name', header: '单位名称' },
      { index: 2, field: 'phone', header: '手机号' },
    ]);
    expect(match?.ignoredColumns).toEqual([
      { index: 0, header: '序号', reason: '无法识别的列，不导入' },
      { index: 3, header: '注册资本', reason: '无法识别的列，不导入' },
    ]);
    expect(match?.missingFields).toEqual([
      'creditCode',
      'legalRep',
      'contact',
      'contactTitle',
      'industry',
      'street',
    ]);
  });

  it('looks at the first 10 rows only', () => {
    const filler = Array.from({ length: 10 }, () => ['说明']);
    expect(findHeaderRow([...filler, ['企业名称']])).toBeUndefined();
    expect(findHeaderRow([...filler.slice(1), ['企业名称']])?.rowIndex).toBe(9);
  });

  it('is undefined without a name column', () => {
    expect(findHeaderRow([['联系人', '电话']])).toBeUndefined();
    expect(findHeaderRow([])).toBeUndefined();
  });
});

describe('mapHeaderRow', () => {
  it('reads the first column of a field and ignores a second one, saying which', () => {
    const match = mapHeaderRow(['企业名称', '手机', '联系电话']);
    expect(match.columns.map((c) => c.field)).toEqual(['name', 'phone']);
    expect(match.ignoredColumns).toEqual([
      { index: 2, header: '联系电话', reason: '与“手机”列重复，只读取第一列' },
    ]);
  });

  it('skips empty header cells without reporting them', () => {
    expect(mapHeaderRow(['企业名称', '', ' ']).ignoredColumns).toEqual([]);
  });
});

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([0, 7, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'H', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
