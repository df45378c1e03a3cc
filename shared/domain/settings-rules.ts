/**
 * The rules of 设置: what an organisation, a category name, the deadline rules and an imported
 * holiday file must look like, each with Chinese messages by field. Pure, so the settings store and
 * tests share them.
 */
import { normalizePhone } from './phone';
import type { DayKind, DeadlineRules, Department, Id, Leader, Organization } from './types';
import { toHalfWidth } from './half-width';
import { DEFAULT_DEADLINE_RULES } from './deadlines';
import { overLimit } from './meeting';

/** The default concern categories (the categories offices publish), offered until the federation sets its own. */
export const DEFAULT_CATEGORIES: readonly string[] = [
  '用地',
  '融资',
  '资金补贴',
  '招商',
  '审批办证',
  '用工',
  '用电用能',
  '交通运输',
  '基础设施',
  '政策落实',
  '市场拓展',
  '经营管理',
  '其他',
];

/** Field → Chinese message, for forms. */
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/** The longest text of each field of the organisation, in characters (the 交办单's foot and 文号 are narrow). */
export const ORGANIZATION_LIMITS: Readonly<Record<keyof Organization, number>> = {
  name: 60,
  shortName: 30,
  docNumberPrefix: 20,
  contactPerson: 20,
  contactPhone: 30,
};

const ORGANIZATION_LABEL: Readonly<Record<keyof Organization, string>> = {
  name: '单位全称',
  shortName: '单位简称',
  docNumberPrefix: '文号前缀',
  contactPerson: '联系人',
  contactPhone: '联系电话',
};

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
  for (const field of Object.keys(ORGANIZATION_LIMITS) as Array<keyof Organization>) {
    const over = overLimit(value[field], ORGANIZATION_LIMITS[field]);
    if (over > 0)
      errors[field] =
        `${ORGANIZATION_LABEL[field]}不能超过${ORGANIZATION_LIMITS[field]}个字（现在多了${over}个字）`;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/** The longest leader's name and title, in characters. */
export const LEADER_LIMITS = { name: 20, title: 60 } as const;

/**
 * Check a leader's name and title against the other leaders (leaving out `id`, the one being edited); returns
 * Chinese messages by field, none when acceptable.
 */
export function validateLeader(
  input: Pick<Leader, 'name' | 'title'>,
  leaders: readonly Pick<Leader, 'id' | 'name'>[],
  id?: Id,
): FieldErrors<Leader> {
  const errors: FieldErrors<Leader> = {};
  const name = input.name.trim();
  const title = input.title.trim();
  if (!name) errors.name = '请填写领导姓名';
  else if ([...name].length > LEADER_LIMITS.name) errors.name = `姓名不能超过${LEADER_LIMITS.name}个字`;
  else if (leaders.some((l) => l.name === name && l.id !== id)) errors.name = `已有名为“${name}”的领导`;
  if (!title) errors.title = '请填写职务';
  else if ([...title].length > LEADER_LIMITS.title) errors.title = `职务不能超过${LEADER_LIMITS.title}个字`;
  return errors;
}

/** The longest department name, short name and alias, in characters, and the most aliases. */
export const DEPARTMENT_LIMITS = { name: 40, shortName: 20, alias: 20, aliases: 10 } as const;

/**
 * Check a department against the others (leaving out `id`): each spoken name — full name, short name, alias —
 * must point at one department only, or the minutes would tag the wrong one. Chinese messages by field.
 */
export function validateDepartment(
  input: Pick<Department, 'name' | 'shortName' | 'aliases'>,
  departments: readonly Pick<Department, 'id' | 'name' | 'shortName' | 'aliases'>[],
  id?: Id,
): FieldErrors<Department> {
  const errors: FieldErrors<Department> = {};
  const name = input.name.trim();
  const shortName = input.shortName.trim();
  const aliases = input.aliases.map((a) => a.trim()).filter(Boolean);
  const others = departments.filter((d) => d.id !== id);
  const owner = (word: string) =>
    others.find((d) => d.name === word || d.shortName === word || d.aliases.includes(word));
  if (!name) errors.name = '请填写部门全称';
  else if ([...name].length > DEPARTMENT_LIMITS.name)
    errors.name = `部门全称不能超过${DEPARTMENT_LIMITS.name}个字`;
  else if (others.some((d) => d.name === name)) errors.name = `已有“${name}”`;
  else if (owner(name)) errors.name = `“${name}”已是“${owner(name)!.name}”的简称或别称`;
  if ([...shortName].length > DEPARTMENT_LIMITS.shortName)
    errors.shortName = `简称不能超过${DEPARTMENT_LIMITS.shortName}个字`;
  else if (shortName && owner(shortName))
    errors.shortName = `“${shortName}”已用于“${owner(shortName)!.name}”`;
  const tooLong = aliases.find((a) => [...a].length > DEPARTMENT_LIMITS.alias);
  const taken = aliases.find((a) => owner(a));
  if (aliases.length > DEPARTMENT_LIMITS.aliases) errors.aliases = `别称最多${DEPARTMENT_LIMITS.aliases}个`;
  else if (tooLong) errors.aliases = `别称“${tooLong}”超过${DEPARTMENT_LIMITS.alias}个字`;
  else if (taken) errors.aliases = `“${taken}”已用于“${owner(taken)!.name}”`;
  return errors;
}

/** The aliases as typed in one field, split at 、，, ； ; and spaces. */
export function splitAliases(text: string): string[] {
  return text.split(/[,，、；;\s]+/).filter(Boolean);
}

/** Longest category name: the ledger prints it in a narrow column. */
export const CATEGORY_MAX_LENGTH = 12;
/** Most categories a list may hold: the concern form offers them as chips. */
export const CATEGORY_MAX_COUNT = 40;

// Two spellings that differ only in width or case are the same category.
const sameName = (a: string, b: string) =>
  toHalfWidth(a).toLowerCase().replace(/\s+/g, '') === toHalfWidth(b).toLowerCase().replace(/\s+/g, '');

/**
 * Check a category name against the list (leaving out `except`, the one being renamed); returns the cleaned
 * name or a Chinese message.
 */
export function validateCategoryName(
  input: string,
  list: readonly string[],
  except?: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const value = input.trim().replace(/\s+/g, ' ');
  if (!value) return { ok: false, error: '请填写类别名称' };
  if ([...value].length > CATEGORY_MAX_LENGTH)
    return { ok: false, error: `类别名称不能超过${CATEGORY_MAX_LENGTH}个字` };
  if (/[、，,；;／/|]/.test(value))
    return { ok: false, error: '类别名称不能含有顿号、逗号、分号或斜线，请分成两个类别' };
  const twin = list.find((c) => c !== except && sameName(c, value));
  if (twin) return { ok: false, error: `已有“${twin}”类别` };
  if (except === undefined && list.length >= CATEGORY_MAX_COUNT)
    return { ok: false, error: `类别最多${CATEGORY_MAX_COUNT}个，请先合并或删除不用的类别` };
  return { ok: true, value };
}

/** Deadline rules as typed into the form: numbers or the text of the inputs. */
export type DeadlineRulesInput = {
  [K in keyof DeadlineRules]: K extends 'dayKind' | 'yellowDayKind' ? DayKind | '' : number | string;
};

/** The allowed range of each number of the deadline rules, with its Chinese name. */
export const DEADLINE_LIMITS = {
  handoffDays: { label: '交办期限', min: 1, max: 30 },
  replyDays: { label: '回复期限', min: 1, max: 90 },
  yellowDays: { label: '黄色预警天数', min: 0, max: 30 },
  staleDays: { label: '推进缓慢天数', min: 1, max: 60 },
} as const;

/** Check the deadline rules field by field; returns whole numbers or Chinese messages. */
export function validateDeadlineRules(
  input: DeadlineRulesInput,
): { ok: true; value: DeadlineRules } | { ok: false; errors: FieldErrors<DeadlineRules> } {
  const errors: FieldErrors<DeadlineRules> = {};
  const numbers: Partial<Record<keyof typeof DEADLINE_LIMITS, number>> = {};
  for (const key of Object.keys(DEADLINE_LIMITS) as Array<keyof typeof DEADLINE_LIMITS>) {
    const { label, min, max } = DEADLINE_LIMITS[key];
    const text = toHalfWidth(String(input[key])).trim();
    if (!text) errors[key] = `请填写${label}`;
    else if (!/^\d+$/.test(text)) errors[key] = `${label}应为整数天数，例如“${DEFAULT_DEADLINE_RULES[key]}”`;
    else if (Number(text) < min || Number(text) > max) errors[key] = `${label}应在${min}到${max}天之间`;
    else numbers[key] = Number(text);
  }
  if (
    numbers.yellowDays !== undefined &&
    numbers.replyDays !== undefined &&
    numbers.yellowDays >= numbers.replyDays
  ) {
    errors.yellowDays = `黄色预警天数应小于回复期限（${numbers.replyDays}天），否则一交办就是黄色预警`;
  }
  if (input.dayKind !== 'calendar' && input.dayKind !== 'working')
    errors.dayKind = '请选择按自然日或工作日计算';
  if (input.yellowDayKind !== 'calendar' && input.yellowDayKind !== 'working')
    errors.yellowDayKind = '请选择黄色预警按自然日或工作日计算';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      handoffDays: numbers.handoffDays!,
      replyDays: numbers.replyDays!,
      yellowDays: numbers.yellowDays!,
      dayKind: input.dayKind as DayKind,
      yellowDayKind: input.yellowDayKind as DayKind,
      staleDays: numbers.staleDays!,
    },
  };
}

/** Longest holiday file accepted: a year is some 2 KB, so this is hundreds of years. */
export const HOLIDAY_FILE_MAX_BYTES = 1024 * 1024;

/** Outcome of importing a holiday file: the years added and replaced, or every problem found. */
export type HolidayImportResult =
  { ok: true; added: string[]; replaced: string[] } | { ok: false; errors: string[] };

/** Parse the text of a holiday file as JSON, with a Chinese message that points at the line when it is not. */
export function parseHolidayJson(
  text: string,
): { ok: true; json: unknown } | { ok: false; errors: string[] } {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.includes('\uFFFD')) {
    return {
      ok: false,
      errors: ['文件中有无法识别的文字，请用UTF-8编码保存后再导入（记事本“另存为”可选编码）'],
    };
  }
  if (!clean.trim()) return { ok: false, errors: ['文件是空的'] };
  try {
    return { ok: true, json: JSON.parse(clean) };
  } catch (error) {
    const at = jsonErrorOffset((error as Error).message, clean);
    let where = '';
    if (at !== undefined) {
      const before = clean.slice(0, at);
      where = `（第${before.split('\n').length}行第${at - before.lastIndexOf('\n')}列附近）`;
    }
    return {
      ok: false,
      errors: [
        `文件不是有效的JSON格式${where}，请检查引号、逗号和括号是否为英文半角且成对，最后一项后不要加逗号`,
      ],
    };
  }
}

// V8 names the offset ("at position 42") for some errors and only quotes the text around the bad token for
// others ('Unexpected token ']', ..."01-01",] }" is not valid JSON'); find it either way.
function jsonErrorOffset(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.trimEnd().length;
  const quoted = /Unexpected token '([\s\S])', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(
    message,
  );
  if (!quoted) return undefined;
  const [, token, snippet] = quoted as unknown as [string, string, string];
  const start = text.indexOf(snippet);
  return start < 0 ? undefined : start + Math.max(0, snippet.indexOf(token));
}

/** One year of the holiday table as the settings screen lists it. */
export interface HolidayYearRow {
  year: string;
  source: string;
  holidays: number;
  workdays: number;
  /** 'shipped': comes with the app; 'imported': the user's file (which may replace a shipped year). */
  origin: 'shipped' | 'imported';
  replacesShipped: boolean;
}

// ── Pasting leaders and departments ──────────────────────────────────────────────────────────

/** What becomes of one pasted row: added, already there (left alone), or refused with the reason. */
export type PastedRowStatus = 'new' | 'existing' | 'invalid';

/** One row of a paste, with its line (1-based, as pasted), its cells and what it becomes. */
export interface PastedRow<T> {
  line: number;
  cells: string[];
  value: T;
  status: PastedRowStatus;
  /** Why a row is refused or left alone, or a remark on a row that is added; empty when there is none. */
  note: string;
}

/** A pasted list: its rows (blank lines left out) and whether a header row was recognised and skipped. */
export interface PastePreview<T> {
  rows: PastedRow<T>[];
  headerLine?: number;
  counts: Record<PastedRowStatus, number>;
}

/** A leader as pasted. */
export type PastedLeader = Pick<Leader, 'name' | 'title'>;

/** A department as pasted; `leaderName` is the 分管领导 column as written, `leaderId` the leader it names. */
export type PastedDepartment = Pick<Department, 'name' | 'shortName' | 'aliases'> & {
  leaderName: string;
  leaderId?: Id;
};

/**
 * Split pasted text into rows of cells. Columns copied from Excel or WPS come tab-separated (a cell with a line
 * break or a tab inside is quoted, its quotes doubled); a plain list is one entry a line, its parts separated
 * by a comma or, for leaders, a space.
 */
export function splitPastedRows(text: string): Array<{ line: number; cells: string[] }> {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const tabbed = clean.includes('\t');
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  for (let i = 0; i < clean.length; i += 1) {
    const ch = clean.charAt(i);
    if (quoted) {
      if (ch === '"' && clean.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
    } else if (tabbed && ch === '"' && cell === '') quoted = true;
    else if (tabbed && ch === '\t') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') {
      rows.push({ line: start, cells: [...cells, cell] });
      cells = [];
      cell = '';
      line += 1;
      start = line;
    } else cell += ch;
  }
  rows.push({ line: start, cells: [...cells, cell] });
  return rows
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.replace(/\s*\n\s*/g, '').trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
}

// 1. 王立群 / 1、 / （一） / 一、: the numbering of a list typed in Word.
const LIST_NUMBER =
  /^\s*(?:[(（]?[0-9一二三四五六七八九十]+[)）]|[0-9]+[.．、]|[一二三四五六七八九十]+、)\s*/u;

const LEADER_HEADERS: Record<string, keyof PastedLeader> = {
  姓名: 'name',
  领导: 'name',
  领导姓名: 'name',
  名字: 'name',
  职务: 'title',
  职位: 'title',
};
const DEPARTMENT_HEADERS: Record<string, 'name' | 'shortName' | 'aliases' | 'leaderName'> = {
  部门全称: 'name',
  部门名称: 'name',
  部门: 'name',
  单位名称: 'name',
  单位: 'name',
  全称: 'name',
  名称: 'name',
  简称: 'shortName',
  部门简称: 'shortName',
  别称: 'aliases',
  别名: 'aliases',
  分管领导: 'leaderName',
  分管区领导: 'leaderName',
};

/** The columns of a header row (one known title at least and nothing that is not a title), else undefined. */
function headerColumns<F extends string>(
  cells: string[],
  titles: Record<string, F>,
): Array<F | undefined> | undefined {
  const names = cells.map((c) => c.replace(/\s/g, ''));
  if (!names.some((n) => n in titles)) return undefined;
  if (!names.every((n) => n === '' || n in titles || n === '序号')) return undefined;
  return names.map((n) => titles[n]);
}

/** Cells of a row without a list number or a 序号 column of digits in front. */
function withoutNumbering(cells: string[]): string[] {
  const [first = '', ...rest] = cells;
  if (rest.length > 0 && /^\d+$/.test(first)) return rest;
  return [first.replace(LIST_NUMBER, ''), ...rest];
}

function columnsOf<F extends string>(
  text: string,
  titles: Record<string, F>,
  positional: readonly F[],
  splitPlain: (cells: string[]) => string[],
): {
  rows: Array<{ line: number; cells: string[]; fields: Partial<Record<F, string>> }>;
  headerLine?: number;
} {
  const all = splitPastedRows(text);
  const header = all[0] ? headerColumns(all[0].cells, titles) : undefined;
  const body = header ? all.slice(1) : all;
  const rows = body.map(({ line, cells }) => {
    const fields: Partial<Record<F, string>> = {};
    if (header) {
      header.forEach((field, i) => {
        if (field && fields[field] === undefined) fields[field] = cells[i] ?? '';
      });
    } else {
      const parts =
        cells.length === 1
          ? splitPlain([(cells[0] ?? '').replace(LIST_NUMBER, '')])
          : withoutNumbering(cells);
      positional.forEach((field, i) => (fields[field] = parts[i] ?? ''));
      if (parts.length > positional.length) {
        const last = positional[positional.length - 1]!;
        fields[last] = parts.slice(positional.length - 1).join('、');
      }
    }
    return { line, cells, fields };
  });
  return header ? { rows, headerLine: all[0]!.line } : { rows };
}

function tally<T>(rows: PastedRow<T>[]): Record<PastedRowStatus, number> {
  const counts = { new: 0, existing: 0, invalid: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

/**
 * Read a pasted list of leaders — 姓名 and 职务 columns from Excel, or lines like 「王立群 区委书记」 or
 * 「王立群，区委书记」 — and check each against the leaders there are and the rows above it.
 */
export function previewPastedLeaders(
  text: string,
  leaders: readonly Pick<Leader, 'id' | 'name'>[],
): PastePreview<PastedLeader> {
  const { rows, headerLine } = columnsOf(text, LEADER_HEADERS, ['name', 'title'] as const, ([line = '']) => {
    const cut = /[,，]/.test(line) ? line.split(/\s*[,，]\s*/) : line.trim().split(/\s+/);
    return [cut[0] ?? '', cut.slice(1).join(/[,，]/.test(line) ? '，' : ' ')];
  });
  const taken = new Map(leaders.map((l) => [l.name, 0]));
  const out: PastedRow<PastedLeader>[] = rows.map(({ line, cells, fields }) => {
    const value = { name: (fields.name ?? '').trim(), title: (fields.title ?? '').trim() };
    const earlier = taken.get(value.name);
    if (value.name && earlier === 0)
      return { line, cells, value, status: 'existing', note: '已有此领导，不重复添加' };
    if (value.name && earlier !== undefined)
      return { line, cells, value, status: 'invalid', note: `与第${earlier}行重复` };
    const errors = validateLeader(value, []);
    const messages = Object.values(errors).filter(Boolean);
    if (messages.length) return { line, cells, value, status: 'invalid', note: messages.join('；') };
    taken.set(value.name, line);
    return { line, cells, value, status: 'new', note: '' };
  });
  return { rows: out, ...(headerLine !== undefined ? { headerLine } : {}), counts: tally(out) };
}

/**
 * Read a pasted list of departments — one full name a line, or 全称 / 简称 / 别称 / 分管领导 columns from
 * Excel — and check each as the department form would, against the departments there are and the rows above.
 */
export function previewPastedDepartments(
  text: string,
  departments: readonly Pick<Department, 'id' | 'name' | 'shortName' | 'aliases'>[],
  leaders: readonly Pick<Leader, 'id' | 'name'>[],
): PastePreview<PastedDepartment> {
  const { rows, headerLine } = columnsOf(
    text,
    DEPARTMENT_HEADERS,
    ['name', 'shortName', 'aliases', 'leaderName'] as const,
    ([line = '']) => line.split(/\s*[,，]\s*/),
  );
  const known = new Set(departments.map((d) => d.name));
  const accepted: Array<Pick<Department, 'id' | 'name' | 'shortName' | 'aliases'> & { line: number }> = [];
  const out: PastedRow<PastedDepartment>[] = rows.map(({ line, cells, fields }) => {
    const name = (fields.name ?? '').trim();
    const leaderName = (fields.leaderName ?? '').trim();
    const leader = leaderName ? leaders.find((l) => l.name === leaderName) : undefined;
    const value: PastedDepartment = {
      name,
      shortName: (fields.shortName ?? '').trim(),
      aliases: [...new Set(splitAliases(fields.aliases ?? ''))],
      leaderName,
      ...(leader ? { leaderId: leader.id } : {}),
    };
    if (known.has(name)) return { line, cells, value, status: 'existing', note: '已有此部门，不重复添加' };
    const twin = accepted.find((d) => d.name === name);
    if (twin) return { line, cells, value, status: 'invalid', note: `与第${twin.line}行重复` };
    const errors = validateDepartment(value, [...departments, ...accepted]);
    const messages = Object.values(errors).filter(Boolean);
    if (messages.length) return { line, cells, value, status: 'invalid', note: messages.join('；') };
    accepted.push({
      id: `pasted-${line}`,
      name,
      shortName: value.shortName || name,
      aliases: value.aliases,
      line,
    });
    const note = leaderName && !leader ? `领导名单中没有“${leaderName}”，分管领导暂不设置` : '';
    return { line, cells, value, status: 'new', note };
  });
  return { rows: out, ...(headerLine !== undefined ? { headerLine } : {}), counts: tally(out) };
}

// ── First start ──────────────────────────────────────────────────────────────────────────────

/** The steps of setting up from blank, in the order they depend on each other. */
export type SetupStep = 'organization' | 'leaders' | 'departments' | 'enterprises' | 'meeting';

/** What the set-up checklist looks at. */
export interface SetupFacts {
  organization: Organization;
  leaders: number;
  departments: number;
  enterprises: number;
  meetings: number;
}

/** One step of the checklist: what to do, whether it is done, and what there is so far. */
export interface SetupItem {
  step: SetupStep;
  title: string;
  /** What to do while not done; what there is once done. */
  detail: string;
  done: boolean;
}

/** The set-up checklist: 单位 → 领导 → 部门 → 企业库 → 会议, each done or not. */
export function setupChecklist(facts: SetupFacts): SetupItem[] {
  const org = validateOrganization(facts.organization);
  return [
    {
      step: 'organization',
      title: '单位信息',
      done: org.ok,
      detail: org.ok ? `已填写：${org.value.shortName}` : '单位全称、简称和交办单的文号前缀',
    },
    {
      step: 'leaders',
      title: '领导',
      done: facts.leaders > 0,
      detail: facts.leaders > 0 ? `已有${facts.leaders}位` : '接待领导和牵头领导；可从Excel整列粘贴',
    },
    {
      step: 'departments',
      title: '部门',
      done: facts.departments > 0,
      detail:
        facts.departments > 0 ? `已有${facts.departments}个` : '参会和承办的部门，连同简称、别称；可整列粘贴',
    },
    {
      step: 'enterprises',
      title: '企业库',
      done: facts.enterprises > 0,
      detail: facts.enterprises > 0 ? `已有${facts.enterprises}家` : '导入企业名录（Excel或CSV），或逐个新建',
    },
    {
      step: 'meeting',
      title: '会议',
      done: facts.meetings > 0,
      detail: facts.meetings > 0 ? `已有${facts.meetings}次` : '新建第一次会议，再到会前准备安排发言',
    },
  ];
}
