import { describe, it, expect } from 'vitest';
import { detectDelimiter, isBlankRow, parseCsv } from '../../../shared/directory/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text =
      '企业名称,地址,备注\r\n"临江华瑞（集团）有限公司","新乐镇,工业园1号","第一行\r\n第二行"\r\n"说""好""的",x,y\r\n';
    const { rows, delimiter } = parseCsv(text);
    expect(delimiter).toBe(',');
    expect(rows).toEqual([
      ['企业名称', '地址', '备注'],
      ['临江华瑞（集团）有限公司', '新乐镇,工业园1号', '第一行\r\n第二行'],
      ['说"好"的', 'x', 'y'],
    ]);
  });

  it('drops trailing empty lines but keeps empty rows in the middle, so row numbers match Excel', () => {
    const { rows } = parseCsv('a,b\n\n1,2\n\n\n\n');
    expect(rows).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('reads CRLF, LF and CR line ends', () => {
    expect(parseCsv('a,b\r\n1,2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2\r').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('detects tab-separated text (Excel "Unicode text", copy from a web table)', () => {
    const { rows, delimiter } = parseCsv('企业名称\t联系电话\n临江丰泽钢构有限公司\t13800138000\n');
    expect(delimiter).toBe('\t');
    expect(rows).toEqual([
      ['企业名称', '联系电话'],
      ['临江丰泽钢构有限公司', '13800138000'],
    ]);
  });

  it('keeps commas inside tab-separated cells', () => {
    const { rows, delimiter } = parseCsv('企业名称\t备注\nA公司\t一,二,三\nB公司\t四\n');
    expect(delimiter).toBe('\t');
    expect(rows[1]).toEqual(['A公司', '一,二,三']);
  });

  it('detects semicolons (a European Excel)', () => {
    expect(parseCsv('a;b;c\n1;2;3\n').delimiter).toBe(';');
  });

  it('is not fooled by commas inside quotes when the file is tab-separated', () => {
    expect(detectDelimiter('"a,b,c"\t"d,e"\n"1,2"\t"3,4"\n')).toBe('\t');
  });

  it('defaults to comma for a one-column file', () => {
    const { rows, delimiter } = parseCsv('企业名称\n临江丰泽钢构有限公司\n');
    expect(delimiter).toBe(',');
    expect(rows).toEqual([['企业名称'], ['临江丰泽钢构有限公司']]);
  });

  it('strips a BOM that is still there', () => {
    expect(parseCsv('\uFEFF企业名称,电话\n').rows).toEqual([['企业名称', '电话']]);
  });

  it('reports a quote that never closes, with its row', () => {
    const table = parseCsv('企业名称,电话\n丰泽,1\n"蓝湾,2\n红金,3\n');
    expect(table.unterminatedQuoteLine).toBe(3);
  });

  it('reports nothing for a clean file', () => {
    const table = parseCsv('a,b\n1,2\n');
    expect(table.unterminatedQuoteLine).toBeUndefined();
    expect(table.strayQuoteLines).toEqual([]);
  });

  it('reads quotes inside an unquoted cell as written', () => {
    expect(parseCsv('a,b\n临江"华瑞"公司,1\n').rows[1]).toEqual(['临江"华瑞"公司', '1']);
  });
});

describe('isBlankRow', () => {
  it('treats cells of spaces (also full-width) as blank', () => {
    expect(isBlankRow(['', ' ', '\u3000'])).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});
