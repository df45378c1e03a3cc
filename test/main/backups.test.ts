import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskFailure } from '../../electron/main/ipc/handle';
import { createBackupStore, type BackupStoreDeps } from '../../electron/main/services/backups';
import { nodeFileSystem } from '../../electron/main/services/file-save';
import {
  MAX_BACKUP_BYTES,
  type BackupSummary,
  type SafetyState,
  type WriteBackupRequest,
} from '../../shared/ipc';
import { faultyFs, isTemp, type Faults } from './fs-faults';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const cst = (iso: string) => Date.parse(`${iso}+08:00`);
const NOW = cst('2026-11-30T18:00:00');
const SUMMARY: BackupSummary = {
  meetings: 14,
  assignments: 120,
  signOffs: 118,
  followUps: 30,
  enterprises: 200,
  firstDate: '2026-01-08',
  lastDate: '2026-11-21',
};
const content = (seed: string, kb = 16) => new TextEncoder().encode(seed.repeat(Math.ceil((kb * 1024) / 3)));

let base: string;
let folder: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'kentan-backups-'));
  folder = join(base, 'backups');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const realFs = () => ({ ...nodeFileSystem, stat });
const store = (deps: Partial<BackupStoreDeps> = {}) =>
  createBackupStore({ fs: realFs(), folder, now: () => NOW, ...deps });
const request = (createdAt: number, overrides: Partial<WriteBackupRequest> = {}): WriteBackupRequest => ({
  bytes: content(String(createdAt)),
  reason: 'auto',
  createdAt,
  summary: SUMMARY,
  docNumberHighWater: {},
  ...overrides,
});
const listing = async () => (await readdir(folder)).sort();
const stateFile = async () =>
  JSON.parse(await readFile(join(folder, 'state.json'), 'utf8')) as {
    state: SafetyState;
    entries: Record<string, unknown>;
  };

/** The DeskFailure a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<DeskFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskFailure);
  return error as DeskFailure;
}

describe('createBackupStore: write and status', () => {
  it('writes a backup verified and lists it, newest first, with its summary, size and SHA-256', async () => {
    const s = store({ statfs: async () => ({ bavail: 1000, bsize: 4096 }), location: '数据文件夹\\backups' });
    const first = request(cst('2026-11-29T09:00:00'), { docNumberHighWater: { '2026': 14 } });
    const second = request(cst('2026-11-30T17:57:30'), {
      reason: 'manual',
      bytes: content('乙', 40),
      summary: { ...SUMMARY, meetings: 15 },
    });
    const a = await s.write(first);
    const b = await s.write(second);
    expect(a).toEqual({
      id: 'kentan-20261129-090000-auto.kentan',
      createdAt: first.createdAt,
      reason: 'auto',
      size: first.bytes.byteLength,
      sha256: sha(first.bytes),
      summary: SUMMARY,
    });
    expect(b).toEqual({
      id: 'kentan-20261130-175730-manual.kentan',
      createdAt: second.createdAt,
      reason: 'manual',
      size: second.bytes.byteLength,
      sha256: sha(second.bytes),
      summary: { ...SUMMARY, meetings: 15 },
    });
    expect(sha(await readFile(join(folder, a.id)))).toBe(sha(first.bytes));
    expect(sha(await readFile(join(folder, b.id)))).toBe(sha(second.bytes));
    expect(await listing()).toEqual([a.id, b.id, 'state.json'].sort());

    const status = await s.status();
    expect(status).toEqual({
      backups: [b, a],
      state: {
        ranBefore: true,
        firstSeenAt: first.createdAt,
        lastBackupAt: second.createdAt,
        docNumberHighWater: { '2026': 14 },
      },
      freeBytes: 4096 * 1000,
      location: '数据文件夹\\backups',
      automatic: true,
    });
    // What was written is read again by the next start (a new store over the same folder).
    const again = await store().status();
    expect(again.backups).toEqual([b, a]);
    expect(again.state).toEqual(status.state);
    expect(again.location).toBe(folder);
    expect(again).not.toHaveProperty('freeBytes');
  });

  it('lists by the time a backup was made, whatever the order of writing, and never moves lastBackupAt back', async () => {
    const s = store();
    const late = await s.write(request(cst('2026-11-30T10:00:00')));
    const early = await s.write(request(cst('2026-11-20T10:00:00'), { reason: 'upgrade' }));
    const middle = await s.write(request(cst('2026-11-25T10:00:00'), { reason: 'before-restore' }));
    const status = await s.status();
    expect(status.backups.map((e) => e.id)).toEqual([late.id, middle.id, early.id]);
    expect(status.state.lastBackupAt).toBe(late.createdAt);
    expect(status.state.firstSeenAt).toBe(late.createdAt);
  });

  it('a fresh folder: nothing listed, not run before, and the folder made', async () => {
    const status = await store().status();
    expect(status).toEqual({
      backups: [],
      state: { ranBefore: false, docNumberHighWater: {} },
      location: folder,
      automatic: true,
    });
    expect(await listing()).toEqual([]);
  });

  it('leaves out the free space when statfs fails', async () => {
    const status = await store({
      statfs: async () => {
        throw Object.assign(new Error('ENOSYS'), { code: 'ENOSYS' });
      },
    }).status();
    expect(status).not.toHaveProperty('freeBytes');
  });

  it('says in Chinese when the folder cannot be made', async () => {
    const s = store({ fs: { ...faultyFs({ fail: (op) => (op === 'mkdir' ? 'EACCES' : undefined) }), stat } });
    const error = await failure(s.write(request(NOW)));
    expect(error.code).toBe('io_failed');
    expect(error.message).toBe(`无法创建备份文件夹（EACCES）：${folder}`);
  });
});

describe('createBackupStore: the facts kept beside the backups', () => {
  it('never lowers the 文号 high-water mark, by a later write or by a note with smaller numbers', async () => {
    const s = store();
    await s.write(request(cst('2026-11-01T10:00:00'), { docNumberHighWater: { '2025': 40, '2026': 14 } }));
    await s.write(request(cst('2026-11-02T10:00:00'), { docNumberHighWater: { '2026': 3 } }));
    expect((await s.status()).state.docNumberHighWater).toEqual({ '2025': 40, '2026': 14 });

    const noted = await s.note({ docNumberHighWater: { '2026': 2, '2027': 1, '2025': 41 } });
    expect(noted.docNumberHighWater).toEqual({ '2025': 41, '2026': 14, '2027': 1 });
    await s.note({ docNumberHighWater: { '2025': 0, '2026': 0, '2027': 0 } });
    await s.write(request(cst('2026-11-03T10:00:00'), { docNumberHighWater: {} }));
    expect((await store().status()).state.docNumberHighWater).toEqual({ '2025': 41, '2026': 14, '2027': 1 });
    expect((await stateFile()).state).toMatchObject({
      docNumberHighWater: { '2025': 41, '2026': 14, '2027': 1 },
    });
  });

  it('notes that the app ran before, once, with when it was first seen; writes nothing when nothing changed', async () => {
    let now = NOW;
    const s = store({ now: () => now });
    expect(await s.note({})).toEqual({ ranBefore: false, docNumberHighWater: {} });
    expect(await listing()).toEqual([]);
    expect(await s.note({ ranBefore: true })).toEqual({
      ranBefore: true,
      firstSeenAt: NOW,
      docNumberHighWater: {},
    });
    now = NOW + 86_400_000;
    expect(await s.note({ ranBefore: true })).toMatchObject({ ranBefore: true, firstSeenAt: NOW });
    expect((await stateFile()).state).toEqual({ ranBefore: true, firstSeenAt: NOW, docNumberHighWater: {} });
  });

  it('records when a backup was last copied to a stick or a folder', async () => {
    const s = store();
    await s.copied(NOW - 5000);
    await s.copied(NOW);
    expect((await store().status()).state.lastCopyAt).toBe(NOW);
  });
});

describe('createBackupStore: rotation', () => {
  it('keeps the 20 newest, one a day for 30 days and one a month for 12, over two years of backups', async () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const times: string[] = [];
    // December 2024 … September 2026: two a month.
    for (let m = 0; m < 22; m++) {
      const d = new Date(Date.UTC(2024, 11 + m, 1));
      const month = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
      times.push(`${month}-05T12:00:00`, `${month}-20T12:00:00`);
    }
    // 20 … 31 October: one a day.
    for (let day = 20; day <= 31; day++) times.push(`2026-10-${day}T12:00:00`);
    // 1 … 27 November: two a day.
    for (let day = 1; day <= 27; day++)
      times.push(`2026-11-${pad(day)}T09:00:00`, `2026-11-${pad(day)}T12:00:00`);
    // The last three days: ten a day.
    for (const day of ['28', '29', '30'])
      for (let hour = 8; hour <= 17; hour++) times.push(`2026-11-${day}T${pad(hour)}:00:00`);
    expect(times).toHaveLength(140);

    const s = store({ now: () => NOW });
    const ids = new Map<string, string>();
    for (const t of times) ids.set(t, (await s.write(request(cst(t), { bytes: content(t, 1) }))).id);

    const kept = [
      // The 20 newest: 29 and 30 November.
      ...times.filter((t) => t.startsWith('2026-11-29') || t.startsWith('2026-11-30')),
      // One a day for the 30 days from 1 November: the newest of each.
      '2026-11-28T17:00:00',
      ...Array.from({ length: 27 }, (_, i) => `2026-11-${pad(i + 1)}T12:00:00`),
      // One a month for 12 months (December 2025 … November 2026): the newest of each.
      '2026-10-31T12:00:00',
      ...[
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
      ].map((m) => `${m}-20T12:00:00`),
      '2026-09-20T12:00:00',
    ];
    expect(kept).toHaveLength(59);
    const keptIds = kept.map((t) => ids.get(t) ?? t);
    expect(await listing()).toEqual([...keptIds, 'state.json'].sort());
    // What went, went from state.json too; what stays is listed newest first with its hash.
    expect(Object.keys((await stateFile()).entries).sort()).toEqual([...keptIds].sort());
    const status = await s.status();
    expect(status.backups.map((b) => b.id)).toEqual(
      [...kept].sort((a, b) => cst(b) - cst(a)).map((t) => ids.get(t)),
    );
    expect(status.backups.every((b) => typeof b.sha256 === 'string' && b.summary !== undefined)).toBe(true);
  }, 60_000);
});

describe('createBackupStore: read', () => {
  it('returns the bytes of a listed backup', async () => {
    const s = store();
    const req = request(NOW, { bytes: content('恳谈', 64) });
    const { id } = await s.write(req);
    expect(sha(await s.read(id))).toBe(sha(req.bytes));
  });

  it('refuses an id it does not list: another name, a path, a file not ours, one deleted meanwhile', async () => {
    const s = store();
    const { id } = await s.write(request(NOW));
    await writeFile(join(base, 'outside.kentan'), 'x');
    for (const unknown of [
      'kentan-20261130-180001-auto.kentan',
      'state.json',
      '../outside.kentan',
      join(base, 'outside.kentan'),
      `${id}/../../outside.kentan`,
    ]) {
      const error = await failure(s.read(unknown));
      expect(error.code).toBe('not_found');
      expect(error.message).toBe('这份备份已不在备份文件夹中，请刷新列表');
    }
    await rm(join(folder, id));
    expect((await failure(s.read(id))).code).toBe('not_found');
  });

  it('refuses a backup whose bytes changed on disk after it was written', async () => {
    const s = store();
    const req = request(NOW);
    const { id } = await s.write(req);
    const changed = new Uint8Array(req.bytes);
    changed[100] = (changed[100] ?? 0) ^ 0x01;
    await writeFile(join(folder, id), changed);
    const error = await failure(s.read(id));
    expect(error.code).toBe('verify_failed');
    expect(error.message).toBe('这份备份的文件与写入时的校验值不符（磁盘可能已损坏），请选择另一份');
  });

  it('refuses a file larger than a backup can be', async () => {
    const { id } = await store().write(request(NOW));
    const huge = store({ fs: { ...nodeFileSystem, stat: async () => ({ size: MAX_BACKUP_BYTES + 1 }) } });
    const error = await failure(huge.read(id));
    expect(error.code).toBe('blocked');
    expect(error.message).toBe('备份文件过大，无法读取');
  });
});

describe('createBackupStore: a damaged or lost state.json', () => {
  async function twoBackups() {
    const s = store();
    const a = await s.write(request(cst('2026-11-29T09:00:00'), { docNumberHighWater: { '2026': 14 } }));
    const b = await s.write(request(cst('2026-11-30T17:57:30.250'), { reason: 'quit' }));
    return { a, b };
  }
  const fromNames = (a: { id: string; size: number }, b: { id: string; size: number }) => [
    { id: b.id, createdAt: cst('2026-11-30T17:57:30'), reason: 'quit', size: b.size },
    { id: a.id, createdAt: cst('2026-11-29T09:00:00'), reason: 'auto', size: a.size },
  ];

  for (const [what, damage] of [
    ['corrupted', (path: string) => writeFile(path, '{"version":1,"state":{"ranBefo')],
    ['not an object', (path: string) => writeFile(path, 'null')],
    ['missing', (path: string) => rm(path)],
  ] as const) {
    it(`lists the backups from their names when state.json is ${what}, and knows the app ran before`, async () => {
      const { a, b } = await twoBackups();
      await damage(join(folder, 'state.json'));
      const s = store();
      const status = await s.status();
      expect(status.backups).toEqual(fromNames(a, b));
      expect(status.state).toEqual({ ranBefore: true, docNumberHighWater: {} });
      // Still readable (nothing to check it against), and the next backup writes a sound state.json.
      expect((await s.read(a.id)).byteLength).toBe(a.size);
      const c = await s.write(request(NOW, { docNumberHighWater: { '2026': 15 } }));
      expect((await stateFile()).state).toMatchObject({
        ranBefore: true,
        docNumberHighWater: { '2026': 15 },
      });
      expect((await s.status()).backups.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    });
  }

  it('keeps only the fields and types it expects from state.json', async () => {
    const { a, b } = await twoBackups();
    await writeFile(
      join(folder, 'state.json'),
      JSON.stringify({
        version: 1,
        state: {
          ranBefore: 'yes',
          lastBackupAt: '2026-11-30',
          lastCopyAt: NOW,
          docNumberHighWater: { '2026': -5, abcd: 9, '2025': 7, '2024': 1.5 },
          extra: 1,
        },
        entries: {
          '../evil.kentan': { createdAt: 1, size: 1 },
          'kentan-20261201-000000-auto.kentan': { createdAt: 1, size: 1 },
          [a.id]: { createdAt: 'x', size: 'big', sha256: 5, reason: 'manual', summary: SUMMARY },
          [b.id]: null,
        },
      }),
    );
    const status = await store().status();
    // ranBefore comes back true because backups are on disk, not because of the string.
    expect(status.state).toEqual({ ranBefore: true, lastCopyAt: NOW, docNumberHighWater: { '2025': 7 } });
    expect(status.backups).toEqual([
      fromNames(a, b)[0],
      { id: a.id, createdAt: cst('2026-11-29T09:00:00'), reason: 'auto', size: 0, summary: SUMMARY },
    ]);
  });

  it('remembers that the app ran before from state.json alone, when every backup is gone', async () => {
    await mkdir(folder, { recursive: true });
    const state = (ranBefore: unknown) =>
      writeFile(
        join(folder, 'state.json'),
        JSON.stringify({ version: 1, state: { ranBefore, docNumberHighWater: {} } }),
      );
    await state('yes');
    expect((await store().status()).state.ranBefore).toBe(false);
    await state(true);
    expect((await store().status()).state.ranBefore).toBe(true);
  });
});

describe('createBackupStore: faults', () => {
  const faulty = (faults: Faults) => ({ ...faultyFs(faults), stat });

  it('ENOSPC while writing: a Chinese 磁盘空间不足, no file under the final name, no temporary, state unchanged', async () => {
    const earlier = await store().write(
      request(cst('2026-11-29T09:00:00'), { docNumberHighWater: { '2026': 14 } }),
    );
    const before = await readFile(join(folder, 'state.json'), 'utf8');
    const fs = faulty({ writeBudget: { bytes: 3000, code: 'ENOSPC' } });
    const req = request(NOW, { bytes: content('满', 64), docNumberHighWater: { '2026': 20 } });
    const error = await failure(store({ fs }).write(req));
    expect(error.code).toBe('io_failed');
    expect(error.message).toBe(
      '磁盘空间不足，“kentan-20261130-180000-auto.kentan”未能写入。请清理空间或换一个U盘后重试',
    );
    // It did start writing (a partial temporary existed) before the disk filled.
    expect(fs.log).toContain('write TEMP');
    expect(await listing()).toEqual([earlier.id, 'state.json'].sort());
    expect(await readFile(join(folder, 'state.json'), 'utf8')).toBe(before);
    const status = await store().status();
    expect(status.backups).toEqual([earlier]);
    expect(status.state).toMatchObject({
      lastBackupAt: earlier.createdAt,
      docNumberHighWater: { '2026': 14 },
    });
  });

  it('ENOSPC on the first backup of a fresh folder leaves an empty folder and ranBefore false', async () => {
    const fs = faulty({ fail: (op, name) => (op === 'open' && name === 'TEMP' ? 'ENOSPC' : undefined) });
    const error = await failure(store({ fs }).write(request(NOW)));
    expect(error.message).toMatch(/^磁盘空间不足/);
    expect(await listing()).toEqual([]);
    expect((await store().status()).state.ranBefore).toBe(false);
  });

  it('ENOSPC while writing state.json afterwards leaves no temporary and the earlier backups intact', async () => {
    const earlier = await store().write(request(cst('2026-11-29T09:00:00')));
    // The second temporary opened is state.json's.
    const fs = faulty({
      fail: (op, name, nth) => (op === 'open' && name === 'TEMP' && nth === 2 ? 'ENOSPC' : undefined),
    });
    const error = await failure(store({ fs }).write(request(NOW)));
    expect(error.message).toBe('磁盘空间不足，“state.json”未能写入。请清理空间或换一个U盘后重试');
    expect((await listing()).filter(isTemp)).toEqual([]);
    const status = await store().status();
    expect(status.backups.find((b) => b.id === earlier.id)).toEqual(earlier);
  });

  it('sweeps the temporaries a crash left behind on the next write, and nothing else', async () => {
    await mkdir(folder, { recursive: true });
    const stale = [
      '.kentan-20261130-100000-auto.kentan.kentan-1a2b3c4d.tmp',
      '.state.json.kentan-deadbeef.tmp',
      '.0123456789ab.kentan-tmp',
    ];
    const others = ['notes.txt', '.hidden.tmp', 'kentan-20261130-100000-auto.kentan.bak'];
    for (const name of [...stale, ...others]) await writeFile(join(folder, name), 'partial');
    // A status does not touch them …
    await store().status();
    expect(await listing()).toEqual([...stale, ...others].sort());
    // … the next write does.
    const { id } = await store().write(request(NOW));
    expect(await listing()).toEqual([...others, id, 'state.json'].sort());
  });
});

describe('createBackupStore: names', () => {
  it('gives two backups in the same second distinct names, even when written at once', async () => {
    const s = store();
    const at = cst('2026-11-30T17:57:30');
    const reqs = [
      request(at, { bytes: content('一') }),
      request(at + 400, { bytes: content('二') }),
      request(at + 900, { bytes: content('三') }),
    ];
    const entries = await Promise.all(reqs.map((r) => s.write(r)));
    expect(entries.map((e) => e.id)).toEqual([
      'kentan-20261130-175730-auto.kentan',
      'kentan-20261130-175730-2-auto.kentan',
      'kentan-20261130-175730-3-auto.kentan',
    ]);
    for (const [i, e] of entries.entries())
      expect(sha(await readFile(join(folder, e.id)))).toBe(sha(reqs[i]?.bytes ?? new Uint8Array()));
    // Another reason in the same second needs no suffix.
    expect((await s.write(request(at, { reason: 'manual' }))).id).toBe(
      'kentan-20261130-175730-manual.kentan',
    );
    expect((await s.status()).backups).toHaveLength(4);
  });
});
