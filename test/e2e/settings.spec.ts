import { expect, test } from '@playwright/test';
import { loadDemo, press, screenshot } from './helpers';

test('settings: the organisation, its leaders and departments can be read, edited and validated', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  await press(page.getByRole('link', { name: '设置' }), testInfo);
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();

  // Organisation: what the demo set, a validation message, then a saved change that survives a reload.
  await expect(page.getByLabel('单位全称')).toHaveValue('临江市青溪区工商业联合会');
  await expect(page.getByText(/交办单编号示例：青工商联交〔\d{4}〕1号/)).toBeVisible();
  await screenshot(page, testInfo, '03-settings-organization');
  await page.getByLabel('单位全称').fill('');
  await page.getByLabel('联系电话').fill('12345');
  await press(page.getByRole('button', { name: '保存单位信息' }), testInfo);
  await expect(page.getByText('请填写单位全称')).toBeVisible();
  await expect(page.getByText(/号码|位数/)).toBeVisible();
  await screenshot(page, testInfo, '04-settings-organization-errors');
  await page.getByLabel('单位全称').fill('临江市青溪区工商业联合会（总商会）');
  await page.getByLabel('联系电话').fill('０８３０ ５５５１２３４');
  await press(page.getByRole('button', { name: '保存单位信息' }), testInfo);
  await expect(page.getByText('单位信息已保存')).toBeVisible();
  await expect(page.getByLabel('联系电话')).toHaveValue('0830-5551234');

  // Leaders: six from the demo; add one; a duplicate name is refused.
  await press(page.getByRole('tab', { name: /领导/ }), testInfo);
  const leaders = page.getByRole('table', { name: '领导列表' }).or(page.locator('[aria-label="领导列表"]'));
  await expect(leaders.getByText('王立群')).toBeVisible();
  await expect(page.getByRole('tab', { name: '领导（6）' })).toBeVisible();
  await press(page.getByRole('button', { name: '添加领导' }), testInfo);
  const dialog = page.getByRole('dialog', { name: '添加领导' });
  await dialog.getByLabel('姓名').fill('王立群');
  await dialog.getByLabel('职务').fill('区委副书记');
  await press(dialog.getByRole('button', { name: '保存' }), testInfo);
  await expect(dialog.getByText('已有名为“王立群”的领导')).toBeVisible();
  await dialog.getByLabel('姓名').fill('周文斌');
  await press(dialog.getByRole('button', { name: '保存' }), testInfo);
  await expect(page.getByRole('tab', { name: '领导（7）' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await screenshot(page, testInfo, '05-settings-leaders');

  // A leader who hosts a meeting cannot be deleted: the reason is named.
  await press(page.getByRole('button', { name: '删除王立群' }), testInfo);
  await press(page.getByRole('button', { name: '删除', exact: true }), testInfo);
  await expect(page.getByText(/“王立群”是.*会议的接待领导.*不能删除/)).toBeVisible();

  // Departments: edit aliases of one; the change shows in the table.
  await press(page.getByRole('tab', { name: /部门/ }), testInfo);
  await expect(page.getByRole('tab', { name: '部门（24）' })).toBeVisible();
  await press(page.getByRole('button', { name: '编辑区财政局' }), testInfo);
  const edit = page.getByRole('dialog', { name: '编辑部门' });
  await edit.getByLabel('别称（用顿号分隔）').fill('财政、财政局、区财政');
  await press(edit.getByRole('button', { name: '保存' }), testInfo);
  await expect(
    page.getByRole('row').filter({ hasText: '区财政局' }).getByText('财政、财政局、区财政'),
  ).toBeVisible();
  await expect(edit).toBeHidden();
  await screenshot(page, testInfo, '06-settings-departments');

  await page.reload();
  await press(page.getByRole('tab', { name: /领导/ }), testInfo);
  await expect(page.getByText('周文斌')).toBeVisible();
  await press(page.getByRole('tab', { name: /单位信息/ }), testInfo);
  await expect(page.getByLabel('单位全称')).toHaveValue('临江市青溪区工商业联合会（总商会）');
});
