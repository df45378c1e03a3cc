// 会中记录, the queue under pressure: a double click on 下一位, a skipped speaker brought back, removing someone
// who has spoken, a pause that cannot be missed, and what a laptop (1366×768) and the touch all-in-one
// (1920×1080) show at once.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { loadDemo, press, screenshot } from './helpers';

/** The live screen of the demo's 15th meeting, started (as held today): 临江锦程纺织有限公司 has the floor. */
async function startLive(page: Page, testInfo: TestInfo) {
  await loadDemo(page, testInfo);
  await press(page.getByRole('link', { name: '会前准备' }), testInfo);
  await press(page.getByRole('button', { name: '进入会中记录' }), testInfo);
  await press(page.getByRole('button', { name: '开始会议' }), testInfo);
  await press(page.getByRole('button', { name: '按今天召开，开始会议' }), testInfo);
  await expect(now(page).getByText('临江锦程纺织有限公司')).toBeVisible();
}

const now = (page: Page) => page.getByRole('region', { name: '正在发言' });
const composer = (page: Page) => page.getByRole('textbox', { name: '记录内容' });
const records = (page: Page) => page.getByRole('list', { name: '会议记录' }).getByRole('listitem');
const waitingNames = (page: Page) =>
  page
    .getByRole('list', { name: '等候发言' })
    .locator(':scope > li')
    .evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? '').replace(/^第\d+位 /, '')));
const finished = (page: Page) => page.getByRole('list', { name: '已发言' });

async function commit(page: Page, text: string) {
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(records(page).filter({ hasText: text })).toHaveCount(1);
}

test('a double 下一位 moves the floor once; 上一位 brings a skipped speaker back whole', async ({
  page,
}, testInfo) => {
  await startLive(page, testInfo);
  const next = page.getByRole('button', { name: /下一位/ });
  // Two presses in quick succession, as a double click or a bouncing clicker.
  if (testInfo.project.use.hasTouch) {
    await next.tap();
    await next.tap();
  } else await next.dblclick();
  await expect(now(page).getByText('青溪芯联电子有限公司')).toBeVisible();
  await page.waitForTimeout(700);
  expect(await waitingNames(page)).toEqual(['临江光合新能源科技有限公司', '青溪老街餐饮管理有限公司']);
  await expect(finished(page).getByRole('listitem')).toHaveCount(1);

  // Held PageDown repeats: still one move.
  await page.keyboard.down('PageDown');
  await page.keyboard.down('PageDown');
  await page.keyboard.down('PageDown');
  await page.keyboard.up('PageDown');
  await expect(now(page).getByText('临江光合新能源科技有限公司')).toBeVisible();
  await page.waitForTimeout(700);
  await expect(now(page).getByText('临江光合新能源科技有限公司')).toBeVisible();
  await expect(finished(page)).toContainText('青溪芯联电子有限公司');

  // The skipped speaker is back on the floor, no longer listed as done; the one called by mistake waits first.
  await press(page.getByRole('button', { name: /上一位/ }), testInfo);
  await expect(now(page).getByText('青溪芯联电子有限公司')).toBeVisible();
  await expect(finished(page)).not.toContainText('青溪芯联电子有限公司');
  expect(await waitingNames(page)).toEqual(['临江光合新能源科技有限公司', '青溪老街餐饮管理有限公司']);
  await expect(page.getByRole('timer')).toHaveAccessibleName(/^发言计时：剩余0[78]:\d\d$/);
});

test('removing a speaker who has spoken says so and keeps their words in the record', async ({
  page,
}, testInfo) => {
  await startLive(page, testInfo);
  await commit(page, '每年三四月旺季，缝纫工缺口有一百多人。');
  await press(page.getByRole('button', { name: /下一位/ }), testInfo);
  await expect(now(page).getByText('青溪芯联电子有限公司')).toBeVisible();

  await press(page.getByRole('button', { name: '移除临江锦程纺织有限公司' }), testInfo);
  const ask = page.getByRole('dialog').filter({ hasText: '移除已发言的发言人' });
  await expect(ask).toContainText('“临江锦程纺织有限公司”已经发言');
  await expect(ask).toContainText('会议记录中有1条孙立伟的发言');
  await expect(ask).toContainText('已记下的话仍按原来的时间顺序留在会议记录和会议纪要中，不会删除');
  await screenshot(page, testInfo, '40-live-remove-spoken');
  await press(ask.getByRole('button', { name: '移除，保留发言记录' }), testInfo);
  await expect(finished(page)).toHaveCount(0);
  await expect(records(page).filter({ hasText: '缝纫工缺口有一百多人' })).toHaveAccessibleName(
    /企业家 孙立伟$/,
  );

  // Someone who has not spoken: the plain question.
  await press(page.getByRole('button', { name: '移除青溪老街餐饮管理有限公司' }), testInfo);
  const plain = page
    .getByRole('dialog')
    .filter({ hasText: '把“青溪老街餐饮管理有限公司”从发言名单中移除吗？' });
  await press(plain.getByRole('button', { name: '移除', exact: true }), testInfo);
  await expect.poll(() => waitingNames(page)).toEqual(['临江光合新能源科技有限公司']);
  await page.reload();
  await expect.poll(() => waitingNames(page)).toEqual(['临江光合新能源科技有限公司']);
  await expect(records(page).filter({ hasText: '缝纫工缺口有一百多人' })).toHaveCount(1);
});

test('a paused timer cannot be taken for a running one', async ({ page }, testInfo) => {
  await startLive(page, testInfo);
  const timer = page.getByRole('timer');
  const look = () =>
    timer.evaluate((el) => {
      const s = getComputedStyle(el);
      return { image: s.backgroundImage, border: s.borderTopStyle, color: s.color };
    });
  const running = await look();
  expect(running.image).toBe('none');
  await expect(timer.getByText('已暂停')).toHaveCount(0);

  await press(page.getByRole('button', { name: /暂停计时/ }), testInfo);
  await expect(timer).toHaveAccessibleName(/^发言计时：已暂停，剩余0[78]:\d\d$/);
  const badge = timer.getByText('已暂停');
  await expect(badge).toBeVisible();
  expect(await badge.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
  const paused = await look();
  expect(paused.image).toContain('repeating-linear-gradient');
  expect(paused.border).toBe('dashed');
  expect(paused.color).not.toBe(running.color);
  await expect(page.getByRole('button', { name: /继续计时/ })).toHaveClass(/el-button--warning/);
  // The time stands still while paused.
  const shown = await timer.getAttribute('aria-label');
  await page.waitForTimeout(1500);
  await expect(timer).toHaveAttribute('aria-label', shown!);
  await screenshot(page, testInfo, '41-live-paused');

  await press(page.getByRole('button', { name: /继续计时/ }), testInfo);
  await expect(badge).toHaveCount(0);
  expect((await look()).image).toBe('none');
});

test('the record shows at least six entries, and names fit on one or two lines', async ({
  page,
}, testInfo) => {
  await startLive(page, testInfo);
  const said = [
    '每年三四月旺季，缝纫工缺口有一百多人，希望人社局组织专场招聘会。',
    '去年新招的工人，半年就走了一半，主要是住宿解决不了。',
    '园区有没有可能建一批蓝领公寓，我们企业愿意出一部分钱。',
    '另外印染车间的环评手续拖了三个月，想请环保部门帮着看一下。',
    '电费这块，峰谷电价调整以后我们每个月多出四万多。',
    '就这些，谢谢领导。',
  ];
  for (const text of said) await commit(page, text);
  for (const text of said) await expect(records(page).filter({ hasText: text })).toBeInViewport({ ratio: 1 });

  // A long walk-in name beside the others.
  await page.keyboard.press('Alt+w');
  await page.keyboard.type('fzgg');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await waitingNames(page)).length).toBe(4);
  const lines = await page
    .getByRole('list', { name: '等候发言' })
    .locator('.name')
    .evaluateAll((els) =>
      els.map((el) => {
        const s = getComputedStyle(el);
        return Math.round(el.getBoundingClientRect().height / parseFloat(s.lineHeight));
      }),
    );
  expect(lines.length).toBe(4);
  for (const n of lines) expect(n).toBeLessThanOrEqual(2);
  // The demands column has room for its chips.
  const demands = await page.getByRole('complementary', { name: '诉求' }).boundingBox();
  expect(demands!.width).toBeGreaterThanOrEqual(280);
  await screenshot(page, testInfo, '42-live-six-entries');
});
