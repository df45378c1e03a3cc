// 台账 lines for the tests: 交办件 moved through their steps by the real rules (checkStep / makeStep / applyStep), so
// the lines are what the app would hold.
import { applyStep, checkStep, makeStep, type StepInput } from '../../../shared/domain/follow-up';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import { ledgerItem, type LedgerItem, type LedgerSource } from '../../../shared/ledger/ledger-item';
import type {
  Assignment,
  DeadlineRules,
  Department,
  FollowUpStep,
  Leader,
} from '../../../shared/domain/types';
import type { BoardDay } from '../../../shared/domain/follow-up-board';

export const RULES: DeadlineRules = {
  handoffDays: 2,
  replyDays: 14,
  yellowDays: 3,
  dayKind: 'calendar',
  yellowDayKind: 'calendar',
  staleDays: 30,
};
export const DAY: BoardDay = { today: '2026-11-30', rules: RULES, table: SHIPPED_HOLIDAYS };

export const DEPARTMENTS: Department[] = [
  { id: 'd-fin', name: '区财政局', shortName: '财政局', aliases: [], order: 1 },
  { id: 'd-tax', name: '区税务局', shortName: '税务局', aliases: [], order: 2 },
  { id: 'd-hr', name: '区人社局', shortName: '人社局', aliases: [], order: 3 },
];
export const LEADERS: Leader[] = [{ id: 'l1', name: '周建国', title: '区长', order: 1 }];
export const NAMES = {
  departmentById: new Map(DEPARTMENTS.map((d) => [d.id, d])),
  leaderById: new Map(LEADERS.map((l) => [l.id, l])),
};

let serial = 0;

/** A 交办件 handed over on `handedOn` (China time), due 14 days later. */
export function handedOff(n: number, leadDeptId: string, handedOn: string, over: Partial<Assignment> = {}) {
  const at = Date.parse(`${handedOn}T10:00:00+08:00`);
  const due = new Date(at + 14 * 86_400_000).toISOString().slice(0, 10);
  const a: Assignment = {
    id: `a${n}`,
    meetingId: 'm1',
    enterpriseId: `e${n}`,
    docNumber: `青工商联交〔2026〕${n}号`,
    concernIds: [`c${n}`],
    leadLeaderId: 'l1',
    leadDeptId,
    coDeptIds: [],
    instruction: '请牵头办理，按期答复企业。',
    status: 'handed_off',
    handedOffAt: at,
    replyDueAt: due,
    lastActivityOn: handedOn,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
  return a;
}

/** The item after these steps (each checked first: a step the rules refuse throws). */
export function moved(
  a: Assignment,
  inputs: StepInput[],
  before: readonly FollowUpStep[] = [],
): { assignment: Assignment; steps: FollowUpStep[] } {
  let item = a;
  const steps: FollowUpStep[] = [...before];
  for (const input of inputs) {
    const problem = checkStep(item, input, DAY.today, steps);
    if (problem) throw new Error(`${a.docNumber}: ${problem}`);
    serial += 1;
    const step = makeStep(item, input, {
      id: `s${serial}`,
      at: Date.parse(`${input.on}T12:00:00+08:00`) + serial,
      by: '王秘书',
    });
    item = applyStep(item, step, steps);
    steps.push(step);
  }
  return { assignment: item, steps };
}

export const reply = (on: string, content = '已办理，资金已拨付。'): StepInput => ({
  kind: 'reply',
  on,
  content,
  handler: '李科长',
  phone: '0571-87654321',
  way: 'written',
});
export const callback = (on: string, satisfaction: 'satisfied' | 'basically' | 'unsatisfied'): StepInput => ({
  kind: 'callback',
  on,
  caller: '王秘书',
  way: 'phone',
  satisfaction,
  words: satisfaction === 'unsatisfied' ? '问题没有解决' : '感谢',
});
export const close = (on: string): StepInput => ({ kind: 'close', on, basis: 'satisfied', note: '' });
export const writeOff = (on: string): StepInput => ({ kind: 'write_off', on, note: '对账确认' });

/** The 台账 line of an item in its state, with its enterprise and demand. */
export function line(
  state: { assignment: Assignment; steps: FollowUpStep[] },
  demand = '申请技改补贴',
): LedgerItem {
  const source: LedgerSource = {
    assignment: state.assignment,
    steps: state.steps,
    concerns: [{ summary: demand, verbatim: demand, category: '惠企政策' }],
    enterprise: { name: `企业${state.assignment.id}`, creditCode: '91330100MA27XL0Q3K' },
    meeting: { title: '青溪区第14次民营企业接待日', date: '2026-11-10' },
  };
  return ledgerItem(source, NAMES, DAY);
}

/** A district's items in every state the 台账 knows. */
export function sampleLedger(): LedgerItem[] {
  return [
    line(moved(handedOff(1, 'd-fin', '2026-11-25'), [])),
    // Overdue: due 2026-11-19, no reply by 2026-11-30.
    line(moved(handedOff(2, 'd-fin', '2026-11-05'), [])),
    line(
      moved(handedOff(3, 'd-fin', '2026-11-05'), [
        reply('2026-11-12'),
        callback('2026-11-14', 'satisfied'),
        close('2026-11-15'),
      ]),
    ),
    line(
      moved(handedOff(4, 'd-tax', '2026-11-02'), [
        reply('2026-11-20'),
        callback('2026-11-21', 'basically'),
        close('2026-11-22'),
        writeOff('2026-11-28'),
      ]),
    ),
    line(
      moved(handedOff(5, 'd-hr', '2026-11-03'), [
        reply('2026-11-10'),
        callback('2026-11-11', 'unsatisfied'),
        { kind: 'redo', on: '2026-11-12', reason: '企业不满意', replyDueAt: '2026-12-10' },
      ]),
    ),
  ];
}
