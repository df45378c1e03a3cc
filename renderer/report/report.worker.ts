// The 以月答卷 worker: one export's session (./report-jobs.ts) — prepare, then build — off the main thread.
import { reportSession, type BuildRequest, type PrepareRequest } from './report-jobs';

type Message =
  { id: number; op: 'prepare'; request: PrepareRequest } | { id: number; op: 'build'; request: BuildRequest };

const session = reportSession();

self.onmessage = (event: MessageEvent<Message>) => {
  const { id } = event.data;
  const work =
    event.data.op === 'prepare' ? session.prepare(event.data.request) : session.build(event.data.request);
  work.then(
    (result) =>
      self.postMessage(
        { id, ok: true, result },
        'docx' in result
          ? { transfer: [result.docx.buffer as ArrayBuffer, result.packageJson.buffer as ArrayBuffer] }
          : {},
      ),
    (error: unknown) =>
      self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
};
