// The 以月答卷's work off the main thread (./report.worker.ts; inline where there are no workers — unit tests): one
// session per export, in two steps with the charts drawn on the main thread between them.
//   prepare — read what the month's figures count (./report-reader.ts, in short reads), compute the figures,
//             and read the 台账 lines, 典型案例 and organisation the report and the exchange package name;
//   build   — the report's words, the .docx with the charts, and the exchange package signed with the district's
//             key (made on the first export and kept in the database).
// Only what the month can count is read, and it is indexed here, never on the main thread.
import { DeskDb } from '../db/desk-db';
import { LedgerRepository } from '../db/repositories/ledger';
import { OrganizationRepository } from '../db/repositories/organization';
import { SettingsRepository } from '../db/repositories/settings';
import { SignOffRepository } from '../db/repositories/sign-offs';
import { caseReasons } from './case-period';
import { readReportData } from './report-reader';
import {
  buildMonthlyReport,
  monthlyReportData,
  reportCharts,
  type ReportChart,
  type TypicalCaseSource,
} from '../../shared/docs/monthly-report';
import { MEETING_KIND_LABEL } from '../../shared/domain/labels';
import type { Period } from '../../shared/domain/periods';
import {
  computeStats,
  prepareStats,
  type PreparedStats,
  type Refs,
  type Statistics,
} from '../../shared/domain/statistics';
import type { ChartName } from '../../shared/domain/statistics-charts';
import type { EpochMs, Id, IsoDate, Organization } from '../../shared/domain/types';
import {
  buildExchangePackage,
  keyFingerprint,
  newSigningKey,
  signingKey,
  type PackageItem,
} from '../../shared/exchange/monthly-package';
import { byDocNumber, type LedgerItem } from '../../shared/ledger/ledger-item';

/** What the report is about. */
export interface PrepareRequest {
  dbName: string;
  period: Period;
  /** China's date today: the report's date, and the day items stand on. */
  today: IsoDate;
  /** The items marked as 典型案例 (any period: the session keeps those of this one). */
  caseIds: readonly Id[];
}

/** The period's figures, the charts to draw, and how long the reading took. */
export interface PrepareResult {
  stats: Statistics;
  charts: Array<{ name: ChartName; widthMm: number; heightMm: number }>;
  /** The 典型案例 of the period that the report prints. */
  cases: number;
  ms: { read: number; compute: number };
}

/** What only the export knows: the number, the typed text, the charts drawn, when, and the app's version. */
export interface BuildRequest {
  docNumber: string;
  nextSteps: string;
  charts: ReportChart[];
  generatedAt: EpochMs;
  app: string;
}

/** The report and the exchange package as bytes, with the names the files take. */
export interface BuildResult {
  docx: Uint8Array;
  packageJson: Uint8Array;
  /** The district's short name (the package's file name). */
  district: string;
  /** The signing key's fingerprint, to tell the city. */
  fingerprint: string;
  ms: { docx: number; package: number };
}

/** One export's work: prepare, then build. */
export interface ReportSession {
  prepare(request: PrepareRequest): Promise<PrepareResult>;
  build(request: BuildRequest): Promise<BuildResult>;
  close(): void;
}

/** What `prepare` keeps for `build`. */
interface Prepared {
  db: DeskDb;
  period: Period;
  today: IsoDate;
  organization: Organization;
  prepared: PreparedStats;
  stats: Statistics;
  items: Map<Id, LedgerItem>;
  cases: TypicalCaseSource[];
}

const now = () => performance.now();
const text = (s: string, max: number) => ([...s].length > max ? [...s].slice(0, max).join('') : s);

/**
 * Every 交办件 a figure names (its records, above and below the line): the items the report and the exchange package
 * may speak of. A superset is harmless — the package keeps the items its figures count.
 */
function assignmentIds(stats: Statistics): Id[] {
  const ids = new Set<Id>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value !== null && typeof value === 'object') {
      const refs = value as Partial<Refs>;
      if (refs.kind === 'assignment' && Array.isArray(refs.ids)) for (const id of refs.ids) ids.add(id);
      else for (const v of Object.values(value)) visit(v);
    }
  };
  visit(stats);
  return [...ids];
}

/** The 典型案例 of the period: the enterprise's words and the instruction as signed, who signed. */
async function caseSources(db: DeskDb, ids: readonly Id[], p: Prepared['prepared'], period: Period) {
  const byId = new Map(p.data.assignments.map((a) => [a.id, a]));
  const steps = new Map<Id, typeof p.data.steps>();
  for (const s of p.data.steps)
    if (ids.includes(s.assignmentId)) steps.set(s.assignmentId, [...(steps.get(s.assignmentId) ?? []), s]);
  const inPeriod = ids.filter((id) => {
    const a = byId.get(id);
    return a !== undefined && caseReasons(a, steps.get(id) ?? [], period).length > 0;
  });
  const [signOffs, leaders, full] = await Promise.all([
    new SignOffRepository(db).currentFor(inPeriod),
    new OrganizationRepository(db).listLeaders(),
    db.assignments.bulkGet(inPeriod),
  ]);
  const concerns = await db.concerns.bulkGet(full.flatMap((a) => a?.concernIds ?? []));
  const verbatim = new Map(concerns.flatMap((c) => (c ? [[c.id, c.verbatim] as const] : [])));
  return full.flatMap((a): TypicalCaseSource[] => {
    if (!a) return [];
    const snap = signOffs.get(a.id)?.snapshot;
    if (snap)
      return [
        {
          assignmentId: a.id,
          words: snap.concerns.map((c) => c.verbatim),
          instruction: snap.instruction,
          signer: `${snap.signer.title}${snap.signer.name}`,
        },
      ];
    const leader = leaders.find((l) => l.id === a.leadLeaderId);
    return [
      {
        assignmentId: a.id,
        words: a.concernIds.map((id) => verbatim.get(id) ?? ''),
        instruction: a.instruction,
        signer: leader ? `${leader.title}${leader.name}` : '',
      },
    ];
  });
}

/** An item as the exchange package carries it (without the figures it counts in). */
function packageItem(item: LedgerItem, kind: string): Omit<PackageItem, 'in'> {
  return {
    docNumber: text(item.docNumber, 80),
    ...(item.meetingDate ? { meetingDate: item.meetingDate } : {}),
    meetingKind: text(kind, 20),
    enterprise: text(item.enterpriseName, 200),
    demand: text(item.demand, 2000),
    category: text(item.categories, 80),
    leadDept: text(item.leadDept, 80),
    ...(item.handedOffOn ? { handedOffOn: item.handedOffOn } : {}),
    ...(item.replyDueAt ? { replyDueAt: item.replyDueAt } : {}),
    state: text(item.stateText, 40),
    ...(item.repliedOn ? { repliedOn: item.repliedOn } : {}),
    satisfaction: item.satisfactionText,
    round: item.round,
    escalatedTo: text(item.escalatedTo, 200),
  };
}

/** A session that does the work where it is called (in the worker, or inline in tests). */
export function reportSession(): ReportSession {
  let state: Prepared | undefined;

  async function prepare(request: PrepareRequest): Promise<PrepareResult> {
    state?.db.close();
    const db = new DeskDb(request.dbName);
    const t0 = now();
    const settings = new SettingsRepository(db);
    const [data, table, organization] = await Promise.all([
      readReportData(db, request.period),
      settings.holidayTable(),
      settings.organization(),
    ]);
    const t1 = now();
    const prepared = prepareStats(data);
    const stats = computeStats(prepared, { period: request.period, today: request.today, table });
    const t2 = now();
    const cases = await caseSources(db, request.caseIds, prepared, request.period);
    const ids = [...new Set([...assignmentIds(stats), ...cases.map((c) => c.assignmentId)])];
    const lines = await new LedgerRepository(db).items({ ids }, request.today);
    const items = new Map(lines.map((i) => [i.assignmentId, i]));
    const order = (id: Id) => items.get(id) ?? { docNumber: '' };
    cases.sort((x, y) => byDocNumber(order(x.assignmentId), order(y.assignmentId)));
    state = { db, period: request.period, today: request.today, organization, prepared, stats, items, cases };
    return {
      stats,
      charts: reportCharts(stats),
      cases: cases.filter((c) => items.has(c.assignmentId)).length,
      ms: { read: Math.round(t1 - t0), compute: Math.round(t2 - t1) },
    };
  }

  async function build(request: BuildRequest): Promise<BuildResult> {
    const s = state;
    if (!s) throw new Error('以月答卷尚未准备好，请重试');
    const t0 = now();
    const district = s.organization.shortName || s.organization.name || '工商联';
    const data = monthlyReportData({
      organization: { name: s.organization.name, shortName: s.organization.shortName },
      docNumber: request.docNumber,
      date: s.today,
      stats: s.stats,
      prepared: s.prepared,
      items: s.items,
      cases: s.cases,
      nextSteps: request.nextSteps,
    });
    const docx = await buildMonthlyReport(data, request.charts);
    const t1 = now();
    const stored = await new SettingsRepository(s.db).exchangeKey(
      async () => (await newSigningKey()).privateJwk,
    );
    const key = await signingKey(stored.privateJwk);
    const kindOf = new Map(s.prepared.data.meetings.map((m) => [m.id, MEETING_KIND_LABEL[m.kind]]));
    const json = await buildExchangePackage({
      district: { name: s.organization.name || district, shortName: district },
      stats: s.stats,
      items: new Map(
        [...s.items].map(([id, item]) => [id, packageItem(item, kindOf.get(item.meetingId) ?? '')]),
      ),
      generatedAt: request.generatedAt,
      app: request.app,
      key,
    });
    const t2 = now();
    return {
      docx,
      packageJson: new TextEncoder().encode(json),
      district,
      fingerprint: await keyFingerprint(key.publicJwk),
      ms: { docx: Math.round(t1 - t0), package: Math.round(t2 - t1) },
    };
  }

  return {
    prepare,
    build,
    close() {
      state?.db.close();
      state = undefined;
    },
  };
}
