// 原汁原味记录 on the live screen: Enter commits, Shift+Enter is a new line, Enter never commits while an IME is
// composing, roles by quick keys and departments by pinyin initials or alias, corrections with their history,
// demands made of an entry or of a selection, and a long meeting that stays a short DOM.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { loadDemo, press, screenshot } from './helpers';
import { seedEntries } from '../bench/live-harness.mjs';

/** The live screen of the demo's 15th meeting, started: the first speaker has the floor. */
async function openLive(page: Page, testInfo: TestInfo): Promise<string> {
  await loadDemo(page, testInfo);
  await press(page.getByRole('link', { name: '会前准备' }), testInfo);
  await press(page.getByRole('button', { name: '进入会中记录' }), testInfo);
  await expect(page.getByRole('heading', { name: '青溪区第15次“民营企业接待日”' })).toBeVisible();
  await press(page.getByRole('button', { name: '开始会议' }), testInfo);
  // Planned 24 days after the pinned clock: started today, as held today.
  await press(page.getByRole('button', { name: '按今天召开，开始会议' }), testInfo);
  await expect(who(page)).toHaveValue('孙立伟');
  await press(composer(page), testInfo);
  await expect(composer(page)).toBeFocused();
  const id = /#\/meetings\/([^/]+)\/live/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return id!;
}

const composer = (page: Page) => page.getByRole('textbox', { name: '记录内容' });
const list = (page: Page) => page.getByRole('list', { name: '会议记录' });
const entries = (page: Page) => list(page).getByRole('listitem');
const entry = (page: Page, text: string | RegExp) => entries(page).filter({ hasText: text });
const who = (page: Page) => page.getByRole('combobox', { name: '发言人' });

test('typing and Enter commit an entry with time, role and speaker; Shift+Enter is a new line', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await expect(who(page)).toHaveValue('孙立伟');
  await page.keyboard.type('旺季缝纫工缺口有一百多人');
  await expect(page.getByText(/草稿已保存 \d\d:\d\d:\d\d/)).toBeVisible();
  await page.keyboard.press('Enter');
  const first = entry(page, '旺季缝纫工缺口有一百多人');
  await expect(first).toBeVisible();
  await expect(first).toHaveAccessibleName(/^\d\d:\d\d:\d\d 企业家 孙立伟$/);
  await expect(composer(page)).toHaveValue('');

  await page.keyboard.type('第一，招工难');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('第二，留不住');
  await expect(composer(page)).toHaveValue('第一，招工难\n第二，留不住');
  await page.keyboard.press('Enter');
  await expect(entry(page, '第二，留不住').locator('.minute__text')).toHaveText('第一，招工难\n第二，留不住');

  // Empty or blank text never commits.
  await page.keyboard.press('Enter');
  await page.keyboard.type('   ');
  await page.keyboard.press('Enter');
  await expect(entries(page)).toHaveCount(2);
  await expect(composer(page)).toHaveValue('   ');

  // The button does the same for a finger.
  await composer(page).fill('希望人社局组织专场招聘会');
  await press(page.getByRole('button', { name: '提交记录' }), testInfo);
  await expect(entry(page, '希望人社局组织专场招聘会')).toBeVisible();
  await expect(entries(page)).toHaveCount(3);
  await screenshot(page, testInfo, '30-minutes');
});

test('Enter while an IME is composing never commits; after the text is committed it does', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'zhaogong', selectionStart: 8, selectionEnd: 8 });
  await page.keyboard.press('Enter'); // the Enter that would pick a candidate
  await cdp.send('Input.imeSetComposition', { text: '招工', selectionStart: 2, selectionEnd: 2 });
  await page.keyboard.press('Enter');
  await expect(entries(page)).toHaveCount(0);
  await cdp.send('Input.insertText', { text: '招工难' });
  await expect(composer(page)).toHaveValue(/招工难/);
  // The flag outlives compositionend by a tick; a moment later Enter is the secretary's again.
  await page.waitForTimeout(50);
  await page.keyboard.press('Enter');
  await expect(entry(page, '招工难')).toBeVisible();
  await expect(entries(page)).toHaveCount(1);
  await expect(composer(page)).toHaveValue('');

  // Composition events dispatched by hand, with isComposing false on the Enter (as some IMEs send it).
  const committedWhileComposing = await composer(page).evaluate((textarea) => {
    const w = textarea.ownerDocument.defaultView!;
    textarea.dispatchEvent(new w.CompositionEvent('compositionstart', { bubbles: true }));
    (textarea as unknown as { value: string }).value = '留不住';
    textarea.dispatchEvent(new w.Event('input', { bubbles: true }));
    textarea.dispatchEvent(new w.CompositionEvent('compositionend', { bubbles: true, data: '留不住' }));
    const enter = new w.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    textarea.dispatchEvent(enter);
    return enter.defaultPrevented;
  });
  expect(committedWhileComposing).toBe(false);
  await page.waitForTimeout(300);
  await expect(entries(page)).toHaveCount(1);
  await expect(composer(page)).toHaveValue('留不住');
  await cdp.detach();
});

test('roles by Alt+1…4; departments by initials or alias, leaders by initials', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  const role = (name: string) => page.getByRole('radio', { name });

  // 部门 by pinyin initials: Alt+2 goes to the who field, “czj” finds 区财政局, Enter back to the text.
  await page.keyboard.press('Alt+2');
  await expect(role('部门')).toHaveAttribute('aria-checked', 'true');
  await expect(who(page)).toBeFocused();
  await page.keyboard.type('czj');
  await expect(page.getByRole('option', { name: /区财政局/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(composer(page)).toBeFocused();
  await expect(who(page)).toHaveValue('区财政局');
  await page.keyboard.type('争取本月底前拨付到位');
  await page.keyboard.press('Enter');
  await expect(entry(page, '争取本月底前拨付到位')).toHaveAccessibleName(/ 部门 区财政局$/);

  // An alias only (招商局 is what people call 区投资促进局), picked with ↓ and Enter.
  await page.keyboard.press('Alt+2');
  await page.keyboard.insertText('招商局');
  await expect(page.getByRole('option', { name: /区投资促进局/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(who(page)).toHaveValue('区投资促进局');

  // 领导 by initials; the meeting's hosting leader is the default.
  await page.keyboard.press('Alt+3');
  await expect(who(page)).toBeFocused();
  await page.keyboard.type('wlq');
  await page.keyboard.press('Enter');
  await page.keyboard.type('请财政局本月底前拨付到位');
  await page.keyboard.press('Enter');
  await expect(entry(page, '请财政局本月底前拨付到位')).toHaveAccessibleName(/ 领导 王立群$/);

  // 主持人, and back to 企业家: the current speaker again, focus stays in the text.
  await page.keyboard.press('Alt+4');
  await expect(composer(page)).toBeFocused();
  await page.keyboard.type('请下一位企业家发言');
  await page.keyboard.press('Enter');
  await expect(entry(page, '请下一位企业家发言')).toHaveAccessibleName(/ 主持人 \S+$/);
  await page.keyboard.press('Alt+1');
  await expect(role('企业家')).toHaveAttribute('aria-checked', 'true');
  await expect(who(page)).toHaveValue('孙立伟');

  // A tap on a chip does the same; the department picked before is kept, shown while the field waits.
  await press(role('部门'), testInfo);
  await expect(role('部门')).toHaveAttribute('aria-checked', 'true');
  await expect(who(page)).toBeFocused();
  await expect(who(page)).toHaveAttribute('placeholder', /^区投资促进局/);
  await page.keyboard.press('Escape');
  await expect(composer(page)).toBeFocused();
  await expect(who(page)).toHaveValue('区投资促进局');
  await screenshot(page, testInfo, '31-minutes-roles');
});

test('an entry is corrected in place and keeps its original wording in the history', async ({
  page,
}, testInfo) => {
  await openLive(page, testInfo);
  await page.keyboard.type('每个月损失几十万');
  await page.keyboard.press('Enter');
  const row = entry(page, '每个月损失几十万');
  await press(row.getByRole('button', { name: '修改' }), testInfo);
  const editor = page.getByRole('textbox', { name: '修改记录内容' });
  await expect(editor).toBeFocused();
  await editor.fill('每个月损失五十多万');
  await page.keyboard.press('Enter');
  const corrected = entry(page, '每个月损失五十多万');
  await expect(corrected).toBeVisible();
  const edited = corrected.getByRole('button', { name: /已修改/ });
  await expect(edited).toBeVisible();
  await press(edited, testInfo);
  await expect(corrected.getByRole('list', { name: '修改记录' })).toContainText('每个月损失几十万');
  await screenshot(page, testInfo, '32-minutes-history');

  // By keyboard: ↑ from the empty composer to the entry, F2 to correct, Esc to cancel.
  await composer(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect(corrected).toBeFocused();
  await page.keyboard.press('F2');
  await expect(editor).toBeFocused();
  await page.keyboard.type('（作废）');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  // Back on the entry; typing there goes to the composer, key and all.
  await expect(corrected).toBeFocused();
  await page.keyboard.type('ok');
  await expect(composer(page)).toBeFocused();
  await expect(composer(page)).toHaveValue('ok');

  // The correction and its history are in the database.
  await page.reload();
  await expect(entry(page, '每个月损失五十多万').getByRole('button', { name: /已修改/ })).toBeVisible();
  await expect(entry(page, '（作废）')).toHaveCount(0);
});

test('an entry, or the words selected in it, becomes a demand', async ({ page }, testInfo) => {
  await openLive(page, testInfo);
  await page.keyboard.type('今天想说两件事。旺季缝纫工缺口有一百多人，希望组织专场招聘会。');
  await page.keyboard.press('Enter');
  const row = entry(page, '旺季缝纫工缺口');
  // Select part of the words, then the button.
  await row.locator('.minute__text').evaluate((el) => {
    const text = el.firstChild!;
    const start = text.textContent!.indexOf('旺季');
    const range = el.ownerDocument.createRange();
    range.setStart(text, start);
    range.setEnd(text, text.textContent!.indexOf('。', start) + 1);
    const selection = el.ownerDocument.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await press(row.getByRole('button', { name: '转为诉求' }), testInfo);
  const demands = page.getByRole('complementary', { name: '诉求' });
  await expect(
    demands.getByText('旺季缝纫工缺口有一百多人，希望组织专场招聘会。', { exact: true }),
  ).toBeVisible();
  await expect(demands.getByText('今天想说两件事', { exact: false })).toHaveCount(0);

  // By keyboard: the focused entry, Alt+D, the whole entry.
  await page.keyboard.type('园区道路晚上没有路灯');
  await page.keyboard.press('Enter');
  // ArrowUp leaves an unsaved composer alone: wait until the entry is durable and the composer empty.
  await expect(entry(page, '园区道路晚上没有路灯')).toBeVisible();
  await expect(composer(page)).toHaveValue('');
  await composer(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect(entry(page, '园区道路晚上没有路灯')).toBeFocused();
  await page.keyboard.press('Alt+d');
  await expect(demands.getByText('园区道路晚上没有路灯', { exact: true })).toBeVisible();
  await screenshot(page, testInfo, '33-minutes-demand');
});

test('a meeting of 2,000 entries keeps a short DOM, follows the newest entry, and stays put when scrolled up', async ({
  page,
}, testInfo) => {
  const meetingId = await openLive(page, testInfo);
  await seedEntries(
    page,
    meetingId,
    2000,
    (i) => `第${i + 1}条：${'园区的道路晚上没有路灯，工人下夜班很不安全。'.repeat(1 + (i % 4))}`,
  );
  await page.reload();
  await expect(page.getByText('共 2000 条')).toBeVisible();
  await expect(entry(page, /^.*第2000条/)).toBeVisible();
  expect(await entries(page).count()).toBeLessThan(60);
  await expect(entries(page).first()).toHaveAttribute('aria-setsize', '2000');

  // Following the newest entry.
  await composer(page).focus();
  await page.keyboard.type('第2001条，新的一条');
  await page.keyboard.press('Enter');
  await expect(entry(page, '第2001条，新的一条')).toBeInViewport();

  // Scrolled up to read: a new entry does not pull the list down; a button offers the way back.
  const scroller = list(page);
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect(entry(page, /第1条：/)).toBeInViewport();
  await composer(page).focus();
  await page.keyboard.type('第2002条');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '有 1 条新记录，回到最新' })).toBeVisible();
  await expect(entry(page, /第1条：/)).toBeInViewport();
  expect(await entries(page).count()).toBeLessThan(60);
  await screenshot(page, testInfo, '34-minutes-2000-scrolled');
  await press(page.getByRole('button', { name: '有 1 条新记录，回到最新' }), testInfo);
  await expect(entry(page, '第2002条')).toBeInViewport();
  // Home jumps to the first entry by keyboard, across the unrendered middle.
  await entry(page, '第2002条').focus();
  await page.keyboard.press('Home');
  await expect(entry(page, /第1条：/)).toBeFocused();
});
