// 企业名录 (issue 17): a directory file of `rows` enterprises previewed and imported through the real 企业库 screen, then
// searched keystroke by keystroke — each in a browser of its own on an empty profile, so sizes do not mix and the
// other sections' ten years stay as they are. Times are the page's own (driven inside it): the file is fetched from
// the bench server and handed to the file input as a user's pick would be, so the driver's own work (Playwright
// builds a picked file on the page's main thread) is not counted. Every main-thread task over 50 ms is seen by the
// Long Tasks API.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCreditCodeCheckChar } from '../../shared/domain/credit-code.ts';

const PLACES = [...'临江青溪新乐东湖南岭西山北塘云溪龙泉凤凰'].reduce(
  (all, ch, i, chars) => (i % 2 ? [...all, chars[i - 1] + ch] : all),
  [],
);
const WORDS = [...new Set('丰泽华星禾香顺达蓝湾恒泰振兴宏远鑫盛福瑞安康永嘉金鼎天宇海川明德博源晨光佳和')];
const TRADES = [
  '钢构',
  '机械制造',
  '食品',
  '物流',
  '酒店管理',
  '农业科技',
  '电子科技',
  '纺织',
  '建材',
  '医药',
];
const TRADE_OF = ['制造业', '批发和零售业', '住宿和餐饮业', '交通运输业'];
const STREETS = ['新乐镇', '城东街道', '城西街道', '临港街道', '龙泉镇'];

/**
 * A directory export as Excel's "CSV UTF-8" writes it: `rows` distinct enterprises (place + two words + trade, each
 * combination once, spread), valid credit codes and mobile numbers.
 */
export function directoryCsv(rows) {
  const lines = ['企业名称,统一社会信用代码,法定代表人,联系人,职务,联系电话,所属行业,所属街道'];
  const combos = PLACES.length * WORDS.length * WORDS.length * TRADES.length;
  if (rows > combos) throw new Error(`at most ${combos} distinct names`);
  for (let i = 0; i < rows; i++) {
    // A step coprime with the number of combinations visits each once, in a scattered order.
    let k = (i * 7919 + 13) % combos;
    const pick = (list) => {
      const item = list[k % list.length];
      k = Math.floor(k / list.length);
      return item;
    };
    const name = `${pick(PLACES)}${pick(WORDS)}${pick(WORDS)}${pick(TRADES)}有限公司`;
    const body = `91339901${String(i).padStart(9, '0')}`;
    const code = body + computeCreditCodeCheckChar(body);
    const phone = `13${String(800_000_000 + i).padStart(9, '0')}`;
    lines.push(
      `${name},${code},张建国,李晓梅,总经理,${phone},${TRADE_OF[i % TRADE_OF.length]},${STREETS[i % STREETS.length]}`,
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** Search queries typed key by key: initials, full pinyin, 汉字, a mixture, one with no match. */
const QUERIES = [
  'fzgg',
  'lj',
  'xinle',
  '临江丰泽',
  'hxjx',
  'qxsd',
  '丰泽',
  'longquan',
  'bsjs',
  '云溪',
  'zzzq',
];

/** In the page: helpers that time an action until a frame has been produced after what it waits for. */
const PAGE_HELPERS = () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  /** When the app set the mark `name` (its own time, not when an observer of ours got round to it). */
  const marked = (name) =>
    new Promise((resolve) => {
      const at = () => performance.getEntriesByName(name)[0]?.startTime;
      if (at() !== undefined) return resolve(at());
      const obs = new PerformanceObserver(() => {
        if (at() === undefined) return;
        obs.disconnect();
        resolve(at());
      });
      obs.observe({ entryTypes: ['mark'] });
    });
  const watchTasks = () => {
    const tasks = [];
    const obs = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    obs.observe({ type: 'longtask' });
    return () => {
      obs.disconnect();
      return {
        longest: Math.max(0, ...tasks),
        over50: tasks.length,
        over100: tasks.filter((d) => d > 100).length,
      };
    };
  };
  /** Pick the fetched file in the 企业库 screen's file input; resolves with the time to the preview on screen. */
  window.directoryPreview = async () => {
    performance.clearMarks('desk:directory-preview-ready');
    const input = document.querySelector('input[aria-label="选择企业名录文件"]');
    const picked = new DataTransfer();
    picked.items.add(window.directoryFile);
    const stop = watchTasks();
    const t0 = performance.now();
    input.files = picked.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const ms = (await marked('desk:directory-preview-ready')) - t0;
    await frame();
    await new Promise((r) => setTimeout(r, 100));
    return { ms, ...stop() };
  };
  /** 导入选中的N家企业 → the directory on screen; then its pinyin search built in the background. */
  window.directoryImport = async () => {
    performance.clearMarks('desk:directory-imported');
    performance.clearMarks('desk:directory-search-ready');
    const button = [...document.querySelectorAll('.el-dialog button')].find((b) =>
      b.textContent.includes('导入选中的'),
    );
    const stop = watchTasks();
    const t0 = performance.now();
    button.click();
    const ms = (await marked('desk:directory-imported')) - t0;
    await frame();
    const indexMs = (await marked('desk:directory-search-ready')) - t0;
    await new Promise((r) => setTimeout(r, 100));
    return { ms, indexMs, heading: document.querySelector('h1')?.textContent ?? '', ...stop() };
  };
  /** Every query typed a key at a time into 搜索企业: key → the next frame produced, each. */
  window.directoryTyping = async (queries, rounds) => {
    const input = document.querySelector('input[aria-label="搜索企业"]');
    const times = [];
    const stop = watchTasks();
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        for (let i = 1; i <= q.length; i++) {
          const t = performance.now();
          input.value = q.slice(0, i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await frame();
          times.push(performance.now() - t);
        }
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
      }
    }
    return {
      times,
      shown: document.querySelectorAll('table[aria-label="企业列表"] tbody tr').length,
      ...stop(),
    };
  };
};

/**
 * One size: preview, import, search, then the same file previewed again against the directory it filled (a
 * yearly re-import: every row known). `launch(profile)` gives a browser context on that profile.
 */
async function oneSize({ launch, origin, rows, searchRounds }) {
  const profile = mkdtempSync(join(tmpdir(), 'kentan-bench-directory-'));
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/#/directory`);
    await page.getByRole('heading', { name: '企业库（0家）' }).waitFor({ timeout: 60_000 });
    await page.evaluate(PAGE_HELPERS);
    const fetchFile = () =>
      page.evaluate(async (n) => {
        const blob = await (await fetch(`/bench-data/directory-${n}.csv`)).blob();
        window.directoryFile = new File([blob], `企业名录-${n}.csv`, { type: 'text/csv' });
      }, rows);
    await fetchFile();
    const preview = await page.evaluate(() => window.directoryPreview());
    const counts = await page.getByRole('dialog', { name: '导入企业名录' }).getByRole('status').textContent();
    const imported = await page.evaluate(() => window.directoryImport());
    const typing = await page.evaluate(([q, r]) => window.directoryTyping(q, r), [QUERIES, searchRounds]);
    await fetchFile();
    const again = await page.evaluate(() => window.directoryPreview());
    const againCounts = await page
      .getByRole('dialog', { name: '导入企业名录' })
      .getByRole('status')
      .textContent();
    return { rows, preview, counts, imported, typing, again, againCounts };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The directory section of `npm run bench`: the 1,000-row floor, then 100,000 rows. `dataDir` is served at
 * /bench-data on the app's origin.
 */
export async function benchDirectory({ launch, origin, dataDir, sizes = [1000, 100_000], searchRounds = 2 }) {
  const results = [];
  for (const rows of sizes) {
    writeFileSync(join(dataDir, `directory-${rows}.csv`), directoryCsv(rows));
    results.push(await oneSize({ launch, origin, rows, searchRounds }));
  }
  return results;
}
