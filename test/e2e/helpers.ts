// Shared steps of the end-to-end tests.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Tap on a touch project, click otherwise: the same test drives both. */
export async function press(target: Locator, testInfo: TestInfo): Promise<void> {
  if (testInfo.project.use.hasTouch) await target.tap();
  else await target.click();
}

/** Save a full-page screenshot under test-results/screens/<project>/ for a person to look at. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = `test-results/screens/${testInfo.project.name}`;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/**
 * The moment every demo-based test starts at: the demo's dates (the meeting held yesterday, the next one
 * in 24 days), 文号 years and due dates all follow the page's clock, so the tests pin it and derive their
 * expectations from this one value — they pass on any day the suite runs.
 */
export const DEMO_NOW = new Date('2026-11-22T09:30:00+08:00');

/** Pin the page's clock at `DEMO_NOW` (it keeps running from there) before the app first loads. */
export async function pinClock(page: Page, at: Date = DEMO_NOW): Promise<void> {
  await page.clock.install({ time: at });
}

/** A date `days` after `DEMO_NOW` in Beijing, as Chinese documents write it (2026年12月7日). */
export function demoDay(days: number): string {
  const d = new Date(DEMO_NOW.getTime() + 8 * 3_600_000 + days * 86_400_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/**
 * 交办件 the demo has signed already: the items of its two earlier meetings, followed up (跟踪督办). What a test
 * signs is numbered on from there: its n-th item is 〔2026〕`DEMO_SIGNED + n`号.
 */
export const DEMO_SIGNED = 10;

/** The 文号 of the n-th item a test signs (under the pinned clock, in 2026). */
export function docNo(n: number): string {
  return `青工商联交〔2026〕${DEMO_SIGNED + n}号`;
}

/** Open the app on a fresh profile, the clock pinned at `DEMO_NOW`, and load the demo from the welcome card. */
export async function loadDemo(page: Page, testInfo: TestInfo): Promise<void> {
  await pinClock(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用恳谈会务台' })).toBeVisible();
  await press(page.getByRole('button', { name: '载入示例数据' }), testInfo);
  await expectDemoMeetings(page);
}

/** The demo's meeting waiting for signatures and its next one are listed with their status. */
export async function expectDemoMeetings(page: Page): Promise<void> {
  const table = page.getByRole('table', { name: '会议列表' }).or(page.locator('.meetings'));
  await expect(table.getByText('青溪区第14次“民营企业接待日”')).toBeVisible();
  await expect(table.getByText('青溪区第15次“民营企业接待日”')).toBeVisible();
  await expect(table.getByText('待签批')).toBeVisible();
  await expect(table.getByText('筹备中')).toBeVisible();
}

/** Drag with a finger: touch events through CDP (Playwright has no touch-drag helper). */
export async function touchDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag target not visible');
  const cdp = await page.context().newCDPSession(page);
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  // Aim into the far quarter of the target row, so the list reorders past it, not beside it.
  const end = { x: b.x + b.width / 2, y: b.y + (b.y > a.y ? b.height * 0.75 : b.height * 0.25) };
  const point = (p: { x: number; y: number }) => [{ x: Math.round(p.x), y: Math.round(p.y), id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(start) });
  for (let i = 1; i <= 20; i++) {
    const t = i / 20;
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point({ x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t }),
    });
    await page.waitForTimeout(16);
  }
  // The list ignores a finger over a row that is still animating: once the animation is over,
  // move a pixel either way, as a resting finger does, then lift.
  for (const dy of [1, -1]) {
    await page.waitForTimeout(200);
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point({ x: end.x, y: end.y + dy }),
    });
  }
  await page.waitForTimeout(100);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Drag with the mouse, in small steps so the sortable list follows. */
export async function mouseDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag target not visible');
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const end = { x: b.x + b.width / 2, y: b.y + (b.y > a.y ? b.height * 0.75 : b.height * 0.25) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // One step a frame, as a hand moves: the list reorders as it goes, not in one jump.
  for (let i = 1; i <= 20; i++) {
    const t = i / 20;
    await page.mouse.move(start.x + (end.x - start.x) * t, start.y + (end.y - start.y) * t);
    await page.waitForTimeout(16);
  }
  // The list ignores a pointer over a row that is still animating: once the animation is over,
  // move a pixel either way, as a resting hand does, then release.
  for (const dy of [1, -1]) {
    await page.waitForTimeout(200);
    await page.mouse.move(end.x, end.y + dy);
  }
  await page.waitForTimeout(100);
  await page.mouse.up();
}

/** Drag the way the project's user would: a finger on the touch project, the mouse otherwise. */
export async function drag(page: Page, from: Locator, to: Locator, testInfo: TestInfo): Promise<void> {
  if (testInfo.project.use.hasTouch) await touchDrag(page, from, to);
  else await mouseDrag(page, from, to);
}

/** The id of a meeting by its 期次, read straight from the app's IndexedDB. */
export async function meetingIdByEdition(page: Page, edition: number): Promise<string> {
  const id = await page.evaluate(
    (n) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('meetings').objectStore('meetings').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as Array<{ id: string; edition: number }>).find((m) => m.edition === n)?.id);
          };
        };
      }),
    edition,
  );
  if (!id) throw new Error(`no meeting with edition ${edition}`);
  return id;
}

/**
 * Write on an ink pad: each stroke is a list of points in fractions of the pad's box. A finger
 * (CDP touch events, which Chromium turns into touch pointer events) on a touch project, the
 * mouse otherwise.
 */
export async function writeOn(
  page: Page,
  pad: Locator,
  testInfo: TestInfo,
  strokes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>,
): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('ink pad not visible');
  const at = ([fx, fy]: readonly [number, number]) => ({
    x: Math.round(box.x + box.width * fx),
    y: Math.round(box.y + box.height * fy),
  });
  const touch = Boolean(testInfo.project.use.hasTouch);
  const cdp = touch ? await page.context().newCDPSession(page) : undefined;
  for (const stroke of strokes) {
    const points = stroke.map(at);
    for (const [i, p] of points.entries()) {
      if (cdp) {
        const type = i === 0 ? 'touchStart' : 'touchMove';
        await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: [{ ...p, id: 1 }] });
      } else if (i === 0) {
        await page.mouse.move(p.x, p.y);
        await page.mouse.down();
      } else {
        await page.mouse.move(p.x, p.y, { steps: 3 });
      }
    }
    if (cdp) await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    else await page.mouse.up();
  }
  await cdp?.detach();
}

/** A short two-stroke signature, in fractions of the pad's box. */
export const SIGNATURE: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [
  [
    [0.2, 0.6],
    [0.3, 0.3],
    [0.4, 0.65],
    [0.5, 0.35],
    [0.6, 0.6],
  ],
  [
    [0.65, 0.4],
    [0.8, 0.45],
  ],
];

/**
 * Sign the first `count` items of a meeting in 签批模式: one signature, then 确认签批此件 item by item (the
 * numbers run on from the demo's: docNo(1)…docNo(count)), and leave 签批模式.
 */
export async function signInSignMode(page: Page, testInfo: TestInfo, meetingId: string, count: number) {
  await page.goto(`/#/meetings/${meetingId}/sign`);
  await expect(page.getByRole('heading', { name: '签批模式' })).toBeVisible();
  await press(page.getByRole('radio', { name: '签一次，逐项确认' }), testInfo);
  await writeOn(page, page.getByRole('img', { name: '签名区' }), testInfo, SIGNATURE);
  await press(page.getByRole('button', { name: '签批', exact: true }), testInfo);
  await expect(page.getByLabel('签批结果').getByText(docNo(1))).toBeVisible();
  for (let n = 2; n <= count; n++) {
    await press(page.getByRole('button', { name: '下一件待签批' }), testInfo);
    await press(page.getByRole('button', { name: '确认签批此件' }), testInfo);
    await expect(page.getByLabel('签批结果').getByText(docNo(n))).toBeVisible();
  }
  await press(page.getByRole('button', { name: '退出签批模式' }), testInfo);
}

/** The sequence number of the audit record that signed the item with this 文号. */
export async function signRecordSeq(page: Page, docNumber: string): Promise<number> {
  const seq = await page.evaluate(
    (wanted) =>
      new Promise<number | undefined>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['assignments', 'auditLog']);
          const items = tx.objectStore('assignments').getAll();
          const records = tx.objectStore('auditLog').getAll();
          tx.oncomplete = () => {
            open.result.close();
            const item = (items.result as Array<{ id: string; docNumber?: string }>).find(
              (a) => a.docNumber === wanted,
            );
            const record = (records.result as Array<{ seq: number; action: string; entityId: string }>).find(
              (r) => r.action === 'sign' && r.entityId === item?.id,
            );
            resolve(record?.seq);
          };
        };
      }),
    docNumber,
  );
  if (seq === undefined) throw new Error(`no sign record for ${docNumber}`);
  return seq;
}

/** A change written straight into the app's IndexedDB, as someone with the profile's files could. */
export type Tamper =
  | { kind: 'status'; docNumber: string; status: string }
  | { kind: 'audit-detail'; seq: number; detail: string }
  | { kind: 'drop-newest-signature' }
  | { kind: 'rename-enterprise'; from: string; to: string };

/** Apply one `Tamper` to the database behind the app's back. */
export async function tamper(page: Page, change: Tamper): Promise<void> {
  await page.evaluate(
    (t) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kentan-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['assignments', 'auditLog', 'signOffs', 'enterprises'], 'readwrite');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
          type Row = Record<string, unknown>;
          const all = (store: string, then: (rows: Row[]) => void) => {
            const req = tx.objectStore(store).getAll();
            req.onsuccess = () => then(req.result as Row[]);
          };
          if (t.kind === 'status')
            all('assignments', (rows) => {
              const a = rows.find((r) => r['docNumber'] === t.docNumber)!;
              tx.objectStore('assignments').put({ ...a, status: t.status });
            });
          else if (t.kind === 'audit-detail') {
            const req = tx.objectStore('auditLog').get(t.seq);
            req.onsuccess = () =>
              tx.objectStore('auditLog').put({ ...(req.result as Row), detail: t.detail });
          } else if (t.kind === 'drop-newest-signature')
            all('auditLog', (records) => {
              const newest = records.sort((a, b) => Number(a['seq']) - Number(b['seq'])).at(-1)!;
              tx.objectStore('auditLog').delete(newest['seq'] as number);
              all('signOffs', (signOffs) => {
                const s = signOffs.find((x) => x['assignmentId'] === newest['entityId']);
                if (s) tx.objectStore('signOffs').delete(s['id'] as string);
              });
            });
          else
            all('enterprises', (rows) => {
              const e = rows.find((r) => r['name'] === t.from)!;
              tx.objectStore('enterprises').put({ ...e, name: t.to });
            });
        };
      }),
    change,
  );
}
