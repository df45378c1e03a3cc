/**
 * The rules of 设置: what an organisation, a category name, the deadline rules and an imported
 * holiday file must look like, each with Chinese messages by field. Pure, so the settings store and
 * tests share them.
 */
import { normalizePhone } from './phone';
import type { DayKind, DeadlineRules, Organization } from './types';
import { toHalfWidth } from './half-width';
import { DEFAULT_DEADLINE_RULES } from './deadlines';

/** The default concern categories (DESIGN.md §1), offered until the federation sets its own. */
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
  [K in keyof DeadlineRules]: K extends 'dayKind' ? DayKind | '' : number | string;
};

/** The allowed range of each number of the deadline rules, with its Chinese name. */
export const DEADLINE_LIMITS = {
  handoffDays: { label: '交办期限', min: 1, max: 30 },
  replyDays: { label: '回复期限', min: 1, max: 90 },
  yellowDays: { label: '黄色预警天数', min: 0, max: 30 },
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
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      handoffDays: numbers.handoffDays!,
      replyDays: numbers.replyDays!,
      yellowDays: numbers.yellowDays!,
      dayKind: input.dayKind as DayKind,
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
