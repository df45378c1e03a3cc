// A district worked out by hand for the statistics tests (statistics.test.ts holds the figures it gives): meetings
// in October, November (one a city-level 恳谈会, one not held, one deleted) and December; 交办件 handed over across
// the month ends, replied on time, late, after a 延期, after a 重办, by the level above (转报), or not at all; 回访 of
// every verdict and none. The items are moved through their steps by the real rules.
import { applyStep, checkStep, makeStep, type StepInput } from '../../../shared/domain/follow-up';
import type { StatsData } from '../../../shared/domain/statistics';
import type { Assignment, Concern, FollowUpStep, Meeting, QueueEntry } from '../../../shared/domain/types';

export const TODAY = '2026-12-10';
const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);

function meeting(id: string, date: string, over: Partial<Meeting> = {}): StatsData['meetings'][number] {
  return { id, title: id, kind: 'reception', level: 'county', date, status: 'handed_off', ...over };
}
const MEETINGS = [
  meeting('m1', '2026-10-30'),
  meeting('m2', '2026-11-05'),
  meeting('m3', '2026-11-20', { kind: 'roundtable', level: 'city' }),
  meeting('m4', '2026-11-28', { status: 'preparing' }),
  meeting('m5', '2026-12-01'),
  meeting('m6', '2026-11-10', { deletedAt: at('2026-11-11') }),
];

const q = (
  id: string,
  meetingId: string,
  enterpriseId: string,
  status: QueueEntry['status'],
  channel: QueueEntry['channel'] = '报名',
) => ({
  id,
  meetingId,
  enterpriseId,
  status,
  channel,
});
const QUEUE = [
  q('q1', 'm2', 'e1', 'done'),
  q('q2', 'm2', 'e2', 'done'),
  q('q3', 'm2', 'e3', 'absent'),
  q('q4', 'm2', 'e4', 'absent', '书面'),
  q('q6', 'm3', 'e5', 'done'),
  q('q7', 'm3', 'e2', 'done'),
  q('q8', 'm1', 'e6', 'done'),
  q('q9', 'm6', 'e7', 'done'),
];

type StatConcern = StatsData['concerns'][number];
const c = (
  id: string,
  meetingId: string,
  enterpriseId: string,
  category: string,
  channel: Concern['channel'],
  urgency: Concern['urgency'],
  disposition: Concern['disposition'],
  over: Partial<StatConcern> = {},
): StatConcern => ({
  id,
  meetingId,
  enterpriseId,
  category,
  channel,
  urgency,
  disposition,
  precollected: false,
  ...over,
});
const CONCERNS = [
  c('c1', 'm2', 'e1', '融资', '现场', 'urgent', 'assign'),
  c('c2', 'm2', 'e2', '用地', '现场', 'normal', 'resolved_on_site'),
  c('c3', 'm2', 'e4', '融资', '书面', 'major', 'assign', {
    precollected: true,
    confirmedAt: at('2026-11-05'),
  }),
  c('c4', 'm2', 'e3', '融资', '书面', 'normal', undefined, { precollected: true }),
  c('c5', 'm3', 'e5', '人才', '现场', 'hard', 'escalate'),
  c('c6', 'm3', 'e2', '融资', '现场', 'normal', 'assign'),
  c('c7', 'm1', 'e6', '融资', '现场', 'normal', 'assign'),
  c('c8', 'm6', 'e7', '融资', '现场', 'normal', 'assign'),
];

let serial = 0;
/** A 交办件 handed over on `handedOn`, then moved by its steps under the real rules. */
function item(
  id: string,
  meetingId: string,
  leadDeptId: string,
  handedOn: string,
  replyDueAt: string,
  inputs: StepInput[],
): { assignment: Assignment; steps: FollowUpStep[] } {
  let a: Assignment = {
    id,
    meetingId,
    enterpriseId: 'e1',
    docNumber: `青工商联交〔2026〕${id}号`,
    concernIds: [],
    leadLeaderId: 'l1',
    leadDeptId,
    coDeptIds: [],
    instruction: '',
    dueAt: replyDueAt,
    status: 'handed_off',
    handedOffAt: at(handedOn),
    replyDueAt,
    lastActivityOn: handedOn,
    createdAt: at(handedOn),
    updatedAt: at(handedOn),
  };
  const steps: FollowUpStep[] = [];
  for (const input of inputs) {
    const problem = checkStep(a, input, TODAY, steps);
    if (problem) throw new Error(`${id}: ${problem}`);
    serial += 1;
    const step = makeStep(a, input, { id: `s${serial}`, at: at(input.on) + serial, by: '秘书' });
    a = applyStep(a, step, steps);
    steps.push(step);
  }
  return { assignment: a, steps };
}
const reply = (on: string): StepInput => ({
  kind: 'reply',
  on,
  content: '已办理',
  handler: '经办人',
  phone: '',
  way: 'written',
});
const callback = (on: string, satisfaction: 'satisfied' | 'basically' | 'unsatisfied'): StepInput => ({
  kind: 'callback',
  on,
  caller: '秘书',
  way: 'phone',
  satisfaction,
  words: '',
});

export const ITEMS = [
  item('a1', 'm1', 'd1', '2026-10-31', '2026-11-14', [
    reply('2026-11-10'),
    callback('2026-11-12', 'satisfied'),
    { kind: 'close', on: '2026-11-13', basis: 'satisfied', note: '' },
  ]),
  item('a2', 'm2', 'd1', '2026-11-06', '2026-11-20', [
    reply('2026-11-25'),
    callback('2026-11-26', 'basically'),
  ]),
  item('a3', 'm2', 'd2', '2026-11-06', '2026-11-20', [
    reply('2026-11-18'),
    callback('2026-11-19', 'unsatisfied'),
    { kind: 'redo', on: '2026-11-21', reason: '企业不满意', replyDueAt: '2026-12-05' },
    reply('2026-12-03'),
    callback('2026-12-04', 'satisfied'),
  ]),
  item('a4', 'm3', 'd2', '2026-11-21', '2026-12-05', []),
  item('a5', 'm3', 'd3', '2026-11-21', '2026-11-30', []),
  item('a6', 'm2', 'd3', '2026-11-07', '2026-11-21', [
    { kind: 'escalate', on: '2026-11-15', to: '市营商环境办', reference: '' },
    reply('2026-11-28'),
  ]),
  item('a7', 'm1', 'd1', '2026-10-20', '2026-11-03', [
    {
      kind: 'extend',
      on: '2026-11-01',
      replyDueAt: '2026-11-10',
      previousDueAt: '2026-11-03',
      approvedBy: 'l1',
      reason: '需现场核查',
    },
    reply('2026-11-09'),
  ]),
  item('a8', 'm5', 'd1', '2026-12-02', '2026-12-16', []),
  item('a9', 'm2', 'd1', '2026-11-06', '2026-11-20', [reply('2026-11-19')]),
];

export const DATA: StatsData = {
  meetings: MEETINGS,
  queue: QUEUE,
  concerns: CONCERNS,
  assignments: [
    ...ITEMS.map((i) => i.assignment),
    // Signed but never handed over: in no figure.
    { ...ITEMS[0]!.assignment, id: 'a10', status: 'signed', handedOffAt: undefined, replyDueAt: undefined },
  ],
  steps: ITEMS.flatMap((i) => i.steps),
  departments: [
    { id: 'd1', name: '区财政局', order: 1 },
    { id: 'd2', name: '区税务局', order: 2 },
    { id: 'd3', name: '区人社局', order: 3 },
  ],
};
