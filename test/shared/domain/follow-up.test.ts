import { describe, expect, it } from 'vitest';
import {
  applyStep,
  checkStep,
  effectiveSteps,
  makeStep,
  stepSummary,
  type StepInput,
} from '../../../shared/domain/follow-up';
import { itemStanding } from '../../../shared/domain/follow-up-warning';
import { DEFAULT_DEADLINE_RULES, uncoveredYearWarning } from '../../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import type { Assignment, DeadlineRules, FollowUpStep } from '../../../shared/domain/types';

const T0 = Date.parse('2026-11-24T10:00:00+08:00');

function handedOff(over: Partial<Assignment> = {}): Assignment {
  return {
    id: 'a1',
    meetingId: 'm1',
    enterpriseId: 'e1',
    docNumber: '青工商联交〔2026〕12号',
    concernIds: ['c1'],
    leadLeaderId: 'l1',
    leadDeptId: 'd1',
    coDeptIds: [],
    instruction: '请区人社局牵头办理',
    dueAt: '2026-12-08',
    status: 'handed_off',
    handedOffAt: T0,
    replyDueAt: '2026-12-08',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

/** Records the steps one after another as the desk would, failing the test on the first refusal. */
function walk(start: Assignment, inputs: StepInput[], today = '2026-12-20') {
  let a = start;
  const steps: FollowUpStep[] = [];
  inputs.forEach((input, i) => {
    const problem = checkStep(a, input, today, steps);
    expect(problem, `${input.kind}: ${problem}`).toBeUndefined();
    const step = makeStep(a, input, { id: `s${i + 1}`, at: T0 + (i + 1) * 1000, by: '李秘书' });
    a = applyStep(a, step, steps);
    steps.push(step);
  });
  return { a, steps };
}

const progress = (on: string, note = '已约企业现场查看'): StepInput => ({ kind: 'progress', on, note });
const reply = (on: string): StepInput => ({
  kind: 'reply',
  on,
  content: '已协调银行发放贷款300万元',
  handler: '王科长',
  phone: '0830-5551234',
  way: 'written',
});
const callback = (on: string, satisfaction: 'satisfied' | 'basically' | 'unsatisfied'): StepInput => ({
  kind: 'callback',
  on,
  caller: '李秘书',
  way: 'phone',
  satisfaction,
  words: satisfaction === 'unsatisfied' ? '贷款额度不够' : '很满意',
});

describe('跟踪督办 steps', () => {
  it('goes progress → reply → 回访 不满意 → 重办 → reply → 满意 → 办结 → 销号, counting the rounds', () => {
    const { a, steps } = walk(handedOff(), [
      progress('2026-11-26'),
      reply('2026-12-01'),
      callback('2026-12-02', 'unsatisfied'),
      { kind: 'redo', on: '2026-12-03', reason: '企业认为额度不够', replyDueAt: '2026-12-17' },
      reply('2026-12-10'),
      callback('2026-12-11', 'satisfied'),
      { kind: 'close', on: '2026-12-12', basis: 'satisfied', note: '' },
      { kind: 'write_off', on: '2026-12-15', note: '对账销号' },
    ]);
    expect(a.status).toBe('written_off');
    expect(a.round).toBe(2);
    expect(a.replyDueAt).toBe('2026-12-17');
    expect(a.closedOn).toBe('2026-12-12');
    expect(a.writtenOffOn).toBe('2026-12-15');
    expect(steps.map((s) => s.round)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    // The signed fields are never touched: 办理时限 stays what the leader signed.
    expect(a.dueAt).toBe('2026-12-08');
    expect(stepSummary(steps[2]!)).toBe('回访（第1次办理，2026-12-02）：电话回访，李秘书，不满意');
  });

  it('a redo clears the last verdict and reply, so the next 回访 is about the new reply', () => {
    const { a } = walk(handedOff(), [
      reply('2026-12-01'),
      callback('2026-12-02', 'unsatisfied'),
      { kind: 'redo', on: '2026-12-03', reason: '不满意', replyDueAt: '2026-12-17' },
    ]);
    expect(a.status).toBe('redo');
    expect(a.satisfaction).toBeUndefined();
    expect(a.repliedOn).toBeUndefined();
    expect(checkStep(a, callback('2026-12-04', 'satisfied'), '2026-12-20')).toBe(
      '交办件状态“重办中”不能回访',
    );
  });

  it('转报上级 takes the reply of the level above the same way, and marks it so', () => {
    const { a, steps } = walk(handedOff(), [
      { kind: 'escalate', on: '2026-11-27', to: '市营商环境直通车办公室', reference: '直通车〔2026〕88号' },
      progress('2026-12-01', '市里已受理'),
      reply('2026-12-05'),
      callback('2026-12-06', 'basically'),
      { kind: 'close', on: '2026-12-06', basis: 'satisfied', note: '' },
    ]);
    expect(a.status).toBe('closed');
    expect(a.escalatedTo).toBe('市营商环境直通车办公室');
    expect(steps[2]).toMatchObject({ kind: 'reply', fromEscalation: true });
  });

  it('延期 moves the 答复期限 only later, with the lead leader’s approval and a reason', () => {
    const a = handedOff();
    const extend = (replyDueAt: string, approvedBy = 'l1', reason = '需市级部门会商'): StepInput => ({
      kind: 'extend',
      on: '2026-12-01',
      replyDueAt,
      previousDueAt: a.replyDueAt!,
      approvedBy,
      reason,
    });
    expect(checkStep(a, extend('2026-12-05'), '2026-12-01')).toBe('新的答复期限应晚于原期限（2026-12-08）');
    expect(checkStep(a, extend('2026-12-22', ''), '2026-12-01')).toBe('延期须经牵头领导同意，请选择批准领导');
    expect(checkStep(a, extend('2026-12-22', 'l1', ' '), '2026-12-01')).toBe('请填写原因');
    const { a: after } = walk(a, [extend('2026-12-22')], '2026-12-01');
    expect(after).toMatchObject({ status: 'handed_off', replyDueAt: '2026-12-22', dueAt: '2026-12-08' });
  });

  it('refuses illegal steps with a Chinese reason', () => {
    const a = handedOff();
    expect(checkStep(a, callback('2026-12-01', 'satisfied'), '2026-12-20')).toBe(
      '交办件状态“已交办”不能回访',
    );
    expect(
      checkStep(a, { kind: 'close', on: '2026-12-01', basis: 'satisfied', note: '' }, '2026-12-20'),
    ).toBe('交办件状态“已交办”不能办结');
    expect(checkStep(a, { kind: 'write_off', on: '2026-12-01', note: '' }, '2026-12-20')).toBe(
      '交办件状态“已交办”不能销号',
    );
    expect(checkStep(handedOff({ status: 'signed' }), progress('2026-11-25'), '2026-12-20')).toBe(
      '交办件状态“已签批”不能记录进展',
    );
    const replied = walk(a, [reply('2026-12-01'), callback('2026-12-02', 'satisfied')]).a;
    expect(
      checkStep(
        replied,
        { kind: 'redo', on: '2026-12-03', reason: 'x', replyDueAt: '2026-12-20' },
        '2026-12-20',
      ),
    ).toBe('只有回访不满意的事项才能重办');
    const unhappy = walk(a, [reply('2026-12-01'), callback('2026-12-02', 'unsatisfied')]).a;
    expect(
      checkStep(unhappy, { kind: 'close', on: '2026-12-03', basis: 'satisfied', note: '' }, '2026-12-20'),
    ).toMatch(/^企业回访不满意，不能按“企业满意”办结/);
    expect(
      checkStep(unhappy, { kind: 'close', on: '2026-12-03', basis: 'explained', note: '' }, '2026-12-20'),
    ).toBe('请说明企业接受了怎样的解释');
    expect(
      checkStep(
        unhappy,
        { kind: 'close', on: '2026-12-03', basis: 'explained', note: '政策所限，企业表示理解' },
        '2026-12-20',
      ),
    ).toBeUndefined();
    const closed = walk(a, [
      reply('2026-12-01'),
      callback('2026-12-02', 'satisfied'),
      { kind: 'close', on: '2026-12-02', basis: 'satisfied', note: '' },
    ]).a;
    expect(checkStep(closed, progress('2026-12-03'), '2026-12-20')).toBe('交办件状态“已办结”不能记录进展');
  });

  it('checks the fields, naming them', () => {
    const a = handedOff();
    expect(checkStep(a, progress('2026-11-26', '  '), '2026-12-20')).toBe('请填写说明');
    expect(checkStep(a, progress('2026-12-21'), '2026-12-20')).toBe('日期不能晚于今天');
    expect(checkStep(a, progress('2026-11-20'), '2026-12-20')).toBe('日期不能早于交办日期（2026-11-24）');
    expect(checkStep(a, progress('2026-13-01'), '2026-12-20')).toBe('日期无效，请按“2026-12-01”的格式填写');
    expect(checkStep(a, { ...reply('2026-12-01'), handler: '' } as StepInput, '2026-12-20')).toBe(
      '请填写经办人',
    );
    expect(checkStep(a, { ...reply('2026-12-01'), phone: '12345' } as StepInput, '2026-12-20')).toBe(
      '联系电话无法识别，请核对',
    );
    expect(checkStep(a, { ...reply('2026-12-01'), way: 'fax' } as unknown as StepInput, '2026-12-20')).toBe(
      '请选择答复方式',
    );
    expect(checkStep(a, progress('2026-11-26', '字'.repeat(2001)), '2026-12-20')).toBe('说明超过2000字');
  });

  it('corrects a wrong entry with its history; a verdict cannot be corrected', () => {
    const { a, steps } = walk(handedOff(), [reply('2026-12-01'), callback('2026-12-02', 'satisfied')]);
    const fix: StepInput = {
      kind: 'correction',
      on: '2026-12-03',
      corrects: 's1',
      fields: { on: '2026-11-30', handler: '王立科长' },
      reason: '答复日期和经办人登记错误',
    };
    expect(checkStep(a, fix, '2026-12-20', steps)).toBeUndefined();
    const step = makeStep(a, fix, { id: 's3', at: T0 + 9000, by: '李秘书' });
    const after = applyStep(a, step, steps);
    expect(after.status).toBe('evaluated');
    expect(after.repliedOn).toBe('2026-11-30');
    const history = effectiveSteps([...steps, step]);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ kind: 'reply', on: '2026-11-30', handler: '王立科长' });
    expect(history[0]!.corrections.map((c) => c.reason)).toEqual(['答复日期和经办人登记错误']);
    // The step as first written is still there, unchanged.
    expect(steps[0]).toMatchObject({ on: '2026-12-01', handler: '王科长' });

    expect(
      checkStep(
        a,
        { ...fix, corrects: 's2', fields: { satisfaction: 'unsatisfied' } } as StepInput,
        '2026-12-20',
        steps,
      ),
    ).toBe('回访的“评价”不能更正，如评价有误请重新回访');
    expect(checkStep(a, { ...fix, corrects: 'nope' } as StepInput, '2026-12-20', steps)).toBe(
      '要更正的记录不存在',
    );
    expect(checkStep(a, { ...fix, fields: { handler: '王科长' } } as StepInput, '2026-12-20', steps)).toBe(
      '更正的内容与原记录相同',
    );
    expect(checkStep(a, { ...fix, fields: { handler: ' ' } } as StepInput, '2026-12-20', steps)).toBe(
      '经办人不能更正为空',
    );
  });
});

describe('黄 / 红预警', () => {
  const rules: DeadlineRules = { ...DEFAULT_DEADLINE_RULES, dayKind: 'working' };
  // Handed over on Monday 21 September 2026, the reply due on Monday 12 October, after 国庆 (1–7 October) and
  // the make-up working Saturday of 10 October.
  const item = (over: Partial<Assignment> = {}) =>
    handedOff({
      handedOffAt: Date.parse('2026-09-21T10:00:00+08:00'),
      replyDueAt: '2026-10-12',
      lastActivityOn: '2026-10-06',
      ...over,
    });

  it('counts working days across 国庆 2026 and its make-up Saturday', () => {
    // 7 October is a holiday: 8, 9, 10 (make-up) and 12 October are left — four working days, no warning.
    expect(itemStanding(item(), '2026-10-07', rules, SHIPPED_HOLIDAYS)).toMatchObject({
      warning: 'none',
      daysLeft: 4,
    });
    // On 8 October three are left (9, 10 and 12): yellow. Without the make-up day it would be two.
    expect(itemStanding(item(), '2026-10-08', rules, SHIPPED_HOLIDAYS)).toMatchObject({
      warning: 'yellow',
      reasons: ['剩余3个工作日，尚未答复'],
      daysLeft: 3,
    });
    expect(itemStanding(item(), '2026-10-12', rules, SHIPPED_HOLIDAYS)).toMatchObject({
      warning: 'yellow',
      reasons: ['今日到期，尚未答复'],
      dueToday: true,
    });
    expect(itemStanding(item(), '2026-10-13', rules, SHIPPED_HOLIDAYS)).toMatchObject({
      warning: 'red',
      reasons: ['办理超时（逾期1个工作日）'],
      daysOverdue: 1,
    });
  });

  it('counts the yellow threshold in working days even when the due date is counted in calendar days', () => {
    const calendar: DeadlineRules = { ...DEFAULT_DEADLINE_RULES, dayKind: 'calendar' };
    const standing = itemStanding(item(), '2026-10-07', calendar, SHIPPED_HOLIDAYS);
    expect(standing.daysLeft).toBe(5);
    expect(standing.warning).toBe('none');
    expect(itemStanding(item(), '2026-10-08', calendar, SHIPPED_HOLIDAYS).reasons).toEqual([
      '剩余3个工作日，尚未答复',
    ]);
  });

  it('turns yellow when nothing has moved for seven days (推进缓慢)', () => {
    const quiet = item({ replyDueAt: '2026-10-30', lastActivityOn: '2026-09-21' });
    expect(itemStanding(quiet, '2026-09-27', rules, SHIPPED_HOLIDAYS).warning).toBe('none');
    expect(itemStanding(quiet, '2026-09-28', rules, SHIPPED_HOLIDAYS)).toMatchObject({
      warning: 'yellow',
      reasons: ['推进缓慢（7天无进展）'],
    });
    expect(itemStanding(quiet, '2026-09-28', { ...rules, staleDays: 10 }, SHIPPED_HOLIDAYS).warning).toBe(
      'none',
    );
  });

  it('computes through a year the holiday table lacks, and says so', () => {
    const next = item({ handedOffAt: Date.parse('2026-12-28T10:00:00+08:00'), replyDueAt: '2027-01-15' });
    const standing = itemStanding(
      { ...next, lastActivityOn: '2027-01-10' },
      '2027-01-12',
      rules,
      SHIPPED_HOLIDAYS,
    );
    expect(standing).toMatchObject({ warning: 'yellow', daysLeft: 3 });
    expect(standing.dueWarnings).toEqual([uncoveredYearWarning(2027)]);
  });

  it('warns only while the department owes a reply', () => {
    for (const status of ['replied', 'evaluated', 'closed', 'written_off', 'escalated'] as const)
      expect(itemStanding(item({ status }), '2026-10-20', rules, SHIPPED_HOLIDAYS).warning).toBe('none');
    expect(itemStanding(item({ status: 'redo' }), '2026-10-20', rules, SHIPPED_HOLIDAYS).warning).toBe('red');
  });
});
