// Crash stress: twenty rounds of “commit an entry, type a sentence, SIGKILL the whole browser, start it again on
// the same profile”. Odd rounds kill a little more than a second after the last key without Enter: the round
// survives when the sentence is back in the composer with the recovery notice. Even rounds press Enter and kill
// the moment the composer clears: the sentence must be a committed entry, not a restored draft. In every round
// every entry committed so far must be in the database. Prints the rounds survived and the timings.
//
//   node test/bench/crash-stress.mjs            (after npm run build; BENCH_CRASH_ROUNDS, BENCH_PORT)
//   npm run bench                                runs it at the end
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  commitEntry,
  composer,
  draftSavedAfter,
  launchChromium,
  minuteEntries,
  openLiveMeeting,
  prepareLiveMeeting,
  typeDraft,
} from './live-harness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** In the page: the texts of a meeting's entries, read from IndexedDB without the app. */
function storedTexts(meetingId) {
  return new Promise((resolveTexts, reject) => {
    const open = indexedDB.open('kentan-desk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db
        .transaction('minuteEntries')
        .objectStore('minuteEntries')
        .index('meetingId')
        .getAll(meetingId);
      request.onsuccess = () => {
        db.close();
        resolveTexts(request.result.map((e) => e.text));
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/**
 * Run `rounds` crash rounds against the app at `baseUrl` in a new profile; `killAfterMs` is the time from the
 * last key to the kill. Resolves with one result per round.
 */
export async function crashStress({ baseUrl, rounds = 20, killAfterMs = 1200, log = console.log }) {
  const profile = mkdtempSync(join(tmpdir(), 'kentan-crash-stress-'));
  let session = await launchChromium(profile);
  const results = [];
  try {
    const meetingId = await prepareLiveMeeting(session.page, baseUrl);
    const committed = [];
    for (let round = 1; round <= rounds; round++) {
      // Odd rounds leave a draft; even rounds press Enter and kill the moment the composer clears.
      const mode = round % 2 ? 'draft' : 'enter';
      const result = {
        round,
        mode,
        draftSavedMs: NaN,
        startMs: NaN,
        restoredMs: NaN,
        survived: false,
        problem: '',
      };
      const entry = `第${round}轮：按了回车的一条，断电也不能丢`;
      const draft = `第${round}轮：还没按回车的半句话，企业说厂房不够用，希望在园区再拿一块地`;
      try {
        const page = session.page;
        await commitEntry(page, entry);
        committed.push(entry);
        const lastKey = await typeDraft(page, draft);
        if (mode === 'draft') {
          result.draftSavedMs = await draftSavedAfter(page, lastKey);
          const since = (await page.evaluate(() => performance.now())) - lastKey;
          if (since < killAfterMs) await sleep(killAfterMs - since);
        } else {
          await page.keyboard.press('Enter');
          await page.waitForFunction(() => !document.querySelector('textarea[aria-label="记录内容"]')?.value);
          committed.push(draft);
        }
        await session.kill();

        const killedAt = performance.now();
        session = await launchChromium(profile);
        result.startMs = session.startMs;
        const again = session.page;
        await openLiveMeeting(again, baseUrl, meetingId);
        const notice = again.getByRole('status').filter({ hasText: '已恢复上次未提交的文字' });
        if (mode === 'draft') await notice.waitFor({ timeout: 5000 }).catch(() => undefined);
        result.restoredMs = performance.now() - killedAt;
        const restored = await composer(again).inputValue();
        const noticeText = (await notice.count()) ? await notice.innerText() : '';
        const stored = await again.evaluate(storedTexts, meetingId);
        const lost = committed.filter((t) => !stored.includes(t));
        const expected = mode === 'draft' ? draft : '';
        if (restored !== expected) result.problem = `输入框是“${restored}”`;
        else if (mode === 'draft' && !noticeText.includes(`（${[...draft].length}字，保存于`))
          result.problem = '没有恢复提示';
        else if (mode === 'enter' && noticeText) result.problem = '已提交的文字又被当作草稿恢复';
        else if (lost.length) result.problem = `丢了 ${lost.length} 条已提交的记录`;
        else result.survived = true;
        // Finish the sentence: the restored text commits like any other (or start clean after a failure).
        if (mode === 'draft' && restored === draft) {
          await composer(again).focus();
          await again.keyboard.press('Enter');
          await minuteEntries(again).filter({ hasText: draft }).first().waitFor();
          committed.push(draft);
        } else if (restored) await composer(again).fill('');
      } catch (error) {
        result.problem = error instanceof Error ? error.message.split('\n')[0] : String(error);
        await session.kill();
        session = await launchChromium(profile);
        await openLiveMeeting(session.page, baseUrl, meetingId).catch(() => undefined);
      }
      results.push(result);
      log(
        `  第 ${String(round).padStart(2)} 轮  ${mode === 'draft' ? '打字未提交后杀死' : '回车提交后立即杀死'}  ` +
          `${result.survived ? '✓ 无丢失' : `✗ ${result.problem}`}` +
          (mode === 'draft' ? `   草稿写入 ${result.draftSavedMs.toFixed(0)} ms` : '') +
          `   重启 ${result.startMs.toFixed(0)} ms` +
          `   杀死到恢复 ${result.restoredMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await session.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  return results;
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

/** One line of summary for the results. */
export function summarize(results) {
  const survived = results.filter((r) => r.survived).length;
  return {
    survived,
    rounds: results.length,
    draftSavedMedian: median(results.map((r) => r.draftSavedMs)),
    draftSavedMax: Math.max(...results.map((r) => r.draftSavedMs).filter(Number.isFinite)),
    startMedian: median(results.map((r) => r.startMs)),
    restoredMedian: median(results.map((r) => r.restoredMs)),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { startWebServer } = await import('../../build/scripts/serve-web.mjs');
  const port = Number(process.env.BENCH_PORT ?? 4175);
  const server = await startWebServer({ port });
  try {
    const rounds = Number(process.env.BENCH_CRASH_ROUNDS ?? 20);
    console.log(`\n恳谈会务台 · 崩溃压力测试：${rounds} 轮（SIGKILL 整个浏览器后在同一配置目录重启）\n`);
    const s = summarize(await crashStress({ baseUrl: `http://localhost:${port}`, rounds }));
    console.log(
      `\n  存活 ${s.survived} / ${s.rounds} 轮；草稿在最后一键后 ${s.draftSavedMedian.toFixed(0)} ms 写入（最慢 ${s.draftSavedMax.toFixed(0)} ms）；` +
        `重启中位 ${s.startMedian.toFixed(0)} ms，杀死到恢复中位 ${s.restoredMedian.toFixed(0)} ms\n`,
    );
    process.exitCode = s.survived === s.rounds ? 0 : 1;
  } finally {
    server.close();
  }
}
