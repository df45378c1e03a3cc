// npm run bench: the figures of DESIGN.md §6, each printed beside its budget (and its floor, where
// one is measured in the same run). A benchmark, not a test: it reports, it does not fail on noise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startWebServer } from '../../build/scripts/serve-web.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const PORT = Number(process.env.BENCH_PORT ?? 4174);

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`;
const rows = [];
const report = (name, value, budget, floor = '') => {
  rows.push({ name, value, budget, floor });
  console.log(
    `  ${name.padEnd(44)} ${value.padStart(22)}   budget ${budget}${floor ? `   floor ${floor}` : ''}`,
  );
};

const build = spawnSync('npx', ['vite', 'build', '--config', 'test/bench/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startWebServer({ port: PORT, mounts: { '/bench': join(root, 'out/bench') } });
const profile = mkdtempSync(join(tmpdir(), 'kentan-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  args: ARGS,
  headless: true,
  viewport: { width: 1366, height: 768 },
});
const origin = `http://localhost:${PORT}`;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => 'deskBench' in window);

  console.log('\n恳谈会务台 · 性能基准 (DESIGN.md §6)\n');

  // 1. Enter → a minute entry committed in IndexedDB, 500 commits into a meeting of 2,000 entries.
  const commit = await page.evaluate(() => window.deskBench.minuteCommit(2000, 500));
  const appP50 = quantile(commit.app, 0.5);
  const appP95 = quantile(commit.app, 0.95);
  const bareP50 = quantile(commit.bare, 0.5);
  const bareP95 = quantile(commit.bare, 0.95);
  report(
    'Enter → entry durable, p50 (2,000 in meeting)',
    ms(appP50),
    `≤ 50 ms and ≤ 3× floor (${ms(3 * bareP50)})`,
    `bare put p50 ${ms(bareP50)}`,
  );
  report(
    'Enter → entry durable, p95 (2,000 in meeting)',
    ms(appP95),
    `≤ 50 ms and ≤ 3× floor (${ms(3 * bareP95)})`,
    `bare put p95 ${ms(bareP95)}`,
  );

  // 2. Start-up: navigation start → meetings list interactive; first on an empty database (the
  // floor: code loading alone), then with ten years of data.
  const startup = async () => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      await page.goto(`${origin}/#/meetings`, { waitUntil: 'load' });
      const mark = await page.waitForFunction(
        () => performance.getEntriesByName('desk:interactive')[0]?.startTime,
        null,
        { timeout: 60_000 },
      );
      times.push(await mark.jsonValue());
    }
    return times;
  };
  const empty = await startup();
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => 'deskBench' in window);
  const seedStart = Date.now();
  const counts = await page.evaluate(() => window.deskBench.seedTenYears());
  console.log(
    `  (seeded ${counts.meetings} meetings, ${counts.concerns} concerns, ${counts.minuteEntries} minute entries in ${((Date.now() - seedStart) / 1000).toFixed(1)} s)`,
  );
  // 3. Search over all concerns and enterprises (汉字, full pinyin, initials).
  const queries = ['fzgg', '拨付', 'bofu', 'zjbt', '临江', 'lj', '限行时间', 'tudizhibiao'];
  const search = await page.evaluate((q) => window.deskBench.search(q, 10), queries);
  report(
    `Search, p50 (${search.items} concerns + enterprises)`,
    ms(quantile(search.times, 0.5)),
    '≤ 50 ms',
    `index built once in ${ms(search.buildMs)}`,
  );
  report(`Search, p95 (${search.items} concerns + enterprises)`, ms(quantile(search.times, 0.95)), '≤ 50 ms');

  const startups = await startup();
  const rowsShown = await page.locator('.meetings .el-table__row').count();
  report(
    'Start-up to interactive, median of 5 (10 years)',
    ms(quantile(startups, 0.5)),
    '≤ 1000 ms (RAIL load)',
    `empty database ${ms(quantile(empty, 0.5))}`,
  );
  report(
    'Start-up to interactive, worst of 5 (10 years)',
    ms(Math.max(...startups)),
    '≤ 1000 ms (RAIL load)',
    `empty database ${ms(Math.max(...empty))}; ${rowsShown} rows on the first page`,
  );
  console.log('');
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
