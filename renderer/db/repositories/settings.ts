// Settings are one key/value table; these are the named keys and their defaults.
import type { DeskDb } from '../desk-db';
import type { DeadlineRules, Organization } from '../../../shared/domain/types';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { mergeHolidayTables, SHIPPED_HOLIDAYS, type HolidayTable } from '../../../shared/domain/holidays';
import { DEFAULT_CATEGORIES } from '../../../shared/domain/settings-rules';
import { InUseError } from './organization';
import { higherLedger } from '../../../shared/backup/rotation';
import type { DocNumberLedger } from '../../../shared/domain/doc-number';

/** The settings key of the 文号 ledger (written when signing: ./sign-offs.ts). */
const LEDGER_KEY = 'docNumberLedger';

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
