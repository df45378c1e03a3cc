// The 交办件 repository: the meeting's status moves in the same transaction as the assignment change that
// causes it, and 归并 leaves an audit record.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { repositories } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { counterIds, freshDatabase, ONE_STROKE as strokes, TINY_PNG as PNG } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
const past = () => demo.meetings.find((m) => m.edition === 14)!;
const status = async () => (await db.meetings.get(past().id))!.status;

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: 1, newId: counterIds() });
  await loadDemoDataset(db, demo);
});

describe('AssignmentRepository', () => {
  it('moves the meeting with its assignments: 待签批 → 待交办 → 待签批 → 已交办', async () => {
    const { assignments, signOffs } = repositories();
    const ids = (await assignments.forMeeting(past().id)).map((a) => a.id);
    expect(await status()).toBe('signing');
    for (const [i, id] of ids.entries()) {
      await assignments.updateDraft(id, { dueAt: '2026-12-07' }, 10);
      await signOffs.sign({
        assignmentId: id,
        signer: demo.leaders[0]!.id,
        strokes,
        png: PNG,
        prefix: '青工商联交',
        year: 2026,
        now: 100 + i,
      });
      expect(await status()).toBe(i === ids.length - 1 ? 'handoff' : 'signing');
    }
    await signOffs.resign(ids[0]!, '调整', 200);
    expect(await status()).toBe('signing');
    await signOffs.sign({
      assignmentId: ids[0]!,
      signer: demo.leaders[0]!.id,
      strokes,
      png: PNG,
      prefix: '青工商联交',
      year: 2026,
      now: 300,
    });
    expect(await status()).toBe('handoff');
    const done = await assignments.handOff(
      ids.map((id) => ({ id })),
      '标记为已交办',
      400,
      () => '2026-12-07',
      (d) => d,
    );
    expect(done).toEqual({ count: ids.length, replyDueDates: ['2026-12-07'] });
    expect(await status()).toBe('handed_off');
    const actions = (await db.auditLog.orderBy('seq').toArray()).map((r) => r.action);
    expect(actions.filter((a) => a === 'hand_off')).toHaveLength(ids.length);
  });

  it('归并 two drafts of one enterprise with a record, and refuses others with a reason', async () => {
    const { assignments } = repositories();
    const list = await assignments.forMeeting(past().id);
    const byEnterprise = new Map<string, string[]>();
    for (const a of list)
      byEnterprise.set(a.enterpriseId, [...(byEnterprise.get(a.enterpriseId) ?? []), a.id]);
    const [target, source] = [...byEnterprise.values()].find((v) => v.length > 1)!;
    const [t, s] = [list.find((a) => a.id === target)!, list.find((a) => a.id === source)!];
    const merged = await assignments.mergeDrafts(target!, source!, 50);
    expect(merged.concernIds).toEqual([...t.concernIds, ...s.concernIds]);
    expect(await db.assignments.get(source!)).toBeUndefined();
    expect((await db.auditLog.toArray()).map((r) => [r.action, r.entityId])).toEqual([['merge', target]]);
    const other = list.find((a) => a.enterpriseId !== merged.enterpriseId)!;
    await expect(assignments.mergeDrafts(target!, other.id, 60)).rejects.toThrow('只能归并同一企业的诉求');
    await expect(assignments.updateDraft('missing', {}, 1)).rejects.toThrow('交办件不存在');
  });
});
