// The import worker's protocol (issue 17), run in Node: the job the worker runs (renderer/directory/import-job.ts)
// and the page's side of it (import-client.ts), with a fake worker that runs the same job in this thread — what
// crosses is what a real worker would be sent, in order.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { ImportCancelledError } from '../../renderer/db/repositories/enterprises';
import {
  DIRECTORY_PER_MESSAGE,
  PreviewAssembler,
  ROWS_PER_MESSAGE,
  createImportJob,
  previewPercent,
  type ImportJobMessage,
  type ImportJobRequest,
  type ImportReadProgress,
} from '../../renderer/directory/import-job';
import {
  EXISTING_PER_MESSAGE,
  openImportFile,
  type ImportWorker,
} from '../../renderer/directory/import-client';
import { buildImportPreview } from '../../shared/directory/import-preview';
import { emptyDraft } from '../../shared/directory/row-rules';
import { computeCreditCodeCheckChar } from '../../shared/domain/credit-code';
import type { Enterprise } from '../../shared/domain/types';
import type { ImportFile } from '../../shared/directory/types';
import { freshDatabase } from './db-helpers';

let db: DeskDb;

beforeEach(async () => {
  db = await freshDatabase();
});

const HEADER = '企业名称,统一社会信用代码,联系人,联系电话';

/** A CSV of `rows` enterprises numbered from `from`. */
function directoryFile(rows: number, from = 0, extra: string[] = []): ImportFile {
  const lines = [HEADER];
  for (let i = from; i < from + rows; i += 1) {
    const body = `91339901${String(i).padStart(9, '0')}`;
    lines.push(`临江第${i}号机械制造有限公司,${body}${computeCreditCodeCheckChar(body)},李晓梅,13800000000`);
  }
  return { name: '名录.csv', bytes: new TextEncoder().encode([...lines, ...extra].join('\n')) };
}

const known = (i: number, fields: Partial<Enterprise> = {}): Enterprise => ({
  ...emptyDraft(),
  id: `known-${i}`,
  name: `临江第${i}号机械制造有限公司`,
  contact: '叶振邦',
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

/** The job, with every message it sends kept. */
function job() {
  const sent: ImportJobMessage[] = [];
  const handle = createImportJob((m) => sent.push(structuredClone(m)));
  return { sent, handle };
}

/** A worker that runs the job in this thread: requests are cloned as postMessage would, answers come a task later. */
class InThreadWorker implements ImportWorker {
  onmessage: ((event: MessageEvent<ImportJobMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly requests: ImportJobRequest[] = [];
  readonly transfers: Transferable[][] = [];
  terminated = false;
  private readonly handle = createImportJob((message) => {
    setTimeout(() => {
      if (!this.terminated)
        this.onmessage?.({ data: structuredClone(message) } as MessageEvent<ImportJobMessage>);
    }, 0);
  });

  postMessage(message: ImportJobRequest, transfer: Transferable[] = []): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.requests.push(message);
    this.transfers.push(transfer);
    void this.handle(structuredClone(message));
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('the job: reading', () => {
  it('sends progress, then the rows in batches, then the preview without them: together the preview itself', async () => {
    const { sent, handle } = job();
    const existing = [known(3)];
    const file = directoryFile(ROWS_PER_MESSAGE * 2 + 10);
    await handle({ type: 'existing', enterprises: existing });
    await handle({ type: 'read', file: { ...file, bytes: file.bytes.slice() } });

    const direct = await buildImportPreview(file, existing);
    const progress = sent.filter((m) => m.type === 'progress');
    const batches = sent.filter((m) => m.type === 'rows');
    expect(progress[0]).toEqual({ type: 'progress', phase: 'read', percent: 0 });
    const percents = [...progress, ...batches].map((m) => m.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(batches.map((b) => b.rows.length)).toEqual([ROWS_PER_MESSAGE, ROWS_PER_MESSAGE, 10]);
    expect(batches.at(-1)?.percent).toBe(100);
    const done = sent.at(-1);
    expect(done?.type === 'done' && done.preview.ok && done.preview.rows).toEqual([]);

    const read: ImportReadProgress[] = [];
    const assembler = new PreviewAssembler((p) => read.push(p));
    let preview;
    for (const m of sent) preview = assembler.accept(m) ?? preview;
    expect(preview).toEqual(direct);
    expect(read.map((p) => p.phase)).toContain('receive');
    // The row naming an enterprise of the parts sent is offered as an update of it.
    expect(direct.ok && direct.counts.update).toBe(1);
  });

  it('sends a refused file as its preview, and a file that cannot be read at all as failed', async () => {
    const refused = job();
    await refused.handle({ type: 'read', file: { name: '名录.pdf', bytes: new Uint8Array([1, 2, 3]) } });
    expect(refused.sent).toEqual([
      {
        type: 'done',
        preview: expect.objectContaining({ ok: false, code: 'unsupported_type' }) as unknown,
      },
    ]);

    const broken = job();
    // A file object whose bytes are not bytes: whatever breaks inside is said, not thrown in the worker.
    await broken.handle({ type: 'read', file: { name: '名录.csv', bytes: null as unknown as Uint8Array } });
    const failed = broken.sent.at(-1);
    expect(failed?.type).toBe('failed');
    expect(failed?.type === 'failed' && failed.error).toMatch(/^读取“名录.csv”失败：/);
    expect(() => new PreviewAssembler().accept(failed!)).toThrow(/^读取“名录.csv”失败：/);
  });

  it('counts reading as 0–15 %, checking as 15–95 %', () => {
    expect(previewPercent({ phase: 'read', done: 0, total: 0 })).toBe(0);
    expect(previewPercent({ phase: 'check', done: 0, total: 100 })).toBe(15);
    expect(previewPercent({ phase: 'check', done: 50, total: 100 })).toBe(55);
    expect(previewPercent({ phase: 'check', done: 100, total: 100 })).toBe(95);
  });
});

describe('the job: writing', () => {
  it('writes the lines confirmed, with progress, and hands back the directory as it now is', async () => {
    await db.enterprises.add(known(0, { contact: '叶振邦' }));
    const { sent, handle } = job();
    await handle({ type: 'existing', enterprises: await db.enterprises.toArray() });
    const file = directoryFile(DIRECTORY_PER_MESSAGE + 5, 1, [
      '临江第0号机械制造有限公司,,叶小川,13900000000',
    ]);
    await handle({ type: 'read', file });
    sent.length = 0;
    // Every line but the first (line 2, 临江第1号) and the update (the last line).
    const lines = Array.from({ length: DIRECTORY_PER_MESSAGE + 5 }, (_, i) => i + 2).slice(1);
    const update = DIRECTORY_PER_MESSAGE + 7;
    await handle({ type: 'write', dbName: db.name, lines: [...lines, update], now: 5 });

    expect(await db.enterprises.count()).toBe(DIRECTORY_PER_MESSAGE + 5);
    expect(await db.enterprises.where('name').equals('临江第1号机械制造有限公司').count()).toBe(0);
    expect((await db.enterprises.get('known-0'))?.contact).toBe('叶小川');
    const progress = sent.filter((m) => m.type === 'write-progress').map((m) => m.progress);
    expect(progress[0]).toEqual({ step: 'check', done: 0, total: DIRECTORY_PER_MESSAGE + 5 });
    expect(progress.at(-1)).toEqual({
      step: 'write',
      done: DIRECTORY_PER_MESSAGE + 5,
      total: DIRECTORY_PER_MESSAGE + 5,
    });
    const parts = sent.filter((m) => m.type === 'directory').map((m) => m.enterprises);
    expect(parts.map((p) => p.length)).toEqual([DIRECTORY_PER_MESSAGE, 5]);
    expect(parts.flat()).toEqual(await db.enterprises.orderBy('name').toArray());
    expect(sent.at(-1)).toEqual({ type: 'written', added: DIRECTORY_PER_MESSAGE + 4, updated: 1 });
  });

  it('cancelled while writing: nothing is written, and it says so', async () => {
    const { sent, handle } = job();
    await handle({ type: 'read', file: directoryFile(30) });
    // 取消 comes before the write has finished.
    const writing = handle({
      type: 'write',
      dbName: db.name,
      lines: Array.from({ length: 30 }, (_, i) => i + 2),
      now: 5,
    });
    await handle({ type: 'cancel' });
    await writing;
    expect(sent.at(-1)).toEqual({
      type: 'write-failed',
      error: '已取消导入，本次导入未写入任何数据',
      cancelled: true,
    });
    expect(await db.enterprises.count()).toBe(0);
  });

  it('refuses to write without a preview, or with a clash, writing nothing', async () => {
    const none = job();
    await none.handle({ type: 'write', dbName: db.name, lines: [2], now: 5 });
    expect(none.sent).toEqual([
      { type: 'write-failed', error: '没有可导入的预览，请重新选择文件', cancelled: false },
    ]);

    const { sent, handle } = job();
    await handle({ type: 'read', file: directoryFile(3) });
    // Added elsewhere after the preview was read.
    await db.enterprises.add(known(2));
    await handle({ type: 'write', dbName: db.name, lines: [2, 3, 4], now: 5 });
    expect(sent.at(-1)).toMatchObject({ type: 'write-failed', cancelled: false });
    expect(sent.at(-1)).toHaveProperty('error', expect.stringContaining('本次导入未写入任何数据'));
    expect(await db.enterprises.count()).toBe(1);
  });
});

describe('the client', () => {
  it('sends the directory in parts and moves the bytes, then assembles the preview from the worker', async () => {
    const worker = new InThreadWorker();
    const existing = Array.from({ length: EXISTING_PER_MESSAGE + 1 }, (_, i) => known(100_000 + i));
    const seen: ImportReadProgress[] = [];
    const session = openImportFile(directoryFile(12), existing, {
      createWorker: () => worker,
      onProgress: (p) => seen.push(p),
    });
    const preview = await session.preview;

    expect(preview?.ok && preview.counts.valid).toBe(12);
    expect(worker.requests.map((r) => r.type)).toEqual(['existing', 'existing', 'read']);
    const parts = worker.requests.filter((r) => r.type === 'existing').map((r) => r.enterprises.length);
    expect(parts).toEqual([EXISTING_PER_MESSAGE, 1]);
    const read = worker.requests[2];
    expect(read?.type === 'read' && worker.transfers[2]).toEqual([
      read?.type === 'read' && read.file.bytes.buffer,
    ]);
    expect(seen.at(-1)).toEqual({ phase: 'receive', percent: 100 });
    session.close();
    expect(worker.terminated).toBe(true);
  });

  it('取消 while reading: the worker is terminated, the preview is undefined, nothing later is looked at', async () => {
    const worker = new InThreadWorker();
    const seen: ImportReadProgress[] = [];
    const session = openImportFile(directoryFile(50), [known(1)], {
      createWorker: () => worker,
      onProgress: (p) => seen.push(p),
    });
    session.close();
    expect(await session.preview).toBeUndefined();
    expect(worker.terminated).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    expect(worker.requests.map((r) => r.type)).toEqual(['existing']);
    await expect(session.write(db.name, [2])).rejects.toThrow('导入已结束，请重新选择文件');
  });

  it('a worker that fails is said in Chinese', async () => {
    const worker = new InThreadWorker();
    const session = openImportFile(directoryFile(3), [], { createWorker: () => worker });
    worker.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    await expect(session.preview).rejects.toThrow('导入“名录.csv”失败：out of memory');
    expect(worker.terminated).toBe(true);
  });

  it('writes through the worker; a signal cancels it, and closing during a write waits for its end', async () => {
    const worker = new InThreadWorker();
    const session = openImportFile(directoryFile(20), [], { createWorker: () => worker });
    await session.preview;
    const lines = Array.from({ length: 20 }, (_, i) => i + 2);

    const abort = new AbortController();
    const cancelled = session.write(db.name, lines, {
      signal: abort.signal,
      onProgress: ({ step }) => step === 'write' && abort.abort(),
    });
    await expect(cancelled).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await db.enterprises.count()).toBe(0);

    const written = await session.write(db.name, lines.slice(0, 5));
    expect(written).toMatchObject({ added: 5, updated: 0 });
    expect(written.directory.map((e) => e.name)).toEqual(
      (await db.enterprises.orderBy('name').toArray()).map((e) => e.name),
    );

    const last = session.write(db.name, lines.slice(5));
    session.close();
    expect(worker.requests.at(-1)).toEqual({ type: 'cancel' });
    expect(worker.terminated).toBe(false);
    await expect(last).rejects.toBeInstanceOf(ImportCancelledError);
    expect(worker.terminated).toBe(true);
    expect(await db.enterprises.count()).toBe(5);
  });

  it('runs the same job inline where there are no workers', async () => {
    const session = openImportFile(directoryFile(4), [], { createWorker: null });
    const preview = await session.preview;
    expect(preview?.ok && preview.counts.valid).toBe(4);
    expect(await session.write(db.name, [2, 3, 4, 5])).toMatchObject({ added: 4, updated: 0 });
    expect(await db.enterprises.count()).toBe(4);
  });
});
