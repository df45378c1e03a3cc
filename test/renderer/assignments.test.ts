import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { useAssignmentStore } from '../../renderer/stores/assignments';
import { useSettingsStore } from '../../renderer/stores/settings';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { counterIds, freshDatabase, ONE_STROKE as strokes, TINY_PNG as PNG } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
const past = () => demo.meetings.find((m) => m.edition === 14)!;

beforeEach(async () => {
  // Signing numbers by the year of the clock: pinned to the demo's day, so 〔2026〕 holds on any day.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T10:00:00+08:00') });
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: 1, newId: counterIds() });
  await loadDemoDataset(db, demo);
  await useSettingsStore().load();
});

afterEach(() => vi.useRealTimers());

describe('useAssignmentStore', () => {
  it('suggests the instruction and the due date, edits drafts, and locks them once signed', async () => {
    const store = useAssignmentStore();
    await store.load(past().id);
    expect(store.assignments).toHaveLength(5);
    const second = store.assignments[1]!;
    expect(store.suggestedInstruction(second)).toBe(
      '请张明德同志牵头，召集经济开发区管委会、区财政局、区住房和城乡建设局，两周内答复企业。',
    );
    expect(store.suggestedDueDate()).toEqual({ date: '2026-12-07', warnings: [] });
    expect(await store.updateDraft(second.id, { dueAt: '2026-12-07' })).toBeUndefined();

    const signed = await store.sign(second.id, demo.leaders[0]!.id, strokes, PNG);
    expect(typeof signed).not.toBe('string');
    expect(store.assignments[1]).toMatchObject({
      status: 'signed',
      docNumber: expect.stringMatching(/^青工商联交〔\d{4}〕1号$/),
    });
    expect(await store.updateDraft(second.id, { instruction: '改' })).toMatch(/修改并重新签批/);
    expect(await store.sign(second.id, demo.leaders[0]!.id, strokes, PNG)).toBe('这件交办件已签批');

    // Tampering shows on the next check, loudly.
    await db.assignments.update(second.id, { instruction: '背后改的' });
    await store.load(past().id);
    expect(store.problems[second.id]?.label).toBe('签批后已修改');
  });

  it('groups drafts of the same enterprise and refuses others', async () => {
    const store = useAssignmentStore();
    await store.load(past().id);
    const [first, second, third] = store.assignments;
    expect(await store.merge(first!.id, second!.id)).toBe('只能归并同一企业的诉求');
    const fengze = demo.enterprises.find((e) => e.name === '临江丰泽钢构有限公司')!;
    expect([second!.enterpriseId, third!.enterpriseId]).toEqual([fengze.id, fengze.id]);
    expect(await store.merge(second!.id, third!.id)).toBeUndefined();
    const merged = store.assignments.find((a) => a.id === second!.id)!;
    expect(merged.concernIds).toEqual([...second!.concernIds, ...third!.concernIds]);
    expect(merged.coDeptIds).toContain(third!.leadDeptId);
    expect(await db.assignments.get(third!.id)).toBeUndefined();
  });

  it('will not sign without a lead department or instruction', async () => {
    const store = useAssignmentStore();
    await store.load(past().id);
    const a = store.assignments[0]!;
    await store.updateDraft(a.id, { instruction: ' ' });
    expect(await store.sign(a.id, demo.leaders[0]!.id, strokes, PNG)).toBe('请先确定领导批示');
  });

  it('drafts the 需交办 demands left without an assignment, and signs a handwritten instruction', async () => {
    const store = useAssignmentStore();
    await store.load(past().id);
    expect(store.undrafted).toHaveLength(0);
    const removed = store.assignments[4]!;
    await db.assignments.delete(removed.id);
    await store.load(past().id);
    expect(store.undrafted.map((c) => c.id)).toEqual(removed.concernIds);
    expect(await store.draftUndrafted()).toBe(1);
    expect(store.undrafted).toHaveLength(0);
    const made = store.assignments.at(-1)!;
    expect(made).toMatchObject({ status: 'draft', concernIds: removed.concernIds, instruction: '' });
    expect(made.leadDeptId).not.toBe('');
    expect(await db.assignments.get(made.id)).toBeDefined();

    expect(store.signBlocker(made)).toBe('请先确定领导批示');
    await store.updateDraft(made.id, { instructionInk: { strokes, png: PNG } });
    const withInk = store.assignments.at(-1)!;
    expect(store.signBlocker(withInk)).toBeUndefined();
    const signed = await store.sign(made.id, demo.leaders[0]!.id, strokes, PNG);
    expect(signed).toMatchObject({ format: 2, snapshot: { instructionInk: { strokes, png: PNG } } });
    // The suggested due date was fixed on signing.
    expect(store.assignments.at(-1)!.dueAt).toBe(store.suggestedDueDate()!.date);
  });

  it('reopens a signed assignment for 修改并重新签批, keeping the old signature', async () => {
    const store = useAssignmentStore();
    await store.load(past().id);
    const a = store.assignments[0]!;
    await store.sign(a.id, demo.leaders[0]!.id, strokes, PNG);
    await db.assignments.update(a.id, { instruction: '背后改的' });
    await store.load(past().id);
    expect(store.problems[a.id]?.label).toBe('签批后已修改');
    expect(await store.reopen(a.id, '批示需调整')).toBeUndefined();
    expect(store.problems[a.id]).toBeUndefined();
    expect(store.assignments[0]).toMatchObject({ status: 'draft', docNumber: '青工商联交〔2026〕1号' });
    expect(await store.updateDraft(a.id, { instruction: '请区财政局月底前拨付。' })).toBeUndefined();
    expect(await store.sign(a.id, demo.leaders[0]!.id, strokes, PNG)).toMatchObject({ assignmentId: a.id });
    expect(store.problems[a.id]).toBeUndefined();
    expect(await store.historyOf(a.id)).toHaveLength(2);
    expect(store.audit).toEqual({ ok: true, count: 3 });
    expect(await store.reopen(store.assignments[1]!.id, 'x')).toBe(
      '交办件状态“待签批”不能执行“修改并重新签批”',
    );
  });
});
