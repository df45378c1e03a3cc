import { expect, test, type Page } from '@playwright/test';
import { expectDemoMeetings, loadDemo, pinClock, press, screenshot } from './helpers';

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

/** The checklist's steps as "title：done?" in order. */
async function checklist(page: Page): Promise<string[]> {
  const steps = page.getByRole('list', { name: '准备步骤' }).getByRole('listitem');
  return (await steps.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).map((l) =>
    l.replace(/^第\d步 /, ''),
  );
}

test('from blank, a checklist leads through 单位 → 领导 → 部门 → 企业库 → 会议; leaders and departments are pasted in bulk, a directory without a contact column uses 法定代表人', async ({
  page,
}, testInfo) => {
  await pinClock(page);
  await page.goto('/');
  await press(page.getByRole('button', { name: '从空白开始' }), testInfo);
  await expect(page.getByRole('heading', { name: /还没有会议/ })).toBeVisible();
  expect(await checklist(page)).toEqual([
    '单位信息：未完成',
    '领导：未完成',
    '部门：未完成',
    '企业库：未完成',
    '会议：未完成',
  ]);
  await screenshot(page, testInfo, '04-setup-checklist');

  // 1. 单位信息.
  await press(page.getByRole('link', { name: '填写单位信息' }), testInfo);
  await expect(page.getByRole('tab', { name: '单位信息', selected: true })).toBeVisible();
  await page.getByLabel('单位全称').fill('临江市青溪区工商业联合会');
  await page.getByLabel('单位简称').fill('青溪区工商联');
  await page.getByLabel('文号前缀').fill('青工商联交');
  await press(page.getByRole('button', { name: '保存单位信息' }), testInfo);
  await expect(page.getByText('单位信息已保存')).toBeVisible();
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await expect.poll(() => checklist(page)).toContain('单位信息：已完成');
  await expect(page.getByText('已填写：青溪区工商联')).toBeVisible();

  // 2. 领导: two columns copied from Excel, a header row and one row with a problem.
  await press(page.getByRole('link', { name: '添加领导' }), testInfo);
  await expect(page.getByRole('tab', { name: /领导/, selected: true })).toBeVisible();
  await press(page.getByRole('button', { name: '批量粘贴' }), testInfo);
  const leaders = page.getByRole('dialog', { name: '批量粘贴领导' });
  await leaders
    .getByLabel('粘贴领导名单')
    .fill('姓名\t职务\n王立群\t区委书记\n陈思远\t区委副书记、区长\n孙海燕\t\n张明德\t区委常委、常务副区长');
  await expect(leaders.getByRole('status')).toHaveText(
    '共4行：可添加3行，已有0行（不重复添加），有问题1行；第1行是表头，已跳过。',
  );
  await expect(leaders.getByRole('row', { name: /孙海燕/ })).toContainText('请填写职务');
  await screenshot(page, testInfo, '05-setup-paste-leaders');
  await press(leaders.getByRole('button', { name: '添加3位领导' }), testInfo);
  await expect(page.getByText('已添加3位领导，另有1行未添加（已有或有问题）')).toBeVisible();
  await expect(page.getByRole('tab', { name: '领导（3）' })).toBeVisible();
  const leaderTable = page.getByRole('table', { name: '领导列表' });
  await expect(leaderTable.getByText('区委副书记、区长')).toBeVisible();

  // 3. 部门: one full name a line.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await press(page.getByRole('link', { name: '添加部门' }), testInfo);
  await press(page.getByRole('button', { name: '批量粘贴' }), testInfo);
  const departments = page.getByRole('dialog', { name: '批量粘贴部门' });
  await departments.getByLabel('粘贴部门名单').fill('区发展和改革局\n区财政局\n\n区税务局\n区财政局');
  await expect(departments.getByRole('status')).toContainText(
    '共4行：可添加3行，已有0行（不重复添加），有问题1行',
  );
  await expect(departments.getByRole('row', { name: /^5/ })).toContainText('与第2行重复');
  await screenshot(page, testInfo, '06-setup-paste-departments');
  await press(departments.getByRole('button', { name: '添加3个部门' }), testInfo);
  await expect(page.getByRole('tab', { name: '部门（3）' })).toBeVisible();

  // 4. 企业库: a register export with 法定代表人 and no contact column.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await press(page.getByRole('link', { name: '导入企业名录' }), testInfo);
  await expect(page.getByRole('heading', { name: '企业库（0家）' })).toBeVisible();
  await page.getByLabel('选择企业名录文件').setInputFiles({
    name: '市场主体名录.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '企业名称,统一社会信用代码,法人代表,联系电话\n临江丰泽钢构有限公司,91339901YG58BRK2XB,叶振邦,17102255229\n青溪顺达物流有限公司,,吴晓光,13800138000\n',
    ),
  });
  const preview = page.getByRole('dialog', { name: '导入企业名录' });
  await expect(preview.getByText('文件没有“联系人”列，联系人按“法定代表人”填写')).toBeVisible();
  await expect(preview.getByRole('row', { name: /青溪顺达物流有限公司/ })).toContainText('吴晓光');
  await press(preview.getByRole('button', { name: '导入选中的2家企业' }), testInfo);
  await expect(page.getByRole('heading', { name: '企业库（2家）' })).toBeVisible();
  await expect(preview).toBeHidden();
  await expect(page.locator('.directory').getByRole('row', { name: /青溪顺达物流有限公司/ })).toContainText(
    '吴晓光',
  );

  // 5. 会议: the last step open; its link is the new-meeting form.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await expect
    .poll(() => checklist(page))
    .toEqual(['单位信息：已完成', '领导：已完成', '部门：已完成', '企业库：已完成', '会议：未完成']);
  await screenshot(page, testInfo, '07-setup-checklist-done');
  await press(page.getByRole('link', { name: '新建会议' }), testInfo);
  await expect(page.getByRole('heading', { name: '新建会议' })).toBeVisible();
  await expect(page.getByLabel('会议名称')).toHaveValue('青溪区第1次“民营企业接待日”');
});

test('the new-meeting form links to 设置 when there are no leaders, and asks before its typed input is left', async ({
  page,
}, testInfo) => {
  await pinClock(page);
  await page.goto('/');
  await press(page.getByRole('button', { name: '从空白开始' }), testInfo);
  await press(page.getByRole('button', { name: '新建会议' }), testInfo);
  // Nothing typed yet: the link leaves at once.
  await press(page.getByRole('link', { name: '请先在“设置 › 领导”中添加' }), testInfo);
  await expect(page.getByRole('tab', { name: /领导/, selected: true })).toBeVisible();
  await press(page.getByRole('button', { name: '添加领导' }), testInfo);
  const dialog = page.getByRole('dialog', { name: '添加领导' });
  await dialog.getByLabel('姓名').fill('王立群');
  await dialog.getByLabel('职务').fill('区委书记');
  await press(dialog.getByRole('button', { name: '保存' }), testInfo);
  await expect(dialog).toBeHidden();

  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await press(page.getByRole('button', { name: '新建会议' }).first(), testInfo);
  // A theme longer than 60 characters is kept whole and flagged, not cut.
  const theme =
    '围绕企业融资难融资贵、项目建设用地指标紧张、审批办证提速、用工保障、用电用能、物流运输成本偏高等问题，开展政企面对面交流并现场协调';
  await page.getByLabel('会议主题').fill(theme);
  await expect(page.getByLabel('会议主题')).toHaveValue(theme);
  await expect(
    page.getByText(`超出${[...theme].length - 60}个字（最多60个字），请删减后再保存`),
  ).toBeVisible();
  await page.getByLabel('会议地点').fill('区工商联三楼会议室');
  await page.getByLabel('开始时间').fill('9点半');
  await press(page.getByRole('group', { name: '接待领导' }).getByText('王立群'), testInfo);
  await press(page.getByRole('button', { name: '保存' }), testInfo);
  await expect(
    page.getByText(`会议主题不能超过60个字（现在多了${[...theme].length - 60}个字）`),
  ).toBeVisible();
  await screenshot(page, testInfo, '08-meeting-form-theme-too-long');

  // Leaving asks; staying keeps every character.
  await press(page.getByRole('link', { name: '企业库' }), testInfo);
  const ask = page.getByRole('dialog', { name: '有未保存的内容' });
  await expect(ask).toContainText('“新建会议”中有尚未保存的内容');
  await screenshot(page, testInfo, '09-meeting-form-leave-asks');
  await press(ask.getByRole('button', { name: '继续编辑' }), testInfo);
  await expect(ask).toBeHidden();
  await expect(page.getByRole('heading', { name: '新建会议' })).toBeVisible();
  await expect(page.getByLabel('会议主题')).toHaveValue(theme);

  await page.getByLabel('会议主题').fill('企业融资与项目建设');
  await press(page.getByRole('button', { name: '保存', exact: true }), testInfo);
  // No 单位简称 yet, so the suggested title has no place name; 9点半 was read as 09:30.
  await expect(page.getByRole('heading', { name: '第1次“民营企业接待日”' })).toBeVisible();
  await expect(page.getByText('09:30')).toBeVisible();

  // Leaving with nothing unsaved does not ask; typed-in-and-left does, and 不保存，离开 leaves.
  await press(page.getByRole('button', { name: '编辑会议信息' }), testInfo);
  await page.getByLabel('会议地点').fill('区政务中心二楼');
  await page.goBack();
  await press(
    page.getByRole('dialog', { name: '有未保存的内容' }).getByRole('button', { name: '不保存，离开' }),
    testInfo,
  );
  await expect(page.getByText('区工商联三楼会议室')).toBeVisible();
});
