// The ledger worker: builds the 台账 and the 回复登记表 off the main thread (./ledger-jobs.ts).
import { executeLedgerJob, type LedgerJob } from './ledger-jobs';

self.onmessage = (event: MessageEvent<{ id: number; job: LedgerJob }>) => {
  const { id, job } = event.data;
  executeLedgerJob(job).then(
    (result) =>
      self.postMessage(
        { id, ok: true, result },
        { transfer: result.files.map((f) => f.bytes.buffer as ArrayBuffer) },
      ),
    (error: unknown) =>
      self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
};
