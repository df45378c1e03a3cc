// The settings store over fake-indexeddb: order, categories, deadline rules and the holiday table.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { InUseError } from '../../renderer/db/repositories/organization';
import { useSettingsStore } from '../../renderer/stores/settings';
import { buildDemoDataset } from '../../shared/demo/demo-dataset';
import { DEFAULT_CATEGORIES } from '../../shared/domain/settings-rules';
import { DEFAULT_DEADLINE_RULES, handoffDue } from '../../shared/domain/deadlines';
import { counterIds, freshDatabase } from './db-helpers';
import holidays2027 from '../fixtures/holidays-2027.json?raw';
import holidaysInvalid from '../fixtures/holidays-invalid.json?raw';

const FIXTURES: Record<string, string> = {
  'holidays-2027.json': holidays2027,
  'holidays-invalid.json': holidaysInvalid,
};
const fixture = (name: string) => FIXTURES[name]!;
/** A file with a trailing comma on line 4 (column 41), as people write by hand; not a fixture, as Prettier checks those. */
const BROKEN_HOLIDAY_JSON =
  '{\n  "version": "broken",\n  "years": {\n    "2027": { "holidays": ["2027-01-01",] }\n';

let db: DeskDb;

beforeEach(async () => {
  db = await freshDatabase();
});

async function withDemo() {
  await loadDemoDataset(
    db,
    buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() }),
  );
  const settings = useSettingsStore();
  await settings.load();
  return settings;
}

/** A new Pinia over the same database: what a reload of the app sees. */
async function reloaded() {
  setActivePinia(createPinia());
  const settings = useSettingsStore();
  await settings.load();
  return settings;
}

describe('reordering leaders and departments', () => {
  it('stores every row’s order 1…n in one go and keeps it across a reload', async () => {
    const settings = await withDemo();
    const names = settings.leaders.map((l) => l.name);
    expect(names).toEqual(['王立群', '陈思远', '张明德', '刘静', '赵国华', '孙海燕']);
    // Drag 孙海燕 to the top.
    const ids = settings.leaders.map((l) => l.id);
    await settings.reorderLeaders([ids[5]!, ...ids.slice(0, 5)]);
    expect(settings.leaders.map((l) => l.name)).toEqual([
      '孙海燕',
      '王立群',
      '陈思远',
      '张明德',
      '刘静',
      '赵国华',
    ]);
    const again = await reloaded();
    expect(again.leaders.map((l) => [l.name, l.order])).toEqual([
      ['孙海燕', 1],
      ['王立群', 2],
      ['陈思远', 3],
      ['张明德', 4],
      ['刘静', 5],
      ['赵国华', 6],
    ]);
  });

  it('keeps rows it was not told about after the listed ones and ignores unknown ids', async () => {
    const settings = await withDemo();
    const ids = settings.departments.map((d) => d.id);
    await settings.reorderDepartments(['nobody', ids[3]!, ids[0]!]);
    const orders = (await db.departments.orderBy('order').toArray()).map((d) => d.order);
    expect(orders).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(settings.departments.slice(0, 3).map((d) => d.id)).toEqual([ids[3], ids[0], ids[1]]);
  });

  it('a new department goes to the end of a reordered list', async () => {
    const settings = await withDemo();
    const ids = settings.departments.map((d) => d.id);
    await settings.reorderDepartments([...ids].reverse());
    expect(await settings.saveDepartment({ name: '区数据局', shortName: '数据局', aliases: [] })).toEqual({});
    expect(settings.departments.at(-1)).toMatchObject({ name: '区数据局', order: 25 });
  });
});

describe('department names used in speech', () => {
  it('refuses a short name or alias that already points at another department', async () => {
    const settings = await withDemo();
    expect(
      await settings.saveDepartment({ name: '区财政事务中心', shortName: '财政局', aliases: [] }),
    ).toEqual({
      shortName: '“财政局”已用于“区财政局”',
    });
    expect(
      await settings.saveDepartment({ name: '区财政事务中心', shortName: '', aliases: ['财政中心', '财政'] }),
    ).toEqual({ aliases: '“财政”已用于“区财政局”' });
    expect(await settings.saveDepartment({ name: '', shortName: 'x'.repeat(21), aliases: [] })).toEqual({
      name: '请填写部门全称',
      shortName: '简称不能超过20个字',
    });
    // Its own names are no conflict when a department is edited.
    const finance = settings.departments.find((d) => d.name === '区财政局')!;
    expect(
      await settings.saveDepartment({
        ...finance,
        aliases: ['财政', '区财政', '财政'],
        leaderId: finance.leaderId,
      }),
    ).toEqual({});
    expect(settings.departmentById.get(finance.id)?.aliases).toEqual(['财政', '区财政']);
  });
});

describe('categories', () => {
  it('starts from the default list and validates names', async () => {
    const settings = useSettingsStore();
    await settings.load();
    expect(settings.categories).toEqual(DEFAULT_CATEGORIES);
    expect(await settings.addCategory('  ')).toBe('请填写类别名称');
    expect(await settings.addCategory('用地')).toBe('已有“用地”类别');
    expect(await settings.addCategory('知识产权保护与商标维权服务')).toBe('类别名称不能超过12个字');
    expect(await settings.addCategory('用工、用地')).toMatch(/不能含有顿号/);
    expect(await settings.addCategory(' 知识产权 ')).toBeUndefined();
    expect((await reloaded()).categories.at(-1)).toBe('知识产权');
  });

  it('renames a category together with every concern filed under it', async () => {
    const settings = await withDemo();
    const before = await db.concerns.where('category').equals('资金补贴').count();
    expect(before).toBeGreaterThan(0);
    expect(await settings.renameCategory('资金补贴', '融资')).toEqual({ ok: false, error: '已有“融资”类别' });
    expect(await settings.renameCategory('资金补贴', '财政奖补')).toEqual({ ok: true, concerns: before });
    expect(await db.concerns.where('category').equals('资金补贴').count()).toBe(0);
    expect(await db.concerns.where('category').equals('财政奖补').count()).toBe(before);
    expect(settings.categories.indexOf('财政奖补')).toBe(DEFAULT_CATEGORIES.indexOf('资金补贴'));
    expect(settings.categoryUsage.get('财政奖补')).toBe(before);
  });

  it('refuses to delete a category in use, saying how many concerns use it; deletes an unused one', async () => {
    const settings = await withDemo();
    const used = await db.concerns.where('category').equals('政策落实').count();
    await expect(settings.deleteCategory('政策落实')).rejects.toThrow(
      new InUseError(`“政策落实”类别已有${used}条诉求使用，不能删除；可以改名，或先把这些诉求改为其他类别`),
    );
    expect(settings.categories).toContain('政策落实');
    await settings.deleteCategory('招商');
    expect(settings.categories).not.toContain('招商');
    expect((await reloaded()).categories).not.toContain('招商');
  });

  it('reorders, and restores the defaults while keeping other categories still in use', async () => {
    const settings = await withDemo();
    await settings.reorderCategories(['其他', ...DEFAULT_CATEGORIES.filter((c) => c !== '其他')]);
    expect((await reloaded()).categories[0]).toBe('其他');
    await settings.renameCategory('资金补贴', '财政奖补');
    await settings.addCategory('知识产权');
    await settings.deleteCategory('招商');
    expect(await settings.restoreDefaultCategories()).toEqual(['财政奖补']);
    expect(settings.categories).toEqual([...DEFAULT_CATEGORIES, '财政奖补']);
  });
});

describe('deadline rules', () => {
  it('validates each field with a Chinese message and saves whole numbers', async () => {
    const settings = useSettingsStore();
    await settings.load();
    expect(settings.deadlineRules).toEqual(DEFAULT_DEADLINE_RULES);
    const bad = await settings.saveDeadlineRules({
      handoffDays: '',
      replyDays: '2.5',
      yellowDays: '99',
      dayKind: '',
      yellowDayKind: '',
      staleDays: '0',
    });
    expect(bad).toEqual({
      ok: false,
      errors: {
        handoffDays: '请填写交办期限',
        replyDays: '回复期限应为整数天数，例如“14”',
        yellowDays: '黄色预警天数应在0到30天之间',
        dayKind: '请选择按自然日或工作日计算',
        yellowDayKind: '请选择黄色预警按自然日或工作日计算',
        staleDays: '推进缓慢天数应在1到60天之间',
      },
    });
    expect(
      await settings.saveDeadlineRules({ ...DEFAULT_DEADLINE_RULES, replyDays: 5, yellowDays: 5 }),
    ).toMatchObject({ ok: false, errors: { yellowDays: expect.stringMatching(/应小于回复期限（5天）/) } });
    // Full-width digits typed with a Chinese IME count.
    const good = await settings.saveDeadlineRules({
      handoffDays: '３',
      replyDays: ' 10 ',
      yellowDays: '2',
      dayKind: 'working',
      yellowDayKind: 'calendar',
      staleDays: '１０',
    });
    expect(good).toEqual({
      ok: true,
      value: {
        handoffDays: 3,
        replyDays: 10,
        yellowDays: 2,
        dayKind: 'working',
        yellowDayKind: 'calendar',
        staleDays: 10,
      },
    });
    const again = await reloaded();
    expect(again.deadlineRules).toEqual(good.ok ? good.value : undefined);
    // The meetings list computes with what was saved: 3 working days after Friday 2026-11-20.
    expect(handoffDue('2026-11-20', again.deadlineRules, again.holidayTable).date).toBe('2026-11-25');
  });

  it('reads rules saved before the warning rules existed with their defaults', async () => {
    await db.settings.put({
      key: 'deadlineRules',
      value: { handoffDays: 3, replyDays: 10, yellowDays: 2, dayKind: 'working' },
    });
    const settings = await reloaded();
    expect(settings.deadlineRules).toEqual({
      handoffDays: 3,
      replyDays: 10,
      yellowDays: 2,
      dayKind: 'working',
      yellowDayKind: 'working',
      staleDays: 7,
    });
  });
});

describe('holiday table import', () => {
  it('adds the 2027 file to the shipped years and says what it added, then what it replaced', async () => {
    const settings = useSettingsStore();
    await settings.load();
    expect(settings.holidayYears.map((r) => [r.year, r.origin])).toEqual([
      ['2024', 'shipped'],
      ['2025', 'shipped'],
      ['2026', 'shipped'],
    ]);
    expect(await settings.importHolidayFile(fixture('holidays-2027.json'))).toEqual({
      ok: true,
      added: ['2027'],
      replaced: [],
    });
    const row = settings.holidayYears.find((r) => r.year === '2027')!;
    expect(row).toMatchObject({ origin: 'imported', holidays: 28, workdays: 6, replacesShipped: false });
    expect(row.source).toMatch(/测试用数据/);
    // Working days now skip the fictional Spring Festival of 2027.
    const rules = { ...DEFAULT_DEADLINE_RULES, dayKind: 'working' as const };
    expect(handoffDue('2027-02-04', rules, settings.holidayTable)).toEqual({
      date: '2027-02-16',
      warnings: [],
    });

    // A second file with 2026 and 2027 replaces both and keeps the shipped years it does not name.
    const second = JSON.parse(fixture('holidays-2027.json'));
    second.years['2026'] = { holidays: ['2026-01-01'], workdays: [], source: '测试用数据2026' };
    expect(await settings.importHolidayFile(JSON.stringify(second))).toEqual({
      ok: true,
      added: [],
      replaced: ['2026', '2027'],
    });
    const again = await reloaded();
    expect(again.holidayYears.map((r) => [r.year, r.origin, r.replacesShipped])).toEqual([
      ['2024', 'shipped', false],
      ['2025', 'shipped', false],
      ['2026', 'imported', true],
      ['2027', 'imported', false],
    ]);
    // Removing the imported 2026 brings the shipped one back.
    await again.removeImportedHolidayYear('2026');
    expect(again.holidayYears.find((r) => r.year === '2026')).toMatchObject({
      origin: 'shipped',
      holidays: 33,
    });
  });

  it('rejects an invalid file with every problem in Chinese and writes nothing', async () => {
    const settings = useSettingsStore();
    await settings.load();
    const result = await settings.importHolidayFile(fixture('holidays-invalid.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      '2027年：放假日第2项“2027-02-30”格式不正确，应为YYYY-MM-DD格式的有效日期',
      '2027年：放假日“2026-12-31”不属于2027年',
      '2027年：缺少来源说明（source），如“国务院办公厅关于2027年部分节假日安排的通知”',
      '2027年：上班日“2027-06-10”是星期四，本来就是工作日；调休上班日应为周六或周日',
    ]);
    expect(await db.settings.get('holidayTable')).toBeUndefined();
    expect(settings.holidayYears.map((r) => r.year)).toEqual(['2024', '2025', '2026']);
  });

  it('says where a broken JSON file breaks, and accepts a file saved with a BOM', async () => {
    const settings = useSettingsStore();
    await settings.load();
    const broken = await settings.importHolidayFile(BROKEN_HOLIDAY_JSON);
    expect(broken).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^文件不是有效的JSON格式（第4行第41列附近）/)],
    });
    expect(await settings.importHolidayFile('')).toEqual({ ok: false, errors: ['文件是空的'] });
    expect(await settings.importHolidayFile('\uFEFF' + fixture('holidays-2027.json'))).toMatchObject({
      ok: true,
    });
  });
});
