import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import {
  BACKUP_FORMAT,
  buildBackup,
  readBackup,
  type BackupMeta,
  type BackupTables,
} from '../../../shared/backup/backup-file';
import { chainAudit } from '../../../shared/domain/integrity';
import type { AuditRecord } from '../../../shared/domain/types';

const META: BackupMeta = {
  appVersion: '0.1.0',
  schemaVersion: 3,
  createdAt: Date.parse('2026-11-30T10:00:00+08:00'),
  docNumberHighWater: { '青工商联交|2026': 14 },
};

/** An audit chain of `n` records, as the desk writes them. */
async function chain(n: number): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    const r = await chainAudit(out.at(-1), {
      at: META.createdAt + i,
      action: 'sign',
      entity: 'assignment',
      entityId: `a${i}`,
      detail: `青工商联交〔2026〕${i + 1}号`,
    });
    out.push({ ...r, seq: i + 1 });
  }
  return out;
}

async function sample(): Promise<BackupTables> {
  return {
    meetings: [
      { id: 'm1', title: '青溪区第14次“民营企业接待日”', date: '2026-11-21', hostLeaderIds: ['l1'] },
    ],
    assignments: [{ id: 'a0', docNumber: '青工商联交〔2026〕1号', status: 'handed_off', round: 1 }],
    auditLog: (await chain(3)) as unknown as Record<string, unknown>[],
  };
}

/** Rebuild a backup with one part replaced, as someone editing the file would. */
async function repacked(
  bytes: Uint8Array,
  part: string,
  edit: (text: string) => string,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('backup file', () => {
  it('reads back what it was given, with the header counting it and the chain verified', async () => {
    const tables = await sample();
    const read = await readBackup(await buildBackup(tables, META));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.backup.tables).toEqual(tables);
    expect(read.backup.header).toMatchObject({
      format: BACKUP_FORMAT,
      schemaVersion: 3,
      counts: { meetings: 1, assignments: 1, auditLog: 3 },
      auditHead: { seq: 3 },
      docNumberHighWater: { '青工商联交|2026': 14 },
    });
    expect(read.backup.audit).toEqual({ ok: true, count: 3 });
  });

  it('round-trips any database of JSON records (property)', async () => {
    const record = fc.dictionary(
      fc.string({ maxLength: 8 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
      fc.oneof(
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string(), { maxLength: 3 }),
      ),
      { maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('meetings', 'concerns', 'minuteEntries', 'drafts'),
          fc.array(record, { maxLength: 5 }),
        ),
        async (tables) => {
          const read = await readBackup(await buildBackup(tables, META));
          expect(read.ok && read.backup.tables).toEqual(tables);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a file whose data was changed, naming why', async () => {
    const bytes = await buildBackup(await sample(), META);
    const edited = await repacked(bytes, 'tables.json', (t) => t.replace('handed_off', 'written_off'));
    expect(await readBackup(edited)).toEqual({
      ok: false,
      error: '备份文件的内容与其校验值不符：文件被改动或不完整，已拒绝',
    });
  });

  it('refuses a truncated file, a file that is not a backup, and one from a newer version', async () => {
    const bytes = await buildBackup(await sample(), META);
    expect((await readBackup(bytes.slice(0, Math.floor(bytes.length / 2)))).ok).toBe(false);
    expect(await readBackup(new TextEncoder().encode('meetings,assignments'))).toEqual({
      ok: false,
      error: '这不是恳谈会务台的备份文件，或文件已损坏（无法解压）',
    });
    const newer = await repacked(bytes, 'header.json', (t) =>
      t.replace('"formatVersion": 1', '"formatVersion": 9'),
    );
    expect(await readBackup(newer)).toEqual({
      ok: false,
      error: '备份文件由更新版本的恳谈会务台生成，请先升级本程序再恢复',
    });
    const other = await repacked(bytes, 'header.json', (t) => t.replace(BACKUP_FORMAT, 'someone-else'));
    expect(await readBackup(other)).toEqual({ ok: false, error: '这不是恳谈会务台的备份文件' });
  });

  it('refuses keys that reach a prototype, even with a matching hash', async () => {
    const body = '{"meetings":[{"id":"m1","__proto__":{"polluted":true}}]}';
    const zip = await JSZip.loadAsync(await buildBackup({ meetings: [{ id: 'm1' }] }, META));
    const { sha256Hex } = await import('../../../shared/domain/integrity');
    const header = JSON.parse(await zip.file('header.json')!.async('string')) as Record<string, unknown>;
    zip.file('header.json', JSON.stringify({ ...header, contentSha256: await sha256Hex(body) }));
    zip.file('tables.json', body);
    const read = await readBackup(await zip.generateAsync({ type: 'uint8array' }));
    expect(read).toEqual({ ok: false, error: '备份文件的数据部分含有不允许的字段“__proto__”' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('stops unpacking a part that grows past the cap (a zip bomb)', async () => {
    const bytes = await buildBackup({ minuteEntries: [{ id: 'x', text: '字'.repeat(200_000) }] }, META);
    expect(bytes.length).toBeLessThan(50_000);
    const read = await readBackup(bytes, { maxFileBytes: 1_000_000, maxPartBytes: 100_000 });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/解压后超过/);
  });

  it('says when the chain inside does not verify, so the preview can show it', async () => {
    const tables = await sample();
    const log = tables['auditLog'] as unknown as AuditRecord[];
    tables['auditLog'] = [log[0]!, { ...log[1]!, detail: '伪造' }, log[2]!] as unknown as Record<
      string,
      unknown
    >[];
    const read = await readBackup(await buildBackup(tables, META));
    expect(read.ok && read.backup.audit.ok).toBe(false);
  });
});
