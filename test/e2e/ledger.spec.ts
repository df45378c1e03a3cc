// 台账 and the USB round trip end to end, in the browser build (files download as one .zip): the demo's 跟踪督办
// exported as a 台账 and a 回复登记表 per department; one department's form filled with exceljs as the department
// would — a reply, a progress note, another department's item, an unknown 文号 — imported back; the preview names
// every row; the confirmed rows are recorded; the board shows the reply; the 台账 exported again carries it (回复方式
// U盘回执); the same form imported again records nothing.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_NOW, loadDemo, press, screenshot } from './helpers';

/** DEMO_NOW's day in China. */
const TODAY = new Date(DEMO_NOW.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function openBoard(page: Page, testInfo: TestInfo): Promise<void> {
  await press(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跟踪督办' }),
    testInfo,
  );
  await expect(page.getByRole('status').filter({ hasText: /^共 \d+ 件$/ })).toBeVisible();
}

/** 导出台账与回复登记表 → the downloaded .zip's workbooks by file name. */
async function exportAll(page: Page, testInfo: TestInfo, name: string): Promise<Map<string, Buffer>> {
  await press(page.getByRole('button', { name: '导出台账与回复登记表…' }), testInfo);
  const dialog = page.getByRole('dialog', { name: '导出台账与回复登记表' });
  await expect(
    dialog
      .getByRole('group', { name: '要导出回复登记表的单位' })
      .getByText(/（\d+件）/)
      .first(),
  ).toBeVisible();
  await screenshot(page, testInfo, `${name}-dialog`);
  const downloading = page.waitForEvent('download');
  await press(dialog.getByRole('button', { name: '导出并校验' }), testInfo);
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^台账与回复登记表-\d{8}\.zip$/);
  const path = join(testInfo.outputDir, `${name}.zip`);
  await download.saveAs(path);
  await expect(page.getByText(/已写入并校验\d+个文件和清单/)).toBeVisible();
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, Buffer>();
  for (const file of Object.values(zip.files))
    if (!file.dir) out.set(file.name.split('/').pop()!, await file.async('nodebuffer'));
  return out;
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** Data rows (below the title, the scope line and the header) of a sheet, each cell as text. */
function dataRows(sheet: ExcelJS.Worksheet): string[][] {
  const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n <= 3) return;
    rows.push(header.map((_, i) => cellString(row.getCell(i + 1).value)));
  });
  return [header, ...rows];
}
const cellString = (v: ExcelJS.CellValue): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);

test('台账 and 回复登记表 out, filled by a department, imported back and shown', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  await openBoard(page, testInfo);
  // Everything, not just 在办: the 台账 then has every state.
  await press(page.getByRole('button', { name: /^在办 \d+件$/ }), testInfo);
  await expect(page.getByRole('status').filter({ hasText: /^共 \d+ 件$/ })).toBeVisible();
  const total = Number(
    (
      await page
        .getByRole('status')
        .filter({ hasText: /^共 \d+ 件$/ })
        .innerText()
    ).match(/\d+/)![0],
  );

  const files = await exportAll(page, testInfo, 'first');
  const names = [...files.keys()];
  expect(names.some((n) => n.endsWith('-清单.txt'))).toBe(true);
  const ledgerName = names.find((n) => n.includes('交办事项台账'))!;
  const ledger = await workbook(files.get(ledgerName)!);
  expect(ledger.worksheets.map((s) => s.name)).toEqual(['全部', '在办', '逾期', '已办结', '按单位汇总']);
  const [header, ...all] = dataRows(ledger.getWorksheet('全部')!);
  // The board's rows less the demands resolved on site (no 交办件, so not in the 台账).
  expect(all.length).toBeGreaterThan(0);
  expect(all.length).toBeLessThanOrEqual(total);
  const open = dataRows(ledger.getWorksheet('在办')!).slice(1);
  expect(open.every((r) => !['已办结', '已销号'].includes(r[header!.indexOf('办理状态')]!))).toBe(true);

  // Two departments fill their forms: one replies (已办结), the other reports progress (办理中); the first also
  // writes about the second's item and about a 文号 that does not exist. Both files are imported at once.
  const formNames = names.filter((n) => n.startsWith('回复登记表-'));
  expect(formNames.length).toBeGreaterThan(1);
  const forms = await Promise.all(
    formNames.slice(0, 2).map(async (name) => {
      const wb = await workbook(files.get(name)!);
      const sheet = wb.getWorksheet('回复登记表')!;
      const fheader = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
      const set = (row: number, values: Record<string, string>) => {
        for (const [h, v] of Object.entries(values))
          sheet.getRow(row).getCell(fheader.indexOf(h) + 1).value = v;
      };
      const dept = name.replace(/^回复登记表-/, '').replace(/-\d{8}\.xlsx$/, '');
      return { name, wb, sheet, set, dept, first: String(sheet.getRow(4).getCell(1).value) };
    }),
  );
  const [a, b] = [forms[0]!, forms[1]!];
  const replied = a.first;
  const noted = b.first;
  a.set(4, {
    办理状态: '已办结',
    办理结果: '已协调解决，企业已确认。',
    经办人: '钱科长',
    联系电话: '13912345678',
    办结日期: TODAY,
  });
  b.set(4, { 办理状态: '办理中', 办理情况: '已约企业面谈，正在核实材料。' });
  const bad = a.sheet.rowCount + 1;
  a.sheet.getRow(bad).getCell(1).value = noted;
  a.set(bad, { 办理状态: '已办结', 办理结果: '不该由我们答复', 经办人: '钱科长', 办结日期: TODAY });
  a.sheet.getRow(bad + 1).getCell(1).value = '青工商联交〔2026〕999号';
  a.set(bad + 1, { 办理状态: '办理中', 办理情况: '无此事项' });
  const payloads = await Promise.all(
    [a, b].map(async (f) => ({
      name: f.name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await f.wb.xlsx.writeBuffer()),
    })),
  );

  const importFiles = async () => {
    await page.getByLabel('选择送回的回复登记表文件').setInputFiles(payloads);
    return page.getByRole('dialog', { name: '导入回复登记表' });
  };
  const preview = await importFiles();
  const tableA = preview.getByRole('table', { name: `“${a.name}”的导入预览` });
  const tableB = preview.getByRole('table', { name: `“${b.name}”的导入预览` });
  await expect(tableA.getByRole('row').filter({ hasText: '第4行' })).toContainText(
    `登记答复（U盘回执，${TODAY}，经办人钱科长）`,
  );
  await expect(tableB.getByRole('row').filter({ hasText: '第4行' })).toContainText('登记进展');
  await expect(tableA.getByRole('row').filter({ hasText: `第${bad}行` })).toContainText(
    `由${b.dept}牵头，不是本表（${a.dept}）的事项`,
  );
  await expect(tableA.getByRole('row').filter({ hasText: `第${bad + 1}行` })).toContainText(
    '文号“青工商联交〔2026〕999号”不存在，请核对',
  );
  await expect(preview.getByRole('status')).toContainText('答复 1 行，进展 1 行，不登记 0 行，有误 2 行');
  await screenshot(page, testInfo, 'import-preview');
  await press(preview.getByRole('button', { name: '登记所选（2行）' }), testInfo);
  await expect(page.getByText('已登记答复1件、进展1件（回复方式：U盘回执）')).toBeVisible();

  // The board: the replied item is 已回复.
  await page.getByRole('searchbox', { name: '搜索督办事项' }).fill(replied.replace(/^.*〔/, '〔'));
  const row = page.getByRole('table', { name: '督办事项' }).locator('tbody tr').filter({ hasText: replied });
  await expect(row).toContainText('已回复');
  await page.getByRole('searchbox', { name: '搜索督办事项' }).fill('');

  // The 台账 again: the reply with its way.
  const again = await exportAll(page, testInfo, 'second');
  const ledger2 = await workbook(again.get([...again.keys()].find((n) => n.includes('交办事项台账'))!)!);
  const [h2, ...rows2] = dataRows(ledger2.getWorksheet('全部')!);
  const line = rows2.find((r) => r[0] === replied)!;
  expect(line[h2!.indexOf('答复方式')]).toBe('U盘回执');
  expect(line[h2!.indexOf('答复内容')]).toBe('已协调解决，企业已确认。');
  expect(line[h2!.indexOf('答复日期')]).toBe(TODAY);
  expect(rows2.find((r) => r[0] === noted)![h2!.indexOf('最近进展')]).toBe('已约企业面谈，正在核实材料。');

  // The same forms again: nothing to record.
  const second = await importFiles();
  await expect(second.getByRole('status')).toContainText('答复 0 行，进展 0 行');
  await expect(second.getByRole('row').filter({ hasText: replied })).toContainText('不再重复登记');
  await expect(second.getByRole('button', { name: '登记所选（0行）' })).toBeDisabled();
});

test('the 台账 carries the board’s filters: only the rows listed, the scope said under the title', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  await openBoard(page, testInfo);
  // Everything the 区住房和城乡建设局 leads or helps with, in every state.
  await press(page.getByRole('button', { name: /^在办 \d+件$/ }), testInfo);
  await page.getByLabel('承办单位').selectOption({ label: '区住房和城乡建设局' });
  const status = page.getByRole('status').filter({ hasText: /^共 \d+ 件$/ });
  await expect(status).toBeVisible();
  // The 文号 of the 交办件 listed (demands resolved on site have none and are not in the 台账).
  const listed = await page
    .getByRole('table', { name: '督办事项' })
    .locator('tbody tr td:first-child a')
    .allInnerTexts();
  expect(listed.length).toBeGreaterThan(0);
  const files = await exportAll(page, testInfo, 'filtered');
  const ledger = await workbook(files.get([...files.keys()].find((n) => n.includes('交办事项台账'))!)!);
  const sheet = ledger.getWorksheet('全部')!;
  expect(String(sheet.getCell('A2').value)).toContain('范围：单位：区住房和城乡建设局');
  const [header, ...rows] = dataRows(sheet);
  expect(rows.map((r) => r[0]).sort()).toEqual(
    listed
      .map((t) => t.trim())
      .filter((t) => t !== '')
      .sort(),
  );
  for (const r of rows)
    expect(`${r[header!.indexOf('牵头单位')]}、${r[header!.indexOf('协办单位')]}`).toContain(
      '区住房和城乡建设局',
    );
});
