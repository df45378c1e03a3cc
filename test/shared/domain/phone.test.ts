import { describe, it, expect } from 'vitest';
import { maskPhone, normalizePhone, phoneKind } from '../../../shared/domain/phone';

describe('normalizePhone: mobile numbers', () => {
  it('keeps a clean number unchanged', () => {
    expect(normalizePhone('13800138000')).toEqual({
      ok: true,
      phone: '13800138000',
      changed: false,
      fixes: [],
    });
  });

  it('repairs the fixture value with full-width digits and spaces', () => {
    expect(normalizePhone('１３８ ００１３ ８０００')).toEqual({
      ok: true,
      phone: '13800138000',
      changed: true,
      fixes: ['全角数字已转换', '已去除空格'],
    });
  });

  it('removes hyphens between groups', () => {
    expect(normalizePhone('138-0013-8000')).toEqual({
      ok: true,
      phone: '13800138000',
      changed: true,
      fixes: ['已去除连字符'],
    });
  });

  it('removes a leading +86, 0086 or 86', () => {
    expect(normalizePhone('+86 138 0013 8000')).toEqual({
      ok: true,
      phone: '13800138000',
      changed: true,
      fixes: ['已去除+86', '已去除空格'],
    });
    expect(normalizePhone('+8613800138000')).toMatchObject({ phone: '13800138000', fixes: ['已去除+86'] });
    expect(normalizePhone('008613800138000')).toMatchObject({ phone: '13800138000', fixes: ['已去除0086'] });
    expect(normalizePhone('8613800138000')).toMatchObject({ phone: '13800138000', fixes: ['已去除86'] });
    expect(normalizePhone('＋８６－１３８００１３８０００')).toMatchObject({
      ok: true,
      phone: '13800138000',
    });
  });

  it('trims surrounding whitespace, ideographic spaces included', () => {
    expect(normalizePhone(' 13800138000\u3000')).toEqual({
      ok: true,
      phone: '13800138000',
      changed: true,
      fixes: ['已去除空格'],
    });
  });

  it('rejects numbers that cannot be mobile numbers', () => {
    expect(normalizePhone('12345678901')).toEqual({
      ok: false,
      reason: '手机号“12345678901”不正确：第2位应为3至9',
    });
    expect(normalizePhone('1380013800')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('号码位数不对'),
    });
    expect(normalizePhone('138001380001')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('号码位数不对'),
    });
    expect(normalizePhone('13800138000转8')).toEqual({ ok: false, reason: '手机号不能带分机号' });
  });
});

describe('normalizePhone: landlines', () => {
  it('keeps the area-code hyphen', () => {
    expect(normalizePhone('0830-5551234')).toEqual({
      ok: true,
      phone: '0830-5551234',
      changed: false,
      fixes: [],
    });
    expect(normalizePhone('010-62345678')).toMatchObject({ ok: true, phone: '010-62345678', changed: false });
  });

  it('turns a space after the area code into the hyphen', () => {
    expect(normalizePhone('0830 5551234')).toEqual({
      ok: true,
      phone: '0830-5551234',
      changed: true,
      fixes: ['已在区号后加连字符'],
    });
  });

  it('splits a number typed without separator by the known area-code lengths', () => {
    expect(normalizePhone('08305551234')).toMatchObject({
      phone: '0830-5551234',
      fixes: ['已在区号后加连字符'],
    });
    expect(normalizePhone('01062345678')).toMatchObject({ phone: '010-62345678' });
    expect(normalizePhone('02162345678')).toMatchObject({ phone: '021-62345678' });
    expect(normalizePhone('(0830)5551234')).toMatchObject({ phone: '0830-5551234' });
    expect(normalizePhone('０８３０－５５５１２３４')).toMatchObject({
      phone: '0830-5551234',
      fixes: ['全角数字已转换'],
    });
  });

  it('accepts extensions', () => {
    expect(normalizePhone('0830-5551234-801')).toMatchObject({
      ok: true,
      phone: '0830-5551234-801',
      changed: false,
    });
    expect(normalizePhone('0830-5551234转801')).toMatchObject({
      ok: true,
      phone: '0830-5551234-801',
      changed: true,
    });
    expect(normalizePhone('0830 5551234 ext. 12')).toMatchObject({ ok: true, phone: '0830-5551234-12' });
  });

  it('rejects bad area codes and local numbers', () => {
    expect(normalizePhone('0030-5551234')).toEqual({ ok: false, reason: '区号“0030”不正确' });
    expect(normalizePhone('0830-0551234')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('号码位数不对'),
    });
    expect(normalizePhone('0830-555123')).toMatchObject({ ok: false });
    expect(normalizePhone('010-12345678')).toMatchObject({ ok: false }); // local numbers never start with 1
    expect(normalizePhone('+86 830 5551234')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('去掉+86'),
    });
  });
});

describe('normalizePhone: other input', () => {
  it('rejects the fixture value 12345 with a Chinese reason', () => {
    expect(normalizePhone('12345')).toEqual({
      ok: false,
      reason: '号码位数不对：手机号应为11位，固定电话应为区号加7至8位号码（如0830-5551234）',
    });
  });

  it('rejects empty input and stray characters', () => {
    expect(normalizePhone('')).toEqual({ ok: false, reason: '电话号码为空' });
    expect(normalizePhone('　 ')).toEqual({ ok: false, reason: '电话号码为空' });
    expect(normalizePhone('138OO138000')).toEqual({ ok: false, reason: '含有非法字符“O”' });
    expect(normalizePhone('138+00138000')).toEqual({ ok: false, reason: '“+”只能出现在号码开头' });
    expect(normalizePhone('+44 20 7946 0000')).toEqual({ ok: false, reason: '只接受中国大陆号码（+86）' });
  });

  it('formats 400 and 800 service numbers', () => {
    expect(normalizePhone('4001234567')).toMatchObject({ ok: true, phone: '400-123-4567' });
    expect(normalizePhone('400-123-4567')).toMatchObject({ ok: true, phone: '400-123-4567', changed: false });
  });

  it('tells the kind of a number', () => {
    expect(phoneKind('13800138000')).toBe('mobile');
    expect(phoneKind('0830 5551234')).toBe('landline');
    expect(phoneKind('400-123-4567')).toBe('service');
    expect(phoneKind('12345')).toBeUndefined();
  });
});

describe('maskPhone', () => {
  it('hides the middle four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234');
  });

  it('hides the middle of the local number of a landline', () => {
    expect(maskPhone('0830-5551234')).toBe('0830-55***34');
    expect(maskPhone('010-62345678')).toBe('010-62****78');
    expect(maskPhone('0830-5551234-801')).toBe('0830-55***34-801');
  });

  it('leaves public service numbers whole', () => {
    expect(maskPhone('400-123-4567')).toBe('400-123-4567');
  });

  it('still hides most digits of text that is not a valid number', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('138-0013-800')).toBe('***-***3-800');
  });
});
