// The duplicate check of one enterprise against a large directory (issue 17): only the enterprises that share a
// key with it are looked at, and the verdict is the one the whole directory gives.
import { describe, expect, it } from 'vitest';
import { DuplicateKeys } from '../../renderer/directory/duplicate-keys';
import { emptyDraft, validateEnterprise } from '../../shared/directory/row-rules';
import type { EnterpriseDraft } from '../../shared/directory/types';
import type { Enterprise } from '../../shared/domain/types';

const record = (id: string, fields: Partial<EnterpriseDraft>): Enterprise => ({
  ...emptyDraft(),
  ...fields,
  id,
  createdAt: 1,
  updatedAt: 1,
});

const DIRECTORY: Enterprise[] = [
  record('a', { name: '临江丰泽钢构有限公司', creditCode: '91339901YG58BRK2XB' }),
  record('b', { name: '青溪顺达物流（集团）有限公司' }),
  record('c', { name: 'ABC Trading Co.', creditCode: '91339901CBBKW37DX2' }),
  // Two records sharing a code: the check names the first of them in the list.
  record('d', { name: '临江蓝湾酒店管理有限公司', creditCode: '91339901CBBKW37DX2' }),
  ...Array.from({ length: 50 }, (_, i) => record(`n${i}`, { name: `新乐第${i}号机械制造有限公司` })),
];

const INPUTS: Array<[EnterpriseDraft, string | undefined]> = [
  [{ ...emptyDraft(), name: '临江丰泽钢构有限公司' }, undefined],
  [{ ...emptyDraft(), name: ' 临江丰泽钢构 有限公司 ' }, undefined],
  [{ ...emptyDraft(), name: '青溪顺达物流(集团)有限公司' }, undefined],
  [{ ...emptyDraft(), name: 'abc trading co.' }, undefined],
  [{ ...emptyDraft(), name: '另一家公司', creditCode: '91339901yg58brk2xb' }, undefined],
  [{ ...emptyDraft(), name: '又一家公司', creditCode: '91339901CBBKW37DX2' }, undefined],
  [{ ...emptyDraft(), name: '临江丰泽钢构有限公司', phone: '13800138000' }, 'a'],
  [{ ...emptyDraft(), name: '临江蓝湾酒店管理有限公司', creditCode: '91339901CBBKW37DX2' }, 'd'],
  [{ ...emptyDraft(), name: '新乐第7号机械制造有限公司' }, undefined],
  [{ ...emptyDraft(), name: '一家新公司', creditCode: '' }, undefined],
];

describe('DuplicateKeys', () => {
  it('gives the verdict of the whole directory from the few enterprises sharing a key', () => {
    const keys = new DuplicateKeys(DIRECTORY);
    while (!keys.complete) keys.addNext(7);
    for (const [input, id] of INPUTS) {
      const few = keys.candidates(input);
      expect(few.length).toBeLessThanOrEqual(2);
      expect(validateEnterprise(input, few, id)).toEqual(validateEnterprise(input, DIRECTORY, id));
    }
    expect(validateEnterprise(INPUTS[5]![0], keys.candidates(INPUTS[5]![0]))).toEqual({
      ok: false,
      errors: { creditCode: '与企业库中的“ABC Trading Co.”相同' },
    });
  });

  it('looks at the whole directory until every key is in', () => {
    const keys = new DuplicateKeys(DIRECTORY);
    keys.addNext(3);
    expect(keys.complete).toBe(false);
    expect(keys.candidates(INPUTS[0]![0])).toBe(DIRECTORY);
  });
});
