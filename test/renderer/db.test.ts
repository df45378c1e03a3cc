import { beforeEach, describe, expect, it } from 'vitest';
import { repositories, type DeskDb } from '../../renderer/db';
import { DatabaseNotEmptyError, loadDemoDataset } from '../../renderer/db/demo-loader';
import { InUseError } from '../../renderer/db/repositories/organization';
import { buildDemoDataset } from '../../shared/demo/demo-dataset';
import { validateCreditCode } from '../../shared/domain/credit-code';
import type { MinuteEntry } from '../../shared/domain/types';
import { counterIds, freshDatabase } from './db-helpers';

const demo = () =>
  buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
let db: DeskDb;

beforeEach(async () => {
  db = await freshDatabase();
});

describe('DeskDb', () => {
  it('has a table for every word of the glossary, in strict durability, at version 3', () => {
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'assignments',
        'auditLog',
        'concerns',
        'departments',
        'drafts',
        'enterprises',
        'evaluations',
        'followUps',
        'leaders',
        'liveSessions',
        'meetings',
        'minuteEntries',
        'queueEntries',
        'replies',
        'settings',
        'signOffs',
      ].sort(),
    );
    expect(db.verno).toBe(3);
    expect(
      (db as unknown as { _options: { chromeTransactionDurability: string } })._options
        .chromeTransactionDurability,
    ).toBe('strict');
  });

  it('opens a version-1 database written by the previous release and keeps its records', async () => {
    const { default: Dexie } = await import('dexie');
    const name = 'kentan-desk-v1-upgrade';
    const v1 = new Dexie(name);
    v1.version(1).stores({ meetings: 'id, date, status, deletedAt, [kind+edition]', settings: 'key' });
    await v1.table('settings').put({ key: 'onboarding', value: 'blank' });
    v1.close();
    const { DeskDb } = await import('../../renderer/db');
    const upgraded = new DeskDb(name);
    expect((await upgraded.settings.get('onboarding'))?.value).toBe('blank');
    expect(await upgraded.liveSessions.count()).toBe(0);
    expect(upgraded.verno).toBe(3);
    upgraded.close();
  });
});

describe('demo dataset', () => {
  it('is an organisation, leaders, departments, two dozen valid enterprises, a finished and an upcoming meeting', () => {
    const d = demo();
    expect(d.organization.docNumberPrefix).toBe('青工商联交');
    expect(d.leaders).toHaveLength(6);
    expect(d.departments).toHaveLength(24);
    expect(d.enterprises).toHaveLength(24);
    for (const e of d.enterprises) expect(validateCreditCode(e.creditCode).ok, e.name).toBe(true);
    expect(d.meetings.map((m) => [m.date, m.status])).toEqual([
      ['2026-11-21', 'signing'],
      ['2026-12-16', 'preparing'],
    ]);
    // Every reference points at a record of the dataset.
    const ids = new Set(
      [
        ...d.leaders,
        ...d.departments,
        ...d.enterprises,
        ...d.meetings,
        ...d.concerns,
        ...d.minuteEntries,
      ].map((r) => r.id),
    );
    for (const a of d.assignments) {
      for (const id of [
        a.leadLeaderId,
        a.leadDeptId,
        ...a.coDeptIds,
        ...a.concernIds,
        a.meetingId,
        a.enterpriseId,
      ])
        expect(ids.has(id)).toBe(true);
    }
    for (const c of d.concerns)
      for (const id of [...c.minuteEntryIds, ...c.answerEntryIds]) expect(ids.has(id)).toBe(true);
  });

  it('loads in one transaction and refuses to mix with existing meetings, leaving them untouched', async () => {
    await loadDemoDataset(db, demo());
    expect(await db.meetings.count()).toBe(2);
    expect(await db.minuteEntries.count()).toBe(10);
    expect(await db.assignments.count()).toBe(5);
    await expect(loadDemoDataset(db, demo())).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await db.enterprises.count()).toBe(24);
    expect(await db.leaders.count()).toBe(6);
  });

  it('writes nothing when any part fails', async () => {
    const broken = demo();
    broken.assignments.push({ ...broken.assignments[0]! }); // duplicate primary key: bulkAdd fails
    await expect(loadDemoDataset(db, broken)).rejects.toThrow();
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});

describe('repositories', () => {
  it('lists active meetings newest first and keeps the recycle bin apart', async () => {
    await loadDemoDataset(db, demo());
    const repo = repositories(db);
    const [upcoming, past] = await repo.meetings.listActive();
    expect([upcoming!.edition, past!.edition]).toEqual([15, 14]);
    await repo.meetings.save({ ...past!, deletedAt: 1000 });
    expect((await repo.meetings.listActive()).map((m) => m.edition)).toEqual([15]);
    expect((await repo.meetings.listRecycled()).map((m) => m.edition)).toEqual([14]);
  });

  it('commits a minute entry and clears its draft together, in time order', async () => {
    const repo = repositories(db);
    await repo.minutes.saveDraft({ key: 'minutes:m1', meetingId: 'm1', text: '半句话', savedAt: 1 });
    const entry = (at: number, text: string): MinuteEntry => ({
      id: `e${at}`,
      meetingId: 'm1',
      at,
      role: 'entrepreneur',
      who: '许家豪',
      text,
      history: [],
    });
    await repo.minutes.append(entry(20, '第二句'), 'minutes:m1');
    await repo.minutes.append(entry(10, '第一句'));
    expect((await repo.minutes.listForMeeting('m1')).map((e) => e.text)).toEqual(['第一句', '第二句']);
    expect(await repo.minutes.getDraft('minutes:m1')).toBeUndefined();
    // A failing commit keeps the draft: the words are never in neither place.
    await repo.minutes.saveDraft({ key: 'minutes:m1', meetingId: 'm1', text: '还在', savedAt: 2 });
    await expect(repo.minutes.append(entry(10, '重复的主键'), 'minutes:m1')).rejects.toThrow();
    expect((await repo.minutes.getDraft('minutes:m1'))?.text).toBe('还在');
  });

  it('refuses to delete a leader or department that records still name, and says which', async () => {
    await loadDemoDataset(db, demo());
    const repo = repositories(db);
    const leaders = await repo.organization.listLeaders();
    const wang = leaders.find((l) => l.name === '王立群')!;
    await expect(repo.organization.deleteLeader(wang.id)).rejects.toThrow(
      new InUseError('“王立群”是1次会议的接待领导，不能删除'),
    );
    const finance = (await repo.organization.listDepartments()).find((d) => d.name === '区财政局')!;
    await expect(repo.organization.deleteDepartment(finance.id)).rejects.toThrow(
      /区财政局.*参会部门.*承办单位.*不能删除/,
    );
    const liu = leaders.find((l) => l.name === '刘静')!;
    await expect(repo.organization.deleteLeader(liu.id)).rejects.toThrow(/分管领导/);
    await repo.organization.saveLeader({ id: 'new', name: '周文斌', title: '副区长', order: 7 });
    await repo.organization.deleteLeader('new');
    expect(await db.leaders.count()).toBe(6);
  });
});
