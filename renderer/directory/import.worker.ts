// The import worker: reads an import file off the main thread — the logic is ./import-job.ts, this is
// only its shell. One worker per read; cancelling terminates it (./import-client.ts).
import { createImportJob, type ImportJobRequest } from './import-job';

const handle = createImportJob((message) => self.postMessage(message));

self.onmessage = (event: MessageEvent<ImportJobRequest>) => {
  void handle(event.data);
};
