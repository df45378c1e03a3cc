import { beforeEach, describe, expect, it } from 'vitest';
import { repositories } from '../../renderer/db';
import { useAppStore } from '../../renderer/stores/app';
import { useMeetingStore } from '../../renderer/stores/meeting';
import { useSettingsStore, validateOrganization } from '../../renderer/stores/settings';
import { freshDatabase } from './db-helpers';

beforeEach(async () => {
  await freshDatabase();
});

describe('useAppStore', () => {
  it('offers the demo on a first start, loads it, and remembers', async () => {
    const app = useAppStore();
    await app.init();
    expect(app.onboarding).toBe('pending');
    await app.loadDemo();
    expect(app.onboarding).toBe('demo');
    // The two meetings of the meeting day, and the two earlier ones whose items 跟踪督办 follows.
    expect(useMeetingStore().meetings.map((m) => m.edition)).toEqual([15, 14, 13, 12]);
    expect(await repositories().db.followUps.count()).toBeGreaterThan(10);
    expect(useSettingsStore().leaders).toHaveLength(6);
    const again = useAppStore();
    await again.init();
    expect(again.onboarding).toBe('demo');
  });

  it('remembers a blank start', async () => {
    await useAppStore().startBlank();
    const app = useAppStore();
    await app.init();
    expect(app.onboarding).toBe('blank');
  });
});

describe('useSettingsStore', () => {
  it('validates the organisation field by field and normalises the phone', () => {
    const result = validateOrganization({
      name: ' ',
      shortName: '青溪区工商联',
      docNumberPrefix: '青工商联交〔2026〕',
      contactPerson: '',
      contactPhone: '12345',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['contactPhone', 'docNumberPrefix', 'name']);
    const good = validateOrganization({
      name: '临江市青溪区工商业联合会',
      shortName: '青溪区工商联',
      docNumberPrefix: '青工商联交',
      contactPerson: '李晓燕',
      contactPhone: '０８３０ ５５５１２３４',
    });
    expect(good).toEqual({ ok: true, value: expect.objectContaining({ contactPhone: '0830-5551234' }) });
  });

  it('saves the organisation and reads it back after a reload', async () => {
    const settings = useSettingsStore();
    await settings.saveOrganization({
      name: '临江市青溪区工商业联合会',
      shortName: '青溪区工商联',
      docNumberPrefix: '青工商联交',
      contactPerson: '李晓燕',
      contactPhone: '0830-5551234',
    });
    await freshPiniaOnly();
    const reloaded = useSettingsStore();
    await reloaded.load();
    expect(reloaded.organization.shortName).toBe('青溪区工商联');
  });

  it('adds, renames and refuses duplicate leaders; departments keep their aliases', async () => {
    const settings = useSettingsStore();
    await settings.load();
    expect(await settings.saveLeader({ name: '王立群', title: '区委书记' })).toEqual({});
    expect(await settings.saveLeader({ name: '王立群', title: '区长' })).toEqual({
      name: '已有名为“王立群”的领导',
    });
    expect(await settings.saveLeader({ name: '', title: '' })).toEqual({
      name: '请填写领导姓名',
      title: '请填写职务',
    });
    const [wang] = settings.leaders;
    expect(
      await settings.saveLeader({ id: wang!.id, name: '王立群', title: '区委书记、一级巡视员' }),
    ).toEqual({});
    expect(settings.leaders.map((l) => [l.name, l.title, l.order])).toEqual([
      ['王立群', '区委书记、一级巡视员', 1],
    ]);

    expect(
      await settings.saveDepartment({
        name: '区财政局',
        shortName: '',
        aliases: ['财政', ' ', '财政局'],
        leaderId: wang!.id,
      }),
    ).toEqual({});
    expect(settings.departments[0]).toMatchObject({
      name: '区财政局',
      shortName: '区财政局',
      aliases: ['财政', '财政局'],
      leaderId: wang!.id,
    });
    expect(await settings.saveDepartment({ name: '区财政局', shortName: '', aliases: [] })).toEqual({
      name: '已有“区财政局”',
    });
  });
});

async function freshPiniaOnly() {
  const { createPinia, setActivePinia } = await import('pinia');
  setActivePinia(createPinia());
}
