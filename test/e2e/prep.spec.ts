import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { demoDay, drag, loadDemo, press, screenshot } from './helpers';

const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures');

async function speakerOrder(page: Page): Promise<string[]> {
  const rows = page.getByRole('list', { name: '发言顺序' }).locator(':scope > li');
  return (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).map((l) =>
    l.replace(/^第\d+位 /, ''),
  );
}

test('会前准备 from a blank start: import the GBK directory, create a meeting, sign up four, reorder by drag, add two demands, reload', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await press(page.getByRole('button', { name: '从空白开始' }), testInfo);

  // A host leader is needed for a meeting.
  await press(page.getByRole('link', { name: '设置' }), testInfo);
  await press(page.getByRole('tab', { name: /领导/ }), testInfo);
  await press(page.getByRole('button', { name: '添加领导' }), testInfo);
  const dialog = page.getByRole('dialog', { name: '添加领导' });
  await dialog.getByLabel('姓名').fill('王立群');
  await dialog.getByLabel('职务').fill('区委书记');
  await press(dialog.getByRole('button', { name: '保存' }), testInfo);
  await expect(dialog).toBeHidden();

  // Import the directory as Excel on a Chinese Windows writes it: GBK.
  await press(page.getByRole('link', { name: '企业库' }), testInfo);
  await page.getByLabel('选择企业名录文件').setInputFiles(resolve(FIXTURES, 'enterprises-gbk.csv'));
  const preview = page.getByRole('dialog', { name: '导入企业名录' });
  await expect(preview.getByText('编码：GBK')).toBeVisible();
  await expect(preview.getByRole('status')).toContainText('共10行：可导入10行');
  await expect(preview.getByText('临江丰泽钢构有限公司')).toBeVisible();
  await screenshot(page, testInfo, '10-directory-import-preview');
  await press(preview.getByRole('button', { name: '导入选中的10家企业' }), testInfo);
  await expect(page.getByRole('heading', { name: '企业库（10家）' })).toBeVisible();
  await page.getByLabel('搜索企业').fill('fzgt');
  await expect(
    page
      .getByRole('table', { name: '企业列表' })
      .or(page.locator('.directory'))
      .getByText('临江丰泽钢构有限公司'),
  ).toBeVisible();
  await screenshot(page, testInfo, '11-directory');

  // A second import of the same file changes nothing.
  await page.getByLabel('选择企业名录文件').setInputFiles(resolve(FIXTURES, 'enterprises-gbk.csv'));
  await expect(preview.getByRole('status')).toContainText('企业库中已有且无变化10行');
  await expect(preview.getByRole('button', { name: '导入选中的0家企业' })).toBeDisabled();
  await press(preview.getByRole('button', { name: '取消' }), testInfo);

  // An updated directory: 丰泽 has a new contact. Offered as an update, field by field, applied only when ticked.
  await page.getByLabel('选择企业名录文件').setInputFiles({
    name: '企业名录（更新）.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        '企业名称,统一社会信用代码,联系人,职务,联系电话',
        '临江丰泽钢构有限公司,91339901YG58BRK2XB,叶小川,办公室主任,13912345678',
        '临江蓝湾酒店管理有限公司,91339901CBBKW37DX2,褚雅琴,总经理,13715213350',
        '青溪新禾农业科技有限公司,,王新禾,总经理,13600001111',
      ].join('\n'),
    ),
  });
  await expect(preview.getByRole('status')).toHaveText(
    '共3行：可导入1行，企业库中已有、信息有变化可更新1行，企业库中已有且无变化1行，不能导入0行。已选1行。',
  );
  const changes = preview.getByRole('list', { name: '第2行的变更' });
  await expect(changes).toContainText('联系人：叶振邦 → 叶小川');
  await expect(changes).toContainText('联系电话：17102255229 → 13912345678');
  await screenshot(page, testInfo, '10b-directory-import-update');
  await expect(preview.getByRole('checkbox', { name: '更新第2行' })).not.toBeChecked();
  await press(
    preview.getByRole('row').filter({ hasText: '临江丰泽钢构有限公司' }).locator('.el-checkbox'),
    testInfo,
  );
  await expect(preview.getByRole('checkbox', { name: '更新第2行' })).toBeChecked();
  await press(preview.getByRole('button', { name: '导入1家、更新1家企业' }), testInfo);
  await expect(page.getByText('已导入1家企业，已更新1家企业的信息')).toBeVisible();
  await expect(page.getByRole('heading', { name: '企业库（11家）' })).toBeVisible();
  await expect(page.locator('.directory').getByRole('row', { name: /临江丰泽钢构有限公司/ })).toContainText(
    '叶小川',
  );

  // Create the meeting: the title follows the kind and 期次.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await press(page.getByRole('button', { name: '新建会议' }).first(), testInfo);
  await expect(page.getByLabel('会议名称')).toHaveValue('第1次“民营企业接待日”');
  await page.getByLabel('会议主题').fill('企业融资与项目建设');
  await page.getByLabel('会议地点').fill('区工商联三楼会议室');
  await press(page.getByRole('button', { name: '保存' }), testInfo);
  await expect(page.getByText('请至少选择一位接待领导')).toBeVisible();
  await press(page.getByRole('group', { name: '接待领导' }).getByText('王立群'), testInfo);
  await screenshot(page, testInfo, '12-meeting-form');
  await press(page.getByRole('button', { name: '保存' }), testInfo);
  await expect(page.getByRole('heading', { name: '第1次“民营企业接待日”' })).toBeVisible();

  // Sign up four enterprises: by initials, by full pinyin, by 汉字, and one as 书面.
  const search = page.getByRole('combobox', { name: '搜索企业' });
  for (const [query, name] of [
    ['fzgt', '临江丰泽钢构有限公司'],
    ['shunda', '青溪顺达物流有限公司'],
    ['禾香', '临江禾香食品有限公司'],
    ['hxjx', '临江华星机械制造有限公司'],
  ]) {
    await search.fill(query!);
    await press(page.getByRole('option', { name: new RegExp(name!) }), testInfo);
    await expect(page.getByRole('listitem', { name: new RegExp(`第\\d位 ${name}`) })).toBeVisible();
  }
  expect(await speakerOrder(page)).toEqual([
    '临江丰泽钢构有限公司',
    '青溪顺达物流有限公司',
    '临江禾香食品有限公司',
    '临江华星机械制造有限公司',
  ]);

  // Reorder: drag the fourth above the first (finger on the touch project, mouse on the desktop).
  await drag(
    page,
    page.getByRole('img', { name: '拖动临江华星机械制造有限公司调整顺序' }),
    page.getByRole('listitem', { name: /第1位/ }),
    testInfo,
  );
  await expect
    .poll(() => speakerOrder(page))
    .toEqual([
      '临江华星机械制造有限公司',
      '临江丰泽钢构有限公司',
      '青溪顺达物流有限公司',
      '临江禾香食品有限公司',
    ]);
  // And by button: 禾香 one up.
  await press(page.getByRole('button', { name: '上移临江禾香食品有限公司' }), testInfo);
  await expect
    .poll(() => speakerOrder(page))
    .toEqual([
      '临江华星机械制造有限公司',
      '临江丰泽钢构有限公司',
      '临江禾香食品有限公司',
      '青溪顺达物流有限公司',
    ]);

  // Two pre-collected demands.
  for (const [enterprise, text, category] of [
    ['临江丰泽钢构有限公司', '二期厂房建设项目的补贴，按招商协议应该兑现，一直没落实。', '资金补贴'],
    ['青溪顺达物流有限公司', '大货车进出园区要走滨河路，白天限行时间太长，希望缩短限行时间。', '交通运输'],
  ]) {
    await press(page.getByRole('button', { name: '添加会前诉求' }), testInfo);
    const form = page.getByRole('dialog', { name: '添加会前诉求' });
    await press(form.getByRole('combobox', { name: '反映企业' }), testInfo);
    await press(page.getByRole('option', { name: enterprise! }), testInfo);
    await press(
      form.getByRole('radiogroup', { name: '问题类别' }).getByText(category!, { exact: true }),
      testInfo,
    );
    await form.getByLabel('诉求原文（企业原话或书面材料原文）').fill(text!);
    await press(
      form.getByRole('radiogroup', { name: '紧急程度' }).getByText('急', { exact: true }),
      testInfo,
    );
    await press(form.getByRole('button', { name: '保存诉求' }), testInfo);
    await expect(form).toBeHidden();
  }
  await expect(page.getByRole('heading', { name: '会前诉求（2条）' })).toBeVisible();
  await screenshot(page, testInfo, '13-prep');

  await page.reload();
  await expect(page.getByRole('heading', { name: '会前诉求（2条）' })).toBeVisible();
  expect(await speakerOrder(page)).toEqual([
    '临江华星机械制造有限公司',
    '临江丰泽钢构有限公司',
    '临江禾香食品有限公司',
    '青溪顺达物流有限公司',
  ]);
  await expect(page.getByText('大货车进出园区要走滨河路')).toBeVisible();
});

test('the demo: a similar earlier demand is shown, bad rows are explained, a deleted meeting can be restored', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);

  // Bad CSV: each row says what is wrong.
  await press(page.getByRole('link', { name: '企业库' }), testInfo);
  await page.getByLabel('选择企业名录文件').setInputFiles(resolve(FIXTURES, 'enterprises-bad.csv'));
  const preview = page.getByRole('dialog', { name: '导入企业名录' });
  await expect(preview.getByText(/校验位应为“B”/)).toBeVisible();
  await expect(preview.getByText(/请填写企业名称|缺少企业名称|企业名称.*空/).first()).toBeVisible();
  await screenshot(page, testInfo, '14-directory-import-bad');
  await press(preview.getByRole('button', { name: '取消' }), testInfo);

  // Export: the browser build downloads the workbook; read it back.
  const download = page.waitForEvent('download');
  await press(page.getByRole('button', { name: '导出Excel' }), testInfo);
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^企业库-\d{8}\.xlsx$/);
  const { readXlsxRows } = await import('../../shared/directory/xlsx');
  const sheet = await readXlsxRows(new Uint8Array(await readFile((await file.path())!)));
  expect(sheet.rows[0]).toEqual([
    '企业名称',
    '统一社会信用代码',
    '法定代表人',
    '联系人',
    '职务',
    '联系电话',
    '所属行业',
    '所属街道',
  ]);
  expect(sheet.rows).toHaveLength(25);
  expect(sheet.rows.find((r) => r[0] === '临江丰泽钢构有限公司')?.[5]).toBe('17102255229');

  // The upcoming meeting: 恒泰 raised the subsidy at the 14th; saying it again shows the hint.
  await press(page.getByRole('link', { name: '会前准备' }), testInfo);
  await expect(page.getByRole('heading', { name: '青溪区第15次“民营企业接待日”' })).toBeVisible();
  await page.getByRole('combobox', { name: '搜索企业' }).fill('hengtai');
  await press(page.getByRole('option', { name: /临江恒泰住房租赁有限公司/ }), testInfo);
  await press(page.getByRole('button', { name: '添加会前诉求' }), testInfo);
  const form = page.getByRole('dialog', { name: '添加会前诉求' });
  await press(form.getByRole('combobox', { name: '反映企业' }), testInfo);
  await press(page.getByRole('option', { name: '临江恒泰住房租赁有限公司' }), testInfo);
  await press(
    form.getByRole('radiogroup', { name: '问题类别' }).getByText('资金补贴', { exact: true }),
    testInfo,
  );
  await form
    .getByLabel('诉求原文（企业原话或书面材料原文）')
    .fill('试点的财政奖补资金区级配套部分还没有拨付，希望尽快拨付到位。');
  await expect(form.getByRole('note')).toContainText(/该企业曾于\d{4}年\d+月反映类似问题/);
  // Esc (or a click beside the dialog) with words typed asks first; 继续编辑 keeps every word.
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: '有未保存的内容' });
  await expect(ask).toContainText('“添加会前诉求”中有尚未保存的内容');
  await screenshot(page, testInfo, '15a-prep-demand-close-asks');
  await press(ask.getByRole('button', { name: '继续编辑' }), testInfo);
  await expect(ask).toBeHidden();
  await expect(form.getByLabel('诉求原文（企业原话或书面材料原文）')).toHaveValue(
    '试点的财政奖补资金区级配套部分还没有拨付，希望尽快拨付到位。',
  );
  await press(form.getByRole('button', { name: '保存诉求' }), testInfo);
  await expect(form).toBeHidden();
  await expect(page.getByRole('note').filter({ hasText: '第14次' })).toBeVisible();
  await screenshot(page, testInfo, '15-prep-demo');

  // 会前材料 before the meeting, from here: the Word file the export writes, a download in the browser.
  const briefing = page.waitForEvent('download');
  await press(page.getByRole('button', { name: '导出会前材料' }), testInfo);
  const doc = await briefing;
  expect(doc.suggestedFilename()).toBe('青溪区第15次“民营企业接待日”-会前材料.docx');
  await expect(
    page.getByText(/会前材料已保存到“浏览器的下载文件夹”：青溪区第15次“民营企业接待日”-会前材料\.docx/),
  ).toBeVisible();
  await screenshot(page, testInfo, '15b-prep-briefing-saved');
  await doc.saveAs(testInfo.outputPath('会前材料.docx'));
  const { paragraphs, readDocx, tableRows } = await import('./docx-text');
  const word = await readDocx(new Uint8Array(await readFile(testInfo.outputPath('会前材料.docx'))));
  const text = paragraphs(word.document);
  expect(text[0]).toBe('青溪区第15次“民营企业接待日”会前材料');
  expect(tableRows(word.document).at(-1)?.[1]).toBe('临江恒泰住房租赁有限公司');
  expect(text).toContain('1．试点的财政奖补资金区级配套部分还没有拨付，希望尽快拨付到位。（资金补贴，一般）');
  // The speakers' earlier demands: two from the demo's 13th meeting, three weeks back, and one added above (its
  // draft 交办件 waits for signature).
  expect(text.filter((t) => t.startsWith('此前反映：'))).toEqual([
    // …with how they ended: their 交办件's 文号 and state.
    expect.stringMatching(
      new RegExp(`^此前反映：${demoDay(-22)}　技能人才补贴申报（用工；青工商联交〔2026〕\\d+号，已[^）]+）$`),
    ),
    `此前反映：${demoDay(-22)}　屋顶光伏并网验收（用电用能；青工商联交〔2026〕6号，已交办）`,
    expect.stringMatching(
      /^此前反映：\d{4}年\d+月\d+日　尽快拨付住房租赁市场发展试点财政奖补资金（资金补贴；待签批）$/,
    ),
  ]);

  // Delete the finished meeting (it has minutes): asked twice, then restored from the recycle bin.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  await press(page.getByRole('button', { name: '会前准备：青溪区第14次“民营企业接待日”' }), testInfo);
  await press(page.getByRole('button', { name: '删除会议' }), testInfo);
  await press(page.getByRole('button', { name: '删除', exact: true }), testInfo);
  await expect(page.getByText(/已有10条原汁原味记录/)).toBeVisible();
  await press(page.getByRole('button', { name: '确定删除' }), testInfo);
  await expect(page.getByRole('heading', { name: '会议列表' })).toBeVisible();
  await expect(page.getByText('青溪区第14次“民营企业接待日”')).toHaveCount(0);
  await press(page.getByRole('button', { name: /回收站/ }), testInfo);
  await screenshot(page, testInfo, '16-recycle-bin');
  await press(page.getByRole('button', { name: '恢复青溪区第14次“民营企业接待日”' }), testInfo);
  await press(page.getByRole('button', { name: '返回会议列表' }), testInfo);
  await expect(page.locator('.meetings').getByText('青溪区第14次“民营企业接待日”')).toBeVisible();
});
