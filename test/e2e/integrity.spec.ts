// 签批 integrity end to end: changes written straight into IndexedDB (as someone with the profile's files
// could) are named on every screen, and export refuses the items they touch; a renamed enterprise is a
// quiet note, and the 交办单 keeps what was signed.
import { expect, test, type Page } from '@playwright/test';
import {
  docNo,
  loadDemo,
  meetingIdByEdition,
  press,
  screenshot,
  signInSignMode,
  signRecordSeq,
  tamper,
} from './helpers';

const banner = (page: Page) => page.getByRole('alert', { name: '校验警告' });

test('a status set back, an audit record edited or the newest signature dropped are named, and export refuses them', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  const id = await meetingIdByEdition(page, 14);
  await signInSignMode(page, testInfo, id, 3);

  // 1号 set back to 待签批 by hand.
  await tamper(page, { kind: 'status', docNumber: docNo(1), status: 'draft' });
  await page.goto('/#/meetings');
  await page.reload();
  await expect(banner(page)).toContainText('记录校验失败');
  await expect(banner(page)).toContainText('却被标为待签批');
  await screenshot(page, testInfo, 'integrity-status-downgraded');
  await tamper(page, { kind: 'status', docNumber: docNo(1), status: 'signed' });
  await page.reload();
  await expect(page.getByRole('table', { name: '会议列表' }).or(page.locator('.meetings'))).toBeVisible();
  await expect(banner(page)).toHaveCount(0);

  // The audit record of the second signature edited: it and the third are no longer vouched for; the first is.
  await tamper(page, { kind: 'audit-detail', seq: await signRecordSeq(page, docNo(2)), detail: '伪造' });
  await page.reload();
  await expect(banner(page)).toContainText('记录内容已被改动');
  await page.goto(`/#/meetings/${id}/export`);
  const files = page.getByRole('table', { name: '导出文件' });
  await expect(files.locator('tbody tr td:first-child').first()).toContainText(`${docNo(1)}-`);
  await expect(files.getByText(new RegExp(`${docNo(2)}-|${docNo(3)}-`))).toHaveCount(0);
  const skipped = page.getByRole('alert').filter({ hasText: '不能导出的交办件' });
  await expect(skipped).toContainText('记录校验失败');
  await screenshot(page, testInfo, 'integrity-chain-broken-export');
});

test('the newest signature deleted with its audit record is caught by the anchor outside the database', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  const id = await meetingIdByEdition(page, 14);
  await signInSignMode(page, testInfo, id, 2);
  await tamper(page, { kind: 'drop-newest-signature' });
  await page.goto('/#/meetings');
  await page.reload();
  await expect(banner(page)).toContainText('操作记录比本机上次记下的少');
  await expect(banner(page)).toContainText('签批记录缺失');
  await screenshot(page, testInfo, 'integrity-anchor');
  await page.goto(`/#/meetings/${id}/export`);
  await expect(page.getByRole('alert').filter({ hasText: '不能导出的交办件' })).toContainText('签批记录缺失');
});

test('an enterprise renamed after signing: no alarm, a quiet note on the item, the 交办单 keeps the signed name', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  const id = await meetingIdByEdition(page, 14);
  await signInSignMode(page, testInfo, id, 1);
  await tamper(page, {
    kind: 'rename-enterprise',
    from: '临江恒泰住房租赁有限公司',
    to: '临江恒泰住房租赁集团有限公司',
  });
  await page.goto(`/#/meetings/${id}/assignments`);
  await page.reload();
  const note = page.getByRole('note', { name: /^签批后来源信息有更新/ });
  await expect(note).toContainText(
    '企业名称：「临江恒泰住房租赁有限公司」 → 「临江恒泰住房租赁集团有限公司」',
  );
  await expect(page.getByText('签批后已修改')).toHaveCount(0);
  await screenshot(page, testInfo, 'integrity-source-updated');
  await press(page.getByRole('link', { name: '交办导出' }), testInfo);
  await expect(
    page.getByRole('table', { name: '导出文件' }).locator('tbody tr td:first-child').first(),
  ).toHaveText(`${docNo(1)}-临江恒泰住房租赁有限公司-交办单.docx`);
  await expect(banner(page)).toHaveCount(0);
});
