import { describe, expect, it } from 'vitest';
import { clockOf } from '../../../shared/docs/format';

describe('clockOf', () => {
  // 01:26:05 UTC is 09:26:05 in China, on any machine.
  const at = Date.UTC(2026, 10, 22, 1, 26, 5);

  it('gives HH:mm in China Standard Time', () => {
    expect(clockOf(at)).toBe('09:26');
  });

  it('gives HH:mm:ss when asked for seconds', () => {
    expect(clockOf(at, 'seconds')).toBe('09:26:05');
  });
});
