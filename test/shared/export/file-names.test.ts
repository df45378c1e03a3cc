import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fileNameKey,
  isSafeFileName,
  isSafeFolderName,
  MAX_NAME_BYTES,
  safeFileName,
  safeFolderName,
  splitFileName,
  truncateUtf8,
  uniqueFileNames,
  utf8Bytes,
} from '../../../shared/export/file-names';

const REAL = '青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单';
const EXTENSIONS = ['.docx', '.txt', '.xlsx', '.zip', ''];

// Pieces that break names: device names, separators, dots and spaces, controls, bidi overrides,
// lone surrogates, combining marks, emoji sequences, CJK.
const piece = fc.constantFrom(
  'CON',
  'aux',
  'Nul',
  'com1',
  'LPT9',
  'COM¹',
  'conout$',
  '.',
  '..',
  ' ',
  '\u3000',
  '/',
  '\\',
  ':',
  '*',
  '?',
  '<',
  '>',
  '"',
  '|',
  '\u0000',
  '\u001f',
  '\n',
  '\t',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udfff',
  'e\u0301',
  'é',
  '汉',
  '〔2026〕',
  '👨‍👩‍👧‍👦',
  '😀',
  '🇨🇳',
  'a',
  'Z',
  '-',
  '(2)',
  '.docx',
);
const nasty = fc.oneof(
  fc.array(piece, { maxLength: 120 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ maxLength: 40 }),
);
const ext = fc.constantFrom(...EXTENSIONS);

/** What Windows refuses, checked independently of the implementation. */
function windowsRefuses(name: string): boolean {
  return (
    /[<>:"/\\|?*\u0000-\u001f]/.test(name) ||
    /[. ]$/.test(name) ||
    /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])( *\.|$)/i.test(name) ||
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name)
  );
}

describe('safeFileName', () => {
  it('is safe, within 255 bytes, keeps the extension and is idempotent for any stem', () => {
    fc.assert(
      fc.property(nasty, ext, (stem, e) => {
        const name = safeFileName(stem, e);
        expect(windowsRefuses(name), JSON.stringify(name)).toBe(false);
        expect(utf8Bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(name.endsWith(e)).toBe(true);
        expect(name.length).toBeGreaterThan(e.length);
        expect(name.startsWith('.')).toBe(false);
        expect(name).toBe(name.normalize('NFC'));
        expect(safeFileName(name.slice(0, name.length - e.length), e)).toBe(name);
        expect(isSafeFileName(name)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves the real document name as it is, full-width 〔〕 included', () => {
    expect(safeFileName(REAL, '.docx')).toBe(`${REAL}.docx`);
    expect(isSafeFileName(`${REAL}.docx`)).toBe(true);
    expect(safeFileName('企业库-20261118', '.xlsx')).toBe('企业库-20261118.xlsx');
  });

  it.each([
    ['CON', '.docx', 'CON_.docx'],
    ['aux', '.docx', 'aux_.docx'],
    ['Nul', '', 'Nul_'],
    ['com1.v2', '.docx', 'com1_.v2.docx'],
    ['LPT¹', '.txt', 'LPT¹_.txt'],
    ['CONSOLE', '.docx', 'CONSOLE.docx'],
    ['公司.', '.docx', '公司.docx'],
    ['公司. . ', '', '公司'],
    ['A/B:C*?', '.docx', 'A／B：C＊？.docx'],
    ['<"a|b\\c">', '.docx', '＜＂a｜b＼c＂＞.docx'],
    ['第一行\n第二行\t\u0000', '.docx', '第一行第二行.docx'],
    ['交办单\u202Excod.exe', '', '交办单xcod.exe'],
    ['.hidden', '.txt', 'hidden.txt'],
    ['', '.docx', '未命名.docx'],
    ['  ..  ', '.docx', '未命名.docx'],
    ['e\u0301', '.docx', 'é.docx'],
    ['半个\ud83d', '.docx', '半个.docx'],
  ])('%j + %j → %j', (stem, e, expected) => {
    expect(safeFileName(stem, e)).toBe(expected);
  });

  it('cuts 200 汉字 between characters so the name fits 255 bytes with .docx', () => {
    const name = safeFileName('汉'.repeat(200), '.docx');
    expect(name).toBe(`${'汉'.repeat(83)}.docx`);
    expect(utf8Bytes(name)).toBe(254);
  });

  it('never splits an emoji: not a surrogate pair, not a family sequence', () => {
    const family = '👨‍👩‍👧‍👦'; // 25 bytes
    const name = safeFileName(family.repeat(20), '.docx');
    expect(name).toBe(`${family.repeat(10)}.docx`);
    const single = safeFileName('😀'.repeat(100), '.docx');
    expect(single).toBe(`${'😀'.repeat(62)}.docx`);
    expect(single).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('refuses an extension that is not a short ASCII suffix', () => {
    expect(() => safeFileName('a', 'docx')).toThrow(RangeError);
    expect(() => safeFileName('a', '.do/cx')).toThrow(RangeError);
  });
});

describe('isSafeFileName', () => {
  it.each(['CON.docx', 'aux.docx', 'a:b.docx', 'what?.docx', 'name.', 'name ', '.docx', '', 'a\u0000.docx'])(
    'refuses %j',
    (name) => expect(isSafeFileName(name)).toBe(false),
  );
  it('refuses a name over 255 bytes and a decomposed (NFD) name', () => {
    expect(isSafeFileName(`${'汉'.repeat(90)}.docx`)).toBe(false);
    expect(isSafeFileName('Cafe\u0301.docx')).toBe(false);
  });
});

describe('safeFolderName', () => {
  it('follows the same rules without an extension', () => {
    expect(safeFolderName('青溪区第14次民营企业接待日-交办材料')).toBe('青溪区第14次民营企业接待日-交办材料');
    expect(safeFolderName('aux')).toBe('aux_');
    expect(safeFolderName('会议 2026/11/18.')).toBe('会议 2026／11／18');
    expect(safeFolderName('')).toBe('未命名');
    fc.assert(
      fc.property(nasty, (raw) => {
        const name = safeFolderName(raw);
        expect(windowsRefuses(name)).toBe(false);
        expect(utf8Bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(isSafeFolderName(name)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('uniqueFileNames', () => {
  it('numbers collisions ignoring case, skipping names already taken', () => {
    expect(uniqueFileNames(['名字.docx', '名字.DOCX', '名字(2).docx', '名字.docx', '其他.docx'])).toEqual([
      '名字.docx',
      '名字(3).DOCX',
      '名字(2).docx',
      '名字(4).docx',
      '其他.docx',
    ]);
  });

  it('keeps the byte limit and the extension when numbering a long name', () => {
    const long = safeFileName('汉'.repeat(200), '.docx');
    const [first, second] = uniqueFileNames([long, long]);
    expect(first).toBe(long);
    expect(second).toMatch(/^汉+\(2\)\.docx$/);
    expect(utf8Bytes(second!)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('gives distinct safe names in the same order for any list', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nasty, ext), { maxLength: 30 }), (pairs) => {
        const names = pairs.map(([s, e]) => safeFileName(s, e));
        const unique = uniqueFileNames([...names, ...names]);
        expect(unique).toHaveLength(names.length * 2);
        expect(new Set(unique.map(fileNameKey)).size).toBe(unique.length);
        // The first of each name (ignoring case) keeps it.
        const keys = names.map(fileNameKey);
        unique.slice(0, names.length).forEach((n, i) => {
          if (keys.indexOf(keys[i]!) === i) expect(n).toBe(names[i]);
        });
        for (const n of unique) {
          expect(isSafeFileName(n)).toBe(true);
          expect(utf8Bytes(n)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('helpers', () => {
  it('splits a short ASCII extension off the last dot', () => {
    expect(splitFileName('a.b.docx')).toEqual({ stem: 'a.b', ext: '.docx' });
    expect(splitFileName('会议纪要')).toEqual({ stem: '会议纪要', ext: '' });
    expect(splitFileName('.docx')).toEqual({ stem: '.docx', ext: '' });
  });

  it('truncates at code points when one grapheme is over the budget', () => {
    const zalgo = `a${'\u0301'.repeat(300)}`;
    const cut = truncateUtf8(zalgo, 100);
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(100);
    expect(cut.startsWith('a')).toBe(true);
    expect(utf8Bytes(truncateUtf8('汉汉', 5))).toBe(3);
  });
});
