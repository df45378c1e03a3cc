// The first-start checklist, and the organisation's fields that are flagged instead of cut.
import { describe, expect, it } from 'vitest';
import { setupChecklist, validateOrganization } from '../../../shared/domain/settings-rules';

const EMPTY = { name: '', shortName: '', docNumberPrefix: '', contactPerson: '', contactPhone: '' };
const ORG = {
  ...EMPTY,
  name: '临江市青溪区工商业联合会',
  shortName: '青溪区工商联',
  docNumberPrefix: '青工商联交',
};

describe('setupChecklist', () => {
  it('lists 单位 → 领导 → 部门 → 企业库 → 会议, none done on a blank start', () => {
    const items = setupChecklist({
      organization: EMPTY,
      leaders: 0,
      departments: 0,
      enterprises: 0,
      meetings: 0,
    });
    expect(items.map((i) => [i.step, i.title, i.done])).toEqual([
      ['organization', '单位信息', false],
      ['leaders', '领导', false],
      ['departments', '部门', false],
      ['enterprises', '企业库', false],
      ['meeting', '会议', false],
    ]);
  });

  it('ticks what is there and says how much', () => {
    const items = setupChecklist({
      organization: ORG,
      leaders: 6,
      departments: 0,
      enterprises: 24,
      meetings: 0,
    });
    expect(items.map((i) => [i.done, i.detail])).toEqual([
      [true, '已填写：青溪区工商联'],
      [true, '已有6位'],
      [false, '参会和承办的部门，连同简称、别称；可整列粘贴'],
      [true, '已有24家'],
      [false, '新建第一次会议，再到会前准备安排发言'],
    ]);
  });

  it('counts the organisation done only when it would save (a prefix with a year is not done)', () => {
    const [org] = setupChecklist({
      organization: { ...ORG, docNumberPrefix: '青工商联交〔2026〕' },
      leaders: 0,
      departments: 0,
      enterprises: 0,
      meetings: 0,
    });
    expect(org!.done).toBe(false);
  });
});

describe('validateOrganization limits', () => {
  it('says how far a field is over instead of cutting it', () => {
    expect(
      validateOrganization({
        ...ORG,
        shortName: '临江市青溪区工商业联合会（总商会）机关党支部青溪区工商联合会办',
      }),
    ).toEqual({
      ok: false,
      errors: { shortName: '单位简称不能超过30个字（现在多了1个字）' },
    });
  });
});
