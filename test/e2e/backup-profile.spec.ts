// A profile on disk whose IndexedDB files are deleted, cut short or overwritten between runs (issue 15): the app
// must not start as a first run. It says the data is missing and offers the newest backup (kept in the browser's
// private files, apart from IndexedDB); the restore brings back every meeting, and every signature verifies.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from './chromium';
import { DEMO_NOW, screenshot } from './helpers';

test.use({ trace: 'off' });

type Damage = 'deleted' | 'truncated' | 'garbled';

/** The IndexedDB folder of the app's origin in a profile. */
function idbFolder(profile: string): string {
  const root = join(profile, 'Default', 'IndexedDB');
  const name = readdirSync(root).find((n) => n.endsWith('.indexeddb.leveldb'));
  if (!name) throw new Error(`no IndexedDB folder in ${root}`);
  return join(root, name);
}

/** Do to the database's files what a failing disk, a cleaner or a careless copy does. */
function damage(profile: string, how: Damage): void {
  const folder = idbFolder(profile);
  if (how === 'deleted') {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (!/\.(ldb|log)$|^MANIFEST/.test(name) || statSync(path).size === 0) continue;
    if (how === 'truncated') truncateSync(path, Math.floor(statSync(path).size / 3));
    else {
      const bytes = readFileSync(path);
      for (let i = 0; i < bytes.length; i += 7) bytes[i] = (bytes[i]! * 31 + 17) & 0xff;
      writeFileSync(path, bytes);
    }
  }
}

async function open(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchProfile(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.clock.install({ time: DEMO_NOW });
  await page.goto('/');
  return { context, page };
}

/** Every signature and the chain verify: no alarm after the check on start has run. */
async function expectAllVerified(page: Page) {
  await page.goto('/#/follow-up');
  await expect(page.getByRole('heading', { name: '跟踪督办' })).toBeVisible();
  await expect(page.getByText('青工商联交〔2026〕5号').first()).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.getByRole('alert', { name: '校验警告' })).toHaveCount(0);
}

for (const how of ['deleted', 'truncated', 'garbled'] as const) {
  test(`database files ${how} between runs: the app offers the newest backup and restores it`, async ({}, testInfo) => {
    test.setTimeout(120_000);
    const profile = mkdtempSync(join(tmpdir(), `kentan-profile-${how}-`));
    let session: { context: BrowserContext; page: Page } | undefined;
    try {
      session = await open(profile);
      await session.page.getByRole('button', { name: '载入示例数据' }).click();
      await expect(session.page.getByText('青溪区第14次“民营企业接待日”')).toBeVisible();
      await session.page.goto('/#/settings?tab=backup');
      await session.page.getByRole('button', { name: '立即备份' }).click();
      await expect(session.page.getByText(/^已备份：会议 4 场/)).toBeVisible({ timeout: 30_000 });
      await session.context.close();

      damage(profile, how);

      session = await open(profile);
      const { page } = session;
      const lossDialog = page.getByRole('dialog', { name: '本机数据需要恢复' });
      await expect(lossDialog).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('heading', { name: '欢迎使用恳谈会务台' })).toHaveCount(0);
      await expect(lossDialog).toContainText('会议 4 场');
      if (how === 'garbled') await screenshot(page, testInfo, '92-data-loss-offered');
      await lossDialog.getByRole('button', { name: '从最新备份恢复' }).click();
      const preview = page.getByRole('dialog', { name: '从备份恢复' });
      await expect(preview.getByLabel('备份内容')).toContainText(/校验通过（\d+ 条）/);
      await preview.getByRole('button', { name: '恢复此备份' }).click();

      await expect(page.getByText('青溪区第14次“民营企业接待日”')).toBeVisible({ timeout: 30_000 });
      await expect(lossDialog).toHaveCount(0);
      await expectAllVerified(page);
    } finally {
      await session?.context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    }
  });
}
