// 转为诉求 in happy-dom: the one-line summary typed into a demand survives a tap on a category or urgency chip
// straight after (it used to be blanked unless the field was left with Tab first).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, nextTick, type App } from 'vue';
import { getActivePinia } from 'pinia';
import ElementPlus from 'element-plus';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import LiveDemandsPanel from '../../renderer/components/live/LiveDemandsPanel.vue';
import { useLiveStore } from '../../renderer/stores/live';
import { useLiveDemandsStore } from '../../renderer/stores/live-demands';
import { useSettingsStore } from '../../renderer/stores/settings';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { counterIds, freshDatabase } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
let app: App | undefined;
let host: HTMLElement;

const meetingId = () => demo.meetings.find((m) => m.edition === 15)!.id;
const tick = () => new Promise((r) => setTimeout(r, 0));
const settle = async () => {
  for (let i = 0; i < 30; i++) await tick();
  await nextTick();
};

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: 1, newId: counterIds() });
  await loadDemoDataset(db, demo);
  await useSettingsStore().load();
});

afterEach(() => {
  app?.unmount();
  host?.remove();
  useLiveStore().close();
});

/** The live demands panel with the first speaker on the floor and their pre-collected demand confirmed. */
async function mount() {
  const live = useLiveStore();
  await live.open(meetingId());
  await live.start();
  const demands = useLiveDemandsStore();
  await demands.load(meetingId());
  await demands.confirmRaised(demands.ofCurrent[0]!);
  host = document.createElement('div');
  document.body.appendChild(host);
  app = createApp(LiveDemandsPanel);
  app.use(getActivePinia()!).use(ElementPlus);
  app.mount(host);
  await settle();
  return demands.ofCurrent[0]!.id;
}

function typeInto(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A chip of the card's category or urgency group, by its label. */
const chip = (group: string, name: string) =>
  [
    ...host.querySelectorAll<HTMLButtonElement>(`[role="radiogroup"][aria-label^="${group}"] [role="radio"]`),
  ].find((b) => b.textContent?.trim() === name)!;

describe('a demand card', () => {
  it('keeps the summary typed when a category and an urgency are tapped straight after', async () => {
    const id = await mount();
    const input = host.querySelector<HTMLInputElement>('input[aria-label^="摘要"]')!;
    input.focus();
    typeInto(input, '');
    typeInto(input, '旺季招工难，盼专场招聘会');
    // A tap: the field loses the focus (change fires), then the chip's click — no pause in between.
    chip('类别', '用工').click();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    chip('紧急程度', '急').click();
    await nextTick();
    expect(input.value).toBe('旺季招工难，盼专场招聘会');
    await settle();
    expect(input.value).toBe('旺季招工难，盼专场招聘会');
    expect(chip('类别', '用工').getAttribute('aria-checked')).toBe('true');
    expect(await db.concerns.get(id)).toMatchObject({
      summary: '旺季招工难，盼专场招聘会',
      category: '用工',
      urgency: 'urgent',
    });
  });

  it('keeps a summary still being typed (no change event yet) when a chip is tapped', async () => {
    const id = await mount();
    const input = host.querySelector<HTMLInputElement>('input[aria-label^="摘要"]')!;
    typeInto(input, '园区路灯');
    chip('类别', '基础设施').click();
    await settle();
    expect(input.value).toBe('园区路灯');
    expect(await db.concerns.get(id)).toMatchObject({ summary: '园区路灯', category: '基础设施' });
  });
});
