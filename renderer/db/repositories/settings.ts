// Settings are one key/value table; these are the named keys and their defaults.
import type { DeskDb } from '../desk-db';
import type { DeadlineRules, Organization } from '../../../shared/domain/types';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { mergeHolidayTables, SHIPPED_HOLIDAYS, type HolidayTable } from '../../../shared/domain/holidays';
import { DEFAULT_CATEGORIES } from '../../../shared/domain/settings-rules';
import { InUseError } from './organization';
import { higherLedger } from '../../../shared/backup/rotation';
import { lastIssued, type DocNumberLedger } from '../../../shared/domain/doc-number';
import type { EpochMs, Id } from '../../../shared/domain/types';
import type { JsonWebKey } from '../../../shared/exchange/monthly-package';
import { AuditLog } from './audit';

/** The settings key of the 文号 ledger (written when signing: ./sign-offs.ts). */
const LEDGER_KEY = 'docNumberLedger';

// 以月答卷 (issue 18): the 典型案例 marked on the board, the 下一步工作 typed per period, the report series' own 文号
// ledger with the numbers issued per period, and the district's key for signing the exchange package.
const TYPICAL_CASES_KEY = 'typicalCases';
const REPORT_LEDGER_KEY = 'reportNumberLedger';
const REPORTS_ISSUED_KEY = 'monthlyReportsIssued';
const EXCHANGE_KEY = 'exchangeSigningKey';
const reportDraftKey = (periodKey: string) => `monthlyReportDraft:${periodKey}`;

/** An item marked as 典型案例: when, by whom, and its 文号 then. */
export interface TypicalCaseMark {
  at: EpochMs;
  by: string;
  docNumber: string;
}

/** What the secretary typed for a period's report. */
export interface ReportDraft {
  nextSteps: string;
  savedAt: EpochMs;
}

/** A report written and verified: its number, when, and the files with their SHA-256. */
export interface IssuedReport {
  docNumber: string;
  at: EpochMs;
  /** The number was the period's earlier one, taken again (a corrected report replacing it). */
  reused: boolean;
  location: string;
  files: Array<{ fileName: string; sha256: string }>;
}

/** The report series' numbers: the ledger (last number per year) and what each period was issued. */
export interface ReportNumbers {
  ledger: DocNumberLedger;
  issued: Record<string, IssuedReport[]>;
}

/** The district's signing key, made once: the private JWK (it holds the public part too). */
export interface StoredExchangeKey {
  privateJwk: JsonWebKey;
  createdAt: EpochMs;
}

/** Thrown when a report's number was taken meanwhile (another window wrote a report of the series). */
export class ReportNumberTakenError extends Error {
  constructor(docNumber: string) {
    super(`文号“${docNumber}”已被另一窗口导出的以月答卷占用，请重新导出（将使用新的文号）`);
    this.name = 'ReportNumberTakenError';
  }
}

/** How the first start was answered: not yet, with the demo, or blank. */
export type Onboarding = 'pending' | 'demo' | 'blank';

/** An organisation with nothing filled in. */
export const EMPTY_ORGANIZATION: Organization = {
  name: '',
  shortName: '',
  docNumberPrefix: '',
  contactPerson: '',
  contactPhone: '',
};

/** Thrown when a category change meets a list that another window changed meanwhile. */
export class CategoryConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CategoryConflictError';
  }
}

/** Typed access to the settings table. */
export class SettingsRepository {
  constructor(private readonly db: DeskDb) {}

  private async read<T>(key: string, fallback: T): Promise<T> {
    const row = await this.db.settings.get(key);
    return row === undefined ? fallback : (row.value as T);
  }

  private async write<T>(key: string, value: T): Promise<void> {
    await this.db.settings.put({ key, value });
  }

  /** The federation's details. */
  organization(): Promise<Organization> {
    return this.read('organization', { ...EMPTY_ORGANIZATION });
  }

  /** Save the federation's details. */
  saveOrganization(organization: Organization): Promise<void> {
    return this.write('organization', organization);
  }

  /** Concern categories in their set order; the default list until the user has one of their own. */
  async categories(): Promise<string[]> {
    const stored = await this.read<string[]>('categories', []);
    return stored.length ? [...stored] : [...DEFAULT_CATEGORIES];
  }

  /** Replace the list of categories (add, reorder, restore the defaults). */
  saveCategories(categories: readonly string[]): Promise<void> {
    return this.write('categories', [...categories]);
  }

  /** How many concerns use each of the given categories. */
  async categoryUsage(categories: readonly string[]): Promise<Map<string, number>> {
    const db = this.db;
    return db.transaction('r', db.concerns, async () => {
      const counts = await Promise.all(
        categories.map((c) => db.concerns.where('category').equals(c).count()),
      );
      return new Map(categories.map((c, i) => [c, counts[i] ?? 0]));
    });
  }

  /**
   * Rename a category in the list and in every concern filed under it, in one transaction; returns how many
   * concerns changed. The caller has checked the new name against the list it showed.
   */
  async renameCategory(from: string, to: string): Promise<number> {
    const db = this.db;
    return db.transaction('rw', db.settings, db.concerns, async () => {
      const list = await this.categories();
      const at = list.indexOf(from);
      if (at < 0) throw new CategoryConflictError(`类别“${from}”已不在列表中，请刷新后重试`);
      if (list.includes(to)) throw new CategoryConflictError(`已有“${to}”类别`);
      list[at] = to;
      const changed = await db.concerns
        .where('category')
        .equals(from)
        .modify((concern) => {
          concern.category = to;
          concern.updatedAt = Date.now();
        });
      await this.write('categories', list);
      return changed;
    });
  }

  /** Remove a category from the list unless concerns are filed under it (then an InUseError says how many). */
  async deleteCategory(name: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.settings, db.concerns, async () => {
      const used = await db.concerns.where('category').equals(name).count();
      if (used > 0) {
        throw new InUseError(
          `“${name}”类别已有${used}条诉求使用，不能删除；可以改名，或先把这些诉求改为其他类别`,
        );
      }
      const list = await this.categories();
      await this.write(
        'categories',
        list.filter((c) => c !== name),
      );
    });
  }

  /**
   * Put the default categories back, in their order, followed by any other category that concerns still
   * use (those cannot disappear from the list); returns the kept ones.
   */
  async restoreDefaultCategories(): Promise<string[]> {
    const db = this.db;
    return db.transaction('rw', db.settings, db.concerns, async () => {
      const list = await this.categories();
      const others = list.filter((c) => !DEFAULT_CATEGORIES.includes(c));
      const kept: string[] = [];
      for (const c of others) {
        if ((await db.concerns.where('category').equals(c).count()) > 0) kept.push(c);
      }
      await this.write('categories', [...DEFAULT_CATEGORIES, ...kept]);
      return kept;
    });
  }

  /** Deadline rules. */
  async deadlineRules(): Promise<DeadlineRules> {
    const stored = await this.read<Partial<DeadlineRules>>('deadlineRules', {});
    return { ...DEFAULT_DEADLINE_RULES, ...stored };
  }

  /** Save the deadline rules (already validated). */
  saveDeadlineRules(rules: DeadlineRules): Promise<void> {
    return this.write('deadlineRules', { ...rules });
  }

  /** The shipped holiday table with the user's imported years on top. */
  async holidayTable(): Promise<HolidayTable> {
    const imported = await this.importedHolidayTable();
    return imported ? mergeHolidayTables(SHIPPED_HOLIDAYS, imported) : SHIPPED_HOLIDAYS;
  }

  /** The years the user imported, alone; undefined when none. */
  async importedHolidayTable(): Promise<HolidayTable | undefined> {
    const imported = await this.read<HolidayTable | undefined>('holidayTable', undefined);
    return imported && Object.keys(imported.years).length ? imported : undefined;
  }

  /**
   * Add a checked table to the earlier imports (a year in both takes the new entry), in one transaction;
   * returns the years the database covered before, shipped or imported.
   */
  async importHolidayTable(update: HolidayTable): Promise<string[]> {
    const db = this.db;
    return db.transaction('rw', db.settings, async () => {
      const earlier = await this.importedHolidayTable();
      const before = Object.keys(
        (earlier ? mergeHolidayTables(SHIPPED_HOLIDAYS, earlier) : SHIPPED_HOLIDAYS).years,
      );
      await this.write('holidayTable', earlier ? mergeHolidayTables(earlier, update) : update);
      return before;
    });
  }

  /** Forget an imported year; a shipped entry for that year, if any, applies again. */
  async removeImportedHolidayYear(year: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.settings, async () => {
      const earlier = await this.importedHolidayTable();
      if (!earlier?.years[year]) return;
      const years = { ...earlier.years };
      delete years[year];
      await this.write('holidayTable', { version: earlier.version, years });
    });
  }

  /** Speaking time per speaker in minutes (会中计时), 8 unless set. */
  speakerMinutes(): Promise<number> {
    return this.read('speakerMinutes', 8);
  }

  /** Save the speaking time per speaker. */
  saveSpeakerMinutes(minutes: number): Promise<void> {
    return this.write('speakerMinutes', minutes);
  }

  /** How the first start was answered. */
  onboarding(): Promise<Onboarding> {
    return this.read<Onboarding>('onboarding', 'pending');
  }

  /** Record how the first start was answered. */
  saveOnboarding(value: Onboarding): Promise<void> {
    return this.write('onboarding', value);
  }

  /** The 文号 ledger: the last number issued per year. */
  docNumberLedger(): Promise<DocNumberLedger> {
    return this.read<DocNumberLedger>(LEDGER_KEY, {});
  }

  /**
   * Raise the 文号 ledger to the high-water mark kept outside the database (after a restore of an older backup, or a
   * database lost and begun again), in one transaction with the read; never lowers it. Returns the ledger in force.
   */
  async raiseDocNumberLedger(highWater: Readonly<DocNumberLedger>): Promise<DocNumberLedger> {
    const db = this.db;
    return db.transaction('rw', db.settings, async () => {
      const current = ((await db.settings.get(LEDGER_KEY))?.value ?? {}) as DocNumberLedger;
      const raised = higherLedger(current, highWater);
      if (JSON.stringify(raised) !== JSON.stringify(current))
        await db.settings.put({ key: LEDGER_KEY, value: raised });
      return raised;
    });
  }

  // ── 以月答卷 ──

  /** The items marked as 典型案例, by assignment id. */
  typicalCases(): Promise<Record<Id, TypicalCaseMark>> {
    return this.read<Record<Id, TypicalCaseMark>>(TYPICAL_CASES_KEY, {});
  }

  /**
   * Mark an item as 典型案例 or take the mark off, with an audit record, in one transaction; returns the marks as
   * they stand. Marking a marked item (or unmarking an unmarked one) changes nothing and records nothing.
   */
  async setTypicalCase(
    assignmentId: Id,
    marked: boolean,
    mark: TypicalCaseMark,
  ): Promise<Record<Id, TypicalCaseMark>> {
    const db = this.db;
    const current = await this.typicalCases();
    if (Object.hasOwn(current, assignmentId) === marked) return current;
    const name = mark.docNumber || '未编号事项';
    return new AuditLog(db).withRecord(
      [db.settings],
      () => ({
        at: mark.at,
        action: marked ? 'typical_case:mark' : 'typical_case:unmark',
        entity: 'assignment',
        entityId: assignmentId,
        detail: `${mark.by}${marked ? '将' : '取消'}${name}${marked ? '标记为' : '的'}典型案例${marked ? '' : '标记'}`,
      }),
      async () => {
        const marks = { ...(await this.typicalCases()) };
        if (marked) marks[assignmentId] = mark;
        else delete marks[assignmentId];
        await this.write(TYPICAL_CASES_KEY, marks);
        return marks;
      },
    );
  }

  /** The 下一步工作 typed for a period's report (`periodKey`: 2026-11-01~2026-11-30). */
  reportDraft(periodKey: string): Promise<ReportDraft | undefined> {
    return this.read<ReportDraft | undefined>(reportDraftKey(periodKey), undefined);
  }

  /** Keep what was typed for a period's report. */
  saveReportDraft(periodKey: string, draft: ReportDraft): Promise<void> {
    return this.write(reportDraftKey(periodKey), { ...draft });
  }

  /** The report series' ledger and the numbers issued per period. */
  async reportNumbers(): Promise<ReportNumbers> {
    const [ledger, issued] = await Promise.all([
      this.read<DocNumberLedger>(REPORT_LEDGER_KEY, {}),
      this.read<Record<string, IssuedReport[]>>(REPORTS_ISSUED_KEY, {}),
    ]);
    return { ledger, issued };
  }

  /**
   * Record a report written and verified, with an audit record, in one transaction: a new number moves the series'
   * ledger on to it — refused with a ReportNumberTakenError when the ledger moved meanwhile (`seq` is no longer the
   * next) — and a reused one (`seq` undefined) must be one the period was issued before.
   */
  async recordReport(request: {
    periodKey: string;
    periodLabel: string;
    year: number;
    /** The number's place in the year's series when it is a new one; undefined when the period's earlier one is reused. */
    seq: number | undefined;
    report: IssuedReport;
  }): Promise<void> {
    const db = this.db;
    const { report } = request;
    await new AuditLog(db).withRecord(
      [db.settings],
      () => ({
        at: report.at,
        action: 'monthly_report:issue',
        entity: 'monthlyReport',
        entityId: request.periodKey,
        detail:
          `以月答卷（${request.periodLabel}）${report.docNumber}${report.reused ? '（沿用原文号）' : ''}已写入并校验：` +
          report.files.map((f) => `${f.fileName} SHA-256 ${f.sha256}`).join('；'),
      }),
      async () => {
        const { ledger, issued } = await this.reportNumbers();
        const earlier = issued[request.periodKey] ?? [];
        if (request.seq === undefined) {
          if (!earlier.some((r) => r.docNumber === report.docNumber))
            throw new RangeError(`${request.periodLabel}没有发过文号“${report.docNumber}”，不能沿用`);
        } else {
          if (lastIssued(ledger, request.year) !== request.seq - 1)
            throw new ReportNumberTakenError(report.docNumber);
          await this.write(REPORT_LEDGER_KEY, { ...ledger, [String(request.year)]: request.seq });
        }
        await this.write(REPORTS_ISSUED_KEY, { ...issued, [request.periodKey]: [...earlier, report] });
      },
    );
  }

  /**
   * The district's key for signing the exchange package: the stored one, or one made now by `make` and kept (once:
   * should two windows make one at the same moment, the first kept is the key).
   */
  async exchangeKey(make: () => Promise<JsonWebKey>): Promise<StoredExchangeKey> {
    const stored = await this.read<StoredExchangeKey | undefined>(EXCHANGE_KEY, undefined);
    if (stored) return stored;
    const made: StoredExchangeKey = { privateJwk: await make(), createdAt: Date.now() };
    const db = this.db;
    return db.transaction('rw', db.settings, async () => {
      const now = await this.read<StoredExchangeKey | undefined>(EXCHANGE_KEY, undefined);
      if (now) return now;
      await this.write(EXCHANGE_KEY, made);
      return made;
    });
  }

  /** Whether the database holds anything a user made (meetings, enterprises, or a first start answered). */
  async holdsData(): Promise<boolean> {
    const db = this.db;
    const [meetings, enterprises, onboarding] = await Promise.all([
      db.meetings.count(),
      db.enterprises.count(),
      db.settings.get('onboarding'),
    ]);
    return meetings > 0 || enterprises > 0 || onboarding !== undefined;
  }
}
