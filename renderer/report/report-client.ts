// The main thread's side of the 以月答卷 worker: a session of its own for each export (a report is made once a month,
// and a worker that ends frees the records it read); inline where there are no workers (unit tests).
import {
  reportSession,
  type BuildRequest,
  type BuildResult,
  type PrepareRequest,
  type PrepareResult,
  type ReportSession,
} from './report-jobs';

/** A session in a worker of its own. */
function workerSession(): ReportSession {
  const worker = new Worker(new URL('./report.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kentan-report',
  });
  let next = 1;
  const pending = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();
  const failAll = (message: string) => {
    for (const waiting of pending.values()) waiting.reject(new Error(message));
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<{ id: number; ok: boolean; result?: never; error?: string }>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if (event.data.ok && event.data.result) waiting.resolve(event.data.result);
    else waiting.reject(new Error(event.data.error ?? '以月答卷生成失败'));
  };
  worker.onerror = (event) => failAll(event.message || '以月答卷生成失败');
  const ask = <T>(op: 'prepare' | 'build', request: PrepareRequest | BuildRequest) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (r: never) => void, reject });
      worker.postMessage({ id, op, request });
    });
  return {
    prepare: (request) => ask<PrepareResult>('prepare', request),
    build: (request) => ask<BuildResult>('build', request),
    close() {
      worker.terminate();
      failAll('以月答卷已取消');
    },
  };
}

/** A session for one export: in a worker, or inline where there are none. */
export function openReportSession(): ReportSession {
  return typeof Worker === 'undefined' ? reportSession() : workerSession();
}
