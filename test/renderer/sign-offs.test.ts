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
    expect(await repo.verify((await db.assignments.get(id))!)).toEqual({
      label: '签批后已修改',
      detail: '签批后改动了：领导批示。需要修改并重新签批',
    });

    const other = (await db.assignments.get(demo.assignments[1]!.id))!;
    expect(await repo.verify(other)).toBeUndefined();
    const signOff = (await repo.latestFor(other.id))!;
    await db.signOffs.update(signOff.id, {
      strokes: [{ ...strokes[0]!, points: [{ x: 11, y: 10, pressure: 0.5, t: 0 }] }],
    });
    expect(await repo.verify(other)).toMatchObject({ label: '记录校验失败' });

    const first = (await db.auditLog.orderBy('seq').first())!;
    await db.auditLog.update(first.seq!, { detail: '伪造' });
    expect(await repo.verifyAudit()).toMatchObject({ ok: false, seq: first.seq });
  });

  it('notices one PNG byte changed, and a sign-off replaced together with its hash', async () => {
    await sign(0);
    const a = (await db.assignments.get(demo.assignments[0]!.id))!;
    const signOff = (await repo.latestFor(a.id))!;
    const bytes = atob(PNG.slice(PNG.indexOf(',') + 1));
    const flipped = bytes.slice(0, 40) + String.fromCharCode(bytes.charCodeAt(40) ^ 1) + bytes.slice(41);
    await db.signOffs.update(signOff.id, { png: `data:image/png;base64,${btoa(flipped)}` });
    expect(await repo.verify(a)).toMatchObject({ label: '记录校验失败' });

    // A forger who rewrites the snapshot and its hash consistently is caught by the audit log.
    const forged = { ...a, instruction: '伪造的批示' };
    const { snapshotHash, sha256Hex, dataUrlBytes } = await import('../../shared/domain/integrity');
    const snapshot = { ...signOff.snapshot!, instruction: '伪造的批示' };
    const hash = await snapshotHash({
      snapshot,
      strokes,
      pngSha256: await sha256Hex(dataUrlBytes(PNG)),
      signer: signOff.signer,
      signedAt: signOff.signedAt,
    });
    await db.assignments.put(forged);
    await db.signOffs.put({ ...signOff, png: PNG, contentHash: hash, snapshot });
    expect(await repo.verify(forged)).toEqual({
      label: '记录校验失败',
      detail: '操作记录中没有这次签批，签批记录可能被替换',
    });
  });

  it('covers the handwritten instruction: strokes and image', async () => {
    const id = demo.assignments[2]!.id;
    await db.assignments.update(id, { instructionInk: { strokes, png: PNG } });
    await sign(2);
    const a = (await db.assignments.get(id))!;
    expect(await repo.verify(a)).toBeUndefined();
    const moved = [
      { ...strokes[0]!, points: [...strokes[0]!.points, { x: 50, y: 30, pressure: 0.5, t: 60 }] },
    ];
    expect(await repo.verify({ ...a, instructionInk: { strokes: moved, png: PNG } })).toMatchObject({
      label: '签批后已修改',
      detail: expect.stringContaining('手写批示'),
    });
  });

  it('修改并重新签批 keeps the old version and number, and chains an edit record', async () => {
    await sign(0, 1000);
    const id = demo.assignments[0]!.id;
    const draft = await repo.resign(id, '牵头单位调整', 2000);
    expect(draft).toMatchObject({ status: 'draft', docNumber: '青工商联交〔2026〕1号' });
    expect(await repo.latestFor(id)).toBeUndefined();
    await db.assignments.update(id, { leadDeptId: demo.departments[3]!.id });
    await sign(0, 3000);
    const history = await repo.historyOf(id);
    expect(history.map((h) => [h.signedAt, h.supersededAt])).toEqual([
      [3000, undefined],
      [1000, 2000],
    ]);
    expect(history[1]!.snapshot!.leadDept.id).toBe(demo.assignments[0]!.leadDeptId);
    const signed = (await db.assignments.get(id))!;
    expect(signed).toMatchObject({ status: 'signed', docNumber: '青工商联交〔2026〕1号' });
    expect(await repo.verify(signed)).toBeUndefined();
    const log = await db.auditLog.orderBy('seq').toArray();
    expect(log.map((r) => r.action)).toEqual(['sign', 'edit', 'sign']);
    expect(log[1]!.detail).toContain('牵头单位调整');
    expect(await repo.verifyAudit()).toEqual({ ok: true, count: 3 });
    // A draft cannot be put back to draft.
    await repo.resign(id, 'x', 4000);
    await expect(repo.resign(demo.assignments[1]!.id, 'x', 4000)).rejects.toBeInstanceOf(
      IllegalTransitionError,
    );
  });

  it('checks every signed assignment at once on start', async () => {
    await sign(0);
    await sign(1);
    await sign(2);
    expect((await repo.verifyAll()).findings.size).toBe(0);
    await db.assignments.update(demo.assignments[1]!.id, { dueAt: '2027-03-01' });
    const s2 = (await repo.latestFor(demo.assignments[2]!.id))!;
    await db.signOffs.update(s2.id, { contentHash: '0'.repeat(64) });
    const { findings: found } = await repo.verifyAll();
    expect([...found.keys()].sort()).toEqual([demo.assignments[1]!.id, demo.assignments[2]!.id].sort());
    expect(found.get(demo.assignments[1]!.id)!.problem.detail).toContain('办理时限');
    expect(found.get(demo.assignments[2]!.id)!.problem.label).toBe('记录校验失败');
    // The store behind the banner says the same, and settles once re-signed.
    const { useIntegrityStore } = await import('../../renderer/stores/integrity');
    const integrity = useIntegrityStore();
    await integrity.check();
    expect(integrity.alarming).toBe(true);
    expect(integrity.findings).toHaveLength(2);
    expect(integrity.audit).toEqual({ ok: true, count: 3 });
    await repo.resign(demo.assignments[1]!.id, '时限调整', 5000);
    await integrity.check();
    expect(integrity.findings.map((f) => f.assignment.id)).toEqual([demo.assignments[2]!.id]);
  });
});
