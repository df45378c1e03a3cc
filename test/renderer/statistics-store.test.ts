// 统计分析 through the store and the statistics engine (inline here: happy-dom has no workers, the same engine the
// worker runs) over the demo in fake-indexeddb, clock pinned on the demo's day: the figures of the demo's months as its
// script made them, the records behind a number, the period picker's moves, the kind filter, an answer to an older
// question dropped, data read afresh on opening; and other districts' exchange packages merged beside this district's
// figures — a duplicate, another period, this district's own package and a changed one refused, naming the file.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repositories, type DeskDb } from '../../renderer/db';
import { StatisticsRepository } from '../../renderer/db/repositories/statistics';
import { StatsEngine } from '../../renderer/stats/stats-engine';
import { figuresOf } from '../../renderer/stats/district-figures';
import { lastMonth, nextPeriod, useStatisticsStore } from '../../renderer/stores/statistics';
import { SHIPPED_HOLIDAYS } from '../../shared/domain/holidays';
import { customPeriod, monthPeriod, quarterPeriod } from '../../shared/domain/periods';
import { computeStats, prepareStats } from '../../shared/domain/statistics';
import {
  buildExchangePackage,
  combinedFigures,
  newSigningKey,
  signingKey,
} from '../../shared/exchange/monthly-package';
import { freshDemoWithFollowUp } from './db-helpers';

const TODAY = '2026-11-22';
const NOW = Date.parse(`${TODAY}T09:30:00+08:00`);
let db: DeskDb;

beforeEach(async () => {
  db = await freshDemoWithFollowUp(TODAY);
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  useStatisticsStore().close();
  vi.useRealTimers();
});

const docs = (rows: ReadonlyArray<{ kind: string; docNumber?: string }>) => rows.map((r) => r.docNumber);
const doc = (n: number) => `青工商联交〔2026〕${n}号`;

/** A package of another district, made from this database's own figures of a month (as if it were theirs). */
async function packageOf(name: string, month: number): Promise<Uint8Array> {
  const data = await new StatisticsRepository(db).data();
  const stats = computeStats(prepareStats(data), {
    period: monthPeriod(2026, month),
    today: TODAY,
    table: SHIPPED_HOLIDAYS,
  });
  const items = new Map(
    data.assignments.map((a) => [
      a.id,
      {
        docNumber: `${name}${a.docNumber ?? ''}`,
        meetingKind: '接待日',
        enterprise: '某企业',
        demand: '某诉求',
        category: '融资',
        leadDept: '区财政局',
        state: '已交办',
        satisfaction: '',
        round: a.round ?? 1,
        escalatedTo: '',
      },
    ]),
  );
  const text = await buildExchangePackage({
    district: { name, shortName: name },
    stats,
    items,
    generatedAt: NOW,
    app: '0.1.0',
    key: await signingKey((await newSigningKey()).privateJwk),
  });
  return new TextEncoder().encode(text);
}

describe('the statistics store', () => {
  it('counts the current month on opening, with the month before for comparison', async () => {
    const store = useStatisticsStore();
    await store.open();
    expect(store.period.label).toBe('2026年11月');
    expect(store.atPresent).toBe(true);
    const s = store.stats!;
    // 第14次 held yesterday: six demands confirmed, four enterprises spoke; 第13次's six items handed over on 11-01.
    expect([s.meetings.value, s.enterprises.value, s.speakers.value, s.demands.value]).toEqual([1, 4, 4, 6]);
    expect(s.handedOff.value).toBe(6);
    // Past due or answered: 5号 (never answered), 8号 and 9号 (answered in time); 7号, extended to today and not
    // answered yet, still has the day.
    expect([s.onTime.numerator, s.onTime.denominator, s.overdue.value]).toEqual([2, 3, 1]);
    expect([s.unsatisfied.value, s.satisfied.denominator]).toEqual([1, 1]);
    // October: 第13次 held, nothing handed over; 第12次's items called back (满意, 基本满意, 不满意), one 重办, one 转报.
    const p = store.previous!;
    expect(p.period.label).toBe('2026年10月');
    expect([p.meetings.value, p.handedOff.value, p.redo.value, p.escalated.value]).toEqual([1, 0, 1, 1]);
    expect([p.satisfied.numerator, p.satisfiedOrBasic.numerator, p.satisfied.denominator]).toEqual([1, 2, 3]);
  });

  it('lists the records behind a number: items by 文号, meetings, speakers, demands', async () => {
    const store = useStatisticsStore();
    await store.open();
    const s = store.stats!;
    const handed = await store.list({ title: '交办件', refs: s.handedOff.refs });
    expect(handed.kind).toBe('assignment');
    expect(docs(handed.rows)).toEqual([5, 6, 7, 8, 9, 10].map(doc));
    expect(handed.rows[0]).toMatchObject({
      enterprise: '临江海特科技发展有限公司',
      demand: '研发人员人才公寓配租',
      leadDept: '区人力资源和社会保障局',
      state: '已交办',
      times: 1,
    });
    const held = await store.list({ title: '会议', refs: s.meetings.refs });
    expect(held.rows).toEqual([
      expect.objectContaining({ kind: 'meeting', date: '2026-11-21', title: '青溪区第14次“民营企业接待日”' }),
    ]);
    const speakers = await store.list({ title: '发言', refs: s.speakers.refs });
    expect(speakers.rows).toHaveLength(4);
    expect(speakers.rows.every((r) => r.kind === 'speaker' && r.meeting.includes('第14次'))).toBe(true);
    const demands = await store.list({ title: '诉求', refs: s.demands.refs });
    expect(demands.rows).toHaveLength(6);
    expect(demands.rows.every((r) => r.kind === 'concern' && r.enterprise !== '（未知）')).toBe(true);
    // A round due twice counts twice and is listed once, saying so (3号 in October: its first and its 重办 round).
    await store.show(monthPeriod(2026, 10));
    const due = await store.list({ title: '到期', refs: store.stats!.onTime.base });
    expect(store.stats!.onTime.base.ids.length).toBe(5);
    expect(due.rows).toHaveLength(4);
    expect(docs(due.rows.filter((r) => r.kind === 'assignment' && r.times === 2))).toEqual([doc(3)]);
  });

  it('moves between periods, kinds of period and meetings; an older answer never overwrites a newer one', async () => {
    const store = useStatisticsStore();
    await store.open();
    await store.step(-1);
    expect(store.period.label).toBe('2026年10月');
    expect(store.atPresent).toBe(false);
    await store.step(1);
    expect(store.period.label).toBe('2026年11月');
    await store.setPeriodKind('quarter');
    expect(store.period).toEqual(quarterPeriod(2026, 4));
    expect([store.stats!.meetings.value, store.stats!.demands.value]).toEqual([2, 12]);
    await store.setPeriodKind('year');
    expect([store.stats!.meetings.value, store.stats!.handedOff.value]).toEqual([3, 10]);
    await store.setPeriodKind('custom');
    expect(store.period.label).toBe('2026年1月1日至12月31日');
    expect(await store.setCustom('2026-09-01', '2026-10-31')).toBeUndefined();
    expect([store.stats!.meetings.value, store.stats!.handedOff.value]).toEqual([2, 4]);
    expect(store.setCustom('2026-09-31', '2026-10-31')).toBe('日期无效，请按“2026-12-01”的格式填写');
    expect(store.period.label).toBe('2026年9月1日至10月31日');
    // The demo holds no 恳谈会.
    await store.setKind('roundtable');
    expect([store.stats!.meetings.value, store.stats!.handedOff.value]).toEqual([0, 0]);
    await store.setKind(undefined);
    await store.setLevel('county');
    expect(store.stats!.meetings.value).toBe(2);
    // Two questions at once: the later one's answer stays.
    const first = store.show(monthPeriod(2026, 9));
    const second = store.show(monthPeriod(2026, 11));
    await Promise.all([first, second]);
    expect(store.stats!.period.label).toBe('2026年11月');
    expect(store.counting).toBe(false);
  });

  it('reads the database afresh when the screen opens again', async () => {
    const store = useStatisticsStore();
    await store.open();
    expect(store.stats!.closed.numerator).toBe(0);
    const nine = (await db.assignments.toArray()).find((a) => a.docNumber === doc(9))!;
    const recorded = await repositories(db).followUps.record(
      nine.id,
      { kind: 'callback', on: TODAY, caller: '李晓燕', way: 'phone', satisfaction: 'satisfied', words: '' },
      { today: TODAY, now: NOW, by: '李晓燕', newId: () => 'step-new' },
    );
    expect(recorded.ok).toBe(true);
    store.close();
    await store.open();
    expect([store.stats!.satisfied.numerator, store.stats!.satisfied.denominator]).toEqual([1, 2]);
  });

  it('merges other districts’ packages beside this district, refusing duplicates, other periods, its own and changed ones', async () => {
    const store = useStatisticsStore();
    await store.open();
    const jiangbei = await packageOf('江北区工商联', 11);
    const hexi = await packageOf('河西区工商联', 11);
    expect(
      await store.importPackages([
        { name: '江北.json', bytes: jiangbei },
        { name: '河西.json', bytes: hexi },
      ]),
    ).toBe(2);
    expect(store.importErrors).toEqual([]);
    expect(store.importedPeriod?.label).toBe('2026年11月');
    expect(store.imported.map((i) => i.fingerprint)).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}$/),
      expect.stringMatching(/^[0-9a-f]{16}$/),
    ]);
    // Ours, counted here for the packages' period, adds up with theirs.
    const own = figuresOf(store.own!);
    expect(own.handedOff).toBe(6);
    const total = combinedFigures([{ figures: own }, ...store.imported.map((i) => i.pkg)]);
    expect(total.handedOff).toBe(18);
    expect(total.onTime).toEqual({ numerator: 6, denominator: 9 });

    // A number of the 全市汇总 lists ours (with their ids, to open) and theirs (named by district).
    const list = await store.list({
      title: '交办',
      figure: 'handedOff',
      districts: ['江北区工商联', '河西区工商联'],
      own: store.own!.handedOff.refs,
    });
    expect(list.rows).toHaveLength(18);
    expect(list.rows.filter((r) => r.kind === 'assignment' && r.external).length).toBe(12);
    expect(list.rows[0]).toMatchObject({ district: '青溪区工商联', docNumber: doc(5) });

    const changed = new TextEncoder().encode(
      new TextDecoder().decode(hexi).replace('"meetings": 1,', '"meetings": 2,'),
    );
    const added = await store.importPackages([
      { name: '江北-重发.json', bytes: jiangbei },
      { name: '江北12月.json', bytes: await packageOf('江北区工商联', 12) },
      { name: '本区.json', bytes: await packageOf('青溪区工商联', 11) },
      { name: '改过.json', bytes: changed },
      { name: '坏.json', bytes: new Uint8Array([0x7b]) },
    ]);
    expect(added).toBe(0);
    expect(store.importErrors).toEqual([
      '“江北-重发.json”未导入：江北区工商联2026年11月的交换包重复导入',
      '“江北12月.json”未导入：江北区工商联的交换包是2026年12月，与江北区工商联的2026年11月不是同一统计期，不能合并',
      '“本区.json”是本区自己的交换包：本区的数字已直接从本机数据计入，无需导入',
      '“改过.json”的签名不符：内容在导出后被改动过，或文件不完整；请向报送单位索取原文件',
      '“坏.json”不是有效的 JSON 文件（可能已损坏或不是交换包）',
    ]);
    expect(store.imported).toHaveLength(2);

    await store.removeImported('江北区工商联');
    expect(store.imported.map((i) => i.pkg.district.name)).toEqual(['河西区工商联']);
    // Kept for the session: leaving the screen keeps them.
    store.close();
    await store.open();
    expect(store.imported).toHaveLength(1);
    expect(store.own?.period.label).toBe('2026年11月');
  });
});

describe('the statistics engine and periods', () => {
  it('answers nothing before the records are read, and closes', async () => {
    const engine = new StatsEngine();
    const ask = { period: monthPeriod(2026, 11), today: TODAY };
    await expect(engine.handle({ op: 'stats', ask })).rejects.toThrow('统计数据尚未读取');
    expect(await engine.handle({ op: 'load', dbName: db.name })).toEqual({ meetings: 4, assignments: 15 });
    const out = await engine.handle({ op: 'stats', ask });
    expect('current' in out && out.current.handedOff.value).toBe(6);
    // A question asked while the records are being read waits for them (the screen's first taps).
    const fresh = new StatsEngine();
    const reading = fresh.handle({ op: 'load', dbName: db.name });
    const early = fresh.handle({ op: 'stats', ask: { ...ask, period: monthPeriod(2026, 10) } });
    await reading;
    expect(await early).toMatchObject({
      current: { period: { label: '2026年10月' }, meetings: { value: 1 } },
    });
    fresh.close();
    engine.close();
    await expect(engine.handle({ op: 'list', refs: { kind: 'meeting', ids: [] } })).rejects.toThrow(
      '统计数据尚未读取',
    );
  });

  it('steps forward by month, quarter, year and custom runs; the month just ended', () => {
    expect(nextPeriod(monthPeriod(2026, 12)).label).toBe('2027年1月');
    expect(nextPeriod(quarterPeriod(2026, 4)).label).toBe('2027年第一季度');
    expect(nextPeriod(customPeriod('2026-11-01', '2026-11-10')).label).toBe('2026年11月11日至11月20日');
    expect(lastMonth('2026-01-15').label).toBe('2025年12月');
    expect(lastMonth(TODAY).label).toBe('2026年10月');
  });
});
