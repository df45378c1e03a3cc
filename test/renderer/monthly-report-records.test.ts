// 以月答卷's records: which months a 典型案例 belongs to (交办, 答复 or 回访 in the month, read with corrections); the report
// series' numbers recorded only as the ledger stands (a number taken meanwhile is refused, a number the month never
// had cannot be "reused"); the district's signing key made once, even when two exports ask at the same moment; and
// what the report reads — only what its twelve months can count — counting every month as the whole database does.
import { beforeEach, describe, expect, it } from 'vitest';
import { repositories, type DeskDb } from '../../renderer/db';
import { ReportNumberTakenError, type IssuedReport } from '../../renderer/db/repositories/settings';
import { caseReasons, periodKey } from '../../renderer/report/case-period';
import { monthPeriod } from '../../shared/domain/periods';
import { newSigningKey } from '../../shared/exchange/monthly-package';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { loadDemoFollowUp } from '../../renderer/db/demo-follow-up-loader';
import { StatisticsRepository } from '../../renderer/db/repositories/statistics';
import { narrowToWindow, readReportData, windowStart } from '../../renderer/report/report-reader';
import { buildDemoDataset } from '../../shared/demo/demo-dataset';
import { buildDemoFollowUp } from '../../shared/demo/demo-follow-up';
import { computeStats, prepareStats } from '../../shared/domain/statistics';
import type { Assignment, FollowUpStep } from '../../shared/domain/types';
import { counterIds, freshDatabase } from './db-helpers';

const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);
const base = { assignmentId: 'a1', round: 1, by: '秘书' } as const;
const reply: FollowUpStep = {
  ...base,
  id: 's1',
  kind: 'reply',
  on: '2026-11-30',
  at: at('2026-11-30'),
  content: '已办理',
  handler: '王科长',
  phone: '',
  way: 'written',
};

describe('a 典型案例’s months', () => {
  it('are those of its 交办, 答复 and 回访, with a corrected date moving it', () => {
    const item = { handedOffAt: at('2026-10-28') };
    expect(caseReasons(item, [reply], monthPeriod(2026, 10))).toEqual(['交办']);
    expect(caseReasons(item, [reply], monthPeriod(2026, 11))).toEqual(['答复']);
    const corrected: FollowUpStep = {
      ...base,
      id: 's2',
      kind: 'correction',
      on: '2026-12-02',
      at: at('2026-12-02'),
      corrects: 's1',
      fields: { on: '2026-12-01' },
      reason: '答复日期登记错误',
    };
    expect(caseReasons(item, [reply, corrected], monthPeriod(2026, 11))).toEqual([]);
    expect(caseReasons(item, [reply, corrected], monthPeriod(2026, 12))).toEqual(['答复']);
    expect(periodKey(monthPeriod(2026, 11))).toBe('2026-11-01~2026-11-30');
  });
});

describe('the report series', () => {
  let db: DeskDb;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  const report = (docNumber: string, reused = false): IssuedReport => ({
    docNumber,
    at: at('2026-12-01'),
    reused,
    location: 'E:\\以月答卷-2026年11月',
    files: [{ fileName: 'a.docx', sha256: 'ab'.repeat(32) }],
  });
  const record = (seq: number | undefined, docNumber: string, reused = false) =>
    repositories().settings.recordReport({
      periodKey: '2026-11-01~2026-11-30',
      periodLabel: '2026年11月',
      year: 2026,
      seq,
      report: report(docNumber, reused),
    });

  it('records a number only as the next of the ledger, and reuses only the month’s own', async () => {
    await record(1, '青工商联报〔2026〕1号');
    // Another window took number 1 meanwhile: a second "1" is refused, nothing recorded.
    await expect(record(1, '青工商联报〔2026〕1号')).rejects.toBeInstanceOf(ReportNumberTakenError);
    await expect(record(undefined, '青工商联报〔2026〕7号', true)).rejects.toThrow('没有发过文号');
    await record(undefined, '青工商联报〔2026〕1号', true);
    const numbers = await repositories().settings.reportNumbers();
    expect(numbers.ledger).toEqual({ '2026': 1 });
    expect(numbers.issued['2026-11-01~2026-11-30']!.map((r) => r.reused)).toEqual([false, true]);
    // Each recorded with its audit record; the refused ones left none.
    expect((await db.auditLog.toArray()).map((r) => r.action)).toEqual([
      'monthly_report:issue',
      'monthly_report:issue',
    ]);
  });

  it('makes the district’s key once', async () => {
    const settings = repositories().settings;
    const make = async () => (await newSigningKey()).privateJwk;
    const [a, b] = await Promise.all([settings.exchangeKey(make), settings.exchangeKey(make)]);
    expect(a.privateJwk).toEqual(b.privateJwk);
    expect((await settings.exchangeKey(make)).privateJwk).toEqual(a.privateJwk);
  });
});

describe('what the report reads', () => {
  const TODAY = '2026-11-22';
  let db: DeskDb;
  beforeEach(async () => {
    db = await freshDatabase();
    const newId = counterIds();
    const demo = buildDemoDataset({ today: TODAY, now: at(TODAY), newId });
    await loadDemoDataset(db, demo);
    await loadDemoFollowUp(db, demo, buildDemoFollowUp(demo, TODAY, newId));
    // Two older items beside the demo's: one finished in 2024, out of every window since; one handed over in 2024,
    // 转报 and answered by the level above in November 2026, which November still counts.
    const sample = (await db.assignments.toArray()).find((a) => a.handedOffAt !== undefined)!;
    const old = (id: string, over: Partial<Assignment>): Assignment => ({
      ...sample,
      id,
      docNumber: `青工商联交〔2024〕${id}号`,
      handedOffAt: at('2024-03-01'),
      replyDueAt: '2024-03-15',
      dueAt: '2024-03-15',
      round: 1,
      ...over,
    });
    const step = (id: string, assignmentId: string, input: Partial<FollowUpStep>): FollowUpStep =>
      ({ ...base, id, assignmentId, at: at(input.on!), ...input }) as FollowUpStep;
    await db.assignments.bulkPut([
      old('old1', { status: 'closed', repliedOn: '2024-03-10', closedOn: '2024-03-20' }),
      old('old2', {
        status: 'closed',
        repliedOn: '2026-11-05',
        closedOn: '2026-11-10',
        escalatedTo: '市营商环境办',
      }),
    ]);
    await db.followUps.bulkPut([
      step('o1', 'old1', {
        kind: 'reply',
        on: '2024-03-10',
        content: '已办',
        handler: '',
        phone: '',
        way: 'written',
      }),
      step('o2', 'old1', { kind: 'close', on: '2024-03-20', basis: 'satisfied', note: '' }),
      step('o3', 'old2', { kind: 'escalate', on: '2024-03-10', to: '市营商环境办', reference: '' }),
      step('o4', 'old2', {
        kind: 'reply',
        on: '2026-11-05',
        content: '上级已答复',
        handler: '',
        phone: '',
        way: 'written',
        fromEscalation: true,
      }),
      step('o5', 'old2', { kind: 'close', on: '2026-11-10', basis: 'explained', note: '' }),
    ]);
  });

  it('counts every month as the statistics over everything do, without the long-finished', async () => {
    const everything = prepareStats(await new StatisticsRepository(db).data());
    const table = await repositories().settings.holidayTable();
    for (let m = 0; m < 24; m++) {
      const period = monthPeriod(2025 + Math.floor(m / 12), (m % 12) + 1);
      const narrow = await readReportData(db, period);
      if (m >= 21) expect(narrow.assignments.map((a) => a.id)).not.toContain('old1');
      expect(narrow.assignments.map((a) => a.id)).toContain('old2');
      const query = { period, today: TODAY, table };
      expect(computeStats(prepareStats(narrow), query), period.label).toEqual(
        computeStats(everything, query),
      );
    }
    // old2's answer from the level above is one of November's replies.
    const november = computeStats(prepareStats(await readReportData(db, monthPeriod(2026, 11))), {
      period: monthPeriod(2026, 11),
      today: TODAY,
      table,
    });
    expect(november.averageReplyDays.refs.ids).toContain('old2');
    // And the rule itself, on records already read.
    const all = await new StatisticsRepository(db).data();
    expect(narrowToWindow(all, monthPeriod(2026, 11)).assignments.map((a) => a.id)).not.toContain('old1');
    expect(windowStart(monthPeriod(2026, 11))).toBe('2025-12-01');
  });
});
