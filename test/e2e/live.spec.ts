import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { loadDemo, press, screenshot } from './helpers';

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
  await press(page.getByRole('button', { name: '开始会议' }), testInfo);
  await press(page.getByRole('button', { name: '按今天召开，开始会议' }), testInfo);
  await expect(page.getByRole('button', { name: '结束会议' })).toBeVisible();
}

const now = (page: Page) => page.getByRole('region', { name: '正在发言' });
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
});
