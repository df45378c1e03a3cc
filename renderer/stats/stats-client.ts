// The main thread's side of the statistics worker: each question goes to ./stats.worker.ts and comes back as a promise,
// answered in the order asked. One worker while the screen is open (it holds the records between questions); closed
// when the screen is left, which frees their memory. Where there are no workers (unit tests) the engine runs inline.
import { StatsEngine, type StatsRequest, type StatsResponses } from './stats-engine';

type Answer<R extends StatsRequest> = StatsResponses[R['op']];

/** A connection to one statistics engine. */
export class StatsClient {
  private worker: Worker | undefined;
  private inline: StatsEngine | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

  /** Ask the engine; rejects with its message in Chinese. */
  ask<R extends StatsRequest>(request: R): Promise<Answer<R>> {
    if (typeof Worker === 'undefined') {
      this.inline ??= new StatsEngine();
      return this.inline.handle(request) as Promise<Answer<R>>;
    }
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.statsWorker().postMessage({ id, request });
    });
  }

  /** End the worker (or the inline engine) and refuse what was still waiting. */
  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.inline?.close();
    this.inline = undefined;
    this.failAll('统计已关闭');
  }

  private statsWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./stats.worker.ts', import.meta.url), {
      type: 'module',
      name: 'kentan-stats',
    });
    worker.onmessage = (
      event: MessageEvent<{ id: number; ok: boolean; result?: unknown; error?: string }>,
    ) => {
      const waiting = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      if (!waiting) return;
      if (event.data.ok) waiting.resolve(event.data.result);
      else waiting.reject(new Error(event.data.error ?? '统计没有完成'));
    };
    worker.onerror = (event) => {
      this.failAll(event.message || '统计没有完成');
      worker.terminate();
      this.worker = undefined;
    };
    this.worker = worker;
    return worker;
  }

  private failAll(message: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error(message));
    this.pending.clear();
  }
}
