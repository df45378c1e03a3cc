// 统计分析: the period shown (month, quarter, year or any run of days), the kind and level of meetings counted, the
// figures with the period before for comparison, the records behind a number, and the other districts' exchange
// packages imported for the 全市汇总. The records are read, indexed and counted in the statistics worker
// (renderer/stats): this store only asks and keeps the answers, newest question winning, so the screen never waits on
// ten years of records. Today is China's date from the clock, taken each time the screen opens.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, toRaw } from 'vue';
import { getDeskDb } from '../db';
import { describeError } from '../db/db-errors';
import type { DrillList, DrillRow } from '../db/repositories/statistics';
import { StatsClient } from '../stats/stats-client';
import type { StatsAsk } from '../stats/stats-engine';
import { useSettingsStore } from './settings';
import {
  customPeriod,
  monthPeriod,
  periodOf,
  previousPeriod,
  type Period,
  type PeriodKind,
} from '../../shared/domain/periods';
import type { Refs, Statistics } from '../../shared/domain/statistics';
import {
  addCalendarDays,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
  toIsoDate,
} from '../../shared/domain/workdays';
import type { IsoDate, MeetingKind, MeetingLevel } from '../../shared/domain/types';
import {
  keyFingerprint,
  mergePackages,
  readExchangePackage,
  type ExchangePackage,
  type ItemFigure,
} from '../../shared/exchange/monthly-package';

/** Another district's package as imported: the file it came in and its key's fingerprint. */
export interface ImportedPackage {
  fileName: string;
  pkg: ExchangePackage;
  fingerprint: string;
}

/** What a number's list is asked for: this district's records, or the items of districts' packages (with ours). */
export type DrillAsk =
  | { title: string; refs: Refs }
  | { title: string; figure: ItemFigure; districts: readonly string[]; own?: Refs };

/** The period after `p`, of the same kind (a custom one: as many days, from the day after). */
export function nextPeriod(p: Period): Period {
  if (p.kind !== 'custom') return periodOf(p.kind, addCalendarDays(p.to, 1));
  const days = toDayNumber(p.to) - toDayNumber(p.from);
  const start = toDayNumber(p.to) + 1;
  return customPeriod(fromDayNumber(start), fromDayNumber(start + days));
}

/** The month before the one holding `day`: the month the 以月答卷 answers for. */
export function lastMonth(day: IsoDate): Period {
  const { year, month } = parseIsoDate(day);
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
}

const packageRow = (district: string, item: ExchangePackage['items'][number]): DrillRow => ({
  kind: 'assignment',
  id: `${district}:${item.docNumber}`,
  docNumber: item.docNumber,
  enterprise: item.enterprise,
  demand: item.demand,
  leadDept: item.leadDept,
  state: item.state,
  times: 1,
  district,
  external: true,
});

export const useStatisticsStore = defineStore('statistics', () => {
  const settings = useSettingsStore();
  let client: StatsClient | undefined;
  const today = ref<IsoDate>(toIsoDate(Date.now()));
  const period = ref<Period>(periodOf('month', today.value));
  const kind = ref<MeetingKind | undefined>(undefined);
  const level = ref<MeetingLevel | undefined>(undefined);
  const stats = shallowRef<Statistics | undefined>(undefined);
  const previous = shallowRef<Statistics | undefined>(undefined);
  /** The records are being read (the first time, or again). */
  const reading = ref(false);
  /** A question is out: the figures shown may be the last period's. */
  const counting = ref(false);
  const error = ref('');

  const imported = shallowRef<ImportedPackage[]>([]);
  /** Why files were refused, each naming its file. */
  const importErrors = ref<string[]>([]);
  /** This district's figures for the imported packages' period (all kinds and levels, as a package counts). */
  const own = shallowRef<Statistics | undefined>(undefined);
  const importedPeriod = computed(() => imported.value[0]?.pkg.period);

  let asked = 0;
  let ownAsked = 0;

  const engine = () => (client ??= new StatsClient());

  /** Open the screen: today's date, the records read afresh (data may have changed since), the figures counted. */
  async function open(): Promise<void> {
    today.value = toIsoDate(Date.now());
    if (!settings.loaded) void settings.load();
    reading.value = true;
    error.value = '';
    try {
      await engine().ask({ op: 'load', dbName: getDeskDb().name });
    } catch (e) {
      error.value = describeError(e, { what: '统计数据没有读取成功', retry: '刷新页面后重试' });
      reading.value = false;
      return;
    }
    reading.value = false;
    await Promise.all([count(), countOwn()]);
  }

  /** Leave the screen: the worker ends and its memory is freed (the imported packages stay for the session). */
  function close(): void {
    client?.close();
    client = undefined;
    asked += 1;
    ownAsked += 1;
    counting.value = false;
  }

  function ask(p: Period): StatsAsk {
    return {
      period: { ...p },
      today: today.value,
      ...(kind.value !== undefined ? { kind: kind.value } : {}),
      ...(level.value !== undefined ? { level: level.value } : {}),
    };
  }

  /** Count the period shown; an answer to an older question is dropped. */
  async function count(): Promise<void> {
    const mine = ++asked;
    counting.value = true;
    try {
      const out = await engine().ask({ op: 'stats', ask: ask(period.value) });
      if (mine !== asked) return;
      stats.value = out.current;
      previous.value = out.previous;
      error.value = '';
    } catch (e) {
      if (mine === asked) error.value = describeError(e, { what: '统计没有完成' });
    } finally {
      if (mine === asked) counting.value = false;
    }
  }

  /** Count this district for the imported packages' period. */
  async function countOwn(): Promise<void> {
    const p = importedPeriod.value;
    const mine = ++ownAsked;
    if (!p) {
      own.value = undefined;
      return;
    }
    try {
      const out = await engine().ask({
        op: 'stats',
        ask: { period: { ...p }, today: today.value },
      });
      if (mine === ownAsked) own.value = out.current;
    } catch (e) {
      if (mine === ownAsked) error.value = describeError(e, { what: '本区的汇总数没有算出' });
    }
  }

  function show(p: Period): Promise<void> {
    period.value = p;
    return count();
  }

  /** Switch between month, quarter, year and custom, keeping the days shown in view. */
  function setPeriodKind(next: PeriodKind): Promise<void> {
    if (next === period.value.kind) return Promise.resolve();
    if (next === 'custom') return show(customPeriod(period.value.from, period.value.to));
    const anchor = period.value.to < today.value ? period.value.to : today.value;
    return show(periodOf(next, period.value.kind === 'custom' ? anchor : period.value.from));
  }

  const step = (direction: -1 | 1) =>
    show(direction < 0 ? previousPeriod(period.value) : nextPeriod(period.value));
  /** The next period would begin after today: nothing to count there yet. */
  const atPresent = computed(() => nextPeriod(period.value).from > today.value);

  /** A custom run of days; a date that is not one is said in Chinese. */
  function setCustom(from: IsoDate, to: IsoDate): Promise<void> | string {
    try {
      return show(customPeriod(from, to));
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  function setKind(k: MeetingKind | undefined): Promise<void> {
    kind.value = k;
    return count();
  }
  function setLevel(l: MeetingLevel | undefined): Promise<void> {
    level.value = l;
    return count();
  }

  /** Plain records for the worker (a Vue proxy cannot be posted). */
  const plain = (refs: Refs): Refs => ({ kind: refs.kind, ids: [...toRaw(toRaw(refs).ids)] });

  /** The list behind a number. */
  async function list(what: DrillAsk): Promise<DrillList> {
    if ('refs' in what) return engine().ask({ op: 'list', refs: plain(what.refs) });
    const rows: DrillRow[] = [];
    if (what.own) {
      const mine = await engine().ask({ op: 'list', refs: plain(what.own) });
      const name = settings.organization.shortName || settings.organization.name || '本区';
      rows.push(...mine.rows.map((r) => (r.kind === 'assignment' ? { ...r, district: name } : r)));
    }
    for (const { pkg } of imported.value) {
      if (!what.districts.includes(pkg.district.name)) continue;
      for (const item of pkg.items)
        if (item.in.includes(what.figure)) rows.push(packageRow(pkg.district.name, item));
    }
    return { kind: 'assignment', rows };
  }

  /** Names this district goes by, to refuse its own package (its figures are counted here already). */
  const ownNames = () =>
    [settings.organization.name, settings.organization.shortName].map((n) => n.trim()).filter(Boolean);

  /**
   * Read other districts' packages: each checked (format, version, signature), then merged with those already
   * imported — a second package of a district, another period, or this district's own is refused, naming the file.
   */
  async function importPackages(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<number> {
    if (!settings.loaded) await settings.load();
    const errors: string[] = [];
    const accepted = [...imported.value];
    for (const file of files) {
      try {
        const pkg = await readExchangePackage(file.name, file.bytes);
        if (ownNames().includes(pkg.district.name.trim())) {
          errors.push(`“${file.name}”是本区自己的交换包：本区的数字已直接从本机数据计入，无需导入`);
          continue;
        }
        const merged = mergePackages([...accepted.map((a) => a.pkg), pkg]);
        if (!merged.ok) {
          errors.push(`“${file.name}”未导入：${merged.error}`);
          continue;
        }
        accepted.push({ fileName: file.name, pkg, fingerprint: await keyFingerprint(pkg.publicKey) });
      } catch (e) {
        errors.push(e instanceof Error ? e.message : `“${file.name}”没有读取成功`);
      }
    }
    const added = accepted.length - imported.value.length;
    importErrors.value = errors;
    imported.value = accepted;
    if (added > 0) await countOwn();
    return added;
  }

  /** Put a district's package aside. */
  function removeImported(district: string): Promise<void> {
    imported.value = imported.value.filter((i) => i.pkg.district.name !== district);
    importErrors.value = [];
    return countOwn();
  }

  return {
    today,
    period,
    kind,
    level,
    stats,
    previous,
    reading,
    counting,
    error,
    imported,
    importErrors,
    own,
    importedPeriod,
    atPresent,
    open,
    close,
    show,
    setPeriodKind,
    step,
    setCustom,
    setKind,
    setLevel,
    list,
    importPackages,
    removeImported,
  };
});
