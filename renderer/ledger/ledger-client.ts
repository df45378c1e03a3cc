// The main thread's side of the ledger worker: a job goes to ./ledger.worker.ts, one worker per job (a 台账 is made
// now and then, and a worker that ends frees the memory of ten years of rows); inline where there are no workers.
import { executeLedgerJob, type LedgerJob, type LedgerJobResult } from './ledger-jobs';

/** Run a job in a worker of its own (inline in unit tests). */
export function runLedgerJob(job: LedgerJob): Promise<LedgerJobResult> {
  if (typeof Worker === 'undefined') return executeLedgerJob(job);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ledger.worker.ts', import.meta.url), {
      type: 'module',
      name: 'kentan-ledger',
    });
    worker.onmessage = (event: MessageEvent<{ ok: boolean; result?: LedgerJobResult; error?: string }>) => {
      worker.terminate();
      if (event.data.ok && event.data.result) resolve(event.data.result);
      else reject(new Error(event.data.error ?? '台账生成失败'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || '台账生成失败'));
    };
    worker.postMessage({ id: 1, job });
  });
}
