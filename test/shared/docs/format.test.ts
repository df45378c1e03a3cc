import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockOf, textMask } from '../../../shared/docs/format';
import { toHalfWidth } from '../../../shared/domain/half-width';
import { normalizePhone } from '../../../shared/domain/phone';

describe('clockOf', () => {
  // 01:26:05 UTC is 09:26:05 in China, on any machine.
  const at = Date.UTC(2026, 10, 22, 1, 26, 5);

  it('gives HH:mm in China Standard Time', () => {
    expect(clockOf(at)).toBe('09:26');
  });

  it('gives HH:mm:ss when asked for seconds', () => {
    expect(clockOf(at, 'seconds')).toBe('09:26:05');
  });
});

describe('textMask: phone numbers in the 纪要 and 会前材料', () => {
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
  const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  // Separators between groups as people type them: none, a space, an ideographic space, a hyphen.
  const sep = fc.constantFrom('', ' ', '\u3000', '-');
  // Text around a number, with no digits of its own.
  const words = fc
    .array(
      fc.constantFrom('电', '话', '手', '机', '：', '，', '。', '（', '）', '我', '联系', ' ', 'A', '号'),
      {
        maxLength: 6,
      },
    )
    .map((w) => w.join(''));

  const mobile = fc
    .tuple(fc.integer({ min: 3, max: 9 }), digits(9))
    .map(([second, rest]) => `1${second}${rest}`);
  const mobileForm = fc
    .record({
      number: mobile,
      prefix: fc.constantFrom('', '+86', '+86 ', '+86-', '0086', '0086 ', '86', '＋86 '),
      a: sep,
      b: sep,
      wide: fc.boolean(),
    })
    .map(({ number, prefix, a, b, wide }) => {
      const text = `${prefix}${number.slice(0, 3)}${a}${number.slice(3, 7)}${b}${number.slice(7)}`;
      return { number, text: wide ? fullWidth(text) : text };
    });

  const area = fc.oneof(
    fc.constant('010'),
    digits(1).map((d) => `02${d}`),
    fc.tuple(fc.integer({ min: 3, max: 9 }), digits(2)).map(([a, b]) => `0${a}${b}`),
  );
  const local = fc
    .tuple(fc.integer({ min: 2, max: 9 }), fc.boolean(), digits(7))
    .map(([first, eight, rest]) => `${first}${rest.slice(0, eight ? 7 : 6)}`);
  const landlineForm = fc
    .record({
      area,
      local,
      style: fc.constantFrom('-', ' ', '', '()', '（）', '- split', '  split'),
      wide: fc.boolean(),
    })
    .map(({ area: code, local: number, style, wide }) => {
      const split = `${number.slice(0, number.length - 4)}${style[0]}${number.slice(-4)}`;
      const text =
        style === '()' || style === '（）'
          ? `${style[0]}${code}${style[1]}${number}`
          : style.endsWith('split')
            ? `${code}${style[0]}${split}`
            : `${code}${style}${number}`;
      return { area: code, number, text: wide ? fullWidth(text) : text };
    });

  const mask = textMask();
  const digitsOf = (s: string) => toHalfWidth(s).replace(/[^0-9*]/g, '');

  it('masks a mobile in every form the app accepts, and leaves the text around it', () => {
    fc.assert(
      fc.property(words, mobileForm, words, (before, { number, text }, after) => {
        expect(normalizePhone(text)).toMatchObject({ ok: true, phone: number });
        const out = mask(`${before}${text}${after}`);
        expect(out.startsWith(before) && out.endsWith(after)).toBe(true);
        const middle = out.slice(before.length, out.length - after.length);
        expect(middle).toHaveLength(text.length);
        expect(digitsOf(middle).endsWith(`${number.slice(0, 3)}****${number.slice(7)}`)).toBe(true);
        expect(digitsOf(out)).not.toContain(number);
      }),
      { numRuns: 500 },
    );
  });

  it('masks a landline with its area code in every form the app accepts', () => {
    fc.assert(
      fc.property(words, landlineForm, words, (before, { area: code, number, text }, after) => {
        expect(normalizePhone(text)).toMatchObject({ ok: true, phone: `${code}-${number}` });
        const out = mask(`${before}${text}${after}`);
        const middle = out.slice(before.length, out.length - after.length);
        expect(out.startsWith(before) && out.endsWith(after)).toBe(true);
        const hidden = `${number.slice(0, 2)}${'*'.repeat(number.length - 4)}${number.slice(-2)}`;
        expect(digitsOf(middle)).toBe(`${code}${hidden}`);
      }),
      { numRuns: 500 },
    );
  });

  it('masks every number of a text and keeps the text when told not to', () => {
    const text = '许总手机138 1234 5678，办公室（0830）5551234，另一位+8613912345678。';
    expect(mask(text)).toBe('许总手机138 **** 5678，办公室（0830）55***34，另一位+86139****5678。');
    expect(textMask(false)(text)).toBe(text);
  });

  it('leaves service numbers, extensions, dates, amounts and ID numbers as they are', () => {
    expect(mask('热线400-123-4567')).toBe('热线400-123-4567');
    expect(mask('0830-5551234-801')).toBe('0830-55***34-801');
    expect(mask('2026-11-22，13800000元')).toBe('2026-11-22，13800000元');
    expect(mask('身份证510123199001011234')).toBe('身份证510123199001011234');
  });
});
