// 设置: the organisation, its leaders and departments, categories, deadline rules and the holiday table.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { toHalfWidth } from '../../shared/domain/half-width';
import { EMPTY_ORGANIZATION } from '../db/repositories/settings';
import type { DeadlineRules, Department, Id, Leader, Organization } from '../../shared/domain/types';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadlines';
import {
  parseHolidayJson,
  validateCategoryName,
  validateDeadlineRules,
  validateDepartment,
  validateLeader,
  validateOrganization,
  type DeadlineRulesInput,
  type FieldErrors,
  type HolidayImportResult,
  type HolidayYearRow,
  type PastedDepartment,
  type PastedLeader,
} from '../../shared/domain/settings-rules';

export * from '../../shared/domain/settings-rules';
import {
  coveredYears,
  holidayYearFromForm,
  parseHolidayTable,
  SHIPPED_HOLIDAYS,
  type HolidayTable,
  type HolidayYear,
  type HolidayYearForm,
} from '../../shared/domain/holidays';
import { toIsoDate } from '../../shared/domain/workdays';
import { toStorable } from '../lib/storable';

const moveTo = (ids: readonly Id[]) => new Map(ids.map((id, i) => [id, i + 1]));

/** Settings of the federation. */
export const useSettingsStore = defineStore('settings', () => {
  const organization = ref<Organization>({ ...EMPTY_ORGANIZATION });
  const leaders = shallowRef<Leader[]>([]);
  const departments = shallowRef<Department[]>([]);
  const categories = shallowRef<string[]>([]);
  /** Concerns filed under each category; filled by `loadCategoryUsage`. */
  const categoryUsage = shallowRef<Map<string, number>>(new Map());
  const deadlineRules = ref<DeadlineRules>({ ...DEFAULT_DEADLINE_RULES });
  const speakerMinutes = ref(8);
  const holidayTable = shallowRef<HolidayTable>(SHIPPED_HOLIDAYS);
  const importedHolidays = shallowRef<HolidayTable | undefined>(undefined);
  const loaded = ref(false);

  const leaderById = computed(() => new Map(leaders.value.map((l) => [l.id, l])));
  const departmentById = computed(() => new Map(departments.value.map((d) => [d.id, d])));

  const holidayYears = computed<HolidayYearRow[]>(() =>
    coveredYears(holidayTable.value).map((y) => {
      const year = String(y);
      const entry = holidayTable.value.years[year]!;
      const imported = importedHolidays.value?.years[year] !== undefined;
      return {
        year,
        source: entry.source,
        holidays: entry.holidays.length,
        workdays: entry.workdays.length,
        origin: imported ? 'imported' : 'shipped',
        replacesShipped: imported && SHIPPED_HOLIDAYS.years[year] !== undefined,
      };
    }),
  );

  async function load(): Promise<void> {
    const repo = repositories();
    const [org, ls, ds, cats, rules, holidays, imported, minutes] = await Promise.all([
      repo.settings.organization(),
      repo.organization.listLeaders(),
      repo.organization.listDepartments(),
      repo.settings.categories(),
      repo.settings.deadlineRules(),
      repo.settings.holidayTable(),
      repo.settings.importedHolidayTable(),
      repo.settings.speakerMinutes(),
    ]);
    organization.value = org;
    leaders.value = ls;
    departments.value = ds;
    categories.value = cats;
    deadlineRules.value = rules;
    holidayTable.value = holidays;
    importedHolidays.value = imported;
    speakerMinutes.value = minutes;
    loaded.value = true;
  }

  async function saveOrganization(input: Organization) {
    const checked = validateOrganization(input);
    if (!checked.ok) return checked;
    await repositories().settings.saveOrganization(checked.value);
    organization.value = checked.value;
    return checked;
  }

  // ── Leaders ────────────────────────────────────────────────────────────────────────────────

  /** Add or update a leader; returns errors by field when the input is not acceptable. */
  async function saveLeader(
    input: Pick<Leader, 'name' | 'title'> & { id?: Id },
  ): Promise<FieldErrors<Leader>> {
    const errors = validateLeader(input, leaders.value, input.id);
    if (Object.keys(errors).length) return errors;
    const existing = input.id ? leaderById.value.get(input.id) : undefined;
    const leader: Leader = {
      id: existing?.id ?? crypto.randomUUID(),
      name: input.name.trim(),
      title: input.title.trim(),
      order: existing?.order ?? Math.max(0, ...leaders.value.map((l) => l.order)) + 1,
    };
    await repositories().organization.saveLeader(leader);
    leaders.value = await repositories().organization.listLeaders();
    return {};
  }

  /** Add the new rows of a pasted list of leaders in one transaction; returns how many were added. */
  async function addPastedLeaders(rows: readonly PastedLeader[]): Promise<number> {
    await repositories().organization.addLeaders(
      rows.map((r) => ({ id: crypto.randomUUID(), name: r.name.trim(), title: r.title.trim() })),
    );
    leaders.value = await repositories().organization.listLeaders();
    return rows.length;
  }

  async function deleteLeader(id: Id): Promise<void> {
    await repositories().organization.deleteLeader(id);
    leaders.value = await repositories().organization.listLeaders();
  }

  /** Put the leaders in the order of `ids` and store every row's order in one transaction. */
  async function reorderLeaders(ids: readonly Id[]): Promise<void> {
    const rank = moveTo(ids);
    // Show the new order at once; the database answer below replaces it (or restores it on failure).
    leaders.value = [...leaders.value].sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
    try {
      await repositories().organization.reorderLeaders([...ids]);
    } finally {
      leaders.value = await repositories().organization.listLeaders();
    }
  }

  // ── Departments ────────────────────────────────────────────────────────────────────────────

  /** Add or update a department; returns errors by field when the input is not acceptable. */
  async function saveDepartment(
    input: Pick<Department, 'name' | 'shortName' | 'aliases'> & { id?: Id; leaderId?: Id | undefined },
  ): Promise<FieldErrors<Department>> {
    const errors = validateDepartment(input, departments.value, input.id);
    if (Object.keys(errors).length) return errors;
    const existing = input.id ? departmentById.value.get(input.id) : undefined;
    const name = input.name.trim();
    const shortName = input.shortName.trim() || name;
    const department: Department = {
      id: existing?.id ?? crypto.randomUUID(),
      name,
      shortName,
      aliases: toStorable([...new Set(input.aliases.map((a) => a.trim()).filter(Boolean))]),
      order: existing?.order ?? Math.max(0, ...departments.value.map((d) => d.order)) + 1,
      ...(input.leaderId && leaderById.value.has(input.leaderId) ? { leaderId: input.leaderId } : {}),
    };
    await repositories().organization.saveDepartment(department);
    departments.value = await repositories().organization.listDepartments();
    return {};
  }

  /** Add the new rows of a pasted list of departments in one transaction; returns how many were added. */
  async function addPastedDepartments(rows: readonly PastedDepartment[]): Promise<number> {
    await repositories().organization.addDepartments(
      rows.map((r) => ({
        id: crypto.randomUUID(),
        name: r.name.trim(),
        shortName: r.shortName.trim() || r.name.trim(),
        aliases: [...r.aliases],
        ...(r.leaderId && leaderById.value.has(r.leaderId) ? { leaderId: r.leaderId } : {}),
      })),
    );
    departments.value = await repositories().organization.listDepartments();
    return rows.length;
  }

  async function deleteDepartment(id: Id): Promise<void> {
    await repositories().organization.deleteDepartment(id);
    departments.value = await repositories().organization.listDepartments();
  }

  /** Put the departments in the order of `ids` and store every row's order in one transaction. */
  async function reorderDepartments(ids: readonly Id[]): Promise<void> {
    const rank = moveTo(ids);
    departments.value = [...departments.value].sort(
      (a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9),
    );
    try {
      await repositories().organization.reorderDepartments([...ids]);
    } finally {
      departments.value = await repositories().organization.listDepartments();
    }
  }

  // ── Categories ─────────────────────────────────────────────────────────────────────────────

  async function refreshCategories(): Promise<void> {
    categories.value = await repositories().settings.categories();
    await loadCategoryUsage();
  }

  /** Count the concerns filed under each category (shown beside it, and the reason a delete is refused). */
  async function loadCategoryUsage(): Promise<void> {
    categoryUsage.value = await repositories().settings.categoryUsage(categories.value);
  }

  /** Add a category at the end; returns a Chinese message when the name is not acceptable. */
  async function addCategory(input: string): Promise<string | undefined> {
    const checked = validateCategoryName(input, categories.value);
    if (!checked.ok) return checked.error;
    await repositories().settings.saveCategories([...categories.value, checked.value]);
    await refreshCategories();
    return undefined;
  }

  /**
   * Rename a category, and with it every concern filed under it, in one transaction. Returns a Chinese
   * message when the name is not acceptable, otherwise how many concerns changed.
   */
  async function renameCategory(
    from: string,
    input: string,
  ): Promise<{ ok: true; concerns: number } | { ok: false; error: string }> {
    const checked = validateCategoryName(input, categories.value, from);
    if (!checked.ok) return checked;
    if (checked.value === from) return { ok: true, concerns: 0 };
    try {
      const concerns = await repositories().settings.renameCategory(from, checked.value);
      return { ok: true, concerns };
    } finally {
      await refreshCategories();
    }
  }

  /** Remove a category; throws an InUseError naming how many concerns use it. */
  async function deleteCategory(name: string): Promise<void> {
    if (categories.value.length <= 1) throw new Error('至少要保留一个类别');
    try {
      await repositories().settings.deleteCategory(name);
    } finally {
      await refreshCategories();
    }
  }

  /** Store the categories in the given order. */
  async function reorderCategories(names: readonly string[]): Promise<void> {
    const known = new Set(categories.value);
    const listed = names.filter((n) => known.has(n));
    const rest = categories.value.filter((c) => !listed.includes(c));
    categories.value = [...listed, ...rest];
    try {
      await repositories().settings.saveCategories(categories.value);
    } finally {
      categories.value = await repositories().settings.categories();
    }
  }

  /** Put the default categories back; returns the other categories kept because concerns use them. */
  async function restoreDefaultCategories(): Promise<string[]> {
    try {
      return await repositories().settings.restoreDefaultCategories();
    } finally {
      await refreshCategories();
    }
  }

  // ── Deadline rules ─────────────────────────────────────────────────────────────────────────

  /** Check and store the deadline rules. */
  async function saveDeadlineRules(input: DeadlineRulesInput) {
    const checked = validateDeadlineRules(input);
    if (!checked.ok) return checked;
    await repositories().settings.saveDeadlineRules(checked.value);
    deadlineRules.value = checked.value;
    return checked;
  }

  /** Speaking time per speaker (会中计时), 1–60 minutes; returns a Chinese message when not acceptable. */
  async function saveSpeakerMinutes(input: number | string): Promise<string | undefined> {
    const minutes = Number(toHalfWidth(String(input)).trim());
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60)
      return '每人发言时长应为1到60之间的整数分钟';
    await repositories().settings.saveSpeakerMinutes(minutes);
    speakerMinutes.value = minutes;
    return undefined;
  }

  // ── Holiday table ──────────────────────────────────────────────────────────────────────────

  /**
   * Check the text of a holiday file and, only when all of it is right, add its years to the earlier imports.
   * Writes nothing otherwise.
   */
  async function importHolidayFile(text: string): Promise<HolidayImportResult> {
    const json = parseHolidayJson(text);
    if (!json.ok) return json;
    const parsed = parseHolidayTable(json.json);
    if (!parsed.ok) return parsed;
    const before = new Set(await repositories().settings.importHolidayTable(parsed.table));
    await reloadHolidays();
    const years = Object.keys(parsed.table.years).sort();
    return {
      ok: true,
      added: years.filter((y) => !before.has(y)),
      replaced: years.filter((y) => before.has(y)),
    };
  }

  /**
   * Store one year entered as a form (the notice's periods and 调休 workdays), through the same checks as a
   * file; it adds the year, or replaces the year there was. Writes nothing when anything is wrong.
   */
  async function saveHolidayYear(
    form: HolidayYearForm,
  ): Promise<
    { ok: true; year: string; replaced: boolean; entry: HolidayYear } | { ok: false; errors: string[] }
  > {
    const built = holidayYearFromForm(form);
    if (!built.ok) return built;
    const table: HolidayTable = { version: toIsoDate(Date.now()), years: { [built.year]: built.entry } };
    const before = await repositories().settings.importHolidayTable(table);
    await reloadHolidays();
    return { ok: true, year: built.year, replaced: before.includes(built.year), entry: built.entry };
  }

  /** Forget an imported year (a shipped year applies again). */
  async function removeImportedHolidayYear(year: string): Promise<void> {
    await repositories().settings.removeImportedHolidayYear(year);
    await reloadHolidays();
  }

  async function reloadHolidays(): Promise<void> {
    const repo = repositories().settings;
    [holidayTable.value, importedHolidays.value] = await Promise.all([
      repo.holidayTable(),
      repo.importedHolidayTable(),
    ]);
  }

  return {
    organization,
    leaders,
    departments,
    categories,
    categoryUsage,
    deadlineRules,
    speakerMinutes,
    saveSpeakerMinutes,
    holidayTable,
    importedHolidays,
    loaded,
    leaderById,
    departmentById,
    holidayYears,
    load,
    saveOrganization,
    saveLeader,
    addPastedLeaders,
    deleteLeader,
    reorderLeaders,
    saveDepartment,
    addPastedDepartments,
    deleteDepartment,
    reorderDepartments,
    loadCategoryUsage,
    addCategory,
    renameCategory,
    deleteCategory,
    reorderCategories,
    restoreDefaultCategories,
    saveDeadlineRules,
    importHolidayFile,
    saveHolidayYear,
    removeImportedHolidayYear,
  };
});
