// 跟踪督办 board end to end: three demo items signed and marked as handed over, a demand resolved on site; the
// board narrowed to their meeting shows them with days left, filters and searches them, and as the page clock
// moves on (the app open all the while) they turn 黄 (3 days left), 今日到期, then 红 (overdue), which the
// meetings list's reminder links to. Counters and rows are read with the meeting filter, so items the demo may
// carry from other meetings do not change what this test expects.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { paragraphs, readDocx, tableRows } from './docx-text';
import { loadDemo, meetingIdByEdition, pinClock, press, screenshot, signInSignMode } from './helpers';

const DAY = 86_400_000;

/** A counter button by its name, e.g. 「红色预警 3件」. */
const counter = (page: Page, label: string, n: number) =>
  page.getByRole('group', { name: '督办统计' }).getByRole('button', { name: `${label} ${n}件` });

const rowsOf = (page: Page) => page.getByRole('table', { name: '督办事项' }).locator('tbody tr');

async function openBoard(page: Page, testInfo: TestInfo): Promise<void> {
  await press(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跟踪督办' }),
    testInfo,
  );
  await expect(page.getByRole('heading', { name: '跟踪督办' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^共 \d+ 件$/ })).toBeVisible();
}

/** A demand answered and settled at the meeting, straight into the app's IndexedDB (the live screen makes them). */
async function addOnSiteDemand(page: Page, meetingId: string): Promise<void> {
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('concerns', 'readwrite');
          const all = tx.objectStore('concerns').getAll();
          all.onsuccess = () => {
            const sample = (all.result as Array<Record<string, unknown>>).find((c) => c['meetingId'] === id)!;
            tx.objectStore('concerns').put({
              ...sample,
              id: 'on-site-1',
              summary: '园区夜间路灯不亮',
              verbatim: '园区的道路晚上没有路灯，工人下夜班很不安全。',
              category: '基础设施',
              disposition: 'resolved_on_site',
              minuteEntryIds: [],
              answerEntryIds: [],
            });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    meetingId,
  );
}

test('the board follows handed-off items from 正常 to 黄 and 红 as the days pass, with counters, filters and search', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  const meetingId = await meetingIdByEdition(page, 14);
  await signInSignMode(page, testInfo, meetingId, 3);
  await page.goto(`/#/meetings/${meetingId}/export`);
  await press(page.getByRole('button', { name: '不导出，标记为已交办…' }), testInfo);
  await press(page.getByRole('button', { name: '标记', exact: true }), testInfo);
  await expect(page.getByText(/已记录 3 件/).first()).toBeVisible();
  await addOnSiteDemand(page, meetingId);

  // From the meetings list to the board, narrowed to this meeting.
  await page.goto('/#/meetings');
  await expect(page.getByRole('heading', { name: '会议列表' })).toBeVisible();
  await openBoard(page, testInfo);
  // 在办 is what the board opens on.
  await expect(page.getByRole('button', { name: /^在办 \d+件$/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('会议', { exact: true }).selectOption(meetingId);

  await expect(counter(page, '在办', 3)).toHaveAttribute('aria-pressed', 'true');
  await expect(counter(page, '已办结', 1)).toHaveAttribute('aria-pressed', 'false');
  for (const [label, n] of [
    ['今日到期', 0],
    ['黄色预警', 0],
    ['红色预警', 0],
    ['待回访', 0],
    ['重办中', 0],
    ['已转报', 0],
  ] as const)
    await expect(counter(page, label, n)).toBeVisible();
  const rows = rowsOf(page);
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('剩余15天');
  await expect(rows.first()).toContainText('已交办');
  await expect(rows.first()).toContainText('正常');
  const docNumbers = await rows.locator('td:first-child a').allTextContents();
  expect(docNumbers).toHaveLength(3);
  await expect(page.getByRole('table', { name: '督办事项' })).toContainText('临江丰泽钢构有限公司');
  await screenshot(page, testInfo, 'follow-up-board');

  // 已办结 shows the demand resolved on site, which opens no item.
  await press(counter(page, '已办结', 1), testInfo);
  await expect(counter(page, '已办结', 1)).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('现场解决');
  await expect(rows.first()).toContainText('园区夜间路灯不亮');
  await press(counter(page, '在办', 3), testInfo);
  await expect(rows).toHaveCount(3);

  // Search by pinyin initials, a department (lead or co), the order.
  const search = page.getByRole('searchbox', { name: '搜索督办事项' });
  await search.fill('bofu');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('拨付');
  await search.fill('fzgg');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('临江丰泽钢构有限公司');
  await search.fill('没有这家企业');
  await expect(page.getByText('没有符合筛选条件的事项。')).toBeVisible();
  await screenshot(page, testInfo, 'follow-up-board-none');
  await search.fill('');
  await page.getByLabel('承办单位').selectOption({ label: '区财政局' });
  await expect(rows).toHaveCount(2);
  await page.getByLabel('承办单位').selectOption('');
  await page.getByLabel('排序').selectOption({ label: '交办时间（新→旧）' });
  await expect(rows).toHaveCount(3);

  // A row opens its item.
  await press(rows.locator('td:first-child a').first(), testInfo);
  await expect(page).toHaveURL(/#\/follow-up\/[\w-]+$/);
  // Back on the board, the filters are as they were.
  await page.goBack();
  await expect(page.getByRole('heading', { name: '跟踪督办' })).toBeVisible();
  await expect(page.getByLabel('会议', { exact: true })).toHaveValue(meetingId);
  await expect(page.getByLabel('排序')).toHaveValue('newest');
  await page.getByLabel('排序').selectOption({ label: '最紧急在前' });
  await expect(rows).toHaveCount(3);

  // Twelve days on, the app open all the while: 3 days left, 黄色预警 on every item, said in words.
  await page.clock.fastForward(12 * DAY);
  await expect(counter(page, '黄色预警', 3)).toBeVisible();
  await expect(rows.first()).toContainText('剩余3天');
  await expect(rows.first()).toContainText('黄色预警');
  await screenshot(page, testInfo, 'follow-up-board-yellow');

  // The due day: 今日到期, and the meetings list says so with a link to the board filtered by it.
  await page.clock.fastForward(3 * DAY);
  await expect(counter(page, '今日到期', 3)).toBeVisible();
  await expect(rows.first()).toContainText('今日到期');
  await press(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议列表' }),
    testInfo,
  );
  const reminder = page.getByRole('status', { name: '督办提醒' });
  await expect(reminder).toContainText(/今日到期 \d+ 件，已逾期 \d+ 件/);
  await screenshot(page, testInfo, 'meetings-due-reminder');
  await press(reminder.getByRole('link', { name: /^今日到期/ }), testInfo);
  await expect(page).toHaveURL(/#\/follow-up\?counter=dueToday$/);
  await expect(page.getByRole('button', { name: /^今日到期 \d+件$/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const doc of docNumbers) await expect(rows.filter({ hasText: doc })).toContainText('今日到期');

  // A day later they are overdue: 红色预警, 逾期1天, and the reminder's 已逾期 link shows them.
  await page.clock.fastForward(DAY);
  for (const doc of docNumbers) await expect(rows.filter({ hasText: doc })).toHaveCount(0);
  await press(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议列表' }),
    testInfo,
  );
  await press(reminder.getByRole('link', { name: /^已逾期/ }), testInfo);
  await expect(page).toHaveURL(/#\/follow-up\?counter=red$/);
  for (const doc of docNumbers) {
    const row = rows.filter({ hasText: doc });
    await expect(row).toContainText('逾期1天');
    await expect(row).toContainText('红色预警');
  }
  await screenshot(page, testInfo, 'follow-up-board-red');

  // 催办: one notice for the lead department of the red items, in one download with its 清单; each item then
  // records the 催办 in its history.
  const urge = page.getByRole('button', { name: /^生成催办通知（\d+件）$/ });
  await expect(urge).toBeEnabled();
  const downloading = page.waitForEvent('download');
  await press(urge, testInfo);
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/催办通知.*\.zip$/);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const notices = Object.values(zip.files).filter((f) => !f.dir && f.name.endsWith('.docx'));
  expect(notices.length).toBeGreaterThan(0);
  const texts = await Promise.all(
    notices.map(async (f) => paragraphs((await readDocx(await f.async('uint8array'))).document).join('\n')),
  );
  const tables = await Promise.all(
    notices.map(async (f) => tableRows((await readDocx(await f.async('uint8array'))).document)),
  );
  for (const doc of docNumbers)
    expect(tables.flat().some((row) => row.some((cell) => cell.replace(/\s/g, '').includes(doc)))).toBe(true);
  expect(texts.join('\n')).toContain('关于督促办理');
  await expect(page.getByRole('alert').or(page.locator('.el-message--success'))).toContainText('催办通知');
  await press(rows.filter({ hasText: docNumbers[0]! }).getByRole('link').first(), testInfo);
  await expect(
    page.getByRole('region', { name: '办理过程' }).getByRole('listitem', { name: /^催办（/ }),
  ).toHaveCount(1);
  await screenshot(page, testInfo, 'follow-up-item-urged');
});

test('an empty board says how items get there', async ({ page }, testInfo) => {
  await pinClock(page);
  await page.goto('/');
  await press(page.getByRole('button', { name: '从空白开始' }), testInfo);
  await openBoard(page, testInfo);
  await expect(page.getByText('还没有交办件')).toBeVisible();
  await expect(page.getByRole('link', { name: '去交办导出' })).toBeVisible();
  await expect(counter(page, '在办', 0)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status', { name: '督办提醒' })).toHaveCount(0);
  await screenshot(page, testInfo, 'follow-up-board-empty');
});
