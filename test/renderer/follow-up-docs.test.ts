// 跟踪督办's documents through the store: 催办通知 for the items in 黄 / 红预警, one per lead department, written
// through the verified writer into a chosen folder, with a 催办 recorded only for the notices verified there; the
// 办理全过程 of one item saved as one verified file. The desk's dialogs and writer are faked.
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk } from '../../renderer/bridge';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { useAssignmentStore } from '../../renderer/stores/assignments';
import { useFollowUpDocsStore } from '../../renderer/stores/follow-up-docs';
import { useSettingsStore } from '../../renderer/stores/settings';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import type { ExportRequest } from '../../shared/ipc/contract';
import type { Assignment, UrgeStep } from '../../shared/domain/types';
import { counterIds, freshDatabase, ONE_STROKE, TINY_PNG } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
let items: Assignment[];
const HANDED_OFF_AT = Date.parse('2026-11-23T09:30:00+08:00');
/** 10:00 China time on 2026-12-08: the first two items are a day overdue. */
const NOW = Date.parse('2026-12-08T10:00:00+08:00');

/** A desk whose write reports every file verified, except the names in `failing`. */
function fakeWrite(failing: ReadonlySet<string> = new Set()) {
  return vi.spyOn(desk.export, 'write').mockImplementation(async (request: ExportRequest) => ({
    ok: true as const,
    value: {
      location: `D:\\督办\\${request.folderName}`,
      files: request.files.map((f) =>
        failing.has(f.fileName)
          ? { fileName: f.fileName, ok: false, error: { code: 'io_failed' as const, message: '磁盘已满' } }
          : { fileName: f.fileName, ok: true, size: f.bytes.byteLength, sha256: 'ab'.repeat(32) },
      ),
      manifest: { fileName: request.manifestName, ok: failing.size === 0 },
    },
  }));
}

const chooseFolder = () =>
  vi
    .spyOn(desk.files, 'chooseDirectory')
    .mockResolvedValue({ ok: true, value: { token: 't1', label: '督办' } });

/** Run `fn` with the clock at NOW (Date alone: the database's timers keep running). */
async function atNow<T>(fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

const urges = async () => (await db.followUps.toArray()).filter((s): s is UrgeStep => s.kind === 'urge');

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
  const meeting = demo.meetings.find((m) => m.edition === 14)!;
  const drafts = (await db.assignments.where('meetingId').equals(meeting.id).toArray()).sort(
    (a, b) => a.createdAt - b.createdAt,
  );
  const lead = drafts[0]!.leadDeptId;
  // Handed over on 2026-11-23: 1 and 2 (same department) due 12-07, 3 due 12-09 (another department), 4 far ahead.
  items = drafts.slice(0, 4).map((a, i) => ({
    ...a,
    docNumber: `青工商联交〔2026〕${i + 1}号`,
    status: 'handed_off',
    handedOffAt: HANDED_OFF_AT,
    replyDueAt: ['2026-12-07', '2026-12-07', '2026-12-09', '2026-12-30'][i]!,
    lastActivityOn: i === 3 ? '2026-12-05' : '2026-11-23',
    round: 1,
    ...(i === 1 ? { leadDeptId: lead } : {}),
  }));
  await db.assignments.bulkPut(items);
});
afterEach(() => vi.restoreAllMocks());

describe('useFollowUpDocsStore.exportUrgeNotices', () => {
  it('writes one notice per lead department and records a 催办 on each item once its notice is verified', async () => {
    chooseFolder();
    const write = fakeWrite();
    const store = useFollowUpDocsStore();
    const out = await atNow(() => store.exportUrgeNotices(items.map((a) => a.id)));

    expect(write).toHaveBeenCalledOnce();
    const request = write.mock.calls[0]![0];
    expect(request.target).toEqual({ kind: 'directory', directoryToken: 't1' });
    expect(request.folderName).toBe('催办通知-20261208');
    expect(request.manifestName).toBe('催办通知-20261208-清单.txt');
    const lead = demo.departments.find((d) => d.id === items[0]!.leadDeptId)!.name;
    const other = demo.departments.find((d) => d.id === items[2]!.leadDeptId)!.name;
    const names = request.files.map((f) => f.fileName);
    expect(names.sort()).toEqual(
      [`催办通知-${lead}-20261208.docx`, `催办通知-${other}-20261208.docx`].sort(),
    );
    for (const f of request.files) expect([...f.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);

    expect(out).toMatchObject({ ok: true, folder: 'D:\\督办\\催办通知-20261208' });
    if (!out?.ok) throw new Error('expected ok');
    expect(out.files.sort()).toEqual(names.sort());
    expect(out.message).toContain(`“催办通知-${lead}-20261208.docx”`);
    // The fourth is not in 黄 / 红 and is said to be left out.
    expect(out.message).toContain('未催办：青工商联交〔2026〕4号未到预警');

    const steps = await urges();
    expect(steps.map((s) => [s.assignmentId, s.fileName, s.daysOverdue, s.on, s.by]).sort()).toEqual(
      [
        [items[0]!.id, `催办通知-${lead}-20261208.docx`, 1, '2026-12-08', demo.organization.contactPerson],
        [items[1]!.id, `催办通知-${lead}-20261208.docx`, 1, '2026-12-08', demo.organization.contactPerson],
        [items[2]!.id, `催办通知-${other}-20261208.docx`, 0, '2026-12-08', demo.organization.contactPerson],
      ].sort(),
    );
    expect((await db.assignments.get(items[0]!.id))?.urgedOn).toBe('2026-12-08');
    expect((await db.auditLog.toArray()).filter((r) => r.action === 'follow_up:urge')).toHaveLength(3);
  });

  it('records nothing for a notice that was not written, and says which', async () => {
    const lead = demo.departments.find((d) => d.id === items[0]!.leadDeptId)!.name;
    const failing = `催办通知-${lead}-20261208.docx`;
    chooseFolder();
    fakeWrite(new Set([failing]));
    const out = await atNow(() => useFollowUpDocsStore().exportUrgeNotices(items.map((a) => a.id)));
    expect(out).toMatchObject({ ok: false });
    if (out?.ok !== false) throw new Error('expected a failure');
    expect(out.error).toContain(`未写入：“${failing}”（磁盘已满）`);
    expect(out.error).toContain('已写入并校验1份催办通知');
    expect((await urges()).map((s) => s.assignmentId)).toEqual([items[2]!.id]);
  });

  it('writes and records nothing when the folder dialog is cancelled', async () => {
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({ ok: true, value: null });
    const write = vi.spyOn(desk.export, 'write');
    expect(await atNow(() => useFollowUpDocsStore().exportUrgeNotices([items[0]!.id]))).toBeUndefined();
    expect(write).not.toHaveBeenCalled();
    expect(await urges()).toEqual([]);
  });

  it('asks for no folder when nothing is in 黄 / 红, and says why', async () => {
    const choose = vi.spyOn(desk.files, 'chooseDirectory');
    const out = await atNow(() => useFollowUpDocsStore().exportUrgeNotices([items[3]!.id]));
    expect(out).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^所选事项均未到黄色或红色预警，没有需要催办的。青工商联交〔2026〕4号未到预警/,
      ),
    });
    expect(choose).not.toHaveBeenCalled();
  });
});

describe('useFollowUpDocsStore.exportHistory', () => {
  it('saves the 办理全过程 of a signed item as one verified file named by 文号 and enterprise', async () => {
    await useSettingsStore().load();
    const assignments = useAssignmentStore();
    // The fifth item of the meeting, still a draft: signed here the way 签批 signs.
    const draft = (await db.assignments.where('meetingId').equals(items[0]!.meetingId).toArray()).find(
      (a) => a.status === 'draft',
    )!;
    await assignments.load(draft.meetingId);
    const signedOut = await assignments.sign(draft.id, demo.leaders[0]!.id, ONE_STROKE, TINY_PNG);
    expect(signedOut, String(signedOut)).not.toBeTypeOf('string');
    const signed = (await db.assignments.get(draft.id))!;
    await db.assignments.put({
      ...signed,
      status: 'handed_off',
      handedOffAt: HANDED_OFF_AT,
      replyDueAt: '2026-12-07',
    });

    chooseFolder();
    const save = vi.spyOn(desk.files, 'save').mockImplementation(async (request) => ({
      ok: true,
      value: { fileName: request.fileName, size: request.bytes.length, sha256: 'cd'.repeat(32) },
    }));
    const out = await atNow(() => useFollowUpDocsStore().exportHistory(draft.id));
    const enterprise = demo.enterprises.find((e) => e.id === draft.enterpriseId)!.name;
    const fileName = `${signed.docNumber}-${enterprise}-办理全过程.docx`;
    expect(out).toEqual({
      ok: true,
      files: [fileName],
      folder: '督办',
      message: `已保存“${fileName}”到督办`,
    });
    const request = save.mock.calls[0]![0];
    expect(request).toMatchObject({ directoryToken: 't1', fileName });
    const xml = await (await JSZip.loadAsync(request.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('交办事项办理全过程');
    expect(xml).toContain('领导签批');
  });

  it('says so when the item is gone, and nothing is saved when the dialog is cancelled', async () => {
    expect(await useFollowUpDocsStore().exportHistory('no-such-item')).toEqual({
      ok: false,
      error: '交办件不存在，可能已被删除',
    });
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({ ok: true, value: null });
    const save = vi.spyOn(desk.files, 'save');
    expect(await useFollowUpDocsStore().exportHistory(items[0]!.id)).toBeUndefined();
    expect(save).not.toHaveBeenCalled();
  });
});
