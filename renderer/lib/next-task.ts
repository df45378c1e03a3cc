/**
 * Wait for the next task, so the browser can paint and handle input before long work goes on (an
 * awaited promise alone only waits for a microtask and keeps the screen frozen). `scheduler.yield()`
 * where there is one, else a message to ourselves: unlike `setTimeout`, neither is slowed to once a
 * second when the window is hidden or minimised.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
