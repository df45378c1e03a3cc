// Settings are one key/value table; these are the named keys and their defaults.
import type { DeskDb } from '../desk-db';
import type { DeadlineRules, Organization } from '../../../shared/domain/types';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { mergeHolidayTables, SHIPPED_HOLIDAYS, type HolidayTable } from '../../../shared/domain/holidays';

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

  /** Concern categories. */
  categories(): Promise<string[]> {
    return this.read<string[]>('categories', []);
  }

  /** Deadline rules. */
  deadlineRules(): Promise<DeadlineRules> {
    return this.read('deadlineRules', { ...DEFAULT_DEADLINE_RULES });
  }

  /** The shipped holiday table with the user's imported years on top. */
  async holidayTable(): Promise<HolidayTable> {
    const imported = await this.read<HolidayTable | undefined>('holidayTable', undefined);
    return imported ? mergeHolidayTables(SHIPPED_HOLIDAYS, imported) : SHIPPED_HOLIDAYS;
  }

  /** How the first start was answered. */
  onboarding(): Promise<Onboarding> {
    return this.read<Onboarding>('onboarding', 'pending');
  }

  /** Record how the first start was answered. */
  saveOnboarding(value: Onboarding): Promise<void> {
    return this.write('onboarding', value);
  }
}
