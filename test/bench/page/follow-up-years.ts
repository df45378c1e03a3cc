// Ten years of 跟踪督办 on top of ten-years.ts: ≈30,000 handed-off 交办件 over its 500 meetings — a few hundred
// open (handed over in the last six weeks before today, so green, yellow and red), the rest 办结 or 销号, some
// once 转报上级 — and ≈100,000 steps. Deterministic but for today, which the board reads from the clock.
import type { DeskDb } from '../../../renderer/db/desk-db';
import type {
  Assignment,
  AssignmentStatus,
  Concern,
  FollowUpStep,
  Meeting,
} from '../../../shared/domain/types';
import { addCalendarDays, toIsoDate } from '../../../shared/domain/workdays';
import type { StepInput } from '../../../shared/domain/follow-up';

const DAY = 86_400_000;

/** How much to generate. */
export interface FollowUpYearsSize {
  assignments: number;
  /** Open items, handed over in the last weeks. */
  open: number;
}

/** The figures of the brief: ten years ≈ 30,000 交办件 and 100,000 steps. */
export const FOLLOW_UP_YEARS: FollowUpYearsSize = { assignments: 30_000, open: 300 };

const OPEN_STATES: AssignmentStatus[] = [
  'handed_off',
  'handed_off',
  'handed_off',
  'redo',
  'replied',
  'evaluated',
  'escalated',
];

/** Replace the ten years' assignments with handed-off ones and their steps; returns the counts written. */
export async function seedFollowUpYears(
  db: DeskDb,
  size: FollowUpYearsSize = FOLLOW_UP_YEARS,
): Promise<{ assignments: number; open: number; steps: number }> {
  const [meetings, concerns, leaders, departments] = await Promise.all([
    db.meetings.orderBy('date').toArray(),
    db.concerns.toArray(),
    db.leaders.toArray(),
    db.departments.toArray(),
  ]);
  const byMeeting = new Map<string, Concern[]>();
  for (const c of concerns) {
    const list = byMeeting.get(c.meetingId) ?? [];
    list.push(c);
    byMeeting.set(c.meetingId, list);
  }
  const held = meetings.filter((m: Meeting) => m.status === 'handed_off' && byMeeting.has(m.id));
  const now = Date.now();
  const perMeeting = Math.ceil(size.assignments / held.length);
  const assignments: Assignment[] = [];
  const steps: FollowUpStep[] = [];
  let n = 0;
  const step = (s: StepInput & { assignmentId: string; at: number }): FollowUpStep =>
    ({ ...s, id: `fu-${steps.length}`, round: 1, by: '李秘书' }) as FollowUpStep;

  for (const [i, meeting] of held.entries()) {
    const pool = byMeeting.get(meeting.id)!;
    for (let k = 0; k < perMeeting && assignments.length < size.assignments; k++) {
      n += 1;
      const open = assignments.length >= size.assignments - size.open;
      const concern = pool[k % pool.length]!;
      // Open ones were handed over 0–42 days ago; closed ones two days after their meeting.
      const handedOffAt = open
        ? now - (n % 43) * DAY
        : Date.parse(`${meeting.date}T09:00:00+08:00`) + 2 * DAY;
      const handedOn = toIsoDate(handedOffAt);
      const status: AssignmentStatus = open
        ? OPEN_STATES[n % OPEN_STATES.length]!
        : n % 3
          ? 'closed'
          : 'written_off';
      const escalated = status === 'escalated' || (!open && n % 97 === 0);
      const a: Assignment = {
        id: `fa-${n}`,
        meetingId: meeting.id,
        enterpriseId: concern.enterpriseId,
        docNumber: `青工商联交〔${meeting.date.slice(0, 4)}〕${(i % 52) * perMeeting + k + 1}号`,
        concernIds: [concern.id],
        leadLeaderId: leaders[n % leaders.length]!.id,
        leadDeptId: departments[n % departments.length]!.id,
        coDeptIds: n % 4 ? [] : [departments[(n + 3) % departments.length]!.id],
        instruction: '请牵头单位会同协办单位研究办理，两周内答复企业。',
        status,
        handedOffAt,
        replyDueAt: addCalendarDays(handedOn, 14),
        round: status === 'redo' ? 2 : 1,
        lastActivityOn: handedOn,
        ...(escalated ? { escalatedTo: '市营商环境直通车办公室' } : {}),
        createdAt: handedOffAt,
        updatedAt: handedOffAt,
      };
      const on = (d: number) => addCalendarDays(handedOn, d);
      const at = (d: number) => handedOffAt + d * DAY;
      if (escalated)
        steps.push(
          step({
            assignmentId: a.id,
            kind: 'escalate',
            on: on(3),
            at: at(3),
            to: a.escalatedTo!,
            reference: '',
          }),
        );
      if (!open || status === 'replied' || status === 'evaluated') {
        steps.push(
          step({
            assignmentId: a.id,
            kind: 'reply',
            on: on(10),
            at: at(10),
            content: '已办理并答复企业',
            handler: '王科长',
            phone: '',
            way: 'written',
          }),
        );
        a.repliedOn = on(10);
      }
      if (!open || status === 'evaluated')
        steps.push(
          step({
            assignmentId: a.id,
            kind: 'callback',
            on: on(12),
            at: at(12),
            caller: '李秘书',
            way: 'phone',
            satisfaction: 'satisfied',
            words: '满意',
          }),
        );
      if (!open) {
        steps.push(
          step({ assignmentId: a.id, kind: 'close', on: on(13), at: at(13), basis: 'satisfied', note: '' }),
        );
        a.closedOn = on(13);
      }
      if (status === 'written_off') {
        steps.push(step({ assignmentId: a.id, kind: 'write_off', on: on(20), at: at(20), note: '' }));
        a.writtenOffOn = on(20);
      }
      if (open)
        steps.push(
          step({ assignmentId: a.id, kind: 'progress', on: handedOn, at: at(0), note: '已联系企业了解情况' }),
        );
      assignments.push(a);
    }
  }
  await db.assignments.clear();
  for (let i = 0; i < assignments.length; i += 5000)
    await db.assignments.bulkAdd(assignments.slice(i, i + 5000));
  for (let i = 0; i < steps.length; i += 10000) await db.followUps.bulkAdd(steps.slice(i, i + 10000));
  return { assignments: assignments.length, open: size.open, steps: steps.length };
}
