import { describe, expect, it } from 'vitest';
import { bestSimilarity, SIMILAR_CONCERN_THRESHOLD, textSimilarity } from '../../../shared/domain/similarity';

describe('textSimilarity', () => {
  it('is 1 for the same text regardless of punctuation and 0 for nothing in common', () => {
    expect(textSimilarity('尽快拨付奖补资金。', '尽快拨付奖补资金')).toBe(1);
    expect(textSimilarity('缩短限行时间', '专场招聘会')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
    // Too short to say anything.
    expect(textSimilarity('拨付', '尽快拨付资金')).toBe(0);
  });

  it('matches a one-line summary against the long speech it came from', () => {
    const speech =
      '我们是去年市里住房租赁市场发展试点的企业，试点的财政奖补资金到现在还没拨下来，公司垫了一千多万，资金链压力很大，希望能尽快拨付。';
    expect(
      bestSimilarity('区级配套的财政奖补资金希望尽快拨付', ['尽快拨付住房租赁试点奖补资金', speech]),
    ).toBeGreaterThanOrEqual(SIMILAR_CONCERN_THRESHOLD);
    expect(bestSimilarity('希望协调解决员工子女入学', ['尽快拨付住房租赁试点奖补资金', speech])).toBeLessThan(
      SIMILAR_CONCERN_THRESHOLD,
    );
  });

  it('finds the same demand said again in other words, and not an unrelated one', () => {
    const before = '住房租赁试点的财政奖补资金还没拨下来，希望尽快拨付。';
    const again = '试点奖补资金一直没有拨付到位，请尽快拨付财政奖补资金。';
    const other = '大货车白天限行时间太长，希望缩短限行时间。';
    expect(textSimilarity(before, again)).toBeGreaterThan(SIMILAR_CONCERN_THRESHOLD);
    expect(textSimilarity(before, other)).toBeLessThan(SIMILAR_CONCERN_THRESHOLD);
  });
});
