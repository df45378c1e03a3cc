import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import type { EnterpriseDraft } from '../../../shared/directory/types';
import {
  DIRECTORY_SHEET_NAME,
  XlsxReadError,
  buildDirectoryXlsx,
  cellText,
  displayWidth,
  readXlsxRows,
} from '../../../shared/directory/xlsx';

async function workbookBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const fengze: EnterpriseDraft = {
  name: '临江丰泽钢构有限公司',
  creditCode: '91339901YG58BRK2XB',
  legalRep: '叶振邦',
  contact: '叶振邦',
  contactTitle: '董事长',
  phone: '17102255229',
  industry: '钢结构制造',
  street: '新乐镇',
};

describe('cellText', () => {
  it('shows numbers as Excel does, without exponent or float noise', () => {
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText(913399010000000000)).toBe('913399010000000000');
    expect(cellText(1e21)).toBe('1000000000000000000000');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(-42)).toBe('-42');
    expect(cellText(12.5, '0.00')).toBe('12.50');
    expect(cellText(0.125, '0.0%')).toBe('12.5%');
    expect(cellText(123, '000000')).toBe('000123');
  });

  it('shows dates by their format, in the calendar typed into the cell', () => {
    const day = new Date(Date.UTC(2026, 10, 18));
    expect(cellText(day, 'yyyy-mm-dd')).toBe('2026-11-18');
    expect(cellText(day, 'yyyy"年"m"月"d"日"')).toBe('2026-11-18');
    expect(cellText(day)).toBe('2026-11-18');
    expect(cellText(new Date(Date.UTC(2026, 10, 18, 9, 30)), 'yyyy-mm-dd hh:mm')).toBe('2026-11-18 09:30');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 14, 5)), 'h:mm')).toBe('14:05');
  });

  it('reads rich text, formulas, hyperlinks, errors and booleans', () => {
    expect(cellText({ richText: [{ text: '临江' }, { font: { bold: true }, text: '丰泽' }] })).toBe(
      '临江丰泽',
    );
    expect(cellText({ formula: 'A1&B1', result: '临江丰泽' })).toBe('临江丰泽');
    expect(cellText({ formula: 'B2+0', result: 13800138000 })).toBe('13800138000');
    expect(cellText({ sharedFormula: 'A2', result: 7 } as unknown as ExcelJS.CellValue)).toBe('7');
    expect(cellText({ formula: 'X()' } as ExcelJS.CellValue)).toBe('');
    expect(cellText({ text: '丰泽官网', hyperlink: 'https://example.cn' })).toBe('丰泽官网');
    expect(
      cellText({
        text: { richText: [{ text: '丰' }, { text: '泽' }] },
        hyperlink: 'x',
      } as unknown as ExcelJS.CellValue),
    ).toBe('丰泽');
    expect(cellText({ error: '#N/A' } as ExcelJS.CellValue)).toBe('#N/A');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });
});

describe('readXlsxRows', () => {
  it('reads the first worksheet with every kind of cell as displayed text', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('名录');
      ws.mergeCells('A1:D1');
      ws.getCell('A1').value = '青溪区民营企业名录';
      ws.getRow(2).values = ['企业名称', '联系电话', '成立日期', '法定代表人', '统一社会信用代码'];
      ws.getRow(3).values = [
        { richText: [{ text: '临江' }, { font: { bold: true }, text: '丰泽钢构有限公司' }] },
        13800138000,
        new Date(Date.UTC(2008, 4, 12)),
        { formula: 'CONCAT("叶","振邦")', result: '叶振邦' },
        { text: '91339901YG58BRK2XB', hyperlink: 'https://www.gsxt.gov.cn' },
      ];
      ws.getCell('C3').numFmt = 'yyyy-mm-dd';
      ws.getCell('B5').value = 17102255229;
      wb.addWorksheet('说明').getCell('A1').value = '不读';
    });
    const sheet = await readXlsxRows(bytes);
    expect(sheet.sheetName).toBe('名录');
    expect(sheet.otherSheets).toEqual(['说明']);
    expect(sheet.rows).toEqual([
      ['青溪区民营企业名录', '青溪区民营企业名录', '青溪区民营企业名录', '青溪区民营企业名录'],
      ['企业名称', '联系电话', '成立日期', '法定代表人', '统一社会信用代码'],
      ['临江丰泽钢构有限公司', '13800138000', '2008-05-12', '叶振邦', '91339901YG58BRK2XB'],
      [],
      ['', '17102255229'],
    ]);
  });

  it('ignores rows that only carry formatting below the data', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('名录');
      ws.getRow(1).values = ['企业名称'];
      ws.getRow(2).values = ['临江丰泽钢构有限公司'];
      for (let r = 3; r <= 5000; r += 1)
        ws.getCell(r, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
    expect((await readXlsxRows(bytes)).rows).toEqual([['企业名称'], ['临江丰泽钢构有限公司']]);
  });

  it('gives a clear Chinese error for a truncated workbook', async () => {
    const bytes = await buildDirectoryXlsx([fengze]);
    const half = bytes.slice(0, Math.floor(bytes.length / 2));
    const error = await readXlsxRows(half).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as Error).message).toMatch(/^文件不完整或已损坏/);
    expect((error as Error).message).toContain('重新保存为 .xlsx');
  });

  it('gives the same error for bytes that are not a zip at all', async () => {
    await expect(readXlsxRows(new TextEncoder().encode('企业名称,电话'))).rejects.toThrow(XlsxReadError);
  });

  it('says so when a zip holds no worksheet', async () => {
    const wb = new ExcelJS.Workbook();
    const empty = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(readXlsxRows(empty)).rejects.toThrow('工作簿中没有工作表');
  });
});

describe('buildDirectoryXlsx', () => {
  const huarui: EnterpriseDraft = {
    ...fengze,
    name: '临江·华瑞（集团）有限公司',
    creditCode: '91339901T2PD889Y7B',
    phone: '0830-5551234',
  };

  it('writes the header, then one row per enterprise, credit code and phone as text cells', async () => {
    const bytes = await buildDirectoryXlsx([fengze, huarui]);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet(DIRECTORY_SHEET_NAME)!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '企业名称',
      '统一社会信用代码',
      '法定代表人',
      '联系人',
      '职务',
      '联系电话',
      '所属行业',
      '所属街道',
    ]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('临江丰泽钢构有限公司');
    for (const ref of ['B2', 'F2', 'B3', 'F3']) {
      expect(typeof ws.getCell(ref).value, ref).toBe('string');
      expect(ws.getCell(ref).numFmt, ref).toBe('@');
    }
    expect(ws.getCell('F2').value).toBe('17102255229');
    expect(ws.getCell('F3').value).toBe('0830-5551234');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(3);
  });

  it('sizes columns to their content, Chinese characters counting two', async () => {
    const wb = await loadWorkbook(await buildDirectoryXlsx([fengze, huarui]));
    const ws = wb.worksheets[0]!;
    expect(ws.getColumn(1).width).toBe(displayWidth('临江·华瑞（集团）有限公司') + 2);
    // The 18-character code is wider than its 16-unit header.
    expect(ws.getColumn(2).width).toBe(18 + 2);
    expect(ws.getColumn(5).width).toBe(8);
    const long = await loadWorkbook(await buildDirectoryXlsx([{ ...fengze, industry: '行'.repeat(80) }]));
    expect(long.worksheets[0]!.getColumn(7).width).toBe(60);
  });

  it('reads back what it wrote', async () => {
    const sheet = await readXlsxRows(await buildDirectoryXlsx([fengze, huarui]));
    expect(sheet.rows[1]).toEqual([
      '临江丰泽钢构有限公司',
      '91339901YG58BRK2XB',
      '叶振邦',
      '叶振邦',
      '董事长',
      '17102255229',
      '钢结构制造',
      '新乐镇',
    ]);
  });

  it('writes a header-only workbook for an empty directory', async () => {
    const sheet = await readXlsxRows(await buildDirectoryXlsx([]));
    expect(sheet.rows).toHaveLength(1);
  });

  it('writes a text that looks like a formula as text', async () => {
    const wb = await loadWorkbook(await buildDirectoryXlsx([{ ...fengze, name: '=HYPERLINK("x")' }]));
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('=HYPERLINK("x")');
  });
});

describe('displayWidth', () => {
  it('counts Chinese characters as two', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('企业名称')).toBe(8);
    expect(displayWidth('（）')).toBe(4);
  });
});
