import { describe, expect, it } from 'vitest';
import { runInOrder } from '../../../renderer/lib/run-in-order';

describe('runInOrder', () => {
  it('starts each task after the one before has settled, a failure included', async () => {
    const queue = runInOrder();
    const seen: string[] = [];
    let release!: () => void;
    const first = queue.run(
      () =>
        new Promise<void>((resolve) => {
          seen.push('first started');
          release = resolve;
        }),
    );
    const second = queue.run(() => {
      seen.push('second started');
      throw new Error('refused');
    });
    const third = queue.run(() => {
      seen.push('third started');
      return 3;
    });
    await Promise.resolve();
    expect(seen).toEqual(['first started']);
    release();
    await first;
    await expect(second).rejects.toThrow('refused');
    await expect(third).resolves.toBe(3);
    await queue.settled();
    expect(seen).toEqual(['first started', 'second started', 'third started']);
  });
});
