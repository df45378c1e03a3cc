import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk } from '../../renderer/bridge';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { AuditLog } from '../../renderer/db/repositories/audit';
import { useAssignmentStore } from '../../renderer/stores/assignments';
import { useExportStore } from '../../renderer/stores/export';
import { useSettingsStore } from '../../renderer/stores/settings';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import type { ExportRequest } from '../../shared/ipc/contract';
import { counterIds, freshDatabase, ONE_STROKE as strokes, TINY_PNG as PNG } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
const past = () => demo.meetings.find((m) => m.edition === 14)!;
const KINGSTON = { id: 'drive-1', label: 'KINGSTON', mount: 'E:', freeBytes: 8e9 };

/** Sign the first `count` assignments of the finished demo meeting; returns their ids in order. */
async function signFirst(count: number): Promise<string[]> {
  const assignments = useAssignmentStore();
  await assignments.load(past().id);
  const ids = assignments.assignments.map((a) => a.id);
  for (const id of ids.slice(0, count)) {
    const result = await assignments.sign(id, demo.leaders[0]!.id, strokes, PNG);
    expect(typeof result).not.toBe('string');
  }
  return ids;
}

/** A desk whose write reports every file verified, except the names in `failing`. */
function fakeWrite(failing: ReadonlySet<string> = new Set()) {
  return vi.spyOn(desk.export, 'write').mockImplementation(async (request: ExportRequest) => ({
    ok: true as const,
    value: {
      location: `E:\\${request.folderName}`,
      files: request.files.map((f) =>
        failing.has(f.fileName)
          ? {
              fileName: f.fileName,
              ok: false,
              error: { code: 'io_failed', message: `U盘空间不足，“${f.fileName}”没有写入` },
            }
          : { fileName: f.fileName, ok: true, size: f.bytes.byteLength, sha256: 'ab'.repeat(32) },
      ),
      manifest:
        failing.size === 0
          ? { fileName: request.manifestName, ok: true, size: 10, sha256: 'cd'.repeat(32) }
          : {
              fileName: request.manifestName,
              ok: false,
              error: { code: 'io_failed', message: '有文件未写入，清单没有写' },
            },
    },
  }));
}

/** Run `fn` with the clock at `iso` (Date alone: the database's timers keep running). */
async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(iso) });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: 1, newId: counterIds() });
  await loadDemoDataset(db, demo);
  await useSettingsStore().load();
  // The desktop app: drives are listed by main (the browser build is tested below).
  vi.spyOn(desk.app, 'info').mockResolvedValue({
    ok: true,
    value: { name: '恳谈会务台', version: '0', runtime: 'electron', platform: 'win32' },
  });
  vi.spyOn(desk.export, 'listDrives').mockResolvedValue({ ok: true, value: [KINGSTON] });
});
afterEach(() => vi.restoreAllMocks());

describe('useExportStore', () => {
  it('in the browser build goes to the downloads at once: nothing to choose before exporting', async () => {
    vi.mocked(desk.app.info).mockRestore();
    await signFirst(1);
    const store = useExportStore();
    await store.load(past().id);
    expect(await store.listDrives()).toBeUndefined();
    expect(store.runtime).toBe('web');
    expect(store.target).toMatchObject({ kind: 'directory', label: '浏览器的下载文件夹' });
    expect(store.markable).toHaveLength(1);
  });

  it('lists a sheet per signed item with Windows-safe names and skips the unsigned and the tampered', async () => {
    const ids = await signFirst(4);
    // Changed behind the app's back after signing: never exported as signed.
    await db.assignments.update(ids[2]!, { instruction: '背后改的批示' });
    const store = useExportStore();
    expect(await store.load(past().id)).toBe(true);

    const sheets = store.files.filter((f) => f.kind === 'sheet');
    expect(sheets.map((f) => f.assignmentId)).toEqual([ids[0], ids[1], ids[3]]);
    expect(sheets.map((f) => f.fileName)).toEqual([
      expect.stringMatching(/^青工商联交〔2026〕1号-.+-交办单\.docx$/),
      '青工商联交〔2026〕2号-临江丰泽钢构有限公司-交办单.docx',
      expect.stringMatching(/^青工商联交〔2026〕4号-.+-交办单\.docx$/),
    ]);
    // Every file is a .docx package (a zip).
    for (const f of store.files) expect([...f.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(store.files.map((f) => f.kind)).toContain('minutes');
    expect(store.skipped.map((s) => [s.assignmentId, s.reason])).toEqual([
      [ids[2], expect.stringMatching(/^签批后已修改，不能作为已签批交办单导出/)],
      [ids[4], '尚未签批，不能导出交办单'],
    ]);
    expect(store.skipped[0]!.enterprise).not.toBe('');
    expect(store.folderName).toBe(`${past().title}-交办材料-2026年11月21日`);
  });

  it('builds with progress, and a newer build or load replaces one under way instead of landing after it', async () => {
    await signFirst(2);
    const store = useExportStore();
    expect(await store.load(past().id)).toBe(true);
    // 5 items (2 signed, 3 skipped) + minutes + 会前材料, the last step reported.
    expect(store.progress).toEqual({ done: 7, total: 7 });
    expect(store.files.map((f) => f.kind)).toEqual(['sheet', 'sheet', 'minutes', 'briefing']);

    // Untick 会前材料 while a build with it is under way (each reads its options as it starts): the
    // first build stops at its next step, the second lands, and the first never lands after it.
    store.includeBriefing = true;
    const first = store.prepare();
    store.includeBriefing = false;
    const second = store.prepare();
    await Promise.all([first, second]);
    expect(store.preparing).toBe(false);
    expect(store.files.map((f) => f.kind)).toEqual(['sheet', 'sheet', 'minutes']);

    // Switch to the upcoming meeting while the finished one still loads: only the newer load lands.
    const upcoming = demo.meetings.find((m) => m.edition === 15)!;
    const older = store.load(past().id);
    const newer = store.load(upcoming.id);
    expect(await older).toBeUndefined();
    expect(await newer).toBe(true);
    expect(store.meeting?.id).toBe(upcoming.id);
    expect(store.files.filter((f) => f.kind === 'sheet')).toEqual([]);
  });

  it('records 交办时间 only for sheets verified on the drive, with an audit record each, and retries the rest', async () => {
    const ids = await signFirst(5);
    const store = useExportStore();
    await store.load(past().id);
    expect(await store.listDrives()).toBeUndefined();
    expect(store.target).toMatchObject({ kind: 'drive', driveId: 'drive-1', label: 'KINGSTON（E:）' });

    const second = store.files.find((f) => f.assignmentId === ids[1])!;
    const write = fakeWrite(new Set([second.fileName]));
    const before = Date.now();
    expect(await store.write()).toBeUndefined();
    const request = write.mock.calls[0]![0];
    expect(request.target).toEqual({ kind: 'drive', driveId: 'drive-1' });
    expect(request.folderName).toBe(store.folderName);
    expect(request.manifestName).toMatch(/-清单\.txt$/);
    expect(request.files.map((f) => f.fileName)).toEqual(store.files.map((f) => f.fileName));
    expect(store.resultOf.get(second.fileName)?.error?.message).toMatch(/U盘空间不足/);

    const stored = await db.assignments.bulkGet(ids);
    expect(stored.map((a) => a!.status)).toEqual([
      'handed_off',
      'signed',
      'handed_off',
      'handed_off',
      'handed_off',
    ]);
    expect(stored[0]!.handedOffAt).toBeGreaterThanOrEqual(before);
    expect(stored[1]!.handedOffAt).toBeUndefined();
    expect(store.handedOff).toBe(4);
    // The meeting still waits for one item.
    expect((await db.meetings.get(past().id))!.status).toBe('handoff');

    const records = await new AuditLog(db).forEntity('assignment', ids[0]!);
    expect(records.at(-1)).toMatchObject({ action: 'export' });
    expect(records.at(-1)!.detail).toContain('导出到KINGSTON（E:）');
    expect(records.at(-1)!.detail).toContain(store.files[0]!.fileName);

    // Retry: everything is sent again (a file lands under its name only once verified); only the
    // missing one gets its 交办时间 now, the others keep theirs.
    write.mockRestore();
    fakeWrite();
    expect(await store.write()).toBeUndefined();
    const after = await db.assignments.bulkGet(ids);
    expect(after.every((a) => a!.status === 'handed_off')).toBe(true);
    expect(after[0]!.handedOffAt).toBe(stored[0]!.handedOffAt);
    expect(store.handedOff).toBe(1);
    expect((await db.meetings.get(past().id))!.status).toBe('handed_off');

    // The signatures and the audit chain still hold after the handoff.
    expect((await new AuditLog(db).verify()).ok).toBe(true);
    await store.load(past().id);
    expect(store.problems).toEqual({});
    expect(store.files.filter((f) => f.kind === 'sheet')).toHaveLength(5);
  });

  it('marks the signed items as handed over without exporting; 答复期限 is the signed 办理时限, moved on when late', async () => {
    const ids = await signFirst(2);
    const store = useExportStore();
    await store.load(past().id);
    // Handed over on Monday 2026-11-23 at 10:00 in Beijing, the last day of the two-day window.
    await at('2026-11-23T10:00:00+08:00', () => store.markHandedOver());
    const stored = await db.assignments.bulkGet(ids);
    expect(stored.map((a) => a!.status)).toEqual(['handed_off', 'handed_off', 'draft', 'draft', 'draft']);
    expect(stored[0]!.handedOffAt).toBe(Date.parse('2026-11-23T10:00:00+08:00'));
    // In time: the department is held to the date its 交办单 prints, the signed 办理时限.
    expect(stored.map((a) => a!.replyDueAt)).toEqual([
      '2026-12-07',
      '2026-12-07',
      undefined,
      undefined,
      undefined,
    ]);
    expect(stored[0]!.dueAt).toBe('2026-12-07');
    expect(store.handedOff).toBe(2);
    expect(store.replyDueDates).toEqual(['2026-12-07']);
    const records = await new AuditLog(db).forEntity('assignment', ids[1]!);
    expect(records.at(-1)).toMatchObject({ action: 'hand_off' });
    expect(records.at(-1)!.detail).toContain('答复期限2026年12月7日');
    expect((await db.meetings.get(past().id))!.status).not.toBe('handed_off');
    // The signature still holds: 答复期限 is not part of what the leader signed.
    await store.load(past().id);
    expect(store.problems).toEqual({});

    // In working days: signed now, the third item's 办理时限 is 14 working days after the window
    // (Tuesday 11-24 → Monday 12-14); handed over on 11-30, it still gets 14 working days (Friday 12-18).
    await useSettingsStore().saveDeadlineRules({ ...useSettingsStore().deadlineRules, dayKind: 'working' });
    const assignments = useAssignmentStore();
    await assignments.load(past().id);
    expect(typeof (await assignments.sign(ids[2]!, demo.leaders[0]!.id, strokes, PNG))).not.toBe('string');
    await store.load(past().id);
    await at('2026-11-30T10:00:00+08:00', () => store.markHandedOver());
    const third = (await db.assignments.get(ids[2]!))!;
    expect(third.dueAt).toBe('2026-12-14');
    expect(third.replyDueAt).toBe('2026-12-18');
    expect(store.replyDueDates).toEqual(['2026-12-18']);
    // The first two keep the date they were given.
    expect((await db.assignments.get(ids[0]!))!.replyDueAt).toBe('2026-12-07');
  });

  it('says what to do when nothing is chosen or the target failed', async () => {
    await signFirst(1);
    const store = useExportStore();
    await store.load(past().id);
    expect(await store.write()).toBe('请先选择U盘或文件夹');
    await store.listDrives();
    vi.spyOn(desk.export, 'write').mockResolvedValue({
      ok: false,
      error: { code: 'not_found', message: 'U盘已拔出或不可用，请重新插入后刷新' },
    });
    expect(await store.write()).toBe('U盘已拔出或不可用，请重新插入后刷新');
    expect((await db.assignments.where('meetingId').equals(past().id).first())!.handedOffAt).toBeUndefined();
  });
});
