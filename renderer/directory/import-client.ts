// The page's side of the import worker (./import.worker.ts over ./import-job.ts): an import file is decoded, parsed
// and checked in a worker of its own, with progress, and the confirmed lines are written there too. 取消 while
// reading terminates the worker; while writing it aborts the transaction, and nothing is written. Where there are no
// workers (unit tests) the same job runs inline.
import type { Enterprise } from '../../shared/domain/types';
import type { ImportFile, ImportPreview } from '../../shared/directory/types';
import { ImportCancelledError, type ImportAllProgress } from '../db/repositories/enterprises';
import { nextTask } from '../lib/next-task';
import {
  PreviewAssembler,
  createImportJob,
  type ImportJobMessage,
  type ImportJobRequest,
  type ImportReadProgress,
  type JobDatabase,
} from './import-job';

/** Enterprises per message sent to the worker: a few milliseconds of structured clone each. */
export const EXISTING_PER_MESSAGE = 5000;

/** The part of a Worker the client uses (a fake one in tests). */
export interface ImportWorker {
  postMessage(message: ImportJobRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ImportJobMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Hooks of a write: progress, and a signal that cancels it. */
export interface ImportWriteOptions {
  onProgress?: (progress: ImportAllProgress) => void;
  signal?: AbortSignal;
}

/** What a write did, and every enterprise the directory holds after it, by name (as `list()` reads them). */
export interface ImportWritten {
  added: number;
  updated: number;
  directory: Enterprise[];
}

/** One file being imported: its preview, then the writes of the lines confirmed. */
export interface ImportSession {
  /** The preview; undefined when the read was cancelled. Rejects when the file could not be read at all. */
  readonly preview: Promise<ImportPreview | undefined>;
  /**
   * Write the confirmed lines into the database `dbName`: new rows added, ticked updates applied, all or nothing.
   * Rejects with ImportCancelledError when the signal aborts it before it is committed.
   */
  write(dbName: string, lines: Iterable<number>, options?: ImportWriteOptions): Promise<ImportWritten>;
  /** Stop: a read under way resolves undefined and the worker is terminated; a write is cancelled first. */
  close(): void;
}

export interface ImportSessionOptions {
  onProgress?: (progress: ImportReadProgress) => void;
  /** A worker for this file; a new module worker by default, none (inline) where workers do not exist. */
  createWorker?: (() => ImportWorker) | null;
  /** Inline only: the database a write uses (a connection of its own by default). */
  inlineDatabase?: (name: string) => JobDatabase | Promise<JobDatabase>;
}

function moduleWorker(): ImportWorker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kentan-import',
  }) as unknown as ImportWorker;
}

type Waiting =
  | { kind: 'read'; resolve: (p: ImportPreview | undefined) => void; reject: (e: Error) => void }
  | {
      kind: 'write';
      resolve: (r: ImportWritten) => void;
      reject: (e: Error) => void;
      onProgress?: (progress: ImportAllProgress) => void;
      directory: Enterprise[];
    };

/** Read an import file against the directory off the main thread; the session then writes what is confirmed. */
export function openImportFile(
  file: ImportFile,
  existing: readonly Enterprise[],
  options: ImportSessionOptions = {},
): ImportSession {
  const assembler = new PreviewAssembler(options.onProgress);
  const createWorker =
    options.createWorker === undefined
      ? typeof Worker === 'undefined'
        ? null
        : moduleWorker
      : options.createWorker;
  let closed = false;
  let waiting: Waiting | undefined;

  /** A read is given up (undefined); a write is never given up on this side: the worker says how it ended. */
  const settle = (error: Error | undefined): void => {
    const w = waiting;
    if (!w || (w.kind === 'write' && !error)) return;
    waiting = undefined;
    if (error) w.reject(error);
    else if (w.kind === 'read') w.resolve(undefined);
  };

  const take = (message: ImportJobMessage): void => {
    const w = waiting;
    if (!w) return;
    if (w.kind === 'write') {
      if (message.type === 'write-progress') w.onProgress?.(message.progress);
      else if (message.type === 'directory') for (const e of message.enterprises) w.directory.push(e);
      else if (message.type === 'written' || message.type === 'write-failed') {
        waiting = undefined;
        if (closed) terminate();
        if (message.type === 'written')
          w.resolve({ added: message.added, updated: message.updated, directory: w.directory });
        else w.reject(message.cancelled ? new ImportCancelledError() : new Error(message.error));
      }
      return;
    }
    if (closed) return;
    try {
      const preview = assembler.accept(message);
      if (preview) {
        waiting = undefined;
        w.resolve(preview);
      }
    } catch (error) {
      waiting = undefined;
      w.reject(error as Error);
    }
  };

  let post: (request: ImportJobRequest, transfer?: Transferable[]) => void;
  let terminate: () => void = () => undefined;
  if (createWorker) {
    const worker = createWorker();
    terminate = () => worker.terminate();
    worker.onmessage = (event) => take(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      closed = true;
      worker.terminate();
      settle(new Error(`导入“${file.name}”失败：${event.message || '导入程序意外停止'}`));
    };
    post = (request, transfer = []) => worker.postMessage(request, transfer);
  } else {
    const job = createImportJob(take, options.inlineDatabase);
    post = (request) => void job(request);
  }

  const preview = new Promise<ImportPreview | undefined>((resolve, reject) => {
    waiting = { kind: 'read', resolve, reject };
    // The directory goes in parts, the page getting a turn between them; the bytes are moved, not copied.
    void (async () => {
      for (let i = 0; i < existing.length; i += EXISTING_PER_MESSAGE) {
        post({ type: 'existing', enterprises: existing.slice(i, i + EXISTING_PER_MESSAGE) });
        await nextTask();
        if (closed) return;
      }
      const bytes = ownBuffer(file.bytes);
      post({ type: 'read', file: { name: file.name, bytes } }, [bytes.buffer]);
    })();
  });

  return {
    preview,
    write: (dbName, lines, writeOptions = {}) =>
      new Promise((resolve, reject) => {
        if (closed || waiting) {
          reject(new Error(closed ? '导入已结束，请重新选择文件' : '上一次导入还没有结束'));
          return;
        }
        const { signal, onProgress } = writeOptions;
        if (signal?.aborted) {
          reject(new ImportCancelledError());
          return;
        }
        waiting = { kind: 'write', resolve, reject, directory: [], ...(onProgress ? { onProgress } : {}) };
        signal?.addEventListener('abort', () => post({ type: 'cancel' }), { once: true });
        post({ type: 'write', dbName, lines: [...lines], now: Date.now() });
      }),
    // During a write the worker is asked to cancel and ends when it has said how the write ended: terminating it
    // then could land after its commit, and no one would know what was written.
    close: () => {
      if (closed) return;
      closed = true;
      if (waiting?.kind === 'write') {
        post({ type: 'cancel' });
        return;
      }
      terminate();
      settle(undefined);
    },
  };
}

/** The bytes in a buffer of their own, so it can be moved to the worker without taking anything else along. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return whole ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
