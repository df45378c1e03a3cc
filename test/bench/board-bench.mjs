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

/** Board first paint, `rounds` times, from the meetings list (after the first, from what the board kept). */
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

/**
 * The closed rows read in the background after the board's first paint, on a freshly loaded app: how long until
 * they and their search are in (the mark `desk:board-closed-ready`), and the longest main-thread task meanwhile.
 */
async function backgroundRead(page, origin) {
  await page.goto('about:blank');
  await page.goto(`${origin}/#/meetings`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('desk:interactive').length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(async () => {
    const tasks = [];
    const obs = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    obs.observe({ type: 'longtask' });
    const seen = (name, then = (resolve) => resolve(performance.now())) =>
      new Promise((resolve) => {
        const marks = new PerformanceObserver((list) => {
          if (list.getEntriesByName(name).length) {
            marks.disconnect();
            then(resolve);
          }
        });
        marks.observe({ entryTypes: ['mark'] });
      });
    const painted = seen('desk:board-painted', (resolve) =>
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
    );
    const ready = seen('desk:board-closed-ready');
    const t0 = performance.now();
    document.querySelector('nav a[href="#/follow-up"]').click();
    const paint = (await painted) - t0;
    const done = (await ready) - t0;
    await new Promise((r) => setTimeout(r, 100));
    obs.disconnect();
    return { paint, done, longest: Math.max(0, ...tasks), over50: tasks.filter((d) => d > 50).length };
  });
}

/**
 * Filter changes on the board: counters, selects, search. The first tap that shows the closed rows is timed apart:
 * after the background read is in (a secretary's first tap comes seconds after the board opens).
 */
async function filterChanges(page, rounds) {
  await page.evaluate(() => document.querySelector('nav a[href="#/follow-up"]').click());
  await page.waitForFunction(
    () => document.querySelector('section.follow-up')?.getAttribute('aria-busy') === 'false',
  );
  await page.waitForFunction(() => performance.getEntriesByName('desk:board-closed-ready').length > 0, null, {
    timeout: 60_000,
  });
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
  const fresh = [];
  for (let i = 0; i < 5; i++) fresh.push(await backgroundRead(page, origin));
  const background = {
    paints: fresh.map((f) => f.paint),
    done: Math.max(...fresh.map((f) => f.done)),
    longest: Math.max(...fresh.map((f) => f.longest)),
    over50: fresh.reduce((n, f) => n + f.over50, 0),
  };
  const paint = await firstPaint(page, origin, paints);
  const filters = await filterChanges(page, rounds);
  return { paint, background, ...filters };
}
