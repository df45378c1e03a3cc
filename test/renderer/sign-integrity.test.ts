// 签批 integrity against a hostile database: every case is written straight to IndexedDB, as someone with
// the profile's files (or the developer tools) would, and the check must name it and export must refuse it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk } from '../../renderer/bridge';
import type { DeskDb } from '../../renderer/db';
import { repositories } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { readAnchor } from '../../renderer/db/chain-anchor';
import { useAssignmentStore } from '../../renderer/stores/assignments';
import { useExportStore } from '../../renderer/stores/export';
import { useSettingsStore } from '../../renderer/stores/settings';
import { useSheetCheckStore } from '../../renderer/stores/sheet-check';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { readSheetFile } from '../../shared/docs/sheet-check';
import { dataUrlBytes, sha256Hex, signedContent, signOffHash } from '../../shared/domain/integrity';
import type { ExportRequest } from '../../shared/ipc/contract';
import { counterIds, freshDatabase, ONE_STROKE as strokes, TINY_PNG as PNG } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;
const past = () => demo.meetings.find((m) => m.edition === 14)!;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T10:00:00+08:00') });
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: 1, newId: counterIds() });
  await loadDemoDataset(db, demo);
  await useSettingsStore().load();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Sign the first `count` drafts of the finished meeting through the store, as 签批模式 does. */
async function signFirst(count: number): Promise<string[]> {
  const store = useAssignmentStore();
  await store.load(past().id);
  const ids = store.assignments.map((a) => a.id);
  for (const id of ids.slice(0, count)) {
    expect(typeof (await store.sign(id, demo.leaders[0]!.id, strokes, PNG))).not.toBe('string');
  }
  return ids;
}

const findings = async () => {
  const report = await repositories().signOffs.verifyAll();
  return {
    audit: report.audit,
    byId: new Map([...report.findings].map(([id, f]) => [id, f.problem])),
  };
};

/** The export screen's list of sheets and skipped items for the meeting. */
async function exportPlan() {
  const store = useExportStore();
  await store.load(past().id);
  return {
    sheets: store.files.filter((f) => f.kind === 'sheet').map((f) => f.assignmentId),
    skipped: new Map(store.skipped.map((s) => [s.assignmentId, s.reason])),
    store,
  };
}

describe('签批 integrity against a hostile database', () => {
  it('a signed item set back to 待签批 by hand is caught, with or without its sign-off', async () => {
    const [first, second] = await signFirst(2);
    await db.assignments.update(first!, { status: 'draft' });
    const s2 = (await repositories().signOffs.latestFor(second!))!;
    await db.signOffs.delete(s2.id);
    await db.assignments.update(second!, { status: 'draft' });
    const { byId } = await findings();
    expect(byId.get(first!)).toMatchObject({
      label: '记录校验失败',
      detail: expect.stringContaining('却被标为待签批'),
    });
    expect(byId.get(second!)).toMatchObject({
      label: '记录校验失败',
      detail: expect.stringMatching(/第2条.*却被标为待签批/),
    });
  });

  it('the newest audit record deleted with its sign-off: the anchor outside the database notices, export refuses', async () => {
    const [first, second] = await signFirst(2);
    expect(readAnchor(db.name)).toMatchObject({ seq: 2 });
    const last = (await db.auditLog.orderBy('seq').last())!;
    await db.auditLog.delete(last.seq!);
    await db.signOffs.where('assignmentId').equals(second!).delete();
    const { audit, byId } = await findings();
    expect(audit).toMatchObject({
      ok: false,
      anchor: true,
      reason: expect.stringContaining('比本机上次记下的少'),
    });
    expect(byId.get(second!)).toMatchObject({ label: '签批记录缺失' });
    expect(byId.get(first!)).toBeUndefined();
    const plan = await exportPlan();
    expect(plan.sheets).toEqual([first]);
    expect(plan.skipped.get(second!)).toMatch(/签批记录缺失/);
  });

  it('a middle audit record edited: every item signed from there on is blocked, the ones before stay', async () => {
    const [first, second, third] = await signFirst(3);
    await db.auditLog.update(2, { detail: '伪造' });
    const { audit, byId } = await findings();
    expect(audit).toMatchObject({ ok: false, seq: 2 });
    expect(byId.get(first!)).toBeUndefined();
    expect(byId.get(second!)).toMatchObject({ label: '记录校验失败' });
    expect(byId.get(third!)).toMatchObject({
      label: '记录校验失败',
      detail: expect.stringContaining('自第2条起'),
    });
    const plan = await exportPlan();
    expect(plan.sheets).toEqual([first]);
    expect([...plan.skipped.keys()].sort()).toEqual([second, third, ...(await unsigned(3))].sort());
  });

  it('a rewritten chain (consistent, but not the one this machine wrote) disagrees with the anchor', async () => {
    await signFirst(1);
    const { chainAudit } = await import('../../shared/domain/integrity');
    const [only] = await db.auditLog.toArray();
    const forged = await chainAudit(undefined, { ...only!, detail: `${only!.detail}（改）` });
    await db.auditLog.put({ ...forged, seq: only!.seq });
    const { audit } = await findings();
    expect(audit).toMatchObject({
      ok: false,
      anchor: true,
      seq: 1,
      reason: expect.stringContaining('被整体改写'),
    });
    // The secretary may confirm the log after a deliberate restore; that is recorded, and the alarm ends.
    const { useIntegrityStore } = await import('../../renderer/stores/integrity');
    const integrity = useIntegrityStore();
    await integrity.confirmLog('从U盘备份恢复');
    expect(integrity.audit).toMatchObject({ ok: true, count: 2 });
    expect((await db.auditLog.orderBy('seq').last())!).toMatchObject({
      action: 'confirm_log',
      detail: expect.stringContaining('从U盘备份恢复'),
    });
  });

  it('source records changed after signing: no alarm, a quiet note, and the sheet still prints what was signed', async () => {
    const [first] = await signFirst(1);
    const a = (await db.assignments.get(first!))!;
    const concern = (await db.concerns.get(a.concernIds[0]!))!;
    const enterprise = (await db.enterprises.get(a.enterpriseId))!;
    await repositories().concerns.save({ ...concern, verbatim: '会后改过的原话' });
    await repositories().enterprises.save({ ...enterprise, name: `${enterprise.name}（新名）` });
    const { audit, byId } = await findings();
    expect(audit.ok).toBe(true);
    expect(byId.size).toBe(0);
    const store = useAssignmentStore();
    await store.load(past().id);
    expect(store.problems[first!]).toBeUndefined();
    expect(store.sourceUpdates(store.assignments[0]!)).toEqual([
      `企业名称：「${enterprise.name}」 → 「${enterprise.name}（新名）」`,
      expect.stringMatching(/^诉求原话：「.+」 → 「会后改过的原话」$/),
    ]);
    const plan = await exportPlan();
    const sheet = plan.store.files.find((f) => f.assignmentId === first)!;
    const facts = await readSheetFile(sheet.bytes, sheet.fileName);
    expect(facts.fields.get('企业名称')).toBe(enterprise.name);
    expect(facts.fields.get('反映问题')).toBe(concern.verbatim);
    expect(sheet.fileName).toContain(enterprise.name);
    // 修改并重新签批 adopts the new wording.
    expect(await store.reopen(first!, '采用更新后的企业名称')).toBeUndefined();
    await store.sign(first!, demo.leaders[0]!.id, strokes, PNG);
    expect(store.signOffsById[first!]!.snapshot!.enterprise.name).toBe(`${enterprise.name}（新名）`);
    expect(store.sourceUpdates(store.assignments[0]!)).toEqual([]);
  });

  it('merging enterprises keeping the other record: recorded, no false alarm, the sheet keeps the signed name', async () => {
    const [first] = await signFirst(1);
    const a = (await db.assignments.get(first!))!;
    const signedName = (await db.enterprises.get(a.enterpriseId))!.name;
    const other = demo.enterprises.find((e) => e.id !== a.enterpriseId && e.name !== signedName)!;
    await repositories().enterprises.merge(other, [a.enterpriseId, other.id]);
    expect((await db.assignments.get(first!))!.enterpriseId).toBe(other.id);
    const log = await db.auditLog.orderBy('seq').toArray();
    expect(log.map((r) => r.action)).toEqual(['sign', 'merge', 'relink']);
    expect(log[2]!).toMatchObject({
      entity: 'assignment',
      entityId: first,
      detail: expect.stringContaining(`→企业ID ${other.id}`),
    });
    const { audit, byId } = await findings();
    expect(audit.ok).toBe(true);
    expect(byId.size).toBe(0);
    const plan = await exportPlan();
    const sheet = plan.store.files.find((f) => f.assignmentId === first)!;
    expect((await readSheetFile(sheet.bytes, sheet.fileName)).fields.get('企业名称')).toBe(signedName);
    // Moved by hand, without the merge record, the same change is tampering.
    const third = demo.enterprises.find((e) => e.id !== other.id && e.id !== a.enterpriseId)!;
    await db.assignments.update(first!, { enterpriseId: third.id });
    expect((await findings()).byId.get(first!)).toMatchObject({
      label: '签批后已修改',
      detail: expect.stringContaining('企业'),
    });
  });

  it('sign-offs made before signed snapshots (format 1) still verify and export', async () => {
    const a = (await db.assignments.where('meetingId').equals(past().id).first())!;
    const signed = {
      ...a,
      status: 'signed' as const,
      docNumber: '青工商联交〔2026〕1号',
      dueAt: '2026-12-07',
    };
    const signedAt = Date.parse('2026-11-22T09:00:00+08:00');
    const contentHash = await signOffHash({
      assignment: signed,
      strokes,
      pngSha256: await sha256Hex(dataUrlBytes(PNG)),
      signer: demo.leaders[0]!.id,
      signedAt,
    });
    await db.assignments.put(signed);
    await db.signOffs.add({
      id: 'old-signoff',
      assignmentId: a.id,
      signer: demo.leaders[0]!.id,
      signedAt,
      strokes,
      png: PNG,
      contentHash,
      content: signedContent(signed),
    });
    await repositories().audit.append({
      at: signedAt,
      action: 'sign',
      entity: 'assignment',
      entityId: a.id,
      detail: `${signed.docNumber} 签批，内容摘要 ${contentHash}`,
    });
    expect((await findings()).byId.size).toBe(0);
    const plan = await exportPlan();
    expect(plan.sheets).toEqual([a.id]);
    await db.assignments.update(a.id, { instruction: '改了' });
    expect((await findings()).byId.get(a.id)).toMatchObject({ label: '签批后已修改' });
  });

  it('the 清单 carries every sheet’s hash and the chain head; 核对交办单 reads it and the sheets back', async () => {
    const ids = await signFirst(2);
    const spy = vi.spyOn(desk.export, 'write').mockImplementation(async (request: ExportRequest) => ({
      ok: true as const,
      value: {
        location: 'E:\\x',
        files: request.files.map((f) => ({
          fileName: f.fileName,
          ok: true,
          size: f.bytes.byteLength,
          sha256: 'ab'.repeat(32),
        })),
        manifest: { fileName: request.manifestName, ok: true, size: 1, sha256: 'cd'.repeat(32) },
      },
    }));
    const plan = await exportPlan();
    plan.store.chooseDrive({ id: 'drive-1', label: 'U', mount: 'E:', freeBytes: 1e9 });
    expect(await plan.store.write()).toBeUndefined();
    const request = spy.mock.calls[0]![0];
    const head = (await db.auditLog.orderBy('seq').toArray())[1]!;
    expect(request.attestation).toEqual({
      sheets: ids.slice(0, 2).map((id) => ({
        fileName: plan.store.files.find((f) => f.assignmentId === id)!.fileName,
        docNumber: expect.stringMatching(/〔2026〕[12]号$/),
        signOffHash: useAssignmentStore().signOffsById[id]!.contentHash,
      })),
      auditHead: { seq: head.seq, hash: head.hash },
    });
    const { manifestBytes, manifestText } = await import('../../shared/export/manifest');
    const manifest = manifestBytes(
      manifestText({
        createdAt: new Date(),
        location: 'E:\\x',
        files: [],
        attestation: request.attestation!,
      }),
    );
    const check = useSheetCheckStore();
    const sheet = request.files[0]!;
    await check.check([
      { name: sheet.fileName, bytes: sheet.bytes },
      { name: '清单.txt', bytes: manifest },
    ]);
    expect(check.findings.map((f) => [f.ok, f.summary])).toEqual([
      [true, expect.stringMatching(/〔2026〕1号：与数据库一致$/)],
      [true, '清单所列 2 份交办单及操作记录与数据库一致'],
    ]);
    // The database rewritten behind the paper: the sheet's signature and the 清单 no longer match.
    const s1 = (await repositories().signOffs.latestFor(ids[0]!))!;
    await db.signOffs.update(s1.id, { contentHash: 'f'.repeat(64) });
    await check.check([
      { name: sheet.fileName, bytes: sheet.bytes },
      { name: '清单.txt', bytes: manifest },
    ]);
    expect(check.findings.map((f) => f.ok)).toEqual([false, false]);
    expect(check.findings[0]!.details[0]).toMatch(/^交办单的签批摘要与数据库不符/);
  });
});

/** The ids of the meeting's items that were never signed (after the first `n`). */
async function unsigned(n: number): Promise<string[]> {
  const store = useAssignmentStore();
  return store.assignments.slice(n).map((a) => a.id);
}
