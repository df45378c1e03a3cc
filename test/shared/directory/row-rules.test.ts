import { describe, it, expect } from 'vitest';
import type { Enterprise } from '../../../shared/domain/types';
import type { EnterpriseDraft } from '../../../shared/directory/types';
import {
  checkDraft,
  createDuplicateLookup,
  emptyDraft,
  enterpriseNameKey,
  validateEnterprise,
  validateEnterpriseDraft,
} from '../../../shared/directory/row-rules';

const draft = (fields: Partial<EnterpriseDraft>): EnterpriseDraft => ({ ...emptyDraft(), ...fields });

const fengze: Enterprise = {
  id: 'e-fengze',
  name: '临江丰泽钢构有限公司',
  creditCode: '91339901YG58BRK2XB',
  legalRep: '叶振邦',
  contact: '叶振邦',
  contactTitle: '董事长',
  phone: '17102255229',
  industry: '钢结构制造',
  street: '新乐镇',
  createdAt: 1,
  updatedAt: 1,
};
const huarui: Enterprise = { ...fengze, id: 'e-huarui', name: '临江·华瑞（集团）有限公司', creditCode: '' };

describe('checkDraft: cleaning', () => {
  it('leaves a clean record alone', () => {
    const { draft: out, issues } = checkDraft(draft({ ...fengze }));
    expect(issues).toEqual([]);
    expect(out.name).toBe('临江丰泽钢构有限公司');
  });

  it('trims spaces, also full-width ones, and says so', () => {
    const { draft: out, issues } = checkDraft(draft({ name: '\u3000 临江朝晖塑胶有限公司  ' }));
    expect(out.name).toBe('临江朝晖塑胶有限公司');
    expect(issues).toEqual([{ kind: 'fix', field: 'name', text: '已去除首尾空格' }]);
  });

  it('converts full-width letters and digits but keeps Chinese brackets of a registered name', () => {
    const { draft: out, issues } = checkDraft(draft({ name: '青溪Ａ＆Ｂ精密模具（集团）有限公司' }));
    expect(out.name).toBe('青溪A＆B精密模具（集团）有限公司');
    expect(issues).toEqual([{ kind: 'fix', field: 'name', text: '全角字母数字已转换' }]);
  });

  it('removes padding spaces in a two-character person name', () => {
    const { draft: out, issues } = checkDraft(
      draft({ name: '某公司', contact: '邓\u3000伟', legalRep: '邓 伟' }),
    );
    expect(out.contact).toBe('邓伟');
    expect(out.legalRep).toBe('邓伟');
    expect(issues).toContainEqual({ kind: 'fix', field: 'contact', text: '已去除姓名中间的空格' });
  });

  it('removes spaces between Chinese characters of a name but keeps one between Latin words', () => {
    const { draft: out } = checkDraft(draft({ name: '临江  丰泽 Steel   Works 有限公司' }));
    expect(out.name).toBe('临江丰泽Steel Works有限公司');
  });

  it('joins a cell broken over lines (Alt+Enter in Excel)', () => {
    const { draft: out, issues } = checkDraft(draft({ name: '临江丰泽\n钢构有限公司' }));
    expect(out.name).toBe('临江丰泽钢构有限公司');
    expect(issues[0]?.text).toBe('已去除换行，已去除中间多余的空格');
  });

  it('removes invisible characters', () => {
    const { draft: out, issues } = checkDraft(draft({ name: '\u200B临江丰泽钢构有限公司' }));
    expect(out.name).toBe('临江丰泽钢构有限公司');
    expect(issues[0]?.text).toBe('已去除不可见字符');
  });

  it('normalises the phone and lists each fix', () => {
    expect(checkDraft(draft({ name: 'x', phone: '１３８ ００１３ ８０００' })).issues).toEqual([
      { kind: 'fix', field: 'phone', text: '全角数字已转换，已去除空格' },
    ]);
    const plus = checkDraft(draft({ name: 'x', phone: '+86 138-0013-8000' }));
    expect(plus.draft.phone).toBe('13800138000');
    expect(plus.issues[0]?.text).toBe('已去除+86，已去除空格，已去除连字符');
  });

  it('normalises the credit code: full-width, spaces, lower case', () => {
    const { draft: out, issues } = checkDraft(
      draft({ name: 'x', creditCode: ' ９１３３９９０１yg58brk2xb ' }),
    );
    expect(out.creditCode).toBe('91339901YG58BRK2XB');
    expect(issues).toEqual([
      { kind: 'fix', field: 'creditCode', text: '全角字符已转换，已去除空格，小写字母已改为大写' },
    ]);
  });

  it('accepts empty credit code and phone', () => {
    expect(checkDraft(draft({ name: '个体户' })).issues).toEqual([]);
  });
});

describe('checkDraft: rejections', () => {
  it('rejects a missing name', () => {
    expect(checkDraft(draft({ name: ' ', phone: '13800138000' })).issues).toContainEqual({
      kind: 'reject',
      field: 'name',
      text: '不能为空',
    });
  });

  it('rejects a paragraph where a name should be', () => {
    const issues = checkDraft(draft({ name: '注'.repeat(101) })).issues;
    expect(issues).toContainEqual({
      kind: 'reject',
      field: 'name',
      text: '超过100个字，不像企业名称，请核对',
    });
  });

  it('gives validateCreditCode’s reason', () => {
    expect(checkDraft(draft({ name: 'x', creditCode: '91339901YG58BRK2X0' })).issues).toEqual([
      { kind: 'reject', field: 'creditCode', text: '校验位应为“B”而不是“0”，请核对代码是否抄错' },
    ]);
    expect(checkDraft(draft({ name: 'x', creditCode: '91339901ABC' })).issues).toEqual([
      { kind: 'reject', field: 'creditCode', text: '长度应为18位，实际为11位' },
    ]);
  });

  it('gives normalizePhone’s reason', () => {
    expect(checkDraft(draft({ name: 'x', phone: '12345' })).issues).toEqual([
      {
        kind: 'reject',
        field: 'phone',
        text: '号码位数不对：手机号应为11位，固定电话应为区号加7至8位号码（如0830-5551234）',
      },
    ]);
  });

  it('explains numbers that Excel showed in scientific notation', () => {
    const { issues } = checkDraft(draft({ name: 'x', phone: '1.38001E+10', creditCode: '9.13399E+17' }));
    expect(issues).toEqual([
      {
        kind: 'reject',
        field: 'creditCode',
        text: '被 Excel 显示成了科学计数法（9.13399E+17），代码已不完整；请在原表中把该列设为“文本”格式，重新填写后再导入',
      },
      {
        kind: 'reject',
        field: 'phone',
        text: '被 Excel 显示成了科学计数法（1.38001E+10），号码已不完整；请在原表中把该列设为“文本”格式，重新填写后再导入',
      },
    ]);
  });
});

describe('enterpriseNameKey', () => {
  it('treats full-width and half-width brackets, spaces and Latin case alike', () => {
    const key = enterpriseNameKey('临江·华瑞（集团）有限公司');
    expect(enterpriseNameKey('临江·华瑞(集团)有限公司')).toBe(key);
    expect(enterpriseNameKey(' 临江·华瑞 （集团）有限公司\u3000')).toBe(key);
    expect(enterpriseNameKey('临江・华瑞（集团）有限公司')).toBe(key);
    expect(enterpriseNameKey('青溪a&b精密模具有限公司')).toBe(
      enterpriseNameKey('青溪Ａ＆Ｂ精密模具有限公司'),
    );
    expect(enterpriseNameKey('临江华瑞集团有限公司')).not.toBe(key);
  });
});

describe('createDuplicateLookup', () => {
  it('finds by normalised code and name, and leaves out the record being edited', () => {
    const lookup = createDuplicateLookup([fengze, huarui]);
    expect(lookup.byCode('91339901yg58brk2xb')?.id).toBe('e-fengze');
    expect(lookup.byCode('')).toBeUndefined();
    expect(lookup.byName('临江·华瑞(集团)有限公司')?.id).toBe('e-huarui');
    expect(lookup.byName('')).toBeUndefined();
    expect(createDuplicateLookup([fengze], 'e-fengze').byCode(fengze.creditCode)).toBeUndefined();
  });

  it('never matches two enterprises on an empty code', () => {
    expect(createDuplicateLookup([huarui]).byCode('')).toBeUndefined();
  });
});

describe('validateEnterpriseDraft (the edit form)', () => {
  it('says the record exists when name and code both match one enterprise', () => {
    const verdict = validateEnterpriseDraft(draft({ ...fengze }), [fengze]);
    expect(verdict.status).toBe('rejected');
    expect(verdict.duplicateOfId).toBe('e-fengze');
    expect(verdict.messages).toEqual(['企业名称：企业库中已有此企业（名称和统一社会信用代码都相同）']);
  });

  it('names the enterprise with the same code', () => {
    const verdict = validateEnterpriseDraft(draft({ name: '临江新公司', creditCode: fengze.creditCode }), [
      fengze,
    ]);
    expect(verdict.messages).toEqual(['统一社会信用代码：与企业库中的“临江丰泽钢构有限公司”相同']);
    expect(verdict.duplicateOfId).toBe('e-fengze');
  });

  it('names the enterprise with the same name', () => {
    const verdict = validateEnterpriseDraft(draft({ name: '临江·华瑞(集团)有限公司' }), [fengze, huarui]);
    expect(verdict.messages).toEqual(['企业名称：企业库中已有“临江·华瑞（集团）有限公司”']);
    expect(verdict.duplicateOfId).toBe('e-huarui');
  });

  it('lets the edited record keep its own name and code', () => {
    const verdict = validateEnterpriseDraft(draft({ ...fengze, phone: '171 0225 5229' }), [fengze], {
      ignoreId: 'e-fengze',
    });
    expect(verdict.status).toBe('fixable');
    expect(verdict.draft.phone).toBe('17102255229');
    expect(verdict.messages).toEqual(['联系电话：已去除空格']);
  });

  it('is valid for a new clean record', () => {
    const verdict = validateEnterpriseDraft(draft({ name: '青溪新企业有限公司' }), [fengze]);
    expect(verdict).toMatchObject({ status: 'valid', issues: [], messages: [] });
    expect(verdict.duplicateOfId).toBeUndefined();
  });
});

describe('validateEnterprise (what the directory store saves)', () => {
  it('names the refused fields', () => {
    expect(validateEnterprise(draft({ name: ' ', creditCode: '91339901ABC', phone: '12345' }))).toMatchObject(
      {
        ok: false,
        errors: {
          name: expect.any(String),
          creditCode: expect.stringMatching(/18位/),
          phone: expect.any(String),
        },
      },
    );
  });

  it('returns the cleaned fields', () => {
    expect(
      validateEnterprise(draft({ name: '临江新企业有限公司', phone: '+86 138 0013 8000' })),
    ).toMatchObject({
      ok: true,
      value: { phone: '13800138000' },
    });
  });

  it('refuses a duplicate, but not the record being edited', () => {
    const result = validateEnterprise(draft({ ...fengze }), [fengze]);
    expect(result.ok).toBe(false);
    expect(validateEnterprise(draft({ ...fengze }), [fengze], fengze.id).ok).toBe(true);
  });
});
