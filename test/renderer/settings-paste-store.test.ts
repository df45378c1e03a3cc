// 设置 and 会前准备 from the store: pasted leaders and departments (one transaction, all or none), a holiday year
// entered as a form, and a demand longer than its limit.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { usePrepStore } from '../../renderer/stores/prep';
import {
  previewPastedDepartments,
  previewPastedLeaders,
  useSettingsStore,
} from '../../renderer/stores/settings';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { buildDemoDataset } from '../../shared/demo/demo-dataset';
import { counterIds, freshDatabase } from './db-helpers';

let db: DeskDb;

beforeEach(async () => {
  db = await freshDatabase();
});

describe('adding pasted leaders and departments', () => {
  it('adds the new rows of a paste after the last ones, and leaves existing ones alone', async () => {
    const settings = useSettingsStore();
    await settings.load();
    await settings.saveLeader({ name: '王立群', title: '区委书记' });
    const preview = previewPastedLeaders(
      '姓名\t职务\n王立群\t区委书记\n陈思远\t区长\n张明德\t副区长',
      settings.leaders,
    );
    expect(preview.counts).toEqual({ new: 2, existing: 1, invalid: 0 });
    const fresh = preview.rows.filter((r) => r.status === 'new').map((r) => r.value);
    expect(await settings.addPastedLeaders(fresh)).toBe(2);
    expect(settings.leaders.map((l) => [l.name, l.title, l.order])).toEqual([
      ['王立群', '区委书记', 1],
      ['陈思远', '区长', 2],
      ['张明德', '副区长', 3],
    ]);

    const departments = previewPastedDepartments(
      '区财政局\t财政局\t财政\t陈思远\n区税务局',
      settings.departments,
      settings.leaders,
    );
    await settings.addPastedDepartments(departments.rows.map((r) => r.value));
    expect(settings.departments).toMatchObject([
      {
        name: '区财政局',
        shortName: '财政局',
        aliases: ['财政'],
        leaderId: settings.leaders[1]!.id,
        order: 1,
      },
      { name: '区税务局', shortName: '区税务局', aliases: [], order: 2 },
    ]);
  });

  it('adds nothing when one row clashes with a record added meanwhile (another window)', async () => {
    const settings = useSettingsStore();
    await settings.load();
    const preview = previewPastedLeaders('陈思远 区长\n张明德 副区长', settings.leaders);
    // Meanwhile 张明德 is added elsewhere.
    await db.leaders.add({ id: 'other', name: '张明德', title: '副区长', order: 1 });
    await expect(settings.addPastedLeaders(preview.rows.map((r) => r.value))).rejects.toThrow(
      '“张明德”：已有名为“张明德”的领导，本次没有添加任何领导',
    );
    expect((await db.leaders.toArray()).map((l) => l.name)).toEqual(['张明德']);

    await db.departments.add({ id: 'd', name: '区商务局', shortName: '商务局', aliases: ['招商'], order: 1 });
    await expect(
      settings.addPastedDepartments([
        { name: '区科学技术局', shortName: '', aliases: [], leaderName: '' },
        { name: '区投资促进局', shortName: '', aliases: ['招商'], leaderName: '' },
      ]),
    ).rejects.toThrow('“区投资促进局”：“招商”已用于“区商务局”，本次没有添加任何部门');
    expect(await db.departments.count()).toBe(1);
  });
});

describe('a pre-collected demand longer than its limit', () => {
  it('is refused with how much is over, never cut', async () => {
    const demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
    await loadDemoDataset(db, demo);
    const prep = usePrepStore();
    await prep.open(demo.meetings.find((m) => m.edition === 15)!.id);
    const input = {
      enterpriseId: demo.enterprises[0]!.id,
      kind: 'problem' as const,
      category: '融资',
      urgency: 'normal' as const,
      verbatim: '材'.repeat(4003),
      summary: '',
      channel: '书面' as const,
    };
    expect(await prep.saveConcern(input)).toBe(
      '诉求原文不能超过4000个字（现在多了3个字），较长的书面材料请分成几条诉求',
    );
    expect(await prep.saveConcern({ ...input, verbatim: '材料', summary: '摘'.repeat(61) })).toBe(
      '诉求摘要不能超过60个字（现在多了1个字）',
    );
    expect(prep.concerns.filter((c) => c.verbatim.startsWith('材'))).toEqual([]);
  });
});

describe('a holiday year entered as a form', () => {
  it('writes nothing when a row is wrong, adds a new year, and replaces a shipped one', async () => {
    const settings = useSettingsStore();
    await settings.load();
    const form = {
      year: '2027',
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      ranges: [{ from: '2027-10-01', to: '2027-10-07' }],
      workdays: ['2027-10-11'],
    } as const;
    const bad = await settings.saveHolidayYear({
      ...form,
      ranges: [...form.ranges],
      workdays: [...form.workdays],
    });
    expect(bad).toEqual({
      ok: false,
      errors: ['第1个调休上班日：2027-10-11是星期一，本来就是工作日；调休上班日应为周六或周日'],
    });
    expect(await db.settings.get('holidayTable')).toBeUndefined();

    const good = await settings.saveHolidayYear({
      ...form,
      ranges: [...form.ranges],
      workdays: ['2027-10-09'],
    });
    expect(good).toMatchObject({ ok: true, year: '2027', replaced: false });
    expect(settings.holidayYears.find((y) => y.year === '2027')).toMatchObject({
      holidays: 7,
      workdays: 1,
      origin: 'imported',
      replacesShipped: false,
    });

    const changed = await settings.saveHolidayYear({
      year: '2026',
      source: '国务院办公厅关于2026年部分节假日安排的通知（更正）',
      ranges: [{ from: '2026-01-01', to: '2026-01-03' }],
      workdays: [],
    });
    expect(changed).toMatchObject({ ok: true, year: '2026', replaced: true });
    expect(settings.holidayYears.find((y) => y.year === '2026')).toMatchObject({
      holidays: 3,
      origin: 'imported',
      replacesShipped: true,
    });
  });
});
