import { describe, it, expect } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical-json';

describe('canonicalJson', () => {
  it('writes scalars as JSON does', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson('签批')).toBe('"签批"');
    expect(canonicalJson(12)).toBe('12');
  });

  it('is stable across key order', () => {
    const a = { b: 1, a: 2, c: { y: [1, 2], x: 'x' } };
    const b = { c: { x: 'x', y: [1, 2] }, a: 2, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":2,"b":1,"c":{"x":"x","y":[1,2]}}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('sorts nested objects inside arrays but keeps array order', () => {
    const value = { list: [{ z: 1, a: 2 }, 3, [{ d: 4, c: 5 }]], empty: {}, none: [] };
    expect(canonicalJson(value)).toBe('{"empty":{},"list":[{"a":2,"z":1},3,[{"c":5,"d":4}]],"none":[]}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 §3.2.3 shows', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = Object.keys(JSON.parse(canonicalJson(value)) as object);
    // JSON.parse puts the integer-like key first again; compare the serialised order instead.
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    const text = canonicalJson(value);
    const positions = order.map((k) => text.indexOf(`${JSON.stringify(k)}:`));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(keys).toHaveLength(7);
  });

  it('orders a supplementary-plane key before U+FF61, unlike code-point order', () => {
    expect(canonicalJson({ '\uff61': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\uff61":1}');
  });

  it('keeps Chinese text unescaped and escapes control characters', () => {
    expect(canonicalJson({ 批示: '请区财政局牵头办理\n限两周' })).toBe(
      '{"批示":"请区财政局牵头办理\\n限两周"}',
    );
    expect(canonicalJson('\u001f"\\')).toBe('"\\u001f\\"\\\\"');
  });

  it('prints numbers the ECMAScript way', () => {
    expect(canonicalJson([1.0, 0.1, -0, 1e21, 1e-7, 123456789012, -1.5])).toBe(
      '[1,0.1,0,1e+21,1e-7,123456789012,-1.5]',
    );
  });

  it('rejects NaN and Infinity, naming where they are', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: [1, Infinity] })).toThrow('$.a[1]');
    expect(() => canonicalJson({ a: -Infinity })).toThrow('有限数字');
  });

  it('omits undefined object members but refuses undefined elsewhere', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson([1, undefined])).toThrow('数组中不允许');
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: 10n })).toThrow('bigint');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
    expect(() => canonicalJson(new Map([['a', 1]]))).toThrow('Map');
    expect(() => canonicalJson('\ud800')).toThrow('代理项');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow('循环引用');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('uses toJSON as JSON.stringify does, and accepts null-prototype objects', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 10, 18, 1, 20)) })).toBe(
      '{"at":"2026-11-18T01:20:00.000Z"}',
    );
    const bare = Object.create(null) as Record<string, unknown>;
    bare['b'] = 2;
    bare['a'] = 1;
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });

  it('gives output that parses back to the same data', () => {
    const value = { title: '第14次“民营企业接待日”', n: [1, 2.5, -3], nested: { ok: true, none: null } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
