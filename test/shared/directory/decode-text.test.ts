import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeText, encodingLabel } from '../../../shared/directory/decode-text';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../../../shared/fixtures/${name}`, import.meta.url))),
  );

/** UTF-16LE bytes of a string, with the BOM Excel's "Unicode text" writes. */
function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out[(bom ? 2 : 0) + i * 2] = code & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = code >> 8;
  }
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 with BOM and drops the BOM', () => {
    const { text, encoding } = decodeText(fixture('enterprises.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(text.startsWith('企业名称,统一社会信用代码')).toBe(true);
    expect(text).toContain('临江丰泽钢构有限公司');
  });

  it('reads UTF-8 without BOM', () => {
    const { text, encoding } = decodeText(fixture('enterprises-bad.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('企业名称,')).toBe(true);
    expect(text).toContain('１３８ ００１３ ８０００');
  });

  it('falls back to GB18030 for the GBK file Excel writes on a Chinese Windows', () => {
    const bytes = fixture('enterprises-gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('gb18030');
    expect(text.split(/\r?\n/)[0]).toBe(
      '企业名称,统一社会信用代码,法定代表人,联系人,职务,联系电话,所属行业,所属街道',
    );
    expect(text).toContain('临江丰泽钢构有限公司,91339901YG58BRK2XB,叶振邦');
    expect(text).toContain('临江禾香食品有限公司');
    expect(text).not.toContain('\uFFFD');
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
    const { text, encoding } = decodeText(utf16le('企业名称\t联系电话\r\n丰泽\t13800138000\r\n'));
    expect(encoding).toBe('utf-16le');
    expect(text).toBe('企业名称\t联系电话\r\n丰泽\t13800138000\r\n');
  });

  it('reads UTF-16BE with BOM', () => {
    const le = utf16le('丰泽', false);
    const be = new Uint8Array(2 + le.length);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < le.length; i += 2) {
      be[2 + i] = le[i + 1]!;
      be[3 + i] = le[i]!;
    }
    expect(decodeText(be)).toEqual({ text: '丰泽', encoding: 'utf-16be' });
  });

  it('takes plain ASCII and empty input as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('a,b\n1,2'))).toEqual({ text: 'a,b\n1,2', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('names the encodings for the preview', () => {
    expect(encodingLabel('gb18030')).toBe('GBK/GB18030');
    expect(encodingLabel('utf-8-bom')).toBe('UTF-8（带BOM）');
  });
});
