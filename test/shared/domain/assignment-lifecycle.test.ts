import { describe, it, expect } from 'vitest';
import {
  ASSIGNMENT_EVENTS,
  ASSIGNMENT_STATUS_LABEL,
  ASSIGNMENT_TRANSITIONS,
  IllegalTransitionError,
  allowedEvents,
  canTransition,
  exportBlocker,
  isExportable,
  isTerminal,
  transition,
  type AssignmentEvent,
} from '../../../shared/domain/assignment-lifecycle';
import type { AssignmentStatus } from '../../../shared/domain/types';

const ALL_STATUSES: AssignmentStatus[] = [
  'draft',
  'signed',
  'handed_off',
  'replied',
  'evaluated',
  'closed',
  'redo',
  'escalated',
  'written_off',
];

// The life cycle of docs/architecture.md, "Glossary", written out independently of the table under test.
const ALLOWED: Array<[AssignmentStatus, AssignmentEvent, AssignmentStatus]> = [
  ['draft', 'sign', 'signed'],
  ['signed', 'resign', 'draft'],
  ['signed', 'hand_off', 'handed_off'],
  ['redo', 'hand_off', 'handed_off'],
  ['handed_off', 'reply', 'replied'],
  ['replied', 'evaluate', 'evaluated'],
  ['evaluated', 'close', 'closed'],
  ['evaluated', 'redo', 'redo'],
  ['draft', 'escalate', 'escalated'],
  ['signed', 'escalate', 'escalated'],
  ['handed_off', 'escalate', 'escalated'],
  ['replied', 'escalate', 'escalated'],
  ['redo', 'escalate', 'escalated'],
  // 跟踪督办: steps while a reply is awaited keep the state.
  ['handed_off', 'progress', 'handed_off'],
  ['handed_off', 'extend', 'handed_off'],
  ['handed_off', 'urge', 'handed_off'],
  ['redo', 'progress', 'redo'],
  ['redo', 'extend', 'redo'],
  ['redo', 'urge', 'redo'],
  ['redo', 'reply', 'replied'],
  ['escalated', 'progress', 'escalated'],
  ['escalated', 'extend', 'escalated'],
  ['escalated', 'urge', 'escalated'],
  ['escalated', 'reply', 'replied'],
  ['closed', 'write_off', 'written_off'],
];

describe('assignment life cycle', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(canTransition(from, event)).toBe(true);
    expect(transition(from, event)).toBe(to);
  });

  it('allows nothing beyond the listed transitions', () => {
    const allowed = new Set(ALLOWED.map(([from, event]) => `${from}:${event}`));
    for (const from of ALL_STATUSES) {
      for (const event of ASSIGNMENT_EVENTS) {
        expect(canTransition(from, event), `${from}:${event}`).toBe(allowed.has(`${from}:${event}`));
      }
    }
  });

  it('walks the whole happy path and the redo loop', () => {
    const path: AssignmentEvent[] = [
      'sign',
      'hand_off',
      'reply',
      'evaluate',
      'redo',
      'hand_off',
      'reply',
      'evaluate',
    ];
    const end = path.reduce<AssignmentStatus>((status, event) => transition(status, event), 'draft');
    expect(end).toBe('evaluated');
    expect(transition(end, 'close')).toBe('closed');
  });

  it.each<[AssignmentStatus, AssignmentEvent]>([
    ['draft', 'hand_off'],
    ['draft', 'reply'],
    ['draft', 'resign'],
    ['signed', 'reply'],
    ['signed', 'sign'],
    ['handed_off', 'evaluate'],
    ['handed_off', 'close'],
    ['replied', 'close'],
    ['replied', 'redo'],
    ['evaluated', 'escalate'],
    ['evaluated', 'hand_off'],
    ['redo', 'evaluate'],
    ['replied', 'progress'],
    ['closed', 'redo'],
    ['closed', 'progress'],
    ['written_off', 'progress'],
    ['written_off', 'redo'],
    ['closed', 'escalate'],
    ['escalated', 'hand_off'],
    ['escalated', 'sign'],
  ])('refuses %s --%s-->', (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    expect(() => transition(from, event)).toThrow(IllegalTransitionError);
  });

  it('says in Chinese which state refused which event', () => {
    try {
      transition('signed', 'reply');
      expect.unreachable('transition should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransitionError);
      const e = error as IllegalTransitionError;
      expect(e.message).toBe('交办件状态“已签批”不能执行“答复”');
      expect(e.from).toBe('signed');
      expect(e.event).toBe('reply');
    }
    expect(() => transition('closed', 'redo')).toThrow('交办件状态“已办结”不能执行“重办”');
    expect(() => transition('draft', 'hand_off')).toThrow('交办件状态“待签批”不能执行“交办”');
  });

  it('treats only 已销号 as terminal: 办结 still takes 销号, 转报 still takes the reply from above', () => {
    expect(allowedEvents('closed')).toEqual(['write_off']);
    expect(allowedEvents('escalated')).toEqual(['progress', 'extend', 'urge', 'reply']);
    expect(allowedEvents('written_off')).toEqual([]);
    expect(ALL_STATUSES.filter(isTerminal)).toEqual(['written_off']);
  });

  it('lists the allowed events per state', () => {
    expect(allowedEvents('draft')).toEqual(['sign', 'escalate']);
    expect(allowedEvents('signed')).toEqual(['resign', 'hand_off', 'escalate']);
    expect(allowedEvents('evaluated')).toEqual(['close', 'redo']);
    expect(allowedEvents('redo')).toEqual(['hand_off', 'progress', 'extend', 'urge', 'reply', 'escalate']);
    expect(allowedEvents('handed_off')).toEqual(['progress', 'extend', 'urge', 'reply', 'escalate']);
  });

  it('does not take inherited object keys for states or events', () => {
    expect(canTransition('toString' as AssignmentStatus, 'sign')).toBe(false);
    expect(canTransition('draft', 'constructor' as AssignmentEvent)).toBe(false);
    expect(isExportable('toString' as AssignmentStatus)).toBe(false);
  });

  it('exports sheets only once signed and while still local', () => {
    const exportable = ALL_STATUSES.filter(isExportable);
    expect(exportable).toEqual(['signed', 'handed_off', 'replied', 'evaluated', 'closed', 'redo']);
  });

  it('refuses to export an unsigned or tampered item, naming why', () => {
    expect(exportBlocker('draft')).toBe('尚未签批，不能导出交办单');
    expect(exportBlocker('escalated')).toBe('交办件状态“已转报”不能导出交办单');
    expect(exportBlocker('written_off')).toBe('交办件状态“已销号”不能导出交办单');
    expect(exportBlocker('signed', '签批后已修改')).toBe(
      '签批后已修改，不能作为已签批交办单导出，请修改并重新签批',
    );
    expect(exportBlocker('handed_off', '记录校验失败')).toMatch(/^记录校验失败/);
    for (const status of ALL_STATUSES.filter(isExportable)) expect(exportBlocker(status)).toBeUndefined();
  });

  it('has a Chinese label for every state and a row for every state', () => {
    expect(ASSIGNMENT_STATUS_LABEL).toEqual({
      draft: '待签批',
      signed: '已签批',
      handed_off: '已交办',
      replied: '已回复',
      evaluated: '已回访',
      closed: '已办结',
      redo: '重办中',
      escalated: '已转报',
      written_off: '已销号',
    });
    expect(Object.keys(ASSIGNMENT_TRANSITIONS).sort()).toEqual([...ALL_STATUSES].sort());
  });
});
