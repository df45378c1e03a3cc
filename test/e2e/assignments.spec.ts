import { expect, test, type Locator, type Page } from '@playwright/test';
import { docNo, loadDemo, press, screenshot } from './helpers';

/** What an Element Plus select shows: the chosen label sits beside its (empty) input. */
const shown = (scope: Locator, label: string) =>
  scope.locator('.el-select').filter({ has: scope.page().getByRole('combobox', { name: label }) });
const cards = (page: Page) => page.getByRole('article', { name: /^交办件\d+：/ });
const card = (page: Page, summary: string) => page.getByRole('article', { name: new RegExp(summary) });

// loadDemo pins the page's clock at DEMO_NOW (2026-11-22): every 文号 and due date below is of 2026.
test('拟办: the 14th meeting’s five drafts — edit, accept the suggestion, change the due date, merge, reload', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  await press(page.getByRole('link', { name: '签批', exact: true }), testInfo);
  await expect(page.getByRole('heading', { name: '青溪区第14次“民营企业接待日”' })).toBeVisible();
  await expect(cards(page)).toHaveCount(5);
  await expect(page.getByLabel('交办件数量')).toHaveText(/待签批 5 件 \/ 已签批 0 件/);
  await expect(page.getByRole('button', { name: /为需交办诉求生成草稿/ })).toHaveCount(0);
  await screenshot(page, testInfo, 'assignments-drafts');

  // The demand in the entrepreneur's words, and the answer given on site.
  const subsidy = card(page, '拨付住房租赁');
  await press(subsidy.getByRole('button', { name: /^查看原话/ }), testInfo);
  await expect(subsidy.locator('blockquote')).toBeVisible();
  await expect(subsidy.getByRole('list', { name: '现场答复' })).toContainText('区财政局');

  // Change the lead department: the co-departments no longer offer it.
  await press(subsidy.getByRole('combobox', { name: '牵头单位' }), testInfo);
  await page.keyboard.type('发改');
  await press(page.getByRole('option', { name: '区发展和改革局' }), testInfo);
  await expect(shown(subsidy, '牵头单位')).toHaveText('区发展和改革局');

  // Accept the suggested instruction, built from the fields as they are now.
  const suggestion = (await subsidy.getByText(/^建议：/).textContent())!.replace(/^建议：/, '');
  expect(suggestion).toContain('区发展和改革局');
  // The secretary already wrote one: the suggestion replaces it only when she says so.
  await press(subsidy.getByRole('button', { name: '采用建议' }), testInfo);
  const replace = page.getByRole('dialog', { name: '采用建议' });
  await expect(replace).toContainText('请财政局本月底前拨付到位，并向企业反馈。');
  await press(replace.getByRole('button', { name: '取消' }), testInfo);
  await expect(subsidy.getByRole('textbox', { name: '领导批示' })).toHaveValue(
    '请财政局本月底前拨付到位，并向企业反馈。',
  );
  await press(subsidy.getByRole('button', { name: '采用建议' }), testInfo);
  await press(replace.getByRole('button', { name: '采用' }), testInfo);
  await expect(subsidy.getByRole('textbox', { name: '领导批示' })).toHaveValue(suggestion);
  await expect(subsidy.getByRole('button', { name: '采用建议' })).toBeDisabled();

  // Type a change of words too: saved without leaving the field.
  const instruction = subsidy.getByRole('textbox', { name: '领导批示' });
  await instruction.click();
  await page.keyboard.press('End');
  await page.keyboard.type('请于月底前反馈。');
  await page.waitForTimeout(700);

  // The due date: the instruction's 两周内 (from the suggestion) follows it.
  expect(suggestion).toContain('两周内');
  const due = subsidy.getByRole('combobox', { name: '办理时限' }).or(subsidy.getByLabel('办理时限'));
  await due.first().click();
  await due.first().fill('2026年12月31日');
  await due.first().press('Enter');
  await expect(due.first()).toHaveValue('2026年12月31日');
  const retimed = `${suggestion.replace('两周内', '2026年12月31日前')}请于月底前反馈。`;
  await expect(subsidy.getByRole('textbox', { name: '领导批示' })).toHaveValue(retimed);
  // A time typed by hand that is not the chosen one is pointed out.
  await instruction.fill('请三天内答复企业。');
  await expect(subsidy.getByRole('alert').filter({ hasText: '批示写的是“三天内”' })).toBeVisible();
  await screenshot(page, testInfo, 'assignments-limit-mismatch');
  await instruction.fill(retimed);
  await expect(subsidy.getByRole('alert').filter({ hasText: '批示写的是' })).toHaveCount(0);

  // 归并: 临江丰泽钢构 has two drafts; the others have nothing to merge with.
  await expect(card(page, '接电排期').getByRole('button', { name: /^归并到…/ })).toBeDisabled();
  const acceptance = card(page, '一期项目验收');
  await press(acceptance.getByRole('button', { name: /^归并到…/ }), testInfo);
  const dialog = page.getByRole('dialog', { name: '归并交办件' });
  await expect(dialog.getByRole('radio')).toHaveCount(1);
  await expect(dialog.getByRole('radio', { name: /兑现二期厂房建设项目补贴/ })).toBeChecked();
  await screenshot(page, testInfo, 'assignments-merge');
  await press(dialog.getByRole('button', { name: '确定归并' }), testInfo);
  await expect(dialog).toBeHidden();
  await expect(cards(page)).toHaveCount(4);
  const merged = card(page, '兑现二期厂房建设项目补贴');
  await expect(merged).toContainText('3条诉求');
  await expect(merged).toContainText('加快一期项目验收及办证');
  await expect(merged.getByRole('button', { name: /^归并到…/ })).toBeDisabled();

  // Everything is in the database.
  await page.reload();
  await expect(cards(page)).toHaveCount(4);
  const again = card(page, '拨付住房租赁');
  await expect(shown(again, '牵头单位')).toHaveText('区发展和改革局');
  await expect(again.getByRole('textbox', { name: '领导批示' })).toHaveValue(retimed);
  await expect(again.getByLabel('办理时限').first()).toHaveValue('2026年12月31日');
  await expect(card(page, '兑现二期厂房建设项目补贴')).toContainText('加快一期项目验收及办证');
  await expect(page.getByLabel('交办件数量')).toHaveText(/待签批 4 件/);
  await screenshot(page, testInfo, 'assignments-after-reload');

  // The leader's screen is one button away.
  await press(page.getByRole('button', { name: '进入签批模式' }), testInfo);
  await expect(page).toHaveURL(/#\/meetings\/[^/]+\/sign$/);
});

test('the meetings list leads to 签批 for a meeting waiting for signatures', async ({ page }, testInfo) => {
  await loadDemo(page, testInfo);
  await screenshot(page, testInfo, 'assignments-meetings-list');
  await press(page.getByRole('button', { name: '签批：青溪区第14次“民营企业接待日”' }), testInfo);
  await expect(page.getByRole('heading', { name: '青溪区第14次“民营企业接待日”' })).toBeVisible();
  await expect(cards(page)).toHaveCount(5);
  await screenshot(page, testInfo, 'assignments-meetings-link');
});

test('with no meeting held yet, 签批 says so and leads to the meetings list', async ({ page }, testInfo) => {
  await page.goto('/');
  await press(page.getByRole('button', { name: '从空白开始' }), testInfo);
  await press(page.getByRole('link', { name: '签批', exact: true }), testInfo);
  await expect(page.getByText('还没有开过的会议，没有需要签批的交办件。')).toBeVisible();
  await screenshot(page, testInfo, 'assignments-none');
  await press(page.getByRole('link', { name: '打开会议列表' }), testInfo);
  await expect(page.getByRole('heading', { name: '会议列表' })).toBeVisible();
});

test('a meeting without assignments says where they come from', async ({ page }, testInfo) => {
  await loadDemo(page, testInfo);
  await press(page.getByRole('button', { name: '会前准备：青溪区第15次“民营企业接待日”' }), testInfo);
  await expect(page).toHaveURL(/\/prep$/);
  await page.goto(page.url().replace(/\/prep$/, '/assignments'));
  await expect(page.getByText('这次会议还没有交办件。')).toBeVisible();
  await expect(page.getByRole('button', { name: '进入签批模式' })).toBeDisabled();
  await screenshot(page, testInfo, 'assignments-empty');
});

test('a signed assignment is read-only, and one changed behind its signature is shown loudly', async ({
  page,
}, testInfo) => {
  await loadDemo(page, testInfo);
  await page.evaluate(forgeSignature, docNo(1));

  await page.goto('/#/assignments');
  await expect(
    page.getByRole('alert').filter({ hasText: /^记录校验失败：与前一条记录的链接不符/ }),
  ).toBeVisible();
  await screenshot(page, testInfo, 'assignments-audit-banner');
  const power = card(page, '新建冷库');
  await expect(power.getByText('已签批')).toBeVisible();
  await expect(power.getByText(docNo(1))).toBeVisible();
  await expect(power.getByRole('alert')).toContainText('签批后已修改');
  await expect(power.getByRole('alert')).toContainText('领导批示');
  await expect(power.getByRole('img', { name: '签名：赵国华' })).toBeVisible();
  await expect(power.getByRole('textbox')).toHaveCount(0);
  await expect(power.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByLabel('交办件数量')).toHaveText(/待签批 4 件 \/ 已签批 1 件/);
  await press(power.getByRole('button', { name: /^签批记录/ }), testInfo);
  await expect(power.getByRole('list', { name: /^签批记录/ })).toContainText('第1版');
  await power.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'assignments-tampered');

  // 修改并重新签批 asks why, then the assignment is a draft again with its number and old signature.
  await press(power.getByRole('button', { name: /^修改并重新签批/ }), testInfo);
  const prompt = page.getByRole('dialog', { name: '修改并重新签批' });
  await press(prompt.getByRole('button', { name: '改为待签批' }), testInfo);
  await expect(prompt.getByText('请填写修改原因')).toBeVisible();
  await prompt.getByRole('textbox').fill('批示被改动，请领导重新确认');
  await press(prompt.getByRole('button', { name: '改为待签批' }), testInfo);
  await expect(prompt).toBeHidden();
  await expect(power.getByText('待签批', { exact: true })).toBeVisible();
  await expect(power.getByRole('alert')).toHaveCount(0);
  await expect(power.getByRole('textbox', { name: '领导批示' })).toHaveValue('背后改过的批示。');
  await expect(power.getByRole('list', { name: /^签批记录/ })).toContainText(
    '当时批示：请协调加快接电排期。',
  );
  await screenshot(page, testInfo, 'assignments-reopened');
});

// What the page code below uses of the browser; the end-to-end tests compile without the DOM library.
interface Req<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface Tx {
  objectStore(name: string): { getAll(): Req<unknown[]>; put(row: object): void; add(row: object): void };
  oncomplete: (() => void) | null;
}
interface Idb {
  transaction(stores: string | string[], mode?: 'readwrite'): Tx;
  close(): void;
}
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    lineWidth: number;
    beginPath(): void;
    moveTo(x: number, y: number): void;
    bezierCurveTo(...xy: number[]): void;
    stroke(): void;
  } | null;
  toDataURL(type: string): string;
}
interface PageGlobals {
  indexedDB: { open(name: string): Req<Idb> };
  document: { createElement(tag: 'canvas'): Canvas };
}

/**
 * Runs in the page. Signing belongs to 签批模式; here the record is written the way a tampering
 * hand would: the demo's 冷库 assignment marked signed, a signature whose snapshot says the
 * instruction was different, and a forged audit record.
 */
async function forgeSignature(docNumber: string) {
  const { indexedDB, document } = globalThis as unknown as PageGlobals;
  const db = await new Promise<Idb>((done, fail) => {
    const r = indexedDB.open('kentan-desk');
    r.onsuccess = () => done(r.result);
    r.onerror = () => fail(r.error);
  });
  const all = <T>(store: string) =>
    new Promise<T[]>((done) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => done(r.result as T[]);
    });
  type Row = Record<string, unknown> & { id: string };
  const concerns = await all<Row>('concerns');
  const power = concerns.find((c) => String(c['summary']).startsWith('新建冷库'))!;
  const a = (await all<Row>('assignments')).find((x) => (x['concernIds'] as string[])[0] === power.id)!;
  const signer = (await all<Row>('leaders')).find((l) => l['name'] === '赵国华')!;
  const canvas = document.createElement('canvas');
  canvas.width = 480;
  canvas.height = 160;
  const ctx = canvas.getContext('2d')!;
  ctx.lineWidth = 5;
  ctx.beginPath();
  ctx.moveTo(40, 110);
  ctx.bezierCurveTo(120, 10, 180, 150, 260, 60);
  ctx.bezierCurveTo(300, 20, 360, 140, 440, 70);
  ctx.stroke();
  const signed = { ...a, status: 'signed', docNumber, dueAt: '2026-12-07' };
  const tx = db.transaction(['assignments', 'signOffs', 'auditLog'], 'readwrite');
  tx.objectStore('assignments').put({ ...signed, instruction: '背后改过的批示。' });
  tx.objectStore('signOffs').put({
    id: 'forged-sign-off',
    assignmentId: a.id,
    signer: signer.id,
    signedAt: Date.now() - 3_600_000,
    strokes: [],
    png: canvas.toDataURL('image/png'),
    contentHash: '0'.repeat(64),
    // What signedContent() keeps: the leader's decisions, not status or timestamps.
    content: {
      ...signed,
      instruction: a['instruction'],
      status: undefined,
      createdAt: undefined,
      updatedAt: undefined,
    },
  });
  tx.objectStore('auditLog').add({
    at: Date.now(),
    action: 'sign',
    entity: 'assignment',
    entityId: a.id,
    detail: '伪造',
    prevHash: 'x',
    hash: 'y',
  });
  await new Promise<void>((done) => (tx.oncomplete = done));
  db.close();
}
