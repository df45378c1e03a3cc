// 交办导出 end to end: four of the five demo items signed in 签批模式, the export screen lists their
// 交办单 with Windows-safe names, the minutes and the 会前材料, and says why the fifth is left out; in
// the browser the files and the 清单 come as one .zip whose hashes match; 交办时间 is recorded.
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { demoDay, docNo, loadDemo, meetingIdByEdition, press, screenshot, signInSignMode } from './helpers';
import { paragraphs, readDocx } from './docx-text';

const TITLE = '青溪区第14次“民营企业接待日”';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('exports the signed 交办单, the minutes and the 会前材料 as one verified download and records 交办时间', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  const id = await meetingIdByEdition(page, 14);
  await signInSignMode(page, testInfo, id, 4);

  await press(page.getByRole('link', { name: '交办导出' }), testInfo);
  await expect(page.getByRole('heading', { name: '交办导出' })).toBeVisible();
  await expect(page.getByRole('status', { name: '交办期限' })).toContainText('会后两天内交办');

  const files = page.getByRole('table', { name: '导出文件' });
  const names = files.locator('tbody tr td:first-child');
  await expect(names).toHaveCount(6);
  await expect(names.nth(1)).toHaveText(`${docNo(2)}-临江丰泽钢构有限公司-交办单.docx`);
  for (const n of [1, 2, 3, 4]) await expect(names.nth(n - 1)).toContainText(`${docNo(n)}-`);
  await expect(names.nth(4)).toHaveText(`${TITLE}-会议纪要.docx`);
  await expect(names.nth(5)).toHaveText(`${TITLE}-会前材料.docx`);
  const skipped = page.getByRole('alert').filter({ hasText: '不能导出的交办件（1件）' });
  await expect(skipped).toContainText('尚未签批，不能导出交办单');
  // The item left out is named by its demand (it has no 文号 yet), not only by its enterprise.
  await expect(skipped).toContainText('未编号 临江禾香食品有限公司（新建冷库专线接电排期过长（书面反映））');
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 10_000 });
  await screenshot(page, testInfo, 'export-ready');

  // Unticking 会前材料 rebuilds the files one at a time, the screen showing how far it is. The build
  // yields with scheduler.yield(), whose continuations run before Playwright's own queries, so the page
  // itself records what the progress said at each step.
  const briefingOption = page.locator('label').filter({ hasText: '同时导出会前材料' });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="生成进度"]');
      const text = document.querySelector('.building [role="status"]')?.textContent?.trim();
      if (bar && text && seen.at(-1) !== `${text} ${bar.getAttribute('aria-valuenow')}`)
        seen.push(`${text} ${bar.getAttribute('aria-valuenow')}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await press(briefingOption, testInfo);
  await expect(names).toHaveCount(5);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.at(-1)).toBe('正在生成文件…6 / 6 100');
  expect(seen).toContain('正在生成文件…3 / 6 50');
  await press(briefingOption, testInfo);
  await expect(names).toHaveCount(6);

  // The browser cannot see drives: the files come as one download, ready without choosing anything.
  await expect(page.getByRole('radio', { name: /浏览器的下载文件夹/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(page.getByRole('button', { name: '导出（下载 .zip）' })).toBeEnabled();
  const downloading = page.waitForEvent('download');
  await press(page.getByRole('button', { name: '导出（下载 .zip）' }), testInfo);
  const download = await downloading;
  // loadDemo pins the clock: the demo's meeting was held the day before DEMO_NOW.
  expect(download.suggestedFilename()).toBe(`${TITLE}-交办材料-${demoDay(-1)}.zip`);

  // A browser cannot read the download back: the files are packed, with their hashes in the 清单.
  await expect(files.getByText('✓ 已打包')).toHaveCount(6);
  await expect(page.getByRole('status').filter({ hasText: '已打包为' })).toContainText('.zip');
  // 交办时间 is now, within the two-day window: the reply is due by the signed 办理时限.
  await expect(page.getByText(`已记录 4 件交办件的交办时间，答复期限${replyDay()}。`)).toBeVisible();
  await screenshot(page, testInfo, 'export-done');

  // What the download holds: the six documents and the 清单 whose hashes match them.
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const manifest = entries.find((f) => f.name.endsWith('-清单.txt'))!;
  expect(manifest).toBeDefined();
  const listing = await manifest.async('string');
  const documents = entries.filter((f) => f !== manifest);
  expect(documents).toHaveLength(6);
  for (const f of documents) {
    const bytes = await f.async('uint8array');
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const base = f.name.split('/').pop()!;
    expect(listing).toContain(base);
    expect(listing).toContain(sha256(bytes));
  }
  // …and the signature behind each sheet, with the audit chain's head: the anchors 核对交办单 reads back.
  expect(listing).toMatch(
    new RegExp(`文号\t文件名\t签批摘要（SHA-256）\r\n${docNo(1)}\t[^\t]+\t[0-9a-f]{64}`),
  );
  expect(listing).toMatch(/操作记录链末条：第\d+条，摘要 [0-9a-f]{64}/);

  // 核对交办单: the 清单 and a sheet taken back from the download match the database; a sheet edited in
  // Word after export is named field by field.
  const sheetEntry = documents.find((f) => f.name.endsWith('交办单.docx'))!;
  const sheetBytes = Buffer.from(await sheetEntry.async('uint8array'));
  const sheetZip = await JSZip.loadAsync(sheetBytes);
  const xml = await sheetZip.file('word/document.xml')!.async('string');
  const leadDept = /牵头单位[\s\S]*?<w:t[^>]*>([^<]+)<\/w:t>/.exec(xml.slice(xml.indexOf('牵头单位')))![1]!;
  sheetZip.file('word/document.xml', xml.replace(`>${leadDept}<`, '>区审计局<'));
  const edited = Buffer.from(await sheetZip.generateAsync({ type: 'uint8array' }));
  await press(page.getByRole('link', { name: '核对交办单' }), testInfo);
  await expect(page.getByRole('heading', { name: '核对交办单' })).toBeVisible();
  const picker = page.getByLabel('选择要核对的交办单或清单');
  await picker.setInputFiles([
    { name: '清单.txt', mimeType: 'text/plain', buffer: Buffer.from(await manifest.async('uint8array')) },
    { name: 'sheet.docx', mimeType: 'application/octet-stream', buffer: sheetBytes },
    { name: 'edited.docx', mimeType: 'application/octet-stream', buffer: edited },
  ]);
  const results = page.getByRole('region', { name: '核对结果' });
  await expect(results.getByRole('article')).toHaveCount(3);
  await expect(results.getByRole('article', { name: '核对结果：清单.txt' })).toContainText(
    '✓ 清单所列 4 份交办单及操作记录与数据库一致',
  );
  await expect(results.getByRole('article', { name: '核对结果：sheet.docx' })).toContainText('与数据库一致');
  await expect(results.getByRole('article', { name: '核对结果：edited.docx' })).toContainText(
    `牵头单位：交办单上为「区审计局」，数据库为「${leadDept}」`,
  );
  await screenshot(page, testInfo, 'sheet-check');
  await page.goto(`/#/meetings/${id}/export`);

  // The handed-over items show as 已交办 after a reload; the unsigned one is still a draft.
  await page.reload();
  await expect(files.locator('tbody tr').first()).toContainText(
    `已交办，${replyDay().replace(/^\d+年/, '')}前答复`,
  );
  await expect(page.getByRole('alert').filter({ hasText: '尚未签批' })).toBeVisible();

  // The assignments show when they were handed over and how long the department has to reply.
  await page.goto(`/#/meetings/${id}/assignments`);
  const reply = page.getByRole('status', { name: /^答复期限：/ });
  await expect(reply).toHaveCount(4);
  await expect(reply.first()).toHaveText(`还剩15天（${replyDay().replace(/^\d+年/, '')}前答复）`);
  await expect(page.getByText('交办时间').first()).toBeVisible();
  await screenshot(page, testInfo, 'export-handed-off-assignment');

  // Nothing is left to mark as handed over: the button says so by being off.
  await page.goto(`/#/meetings/${id}/export`);
  await expect(page.getByRole('table', { name: '导出文件' }).locator('tbody tr')).toHaveCount(6);
  await expect(page.getByRole('button', { name: '不导出，标记为已交办…' })).toBeDisabled();
  await expect(page.getByText('没有待交办的已签批交办件。')).toBeVisible();
});

test('demands with no outcome are listed on 拟办 and 交办导出, and each demand shows its status in 会前准备', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  const id = await meetingIdByEdition(page, 14);
  // A pre-collected 急 demand never confirmed at the meeting, and one raised but never classified.
  await page.evaluate(
    (meetingId) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('concerns', 'readwrite');
          const store = tx.objectStore('concerns');
          const all = store.getAll();
          all.onsuccess = () => {
            const sample = (all.result as Array<Record<string, unknown>>).find(
              (c) => c['meetingId'] === meetingId,
            )!;
            const base = {
              ...sample,
              minuteEntryIds: [],
              answerEntryIds: [],
              disposition: undefined,
              confirmedAt: undefined,
            };
            store.put({
              ...base,
              id: 'open-1',
              precollected: true,
              urgency: 'urgent',
              summary: '厂区门前道路积水',
              verbatim: '一下雨厂门口就积水。',
            });
            store.put({
              ...base,
              id: 'open-2',
              precollected: false,
              category: '',
              summary: '招工难',
              verbatim: '今年招工特别难。',
            });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
    id,
  );
  await page.goto(`/#/meetings/${id}/assignments`);
  const open = page.getByRole('alert', { name: '没有结果的诉求（2条）' });
  await expect(open).toContainText('未确认');
  await expect(open).toContainText('厂区门前道路积水');
  await expect(open).toContainText('未分类');
  await expect(open).toContainText('招工难');
  await screenshot(page, testInfo, 'assignments-open-demands');
  await page.goto(`/#/meetings/${id}/export`);
  await expect(page.getByRole('heading', { name: '交办导出' })).toBeVisible();
  await expect(page.getByRole('table', { name: '导出文件' })).toBeVisible();
  await expect(page.getByRole('alert', { name: '没有结果的诉求（2条）' })).toContainText(
    '会前收集的诉求，会上没有确认是否提出',
  );
  await screenshot(page, testInfo, 'export-open-demands');
  await page.goto(`/#/meetings/${id}/prep`);
  await expect(page.getByRole('heading', { name: '交办导出' })).toHaveCount(0);
  await expect(page.getByLabel('状态：未确认')).toBeVisible();
  await expect(page.getByLabel(/^状态：/).first()).toBeVisible();
  await screenshot(page, testInfo, 'prep-demand-status');
});

/**
 * The demo's signed 办理时限 (the meeting, the day before the pinned clock, + 2 days to hand over + 14 to
 * reply), as Chinese documents write a date (2026年12月7日).
 */
const replyDay = () => demoDay(15);

test('the 纪要 names who came, who sat in and who kept the record as entered, its 会议要求 and its 版记', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  const id = await meetingIdByEdition(page, 14);
  await page.goto(`/#/meetings/${id}/edit`);
  await page.getByLabel('出席人员').fill('区财政局副局长刘建国，区住房和城乡建设局副局长周敏');
  await page.getByLabel('列席人员').fill('区工商联副主席赵宏');
  await page.getByLabel('记录人').fill('王小丽');
  await screenshot(page, testInfo, '93-meeting-record-fields');
  await press(page.getByRole('button', { name: '保存', exact: true }), testInfo);
  await expect(page.getByText('会议信息已保存')).toBeVisible();

  await page.goto(`/#/meetings/${id}/export`);
  const files = page.getByRole('table', { name: '导出文件' });
  await expect(files.getByText(`${TITLE}-会议纪要.docx`)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await press(page.getByRole('button', { name: '导出（下载 .zip）' }), testInfo);
  const zip = await JSZip.loadAsync(readFileSync((await (await downloading).path())!));
  const minutes = Object.values(zip.files).find((f) => f.name.endsWith('会议纪要.docx'))!;
  const word = await readDocx(await minutes.async('uint8array'));
  const text = paragraphs(word.document);
  expect(text).toContain('出席：区财政局副局长刘建国，区住房和城乡建设局副局长周敏');
  expect(text).toContain('列席：区工商联副主席赵宏');
  expect(text).toContain('记录：王小丽');
  expect(text).toContain('二、会议要求');
  expect(text.slice(-2)).toEqual([
    '分送：出席领导，各参会单位。',
    `临江市青溪区工商业联合会${demoDay(0)}印发`,
  ]);
});
