// The composer's keyboard rules in happy-dom: Enter commits, but never while an IME is composing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, h, nextTick, type App } from 'vue';
import { getActivePinia } from 'pinia';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import MinutesPanel from '../../renderer/components/live/MinutesPanel.vue';
import { useMinutesStore } from '../../renderer/stores/minutes';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import type { Floor } from '../../shared/domain/live';
import type { MinuteEntry } from '../../shared/domain/types';
import { counterIds, freshDatabase } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
let app: App | undefined;
let host: HTMLElement;
const committed: MinuteEntry[] = [];

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
  committed.length = 0;
});

afterEach(() => {
  app?.unmount();
  host?.remove();
});

const meetingId = () => demo.meetings.find((m) => m.edition === 15)!.id;
const tick = () => new Promise((r) => setTimeout(r, 0));
const count = () => db.minuteEntries.where('meetingId').equals(meetingId()).count();

const speaker = { who: '许家豪', whoId: 'ent-x' };

/** Mounts the panel with this floor, as the live store would give it. */
async function mount(floor: Floor = { speaker }) {
  useMinutesStore().setFloor(floor);
  host = document.createElement('div');
  document.body.appendChild(host);
  app = createApp({
    render: () =>
      h(MinutesPanel, {
        meetingId: meetingId(),
        onCommitted: (entry: MinuteEntry) => committed.push(entry),
      }),
  });
  app.use(getActivePinia()!);
  app.mount(host);
  const store = useMinutesStore();
  for (let i = 0; i < 50 && (store.loading || store.meetingId !== meetingId()); i++) await tick();
  await nextTick();
  return host.querySelector<HTMLTextAreaElement>('textarea[aria-label="记录内容"]')!;
}

const setFloor = (floor: Floor) => useMinutesStore().setFloor(floor);

function type(textarea: HTMLTextAreaElement, value: string) {
  textarea.value = value;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function key(target: HTMLElement, init: KeyboardEventInit) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** Waits for a commit that may be under way (fake-indexeddb answers on setImmediate). */
async function settle() {
  for (let i = 0; i < 20; i++) await tick();
}

describe('MinutesPanel composer', () => {
  it('commits on Enter with the current speaker, and clears only after the write', async () => {
    const textarea = await mount();
    type(textarea, '希望尽快拨付');
    const enter = key(textarea, { key: 'Enter', code: 'Enter' });
    expect(enter.defaultPrevented).toBe(true);
    await settle();
    expect(await count()).toBe(1);
    expect(committed).toHaveLength(1);
    expect(committed[0]).toMatchObject({
      who: '许家豪',
      whoId: 'ent-x',
      role: 'entrepreneur',
      text: '希望尽快拨付',
    });
    await nextTick();
    expect(textarea.value).toBe('');
  });

  it('never commits while an IME is composing: isComposing, keyCode 229, or just after compositionend', async () => {
    const textarea = await mount();
    textarea.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    type(textarea, 'nihao');
    expect(key(textarea, { key: 'Enter', isComposing: true }).defaultPrevented).toBe(false);
    expect(key(textarea, { key: 'Enter', keyCode: 229 }).defaultPrevented).toBe(false);
    // The flag alone, as some IMEs report isComposing false.
    expect(key(textarea, { key: 'Enter' }).defaultPrevented).toBe(false);
    type(textarea, '你好');
    textarea.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '你好' }));
    // The candidate-picking Enter right after compositionend (macOS, some Windows IMEs).
    expect(key(textarea, { key: 'Enter' }).defaultPrevented).toBe(false);
    await settle();
    expect(await count()).toBe(0);
    expect(textarea.value).toBe('你好');
    // A tick later, Enter is the secretary's again.
    key(textarea, { key: 'Enter' });
    await settle();
    expect(await count()).toBe(1);
  });

  it('keeps Shift+Enter for a new line and commits nothing for blank text', async () => {
    const textarea = await mount();
    type(textarea, '第一行');
    expect(key(textarea, { key: 'Enter', shiftKey: true }).defaultPrevented).toBe(false);
    type(textarea, '   ');
    key(textarea, { key: 'Enter' });
    await settle();
    expect(await count()).toBe(0);
  });

  it('switches the role with Alt+1…4 and tags the entry', async () => {
    const textarea = await mount();
    key(textarea, { key: '4', code: 'Digit4', altKey: true });
    await nextTick();
    const host4 = document.querySelector('[role="radio"][aria-checked="true"]');
    expect(host4?.getAttribute('aria-label')).toBe('主持人');
    type(textarea, '请下一位企业家发言');
    key(textarea, { key: 'Enter' });
    await settle();
    expect(committed[0]).toMatchObject({ role: 'host', who: '主持人' });
  });

  it('during a reply names the answering department, and after it the speaker again', async () => {
    const textarea = await mount();
    const who = () => host.querySelector<HTMLInputElement>('input[aria-label="发言人"]')!.value;
    const checked = () =>
      host.querySelector('[role="radio"][aria-checked="true"]')?.getAttribute('aria-label');
    setFloor({ speaker, reply: { role: 'department', who: '区人力资源和社会保障局', whoId: 'd-rsj' } });
    await nextTick();
    expect(checked()).toBe('部门');
    expect(who()).toBe('区人力资源和社会保障局');
    type(textarea, '人社局这边下个月办专场招聘会');
    key(textarea, { key: 'Enter' });
    await settle();
    expect(committed[0]).toMatchObject({ role: 'department', who: '区人力资源和社会保障局', whoId: 'd-rsj' });
    setFloor({ speaker });
    await nextTick();
    expect(checked()).toBe('企业家');
    expect(who()).toBe('许家豪');
  });

  it('says so when the floor moves with words still in the composer, and they keep their speaker', async () => {
    const textarea = await mount();
    type(textarea, '还有一件事');
    setFloor({ speaker, reply: { role: 'leader', who: '陈思远', whoId: 'l-1' } });
    await nextTick();
    const note = host.querySelector('[role="status"]');
    expect(note?.textContent).toContain('正在输入的文字仍记为「许家豪」，提交后改记「领导 陈思远」');
    key(textarea, { key: 'Enter' });
    await settle();
    expect(committed[0]).toMatchObject({ role: 'entrepreneur', who: '许家豪' });
    await nextTick();
    expect(host.querySelector('[role="status"]')).toBeNull();
    expect(host.querySelector('[role="radio"][aria-checked="true"]')?.getAttribute('aria-label')).toBe(
      '领导',
    );
  });
});
