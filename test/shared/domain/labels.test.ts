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
  it('use the words of docs/architecture.md', () => {
    expect(MEETING_KIND_LABEL).toEqual({ reception: '接待日', roundtable: '恳谈会', symposium: '座谈会' });
    expect(MEETING_LEVEL_LABEL).toEqual({ city: '市级', county: '区县级' });
    expect(MEETING_STATUS_LABEL).toEqual({
      preparing: '筹备中',
      live: '进行中',
      signing: '待签批',
      handoff: '待交办',
      handed_off: '已交办',
    });
    expect(CONCERN_KIND_LABEL).toEqual({ problem: '问题', suggestion: '建议' });
    expect(URGENCY_LABEL).toEqual({ urgent: '急', major: '重', hard: '难', normal: '一般' });
    expect(MINUTE_ROLE_LABEL).toEqual({
      entrepreneur: '企业家',
      department: '部门',
      leader: '领导',
      host: '主持人',
    });
    expect(SATISFACTION_LABEL).toEqual({ satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' });
    expect(WARNING_LABEL).toEqual({ none: '正常', yellow: '黄色预警', red: '红色预警' });
    expect(DAY_KIND_LABEL).toEqual({ calendar: '自然日', working: '工作日' });
    expect(DISPOSITION_LABEL).toEqual({
      resolved_on_site: '现场解决',
      assign: '需交办',
      escalate: '转报上级',
    });
  });

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
