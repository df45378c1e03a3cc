import { describe, it, expect } from 'vitest';
import {
  ASSIGNMENT_STATUS_LABEL,
  CONCERN_KIND_LABEL,
  DAY_KIND_LABEL,
  DISPOSITION_LABEL,
  MEETING_KIND_LABEL,
  MEETING_LEVEL_LABEL,
  MEETING_STATUS_LABEL,
  MINUTE_ROLE_LABEL,
  QUEUE_STATUS_LABEL,
  SATISFACTION_LABEL,
  URGENCY_LABEL,
  WARNING_LABEL,
  keyForLabel,
} from '../../../shared/domain/labels';

describe('labels', () => {
  it('never give two members the same label', () => {
    const all = [
      ASSIGNMENT_STATUS_LABEL,
      CONCERN_KIND_LABEL,
      DAY_KIND_LABEL,
      DISPOSITION_LABEL,
      MEETING_KIND_LABEL,
      MEETING_LEVEL_LABEL,
      MEETING_STATUS_LABEL,
      MINUTE_ROLE_LABEL,
      QUEUE_STATUS_LABEL,
      SATISFACTION_LABEL,
      URGENCY_LABEL,
      WARNING_LABEL,
    ];
    for (const labels of all) {
      const values = Object.values(labels);
      expect(new Set(values).size).toBe(values.length);
      for (const value of values) expect(value.trim()).not.toBe('');
    }
  });

  it('look up a member by its label, as imports of the demo scenario need', () => {
    expect(keyForLabel(MEETING_KIND_LABEL, '接待日')).toBe('reception');
    expect(keyForLabel(MINUTE_ROLE_LABEL, ' 主持人 ')).toBe('host');
    expect(keyForLabel(SATISFACTION_LABEL, '基本满意')).toBe('basically');
    expect(keyForLabel(URGENCY_LABEL, '特急')).toBeUndefined();
  });
});
