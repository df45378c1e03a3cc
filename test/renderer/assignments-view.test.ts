// The 拟办 screen in happy-dom: a signed assignment is read-only with its number, one changed after
// signing says so loudly, and typed words reach the database without leaving the field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, nextTick, type App } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { getActivePinia } from 'pinia';
import ElementPlus from 'element-plus';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import AssignmentsView from '../../renderer/views/AssignmentsView.vue';
import { useAssignmentStore } from '../../renderer/stores/assignments';
import { useSettingsStore } from '../../renderer/stores/settings';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { counterIds, freshDatabase, ONE_STROKE, TINY_PNG } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
let app: App | undefined;
let host: HTMLElement;

const meeting = () => demo.meetings.find((m) => m.edition === 14)!;
const tick = () => new Promise((r) => setTimeout(r, 0));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: 1, newId: counterIds() });
  await loadDemoDataset(db, demo);
  await useSettingsStore().load();
});

afterEach(() => {
  app?.unmount();
  host?.remove();
});

async function mount() {
  const stub = { template: '<div />' };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: stub },
      { path: '/meetings', name: 'meetings', component: stub },
      { path: '/meetings/:id/live', name: 'live', component: stub },
      { path: '/meetings/:id/sign', name: 'sign-mode', component: stub },
    ],
  });
  host = document.createElement('div');
  document.body.appendChild(host);
  app = createApp(AssignmentsView, { id: meeting().id });
  app.use(getActivePinia()!).use(router).use(ElementPlus);
  // Their poppers take seconds to build in happy-dom; the end-to-end test drives the real ones.
  app.component('ElSelect', stub).component('ElDatePicker', stub);
  app.mount(host);
  for (let i = 0; i < 100 && !host.querySelector('article'); i++) await tick();
  await nextTick();
}

/** The card of the assignment whose demands include this summary. */
const card = (summary: string) =>
  [...host.querySelectorAll('article')].find((el) => el.getAttribute('aria-label')?.includes(summary))!;

describe('AssignmentsView', () => {
  it('shows a signed assignment read-only with its number, and a changed one loudly', async () => {
    const store = useAssignmentStore();
    await store.load(meeting().id);
    const signer = demo.leaders[0]!.id;
    const [power, subsidy] = ['新建冷库', '拨付住房租赁'].map((s) =>
      store.assignments.find((a) => store.concernById.get(a.concernIds[0]!)!.summary.includes(s))!,
    );
    expect(typeof (await store.sign(power!.id, signer, ONE_STROKE, TINY_PNG))).not.toBe('string');
    expect(typeof (await store.sign(subsidy!.id, signer, ONE_STROKE, TINY_PNG))).not.toBe('string');
    await db.assignments.update(subsidy!.id, { leadDeptId: demo.departments[0]!.id });

    await mount();
    expect(host.querySelector('[aria-label="交办件数量"]')!.textContent).toMatch(
      /待签批\s*3\s*件 \/ 已签批\s*2\s*件/,
    );

    const signed = card('新建冷库');
    expect(signed.textContent).toContain('已签批');
    expect(signed.querySelector('.card__number')!.textContent).toMatch(/^青工商联交〔\d{4}〕[12]号$/);
    expect(signed.querySelector('textarea, input')).toBeNull();
    expect(signed.querySelector('[role="alert"]')).toBeNull();
    expect(signed.querySelector('img')!.getAttribute('alt')).toBe(`签名：${demo.leaders[0]!.name}`);
    expect(signed.querySelector('button[aria-label^="修改并重新签批"]')).not.toBeNull();
    expect(signed.querySelector('button[aria-label^="归并到"]')).toBeNull();

    const changed = card('拨付住房租赁');
    expect(changed.classList).toContain('card--problem');
    const alert = changed.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('签批后已修改');
    expect(alert.textContent).toContain('牵头单位');
    expect(changed.querySelector('textarea')).toBeNull();

    // The drafts are still editable.
    expect(card('一期项目验收').querySelector('textarea[aria-label="领导批示"]')).not.toBeNull();
  });

  it('saves typed words shortly after the last key, and at once on blur', async () => {
    await mount();
    const store = useAssignmentStore();
    const id = store.assignments.find((a) =>
      store.concernById.get(a.concernIds[0]!)!.summary.includes('一期项目验收'),
    )!.id;
    const target = card('一期项目验收');
    const textarea = target.querySelector<HTMLTextAreaElement>('textarea[aria-label="领导批示"]')!;
    textarea.value = '会后即到现场。';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    expect((await db.assignments.get(id))!.instruction).not.toBe('会后即到现场。');
    await wait(600);
    expect((await db.assignments.get(id))!.instruction).toBe('会后即到现场。');

    textarea.value = '会后即到现场，限期办结。';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.dispatchEvent(new FocusEvent('blur'));
    for (let i = 0; i < 20; i++) await tick();
    expect((await db.assignments.get(id))!.instruction).toBe('会后即到现场，限期办结。');
  });

  it('drafts the 需交办 demands left without an assignment from the header', async () => {
    const store = useAssignmentStore();
    await store.load(meeting().id);
    await db.assignments.delete(store.assignments[0]!.id);
    await mount();
    expect(host.querySelectorAll('article')).toHaveLength(4);
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('生成草稿'))!;
    expect(button.textContent).toContain('为需交办诉求生成草稿（1）');
    button.click();
    for (let i = 0; i < 50 && host.querySelectorAll('article').length < 5; i++) await tick();
    expect(host.querySelectorAll('article')).toHaveLength(5);
    expect(await db.assignments.where('meetingId').equals(meeting().id).count()).toBe(5);
    await nextTick();
    expect([...host.querySelectorAll('button')].some((b) => b.textContent?.includes('生成草稿'))).toBe(false);
  });
});
