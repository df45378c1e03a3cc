// 对账销号 end to end on the demo's 跟踪督办 (ten items handed over at two earlier meetings, one 销号 and one 办结):
// the district's 清零 progress and every lead department's figures; the 区自然资源和规划分局's 办结 item 销号 in a
// batch with a 说明, after which it is 已清零 and the district's figures move; a department's 问题清单 and the
// district's downloaded and read back. An item moved behind the screen's back is refused with the reason, nothing
// written.
import { expect, test, type Download, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { paragraphs, readDocx, tableRows } from './docx-text';
import { DEMO_NOW, demoDay, loadDemo, press, screenshot, tamper } from './helpers';

// loadDemo pins the page's clock at DEMO_NOW: the demo's 文号 years, today's date and the file names follow it.
const TODAY = demoDay(0);
const STAMP = new Date(DEMO_NOW.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
const YEAR = STAMP.slice(0, 4);
const doc = (n: number) => `青工商联交〔${YEAR}〕${n}号`;

const LAND = '区自然资源和规划分局';
const HR = '区人力资源和社会保障局';
/** The 区自然资源和规划分局's item, 办结 in the demo. */
const DOC = doc(2);

const tallyRow = (page: Page, dept: string) =>
  page.getByRole('table', { name: '各单位对账情况' }).getByRole('row').filter({ hasText: dept });

async function openReconcile(page: Page, testInfo: TestInfo): Promise<void> {
  await press(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '对账销号' }),
    testInfo,
  );
  await expect(page.getByRole('heading', { name: '对账销号', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('对账销号 · 恳谈会务台');
}

/** The .docx of a download, as paragraphs and table rows. */
async function docxOf(download: Download): Promise<{ text: string[]; rows: string[][] }> {
  const { document } = await readDocx(readFileSync(await download.path()));
  return { text: paragraphs(document).filter((p) => p !== ''), rows: tableRows(document) };
}

test('对账销号: the figures per department, 批量销号 to 清零, and the 问题清单', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  await openReconcile(page, testInfo);

  // The district: ten items handed over, the 区财政局's one 销号.
  await expect(page.getByText('全区交办10件，已销号1件（10%），1/9个单位已清零')).toBeVisible();
  const bar = page.getByRole('progressbar', { name: '全区清零进度' });
  await expect(bar).toHaveAttribute('aria-valuenow', '10');
  await expect(tallyRow(page, '区财政局')).toContainText('已清零');
  // 交办 2, 已答复 1, …, 未办结 2, 逾期 1 (5号 is past its 答复期限).
  await expect(tallyRow(page, HR).getByRole('cell')).toHaveText([
    '2',
    '1',
    '0',
    '0',
    '0',
    '0',
    '0',
    '2',
    '1',
    '尚余2件',
  ]);

  // The department with an item to 销号 opens first.
  const pick = page.getByRole('button', { name: LAND, exact: true });
  await expect(pick).toHaveAttribute('aria-pressed', 'true');
  const dept = page.getByRole('region', { name: LAND });
  await expect(dept.getByRole('heading', { name: '待销号（已办结）1件' })).toBeVisible();
  await expect(dept.getByRole('heading', { name: '未办结0件' })).toBeVisible();
  const go = dept.getByRole('button', { name: '批量销号（0件）' });
  await expect(go).toBeDisabled();
  await screenshot(page, testInfo, 'reconcile');
  await dept.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'reconcile-write-off');

  // 批量销号: tick the 办结 item, confirm with the 说明 offered.
  const itemPage = await dept.getByRole('link', { name: DOC }).getAttribute('href');
  await press(dept.getByRole('checkbox', { name: `选择 ${DOC}` }), testInfo);
  await press(dept.getByRole('button', { name: '批量销号（1件）' }), testInfo);
  const dialog = page.getByRole('dialog', { name: '批量销号' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`将${LAND}的以下1件已办结事项销号`);
  await expect(dialog).toContainText(`销号日期：${TODAY}（今天）`);
  await expect(dialog.getByRole('textbox', { name: '说明（选填）' })).toHaveValue(
    `经与${LAND}对账，确认办结`,
  );
  await screenshot(page, testInfo, 'reconcile-confirm');

  // The item moved meanwhile (another window, say): nothing is written, and the dialog says why in Chinese.
  const confirm = dialog.getByRole('button', { name: '确认销号（1件）' });
  await tamper(page, { kind: 'status', docNumber: DOC, status: 'evaluated' });
  await press(confirm, testInfo);
  await expect(dialog.getByRole('alert')).toHaveText(
    `销号没有完成：${DOC}：交办件状态“已回访”不能销号；未记录任何内容`,
  );
  await expect(dialog).toBeVisible();
  await expect(page.getByText('全区交办10件，已销号1件（10%），1/9个单位已清零')).toBeVisible();
  await tamper(page, { kind: 'status', docNumber: DOC, status: 'closed' });
  await press(confirm, testInfo);
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已销号1件，${LAND}已清零`)).toBeVisible();

  // The department is 清零 and the district's figures move.
  await expect(dept.getByText('已清零：交办的1件已全部销号。')).toBeVisible();
  await expect(dept.getByRole('heading', { name: '待销号（已办结）0件' })).toBeVisible();
  await expect(tallyRow(page, LAND)).toContainText('已清零');
  await expect(page.getByText('全区交办10件，已销号2件（20%），2/9个单位已清零')).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '20');

  // The item's history has the 销号 with its 说明.
  await page.goto(`/${itemPage!}`);
  const history = page.getByRole('region', { name: '办理过程' });
  await expect(history.getByRole('listitem', { name: /^销号（/ })).toContainText(`经与${LAND}对账，确认办结`);

  // A department with items outstanding: its 问题清单 lists them.
  await openReconcile(page, testInfo);
  await press(page.getByRole('button', { name: HR, exact: true }), testInfo);
  const hr = page.getByRole('region', { name: HR });
  const open = hr.getByRole('table', { name: '未办结事项' });
  await expect(open.getByRole('row')).toHaveCount(3);
  await expect(open.getByRole('row').filter({ hasText: doc(5) })).toContainText('红色预警');
  await open.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'reconcile-department');

  let downloading = page.waitForEvent('download');
  await press(hr.getByRole('button', { name: '导出问题清单' }), testInfo);
  let download = await downloading;
  expect(download.suggestedFilename()).toBe(`问题清单-${HR}-${STAMP}.docx`);
  const list = await docxOf(download);
  expect(list.text.slice(0, 3)).toEqual([
    `${HR}交办事项问题清单`,
    `（截至${TODAY}）`,
    '交办2件，已答复1件，已办结0件，已销号0件，未办结2件，其中逾期1件。',
  ]);
  expect(list.rows.map((r) => r[0])).toEqual(['文号', doc(5), doc(9)]);
  expect(list.rows[1]).toContain('临江海特科技发展有限公司');
  await expect(page.getByText(`已保存“问题清单-${HR}-${STAMP}.docx”`)).toBeVisible();

  // The district's list: every department's figures, then the items of those with any outstanding.
  downloading = page.waitForEvent('download');
  await press(page.getByRole('button', { name: '导出全区问题清单' }), testInfo);
  download = await downloading;
  expect(download.suggestedFilename()).toBe(`问题清单-全区-${STAMP}.docx`);
  const district = await docxOf(download);
  expect(district.text[0]).toBe('全区交办事项问题清单');
  expect(district.text).toContain(
    '全区交办10件，已答复5件，已办结0件，已销号2件，未办结8件，其中逾期1件；9个承办单位中2个已清零（交办事项全部销号）。',
  );
  expect(district.rows).toContainEqual([LAND, '1', '1', '0', '1', '0', '0', '已清零']);
  expect(district.rows).toContainEqual(['合计', '10', '5', '0', '2', '8', '1', '—']);
});
