import { describe, it, expect } from 'vitest';
import * as domain from '../../../shared/domain';

describe('shared/domain index', () => {
  it('re-exports the rules of every module', () => {
    for (const name of [
      'transition',
      'ASSIGNMENT_STATUS_LABEL',
      'SHIPPED_HOLIDAYS',
      'parseHolidayTable',
      'isWorkingDay',
      'toIsoDate',
      'addDays',
      'warningLevel',
      'formatChineseDate',
      'validateCreditCode',
      'normalizePhone',
      'issueDocNumber',
      'canonicalJson',
      'MEETING_KIND_LABEL',
      'toHalfWidth',
    ]) {
      expect(domain, name).toHaveProperty(name);
    }
  });

  it('shares one status label table between labels and the life cycle', async () => {
    const labels = await import('../../../shared/domain/labels');
    const lifecycle = await import('../../../shared/domain/assignment-lifecycle');
    expect(lifecycle.ASSIGNMENT_STATUS_LABEL).toBe(labels.ASSIGNMENT_STATUS_LABEL);
    expect(domain.ASSIGNMENT_STATUS_LABEL).toBe(labels.ASSIGNMENT_STATUS_LABEL);
  });
});
