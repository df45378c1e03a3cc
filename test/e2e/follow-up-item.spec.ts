// 督办事项 end to end: an item signed and exported goes through 进展 → 答复 → 回访 不满意 → 重办 → 答复 → 回访 满意
// → 办结 → 销号, a wrong entry is corrected with its history, a form left half filled comes back after a reload,
// and the clock moved on turns an item 黄 then 红.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { DEMO_NOW, docNo, loadDemo, meetingIdByEdition, press, screenshot, signInSignMode } from './helpers';

/** The id of the assignment with this 文号. */
async function assignmentId(page: Page, docNumber: string): Promise<string> {
  const id = await page.evaluate(
    (wanted) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('assignments').objectStore('assignments').getAll();
          all.onsuccess = () => {
            open.result.close();
            const rows = all.result as Array<{ id: string; docNumber?: string }>;
            resolve(rows.find((a) => a.docNumber === wanted)?.id);
          };
        };
      }),
    docNumber,
  );
  if (!id) throw new Error(`no assignment numbered ${docNumber}`);
  return id;
}

/** Sign the demo's first two items of the 14th meeting and export them (in the browser: one download) today. */
async function handedOver(page: Page, testInfo: TestInfo): Promise<string> {
  await loadDemo(page, testInfo);
  const meeting = await meetingIdByEdition(page, 14);
  await signInSignMode(page, testInfo, meeting, 2);
  await page.goto(`/#/meetings/${meeting}/export`);
  const exportButton = page.getByRole('button', { name: '导出（下载 .zip）' });
  await expect(exportButton).toBeEnabled();
  const downloading = page.waitForEvent('download');
  await press(exportButton, testInfo);
  await downloading;
  await expect(page.getByText(/已记录 2 件交办件的交办时间/)).toBeVisible();
  return assignmentId(page, docNo(1));
}

/** Open a step's form, fill it, save, and wait for the dialog to go. */
async function step(
  page: Page,
  testInfo: TestInfo,
  button: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await press(
    page.getByRole('region', { name: '督办操作' }).getByRole('button', { name: button, exact: true }),
    testInfo,
  );
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await press(dialog.getByRole('button', { name: '保存' }), testInfo);
  await expect(dialog).toBeHidden();
}

/** The label of an Element Plus radio button: it takes the tap, its hidden input has the name. */
const choice = (scope: ReturnType<Page['getByRole']>, name: string) =>
  scope
    .locator('label.el-radio-button')
    .filter({ has: scope.page().getByRole('radio', { name, exact: true }) });

const facts = (page: Page) => page.getByRole('region', { name: '事项概况' });
const history = (page: Page) => page.getByRole('region', { name: '办理过程' });

test('an item from handoff to 销号: progress, reply, unsatisfied call-back, redo, reply, satisfied, closed, written off', async ({
  page,
}, testInfo) => {
  const id = await handedOver(page, testInfo);
  await page.goto(`/#/follow-up/${id}`);
  await expect(facts(page).getByLabel('状态：已交办')).toBeVisible();
  await expect(facts(page)).toContainText('剩余');
  await screenshot(page, testInfo, 'follow-up-item-handed-off');

  await step(page, testInfo, '记录进展', async (d) => {
    await d.getByLabel('办理进展').fill('已约企业和合作银行当面对账');
  });
  await expect(history(page).getByRole('listitem', { name: /^办理进展/ })).toContainText(
    '已约企业和合作银行当面对账',
  );

  // A refusal names the field and keeps what was typed.
  await press(
    page.getByRole('region', { name: '督办操作' }).getByRole('button', { name: '登记答复' }),
    testInfo,
  );
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('答复内容').fill('财政局已拨付补贴资金120万元');
  await press(dialog.getByRole('button', { name: '保存' }), testInfo);
  await expect(dialog.getByRole('alert')).toHaveText('请填写经办人');
  await screenshot(page, testInfo, 'follow-up-item-reply-refused');
  // The half-filled form survives a reload.
  await page.waitForTimeout(1200);
  await page.reload();
  await press(
    page.getByRole('region', { name: '督办操作' }).getByRole('button', { name: '登记答复' }),
    testInfo,
  );
  await expect(dialog.getByText('已恢复上次未保存的填写')).toBeVisible();
  await expect(dialog.getByLabel('答复内容')).toHaveValue('财政局已拨付补贴资金120万元');
  await dialog.getByLabel('经办人').fill('刘晓东');
  await dialog.getByLabel('联系电话').fill('0830-5556102');
  await press(choice(dialog, '电话'), testInfo);
  await press(dialog.getByRole('button', { name: '保存' }), testInfo);
  await expect(dialog).toBeHidden();
  await expect(facts(page).getByLabel('状态：已回复')).toBeVisible();

  await step(page, testInfo, '回访', async (d) => {
    await press(choice(d, '不满意'), testInfo);
    await d.getByLabel('企业意见').fill('钱只到了一半');
  });
  await expect(facts(page).getByLabel('状态：已回访')).toBeVisible();
  await step(page, testInfo, '重办', async (d) => {
    await d.getByLabel('重办原因').fill('企业反映资金只到位一半');
  });
  await expect(facts(page).getByLabel('状态：重办中')).toBeVisible();
  await expect(facts(page)).toContainText('第2次办理');
  await screenshot(page, testInfo, 'follow-up-item-redo');

  await step(page, testInfo, '登记答复', async (d) => {
    await d.getByLabel('答复内容').fill('剩余60万元已拨付');
    await d.getByLabel('经办人').fill('刘晓东');
  });
  await step(page, testInfo, '回访', async (d) => {
    await press(choice(d, '满意'), testInfo);
  });
  await step(page, testInfo, '办结', async () => undefined);
  await expect(facts(page).getByLabel('状态：已办结')).toBeVisible();

  // A wrong handler's name is corrected; the history keeps both.
  const firstReply = history(page)
    .getByRole('listitem', { name: /^部门答复/ })
    .first();
  await press(firstReply.getByRole('button', { name: /^更正部门答复/ }), testInfo);
  await dialog.getByLabel('经办人').fill('刘晓冬');
  await dialog.getByLabel('更正原因').fill('经办人姓名登记错误');
  await press(dialog.getByRole('button', { name: '保存' }), testInfo);
  await expect(dialog).toBeHidden();
  await expect(firstReply.getByRole('list', { name: '更正记录' })).toContainText(
    '经办人由“刘晓东”更正为“刘晓冬”（原因：经办人姓名登记错误；',
  );
  await expect(firstReply).toContainText('刘晓冬');

  await step(page, testInfo, '销号', async (d) => {
    await d.getByLabel('说明').fill('对账销号');
  });
  await expect(facts(page).getByLabel('状态：已销号')).toBeVisible();
  await expect(page.getByText('已销号，督办结束。')).toBeVisible();
  await screenshot(page, testInfo, 'follow-up-item-written-off');

  // All of it is in the database: a reload shows the same.
  await page.reload();
  await expect(facts(page).getByLabel('状态：已销号')).toBeVisible();
  // 企业反映, 领导签批, 交办, then the eight steps (the correction shows on the step it corrects).
  const entries = history(page).getByRole('listitem');
  await expect(entries.first()).toHaveAccessibleName(/^企业反映/);
  await expect(history(page).getByRole('listitem', { name: /^领导签批/ })).toHaveCount(1);
  await expect(history(page).getByRole('listitem', { name: /^交办（/ })).toHaveCount(1);
  await expect(
    history(page).getByRole('listitem', { name: /^(办理进展|部门答复|满意度回访|重办|办结|销号)（/ }),
  ).toHaveCount(8);
  await screenshot(page, testInfo, 'follow-up-item-history');
});

test('the clock moves on: the item turns 黄 as the 答复期限 nears and 红 once it has passed', async ({
  page,
}, testInfo) => {
  const id = await handedOver(page, testInfo);
  await page.goto(`/#/follow-up/${id}`);
  await expect(facts(page).getByRole('status')).toHaveCount(0);
  const dueDate = (await facts(page)
    .locator('dt', { hasText: '答复期限' })
    .locator('xpath=following-sibling::dd[1]')
    .textContent())!
    .trim()
    .slice(0, 10);
  expect(dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // The day before the 答复期限, at nine in the morning China time: 黄.
  const dayBefore = new Date(Date.parse(`${dueDate}T09:00:00+08:00`) - 86_400_000);
  // The screen left open overnight follows the clock without a reload.
  await page.clock.setSystemTime(dayBefore);
  await page.clock.runFor(61_000);
  await expect(facts(page).getByRole('status')).toContainText('黄色预警');
  await expect(facts(page)).toContainText('剩余1天');
  await screenshot(page, testInfo, 'follow-up-item-yellow');
  await page.clock.setSystemTime(new Date(Date.parse(`${dueDate}T09:00:00+08:00`) + 2 * 86_400_000));
  await page.reload();
  await expect(facts(page).getByRole('status')).toContainText('红色预警');
  await expect(facts(page).getByRole('status')).toContainText('办理超时（逾期2天）');
  await expect(facts(page)).toContainText('已逾期2天');
  await screenshot(page, testInfo, 'follow-up-item-red');
  expect(DEMO_NOW.getTime()).toBeLessThan(dayBefore.getTime());
});

test('a step rewritten in the database behind the app is named on the item', async ({ page }, testInfo) => {
  const id = await handedOver(page, testInfo);
  await page.goto(`/#/follow-up/${id}`);
  await step(page, testInfo, '记录进展', async (d) => {
    await d.getByLabel('办理进展').fill('已约企业面谈');
  });
  await page.evaluate(
    (item) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('followUps', 'readwrite');
          const all = tx.objectStore('followUps').getAll();
          all.onsuccess = () => {
            const row = (all.result as Array<Record<string, unknown>>).find(
              (r) => r['assignmentId'] === item,
            )!;
            tx.objectStore('followUps').put({ ...row, note: '部门已办结' });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    id,
  );
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: '督办记录校验失败' });
  await expect(alert).toContainText('进展（2026-11-22）在记录后被改动');
  await screenshot(page, testInfo, 'follow-up-item-tampered');
});
