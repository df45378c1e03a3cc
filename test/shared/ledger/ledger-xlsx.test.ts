// The 台账 line of a 交办件 and the 台账 workbook: sheets per state, the summary, styling, dates and text, safety.
import { describe, expect, it } from 'vitest';
import { buildLedgerXlsx, LEDGER_COLUMNS, SUMMARY_SHEET } from '../../../shared/ledger/ledger-xlsx';
import { byDocNumber } from '../../../shared/ledger/ledger-item';
import { columnLetter } from '../../../shared/ledger/sheet-rows';
import type ExcelJS from 'exceljs';
import { readXlsxRows } from '../../../shared/directory/xlsx';
import { DEPARTMENTS, handedOff, line, moved, reply, sampleLedger } from './ledger-fixture';
import { expectNoFormulas, HOSTILE_TEXTS, loadWorkbook, workbookXml } from './xlsx-parts';

const input = (items = sampleLedger(), filterText = '') => ({
  organization: '青溪区工商联',
  items,
  departments: DEPARTMENTS,
  today: '2026-11-30',
  filterText,
});

describe('ledgerItem', () => {
  it('carries the latest reply, 回访 and dates of each item', () => {
    const [open, overdue, closed, writtenOff, redo] = sampleLedger();
    expect(open).toMatchObject({ stateText: '已交办', warning: 'none', daysOverdue: 0, replyContent: '' });
    expect(overdue).toMatchObject({ warning: 'red', daysOverdue: 11, replyDueAt: '2026-11-19' });
    expect(overdue!.warningText).toMatch(/^红色预警：办理超时/);
    expect(closed).toMatchObject({
      state: 'closed',
      repliedOn: '2026-11-12',
      replyHandler: '李科长',
      replyWay: '书面',
      satisfactionText: '满意',
      closedOn: '2026-11-15',
      repliedLate: false,
    });
    // Replied on 11-20 for a due date of 11-16.
    expect(writtenOff).toMatchObject({ state: 'written_off', writtenOffOn: '2026-11-28', repliedLate: true });
    // After a 重办 the first round's reply is not this round's.
    expect(redo).toMatchObject({
      state: 'redo',
      round: 2,
      redoRounds: 1,
      replyContent: '',
    });
    expect(redo!.repliedOn).toBeUndefined();
    expect(redo!.stateText).toBe('重办中（第2次办理）');
    expect(redo!.satisfactionText).toBe('不满意');
  });

  it('reads a corrected reply date', () => {
    const state = moved(handedOff(7, 'd-fin', '2026-11-05'), [reply('2026-11-12')]);
    const first = state.steps[0]!;
    const corrected = moved(
      state.assignment,
      [
        {
          kind: 'correction',
          on: '2026-11-13',
          corrects: first.id,
          fields: { on: '2026-11-11' },
          reason: '录错日期',
        },
      ],
      state.steps,
    );
    const item = line(corrected);
    expect(item.repliedOn).toBe('2026-11-11');
  });

  it('orders by year and number', () => {
    const docs = ['青工商联交〔2026〕12号', '青工商联交〔2025〕30号', '青工商联交〔2026〕9号', ''];
    expect(
      docs
        .map((docNumber) => ({ docNumber }))
        .sort(byDocNumber)
        .map((d) => d.docNumber),
    ).toEqual(['青工商联交〔2025〕30号', '青工商联交〔2026〕9号', '青工商联交〔2026〕12号', '']);
  });
});

describe('buildLedgerXlsx', () => {
  it('has a sheet per state and the summary, each row in its sheets', async () => {
    const wb = await loadWorkbook(await buildLedgerXlsx(input()));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['全部', '在办', '逾期', '已办结', SUMMARY_SHEET]);
    const docs = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row, n) => {
        if (n > 3) out.push(String(row.getCell(1).value));
      });
      return out;
    };
    expect(docs('全部')).toHaveLength(5);
    expect(docs('在办')).toEqual(['青工商联交〔2026〕1号', '青工商联交〔2026〕2号', '青工商联交〔2026〕5号']);
    expect(docs('逾期')).toEqual(['青工商联交〔2026〕2号']);
    expect(docs('已办结')).toEqual(['青工商联交〔2026〕3号', '青工商联交〔2026〕4号']);
  });

  it('styles the header, freezes it with the 文号 column, filters, and prints landscape with the header', async () => {
    const bytes = await buildLedgerXlsx(input(sampleLedger(), '牵头或协办单位：区财政局'));
    const wb = await loadWorkbook(bytes);
    const sheet = wb.getWorksheet('全部')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(String(sheet.getCell('A1').value)).toBe('青溪区工商联交办事项台账（全部）');
    expect(String(sheet.getCell('A2').value)).toContain('范围：牵头或协办单位：区财政局');
    expect(sheet.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(3).values).toEqual([undefined, ...LEDGER_COLUMNS.map((c) => c.header)]);
    // On paper: the essentials (文号 … 销号日期), one A4 page wide, the header on every page.
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      printTitlesRow: '3:3',
    });
    expect(sheet.getCell('M3').value).toBe('销号日期');
    expect(workbookXml(bytes)).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;全部&apos;!$A$1:$M$8</definedName>`,
    );
    expect(wb.getWorksheet(SUMMARY_SHEET)!.pageSetup).toMatchObject({ fitToWidth: 1 });
    // Long text wraps in a wide column; short ones are fitted.
    const demand = LEDGER_COLUMNS.findIndex((c) => c.header === '反映问题') + 1;
    expect(sheet.getColumn(demand).width).toBe(32);
    expect(sheet.getRow(4).getCell(demand).alignment?.wrapText).toBe(true);
  });

  it('writes dates as dates and phones and codes as text', async () => {
    const wb = await loadWorkbook(await buildLedgerXlsx(input()));
    const sheet = wb.getWorksheet('已办结')!;
    const col = (h: string) => LEDGER_COLUMNS.findIndex((c) => c.header === h) + 1;
    const row = sheet.getRow(4);
    expect(row.getCell(col('办结日期')).value).toEqual(new Date(Date.UTC(2026, 10, 15)));
    expect(row.getCell(col('办结日期')).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(col('联系电话')).value).toBe('0571-87654321');
    expect(row.getCell(col('联系电话')).numFmt).toBe('@');
    expect(row.getCell(col('统一社会信用代码')).value).toBe('91330100MA27XL0Q3K');
    // Read as the user sees it.
    const rows = (await readXlsxRows(await buildLedgerXlsx(input()))).rows;
    expect(rows[3]![col('交办日期') - 1]).toBe('2026-11-25');
  });

  it('sums each department, with the total last', async () => {
    const wb = await loadWorkbook(await buildLedgerXlsx(input()));
    const sheet = wb.getWorksheet(SUMMARY_SHEET)!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(4)).toEqual(['区财政局', 3, 1, 0, 1, 0, 0, 1, 0, 2, 1, 0, 0, '未清零']);
    expect(values(5)).toEqual(['区税务局', 1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, '已清零']);
    expect(values(6)).toEqual(['区人社局', 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, '未清零']);
    expect(values(7)).toEqual(['合计', 5, 2, 1, 1, 1, 1, 1, 1, 3, 1, 1, 0, '未清零']);
    expect(sheet.getRow(7).getCell(1).font?.bold).toBe(true);
  });

  it('never writes a formula, and drops what XML cannot hold', async () => {
    const hostile = HOSTILE_TEXTS.map((text, i) =>
      line(moved(handedOff(10 + i, 'd-fin', '2026-11-20'), [reply('2026-11-25', text)]), text),
    );
    const bytes = await buildLedgerXlsx(
      input([...hostile, line(moved(handedOff(30, 'd-fin', '2026-11-20'), []), '贷款\uffff贴息\u0001')]),
    );
    await expectNoFormulas(bytes);
    const all = (await readXlsxRows(bytes)).rows.flat();
    expect(all).toContain('贷款贴息');
  });

  it('writes an empty 台账 with its headers', async () => {
    const wb = await loadWorkbook(await buildLedgerXlsx(input([])));
    expect(wb.getWorksheet('全部')!.rowCount).toBe(3);
    expect(String(wb.getWorksheet('全部')!.getCell('A2').value)).toContain('共0件');
  });

  it('keeps items of a department no longer listed', async () => {
    const gone = line(moved(handedOff(40, 'd-old', '2026-11-20'), [reply('2026-11-21')]));
    const wb = await loadWorkbook(await buildLedgerXlsx(input([gone])));
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getCell('A4').value).toBe('（未指定单位）');
  });
});

describe('rows written straight into the sheet', () => {
  it('names columns as Excel does', () => {
    expect([1, 26, 27, 31, 52, 53, 702, 703].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AE',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('keeps markup characters, line breaks and spaces as text, and each row in its template’s style', async () => {
    const text = ' <b>A&B</b> "引号"\r\n第二行 ';
    const items = [line(moved(handedOff(60, 'd-fin', '2026-11-05'), []), text), ...sampleLedger()];
    const wb = await loadWorkbook(await buildLedgerXlsx(input(items)));
    const sheet = wb.getWorksheet('全部')!;
    const demand = LEDGER_COLUMNS.findIndex((c) => c.header === '反映问题') + 1;
    const warning = LEDGER_COLUMNS.findIndex((c) => c.header === '预警') + 1;
    const rowOf = (doc: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === doc) found = row;
      });
      return found!;
    };
    expect(rowOf('青工商联交〔2026〕60号').getCell(demand).value).toBe(text.trim());
    // 2号 is overdue (red), 1号 is not: their 预警 cells carry the red fill and none.
    expect(rowOf('青工商联交〔2026〕2号').getCell(warning).fill).toMatchObject({
      fgColor: { argb: 'FFF8CBAD' },
    });
    expect(rowOf('青工商联交〔2026〕1号').getCell(warning).fill).not.toHaveProperty('fgColor');
    // Every data row has its borders and the height its wrapped text needs (two lines here).
    expect(rowOf('青工商联交〔2026〕60号').getCell(demand).border?.top?.style).toBe('thin');
    expect(rowOf('青工商联交〔2026〕60号').height).toBe(2 * 14 + 4);
  });
});
