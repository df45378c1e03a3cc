// The figures of the live screen (docs/architecture.md, "Budgets"), measured through the real screen in real Chromium, with the
// meeting holding 2,000 entries and ten years of data in the database:
//   Enter → entry durable: the Enter keydown's timestamp to the `desk:minute-committed` mark the store sets
//     once the transaction has completed; the floor is a bare strict IndexedDB put of a record of the same
//     size into the same database, right after each commit, in the same page;
//   key press → next frame while typing: a keydown's timestamp to the next requestAnimationFrame callback
//     (waiting for the display included: up to one frame, 16.7 ms, when nothing is dropped), and to the end of
//     that frame's rendering; and the work a key costs the main thread — its handlers (keydown to the last
//     listener of its input event) plus the rendering of that frame — which must fit in a frame; the floor is
//     the same typing into an empty meeting;
//   draft saved after the last key: the last input event to the next `desk:draft-saved` mark.
import { draftSavedAfter, startMeeting, typeDraft } from './live-harness.mjs';

const SENTENCE =
  '园区的道路晚上没有路灯，工人下夜班很不安全，希望尽快把路灯装起来，这个事情我们反映过两次了。';
// What a pinyin IME receives as keys while the secretary types Chinese.
const PINYIN = 'yuanqu de daolu wanshang meiyou ludeng gongren xia yeban hen bu anquan xiwang jinkuai ';

const composer = (page) => page.getByRole('textbox', { name: '记录内容' });

/** Open a meeting's live screen in a fresh document and start it; the composer has the focus. */
async function openLive(page, origin, meetingId) {
  await page.goto('about:blank');
  await page.goto(`${origin}/#/meetings/${meetingId}/live`);
  await startMeeting(page);
  await page.locator('[role="list"][aria-label="会议记录"][aria-busy="false"]').waitFor();
  await composer(page).focus();
}

async function enterToDurable(page, rounds) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__enter = [];
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) w.__enter.push(e.timeStamp);
      },
      true,
    );
    performance.clearMarks('desk:minute-committed');
  });
  const bare = [];
  for (let i = 0; i < rounds; i++) {
    await page.keyboard.insertText(`${SENTENCE}（第${i + 1}条）`);
    // A person's Enter comes after the frame that shows the last character (≥ 50 ms even for a fast typist).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => performance.getEntriesByName('desk:minute-committed').length >= n,
      i + 1,
    );
    bare.push(await page.evaluate(barePut, `${SENTENCE}（第${i + 1}条）`));
  }
  const app = await page.evaluate(() => {
    const marks = performance.getEntriesByName('desk:minute-committed').map((m) => m.startTime);
    return /** @type {any} */ (window).__enter.map(
      (/** @type {number} */ t, /** @type {number} */ i) => marks[i] - t,
    );
  });
  await page.evaluate(removeBarePuts);
  return { app, bare };
}

/** In the page: one strict put of a minute entry on a raw connection to the app's database; its duration. */
async function barePut(text) {
  const w = /** @type {any} */ (window);
  w.__raw ??= await new Promise((resolve, reject) => {
    const open = indexedDB.open('kentan-desk');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const record = {
    id: crypto.randomUUID(),
    meetingId: 'bench-bare',
    at: Date.now(),
    role: 'entrepreneur',
    who: '孙立伟',
    whoId: crypto.randomUUID(),
    text,
    history: [],
  };
  const t = performance.now();
  await new Promise((resolve, reject) => {
    const tx = w.__raw.transaction('minuteEntries', 'readwrite', { durability: 'strict' });
    tx.objectStore('minuteEntries').put(record);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  return performance.now() - t;
}

async function removeBarePuts() {
  const w = /** @type {any} */ (window);
  if (!w.__raw) return;
  await new Promise((resolve, reject) => {
    const tx = w.__raw.transaction('minuteEntries', 'readwrite');
    const store = tx.objectStore('minuteEntries');
    const keys = store.index('meetingId').getAllKeys('bench-bare');
    keys.onsuccess = () => keys.result.forEach((k) => store.delete(k));
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  w.__raw.close();
  w.__raw = undefined;
}

async function keyToFrame(page, keys) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__frames = [];
    let pending;
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return;
        const t0 = e.timeStamp;
        const record = { start: performance.now(), raf: NaN, rendered: NaN, handlers: NaN, frame: NaN };
        pending = record;
        requestAnimationFrame(() => {
          const frame = performance.now();
          record.raf = frame - t0;
          // A message posted from the frame's callback runs once the frame is rendered.
          const afterFrame = new MessageChannel();
          afterFrame.port1.onmessage = () => {
            const now = performance.now();
            record.rendered = now - t0;
            record.frame = now - frame;
            w.__frames.push(record);
          };
          afterFrame.port2.postMessage(null);
        });
      },
      true,
    );
    // The last listener of the key's input event: the app's handlers and Vue's update have run.
    document.addEventListener('input', () => {
      if (pending) pending.handlers = performance.now() - pending.start;
      pending = undefined;
    });
  });
  const text = PINYIN.repeat(Math.ceil(keys / PINYIN.length)).slice(0, keys);
  // 30 ms a key: faster than anyone types, slower than one frame.
  await page.keyboard.type(text, { delay: 30 });
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => /** @type {any} */ (window).__frames);
  await composer(page).fill('');
  return {
    raf: frames.map((f) => f.raf),
    rendered: frames.map((f) => f.rendered),
    // The main thread's work for one key: its handlers (keydown to the end of its input event, Vue's update
    // included) plus the rendering of the frame that shows it.
    work: frames.filter((f) => Number.isFinite(f.handlers)).map((f) => f.handlers + f.frame),
  };
}

async function draftSaved(page, rounds) {
  // Let the draft of whatever came before settle, so each figure is a pause after typing.
  await page.waitForTimeout(1000);
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const last = await typeDraft(page, `zhege wenti ${i} `);
    times.push(await draftSavedAfter(page, last));
    await page.waitForTimeout(50);
  }
  await composer(page).fill('');
  return times;
}

/**
 * Run the three measurements on the meeting `longId` (2,000 entries) and the typing floor on `emptyId`.
 * `sizes` sets how many commits, keys and drafts.
 */
export async function benchLive(page, origin, { longId, emptyId }, sizes = {}) {
  const { commits = 200, keys = 300, drafts = 20 } = sizes;
  await openLive(page, origin, emptyId);
  const emptyTyping = await keyToFrame(page, keys);

  await openLive(page, origin, longId);
  const entriesShown = await page.getByRole('list', { name: '会议记录' }).getByRole('listitem').count();
  const typing = await keyToFrame(page, keys);
  const draft = await draftSaved(page, drafts);
  const commit = await enterToDurable(page, commits);
  return { commit, typing, emptyTyping, draft, entriesShown };
}
