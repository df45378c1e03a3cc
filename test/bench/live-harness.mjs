// The live screen driven from outside, shared by the end-to-end tests (minutes.spec.ts, crash.spec.ts), the
// benchmark (live-bench.mjs) and the crash stress (crash-stress.mjs).
//
// A browser that can be killed outright: the system Chromium started as its own process on a profile on disk,
// driven over the DevTools protocol, and ended with SIGKILL to its whole process group — no unload handlers, no
// flushing, the way a crash, the task manager or a power cut ends it.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags of test/e2e/chromium.ts: headless as root on a machine without internet. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Start Chromium on `profile` and connect to it. Resolves with its pid, the page, how long the start took,
 * and `kill()`, which ends every process of this browser at once with SIGKILL and waits until it is gone.
 */
export async function launchChromium(profile, { width = 1366, height = 768 } = {}) {
  const started = performance.now();
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--window-size=${width},${height}`,
      '--lang=zh-CN',
      'about:blank',
    ],
    // Its own process group, so the kill takes the renderer and the storage processes with it.
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TZ: process.env.TZ ?? 'Asia/Shanghai' },
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      process.kill(child.pid, 'SIGKILL');
    }
    await exited;
  };
  try {
    const wsUrl = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`Chromium 启动超时：${output}`)), 30_000);
      child.stderr.on('data', (chunk) => {
        output += chunk;
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Chromium 退出（${code ?? signal}）：${output}`));
      });
    });
    const browser = await chromium.connectOverCDP(wsUrl);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width, height });
    return { pid: child.pid, browser, context, page, startMs: performance.now() - started, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}

export const composer = (page) => page.getByRole('textbox', { name: '记录内容' });
export const minuteEntries = (page) => page.getByRole('list', { name: '会议记录' }).getByRole('listitem');

/** 开始会议, confirming 按今天召开 when the meeting was planned for another day (the demo's 15th is). */
export async function startMeeting(page) {
  await page.getByRole('button', { name: '开始会议' }).click();
  const today = page.getByRole('button', { name: '按今天召开，开始会议' });
  const end = page.getByRole('button', { name: '结束会议' });
  await today.or(end).first().waitFor();
  if (await today.isVisible()) await today.click();
  await end.waitFor();
}

/** Load the demo from the welcome card and start its 15th meeting on the live screen; resolves with its id. */
export async function prepareLiveMeeting(page, baseUrl) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('link', { name: '会前准备' }).click();
  await page.getByRole('button', { name: '进入会中记录' }).click();
  await startMeeting(page);
  const id = /#\/meetings\/([^/]+)\/live/.exec(page.url())?.[1];
  if (!id) throw new Error(`不在会中记录页：${page.url()}`);
  return id;
}

/** Open a meeting's live screen and wait until its minutes are loaded. */
export async function openLiveMeeting(page, baseUrl, meetingId) {
  await page.goto(`${baseUrl}/#/meetings/${meetingId}/live`);
  await composer(page).waitFor();
  await page.locator('[role="list"][aria-label="会议记录"][aria-busy="false"]').waitFor();
}

/** Type into the composer and press Enter; resolves once the entry is listed (it is durable by then). */
export async function commitEntry(page, text) {
  await composer(page).focus();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await minuteEntries(page).filter({ hasText: text }).first().waitFor();
}

/**
 * Type into the composer key by key without Enter; resolves with the page's clock at the last input, for
 * `draftSavedAfter`.
 */
export async function typeDraft(page, text) {
  await composer(page).focus();
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__lastInput = 0;
    if (!w.__inputHooked) {
      w.__inputHooked = true;
      document.addEventListener('input', () => (w.__lastInput = performance.now()), { capture: true });
    }
  });
  await page.keyboard.type(text);
  return page.evaluate(() => /** @type {any} */ (window).__lastInput);
}

/** Milliseconds from `since` (page clock) to the first draft write after it; waits up to 5 s. */
export async function draftSavedAfter(page, since) {
  const handle = await page.waitForFunction(
    (t) => performance.getEntriesByName('desk:draft-saved').find((m) => m.startTime >= t)?.startTime,
    since,
    { timeout: 5000 },
  );
  return (await handle.jsonValue()) - since;
}

/**
 * Write `count` entries straight into the app's database (as a long session would have left them), with the text
 * of entry i from `textOf(i)`; reload the page to see them.
 */
export async function seedEntries(page, meetingId, count, textOf) {
  const texts = Array.from({ length: count }, (_, i) => textOf(i));
  await page.evaluate(
    ({ id, texts }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('minuteEntries', 'readwrite');
          const store = tx.objectStore('minuteEntries');
          const t0 = Date.now() - texts.length * 3000;
          texts.forEach((text, i) =>
            store.put({
              id: `seed-${i}`,
              meetingId: id,
              at: t0 + i * 3000,
              role: 'entrepreneur',
              who: '孙立伟',
              text,
              history: [],
            }),
          );
          tx.oncomplete = () => {
            db.close();
            resolve(undefined);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { id: meetingId, texts },
  );
}
