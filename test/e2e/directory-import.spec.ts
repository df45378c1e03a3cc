// 企业名录 at scale (issue 17): a 20,000-row directory read in the import worker with its progress on screen, an
// import cancelled while it is being written (nothing added), the next one completed and searched; a read cancelled;
// a workbook read in the worker too. The file is made here, not kept in the repository.
import { expect, test, type Page } from '@playwright/test';
import { computeCreditCodeCheckChar } from '../../shared/domain/credit-code';
import { buildDirectoryXlsx } from '../../shared/directory/xlsx';
import { emptyDraft } from '../../shared/directory/row-rules';
import { press, screenshot } from './helpers';

const ROWS = 20_000;
const TOWNS = ['临江', '青溪', '新乐', '东湖', '南岭', '西山', '北塘', '云溪', '龙泉', '凤凰'];
const LINES_OF_BUSINESS = ['机械制造', '物流', '食品', '建材', '纺织', '电子科技', '农业科技'];

/** A directory of `ROWS` enterprises as Excel's "CSV UTF-8" saves it, 临江丰泽钢构 the last of them. */
function bigDirectory(): Buffer {
  const out = ['企业名称,统一社会信用代码,法定代表人,联系人,职务,联系电话,所属行业'];
  for (let n = 1; n < ROWS; n += 1) {
    const town = TOWNS[n % TOWNS.length]!;
    const line = LINES_OF_BUSINESS[n % LINES_OF_BUSINESS.length]!;
    const base = `91339902${String(n).padStart(9, '0')}`;
    out.push(
      `${town}第${n}号${line}有限公司,${base}${computeCreditCodeCheckChar(base)},张建国,李晓梅,总经理,139${String(n).padStart(8, '0')},${line}`,
    );
  }
  out.push('临江丰泽钢构有限公司,91339901YG58BRK2XB,叶振邦,叶振邦,董事长,17102255229,钢结构制造');
  return Buffer.from(`\uFEFF${out.join('\r\n')}\r\n`);
}

/** Keep every value the read's progress bar shows, from now on (a read of 20,000 rows is over in a second or two). */
async function recordReadProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { readProgress: number[] }).readProgress = seen;
    const note = () => {
      const bar = document.querySelector('[role="progressbar"][aria-label="读取进度"]');
      const now = Number(bar?.getAttribute('aria-valuenow') ?? NaN);
      if (bar && seen.at(-1) !== now) seen.push(now);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
}

test('20,000 enterprises: read with progress, an import cancelled, the next one done and searched', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/#/directory');
  await expect(page.getByRole('heading', { name: '企业库（0家）' })).toBeVisible();
  const csv = bigDirectory();

  // Read in the worker: the progress bar climbs, then the preview shows a page of the 20,000 rows.
  await recordReadProgress(page);
  await page
    .getByLabel('选择企业名录文件')
    .setInputFiles({ name: '企业名录.csv', mimeType: 'text/csv', buffer: csv });
  const dialog = page.getByRole('dialog', { name: '导入企业名录' });
  const counts = dialog.getByRole('status');
  await expect(counts).toHaveText(`共${ROWS}行：可导入${ROWS}行，不能导入0行。已选${ROWS}行。`, {
    timeout: 60_000,
  });
  const progress = await page.evaluate(() => (window as unknown as { readProgress: number[] }).readProgress);
  expect(progress.length).toBeGreaterThan(2);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
  const table = dialog.getByRole('table', { name: '导入预览' });
  await expect(table.getByRole('row')).toHaveCount(31);
  await expect(dialog.getByText('共 20000 条')).toBeVisible();
  await screenshot(page, testInfo, 'directory-import-20000-preview');
  // The last page holds the last row.
  await press(dialog.getByRole('listitem', { name: /第 667 页|667/ }).first(), testInfo);
  await expect(table.getByText('临江丰泽钢构有限公司')).toBeVisible();

  // Cancelled while being written: rolled back, nothing added, the preview still there to import from.
  await press(dialog.getByRole('button', { name: `导入选中的${ROWS}家企业` }), testInfo);
  const writing = dialog.getByRole('progressbar', { name: '导入进度' });
  await expect(writing).toBeVisible();
  await screenshot(page, testInfo, 'directory-import-20000-writing');
  await press(dialog.getByRole('button', { name: '取消' }), testInfo);
  await expect(page.getByText('已取消导入，本次导入未写入任何数据')).toBeVisible({ timeout: 30_000 });
  await expect(writing).toBeHidden();
  await expect(counts).toContainText(`已选${ROWS}行`);
  await expect(page.getByRole('heading', { name: '企业库（0家）' })).toBeVisible();

  // Imported: all of it, with its progress, and the directory searchable at once.
  await press(dialog.getByRole('button', { name: `导入选中的${ROWS}家企业` }), testInfo);
  await expect(page.getByText(`已导入${ROWS}家企业`)).toBeVisible({ timeout: 90_000 });
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: `企业库（${ROWS}家）` })).toBeVisible();
  const directory = page.getByRole('table', { name: '企业列表' });
  await page.getByLabel('搜索企业').fill('fzgg');
  await expect(directory.getByRole('row', { name: /临江丰泽钢构有限公司/ })).toContainText('叶振邦');
  await page.getByLabel('搜索企业').fill('第19999号');
  await expect(directory.getByRole('row', { name: /第19999号/ })).toHaveCount(1);
  await page.getByLabel('搜索企业').fill('longquan');
  await expect(directory.getByRole('row', { name: /龙泉第\d+号/ }).first()).toBeVisible();
  await screenshot(page, testInfo, 'directory-import-20000-search');
});

test('a read cancelled stops the worker and imports nothing; a workbook is read in the worker too', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/#/directory');
  await expect(page.getByRole('heading', { name: '企业库（0家）' })).toBeVisible();

  // 取消 the moment the read shows its progress (a read of 20,000 rows is over in a second or two: a click from
  // outside the page could come too late to be a cancel).
  const cancelled = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[role="progressbar"][aria-label="读取进度"]')) return;
          observer.disconnect();
          const cancel = [...document.querySelectorAll<HTMLButtonElement>('.el-dialog button')].find(
            (b) => b.textContent?.trim() === '取消',
          );
          cancel?.click();
          resolve(cancel ? 'cancelled' : 'no button');
        });
        observer.observe(document.body, { subtree: true, childList: true });
      }),
  );
  await page.getByLabel('选择企业名录文件').setInputFiles({
    name: '企业名录.csv',
    mimeType: 'text/csv',
    buffer: bigDirectory(),
  });
  expect(await cancelled).toBe('cancelled');
  await expect(page.getByText('已停止读取“企业名录.csv”，没有导入任何企业')).toBeVisible();
  await expect(page.getByRole('dialog', { name: '导入企业名录' })).toBeHidden();
  // No preview comes after: the worker is gone.
  await page.waitForTimeout(1500);
  await expect(page.getByRole('dialog', { name: '导入企业名录' })).toBeHidden();
  await expect(page.getByRole('heading', { name: '企业库（0家）' })).toBeVisible();

  // A workbook: exceljs runs in the worker.
  const workbook = await buildDirectoryXlsx([
    { ...emptyDraft(), name: '临江丰泽钢构有限公司', creditCode: '91339901YG58BRK2XB', contact: '叶振邦' },
    { ...emptyDraft(), name: '青溪顺达物流有限公司', contact: '吴晓光', phone: '13800138000' },
  ]);
  await page.getByLabel('选择企业名录文件').setInputFiles({
    name: '企业库.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(workbook),
  });
  const dialog = page.getByRole('dialog', { name: '导入企业名录' });
  await expect(dialog.getByText('工作表：企业库')).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('共2行：可导入2行，不能导入0行。已选2行。');
  await press(dialog.getByRole('button', { name: '导入选中的2家企业' }), testInfo);
  await expect(page.getByRole('heading', { name: '企业库（2家）' })).toBeVisible();
  await page.getByLabel('搜索企业').fill('qxsd');
  await expect(
    page.getByRole('table', { name: '企业列表' }).getByRole('row', { name: /青溪顺达物流有限公司/ }),
  ).toBeVisible();
});
