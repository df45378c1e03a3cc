// The 跟踪督办 board in the real app: first paint (the nav link tapped on the meetings list → the board's rows
// on screen, the frame after them produced) and filter changes (a counter tapped, a select changed, a search
// typed → the rows on screen). Driven inside the page so each time is the page's own, not the driver's round trip.

/** In the page: time from `act()` until the board is no longer busy and a frame has been produced after it. */
const PAGE_HELPERS = () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const section = () => document.querySelector('section.follow-up');
  window.boardTimed = async (act) => {
    const t0 = performance.now();
    await act();
    // Vue patches in a microtask; a filter that needs the closed rows reads them first (aria-busy).
    for (;;) {
      await frame();
      const s = section();
      if (s && s.getAttribute('aria-busy') !== 'true') break;
    }
    return performance.now() - t0;
  };
};

/** Board first paint, `rounds` times, from the meetings list. */
async function firstPaint(page, origin, rounds) {
  await page.goto(`${origin}/#/meetings`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('desk:interactive').length > 0, null, {
    timeout: 60_000,
  });
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const ms = await page.evaluate(async () => {
      performance.clearMarks('desk:board-painted');
      const painted = new Promise((resolve) => {
        const obs = new PerformanceObserver((list) => {
          if (list.getEntriesByName('desk:board-painted').length) {
            obs.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          }
        });
        obs.observe({ entryTypes: ['mark'] });
      });
      const t0 = performance.now();
      document.querySelector('nav a[href="#/follow-up"]').click();
      return (await painted) - t0;
    });
    times.push(ms);
    await page.evaluate(() => document.querySelector('nav a[href="#/meetings"]').click());
    await page.waitForSelector('h1:text("会议列表")');
  }
  return times;
}

/** Filter changes on the board: counters, selects, search; the first read of the closed rows timed apart. */
async function filterChanges(page, rounds) {
  await page.evaluate(() => document.querySelector('nav a[href="#/follow-up"]').click());
  await page.waitForFunction(
    () => document.querySelector('section.follow-up')?.getAttribute('aria-busy') === 'false',
  );
  await page.evaluate(PAGE_HELPERS);
  return page.evaluate(async (rounds) => {
    const counter = (label) => () =>
      [...document.querySelectorAll('[aria-label="督办统计"] button')]
        .find((b) => b.getAttribute('aria-label').startsWith(label))
        .click();
    const select = (label, pick) => () => {
      const el = document.querySelector(`select[aria-label="${label}"]`);
      el.value = pick(el);
      el.dispatchEvent(new Event('change'));
    };
    const nth = (k) => (el) => el.options[Math.min(k, el.options.length - 1)].value;
    const clear = (label) => select(label, () => '');
    const search = (text) => () => {
      const el = document.querySelector('input[aria-label="搜索督办事项"]');
      el.value = text;
      el.dispatchEvent(new Event('input'));
    };
    const open = [
      counter('黄色预警'),
      counter('红色预警'),
      counter('今日到期'),
      counter('待回访'),
      counter('重办中'),
      counter('在办'),
    ];
    const firstClosed = await window.boardTimed(counter('已办结'));
    const more = [
      counter('已转报'),
      counter('已办结'),
      select('承办单位', nth(2)),
      select('牵头领导', nth(1)),
      clear('承办单位'),
      select('交办月份', nth(3)),
      select('诉求类别', nth(2)),
      clear('交办月份'),
      search('fzgg'),
      search('拨付'),
      search(''),
      clear('诉求类别'),
      clear('牵头领导'),
      select('预警', nth(1)),
      clear('预警'),
      select('排序', nth(1)),
      select('排序', nth(0)),
      counter('在办'),
      counter('在办'),
      counter('在办'),
    ];
    const times = [];
    for (let r = 0; r < rounds; r++)
      for (const act of [...open, ...more]) times.push(await window.boardTimed(act));
    const rows = document.querySelectorAll('table[aria-label="督办事项"] tbody tr').length;
    return { firstClosed, times, rows };
  }, rounds);
}

/** Board first paint and filter changes on whatever the database holds now. */
export async function benchBoard(page, origin, { rounds = 5, paints = 20 } = {}) {
  const paint = await firstPaint(page, origin, paints);
  const filters = await filterChanges(page, rounds);
  return { paint, ...filters };
}
