// The disk fills while the secretary records (issue 15, 数据安全), for real: Chromium's profile on a small tmpfs, a
// filler file taking every byte left, then Enter. The app must say in Chinese what happened and what to do, keep the
// typed text in the composer, and — once the filler is deleted — take the next Enter without a reload (the database is
// closed and opened again after the failure: renderer/db/db-errors.ts, renderer/db/desk-db.ts reopenDeskDb).
//
// How to run it: it needs to mount a tmpfs, so run as root or with password-less sudo (`sudo -n mount` must work):
//   KENTAN_OUT=out-h1 npm run build
//   E2E_PORT=4191 KENTAN_OUT=out-h1 npx playwright test test/e2e/disk-full.spec.ts --project desktop
// Where neither works (an unprivileged CI container), the test is skipped and says why. The tmpfs is unmounted at the
// end; if the run is killed half-way, `mount | grep kentan-disk-full` lists what to `umount`.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  composer,
  launchChromium,
  minuteEntries,
  prepareLiveMeeting,
  type KillableBrowser,
} from '../bench/live-harness.mjs';
import { screenshot } from './helpers';

/** Big enough for Chromium's profile and the demo, small enough to fill at once. */
const TMPFS_SIZE = '64m';

// The runner would trace a browser it did not start and then fail to collect the trace from it.
test.use({ trace: 'off' });

/** Mount a tmpfs on `dir` as root or through `sudo -n`; the reason it cannot be done otherwise. */
function mountTmpfs(dir: string): { ok: true; umount: () => void } | { ok: false; why: string } {
  const args = ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE},mode=0700`, 'tmpfs', dir];
  const tries: [string, string[]][] =
    process.getuid?.() === 0 ? [['mount', args]] : [['sudo', ['-n', 'mount', ...args]]];
  const reasons: string[] = [];
  for (const [command, argv] of tries) {
    try {
      execFileSync(command, argv, { stdio: 'pipe' });
      // Lazy: the browser's last processes may still be closing their files when the test ends.
      const umount = () =>
        execFileSync(
          command === 'sudo' ? 'sudo' : 'umount',
          command === 'sudo' ? ['-n', 'umount', '-l', dir] : ['-l', dir],
          { stdio: 'pipe' },
        );
      return { ok: true, umount };
    } catch (error) {
      const said = String((error as { stderr?: unknown }).stderr ?? '').trim();
      reasons.push(`${command} ${argv.join(' ')}: ${said || (error as Error).message.split('\n')[0]}`);
    }
  }
  return { ok: false, why: reasons.join('; ') };
}

/** Write a file until the file system has no byte left; resolves with its path. */
function fill(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  try {
    for (const size of [1 << 20, 1 << 12, 1 << 9, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** The texts of a meeting's minute entries in the page's database. */
function storedTexts(page: Page, meetingId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('minuteEntries').objectStore('minuteEntries').getAll();
          all.onsuccess = () => {
            open.result.close();
            const entries = all.result as { meetingId: string; text: string }[];
            resolve(entries.filter((e) => e.meetingId === id).map((e) => e.text));
          };
          all.onerror = () => reject(all.error);
        };
      }),
    meetingId,
  );
}

const free = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

test('a full disk on Enter: Chinese words, the text kept, and the next Enter works once space is back', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const baseUrl = `http://localhost:${process.env['E2E_PORT'] ?? 4173}`;
  const dir = mkdtempSync(join(tmpdir(), 'kentan-disk-full-'));
  const mounted = mountTmpfs(dir);
  if (!mounted.ok) rmSync(dir, { recursive: true, force: true });
  test.skip(
    !mounted.ok,
    `This machine cannot mount a tmpfs for the browser profile (${mounted.ok ? '' : mounted.why}). Run the test as root or ` +
      'with password-less sudo (`sudo -n mount -t tmpfs …` must work), see the header of test/e2e/disk-full.spec.ts.',
  );
  if (!mounted.ok) return;
  let session: KillableBrowser | undefined;
  let filler: string | undefined;
  try {
    session = await launchChromium(join(dir, 'profile'));
    const page = session.page;
    const meetingId = await prepareLiveMeeting(page, baseUrl);
    const alert = page.locator('.composer').getByRole('alert');
    await composer(page).focus();
    await page.keyboard.insertText('磁盘满之前的一条，照常保存');
    await page.keyboard.press('Enter');
    await expect(minuteEntries(page).filter({ hasText: '磁盘满之前的一条' })).toHaveCount(1);
    // A mark on the page: it is gone if anything reloads it.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    filler = fill(dir);
    expect(free(dir)).toBeLessThan(4096);
    // The database's log file may still have a few kilobytes left in its last page: she goes on recording, and one of
    // the next entries is the one that does not fit.
    let words = '';
    const committed = ['磁盘满之前的一条，照常保存'];
    for (let n = 1; n <= 40; n++) {
      words = `磁盘满了之后的第${n}段：${'企业的用电增容申请已经等了三个月，'.repeat(6)}还是没有批下来。`;
      await composer(page).focus();
      await page.keyboard.insertText(words);
      await page.keyboard.press('Enter');
      const listed = minuteEntries(page).filter({ hasText: `磁盘满了之后的第${n}段` });
      await expect(alert.or(listed).first()).toBeVisible({ timeout: 15_000 });
      if (await alert.isVisible()) break;
      committed.push(words);
    }
    await expect(alert).toContainText('这条记录没有保存');
    await expect(alert).toContainText(/磁盘空间不足|磁盘已满/);
    await expect(alert).toContainText('已输入的文字仍在输入框中');
    // No raw English (UnknownError, backing store …) is shown.
    expect(await alert.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await expect(composer(page)).toHaveValue(words);
    await expect(minuteEntries(page).filter({ hasText: words })).toHaveCount(0);
    await screenshot(page, testInfo, '73-disk-full-message');

    // Still full: Enter again fails the same way, and the text is still there.
    await composer(page).focus();
    await page.keyboard.press('Enter');
    await expect(alert).toContainText('这条记录没有保存');
    await expect(composer(page)).toHaveValue(words);

    // Space is back: the next Enter works, in the same page.
    rmSync(filler);
    filler = undefined;
    await composer(page).focus();
    await page.keyboard.press('Enter');
    await expect(minuteEntries(page).filter({ hasText: words })).toHaveCount(1, { timeout: 15_000 });
    await expect(composer(page)).toHaveValue('');
    await expect(alert).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    // And every entry is on disk, once each: what was saved before the disk filled, and the one saved after.
    committed.push(words);
    await page.reload();
    await expect(minuteEntries(page).filter({ hasText: words })).toHaveCount(1);
    expect((await storedTexts(page, meetingId)).sort()).toEqual(committed.sort());
  } finally {
    await session?.kill();
    if (filler) rmSync(filler, { force: true });
    mounted.umount();
    rmSync(dir, { recursive: true, force: true });
  }
});
