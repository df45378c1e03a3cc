import { describe, it, expect } from 'vitest';
import { hasFullWidth, toHalfWidth } from '../../../shared/domain/half-width';

describe('toHalfWidth', () => {
  it('converts full-width digits, letters, signs and the ideographic space', () => {
    expect(toHalfWidth('１３８　ＡＢｃ＋－（）［］，')).toBe('138 ABc+-()[],');
  });

  it('leaves Chinese text, CJK brackets and stops, and astral characters alone', () => {
    expect(toHalfWidth('青工商联交〔2026〕12号、。😀')).toBe('青工商联交〔2026〕12号、。😀');
  });

  it('tells whether anything would change', () => {
    expect(hasFullWidth('１')).toBe(true);
    expect(hasFullWidth('\u3000')).toBe(true);
    expect(hasFullWidth('青工商联交〔2026〕')).toBe(false);
  });
});
