// 数据安全 (issue 15) in the browser build: a backup kept by the app and restored with a preview; a restored older
// backup never lets a 文号 be issued twice; a backup file on a USB stick (here: a download) that was changed or cut
// short is refused with the reason, and a good one restores. The lost-profile cases run on a profile on disk in
// backup-profile.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  docNo,
  loadDemo,
  meetingIdByEdition,
  press,
  screenshot,
  signInSignMode,
  SIGNATURE,
  writeOn,
} from './helpers';

/** 设置 → 数据与备份. */
async function openBackups(page: Page) {
  await page.goto('/#/settings?tab=backup');
  await expect(page.getByRole('heading', { name: '数据与备份' })).toBeVisible();
}

/** 立即备份, and wait until it is listed. */
async function backupNow(page: Page, listed: number) {
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：会议 \d+ 场/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: `已保存的备份（${listed}）` })).toBeVisible();
}

/** 备份到U盘… in the browser: the .kentan file is downloaded; its path on disk. */
async function downloadBackup(page: Page, dir: string): Promise<string> {
  await page.getByRole('button', { name: '备份到U盘…' }).click();
  const dialog = page.getByRole('dialog', { name: '备份到U盘' });
  await expect(dialog.getByRole('radio', { name: /浏览器的下载文件夹/ })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '保存备份' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^恳谈会务台备份-\d{4}-\d{2}-\d{2}-\d{6}\.kentan$/);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** 从备份恢复… with a file. */
async function chooseBackupFile(page: Page, path: string) {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份恢复…' }).click();
  await (await choosing).setFiles(path);
}

test('restoring an older backup keeps every 文号 ever issued', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await loadDemo(page, testInfo);
  await openBackups(page);
  await backupNow(page, 1);

  // After the backup, the leader signs one more item: 文号 11 is on paper now.
  const meetingId = await meetingIdByEdition(page, 14);
  await signInSignMode(page, testInfo, meetingId, 1);

  // The older backup comes back: the preview says what it holds and that its chain verifies.
  await openBackups(page);
  const older = page.getByRole('row').filter({ hasText: '手动' });
  await older.getByRole('button', { name: /^恢复 / }).click();
  const preview = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(preview.getByLabel('备份内容')).toContainText('会议 4 场');
  await expect(preview.getByLabel('备份内容')).toContainText('签批记录 10 条');
  await expect(preview.getByLabel('备份内容')).toContainText(/校验通过（\d+ 条）/);
  await screenshot(page, testInfo, '90-restore-preview');
  await preview.getByRole('button', { name: '恢复此备份' }).click();

  // The page reloads on the restored data; the current data was backed up first (恢复前).
  await openBackups(page);
  await expect(page.getByRole('row').filter({ hasText: '恢复前' })).toHaveCount(1);
  await expect(page.getByRole('alert', { name: '校验警告' })).toHaveCount(0);

  // Signing again: the item signed after the backup is a draft again, and gets the next number, not 11 again.
  await signInSignModeNumbered(page, testInfo, meetingId, docNo(2));
});

/** Sign the first waiting item and expect its number. */
async function signInSignModeNumbered(
  page: Page,
  testInfo: Parameters<typeof signInSignMode>[1],
  meetingId: string,
  expected: string,
) {
  await page.goto(`/#/meetings/${meetingId}/sign`);
  await expect(page.getByRole('heading', { name: '签批模式' })).toBeVisible();
  await press(page.getByRole('radio', { name: '签一次，逐项确认' }), testInfo);
  await writeOn(page, page.getByRole('img', { name: '签名区' }), testInfo, SIGNATURE);
  await press(page.getByRole('button', { name: '签批', exact: true }), testInfo);
  await expect(page.getByLabel('签批结果').getByText(expected)).toBeVisible();
  await expect(page.getByLabel('签批结果').getByText(docNo(1))).toHaveCount(0);
}

test('a changed or cut-short backup file is refused with the reason; a good one restores', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await loadDemo(page, testInfo);
  await openBackups(page);
  const good = await downloadBackup(page, testInfo.outputDir);
  await expect(
    page.getByText(/^备份已保存到浏览器的下载文件夹：恳谈会务台备份-.*（已读回校验）$/),
  ).toBeVisible();

  // Someone edits the data inside (a 文号 on an item) and packs it again with the old header.
  const zip = await JSZip.loadAsync(readFileSync(good));
  const tables = await zip.file('tables.json')!.async('string');
  zip.file('tables.json', tables.replace('青工商联交〔2026〕3号', '青工商联交〔2026〕30号'));
  const changed = join(testInfo.outputDir, '改过的备份.kentan');
  writeFileSync(changed, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  await chooseBackupFile(page, changed);
  await expect(page.getByText(/不能恢复：备份文件的内容与其校验值不符/)).toBeVisible();
  await screenshot(page, testInfo, '91-restore-refused');

  // Cut short, as a stick pulled while copying leaves it.
  const bytes = readFileSync(good);
  const cut = join(testInfo.outputDir, '不完整的备份.kentan');
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await chooseBackupFile(page, cut);
  await expect(page.getByText(/“不完整的备份\.kentan”不能恢复：.*(无法解压|已损坏|不完整)/)).toBeVisible();
  await expect(page.getByRole('dialog', { name: '从备份恢复' })).toHaveCount(0);

  // The good file restores.
  await chooseBackupFile(page, good);
  const preview = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(preview.getByLabel('备份内容')).toContainText('恳谈会务台备份-');
  await preview.getByRole('button', { name: '恢复此备份' }).click();
  await openBackups(page);
  await expect(page.getByRole('row').filter({ hasText: '恢复前' })).toHaveCount(1);
});
