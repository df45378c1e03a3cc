// 签批模式 end to end: the leader changes a department with one tap, handwrites the instruction,
// signs with a finger (touch project) or mouse (desktop), the item locks and gets its number;
// signing once and confirming item by item; a half-written signature survives a reload. loadDemo pins the
// page's clock at DEMO_NOW, so the dates below (the meeting's handoff 11月23日, due dates) hold on any day.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { docNo, loadDemo, meetingIdByEdition, press, screenshot, SIGNATURE, writeOn } from './helpers';

const HANDWRITING: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [
  [
    [0.1, 0.3],
    [0.25, 0.3],
  ],
  [
    [0.18, 0.15],
    [0.18, 0.6],
  ],
  [
    [0.35, 0.4],
    [0.5, 0.5],
    [0.6, 0.35],
  ],
];

/** The rail says which item is on screen and how many are signed. */
async function expectProgress(page: Page, item: number, signed: number) {
  const progress = page.getByRole('navigation', { name: '交办件列表' }).locator('.rail__progress');
  await expect(progress).toHaveText(`第 ${item} / 5 件已签批 ${signed} 件`);
}

async function openSignMode(page: Page, testInfo: TestInfo) {
  await loadDemo(page, testInfo);
  const id = await meetingIdByEdition(page, 14);
  await page.goto(`/#/meetings/${id}/sign`);
  await expect(page.getByRole('heading', { name: '签批模式' })).toBeVisible();
  await expectProgress(page, 1, 0);
  return id;
}

test('the leader changes a department, handwrites the instruction and signs; the item locks with its number', async ({
  page,
}, testInfo) => {
  await openSignMode(page, testInfo);
  // 办理时限 is in view without scrolling, at 1366×768 and at 1920×1080.
  const limitBox = (await page.getByRole('radiogroup', { name: '办理时限' }).boundingBox())!;
  expect(limitBox.y + limitBox.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  // Large type and targets for a finger.
  const leadChips = page.getByRole('radiogroup', { name: '牵头单位' });
  const chip = leadChips.getByRole('radio', { name: '区住房和城乡建设局' });
  expect((await chip.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  const summary = page.locator('.demand__summary').first();
  expect(parseFloat(await summary.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(
    20,
  );

  await press(page.getByRole('button', { name: '查看原话' }), testInfo);
  await expect(page.getByRole('blockquote').first()).toBeVisible();
  await screenshot(page, testInfo, 'sign-mode');

  await press(chip, testInfo);
  await expect(chip).toHaveAttribute('aria-checked', 'true');
  // The former lead is now offered as a co-department, not chosen twice.
  await expect(
    page.getByRole('group', { name: '配合单位' }).getByRole('checkbox', { name: '区住房和城乡建设局' }),
  ).toHaveCount(0);

  // The department sheet finds any department by pinyin initials.
  await press(page.getByRole('button', { name: '更多单位…' }).nth(1), testInfo);
  const sheet = page.getByRole('dialog', { name: '选择配合单位' });
  await sheet.getByRole('searchbox', { name: '搜索单位' }).fill('swj');
  await press(sheet.getByRole('checkbox', { name: '区税务局' }), testInfo);
  await press(sheet.getByRole('button', { name: '完成' }), testInfo);
  await expect(
    page.getByRole('group', { name: '配合单位' }).getByRole('checkbox', { name: '区税务局' }),
  ).toHaveAttribute('aria-checked', 'true');

  await press(page.getByRole('tab', { name: '手写批示' }), testInfo);
  const instructionPad = page.getByRole('img', { name: '批示区' });
  await writeOn(page, instructionPad, testInfo, HANDWRITING);
  await expect(page.getByText('批示区：已书写3笔')).toBeAttached();

  const signaturePad = page.getByRole('img', { name: '签名区' });
  await writeOn(page, signaturePad, testInfo, SIGNATURE);
  await expect(page.getByText('签名区：已书写2笔')).toBeAttached();
  await screenshot(page, testInfo, 'sign-mode-written');
  await press(page.getByRole('button', { name: '签批', exact: true }), testInfo);

  const stamp = page.getByLabel('签批结果');
  await expect(stamp.getByText(docNo(1), { exact: true })).toBeVisible();
  await expect(stamp.getByRole('img', { name: '领导签名' })).toBeVisible();
  await expect(page.getByRole('img', { name: '手写批示' })).toBeVisible();
  await expect(chip).toBeDisabled();
  await expectProgress(page, 1, 1);
  await screenshot(page, testInfo, 'sign-mode-signed');

  // Locked for good: after a reload the number, the lock and a clean verification are still there.
  await page.reload();
  await expectProgress(page, 2, 1);
  await press(page.getByRole('navigation', { name: '交办件列表' }).getByRole('button').first(), testInfo);
  await expect(page.getByLabel('签批结果').getByText(docNo(1))).toBeVisible();
  await expect(
    page.getByRole('radiogroup', { name: '牵头单位' }).getByRole('radio', { name: '区住房和城乡建设局' }),
  ).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Someone edits the signed assignment behind the app's back: it shows, loudly, everywhere.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('assignments', 'readwrite');
          const store = tx.objectStore('assignments');
          const all = store.getAll();
          all.onsuccess = () => {
            const signed = (all.result as Array<{ status: string; dueAt: string }>).find(
              (a) => a.status === 'signed',
            )!;
            store.put({ ...signed, dueAt: '2027-06-30' });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  await press(page.getByRole('navigation', { name: '交办件列表' }).getByRole('button').first(), testInfo);
  const alarm = page.getByRole('alert').filter({ hasText: '签批后已修改' });
  await expect(alarm).toContainText('办理时限');
  await screenshot(page, testInfo, 'sign-mode-tampered');
  await press(page.getByRole('button', { name: '退出签批模式' }), testInfo);
  await page.goto('/#/meetings');
  await expect(page.getByRole('alert', { name: '校验警告' })).toContainText('签批后已修改');
});

test('sign once, then confirm item by item; a half-written signature survives a reload', async ({
  page,
}, testInfo) => {
  await openSignMode(page, testInfo);
  await press(page.getByRole('radio', { name: '签一次，逐项确认' }), testInfo);
  // The secretary's drafted instruction leads; the suggestion replaces it only when the leader confirms.
  const instruction = page.getByRole('tabpanel', { name: '拟办批示' });
  await expect(instruction.getByText('秘书拟办的批示')).toBeVisible();
  await expect(instruction.locator('.instruction__draft')).toHaveText(
    '请财政局本月底前拨付到位，并向企业反馈。',
  );
  await press(page.getByRole('button', { name: '采用此批示' }), testInfo);
  const replace = page.getByRole('dialog', { name: '改用系统建议' });
  await expect(replace).toContainText('请财政局本月底前拨付到位');
  await press(replace.getByRole('button', { name: '改用建议' }), testInfo);
  await expect(page.getByRole('button', { name: '✓ 已采用此批示' })).toBeVisible();
  // The box fades out before the finger writes: strokes land on the pad, not on the fading backdrop.
  await expect(page.locator('.el-overlay.is-message-box')).toHaveCount(0);

  await writeOn(page, page.getByRole('img', { name: '签名区' }), testInfo, SIGNATURE);
  await press(page.getByRole('button', { name: '签批', exact: true }), testInfo);
  await expect(page.getByLabel('签批结果').getByText(docNo(1))).toBeVisible();

  await press(page.getByRole('button', { name: '下一件待签批' }), testInfo);
  await expectProgress(page, 2, 1);
  await expect(page.getByRole('img', { name: '已签的名' })).toBeVisible();
  await screenshot(page, testInfo, 'sign-mode-confirm');
  await press(page.getByRole('button', { name: '确认签批此件' }), testInfo);
  await expect(page.getByLabel('签批结果').getByText(docNo(2))).toBeVisible();

  // Back to signing each: the next signature is half written when the page goes away.
  await press(page.getByRole('button', { name: '下一件待签批' }), testInfo);
  await press(page.getByRole('radio', { name: '逐件签名' }), testInfo);
  await writeOn(page, page.getByRole('img', { name: '签名区' }), testInfo, SIGNATURE.slice(0, 1));
  await expect(page.getByText('签名区：已书写1笔')).toBeAttached();
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByText('已恢复上次未完成的签名')).toBeVisible();
  await expect(page.getByText('签名区：已书写1笔')).toBeAttached();
});

test('the 签批 link opens the meeting waiting for signatures, with a picker that lists the waiting ones first', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  // Start from the upcoming meeting's preparation: 签批 still goes to the one that needs signing.
  await press(page.getByRole('link', { name: '会前准备' }), testInfo);
  await expect(page).toHaveURL(/#\/prep$/);
  await expect(page.getByText('青溪区第15次“民营企业接待日”').first()).toBeVisible();
  await press(page.getByRole('link', { name: '签批', exact: true }), testInfo);
  await expect(page.getByRole('heading', { name: '青溪区第14次“民营企业接待日”' })).toBeVisible();
  // The select shows the chosen meeting's label over its input: press the select, as a finger would.
  const picker = page.locator('.el-select').filter({ has: page.getByRole('combobox', { name: '选择会议' }) });
  await press(picker, testInfo);
  const options = page.getByRole('option');
  await expect(options.first()).toHaveText(
    /^青溪区第14次“民营企业接待日” · 待签批5件 · 还剩1天（11月23日前）$/,
  );
  await expect(page.getByText('等待签批或交办')).toBeVisible();
  await screenshot(page, testInfo, 'assignments-meeting-picker');
  await page.keyboard.press('Escape');
});

test('a new 办理时限 takes the instruction’s time words along; a stated limit that differs is asked about before signing', async ({
  page,
}, testInfo) => {
  const id = await openSignMode(page, testInfo);
  // The second item: its drafted instruction says 两周内, as the 两周内 chip does.
  await press(page.getByRole('navigation', { name: '交办件列表' }).getByRole('button').nth(1), testInfo);
  const draft = page.locator('.instruction__draft');
  await expect(draft).toContainText('两周内');
  await press(
    page.getByRole('radiogroup', { name: '办理时限' }).getByRole('radio', { name: /^一个月内/ }),
    testInfo,
  );
  await expect(draft).toContainText('一个月内');
  await expect(draft).not.toContainText('两周内');
  // Two items of 临江丰泽钢构 are told apart by their demand in the list.
  const rail = page.getByRole('navigation', { name: '交办件列表' });
  await expect(rail.getByRole('button').nth(1)).toContainText('兑现二期厂房建设项目补贴');
  await expect(rail.getByRole('button').nth(2)).toContainText('加快一期项目验收');
  await screenshot(page, testInfo, 'sign-mode-retimed');

  // The secretary types a time that is not the chosen one: the leader is told, and asked before signing.
  await page.goto(`/#/meetings/${id}/assignments`);
  const card = page.getByRole('article', { name: /兑现二期厂房建设项目补贴/ });
  await card.getByRole('textbox', { name: '领导批示' }).fill('请张明德同志牵头，三天内答复企业。');
  await card.getByRole('textbox', { name: '领导批示' }).blur();
  await expect(card.getByRole('alert').filter({ hasText: '批示写的是“三天内”' })).toBeVisible();
  await page.goto(`/#/meetings/${id}/sign`);
  await press(page.getByRole('navigation', { name: '交办件列表' }).getByRole('button').nth(1), testInfo);
  await expect(page.getByRole('alert', { name: '时限不一致' })).toContainText('批示写的是“三天内”');
  await screenshot(page, testInfo, 'sign-mode-limit-mismatch');
  await writeOn(page, page.getByRole('img', { name: '签名区' }), testInfo, SIGNATURE);
  await press(page.getByRole('button', { name: '签批', exact: true }), testInfo);
  const ask = page.getByRole('dialog', { name: '批示与办理时限不一致' });
  await press(ask.getByRole('button', { name: '取消' }), testInfo);
  // The box fades out; a finger lands on the page again only once it is gone.
  await expect(page.locator('.el-overlay.is-message-box')).toHaveCount(0);
  await expect(page.getByLabel('签批结果')).toHaveCount(0);
  await press(page.getByRole('button', { name: '签批', exact: true }), testInfo);
  await press(ask.getByRole('button', { name: '仍然签批' }), testInfo);
  await expect(page.getByLabel('签批结果').getByText(docNo(1))).toBeVisible();

  // 修改并重新签批 asks why, with big choices; the reason goes into the record.
  await press(page.getByRole('button', { name: '修改并重新签批' }), testInfo);
  const reasons = page.getByRole('dialog', { name: /修改并重新签批：请选择原因/ });
  await expect(reasons).toBeVisible();
  await screenshot(page, testInfo, 'sign-mode-reopen-reason');
  await press(reasons.getByRole('radio', { name: '调整办理时限' }), testInfo);
  await expect(page.getByLabel('签批结果')).toHaveCount(0);
  await expect(page.locator('.instruction__draft')).toContainText('三天内');
});
