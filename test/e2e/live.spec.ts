import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { demoDay, loadDemo, meetingIdByEdition, press, screenshot } from './helpers';

/** Open the live screen of the demo's upcoming meeting (the 15th, four speakers signed up). */
async function openLive(page: Page, testInfo: TestInfo) {
  await loadDemo(page, testInfo);
  await press(page.getByRole('link', { name: '会前准备' }), testInfo);
  await press(page.getByRole('button', { name: '进入会中记录' }), testInfo);
  await expect(page.getByRole('heading', { name: '青溪区第15次“民营企业接待日”' })).toBeVisible();
}

/**
 * 开始会议 on the demo's 15th meeting, planned 24 days after the pinned clock: the secretary is asked about the
 * date and starts it as held today.
 */
async function start(page: Page, testInfo: TestInfo) {
  await press(page.getByRole('button', { name: '开始会议', exact: true }), testInfo);
  await press(page.getByRole('button', { name: '按今天召开，开始会议' }), testInfo);
  await expect(page.getByRole('button', { name: '结束会议' })).toBeVisible();
}

const now = (page: Page) => page.getByRole('region', { name: '正在发言' });
/** The same panel once the meeting is over. */
const status = (page: Page) => page.getByRole('region', { name: '会议状态' });
const waitingNames = (page: Page) =>
  page
    .getByRole('list', { name: '等候发言' })
    .locator(':scope > li')
    .evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? '').replace(/^第\d+位 /, '')));

test('a session driven by the keyboard: next, previous, pause, reply, walk-in, absent, end', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await expect(page.getByText('会议尚未开始。')).toBeVisible();
  await start(page, testInfo);
  await expect(now(page).getByText('临江锦程纺织有限公司')).toBeVisible();
  await expect(page.getByRole('timer')).toHaveAccessibleName(/剩余0[78]:\d\d/);
  expect(await waitingNames(page)).toEqual([
    '青溪芯联电子有限公司',
    '临江光合新能源科技有限公司',
    '青溪老街餐饮管理有限公司',
  ]);

  await page.keyboard.press('PageDown');
  await expect(now(page).getByText('青溪芯联电子有限公司')).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(now(page).getByText('临江锦程纺织有限公司')).toBeVisible();
  expect((await waitingNames(page))[0]).toBe('青溪芯联电子有限公司');

  await page.keyboard.press('Alt+p');
  await expect(now(page).getByText('已暂停')).toBeVisible();
  await page.keyboard.press('Alt+p');
  await expect(now(page).getByText('已暂停')).toHaveCount(0);

  // A department answers ahead of the queue; the speaker keeps the floor.
  await page.keyboard.press('Alt+r');
  await page
    .getByRole('dialog', { name: '插入答复' })
    .getByRole('button', { name: '区人力资源和社会保障局答复' })
    .click();
  await expect(now(page).getByText('部门答复：区人力资源和社会保障局')).toBeVisible();
  await expect(now(page).getByText('计时暂停（答复中）')).toBeVisible();
  await page.keyboard.press('Alt+r');
  await expect(now(page).getByText('部门答复')).toHaveCount(0);
  await expect(now(page).getByText('临江锦程纺织有限公司')).toBeVisible();

  // A walk-in in two keystrokes after the name: Alt+W, type, Enter.
  await page.keyboard.press('Alt+w');
  await page.keyboard.type('fzgg');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => waitingNames(page))
    .toEqual([
      '青溪芯联电子有限公司',
      '临江光合新能源科技有限公司',
      '青溪老街餐饮管理有限公司',
      '临江丰泽钢构有限公司',
    ]);
  await expect(page.getByRole('listitem', { name: /临江丰泽钢构有限公司/ }).getByText('现场')).toBeVisible();

  // Reorder by keys: the walk-in moves up one.
  await page.getByRole('listitem', { name: /临江丰泽钢构有限公司/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(async () => (await waitingNames(page))[2]).toBe('临江丰泽钢构有限公司');

  await page.keyboard.press('PageDown');
  await page.keyboard.press('Alt+a');
  await expect(now(page).getByText('临江光合新能源科技有限公司')).toBeVisible();
  await expect(page.getByRole('list', { name: '缺席' }).getByText('青溪芯联电子有限公司')).toBeVisible();
  await screenshot(page, testInfo, '20-live-1366');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, testInfo, '21-live-1920');

  // While live, the meetings list leads back to the live screen.
  await page.getByRole('link', { name: '会议列表' }).click();
  await page.getByRole('button', { name: '会中记录：青溪区第15次“民营企业接待日”' }).click();
  await expect(now(page).getByText('临江光合新能源科技有限公司')).toBeVisible();

  await page.getByRole('button', { name: '结束会议' }).click();
  await page.getByRole('button', { name: '结束会议' }).last().click();
  await expect(page.getByText('会议已结束', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText('会议已结束', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('list', { name: '已发言' }).getByText('临江光合新能源科技有限公司'),
  ).toBeVisible();
});

test('a session driven by taps (touch on the touch project): call out of turn, reorder, reply, next', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await start(page, testInfo);
  await expect(now(page).getByText('临江锦程纺织有限公司')).toBeVisible();
  // Tap a name to give them the floor out of turn.
  await press(page.getByRole('button', { name: '请青溪老街餐饮管理有限公司发言' }), testInfo);
  await expect(now(page).getByText('青溪老街餐饮管理有限公司')).toBeVisible();
  await press(page.getByRole('button', { name: '下移青溪芯联电子有限公司' }), testInfo);
  await expect.poll(() => waitingNames(page)).toEqual(['临江光合新能源科技有限公司', '青溪芯联电子有限公司']);
  await press(page.getByRole('button', { name: /插入答复/ }), testInfo);
  await press(page.getByRole('button', { name: '陈思远讲话' }), testInfo);
  await expect(now(page).getByText('领导讲话：陈思远')).toBeVisible();
  await press(page.getByRole('button', { name: /答复结束/ }), testInfo);
  await press(page.getByRole('button', { name: /下一位/ }), testInfo);
  await expect(now(page).getByText('临江光合新能源科技有限公司')).toBeVisible();
  await screenshot(page, testInfo, '22-live-touch');
});

test('demands: words become a demand, the answer is linked, and a draft assignment is made', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await start(page, testInfo);
  const composer = page.getByRole('textbox', { name: '记录内容' });
  await composer.fill('每年三四月旺季，缝纫工缺口有一百多人，希望人社局组织专场招聘会。');
  await composer.press('Enter');
  const said = page.getByRole('listitem', { name: /企业家 孙立伟/ });
  await expect(said).toBeVisible();

  // The pre-collected demand is confirmed as raised.
  await press(page.getByRole('button', { name: /确认已提出：旺季缝纫工招工难/ }), testInfo);
  await expect(page.getByRole('article', { name: /诉求：旺季缝纫工招工难/ })).toBeVisible();

  // The words become a new demand of the speaker.
  await press(said.getByRole('button', { name: '转为诉求' }), testInfo);
  const card = page.getByRole('article', { name: /诉求：每年三四月旺季/ });
  await expect(card).toBeVisible();
  await press(card.getByRole('radio', { name: '用工' }), testInfo);
  await press(card.getByRole('radio', { name: '急' }), testInfo);
  await expect(card.getByRole('radio', { name: '用工' })).toHaveAttribute('aria-checked', 'true');

  // The department answers on the spot.
  await press(page.getByRole('radio', { name: '部门' }), testInfo);
  const who = page.getByRole('combobox', { name: '发言人' });
  await who.fill('人社');
  await press(page.getByRole('option', { name: /区人力资源和社会保障局/ }), testInfo);
  await composer.fill('我们下个月和经信局一起在园区办专场招聘会。');
  await composer.press('Enter');
  await expect(page.getByRole('listitem', { name: /部门 区人力资源和社会保障局/ })).toBeVisible();

  await card.getByRole('combobox', { name: /^现场答复/ }).selectOption({ index: 1 });
  await press(card.getByRole('button', { name: /^需交办/ }), testInfo);
  await press(card.getByRole('button', { name: /^生成交办件草稿/ }), testInfo);
  await expect(page.getByText('已生成交办件草稿，建议牵头单位：区人力资源和社会保障局')).toBeVisible();
  await expect(card.getByRole('button', { name: /生成交办件草稿/ })).toBeDisabled();
  await screenshot(page, testInfo, '23-live-demands');

  // The one-line summary, then a chip tapped straight away (no Tab): the summary stays, and is saved.
  // The pre-collected demand has the same words: this card's summary field is the second.
  const summary = page.getByRole('textbox', { name: /^摘要：每年三四月旺季/ }).last();
  await summary.fill('旺季缝纫工缺口百余人');
  const named = page.getByRole('article', { name: '诉求：旺季缝纫工缺口百余人' });
  await press(named.getByRole('radio', { name: '重' }), testInfo);
  await expect(named.getByRole('radio', { name: '重' })).toHaveAttribute('aria-checked', 'true');
  await expect(summary).toHaveValue('旺季缝纫工缺口百余人');
  await summary.fill('旺季缝纫工缺口一百多人');
  await press(
    page.getByRole('article', { name: /诉求：旺季缝纫工缺口一百多人/ }).getByRole('radio', { name: '招商' }),
    testInfo,
  );
  await expect(summary).toHaveValue('旺季缝纫工缺口一百多人');
  await page.reload();
  const saved = page.getByRole('article', { name: '诉求：旺季缝纫工缺口一百多人' });
  await expect(saved.getByRole('textbox')).toHaveValue('旺季缝纫工缺口一百多人');
  await expect(saved.getByRole('radio', { name: '招商' })).toHaveAttribute('aria-checked', 'true');
  await expect(saved.getByRole('radio', { name: '重' })).toHaveAttribute('aria-checked', 'true');
});

test('a reply is recorded under who has the floor, and 修改 corrects who said an entry', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await start(page, testInfo);
  const composer = page.getByRole('textbox', { name: '记录内容' });
  const who = page.getByRole('combobox', { name: '发言人', exact: true });
  const role = (name: string) =>
    page.getByRole('radiogroup', { name: '发言身份', exact: true }).getByRole('radio', { name });
  const entry = (text: string) =>
    page.getByRole('list', { name: '会议记录' }).getByRole('listitem').filter({ hasText: text });
  await expect(who).toHaveValue('孙立伟');

  // 插入答复 → 区人社局: role and speaker are the department's for the whole reply.
  await press(page.getByRole('button', { name: /插入答复/ }), testInfo);
  await press(
    page
      .getByRole('dialog', { name: '插入答复' })
      .getByRole('button', { name: '区人力资源和社会保障局答复' }),
    testInfo,
  );
  await expect(role('部门')).toHaveAttribute('aria-checked', 'true');
  await expect(who).toHaveValue('区人力资源和社会保障局');
  await composer.fill('人社局这边下个月在园区办专场招聘会。');
  await composer.press('Enter');
  await expect(entry('人社局这边')).toHaveAccessibleName(/ 部门 区人力资源和社会保障局$/);
  await composer.fill('缝纫工培训补贴也可以申请。');
  await composer.press('Enter');
  await expect(entry('培训补贴')).toHaveAccessibleName(/ 部门 区人力资源和社会保障局$/);
  await screenshot(page, testInfo, '24-live-reply');

  // The reply ends: the speaker's again.
  await press(page.getByRole('button', { name: /答复结束/ }), testInfo);
  await expect(role('企业家')).toHaveAttribute('aria-checked', 'true');
  await expect(who).toHaveValue('孙立伟');

  // A leader's word outside a reply: the next entry is the entrepreneur's again.
  await press(role('领导'), testInfo);
  await expect(who).toBeFocused();
  await page.keyboard.press('Escape');
  await composer.fill('请人社局把招聘会放在三月前。');
  await composer.press('Enter');
  await expect(entry('三月前')).toHaveAccessibleName(/ 领导 陈思远$/);
  await expect(role('企业家')).toHaveAttribute('aria-checked', 'true');
  await expect(who).toHaveValue('孙立伟');

  // Taken down under the wrong speaker: 修改 puts role and speaker right, the original kept in the history.
  await composer.fill('财政局这边奖补资金月底前拨付。');
  await composer.press('Enter');
  const wrong = entry('奖补资金');
  await expect(wrong).toHaveAccessibleName(/ 企业家 孙立伟$/);
  await press(wrong.getByRole('button', { name: '修改' }), testInfo);
  await press(
    page.getByRole('radiogroup', { name: '修改发言身份' }).getByRole('radio', { name: '部门' }),
    testInfo,
  );
  const editWho = page.getByRole('combobox', { name: '修改发言人' });
  await expect(editWho).toBeFocused();
  await editWho.fill('czj');
  await press(page.getByRole('option', { name: /区财政局/ }), testInfo);
  await expect(editWho).toHaveValue('区财政局');
  await screenshot(page, testInfo, '24-live-editing-speaker');
  await press(page.getByRole('button', { name: '保存修改' }), testInfo);
  await expect(wrong).toHaveAccessibleName(/ 部门 区财政局$/);
  await press(wrong.getByRole('button', { name: /已修改/ }), testInfo);
  await expect(wrong.getByRole('list', { name: '修改记录' })).toContainText('记为 企业家 孙立伟');
  await screenshot(page, testInfo, '24-live-corrected-speaker');
  await page.reload();
  await expect(entry('奖补资金')).toHaveAccessibleName(/ 部门 区财政局$/);
  await expect(entry('人社局这边')).toHaveAccessibleName(/ 部门 区人力资源和社会保障局$/);
});

test('a meeting started on another day than planned asks first, and records the day it was held', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await press(page.getByRole('button', { name: '开始会议' }), testInfo);
  const ask = page.getByRole('dialog').filter({ hasText: '会议日期与计划不同' });
  await expect(ask).toContainText(`这次会议计划于${demoDay(24)}召开，今天是11月22日（提前召开）`);
  await screenshot(page, testInfo, '25-live-held-date-question');
  await press(ask.getByRole('button', { name: '取消' }), testInfo);
  await expect(page.getByText('会议尚未开始。')).toBeVisible();
  await expect(page.getByRole('button', { name: '开始会议', exact: true })).toBeVisible();

  await start(page, testInfo);
  await expect(page.getByText('原定12月16日，11月22日召开')).toBeVisible();
  const id = await meetingIdByEdition(page, 15);
  const stored = await page.evaluate(
    (meetingId) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meetings').objectStore('meetings').get(meetingId);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as Record<string, unknown>);
          };
        };
      }),
    id,
  );
  expect(stored).toMatchObject({ status: 'live', date: '2026-11-22', plannedDate: '2026-12-16' });
});

test('结束会议 shows the demands without an outcome; afterwards the panel says it ended and leads to 签批', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await start(page, testInfo);
  await press(page.getByRole('button', { name: '结束会议' }), testInfo);
  const ask = page.getByRole('dialog', { name: '结束会议' });
  const pending = ask.getByRole('list', { name: '没有结果的诉求' }).getByRole('listitem');
  await expect(pending).toHaveCount(2);
  await expect(pending.first()).toContainText('未确认');
  await expect(pending.first()).toContainText('临江锦程纺织有限公司');
  await expect(pending.first()).toContainText('旺季缝纫工招工难');
  await expect(pending.first()).toContainText('会前收集的诉求，会上没有确认是否提出');
  await screenshot(page, testInfo, '26-live-end-pending');
  await press(ask.getByRole('button', { name: '返回处理' }), testInfo);
  await expect(ask).toBeHidden();
  await expect(now(page).getByText('临江锦程纺织有限公司')).toBeVisible();

  // Confirmed as raised, it still has no decision.
  await press(page.getByRole('button', { name: /确认已提出：旺季缝纫工招工难/ }), testInfo);
  await press(page.getByRole('button', { name: '结束会议' }), testInfo);
  await expect(pending.first()).toContainText('未定');
  await expect(pending.first()).toContainText('还没有定为现场解决或需交办');
  await press(ask.getByRole('button', { name: '仍然结束会议' }), testInfo);

  await expect(status(page).getByText('会议已结束')).toBeVisible();
  await expect(page.getByText('会议尚未开始。')).toHaveCount(0);
  await expect(status(page)).toContainText('未定结果的诉求 2 条');
  await expect(status(page).getByRole('button', { name: '无交办事项' })).toHaveCount(0);
  await screenshot(page, testInfo, '27-live-ended');
  await press(status(page).getByRole('button', { name: '去签批' }), testInfo);
  await expect(page).toHaveURL(/#\/meetings\/[^/]+\/assignments$/);
});

test('无交办事项: all settled on the spot, the meeting is closed and its handoff countdown stops', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await start(page, testInfo);
  // Each pre-collected demand raised and settled on the spot.
  for (const [summary, speaker] of [
    ['旺季缝纫工招工难', '临江锦程纺织有限公司'],
    ['研发费用加计扣除政策辅导', '青溪芯联电子有限公司'],
  ]) {
    await expect(now(page).getByText(speaker!)).toBeVisible();
    await press(page.getByRole('button', { name: `确认已提出：${summary}` }), testInfo);
    await press(page.getByRole('button', { name: `现场解决：${summary}` }), testInfo);
    await expect(page.getByRole('button', { name: `现场解决：${summary}` })).toHaveClass(
      /el-button--success/,
    );
    await press(page.getByRole('button', { name: /下一位/ }), testInfo);
  }
  await press(page.getByRole('button', { name: '结束会议' }), testInfo);
  const ask = page.getByRole('dialog', { name: '结束会议' });
  await expect(ask).toContainText('所有诉求都已有结果');
  await press(ask.getByRole('button', { name: '结束会议' }), testInfo);
  await expect(status(page)).toContainText('本次会议没有诉求需要交办');

  // Until then the meetings list counts down the two days.
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  const row = page.getByRole('row').filter({ hasText: '青溪区第15次' });
  await expect(row).toContainText('还剩2天');
  await page.goBack();
  await press(status(page).getByRole('button', { name: '无交办事项' }), testInfo);
  await press(page.getByRole('button', { name: '确认无交办事项' }), testInfo);
  await expect(status(page)).toContainText('本次会议无交办事项，已办结。');
  await screenshot(page, testInfo, '28-live-no-assignments');
  await press(page.getByRole('link', { name: '会议列表' }), testInfo);
  // Closed with nothing to hand over: the list says so, and counts down no more.
  await expect(row).toContainText('无交办事项');
  await expect(row).not.toContainText('还剩');
});
