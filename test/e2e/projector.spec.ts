// The projector (投屏) follows the live screen over the meeting's BroadcastChannel. A second page of
// the same browser stands in for the live screen and posts raw messages in the channel's format
// (renderer/projector/projector-channel.ts), so this tests the wire format as well as the screen.
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './helpers';

const MEETING = '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const CHANNEL = `kentan-live:${MEETING}`;
const LIMIT = 8 * 60_000;
/** The queue's channel tags: internal, never on the projector. */
const INTERNAL_TAGS = /报名|点名|书面|现场/;

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

const speaker = (enterprise: string, name: string, title: string, channel = '报名') => ({
  enterprise,
  speaker: name,
  title,
  channel,
});

const BASE = {
  meetingId: MEETING,
  title: '青溪区第15次“民营企业接待日”',
  theme: '企业融资与项目建设',
  current: speaker('临江永安矿山机械制造有限公司', '周永安', '董事长'),
  next: [
    speaker('青溪古镇文化旅游发展有限公司', '林晓岚', '总经理', '点名'),
    speaker('临江丰泽钢构有限公司', '陈丰', '副总经理', '现场'),
  ],
  speakerLimitMs: LIMIT,
};

/**
 * Post a state as the live screen does. `elapsedMs` is how long the speaker has talked;
 * `running` false freezes the timer there.
 */
async function post(
  live: Page,
  state: Record<string, unknown>,
  { elapsedMs = 0, running = true }: { elapsedMs?: number; running?: boolean } = {},
): Promise<void> {
  await live.evaluate(
    ({ name, state, elapsedMs, running }) => {
      const w = globalThis as unknown as { liveChannel?: InstanceType<typeof BroadcastChannel> };
      w.liveChannel ??= new BroadcastChannel(name);
      const now = Date.now();
      const timer = running
        ? { running: true, startedAt: now - elapsedMs, accumulatedMs: 0 }
        : { running: false, accumulatedMs: elapsedMs };
      w.liveChannel.postMessage({ v: 1, type: 'state', state: { ...state, timer, sentAt: now } });
    },
    { name: CHANNEL, state, elapsedMs, running },
  );
}

/** Nothing on the projector is cut off or pushed out of the screen. */
async function expectNothingCut(projector: Page): Promise<void> {
  const problems = await projector.locator('.projector, .projector *').evaluateAll((elements) => {
    const out: string[] = [];
    for (const el of elements) {
      const view = el.ownerDocument.defaultView!;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const label = `${String(el.className) || el.tagName} «${(el.textContent ?? '').trim().slice(0, 20)}»`;
      if (r.left < -1 || r.top < -1 || r.right > view.innerWidth + 1 || r.bottom > view.innerHeight + 1) {
        out.push(`${label} outside the screen: ${JSON.stringify(r)}`);
      }
      if (view.getComputedStyle(el).display === 'inline') continue;
      // Sideways a name must wrap or shrink, never run past its box. (Downwards the tall CJK
      // glyphs overhang their line boxes a little by design; the screen itself must not overflow.)
      const root = el.classList.contains('projector');
      if (el.scrollWidth > el.clientWidth + 1 || (root && el.scrollHeight > el.clientHeight + 1)) {
        out.push(
          `${label} overflows: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        );
      }
    }
    // The speaker block stays in its own band, clear of the timer and the queue below it.
    const floor = elements.find((el) => el.classList.contains('pfloor'));
    if (floor) {
      const box = floor.getBoundingClientRect();
      for (const child of floor.children) {
        const r = child.getBoundingClientRect();
        if (r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          out.push(
            `${String(child.className)} «${child.textContent?.slice(0, 20)}» leaves the speaker block`,
          );
        }
      }
    }
    return out;
  });
  expect(problems).toEqual([]);
}

/** A computed style property of the first element matching `selector`. */
async function style(projector: Page, selector: string, property: 'fontSize' | 'color'): Promise<string> {
  return projector
    .locator(selector)
    .first()
    .evaluate((el, p) => el.ownerDocument.defaultView!.getComputedStyle(el)[p], property);
}

test('the projector follows the live screen: speaker, next two, timer phases, interjection', async ({
  page: projector,
  context,
}, testInfo) => {
  await projector.setViewportSize(SIZES[0]!);
  await projector.goto(`/#/projector/${MEETING}`);
  await expect(projector.getByRole('status')).toHaveText('等待会议开始…');
  await expect(projector.getByRole('navigation')).toHaveCount(0);
  await expect(projector.getByRole('button')).toHaveCount(0);
  await expect(projector).toHaveTitle('投屏 · 恳谈会务台');
  await screenshot(projector, testInfo, 'projector-1920-waiting');

  // The live screen, in another window of the same browser.
  const live = await context.newPage();
  await live.goto('/favicon.svg');

  await post(live, BASE, { elapsedMs: 5_000 });
  const floor = projector.getByRole('region', { name: '当前发言' });
  await expect(floor).toHaveAttribute('aria-live', 'polite');
  await expect(projector.getByRole('heading', { name: '青溪区第15次“民营企业接待日”' })).toBeVisible();
  await expect(projector.getByText('主题：企业融资与项目建设')).toBeVisible();
  await expect(floor).toContainText('正在发言');
  // How each speaker came (报名, 点名, 现场) is the secretary's bookkeeping: the room never sees it.
  await expect(projector.locator('.projector')).not.toContainText(INTERNAL_TAGS);
  await expect(floor.getByText('临江永安矿山机械制造有限公司')).toBeVisible();
  await expect(floor.getByText('周永安　董事长')).toBeVisible();
  const upcoming = projector.getByRole('region', { name: '发言预告' });
  await expect(upcoming.getByRole('listitem')).toHaveCount(2);
  await expect(upcoming.getByRole('listitem').nth(0)).toContainText(
    '下一位青溪古镇文化旅游发展有限公司林晓岚　总经理',
  );
  await expect(upcoming.getByRole('listitem').nth(1)).toContainText(
    '再下一位临江丰泽钢构有限公司陈丰　副总经理',
  );

  // The timer counts down on its own, without further messages.
  const timer = projector.getByRole('timer', { name: '发言计时' });
  await expect(timer).toContainText('剩余时间');
  await expect(timer).toHaveAttribute('data-phase', 'normal');
  await expect(timer).toContainText(/07:5[45]/);
  await expect(timer).toContainText(/07:5[23]/, { timeout: 4_000 });

  // Readable from five metres: at 1920×1080 the enterprise is at least 64 px, the timer larger.
  const enterprisePx = parseFloat(await style(projector, '.pfloor__name', 'fontSize'));
  const timerPx = parseFloat(await style(projector, '.ptimer__digits', 'fontSize'));
  expect(enterprisePx).toBeGreaterThanOrEqual(64);
  expect(timerPx).toBeGreaterThan(enterprisePx);

  for (const size of SIZES) {
    await projector.setViewportSize(size);
    await post(live, BASE, { elapsedMs: 3 * 60_000 + 17_000 });
    await expect(timer).toContainText(/04:4[123]/);
    await expectNothingCut(projector);
    await screenshot(projector, testInfo, `projector-${size.width}-speaking`);
  }
  await projector.setViewportSize(SIZES[0]!);

  // The last minute: amber.
  await post(live, BASE, { elapsedMs: LIMIT - 50_000 });
  await expect(timer).toHaveAttribute('data-phase', 'warning');
  await expect(timer).toContainText(/00:(50|49|48)/);
  expect(await style(projector, '.ptimer__digits', 'color')).toBe('rgb(255, 176, 32)');
  for (const size of SIZES) {
    await projector.setViewportSize(size);
    await post(live, BASE, { elapsedMs: LIMIT - 42_000 });
    await expect(timer).toContainText(/00:4[012]/);
    await screenshot(projector, testInfo, `projector-${size.width}-last-minute`);
  }
  await projector.setViewportSize(SIZES[0]!);

  // Over time: red, 超时 and counting up.
  await post(live, BASE, { elapsedMs: LIMIT + 65_000 });
  await expect(timer).toHaveAttribute('data-phase', 'overtime');
  await expect(timer).toContainText('超时');
  await expect(timer).toContainText(/\+01:0[567]/);
  await expect(timer).toContainText(/\+01:0[789]/, { timeout: 4_000 });
  expect(await style(projector, '.ptimer__digits', 'color')).toBe('rgb(255, 90, 79)');
  for (const size of SIZES) {
    await projector.setViewportSize(size);
    await post(live, BASE, { elapsedMs: LIMIT + 12 * 60_000 + 34_000 });
    await expect(timer).toContainText(/\+12:3[456]/);
    await expectNothingCut(projector);
    await screenshot(projector, testInfo, `projector-${size.width}-overtime`);
  }
  await projector.setViewportSize(SIZES[0]!);

  // A department answers: the speaker keeps their place, their timer pauses.
  const reply = { ...BASE, interjection: { role: 'department', who: '区发展和改革局' } };
  await post(live, reply, { elapsedMs: 6 * 60_000, running: false });
  await expect(floor).toContainText('部门答复');
  await expect(floor.getByText('区发展和改革局')).toBeVisible();
  await expect(floor).toContainText('回应：临江永安矿山机械制造有限公司');
  await expect(floor).not.toContainText('正在发言');
  await expect(timer).toContainText('（已暂停）');
  await expect(timer).toContainText('02:00');
  for (const size of SIZES) {
    await projector.setViewportSize(size);
    await expectNothingCut(projector);
    await screenshot(projector, testInfo, `projector-${size.width}-department`);
  }
  await projector.setViewportSize(SIZES[0]!);

  await post(
    live,
    { ...BASE, interjection: { role: 'leader', who: '王立群　区委书记' } },
    { elapsedMs: 6 * 60_000, running: false },
  );
  await expect(floor).toContainText('领导讲话');
  await expect(floor.getByText('王立群　区委书记')).toBeVisible();

  // Far longer names than usual wrap or shrink, never cut; on a 4:3 projector too.
  const longest = '临江经济技术开发区永安矿山机械装备制造集团股份有限公司';
  const longNames = {
    ...BASE,
    current: speaker(longest, '欧阳振华', '党委书记、董事长、总经理', '现场'),
    next: [
      speaker('青溪（国际）文化旅游发展集团有限公司青溪古镇景区分公司', '林晓岚', '总经理', '点名'),
      speaker('青溪古镇文化旅游发展有限公司', '司马相如', '董事会秘书'),
    ],
  };
  for (const size of [...SIZES, { width: 1024, height: 768 }]) {
    await projector.setViewportSize(size);
    await post(live, longNames, { elapsedMs: 30_000 });
    await expect(floor.getByText(longest)).toBeVisible();
    await expect(upcoming.getByRole('listitem')).toHaveCount(2);
    await expect(projector.locator('.projector')).not.toContainText(INTERNAL_TAGS);
    await expectNothingCut(projector);
    await screenshot(projector, testInfo, `projector-${size.width}-long-names`);
  }

  // Between speakers: no timer, the queue still shown.
  await post(live, { ...BASE, current: undefined }, { running: false });
  await expect(floor).toContainText('请稍候');
  await expect(timer).toHaveCount(0);
  await expect(upcoming.getByRole('listitem')).toHaveCount(2);

  // A projector opened late, or reloaded, asks with hello and is current at once.
  await live.evaluate(
    ({ name, state }) => {
      const answer = new BroadcastChannel(name);
      answer.onmessage = (event: MessageEvent) => {
        if ((event.data as { type?: string }).type === 'hello') {
          const now = Date.now();
          const timer = { running: true, startedAt: now - 90_000, accumulatedMs: 0 };
          answer.postMessage({ v: 1, type: 'state', state: { ...state, timer, sentAt: now } });
        }
      };
    },
    { name: CHANNEL, state: BASE },
  );
  await projector.reload();
  await expect(floor.getByText('临江永安矿山机械制造有限公司')).toBeVisible();
  await expect(timer).toContainText(/06:(30|29|28)/);

  // Malformed messages change nothing.
  await live.evaluate((name) => {
    const stray = new BroadcastChannel(name);
    stray.postMessage({ v: 1, type: 'state', state: { meetingId: 'x', title: 1 } });
    stray.postMessage('清空');
    stray.close();
  }, CHANNEL);
  await projector.waitForTimeout(300);
  await expect(floor.getByText('临江永安矿山机械制造有限公司')).toBeVisible();
});
