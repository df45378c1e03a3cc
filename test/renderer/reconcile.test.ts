// 对账销号 through the store, over the demo's 跟踪督办 played into fake-indexeddb: the figures per lead department and
// the district's progress; 批量销号 writes every 销号 with its audit record or, when one item cannot be 销号, none;
// 问题清单 written as one verified file with the department's 未办结 items. The desk's dialogs and writer are faked.
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk } from '../../renderer/bridge';
import type { DeskDb } from '../../renderer/db';
import { useReconcileStore } from '../../renderer/stores/reconcile';
import { verifyAuditChain } from '../../shared/domain/integrity';
import { freshDemoWithFollowUp } from './db-helpers';

const TODAY = '2026-11-22';
/** 09:30 China time on the day the demo is built for. */
const NOW = Date.parse(`${TODAY}T09:30:00+08:00`);
let db: DeskDb;

beforeEach(async () => {
  db = await freshDemoWithFollowUp(TODAY);
  // Date alone: the database's timers keep running.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const tallyOf = (store: ReturnType<typeof useReconcileStore>, name: string) =>
  store.tallies.find((t) => t.deptName === name);

describe('useReconcileStore', () => {
  it('counts the demo’s items per lead department and the district’s progress', async () => {
    const store = useReconcileStore();
    await store.load();
    expect(store.loadError).toBe('');
    expect(store.progress).toEqual({
      items: 10,
      writtenOff: 1,
      departments: 9,
      departmentsCleared: 1,
      ratio: 0.1,
    });
    expect(tallyOf(store, '区财政局')).toMatchObject({ handedOver: 1, writtenOff: 1, cleared: true });
    expect(tallyOf(store, '区人力资源和社会保障局')).toMatchObject({
      handedOver: 2,
      replied: 1,
      outstanding: 2,
      overdue: 1,
    });
    // The department with an item to 销号 is shown first.
    expect(store.selected?.deptName).toBe('区自然资源和规划分局');
    expect(store.awaiting.map((i) => i.docNumber)).toEqual(['青工商联交〔2026〕2号']);
    expect(store.outstanding).toEqual([]);
  });

  it('销号 a department’s 已办结 items in one go: it is 清零, each with its step and audit record', async () => {
    const store = useReconcileStore();
    await store.load();
    const ids = store.awaiting.map((i) => i.assignmentId);
    const out = await store.writeOff(ids, '经与区自然资源和规划分局对账，确认办结');
    expect(out).toEqual({ ok: true, message: '已销号1件，区自然资源和规划分局已清零' });
    expect(tallyOf(store, '区自然资源和规划分局')).toMatchObject({ writtenOff: 1, cleared: true });
    expect(store.progress).toMatchObject({ writtenOff: 2, departmentsCleared: 2 });
    const stored = await db.assignments.get(ids[0]!);
    expect(stored).toMatchObject({ status: 'written_off', writtenOffOn: TODAY });
    const steps = await db.followUps.where('assignmentId').equals(ids[0]!).sortBy('at');
    expect(steps.at(-1)).toMatchObject({
      kind: 'write_off',
      on: TODAY,
      note: '经与区自然资源和规划分局对账，确认办结',
      by: '李晓燕',
    });
    const log = await db.auditLog.toArray();
    expect(log.at(-1)).toMatchObject({ action: 'follow_up:write_off', entityId: ids[0] });
    expect((await verifyAuditChain(log)).ok).toBe(true);
  });

  it('writes nothing when one of the items cannot be 销号, and says which', async () => {
    const store = useReconcileStore();
    await store.load();
    const closed = store.awaiting[0]!;
    const open = store.items.find((i) => i.state === 'replied')!;
    const before = { steps: await db.followUps.count(), audit: await db.auditLog.count() };
    const out = await store.writeOff([closed.assignmentId, open.assignmentId], '');
    expect(out).toEqual({
      ok: false,
      error: `销号没有完成：${open.docNumber}：交办件状态“已回复”不能销号；未记录任何内容`,
    });
    expect(await db.followUps.count()).toBe(before.steps);
    expect(await db.auditLog.count()).toBe(before.audit);
    expect((await db.assignments.get(closed.assignmentId))?.status).toBe('closed');
    expect(tallyOf(store, '区自然资源和规划分局')).toMatchObject({ awaitingWriteOff: 1, cleared: false });
  });

  it('asks for items before 销号', async () => {
    const store = useReconcileStore();
    await store.load();
    expect(await store.writeOff([], '')).toEqual({ ok: false, error: '请先勾选要销号的事项' });
  });

  it('saves a department’s 问题清单 as one verified file holding its 未办结 items', async () => {
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({
      ok: true,
      value: { token: 't1', label: '对账' },
    });
    const save = vi.spyOn(desk.files, 'save').mockImplementation(async (request) => ({
      ok: true as const,
      value: { fileName: request.fileName, size: request.bytes.byteLength, sha256: 'ab'.repeat(32) },
    }));
    const store = useReconcileStore();
    await store.load();
    const hr = tallyOf(store, '区人力资源和社会保障局')!;
    const out = await store.exportList(hr.deptId);
    expect(out).toEqual({
      ok: true,
      files: ['问题清单-区人力资源和社会保障局-20261122.docx'],
      folder: '对账',
      message: '已保存“问题清单-区人力资源和社会保障局-20261122.docx”到对账',
    });
    const request = save.mock.calls[0]![0];
    expect(request.directoryToken).toBe('t1');
    const xml = await (await JSZip.loadAsync(request.bytes)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('区人力资源和社会保障局交办事项问题清单');
    expect(text).toContain('交办2件，已答复1件，已办结0件，已销号0件，未办结2件，其中逾期1件。');
    expect(text).toContain('临江海特科技发展有限公司研发人员人才公寓配租');
    expect(text).toContain('红色预警逾期6天11月4日进展：已与住建局对接人才公寓房源。');
    expect(text).toContain('临江锦程纺织有限公司');
    expect(text).not.toContain('临江华星机械制造有限公司');

    // The district's list, and a cancelled folder dialog that writes nothing.
    await store.exportList();
    expect(save.mock.calls[1]![0].fileName).toBe('问题清单-全区-20261122.docx');
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({ ok: true, value: null });
    expect(await store.exportList()).toBeUndefined();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('says when the file could not be written', async () => {
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({
      ok: true,
      value: { token: 't1', label: 'U盘' },
    });
    vi.spyOn(desk.files, 'save').mockResolvedValue({
      ok: false,
      error: { code: 'io_failed', message: '磁盘已满' },
    });
    const store = useReconcileStore();
    await store.load();
    expect(await store.exportList()).toEqual({
      ok: false,
      error: '“问题清单-全区-20261122.docx”没有保存：磁盘已满',
    });
  });
});
