import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { repositories, type DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { useLiveStore } from '../../renderer/stores/live';
import { useLiveDemandsStore } from '../../renderer/stores/live-demands';
import { useSettingsStore } from '../../renderer/stores/settings';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import type { MinuteEntry } from '../../shared/domain/types';
import { counterIds, freshDatabase } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
const upcoming = () => demo.meetings.find((m) => m.edition === 15)!;
const past = () => demo.meetings.find((m) => m.edition === 14)!;

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
});
afterEach(() => useLiveStore().close());

describe('useLiveStore', () => {
  it('starts the meeting, moves the floor, and every change is saved', async () => {
    const live = useLiveStore();
    expect(await live.open(upcoming().id)).toBe(true);
    expect(live.isLive).toBe(false);
    await live.start();
    expect(live.isLive).toBe(true);
    expect(live.current?.speaker).toBe('孙立伟');
    expect(live.waiting.map((e) => e.speaker)).toEqual(['郑浩然', '林子涵', '韩冬梅']);
    await live.next();
    await live.markAbsent(live.waiting[0]!.id);
    expect(live.current?.speaker).toBe('郑浩然');
    expect(live.waiting.map((e) => e.speaker)).toEqual(['韩冬梅']);

    // Another window (or a restart) reads back the same state.
    setActivePinia(createPinia());
    const again = useLiveStore();
    await again.open(upcoming().id);
    expect(again.current?.speaker).toBe('郑浩然');
    expect(again.finished.map((e) => e.speaker)).toEqual(['孙立伟']);
    expect(again.absent.map((e) => e.speaker)).toEqual(['林子涵']);
    expect((await db.meetings.get(upcoming().id))?.status).toBe('live');
    again.close();
  });

  it('adds a walk-in once, pauses for a reply, and ends the meeting for sign-off', async () => {
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    const fengze = demo.enterprises.find((e) => e.name === '临江丰泽钢构有限公司')!;
    await live.walkIn(fengze);
    await live.walkIn(fengze);
    expect(live.error).toBe('“临江丰泽钢构有限公司”已在发言名单中');
    expect(live.waiting.at(-1)).toMatchObject({ channel: '现场', enterpriseId: fengze.id });
    await live.beginReply('department', '区人力资源和社会保障局');
    expect(live.session?.interjection?.who).toBe('区人力资源和社会保障局');
    expect(live.session?.timer.running).toBe(false);
    await live.endReply();
    expect(live.session?.timer.running).toBe(true);
    await live.end();
    expect(live.meeting?.status).toBe('signing');
    expect(live.current).toBeUndefined();
    const stored = await db.meetings.get(upcoming().id);
    expect(stored?.status).toBe('signing');
    expect(stored?.endedAt).toBeGreaterThan(0);
  });
});

describe('useLiveDemandsStore', () => {
  it('turns words into a demand of the speaker, merges further words, and drafts the assignment', async () => {
    await useSettingsStore().load();
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    const demands = useLiveDemandsStore();
    await demands.load(upcoming().id);
    const said: MinuteEntry = {
      id: 'm1',
      meetingId: upcoming().id,
      at: 1,
      role: 'entrepreneur',
      who: '孙立伟',
      text: '旺季缝纫工缺口一百多人。希望人社局组织专场招聘会。',
      history: [],
    };
    const concern = await demands.fromEntry(said, '希望人社局组织专场招聘会');
    if (typeof concern === 'string') throw new Error(concern);
    expect(concern).toMatchObject({
      enterpriseId: live.current?.enterpriseId,
      channel: '现场',
      minuteEntryIds: ['m1'],
    });
    demands.mergeTargetId = concern.id;
    await demands.fromEntry({ ...said, id: 'm2' }, '旺季缝纫工缺口一百多人');
    const merged = demands.concerns.find((c) => c.id === concern.id)!;
    expect(merged.minuteEntryIds).toEqual(['m1', 'm2']);
    expect(merged.verbatim).toContain('缺口');

    expect(await demands.draftFrom(merged, [])).toBe('请先把这条诉求标为“需交办”');
    const answer: MinuteEntry = {
      ...said,
      id: 'a1',
      role: 'department',
      who: '区人力资源和社会保障局',
      whoId: demo.departments.find((d) => d.name === '区人力资源和社会保障局')!.id,
      text: '我们下个月和经信局一起办专场招聘会。',
    };
    await demands.dispose(merged, 'assign', 'a1');
    await demands.setCategory(
      demands.concerns.find((c) => c.id === concern.id)!,
      '用工',
    );
    const ready = demands.concerns.find((c) => c.id === concern.id)!;
    const draft = await demands.draftFrom(ready, [answer]);
    if (typeof draft === 'string') throw new Error(draft);
    const name = (id: string) => demo.departments.find((d) => d.id === id)?.name;
    expect(name(draft.leadDeptId)).toBe('区人力资源和社会保障局');
    expect(draft.coDeptIds.map(name)).toEqual(['区经济和信息化局']);
    expect(await repositories(db).db.assignments.get(draft.id)).toMatchObject({
      status: 'draft',
      concernIds: [concern.id],
    });
    // A second draft for the same demand is not made.
    expect(await demands.draftFrom(ready, [answer])).toEqual(draft);
  });

  it('confirms a pre-collected demand as raised', async () => {
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    const demands = useLiveDemandsStore();
    await demands.load(upcoming().id);
    const pre = demands.ofCurrent.find((c) => c.precollected)!;
    expect(pre.summary).toBe('旺季缝纫工招工难');
    await demands.confirmRaised(pre);
    expect((await db.concerns.get(pre.id))?.confirmedAt).toBeGreaterThan(0);
    expect(past().status).toBe('signing');
  });
});

describe('quick keys', () => {
  it('runs steps one after another: 下一位 then 缺席 pressed together act on the new speaker', async () => {
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    // Not awaited in between, as two keys pressed in quick succession.
    const a = live.next();
    const b = live.markCurrentAbsent();
    await Promise.all([a, b]);
    expect(live.finished.map((e) => e.speaker)).toEqual(['孙立伟']);
    expect(live.absent.map((e) => e.speaker)).toEqual(['郑浩然']);
    expect(live.current?.speaker).toBe('林子涵');
  });
});
