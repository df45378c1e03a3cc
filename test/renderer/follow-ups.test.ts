// 跟踪督办 steps in the database: one transaction with the item and an audit record, refused when the item moved,
// and the upgrade from the schema before it with real data.
import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DeskDb, repositories } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { stepHash } from '../../renderer/db/repositories/follow-ups';
import { buildDemoDataset } from '../../shared/demo/demo-dataset';
import { verifyAuditChain } from '../../shared/domain/integrity';
import type { Assignment } from '../../shared/domain/types';
import { counterIds, freshDatabase } from './db-helpers';

const T0 = Date.parse('2026-11-24T10:00:00+08:00');
let db: DeskDb;
let item: Assignment;

beforeEach(async () => {
  db = await freshDatabase();
  const demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
  const draft = (await db.assignments.toArray())[0]!;
  // A handed-off item, as 交办导出 leaves it.
  item = {
    ...draft,
    docNumber: '青工商联交〔2026〕12号',
    status: 'handed_off',
    handedOffAt: T0,
    replyDueAt: '2026-12-08',
  };
  await db.assignments.put(item);
});

const ids = counterIds('step');
const by = (today: string, now: number) => ({ today, now, by: '李秘书', newId: ids });

describe('FollowUpRepository', () => {
  it('records a step with the item’s new state and an audit record that hashes the step', async () => {
    const repo = repositories(db).followUps;
    const out = await repo.record(
      item.id,
      { kind: 'reply', on: '2026-12-01', content: '已协调解决', handler: '王科长', phone: '', way: 'phone' },
      by('2026-12-01', T0 + 1000),
    );
    expect(out.ok).toBe(true);
    const stored = await db.assignments.get(item.id);
    expect(stored).toMatchObject({ status: 'replied', repliedOn: '2026-12-01' });
    const steps = await repo.steps(item.id);
    expect(steps).toHaveLength(1);
    const log = await db.auditLog.toArray();
    const last = log.at(-1)!;
    expect(last).toMatchObject({ action: 'follow_up:reply', entity: 'assignment', entityId: item.id });
    expect(last.detail).toContain(await stepHash(steps[0]!));
    expect(last.detail).toContain('答复（第1次办理，2026-12-01）：电话，经办人王科长');
    expect((await verifyAuditChain(log)).ok).toBe(true);
  });

  it('refuses an illegal step and writes nothing', async () => {
    const repo = repositories(db).followUps;
    const before = await db.auditLog.count();
    const out = await repo.record(
      item.id,
      { kind: 'close', on: '2026-12-01', basis: 'satisfied', note: '' },
      by('2026-12-01', T0 + 1000),
    );
    expect(out).toEqual({ ok: false, error: '交办件状态“已交办”不能办结' });
    expect(await db.followUps.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
    expect((await db.assignments.get(item.id))?.status).toBe('handed_off');
  });

  it('two windows recording at once: the second is checked against what the first wrote', async () => {
    const one = repositories(db).followUps;
    const two = repositories(db).followUps;
    const reply = {
      kind: 'reply',
      on: '2026-12-01',
      content: '已解决',
      handler: '王科长',
      phone: '',
      way: 'written',
    } as const;
    const [a, b] = await Promise.all([
      one.record(item.id, reply, by('2026-12-01', T0 + 1000)),
      two.record(item.id, reply, by('2026-12-01', T0 + 1001)),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await db.followUps.count()).toBe(1);
  });
});

describe('a step changed behind the app', () => {
  it('is named when its record no longer matches, when it has none, and when it was deleted', async () => {
    const repo = repositories(db).followUps;
    await repo.record(
      item.id,
      { kind: 'progress', on: '2026-11-25', note: '已约企业面谈' },
      by('2026-11-25', T0 + 1000),
    );
    await repo.record(
      item.id,
      { kind: 'reply', on: '2026-12-01', content: '已解决', handler: '王科长', phone: '', way: 'phone' },
      by('2026-12-01', T0 + 2000),
    );
    expect(await repo.verify(item.id)).toEqual([]);
    const [progress, reply] = await repo.steps(item.id);
    // The reply's words rewritten in the database.
    await db.followUps.put({ ...reply!, content: '企业已满意' } as typeof reply & object);
    expect(await repo.verify(item.id)).toEqual(['答复（2026-12-01）在记录后被改动']);
    // A step slipped in without a record; the progress note deleted.
    await db.followUps.put({ ...progress!, id: 'forged', note: '伪造的进展' } as typeof progress & object);
    await db.followUps.delete(progress!.id);
    const problems = await repo.verify(item.id);
    expect(problems).toContain('进展（2026-11-25）没有对应的操作记录');
    expect(problems.some((p) => p.startsWith('操作记录中的督办记录') && p.endsWith('已从数据库中删除'))).toBe(
      true,
    );
  });
});

describe('schema version 3', () => {
  it('opens a version-2 database holding the demo and keeps every record, with the new indexes usable', async () => {
    // Every table of the current database as version 2 had it, filled with the demo's records.
    const tables = [
      'meetings',
      'leaders',
      'departments',
      'enterprises',
      'queueEntries',
      'concerns',
      'minuteEntries',
    ];
    const rows = new Map<string, unknown[]>();
    for (const t of [...tables, 'assignments', 'settings', 'auditLog'])
      rows.set(t, await db.table(t).toArray());
    const name = 'kentan-desk-v2-upgrade';
    await Dexie.delete(name);
    const v2 = new Dexie(name);
    v2.version(1).stores({
      meetings: 'id, date, status, deletedAt, [kind+edition]',
      leaders: 'id, order',
      departments: 'id, order, name',
      enterprises: 'id, name, creditCode',
      queueEntries: 'id, meetingId, enterpriseId, [meetingId+position]',
      concerns: 'id, meetingId, enterpriseId, [enterpriseId+meetingId], category, disposition',
      minuteEntries: 'id, meetingId, [meetingId+at]',
      drafts: 'key, meetingId',
      assignments: 'id, meetingId, enterpriseId, status, docNumber, leadDeptId',
      signOffs: 'id, assignmentId',
      replies: 'id, assignmentId',
      evaluations: 'id, assignmentId',
      auditLog: '++seq, [entity+entityId], at',
      settings: 'key',
    });
    v2.version(2).stores({ liveSessions: 'meetingId' });
    for (const [t, list] of rows) await v2.table(t).bulkPut(list);
    v2.close();

    const upgraded = new DeskDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    for (const [t, list] of rows) expect(await upgraded.table(t).toArray(), t).toEqual(list);
    const handed = await upgraded.assignments.where('replyDueAt').equals('2026-12-08').toArray();
    expect(handed.map((a) => a.id)).toEqual([item.id]);
    expect(
      await upgraded.assignments.where('leadLeaderId').equals(item.leadLeaderId).count(),
    ).toBeGreaterThan(0);
    expect(await upgraded.followUps.count()).toBe(0);
    upgraded.close();
    await Dexie.delete(name);
  });
});
