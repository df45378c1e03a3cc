import { expect, test } from '@playwright/test';
import { expectDemoMeetings, loadDemo, press, screenshot } from './helpers';

test('a first start offers the demo; loading it lists the meetings, and a reload keeps them', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('button', { name: '从空白开始' })).toBeVisible();
  await screenshot(page, testInfo, '01-welcome');

  await loadDemo(page, testInfo);
  // The finished meeting shows its handoff countdown; the upcoming one does not.
  const past = page.getByRole('row').filter({ hasText: '第14次' });
  await expect(past.getByText(/已超期|还剩|最后一天/)).toBeVisible();
  await expect(past.getByText('王立群、张明德')).toBeVisible();
  await screenshot(page, testInfo, '02-meetings');

  await page.reload();
  await expectDemoMeetings(page);
  await expect(page.getByRole('heading', { name: '欢迎使用恳谈会务台' })).toHaveCount(0);
  await screenshot(page, testInfo, '03-meetings-reloaded');
});

test('starting blank remembers the choice and shows an empty list', async ({ page }, testInfo) => {
  await page.goto('/');
  await press(page.getByRole('button', { name: '从空白开始' }), testInfo);
  await expect(page.getByText('还没有会议')).toBeVisible();
  await page.reload();
  await expect(page.getByText('还没有会议')).toBeVisible();
  await expect(page.getByRole('button', { name: '载入示例数据' })).toHaveCount(0);
});
