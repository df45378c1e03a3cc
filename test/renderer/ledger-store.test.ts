// 台账 and the USB round trip through the store and the database: the files written through the (faked) verified
// writer; a returned form previewed and its confirmed rows recorded in one transaction with an audit record each
// (回复方式 U盘回执); a row refused meanwhile leaves nothing written; the same form again records nothing.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk } from '../../renderer/bridge';
import { repositories, type DeskDb } from '../../renderer/db';
import { rowKey, useLedgerStore } from '../../renderer/stores/ledger';
import { verifyAuditChain } from '../../shared/domain/integrity';
import type { ExportRequest } from '../../shared/ipc/contract';
import type { ReplyStep } from '../../shared/domain/types';
import { freshDemoWithFollowUp } from './db-helpers';

const TODAY = '2026-11-22';
const NOW = Date.parse(`${TODAY}T15:00:00+08:00`);
let db: DeskDb;

beforeEach(async () => {
  db = await freshDemoWithFollowUp(TODAY);
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Export through a faked writer that keeps what it was given. */
async function exportForms(ledgerIds?: string[]): Promise<ExportRequest> {
  let request: ExportRequest | undefined;
  vi.spyOn(desk.export, 'write').mockImplementation(async (r: ExportRequest) => {
    request = r;
    return {
      ok: true as const,
      value: {
        location: `E:\\${r.folderName}`,
        files: r.files.map((f) => ({
          fileName: f.fileName,
          ok: true,
          size: f.bytes.byteLength,
          sha256: 'ab'.repeat(32),
        })),
        manifest: { fileName: r.manifestName, ok: true },
      },
    };
  });
  const store = useLedgerStore();
  const choices = await store.formChoices();
  const out = await store.exportFiles({
    target: { kind: 'drive', driveId: 'usb-1' },
    ...(ledgerIds ? { ledger: { ids: ledgerIds, filterText: '在办' } } : {}),
    formDeptIds: choices.map((c) => c.deptId),
  });
  expect(out.ok).toBe(true);
  return request!;
}

async function fillFirstRow(bytes: Uint8Array, values: Record<string, string>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const sheet = wb.getWorksheet('回复登记表')!;
  const header = (sheet.getRow(3).values as unknown[]).map(String);
  for (const [h, v] of Object.entries(values)) sheet.getRow(4).getCell(header.indexOf(h)).value = v;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('the ledger store', () => {
  it('writes the 台账 and one 回复登记表 per department waiting items, with the 清单, to the target', async () => {
    const open = await db.assignments.where('status').anyOf(['handed_off', 'redo']).toArray();
    const request = await exportForms(open.map((a) => a.id));
    expect(request.target).toEqual({ kind: 'drive', driveId: 'usb-1' });
    expect(request.folderName).toBe('台账与回复登记表-20261122');
    expect(request.manifestName).toBe('台账与回复登记表-20261122-清单.txt');
    const names = request.files.map((f) => f.fileName);
    expect(names[0]).toMatch(/交办事项台账-20261122\.xlsx$/);
    const depts = new Set(open.map((a) => a.leadDeptId));
    expect(names.filter((n) => n.startsWith('回复登记表-'))).toHaveLength(depts.size);
  });

  it('records the confirmed rows with audit records, all in one go, and nothing the second time', async () => {
    const request = await exportForms();
    const form = request.files[0]!;
    const filled = await fillFirstRow(form.bytes, {
      办理状态: '已办结',
      办理结果: '已协调解决',
      经办人: '钱科长',
      联系电话: '0571-88886666',
      办结日期: TODAY,
    });
    const store = useLedgerStore();
    await store.previewImport([{ name: form.fileName, bytes: filled }]);
    const row = store.plan!.files[0]!.rows[0]!;
    expect(row.outcome).toBe('reply');
    const auditBefore = await db.auditLog.count();
    const out = await store.applyImport(new Set([rowKey(row)]));
    expect(out).toEqual({ ok: true, message: '已登记答复1件（回复方式：U盘回执）' });
    const item = await db.assignments.get(row.assignmentId!);
    expect(item).toMatchObject({ status: 'replied', repliedOn: TODAY });
    const steps = await repositories().followUps.steps(row.assignmentId!);
    const reply = steps.at(-1) as ReplyStep;
    expect(reply).toMatchObject({ kind: 'reply', way: 'usb', handler: '钱科长', content: '已协调解决' });
    expect(reply.receipt).toMatch(/\/青工商联交〔2026〕\d+号\//);
    const log = await db.auditLog.toArray();
    expect(log).toHaveLength(auditBefore + 1);
    expect(log.at(-1)!.detail).toContain('U盘回执，经办人钱科长');
    expect((await verifyAuditChain(log)).ok).toBe(true);
    expect(await repositories().followUps.verify(row.assignmentId!)).toEqual([]);

    // The same form again: nothing to record.
    await store.previewImport([{ name: form.fileName, bytes: filled }]);
    expect(store.plan!.files[0]!.rows[0]).toMatchObject({ outcome: 'nothing' });
    expect(store.plan!.counts.reply).toBe(0);
  });

  it('writes nothing when one confirmed row can no longer be recorded', async () => {
    const request = await exportForms();
    const [a, b] = request.files;
    const store = useLedgerStore();
    const fill = { 办理状态: '办理中', 办理情况: '正在核实' };
    await store.previewImport([
      { name: a!.fileName, bytes: await fillFirstRow(a!.bytes, fill) },
      { name: b!.fileName, bytes: await fillFirstRow(b!.bytes, fill) },
    ]);
    const rows = store.plan!.files.map((f) => f.rows[0]!);
    expect(rows.map((r) => r.outcome)).toEqual(['progress', 'progress']);
    // Meanwhile the second item is answered by phone in another window.
    await repositories().followUps.record(
      rows[1]!.assignmentId!,
      { kind: 'reply', on: TODAY, content: '电话答复', handler: '孙科长', phone: '', way: 'phone' },
      { today: TODAY, now: NOW, by: '王秘书', newId: () => 'phone-reply' },
    );
    const steps = await db.followUps.count();
    const audit = await db.auditLog.count();
    const out = await store.applyImport(new Set(rows.map(rowKey)));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.error).toMatch(
      /^未登记：青工商联交〔2026〕\d+号：交办件状态“已回复”不能记录进展；未记录任何内容$/,
    );
    expect(await db.followUps.count()).toBe(steps);
    expect(await db.auditLog.count()).toBe(audit);
  });
});
