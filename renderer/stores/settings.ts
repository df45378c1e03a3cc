// 设置: the organisation, its leaders and departments.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { EMPTY_ORGANIZATION } from '../db/repositories/settings';
import { normalizePhone } from '../../shared/domain/phone';
import type { DeadlineRules, Department, Id, Leader, Organization } from '../../shared/domain/types';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS, type HolidayTable } from '../../shared/domain/holidays';

/** Field → Chinese message, for forms. */
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/** Check the organisation's fields; returns the cleaned record or the errors by field. */
export function validateOrganization(
  input: Organization,
): { ok: true; value: Organization } | { ok: false; errors: FieldErrors<Organization> } {
  const value: Organization = {
    name: input.name.trim(),
    shortName: input.shortName.trim(),
    docNumberPrefix: input.docNumberPrefix.trim(),
    contactPerson: input.contactPerson.trim(),
    contactPhone: input.contactPhone.trim(),
  };
  const errors: FieldErrors<Organization> = {};
  if (!value.name) errors.name = '请填写单位全称';
  if (!value.shortName) errors.shortName = '请填写单位简称';
  if (!value.docNumberPrefix) errors.docNumberPrefix = '请填写文号前缀，例如“青工商联交”';
  else if (/[〔〕[\]()()\d号]/.test(value.docNumberPrefix))
    errors.docNumberPrefix = '文号前缀只写机关代字，例如“青工商联交”，年份和序号由系统生成';
  if (value.contactPhone) {
    const phone = normalizePhone(value.contactPhone);
    if (phone.ok) value.contactPhone = phone.phone;
    else errors.contactPhone = phone.reason;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Settings of the federation. */
export const useSettingsStore = defineStore('settings', () => {
  const organization = ref<Organization>({ ...EMPTY_ORGANIZATION });
  const leaders = shallowRef<Leader[]>([]);
  const departments = shallowRef<Department[]>([]);
  const categories = shallowRef<string[]>([]);
  const deadlineRules = ref<DeadlineRules>({ ...DEFAULT_DEADLINE_RULES });
  const holidayTable = shallowRef<HolidayTable>(SHIPPED_HOLIDAYS);
  const loaded = ref(false);

  const leaderById = computed(() => new Map(leaders.value.map((l) => [l.id, l])));
  const departmentById = computed(() => new Map(departments.value.map((d) => [d.id, d])));

  async function load(): Promise<void> {
    const repo = repositories();
    const [org, ls, ds, cats, rules, holidays] = await Promise.all([
      repo.settings.organization(),
      repo.organization.listLeaders(),
      repo.organization.listDepartments(),
      repo.settings.categories(),
      repo.settings.deadlineRules(),
      repo.settings.holidayTable(),
    ]);
    organization.value = org;
    leaders.value = ls;
    departments.value = ds;
    categories.value = cats;
    deadlineRules.value = rules;
    holidayTable.value = holidays;
    loaded.value = true;
  }

  async function saveOrganization(input: Organization) {
    const checked = validateOrganization(input);
    if (!checked.ok) return checked;
    await repositories().settings.saveOrganization(checked.value);
    organization.value = checked.value;
    return checked;
  }

  function checkLeader(input: Pick<Leader, 'name' | 'title'>, id?: Id): FieldErrors<Leader> {
    const errors: FieldErrors<Leader> = {};
    const name = input.name.trim();
    if (!name) errors.name = '请填写领导姓名';
    else if (leaders.value.some((l) => l.name === name && l.id !== id))
      errors.name = `已有名为“${name}”的领导`;
    if (!input.title.trim()) errors.title = '请填写职务';
    return errors;
  }

  /** Add or update a leader; returns errors by field when the input is not acceptable. */
  async function saveLeader(
    input: Pick<Leader, 'name' | 'title'> & { id?: Id },
  ): Promise<FieldErrors<Leader>> {
    const errors = checkLeader(input, input.id);
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

  async function deleteLeader(id: Id): Promise<void> {
    await repositories().organization.deleteLeader(id);
    leaders.value = await repositories().organization.listLeaders();
  }

  function checkDepartment(input: Pick<Department, 'name' | 'shortName'>, id?: Id): FieldErrors<Department> {
    const errors: FieldErrors<Department> = {};
    const name = input.name.trim();
    if (!name) errors.name = '请填写部门全称';
    else if (departments.value.some((d) => d.name === name && d.id !== id)) errors.name = `已有“${name}”`;
    return errors;
  }

  /** Add or update a department; returns errors by field when the input is not acceptable. */
  async function saveDepartment(
    input: Pick<Department, 'name' | 'shortName' | 'aliases'> & { id?: Id; leaderId?: Id | undefined },
  ): Promise<FieldErrors<Department>> {
    const errors = checkDepartment(input, input.id);
    if (Object.keys(errors).length) return errors;
    const existing = input.id ? departmentById.value.get(input.id) : undefined;
    const department: Department = {
      id: existing?.id ?? crypto.randomUUID(),
      name: input.name.trim(),
      shortName: input.shortName.trim() || input.name.trim(),
      aliases: plain(input.aliases.map((a) => a.trim()).filter(Boolean)),
      order: existing?.order ?? Math.max(0, ...departments.value.map((d) => d.order)) + 1,
      ...(input.leaderId ? { leaderId: input.leaderId } : {}),
    };
    await repositories().organization.saveDepartment(department);
    departments.value = await repositories().organization.listDepartments();
    return {};
  }

  async function deleteDepartment(id: Id): Promise<void> {
    await repositories().organization.deleteDepartment(id);
    departments.value = await repositories().organization.listDepartments();
  }

  return {
    organization,
    leaders,
    departments,
    categories,
    deadlineRules,
    holidayTable,
    loaded,
    leaderById,
    departmentById,
    load,
    saveOrganization,
    saveLeader,
    deleteLeader,
    saveDepartment,
    deleteDepartment,
  };
});
