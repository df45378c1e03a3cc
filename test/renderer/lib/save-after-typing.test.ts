import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVE_DEBOUNCE_MS, SAVE_MAX_WAIT_MS, saveAfterTyping } from '../../../renderer/lib/save-after-typing';

let text = '';
let written: string[] = [];

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-22T09:30:00+08:00') });
  text = '';
  written = [];
});
afterEach(() => vi.useRealTimers());

const saver = (fail?: () => boolean, failed?: (e: unknown) => void) =>
  saveAfterTyping(
    () => {
      const value = text;
      return async () => {
        if (fail?.()) throw new Error('磁盘已满');
        written.push(value);
      };
    },
    failed ? { failed } : {},
  );

describe('saveAfterTyping', () => {
  it('writes the newest words once the keys pause', async () => {
    const s = saver();
    text = '企';
    s.touch();
    await vi.advanceTimersByTimeAsync(100);
    text = '企业';
    s.touch();
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 1);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual(['企业']);
    expect(s.pending).toBe(false);
  });

  it('still writes at least every max-wait while typing goes on without a pause', async () => {
    const s = saver();
    for (let t = 0; t < SAVE_MAX_WAIT_MS + 200; t += 100) {
      text = `第${t}毫秒`;
      s.touch();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(written[0]).toBe(`第${SAVE_MAX_WAIT_MS - 100}毫秒`);
  });

  it('a failed write leaves the words unsaved and says so; the next write carries them', async () => {
    let failing = true;
    const errors: unknown[] = [];
    const s = saver(
      () => failing,
      (e) => errors.push(e),
    );
    text = '融资难';
    s.touch();
    await s.flush();
    expect(errors).toHaveLength(1);
    expect(s.pending).toBe(true);
    failing = false;
    await s.flush();
    expect(written).toEqual(['融资难']);
  });

  it('cancel drops a write that was queued but not begun, and nothing is written after it', async () => {
    const s = saver();
    text = '已提交的话';
    s.touch();
    const flushed = s.flush();
    s.cancel();
    await flushed;
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(written).toEqual([]);
    expect(s.pending).toBe(false);
  });

  it('writes nothing when the decision says there is nothing to write', async () => {
    const s = saveAfterTyping(() => undefined);
    s.touch();
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    await expect(s.settled()).resolves.toBeUndefined();
    expect(s.pending).toBe(false);
  });
});
