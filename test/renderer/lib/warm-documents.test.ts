import { afterEach, describe, expect, it, vi } from 'vitest';
import { quietFor } from '../../../renderer/lib/warm-documents';
import { warmUpDocuments } from '../../../shared/docs/warm-up';

afterEach(() => vi.useRealTimers());

describe('warming the document code', () => {
  it('is quiet only off the live and projector screens and while no meeting is live', () => {
    expect(quietFor('meetings', [{ status: 'preparing' }, { status: 'handed_off' }])).toBe(true);
    expect(quietFor('live', [])).toBe(false);
    expect(quietFor('live-next', [])).toBe(false);
    expect(quietFor('projector', [])).toBe(false);
    expect(quietFor('export', [{ status: 'live' }])).toBe(false);
  });

  it('builds a real .docx through the whole path, as the first 交办单 will', async () => {
    const size = await warmUpDocuments();
    expect(size).toBeGreaterThan(2000);
  });

  it('warms once, in an idle period, and not when it is no longer quiet by then', async () => {
    vi.resetModules();
    vi.useFakeTimers();
    const { warmDocumentsWhenIdle } = await import('../../../renderer/lib/warm-documents');
    const quiet = vi.fn(() => false);
    warmDocumentsWhenIdle(quiet);
    await vi.advanceTimersByTimeAsync(11_000);
    expect(quiet).toHaveBeenCalledTimes(1);
    // Not warmed (it was not quiet): a later call may try again, and then it warms.
    quiet.mockReturnValue(true);
    warmDocumentsWhenIdle(quiet);
    await vi.advanceTimersByTimeAsync(11_000);
    expect(quiet).toHaveBeenCalledTimes(2);
    warmDocumentsWhenIdle(quiet);
    await vi.advanceTimersByTimeAsync(11_000);
    expect(quiet).toHaveBeenCalledTimes(2);
  });
});
