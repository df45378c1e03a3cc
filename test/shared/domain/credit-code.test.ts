import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  computeCreditCodeCheckChar,
  computeOrgCodeCheckChar,
  isOrgCodeCheckValid,
  isValidCreditCode,
  normalizeCreditCode,
  validateCreditCode,
} from '../../../shared/domain/credit-code';

/** The 统一社会信用代码 column of a fixture CSV (UTF-8, optional BOM, no quoted fields). */
function fixtureCodes(name: string): string[] {
  const path = fileURLToPath(new URL(`../../../../shared/fixtures/${name}`, import.meta.url));
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const column = lines[0]!.split(',').indexOf('统一社会信用代码');
  expect(column).toBeGreaterThanOrEqual(0);
  return lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',')[column] ?? '');
}

describe('validateCreditCode against the fixtures', () => {
  const good = fixtureCodes('enterprises.csv');

  it('reads every row of enterprises.csv', () => {
    expect(good).toHaveLength(24);
  });

  it.each(good)('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
  });

  it('rejects the bad checksum and the short code of enterprises-bad.csv', () => {
    const bad = fixtureCodes('enterprises-bad.csv');
    expect(bad).toContain('91339901YG58BRK2X0');
    expect(bad).toContain('91339901ABC');
    expect(validateCreditCode('91339901YG58BRK2X0')).toEqual({
      ok: false,
      reason: '校验位应为“B”而不是“0”，请核对代码是否抄错',
    });
    expect(validateCreditCode('91339901ABC')).toEqual({ ok: false, reason: '长度应为18位，实际为11位' });
    // The other rows there are wrong in other columns; their codes are fine.
    const others = bad.filter((c) => c !== '91339901YG58BRK2X0' && c !== '91339901ABC');
    expect(others.length).toBeGreaterThan(0);
    for (const code of others) expect(isValidCreditCode(code), code).toBe(true);
  });

  it('finds a correct GB 11714 inner check digit in every fixture row', () => {
    for (const code of good) expect(isOrgCodeCheckValid(code), code).toBe(true);
  });
});

describe('validateCreditCode', () => {
  it('accepts published codes', () => {
    for (const code of [
      '91110000600037341L',
      '914403001922038216',
      '9144030071526726XG',
      '12440600MB2C07549J',
    ]) {
      expect(validateCreditCode(code), code).toEqual({ ok: true, normalized: code });
    }
  });

  it('normalises spaces, lower case and full-width characters', () => {
    expect(validateCreditCode('  91339901yg58brk2xb\t')).toEqual({
      ok: true,
      normalized: '91339901YG58BRK2XB',
    });
    expect(validateCreditCode('９１３３９９０１ＹＧ５８ＢＲＫ２ＸＢ')).toEqual({
      ok: true,
      normalized: '91339901YG58BRK2XB',
    });
    expect(validateCreditCode('9133 9901 YG58 BRK2 XB').ok).toBe(true);
    expect(normalizeCreditCode('　９１ａ　')).toBe('91A');
  });

  it('explains empty and wrong-length input', () => {
    expect(validateCreditCode('')).toEqual({ ok: false, reason: '统一社会信用代码为空' });
    expect(validateCreditCode('   ')).toEqual({ ok: false, reason: '统一社会信用代码为空' });
    expect(validateCreditCode('91339901YG58BRK2XB1')).toEqual({
      ok: false,
      reason: '长度应为18位，实际为19位',
    });
  });

  it('names the illegal character', () => {
    expect(validateCreditCode('91339901IG58BRK2XB')).toEqual({
      ok: false,
      reason: '含有非法字符“I”（统一社会信用代码不使用I、O、Z、S、V）',
    });
    expect(validateCreditCode('91339901OG58BRK2XB').ok).toBe(false);
    expect(validateCreditCode('91339901YG58BRK2X-')).toEqual({ ok: false, reason: '含有非法字符“-”' });
    expect(validateCreditCode('91339901YG58BRK2X公')).toEqual({ ok: false, reason: '含有非法字符“公”' });
  });

  it('checks the registration authority code in position 1', () => {
    expect(validateCreditCode('B1339901YG58BRK2X9')).toEqual({
      ok: false,
      reason: '第1位登记管理部门代码“B”无效',
    });
    expect(validateCreditCode('01339901YG58BRK2XL').ok).toBe(false);
    for (const code of ['Y1339901YG58BRK2XM', 'A1339901YG58BRK2XA', 'N1339901YG58BRK2XX']) {
      expect(isValidCreditCode(code), code).toBe(true);
    }
  });

  it('requires digits for the administrative division but accepts unknown divisions', () => {
    expect(validateCreditCode('91A39901YG58BRK2XA')).toEqual({
      ok: false,
      reason: '第3至8位行政区划码“A39901”应为6位数字',
    });
    // 339901 is fictional (the fixtures use it): a division code is never looked up.
    expect(isValidCreditCode('91339901YG58BRK2XB')).toBe(true);
  });

  it('catches every single-character typo and every adjacent transposition', () => {
    const code = '91339901YG58BRK2XB';
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i += 1) {
      for (const ch of charset) {
        if (ch === code[i]) continue;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidCreditCode(typo), typo).toBe(false);
      }
      if (i < 17 && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(isValidCreditCode(swapped), swapped).toBe(false);
      }
    }
  });

  it('does not enforce the inner GB 11714 check digit', () => {
    // Position 17 should be X by GB 11714, but the mandatory position-18 check is right.
    expect(isOrgCodeCheckValid('91339901YG58BRK20H')).toBe(false);
    expect(validateCreditCode('91339901YG58BRK20H')).toEqual({ ok: true, normalized: '91339901YG58BRK20H' });
  });
});

describe('check characters', () => {
  it('computes the position-18 character', () => {
    expect(computeCreditCodeCheckChar('91339901YG58BRK2X')).toBe('B');
    expect(computeCreditCodeCheckChar('91110000600037341')).toBe('L');
    expect(computeCreditCodeCheckChar('91440300192203821')).toBe('6');
    expect(() => computeCreditCodeCheckChar('91339901YG58BRK2')).toThrow('计算校验位需要前17位');
    expect(() => computeCreditCodeCheckChar('91339901IG58BRK2X')).toThrow('含有非法字符“I”');
  });

  it('computes the GB 11714 character, with X for 10 and 0 for 11', () => {
    expect(computeOrgCodeCheckChar('60003734')).toBe('1');
    expect(computeOrgCodeCheckChar('71526726')).toBe('X');
    expect(computeOrgCodeCheckChar('YG58BRK2')).toBe('X');
    expect(computeOrgCodeCheckChar('00000000')).toBe('0');
    expect(() => computeOrgCodeCheckChar('1234567')).toThrow(RangeError);
  });
});
