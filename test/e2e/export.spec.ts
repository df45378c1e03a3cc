// 交办导出 end to end: four of the five demo items signed in 签批模式, the export screen lists their
// 交办单 with Windows-safe names, the minutes and the 会前材料, and says why the fifth is left out; in
// the browser the files and the 清单 come as one .zip whose hashes match; 交办时间 is recorded.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { demoDay, loadDemo, meetingIdByEdition, press, screenshot, SIGNATURE, writeOn } from './helpers';

const TITLE = '青溪区第14次“民营企业接待日”';

/** Sign once in 签批模式 and confirm the next items with the held signature. */
async function signFour(page: Page, testInfo: TestInfo, id: string) {
  await page.goto(`/#/meetings/${id}/sign`);
  await expect(page.getByRole('heading', { name: '签批模式' })).toBeVisible();
  await press(page.getByRole('radio', { name: '签一次，逐项确认' }), testInfo);
  await writeOn(page, page.getByRole('img', { name: '签名区' }), testInfo, SIGNATURE);
  await press(page.getByRole('button', { name: '签批', exact: true }), testInfo);
  await expect(page.getByLabel('签批结果').getByText(/〔\d{4}〕1号$/)).toBeVisible();
  for (const n of [2, 3, 4]) {
    await press(page.getByRole('button', { name: '下一件待签批' }), testInfo);
    await press(page.getByRole('button', { name: '确认签批此件' }), testInfo);
    await expect(page.getByLabel('签批结果').getByText(new RegExp(`〔\\d{4}〕${n}号$`))).toBeVisible();
  }
  await press(page.getByRole('button', { name: '退出签批模式' }), testInfo);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('exports the signed 交办单, the minutes and the 会前材料 as one verified download and records 交办时间', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  const id = await meetingIdByEdition(page, 14);
  await signFour(page, testInfo, id);

  await press(page.getByRole('link', { name: '交办导出' }), testInfo);
  await expect(page.getByRole('heading', { name: '交办导出' })).toBeVisible();
  await expect(page.getByRole('status', { name: '交办期限' })).toContainText('会后两天内交办');

  const files = page.getByRole('table', { name: '导出文件' });
  const names = files.locator('tbody tr td:first-child');
  await expect(names).toHaveCount(6);
  await expect(names.nth(1)).toHaveText('青工商联交〔2026〕2号-临江丰泽钢构有限公司-交办单.docx');
  for (const n of [1, 2, 3, 4]) await expect(names.nth(n - 1)).toContainText(`〔2026〕${n}号-`);
  await expect(names.nth(4)).toHaveText(`${TITLE}-会议纪要.docx`);
  await expect(names.nth(5)).toHaveText(`${TITLE}-会前材料.docx`);
  const skipped = page.getByRole('alert').filter({ hasText: '不能导出的交办件（1件）' });
  await expect(skipped).toContainText('尚未签批，不能导出交办单');
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 10_000 });
  await screenshot(page, testInfo, 'export-ready');

  // Unticking 会前材料 rebuilds the files one at a time, the screen showing how far it is. The build
  // yields with scheduler.yield(), whose continuations run before Playwright's own queries, so the page
  // itself records what the progress said at each step.
  const briefingOption = page.locator('label').filter({ hasText: '同时导出会前材料' });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="生成进度"]');
      const text = document.querySelector('.building [role="status"]')?.textContent?.trim();
      if (bar && text && seen.at(-1) !== `${text} ${bar.getAttribute('aria-valuenow')}`)
        seen.push(`${text} ${bar.getAttribute('aria-valuenow')}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await press(briefingOption, testInfo);
  await expect(names).toHaveCount(5);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.at(-1)).toBe('正在生成文件…6 / 6 100');
  expect(seen).toContain('正在生成文件…3 / 6 50');
  await press(briefingOption, testInfo);
  await expect(names).toHaveCount(6);

  // The browser cannot see drives: the files come as one download.
  await press(page.getByRole('button', { name: '选择文件夹…' }), testInfo);
  await expect(page.getByRole('radio', { name: /浏览器的下载文件夹/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  const downloading = page.waitForEvent('download');
  await press(page.getByRole('button', { name: '导出（下载 .zip）' }), testInfo);
  const download = await downloading;
  // loadDemo pins the clock: the demo's meeting was held the day before DEMO_NOW.
  expect(download.suggestedFilename()).toBe(`${TITLE}-交办材料-${demoDay(-1)}.zip`);

  // A browser cannot read the download back: the files are packed, with their hashes in the 清单.
  await expect(files.getByText('✓ 已打包')).toHaveCount(6);
  await expect(page.getByRole('status').filter({ hasText: '已打包为' })).toContainText('.zip');
  // 交办时间 is now, within the two-day window: the reply is due by the signed 办理时限.
  await expect(page.getByText(`已记录 4 件交办件的交办时间，答复期限${replyDay()}。`)).toBeVisible();
  await screenshot(page, testInfo, 'export-done');

  // What the download holds: the six documents and the 清单 whose hashes match them.
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const manifest = entries.find((f) => f.name.endsWith('-清单.txt'))!;
  expect(manifest).toBeDefined();
  const listing = await manifest.async('string');
  const documents = entries.filter((f) => f !== manifest);
  expect(documents).toHaveLength(6);
  for (const f of documents) {
    const bytes = await f.async('uint8array');
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const base = f.name.split('/').pop()!;
    expect(listing).toContain(base);
    expect(listing).toContain(sha256(bytes));
  }

  // The handed-over items show as 已交办 after a reload; the unsigned one is still a draft.
  await page.reload();
  await expect(files.locator('tbody tr').first()).toContainText(
    `已交办，${replyDay().replace(/^\d+年/, '')}前答复`,
  );
  await expect(page.getByRole('alert').filter({ hasText: '尚未签批' })).toBeVisible();

  // The assignments show when they were handed over and how long the department has to reply.
  await page.goto(`/#/meetings/${id}/assignments`);
  const reply = page.getByRole('status', { name: /^答复期限：/ });
  await expect(reply).toHaveCount(4);
  await expect(reply.first()).toHaveText(`还剩15天（${replyDay().replace(/^\d+年/, '')}前答复）`);
  await expect(page.getByText('交办时间').first()).toBeVisible();
  await screenshot(page, testInfo, 'export-handed-off-assignment');
});

/**
 * The demo's signed 办理时限 (the meeting, the day before the pinned clock, + 2 days to hand over + 14 to
 * reply), as Chinese documents write a date (2026年12月7日).
 */
const replyDay = () => demoDay(15);
