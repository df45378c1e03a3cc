// Two windows on one meeting (issue 15, 数据安全), in a browser of our own on a profile on disk: what one window commits
// the other shows at once, without a reload and without touching what it is typing; each window's half-typed words
// are a draft of its own, so an Enter in one deletes only its own; and after SIGKILL to the whole browser, the next
// window to open the meeting brings back both windows' drafts (one line each) and takes them over.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commitEntry,
  composer,
  draftSavedAfter,
  launchChromium,
  minuteEntries,
  openLiveMeeting,
  prepareLiveMeeting,
  typeDraft,
  type KillableBrowser,
} from '../bench/live-harness.mjs';
import { screenshot } from './helpers';

// The runner would trace the browser we kill and then fail to collect the trace from it.
test.use({ trace: 'off' });

/** The minutes drafts in the page's database: text by key (minutes:<meeting>@<window>). */
function minutesDrafts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            db.close();
            const drafts = all.result as { key: string; text: string }[];
            resolve(
              Object.fromEntries(
                drafts.filter((d) => d.key.startsWith('minutes:')).map((d) => [d.key, d.text]),
              ),
            );
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Type without Enter and wait until the draft is written. */
async function typeAndSave(page: Page, text: string) {
  const since = await typeDraft(page, text);
  await draftSavedAfter(page, since);
}

const now = (page: Page) => page.getByRole('region', { name: '正在发言' });

test('two windows on one meeting: in sync at once, a draft each, both drafts back after a killed browser', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const baseUrl = `http://localhost:${process.env['E2E_PORT'] ?? 4173}`;
  const profile = mkdtempSync(join(tmpdir(), 'kentan-two-windows-'));
  let session: KillableBrowser | undefined;
  try {
    session = await launchChromium(profile);
    const a = session.page;
    const meetingId = await prepareLiveMeeting(a, baseUrl);
    const b = await session.context.newPage();
    await b.setViewportSize({ width: 1366, height: 768 });
    await openLiveMeeting(b, baseUrl, meetingId);

    // What one window commits the other lists at once; the floor moves in both.
    await commitEntry(a, '甲窗口提交的一条：用地指标什么时候能批下来');
    await expect(minuteEntries(b).filter({ hasText: '甲窗口提交的一条' })).toHaveCount(1);
    await commitEntry(b, '乙窗口提交的一条：区里正在协调');
    await expect(minuteEntries(a).filter({ hasText: '乙窗口提交的一条' })).toHaveCount(1);
    await a.getByRole('button', { name: /下一位/ }).click();
    await expect(now(a).getByText('青溪芯联电子有限公司')).toBeVisible();
    await expect(now(b).getByText('青溪芯联电子有限公司')).toBeVisible();

    // A draft each.
    const draftA = '甲窗口的半句：厂房租金一年涨了两成';
    const draftB = '乙窗口的半句：融资担保的额度不够';
    await typeAndSave(a, draftA);
    await typeAndSave(b, draftB);
    expect(Object.values(await minutesDrafts(a)).sort()).toEqual([draftB, draftA].sort());

    // B types on while A commits: A's Enter deletes only A's draft; B's words stay, in its composer and on disk.
    await composer(a).focus();
    await a.keyboard.press('Enter');
    await expect(minuteEntries(b).filter({ hasText: draftA })).toHaveCount(1);
    await expect(composer(b)).toHaveValue(draftB);
    expect(Object.values(await minutesDrafts(a))).toEqual([draftB]);
    await screenshot(a, testInfo, '70-two-windows-a');
    await screenshot(b, testInfo, '71-two-windows-b');

    // Both windows have words not yet committed when the whole browser is killed.
    const againA = '甲窗口又输入了半句：环评手续太慢';
    await typeAndSave(a, againA);
    await session.kill();

    session = await launchChromium(profile);
    const first = session.page;
    await openLiveMeeting(first, baseUrl, meetingId);
    // B saved first, then A: one line each, in that order, and the notice says two windows.
    await expect(composer(first)).toHaveValue(`${draftB}\n${againA}`);
    await expect(first.getByRole('status').filter({ hasText: '已恢复' })).toContainText(
      '已恢复 2 个窗口未提交的文字',
    );
    // Taken over: one draft left, this window's. A second window opening the meeting finds none to take.
    expect(Object.values(await minutesDrafts(first))).toEqual([`${draftB}\n${againA}`]);
    const second = await session.context.newPage();
    await second.setViewportSize({ width: 1366, height: 768 });
    await openLiveMeeting(second, baseUrl, meetingId);
    await expect(composer(second)).toHaveValue('');
    for (const text of ['甲窗口提交的一条', '乙窗口提交的一条', draftA])
      await expect(minuteEntries(second).filter({ hasText: text })).toHaveCount(1);
    await screenshot(first, testInfo, '72-two-windows-restored');

    // The second window types, the first commits what it restored: only the first's draft goes.
    await typeAndSave(second, '第二个窗口的新半句');
    await composer(first).focus();
    await first.keyboard.press('Enter');
    await expect(minuteEntries(second).filter({ hasText: againA })).toHaveCount(1);
    expect(Object.values(await minutesDrafts(first))).toEqual(['第二个窗口的新半句']);
    await expect(composer(second)).toHaveValue('第二个窗口的新半句');
  } finally {
    await session?.kill();
    rmSync(profile, { recursive: true, force: true });
  }
});
