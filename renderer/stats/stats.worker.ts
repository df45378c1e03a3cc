// The statistics worker: holds one database's records indexed (./stats-engine.ts) and answers the screen's questions
// off the main thread, so reading ten years and counting them never freezes it.
import { StatsEngine, type StatsRequest } from './stats-engine';

const engine = new StatsEngine();

self.onmessage = (event: MessageEvent<{ id: number; request: StatsRequest }>) => {
  const { id, request } = event.data;
  engine.handle(request).then(
    (result) => self.postMessage({ id, ok: true, result }),
    (error: unknown) =>
      self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
};
