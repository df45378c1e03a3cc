import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { SignOffRepository } from '../../renderer/db/repositories/sign-offs';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { IllegalTransitionError } from '../../shared/domain/assignment-lifecycle';
import { counterIds, freshDatabase, ONE_STROKE as strokes, TINY_PNG as PNG } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
let repo: SignOffRepository;

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: 1, newId: counterIds() });
  await loadDemoDataset(db, demo);
  repo = new SignOffRepository(db);
});

const sign = (i: number, now = 1000 + i) =>
  repo.sign({
    assignmentId: demo.assignments[i]!.id,
    signer: demo.leaders[0]!.id,
    strokes,
    png: PNG,
    prefix: '青工商联交',
    year: 2026,
    now,
  });

describe('SignOffRepository', () => {
  it('signs: numbers in order, locks the content, chains the audit record', async () => {
    await sign(0);
    await sign(1);
    const [a0, a1] = await Promise.all([
      db.assignments.get(demo.assignments[0]!.id),
      db.assignments.get(demo.assignments[1]!.id),
    ]);
    expect([a0?.docNumber, a1?.docNumber]).toEqual(['青工商联交〔2026〕1号', '青工商联交〔2026〕2号']);
    expect([a0?.status, a1?.status]).toEqual(['signed', 'signed']);
    expect(await repo.verify(a0!)).toBeUndefined();
    expect(await repo.verifyAudit()).toEqual({ ok: true, count: 2 });
  });

  it('refuses to sign twice, and never reuses a number', async () => {
    await sign(0);
    await expect(sign(0)).rejects.toBeInstanceOf(IllegalTransitionError);
    // Even if the signed assignment disappears, the next number moves on.
    await db.assignments.delete(demo.assignments[0]!.id);
    await sign(1);
    expect((await db.assignments.get(demo.assignments[1]!.id))?.docNumber).toBe('青工商联交〔2026〕2号');
  });

  it('detects a stored assignment, stroke or audit record changed behind its back', async () => {
    await sign(0);
    await sign(1);
    const id = demo.assignments[0]!.id;
    await db.assignments.update(id, { instruction: '改过的批示' });
    expect(await repo.verify((await db.assignments.get(id))!)).toBe('签批后已修改');

    const other = (await db.assignments.get(demo.assignments[1]!.id))!;
    const signOff = (await repo.latestFor(other.id))!;
    await db.signOffs.update(signOff.id, {
      strokes: [{ ...strokes[0]!, points: [{ x: 11, y: 10, pressure: 0.5, t: 0 }] }],
    });
    expect(await repo.verify(other)).toBe('签批后已修改');

    const first = (await db.auditLog.orderBy('seq').first())!;
    await db.auditLog.update(first.seq!, { detail: '伪造' });
    expect(await repo.verifyAudit()).toMatchObject({ ok: false, seq: first.seq });
  });
});
