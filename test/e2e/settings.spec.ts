import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { loadDemo, press, screenshot } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function openSettings(page: Page, testInfo: TestInfo, tab?: RegExp): Promise<void> {
  await loadDemo(page, testInfo);
  await press(page.getByRole('link', { name: '设置' }), testInfo);
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  if (tab) await press(page.getByRole('tab', { name: tab }), testInfo);
}

/** The names in the first data column of a sortable table, top to bottom. */
function namesIn(table: Locator): Promise<string[]> {
  return table
    .locator('.sortable__body > [role="row"]')
    .evaluateAll((rows) =>
      rows.map((r) => r.querySelectorAll('[role="cell"]')[2]?.textContent?.trim() ?? ''),
    );
}

async function centre(target: Locator): Promise<{ x: number; y: number }> {
  const box = await target.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drag `handle` until the pointer rests on the upper quarter of `onto`, with the mouse on the desktop project
 * and a finger (CDP touch events, as Playwright has no touch drag) on the touch project. The sortable list
 * checks the pointer every 50 ms, so every step waits a little.
 */
async function dragOnto(page: Page, testInfo: TestInfo, handle: Locator, onto: Locator): Promise<void> {
  const from = await centre(handle);
  const box = (await onto.boundingBox())!;
  const to = { x: from.x, y: box.y + box.height / 4 };
  const steps = 12;
  const at = (i: number) => ({
    x: from.x + ((to.x - from.x) * i) / steps,
    y: from.y + ((to.y - from.y) * i) / steps,
  });
  if (testInfo.project.use.hasTouch) {
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y, id: 1 }] : [] });
    await touch('touchStart', from);
    for (let i = 1; i <= steps; i += 1) {
      await touch('touchMove', at(i));
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(200);
    await touch('touchEnd');
    await cdp.detach();
  } else {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= steps; i += 1) {
      await page.mouse.move(at(i).x, at(i).y);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(200);
    await page.mouse.up();
  }
}

test('settings: the organisation, its leaders and departments can be read, edited and validated', async ({
  page,
}, testInfo) => {
  await openSettings(page, testInfo);

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
  const leaders = page.getByRole('table', { name: '领导列表' });
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
  await expect(leaders.getByRole('row').last()).toContainText('周文斌');
  await screenshot(page, testInfo, '05-settings-leaders');

  // A leader who hosts a meeting cannot be deleted: the reason is named.
  await press(page.getByRole('button', { name: '删除王立群' }), testInfo);
  await press(page.getByRole('button', { name: '删除', exact: true }), testInfo);
  await expect(page.getByText(/“王立群”是.*会议的接待领导.*不能删除/)).toBeVisible();

  // Departments: edit aliases of one; the change shows in the table; an alias of another is refused.
  await press(page.getByRole('tab', { name: /部门/ }), testInfo);
  await expect(page.getByRole('tab', { name: '部门（24）' })).toBeVisible();
  await press(page.getByRole('button', { name: '编辑区财政局' }), testInfo);
  const edit = page.getByRole('dialog', { name: '编辑部门' });
  await edit.getByLabel('别称（用顿号分隔）').fill('财政、财政局、区财政、税务');
  await press(edit.getByRole('button', { name: '保存' }), testInfo);
  await expect(edit.getByText('“税务”已用于“区税务局”')).toBeVisible();
  await screenshot(page, testInfo, '06-settings-department-dialog');
  await edit.getByLabel('别称（用顿号分隔）').fill('财政、财政局、区财政');
  await press(edit.getByRole('button', { name: '保存' }), testInfo);
  await expect(
    page.getByRole('row').filter({ hasText: '区财政局' }).getByText('财政、财政局、区财政'),
  ).toBeVisible();
  await expect(edit).toBeHidden();
  // 上移 moves 区财政局 (third) to second place.
  const departments = page.getByRole('table', { name: '部门列表' });
  await press(page.getByRole('button', { name: '上移区财政局' }), testInfo);
  await expect
    .poll(() => namesIn(departments).then((n) => n.slice(0, 3)))
    .toEqual(['区发展和改革局', '区财政局', '区经济和信息化局']);
  await screenshot(page, testInfo, '06-settings-departments');

  await page.reload();
  await expect.poll(() => namesIn(departments).then((n) => n[1])).toBe('区财政局');
  await press(page.getByRole('tab', { name: /领导/ }), testInfo);
  await expect(page.getByText('周文斌')).toBeVisible();
  await press(page.getByRole('tab', { name: /单位信息/ }), testInfo);
  await expect(page.getByLabel('单位全称')).toHaveValue('临江市青溪区工商业联合会（总商会）');
});

test('settings: leaders are put in order by drag, by buttons and by keys, and the order is kept', async ({
  page,
}, testInfo) => {
  await openSettings(page, testInfo, /领导/);
  const leaders = page.getByRole('table', { name: '领导列表' });
  const rows = leaders.locator('.sortable__body > [role="row"]');
  await expect
    .poll(() => namesIn(leaders))
    .toEqual(['王立群', '陈思远', '张明德', '刘静', '赵国华', '孙海燕']);

  // Drag 孙海燕 by the grip to the top: with the mouse on the desktop, with a finger on the touchscreen.
  const grip = page.getByRole('button', { name: '拖动孙海燕调整顺序' });
  // Every control of a row is a finger-sized target.
  for (const name of ['拖动孙海燕调整顺序', '上移孙海燕', '下移王立群', '编辑孙海燕', '删除孙海燕']) {
    const box = (await page.getByRole('button', { name }).boundingBox())!;
    expect(Math.min(box.width, box.height), name).toBeGreaterThanOrEqual(40);
  }
  await dragOnto(page, testInfo, grip, rows.first());
  await expect
    .poll(() => namesIn(leaders))
    .toEqual(['孙海燕', '王立群', '陈思远', '张明德', '刘静', '赵国华']);
  await screenshot(page, testInfo, '07-settings-leaders-dragged');

  // 下移 and Alt+↓ on a focused row.
  await press(page.getByRole('button', { name: '下移孙海燕' }), testInfo);
  await expect
    .poll(() => namesIn(leaders))
    .toEqual(['王立群', '孙海燕', '陈思远', '张明德', '刘静', '赵国华']);
  await page.getByRole('button', { name: '编辑陈思远' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(() => namesIn(leaders))
    .toEqual(['王立群', '陈思远', '孙海燕', '张明德', '刘静', '赵国华']);
  await expect(page.getByRole('button', { name: '编辑陈思远' })).toBeFocused();
  await expect(page.getByRole('button', { name: '上移王立群' })).toBeDisabled();

  // Stored: a reload shows the same order, and so does every list of leaders.
  await page.reload();
  await expect
    .poll(() => namesIn(leaders))
    .toEqual(['王立群', '陈思远', '孙海燕', '张明德', '刘静', '赵国华']);
  await expect(leaders.getByRole('row').nth(3)).toContainText('孙海燕');
});

test('settings: concern categories are added, renamed with their concerns, reordered and guarded', async ({
  page,
}, testInfo) => {
  await openSettings(page, testInfo, /诉求类别/);
  const categories = page.getByRole('table', { name: '诉求类别列表' });
  await expect(page.getByRole('tab', { name: '诉求类别（13）' })).toBeVisible();
  await expect(categories.getByRole('row').filter({ hasText: '资金补贴' })).toContainText('2条诉求');
  await screenshot(page, testInfo, '08-settings-categories');

  // Add: an empty or duplicate name is refused with a message; a new one goes to the end.
  const input = page.getByLabel('新增类别');
  await input.fill('用地');
  await press(page.getByRole('button', { name: '添加类别' }), testInfo);
  await expect(page.getByText('已有“用地”类别')).toBeVisible();
  await input.fill('知识产权');
  await input.press('Enter');
  await expect(page.getByRole('tab', { name: '诉求类别（14）' })).toBeVisible();
  await expect.poll(() => namesIn(categories).then((n) => n.at(-1))).toBe('知识产权');

  // Rename a category in use: its concerns follow.
  await press(page.getByRole('button', { name: '改名资金补贴' }), testInfo);
  const rename = page.getByRole('dialog', { name: '类别改名' });
  await expect(rename.getByText('已有2条诉求属于“资金补贴”类别')).toBeVisible();
  await screenshot(page, testInfo, '08-settings-categories-rename');
  await rename.getByLabel('新名称').fill('融资');
  await press(rename.getByRole('button', { name: '保存' }), testInfo);
  await expect(rename.getByText('已有“融资”类别')).toBeVisible();
  await rename.getByLabel('新名称').fill('财政奖补');
  await press(rename.getByRole('button', { name: '保存' }), testInfo);
  await expect(page.getByText('已将“资金补贴”改为“财政奖补”，2条诉求一并更新')).toBeVisible();
  await expect(categories.getByRole('row').filter({ hasText: '财政奖补' })).toContainText('2条诉求');

  // Delete: refused while concerns use it, with their number; an unused one goes after a confirmation.
  await press(page.getByRole('button', { name: '删除财政奖补' }), testInfo);
  await expect(page.getByText(/“财政奖补”类别已有2条诉求使用，不能删除/)).toBeVisible();
  await press(page.getByRole('button', { name: '删除招商' }), testInfo);
  await press(page.getByRole('button', { name: '删除', exact: true }), testInfo);
  await expect(page.getByRole('tab', { name: '诉求类别（13）' })).toBeVisible();

  // Reorder by a button (kept across a reload), then restore the defaults: 财政奖补 stays, concerns use it.
  await press(page.getByRole('button', { name: '下移其他' }), testInfo);
  await expect
    .poll(() => namesIn(categories).then((n) => n.slice(-3)))
    .toEqual(['经营管理', '知识产权', '其他']);
  await page.reload();
  await expect.poll(() => namesIn(categories).then((n) => n.slice(-2))).toEqual(['知识产权', '其他']);
  await press(page.getByRole('button', { name: '恢复默认类别' }), testInfo);
  await press(page.getByRole('button', { name: '恢复默认', exact: true }), testInfo);
  await expect(page.getByText('已恢复默认类别，并保留仍在使用的“财政奖补”')).toBeVisible();
  await expect(page.getByRole('tab', { name: '诉求类别（14）' })).toBeVisible();
});

test('settings: deadline rules are validated, saved and used by the meetings list', async ({
  page,
}, testInfo) => {
  await openSettings(page, testInfo, /期限规则/);
  await expect(page.getByLabel('交办期限')).toHaveValue('2');
  await expect(page.getByLabel('回复期限')).toHaveValue('14');
  await expect(page.getByRole('textbox', { name: '黄色预警天数' })).toHaveValue('3');
  await expect(page.getByRole('radio', { name: /^自然日/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: '按工作日' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: '推进缓慢天数' })).toHaveValue('7');
  await expect(page.getByText(/如果今天（\d{4}年\d+月\d+日）开会，应在/)).toBeVisible();
  await screenshot(page, testInfo, '09-settings-deadlines');

  await page.getByLabel('交办期限').fill('');
  await page.getByLabel('回复期限').fill('2.5');
  await page.getByRole('textbox', { name: '黄色预警天数' }).fill('40');
  await press(page.getByRole('button', { name: '保存期限规则' }), testInfo);
  await expect(page.getByText('请填写交办期限')).toBeVisible();
  await expect(page.getByText('回复期限应为整数天数，例如“14”')).toBeVisible();
  await expect(page.getByText('黄色预警天数应在0到30天之间')).toBeVisible();
  await screenshot(page, testInfo, '10-settings-deadlines-errors');

  await page.getByLabel('交办期限').fill('３');
  await page.getByLabel('回复期限').fill('10');
  await page.getByRole('textbox', { name: '黄色预警天数' }).fill('2');
  await page.getByRole('textbox', { name: '推进缓慢天数' }).fill('10');
  await press(page.getByText(/^工作日（/), testInfo);
  await expect(page.getByText(/或连续10天没有任何办理记录时显示黄色预警/)).toBeVisible();
  await expect(page.getByText(/应在\d+月\d+日前交办/)).toBeVisible();
  await screenshot(page, testInfo, '10-settings-deadlines-working-days');
  await press(page.getByRole('button', { name: '保存期限规则' }), testInfo);
  await expect(page.getByText('期限规则已保存')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('交办期限')).toHaveValue('3');
  await expect(page.getByLabel('回复期限')).toHaveValue('10');
  await expect(page.getByRole('textbox', { name: '黄色预警天数' })).toHaveValue('2');
  await expect(page.getByRole('textbox', { name: '推进缓慢天数' })).toHaveValue('10');
  await expect(page.getByRole('radio', { name: /^工作日/ })).toBeChecked();
  // The meeting held yesterday now has three working days for its handoff.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await expect(page.getByText(/还剩\d个工作日/)).toBeVisible();
});

test('settings: a holiday table is imported only when all of it is right', async ({ page }, testInfo) => {
  await openSettings(page, testInfo, /节假日安排/);
  const years = page.getByRole('table', { name: '节假日年份列表' });
  for (const year of ['2024', '2025', '2026'])
    await expect(years.getByRole('row', { name: new RegExp(`^${year}年`) })).toContainText('内置');
  await expect(page.getByLabel('节假日文件示例')).toContainText('"workdays"');
  await screenshot(page, testInfo, '11-settings-holidays');

  const importFile = async (file: string | { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent('filechooser');
    await press(page.getByRole('button', { name: '导入节假日文件' }), testInfo);
    await (await chooser).setFiles(typeof file === 'string' ? fixture(file) : file);
  };

  // An invalid file: every problem listed, nothing written.
  await importFile('holidays-invalid.json');
  const problems = page.getByRole('alert').filter({ hasText: '未导入“holidays-invalid.json”' });
  await expect(problems).toContainText('发现4处问题，没有写入任何数据');
  await expect(problems).toContainText('放假日第2项“2027-02-30”格式不正确');
  await expect(problems).toContainText('上班日“2027-06-10”是星期四');
  await expect(years.getByRole('row')).toHaveCount(4);
  await screenshot(page, testInfo, '12-settings-holidays-invalid');

  // A trailing comma on line 4, as people write by hand.
  await importFile({
    name: 'holidays-broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{\n  "version": "broken",\n  "years": {\n    "2027": { "holidays": ["2027-01-01",] }\n',
    ),
  });
  await expect(page.getByText(/文件不是有效的JSON格式（第4行第41列附近）/)).toBeVisible();

  // The 2027 file (fictional test data) is added.
  await importFile('holidays-2027.json');
  await expect(page.getByRole('status').filter({ hasText: '已导入“holidays-2027.json”' })).toContainText(
    '新增：2027年',
  );
  const row2027 = years.getByRole('row', { name: /^2027年/ });
  await expect(row2027).toContainText('测试用数据');
  await expect(row2027).toContainText('28天');
  await expect(row2027).toContainText('导入');
  await screenshot(page, testInfo, '13-settings-holidays-imported');

  await page.reload();
  await expect(years.getByRole('row', { name: /^2027年/ })).toContainText('测试用数据');
  // Importing it again replaces the year, and says so.
  await importFile('holidays-2027.json');
  await expect(page.getByRole('status')).toContainText('替换：2027年');
});

test('settings: a new year is entered as the notice reads — periods and 调休 workdays — each problem named by row, and can be changed', async ({
  page,
}, testInfo) => {
  // loadDemo pins the page clock at DEMO_NOW (2026): 2027 is the year without a table yet.
  await openSettings(page, testInfo, /节假日安排/);
  await press(page.getByRole('button', { name: '按通知填写' }), testInfo);
  const form = page.getByRole('dialog', { name: '按通知填写节假日安排' });
  await expect(form.getByLabel('年份')).toHaveValue('2027');
  await expect(form.getByLabel('依据（通知名称和文号）')).toHaveValue(
    '国务院办公厅关于2027年部分节假日安排的通知',
  );
  await form.getByLabel('第1段放假开始日期').fill('2027-01-01');
  await form.getByLabel('第2段放假开始日期').fill('2027-02-06');
  await form.getByLabel('第2段放假结束日期').fill('2027-02-14');
  await form.getByLabel('第3段放假开始日期').fill('2027-10-01');
  await form.getByLabel('第3段放假结束日期').fill('2027-10-07');
  await form.getByLabel('第1个调休上班日', { exact: true }).fill('2027-02-22');
  await expect(form.getByRole('status')).toHaveText('放假共17天，调休上班1天');
  await press(form.getByRole('button', { name: '保存' }), testInfo);
  const problems = form.getByRole('alert');
  await expect(problems).toContainText('有1处需要修改，没有保存');
  await expect(problems).toContainText(
    '第1个调休上班日：2027-02-22是星期一，本来就是工作日；调休上班日应为周六或周日',
  );
  await screenshot(page, testInfo, '14-settings-holiday-form');
  await form.getByLabel('第1个调休上班日', { exact: true }).fill('2027-02-20');
  await press(form.getByRole('button', { name: '保存' }), testInfo);
  await expect(page.getByText('已保存2027年节假日安排：放假17天，调休上班1天')).toBeVisible();
  await expect(form).toBeHidden();
  const row2027 = page.getByRole('table', { name: '节假日年份列表' }).getByRole('row', { name: /^2027年/ });
  await expect(row2027).toContainText('17天');
  await expect(row2027).toContainText('1天');
  await expect(page.getByText(/尚无.*2027年/)).toHaveCount(0);

  // Changing it: the periods come back as entered; Esc with nothing changed just closes.
  await press(page.getByRole('button', { name: '修改2027年' }), testInfo);
  const edit = page.getByRole('dialog', { name: '修改2027年节假日安排' });
  await expect(edit.getByLabel('第2段放假结束日期')).toHaveValue('2027-02-14');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  // A change then 取消 asks; 不保存，关闭 drops it.
  await press(page.getByRole('button', { name: '修改2027年' }), testInfo);
  await edit.getByLabel('第3段放假结束日期').fill('2027-10-08');
  await press(edit.getByRole('button', { name: '取消' }), testInfo);
  const ask = page.getByRole('dialog', { name: '有未保存的内容' });
  await expect(ask).toContainText('“修改2027年节假日安排”中有尚未保存的内容');
  await press(ask.getByRole('button', { name: '不保存，关闭' }), testInfo);
  await expect(edit).toBeHidden();
  await expect(row2027).toContainText('17天');
});

test('settings: what is typed into the organisation form survives a tab switch and is not left without asking', async ({
  page,
}, testInfo) => {
  await openSettings(page, testInfo);
  await page.getByLabel('联系人').fill('王晓燕');
  // A switch of tab keeps the form as typed.
  await press(page.getByRole('tab', { name: /领导/ }), testInfo);
  await press(page.getByRole('tab', { name: '单位信息' }), testInfo);
  await expect(page.getByLabel('联系人')).toHaveValue('王晓燕');
  // Leaving asks; staying keeps it.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  const ask = page.getByRole('dialog', { name: '有未保存的内容' });
  await expect(ask).toContainText('“单位信息”中有尚未保存的内容');
  await press(ask.getByRole('button', { name: '继续编辑' }), testInfo);
  await expect(ask).toBeHidden();
  await expect(page.getByLabel('联系人')).toHaveValue('王晓燕');
  // A short name longer than 30 characters is flagged, whole.
  const long = '临江市青溪区工商业联合会（总商会）机关党支部青溪区工商联合会办';
  await page.getByLabel('单位简称').fill(long);
  await expect(page.getByLabel('单位简称')).toHaveValue(long);
  await expect(page.getByText('超出1个字（最多30个字），请删减后再保存')).toBeVisible();
  await screenshot(page, testInfo, '03b-settings-organization-too-long');
  await page.getByLabel('单位简称').fill('青溪区工商联');
  await press(page.getByRole('button', { name: '保存单位信息' }), testInfo);
  await expect(page.getByText('单位信息已保存')).toBeVisible();
  // Saved: leaving does not ask.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await expect(page.getByRole('heading', { name: '会议列表' })).toBeVisible();
});
