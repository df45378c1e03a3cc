// 办理全过程 as data: one timeline from the meeting's words to 销号, read from the signed snapshot, with corrected
// steps shown as corrected and each correction listed with what it replaced.
import { beforeAll, describe, expect, it } from 'vitest';
import { correctionText, followUpTimeline } from '../../../shared/domain/follow-up-timeline';
import type { Assignment, FollowUpStep, SignOff } from '../../../shared/domain/types';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import {
  closedLife,
  handedOffBundle,
  record,
  replacedSignOff,
  timelineSources,
} from '../docs/follow-up-scenario';

let bundle: MeetingBundle & { assignments: Assignment[] };

beforeAll(async () => {
  bundle = await handedOffBundle();
});

const sources = (assignment: Assignment, steps: FollowUpStep[] = [], signOffs?: readonly SignOff[]) =>
  timelineSources(bundle, assignment, steps, signOffs);

describe('followUpTimeline', () => {
  it('runs from the demand to 销号 in the order things happened', () => {
    const life = closedLife(bundle.assignments[0]!);
    const t = followUpTimeline(sources(life.assignment, life.steps));
    expect(t.entries.map((e) => e.title)).toEqual([
      '企业反映',
      '现场答复',
      '领导签批',
      '交办',
      '办理进展',
      '部门答复',
      '满意度回访',
      '重办',
      '部门答复',
      '满意度回访',
      '办结',
      '销号',
    ]);
    expect(t).toMatchObject({
      docNumber: '青工商联交〔2026〕1号',
      enterprise: '临江恒泰住房租赁有限公司',
      leadDept: '区财政局',
      status: '已销号',
    });
    // Every key is unique (the item page renders with :key).
    expect(new Set(t.entries.map((e) => e.key)).size).toBe(t.entries.length);
    // Dates never go backwards.
    const days = t.entries.map((e) => e.on);
    expect([...days].sort()).toEqual(days);
    expect(t.entries.at(-2)).toMatchObject({ kind: 'close', round: 2, who: '李晓燕', whoLabel: '记录人' });
  });

  it('quotes the demand verbatim with who said it, when, and at which meeting', () => {
    const t = followUpTimeline(sources(bundle.assignments[0]!));
    const demand = t.entries[0]!;
    const concern = bundle.concerns.find((c) => c.id === bundle.assignments[0]!.concernIds[0])!;
    expect(demand).toMatchObject({ kind: 'demand', on: '2026-11-21', whoLabel: '反映人', who: '许家豪' });
    expect(demand.time).toMatch(/^\d{2}:\d{2}$/);
    expect(demand.lines).toContainEqual({ label: '原话', text: concern.verbatim });
    expect(demand.lines).toContainEqual({ label: '会议', text: bundle.meeting.title });
    const answer = t.entries[1]!;
    expect(answer).toMatchObject({ kind: 'answer', who: '区财政局', whoLabel: '答复人' });
    expect(answer.lines[0]!.text).toContain('本月底前拨付到位');
  });

  it('prints the instruction as signed, with the signature, and marks a replaced sign-off', () => {
    const a = bundle.assignments[0]!;
    const current = bundle.signOffs.find((s) => s.assignmentId === a.id)!;
    const replaced = replacedSignOff(current);
    // The live record says something else: the timeline shows what was signed.
    const t = followUpTimeline(
      sources({ ...a, instruction: '背后改的批示' }, [], [current, replaced, ...bundle.signOffs]),
    );
    const signs = t.entries.filter((e) => e.kind === 'sign');
    expect(signs.map((s) => [s.title, s.superseded ?? false])).toEqual([
      ['领导签批（已重签）', true],
      ['领导签批', false],
    ]);
    expect(signs[0]!.lines).toContainEqual({ label: '批示', text: '请财政局研究。' });
    expect(signs[0]!.lines.find((l) => l.label === '说明')?.text).toMatch(/修改并重新签批/);
    expect(signs[1]).toMatchObject({ who: '区委书记王立群', whoLabel: '签批领导', time: '10:00' });
    expect(signs[1]!.lines).toContainEqual({ label: '批示', text: current.snapshot!.instruction });
    expect(signs[1]!.lines).toContainEqual({ label: '办理时限', text: '2026年12月7日' });
    expect(signs[1]!.ink).toEqual({ signature: current.png, signer: '区委书记王立群' });
  });

  it('notes a handwritten instruction and carries its ink', () => {
    const a = bundle.assignments[1]!;
    const sign = followUpTimeline(sources(a)).entries.find((e) => e.kind === 'sign')!;
    expect(sign.lines.find((l) => l.label === '手写批示')?.text).toBe('另有领导手写批示（见笔迹）');
    expect(sign.ink?.instruction).toMatch(/^data:image\/png;base64,/);
  });

  it('reads a sign-off made before snapshots from the live records', () => {
    const a = bundle.assignments[0]!;
    const { snapshot: _s, format: _f, ...old } = bundle.signOffs.find((s) => s.assignmentId === a.id)!;
    const sign = followUpTimeline(sources(a, [], [old])).entries.find((e) => e.kind === 'sign')!;
    expect(sign.who).toBe('区委书记王立群');
    expect(sign.lines).toContainEqual({ label: '批示', text: a.instruction });
    expect(sign.lines).toContainEqual({ label: '牵头单位', text: '区财政局' });
  });

  it('gives the handoff its time and the 答复期限 it started, even after a 延期', () => {
    const a = bundle.assignments[2]!;
    const handoff = (steps: FollowUpStep[], item = a) =>
      followUpTimeline(sources(item, steps)).entries.find((e) => e.kind === 'handoff')!;
    expect(handoff([])).toMatchObject({ on: '2026-11-23', time: '09:30', whoLabel: '交办至' });
    expect(handoff([]).lines).toEqual([
      { label: '交办时间', text: '2026年11月23日 09:30' },
      { label: '答复期限', text: '2026年12月7日' },
    ]);
    const extended = record(a, [
      {
        kind: 'extend',
        on: '2026-12-01',
        replyDueAt: '2026-12-21',
        previousDueAt: '2026-12-07',
        approvedBy: bundle.assignments[2]!.leadLeaderId,
        reason: '需等市级资金下达',
      },
    ]);
    expect(handoff(extended.steps, extended.assignment).lines).toContainEqual({
      label: '答复期限',
      text: '2026年12月7日',
    });
    const extend = followUpTimeline(sources(extended.assignment, extended.steps)).entries.at(-1)!;
    expect(extend.title).toBe('延期');
    expect(extend.lines).toEqual([
      { label: '答复期限', text: '2026年12月7日延至2026年12月21日' },
      { label: '批准领导', text: bundle.leaders.find((l) => l.id === a.leadLeaderId)!.name },
      { label: '延期原因', text: '需等市级资金下达' },
    ]);
  });

  it('shows a corrected step as corrected, with the original, the correction, the reason, who and when', () => {
    const life = closedLife(bundle.assignments[0]!);
    const t = followUpTimeline(sources(life.assignment, life.steps));
    const reply = t.entries.find((e) => e.kind === 'reply')!;
    // The corrected date moves the step, and its lines read as corrected.
    expect(reply.on).toBe('2026-12-01');
    expect(reply.lines).toContainEqual({
      label: '答复内容',
      text: '补贴资金已纳入区级预算，预计2027年1月底前拨付',
    });
    expect(reply.corrections).toEqual([
      expect.objectContaining({
        field: 'content',
        label: '答复内容',
        original: '补贴资金已纳入区级预算，预计12月底前拨付',
        corrected: '补贴资金已纳入区级预算，预计2027年1月底前拨付',
        reason: '答复原件为1月底，录入有误',
        by: '李晓燕',
      }),
      expect.objectContaining({
        field: 'on',
        label: '日期',
        original: '2026年12月2日',
        corrected: '2026年12月1日',
      }),
    ]);
    expect(correctionText(reply.corrections[1]!)).toBe(
      '日期由“2026年12月2日”更正为“2026年12月1日”（原因：答复原件为1月底，录入有误；李晓燕，2026年12月3日）',
    );
    // No entry of its own for the correction.
    expect(t.entries.some((e) => (e.kind as string) === 'correction')).toBe(false);
  });

  it('a second correction of the same field shows the first correction as its original', () => {
    const a = bundle.assignments[3]!;
    const first = record(a, [{ kind: 'progress', on: '2026-11-25', note: '已联系' }]);
    const id = first.steps[0]!.id;
    const twice = record(
      first.assignment,
      [
        {
          kind: 'correction',
          on: '2026-11-26',
          corrects: id,
          fields: { note: '已电话联系' },
          reason: '补充',
        },
        {
          kind: 'correction',
          on: '2026-11-27',
          corrects: id,
          fields: { note: '已上门联系' },
          reason: '更正方式',
        },
      ],
      first.steps,
    );
    const progress = followUpTimeline(sources(twice.assignment, twice.steps)).entries.find(
      (e) => e.kind === 'progress',
    )!;
    expect(progress.lines).toEqual([{ label: '进展情况', text: '已上门联系' }]);
    expect(progress.corrections.map((c) => [c.original, c.corrected])).toEqual([
      ['已联系', '已电话联系'],
      ['已电话联系', '已上门联系'],
    ]);
  });

  it('keeps to its own item: other items’ steps and sign-offs are left out', () => {
    const other = closedLife(bundle.assignments[0]!);
    const t = followUpTimeline(sources(bundle.assignments[4]!, other.steps));
    expect(t.entries.filter((e) => e.kind === 'sign')).toHaveLength(1);
    expect(t.entries.map((e) => e.kind)).not.toContain('reply');
    expect(t.docNumber).toBe('青工商联交〔2026〕5号');
  });
});
