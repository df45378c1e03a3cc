import { beforeEach, describe, expect, it } from 'vitest';
import { repositories, type DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { DuplicateEnterpriseError } from '../../renderer/db/repositories/enterprises';
import { useMeetingStore } from '../../renderer/stores/meeting';
import { usePrepStore } from '../../renderer/stores/prep';
import { useDirectoryStore } from '../../renderer/stores/directory';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import type { Enterprise } from '../../shared/domain/types';
import { counterIds, freshDatabase } from './db-helpers';
import { emptyDraft as blank } from '../../shared/directory/row-rules';

let db: DeskDb;
let demo: DemoDataset;

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
});

const upcoming = () => demo.meetings.find((m) => m.edition === 15)!;
const past = () => demo.meetings.find((m) => m.edition === 14)!;
const enterprise = (name: string) => demo.enterprises.find((e) => e.name === name)!;

describe('meetings', () => {
  it('creates a meeting with validation and the next edition', async () => {
    const store = useMeetingStore();
    const bad = await store.save({ ...draft(), place: '' });
    expect(bad).toEqual({ ok: false, errors: { place: '请填写会议地点' } });
    const good = await store.save(draft());
    expect(good.ok).toBe(true);
    expect(store.meetings.map((m) => m.edition)).toContain(16);
    if (good.ok) expect(good.meeting.status).toBe('preparing');
  });

  it('moves a meeting with minutes to the recycle bin, keeps its records, and restores it', async () => {
    const store = useMeetingStore();
    await store.load();
    expect(await store.minutesOf(past().id)).toBe(10);
    await store.moveToRecycleBin(past().id);
    expect(store.meetings.map((m) => m.edition)).toEqual([15]);
    expect(store.recycled.map((m) => m.edition)).toEqual([14]);
    expect(await db.minuteEntries.where('meetingId').equals(past().id).count()).toBe(10);
    await store.restore(past().id);
    expect(store.meetings.map((m) => m.edition)).toEqual([15, 14]);
    expect((await db.meetings.get(past().id))?.deletedAt).toBeUndefined();
  });
});

describe('speaking order', () => {
  it('signs enterprises up once each, numbers them, reorders and closes gaps', async () => {
    const prep = usePrepStore();
    expect(await prep.open(upcoming().id)).toBe(true);
    expect(prep.queue).toHaveLength(4);
    const added = await prep.signUp(enterprise('临江丰泽钢构有限公司'), '点名');
    expect(added).toMatchObject({ position: 5, channel: '点名', speaker: '叶振邦', speakerTitle: '董事长' });
    expect(await prep.signUp(enterprise('临江丰泽钢构有限公司'))).toBeUndefined();
    expect(prep.error).toBe('“临江丰泽钢构有限公司”已在发言名单中');

    const ids = prep.queue.map((q) => q.id);
    await prep.move(ids[4]!, -1);
    expect(prep.queue.map((q) => q.id)).toEqual([ids[0], ids[1], ids[2], ids[4], ids[3]]);
    await prep.reorder([ids[4]!, ids[0]!, ids[1]!, ids[2]!, ids[3]!]);
    expect(prep.queue.map((q) => q.position)).toEqual([1, 2, 3, 4, 5]);
    await prep.removeEntry(ids[1]!);
    const stored = await repositories(db).queue.listForMeeting(upcoming().id);
    expect(stored.map((q) => [q.id, q.position])).toEqual([
      [ids[4], 1],
      [ids[0], 2],
      [ids[2], 3],
      [ids[3], 4],
    ]);
  });

  it('refuses an order that does not match what is stored', async () => {
    const prep = usePrepStore();
    await prep.open(upcoming().id);
    await expect(repositories(db).queue.reorder(upcoming().id, ['x'])).rejects.toThrow(/刷新/);
  });
});

describe('pre-collected demands', () => {
  it('saves a demand and finds a similar one the enterprise raised at an earlier meeting', async () => {
    const prep = usePrepStore();
    await prep.open(upcoming().id);
    const hengtai = enterprise('临江恒泰住房租赁有限公司');
    await prep.signUp(hengtai);
    expect(await prep.saveConcern({ ...concern(hengtai.id), verbatim: ' ' })).toMatch(/请填写诉求内容/);
    expect(await prep.saveConcern(concern(hengtai.id))).toBeUndefined();
    const saved = prep.concerns.find((c) => c.enterpriseId === hengtai.id)!;
    expect(saved).toMatchObject({ precollected: true, channel: '电话', urgency: 'urgent' });
    const similar = prep.similarEarlier(saved);
    expect(similar[0]?.meeting?.edition).toBe(14);
    expect(similar[0]?.concern.summary).toBe('尽快拨付住房租赁市场发展试点财政奖补资金');
    // A different matter of the same enterprise is not flagged.
    expect(prep.similarEarlier({ ...saved, verbatim: '希望协调员工子女入学', summary: '' })).toEqual([]);
  });
});

describe('directory', () => {
  it('searches by pinyin initials and refuses a duplicate name or credit code', async () => {
    const directory = useDirectoryStore();
    await directory.load();
    expect(directory.search('fzgt').map((e) => e.name)).toContain('临江丰泽钢构有限公司');
    const dup = await directory.save({ ...blank(), name: '临江丰泽钢构有限公司' });
    expect(dup).toEqual({ ok: false, errors: { name: '企业库中已有“临江丰泽钢构有限公司”' } });
    // Editing a record is not a duplicate of itself.
    const fengze = enterprise('临江丰泽钢构有限公司');
    expect((await directory.save({ ...fengze, phone: '13800138000' }, fengze.id)).ok).toBe(true);
    const code = await directory.save({ ...blank(), name: '另一家公司', creditCode: '91339901YG58BRK2XB' });
    expect(code.ok).toBe(false);
  });

  it('merges duplicates: every reference moves to the kept record, in one transaction', async () => {
    const directory = useDirectoryStore();
    await directory.load();
    const fengze = enterprise('临江丰泽钢构有限公司');
    const copy = await directory.save({
      ...blank(),
      name: '丰泽钢构',
      contact: '叶振邦',
      phone: '17102255229',
    });
    if (!copy.ok) throw new Error('setup');
    await db.concerns.add({ ...demo.concerns[0]!, id: 'c-copy', enterpriseId: copy.enterprise.id });
    await directory.merge(fengze.id, [fengze.id, copy.enterprise.id], { ...fengze });
    expect(await db.enterprises.get(copy.enterprise.id)).toBeUndefined();
    expect((await db.concerns.get('c-copy'))?.enterpriseId).toBe(fengze.id);
    expect(directory.enterprises).toHaveLength(24);
  });

  it('imports all confirmed rows or none', async () => {
    const directory = useDirectoryStore();
    await directory.load();
    const fresh = (name: string): Enterprise => ({
      ...blank(),
      name,
      id: `new-${name}`,
      createdAt: 1,
      updatedAt: 1,
    });
    await expect(
      directory.importAll([fresh('甲公司'), fresh('临江丰泽钢构有限公司')]),
    ).rejects.toBeInstanceOf(DuplicateEnterpriseError);
    expect(await db.enterprises.count()).toBe(24);
    expect(await directory.importAll([fresh('甲公司'), fresh('乙公司')])).toBe(2);
    expect(await db.enterprises.count()).toBe(26);
  });
});

function draft() {
  return {
    kind: 'reception' as const,
    title: '青溪区第16次“民营企业接待日”',
    edition: 16,
    theme: '',
    date: '2027-01-13',
    startTime: '09:00',
    place: '区工商联三楼会议室',
    level: 'county' as const,
    hostLeaderIds: [demo.leaders[0]!.id],
    attendingDeptIds: [],
  };
}

function concern(enterpriseId: string) {
  return {
    enterpriseId,
    kind: 'problem' as const,
    category: '资金补贴',
    urgency: 'urgent' as const,
    verbatim: '试点的财政奖补资金区级配套部分还没拨付到位，希望尽快拨付。',
    summary: '',
    channel: '电话' as const,
  };
}
