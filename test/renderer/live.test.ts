import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { repositories, type DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { useLiveStore } from '../../renderer/stores/live';
import { useLiveDemandsStore } from '../../renderer/stores/live-demands';
import { useSettingsStore } from '../../renderer/stores/settings';
import { useMinutesStore } from '../../renderer/stores/minutes';
import { nextTick } from 'vue';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { handoffCountdown } from '../../renderer/components/meetings/handoff-countdown';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS } from '../../shared/domain/holidays';
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
afterEach(() => {
  useLiveStore().close();
  vi.useRealTimers();
});

/** 2026-11-22 09:30 in China: the demo's 15th meeting is planned 24 days later. */
const DEMO_NOW = Date.parse('2026-11-22T09:30:00+08:00');

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

  it('is where the minutes learn who has the floor and who hosts', async () => {
    const live = useLiveStore();
    const minutes = useMinutesStore();
    await live.open(upcoming().id);
    await minutes.load(upcoming().id);
    const host = demo.leaders.find((l) => l.id === upcoming().hostLeaderIds[0])!;
    expect(minutes.speakerFor('host').who).toBe(host.name);
    await live.start();
    await nextTick();
    expect(minutes.role).toBe('entrepreneur');
    expect(minutes.speaker.who).toBe('孙立伟');
    await live.beginReply('department', '区人力资源和社会保障局', 'd-rsj');
    await nextTick();
    expect(minutes.role).toBe('department');
    expect(minutes.speaker).toEqual({ who: '区人力资源和社会保障局', whoId: 'd-rsj' });
    await live.endReply();
    await live.next();
    await nextTick();
    expect(minutes.role).toBe('entrepreneur');
    expect(minutes.speaker.who).toBe('郑浩然');
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

describe('the queue is hard to break', () => {
  it('a double click on 下一位 moves the floor once; a press half a second later moves it again', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: DEMO_NOW });
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    vi.setSystemTime(DEMO_NOW + 60_000);
    const first = live.next();
    vi.setSystemTime(DEMO_NOW + 60_200);
    const second = live.next();
    expect(await Promise.all([first, second])).toEqual([true, false]);
    expect(live.current?.speaker).toBe('郑浩然');
    expect(live.finished.map((e) => e.speaker)).toEqual(['孙立伟']);
    vi.setSystemTime(DEMO_NOW + 60_700);
    expect(await live.next()).toBe(true);
    expect(live.current?.speaker).toBe('林子涵');
  });

  it('上一位 after a skip brings the skipped speaker back as they were', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: DEMO_NOW });
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    vi.setSystemTime(DEMO_NOW + 5 * 60_000);
    await live.next(); // 郑浩然
    vi.setSystemTime(DEMO_NOW + 5 * 60_000 + 800);
    await live.next(); // 郑浩然 skipped after 0.8 s, 林子涵 called by mistake
    expect(live.finished.map((e) => [e.speaker, e.spokenMs])).toEqual([
      ['孙立伟', 5 * 60_000],
      ['郑浩然', 800],
    ]);
    vi.setSystemTime(DEMO_NOW + 5 * 60_000 + 3000);
    await live.previous();
    expect(live.current?.speaker).toBe('郑浩然');
    expect(live.current?.endedAt).toBeUndefined();
    expect(live.finished.map((e) => e.speaker)).toEqual(['孙立伟']);
    expect(live.waiting[0]).toMatchObject({ speaker: '林子涵' });
    expect(live.waiting[0]?.startedAt).toBeUndefined();
    const stored = await db.queueEntries.get(live.waiting[0]!.id);
    expect(stored?.startedAt).toBeUndefined();
  });

  it('removes a speaker who has spoken from the list only: their words stay in the minutes', async () => {
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    const first = live.current!;
    await db.minuteEntries.add({
      id: 'said',
      meetingId: upcoming().id,
      at: Date.now(),
      role: 'entrepreneur',
      who: first.speaker,
      whoId: first.enterpriseId,
      text: '旺季缝纫工缺口一百多人。',
      history: [],
    });
    // The one with the floor is moved on first.
    await live.remove(first.id);
    expect(live.current?.id).toBe(first.id);
    await live.next();
    await live.remove(first.id);
    expect(live.finished).toEqual([]);
    expect(await db.queueEntries.get(first.id)).toBeUndefined();
    const rest = await repositories(db).queue.listForMeeting(upcoming().id);
    expect(rest.map((e) => e.position)).toEqual([1, 2, 3]);
    expect(await db.minuteEntries.get('said')).toMatchObject({ text: '旺季缝纫工缺口一百多人。' });
  });
});

describe('the day the meeting is held', () => {
  it('started on another day than planned, the meeting is recorded as held today, the plan kept', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: DEMO_NOW });
    const planned = upcoming().date;
    expect(planned).toBe('2026-12-16');
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    expect(live.meeting).toMatchObject({
      date: '2026-11-22',
      plannedDate: '2026-12-16',
      startedAt: DEMO_NOW,
    });
    expect(await db.meetings.get(upcoming().id)).toMatchObject({ date: '2026-11-22', plannedDate: planned });
  });
});

describe('after 结束会议', () => {
  const today = '2026-11-22';
  const rules = { ...DEFAULT_DEADLINE_RULES, dayKind: 'calendar' as const };

  it('无交办事项 settles a meeting that left nothing to hand over, and its countdown stops', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: DEMO_NOW });
    const live = useLiveStore();
    await live.open(upcoming().id);
    expect(await live.closeWithoutAssignments()).toBe('会议尚未结束');
    await live.start();
    await live.end();
    expect(handoffCountdown(live.meeting!, today, rules, SHIPPED_HOLIDAYS)?.text).toBe(
      '还剩2天（11月24日前）',
    );
    expect(await live.closeWithoutAssignments()).toBeUndefined();
    expect(live.meeting).toMatchObject({ status: 'handed_off', noAssignmentsAt: DEMO_NOW });
    expect(await db.meetings.get(upcoming().id)).toMatchObject({ status: 'handed_off' });
    expect(handoffCountdown(live.meeting!, today, rules, SHIPPED_HOLIDAYS)).toBeUndefined();
  });

  it('refuses 无交办事项 while a demand is marked 需交办 or an assignment exists', async () => {
    await useSettingsStore().load();
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    const demands = useLiveDemandsStore();
    await demands.load(upcoming().id);
    const pre = demands.ofCurrent[0]!;
    await demands.dispose(pre, 'assign');
    await live.end();
    expect(await live.closeWithoutAssignments()).toBe('还有1条诉求标为需交办，请先生成交办件或改为现场解决');
    await demands.setCategory(pre, '用工');
    await demands.draftFrom(pre, []);
    expect(await live.closeWithoutAssignments()).toBe('这次会议已有交办件，请到签批处理');
    expect(live.meeting?.status).toBe('signing');
  });
});

describe('转为诉求: nothing typed is dropped', () => {
  it('a summary being typed survives a category or urgency tapped before it was saved', async () => {
    const live = useLiveStore();
    await live.open(upcoming().id);
    await live.start();
    const demands = useLiveDemandsStore();
    await demands.load(upcoming().id);
    const pre = demands.ofCurrent[0]!;
    demands.typeSummary(pre.id, '旺季招工难，盼专场招聘');
    // Tapped at once, with the card as it was drawn before the summary (the old object).
    await Promise.all([demands.setCategory(pre, '用工'), demands.setUrgency(pre, 'urgent')]);
    expect(demands.concerns.find((c) => c.id === pre.id)).toMatchObject({
      summary: '旺季招工难，盼专场招聘',
      category: '用工',
      urgency: 'urgent',
    });
    expect(await db.concerns.get(pre.id)).toMatchObject({
      summary: '旺季招工难，盼专场招聘',
      category: '用工',
      urgency: 'urgent',
    });
    // Leaving the field writes it trimmed; leaving the screen writes what is still waiting.
    demands.typeSummary(pre.id, '旺季招工难 ');
    await demands.flushSummaries();
    expect((await db.concerns.get(pre.id))?.summary).toBe('旺季招工难 ');
    await demands.setSummary(pre, '旺季招工难 ');
    expect((await db.concerns.get(pre.id))?.summary).toBe('旺季招工难');
  });
});
