// Shared steps of the end-to-end tests.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Tap on a touch project, click otherwise: the same test drives both. */
export async function press(target: Locator, testInfo: TestInfo): Promise<void> {
  if (testInfo.project.use.hasTouch) await target.tap();
  else await target.click();
}

/** Save a full-page screenshot under test-results/screens/<project>/ for a person to look at. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = `test-results/screens/${testInfo.project.name}`;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/** Open the app on a fresh profile and load the demo from the welcome card. */
export async function loadDemo(page: Page, testInfo: TestInfo): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用恳谈会务台' })).toBeVisible();
  await press(page.getByRole('button', { name: '载入示例数据' }), testInfo);
  await expectDemoMeetings(page);
}

/** The demo's two meetings are listed with their status. */
export async function expectDemoMeetings(page: Page): Promise<void> {
  const table = page.getByRole('table', { name: '会议列表' }).or(page.locator('.meetings'));
  await expect(table.getByText('青溪区第14次“民营企业接待日”')).toBeVisible();
  await expect(table.getByText('青溪区第15次“民营企业接待日”')).toBeVisible();
  await expect(table.getByText('待签批')).toBeVisible();
  await expect(table.getByText('筹备中')).toBeVisible();
}
