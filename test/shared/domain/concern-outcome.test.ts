import { describe, expect, it } from 'vitest';
import {
  CONCERN_OUTCOME_LABEL,
  concernOutcome,
  concernsWithoutOutcome,
} from '../../../shared/domain/concern-outcome';

const base = { precollected: false, category: '用地', disposition: undefined, confirmedAt: undefined };

describe('concernOutcome', () => {
  it('says where each demand stands after the meeting', () => {
    expect(concernOutcome({ ...base, precollected: true })).toBe('unconfirmed');
    expect(concernOutcome({ ...base, precollected: true, confirmedAt: 5 })).toBe('undecided');
    expect(concernOutcome({ ...base, category: ' ' })).toBe('unclassified');
    expect(concernOutcome({ ...base, precollected: true, confirmedAt: 5, category: '' })).toBe(
      'unclassified',
    );
    // 会上已提出 but never classified, though marked 需交办: still 未分类.
    expect(concernOutcome({ ...base, category: '', disposition: 'assign' })).toBe('unclassified');
    expect(concernOutcome({ ...base, disposition: 'resolved_on_site' })).toBe('resolved_on_site');
    // A pre-collected demand decided without being confirmed at the table has its outcome.
    expect(concernOutcome({ ...base, precollected: true, disposition: 'assign' })).toBe('assign');
  });

  it('lists only the demands still waiting, with the Chinese label', () => {
    const list = [
      { ...base, id: 'a', precollected: true },
      { ...base, id: 'b', disposition: 'assign' as const },
      { ...base, id: 'c' },
    ];
    expect(concernsWithoutOutcome(list).map((x) => [x.concern.id, CONCERN_OUTCOME_LABEL[x.outcome]])).toEqual(
      [
        ['a', '未确认'],
        ['c', '未定'],
      ],
    );
  });
});
