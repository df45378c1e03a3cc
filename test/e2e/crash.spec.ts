// Never lost (docs/architecture.md, "Never lost"), tested for real: a browser of our own on a profile on disk, text typed without
// Enter, SIGKILL to the whole browser after a little more than the one second the draft may take, a restart on
// the same profile — and the text is back in the composer with a notice, and every committed entry is there.
// Several rounds in one test; test/bench/crash-stress.mjs runs twenty.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commitEntry,
  composer,
  launchChromium,
  minuteEntries,
  openLiveMeeting,
  prepareLiveMeeting,
  typeDraft,
  type KillableBrowser,
} from '../bench/live-harness.mjs';
import { screenshot } from './helpers';

const ROUNDS = 3;

// The runner would trace the browser we kill and then fail to collect the trace from it.
test.use({ trace: 'off' });

test('typed text and committed entries survive a killed browser, round after round', async ({}, testInfo) => {
  test.setTimeout(60_000 + ROUNDS * 30_000);
  const baseUrl = `http://localhost:${process.env['E2E_PORT'] ?? 4173}`;
  const profile = mkdtempSync(join(tmpdir(), 'kentan-crash-'));
  let session: KillableBrowser | undefined;
  try {
    session = await launchChromium(profile);
    const meetingId = await prepareLiveMeeting(session.page, baseUrl);
    const committed: string[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const page = session.page;
      const entry = `第${round}轮：按了回车的一条，断电也不能丢`;
      const draft = `第${round}轮：还没按回车的半句话，企业说厂房不够用`;
      await commitEntry(page, entry);
      committed.push(entry);
      await typeDraft(page, draft);
      await page.waitForTimeout(1200);
      await session.kill();

      session = await launchChromium(profile);
      const again = session.page;
      await openLiveMeeting(again, baseUrl, meetingId);
      await expect(composer(again)).toHaveValue(draft);
      await expect(again.getByRole('status').filter({ hasText: '已恢复' })).toHaveText(
        new RegExp(
          `^已恢复上次未提交的文字（${[...draft].length}字，保存于 \\d\\d:\\d\\d:\\d\\d）\\s*知道了$`,
        ),
      );
      for (const text of committed)
        await expect(minuteEntries(again).filter({ hasText: text })).toHaveCount(1);
      if (round === ROUNDS) await screenshot(again, testInfo, '35-minutes-restored-after-kill');

      // She finishes the sentence: the restored text commits like any other, and the notice goes.
      await composer(again).focus();
      await again.keyboard.press('End');
      await again.keyboard.press('Enter');
      committed.push(draft);
      await expect(minuteEntries(again).filter({ hasText: draft })).toHaveCount(1);
      await expect(composer(again)).toHaveValue('');
      await expect(again.getByRole('status').filter({ hasText: '已恢复' })).toHaveCount(0);
    }
    await expect(minuteEntries(session.page)).toHaveCount(2 * ROUNDS);
  } finally {
    await session?.kill();
    rmSync(profile, { recursive: true, force: true });
  }
});
