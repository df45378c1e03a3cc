// Spreadsheet paths made safe (issue 17, part 5): a zip bomb refused before anything is inflated, characters XML
// cannot hold dropped on every .xlsx and .docx write, and a file in an unknown encoding named as such.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { zipSizeProblem, XLSX_LIMITS } from '../../../shared/directory/zip-guard';
import { xmlSafe } from '../../../shared/domain/xml-safe';
import { buildDirectoryXlsx, readXlsxRows, XlsxReadError } from '../../../shared/directory/xlsx';
import { buildImportPreview } from '../../../shared/directory/import-preview';
import { bodyPara, gbDocument, gbSection, packDocument } from '../../../shared/docs/gbt9704';
import type { EnterpriseDraft } from '../../../shared/directory/types';
import { DIRECTORY_FIELDS } from '../../../shared/directory/headers';
import { buildLedgerXlsx } from '../../../shared/ledger/ledger-xlsx';
import { buildReplyForm } from '../../../shared/ledger/reply-form';
import { DEPARTMENTS, handedOff, line, moved } from '../ledger/ledger-fixture';
import { expectNoFormulas, HOSTILE_TEXTS } from '../ledger/xlsx-parts';

const draft = (name: string): EnterpriseDraft =>
  ({ ...Object.fromEntries(DIRECTORY_FIELDS.map((f) => [f, ''])), name }) as EnterpriseDraft;

describe('a zip file is looked at before it is inflated', () => {
  it('refuses a bomb at once: a small file stating a huge inflated size', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(64 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(zipSizeProblem(bomb)).toMatch(/压缩比异常/);
    expect(zipSizeProblem(bomb, { ...XLSX_LIMITS, maxRatio: 1e9, maxTotalBytes: 32 * 1024 * 1024 })).toMatch(
      /解压后超过 32 MB/,
    );
    const t = performance.now();
    await expect(readXlsxRows(bomb)).rejects.toThrow(XlsxReadError);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('passes a real workbook and refuses one cut short, saying so', async () => {
    const book = await buildDirectoryXlsx([draft('临江恒泰住房租赁有限公司')]);
    expect(zipSizeProblem(book)).toBeUndefined();
    expect(zipSizeProblem(book.subarray(0, book.length - 30))).toMatch(/不完整/);
  });
});

describe('characters XML cannot hold', () => {
  it('are dropped, and nothing else is (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const safe = xmlSafe(s);
        expect(safe).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
        // Every kept character was in the text, in order; a whole surrogate pair (an emoji) stays.
        expect(xmlSafe(safe)).toBe(safe);
      }),
    );
    expect(xmlSafe('临江\uffff恒泰\u0001😀\ud800')).toBe('临江恒泰😀');
    expect(xmlSafe('第一行\n第二行\t制表')).toBe('第一行\n第二行\t制表');
  });

  it('never break the 企业库 export: a name holding U+FFFF exports and imports back', async () => {
    const bytes = await buildDirectoryXlsx([draft('临江\uffff恒泰\u0002住房租赁有限公司')]);
    const preview = await buildImportPreview({ name: '企业库.xlsx', bytes }, []);
    expect(preview.ok).toBe(true);
    if (preview.ok) expect(preview.rows[0]?.draft.name).toBe('临江恒泰住房租赁有限公司');
  });

  it('never reach a .docx', async () => {
    const bytes = await packDocument(
      gbDocument({ title: 't', creator: 'c' }, [gbSection([bodyPara(['企业\uffff名称\u0007'])])]),
    );
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('企业名称');
    expect(xml).not.toMatch(/[\uffff\u0007]/);
  });
});

describe('a text file in an unknown encoding', () => {
  it('is named as such, with the line, and how to save it instead', async () => {
    const head = new TextEncoder().encode('企业名称,联系人\n临江恒泰,许家豪\n');
    const bad = new Uint8Array([...head, 0xff, 0xfe, 0xfd, 0x2c, 0x41, 0x0a]);
    // A leading FF FE would be a UTF-16 byte order mark: keep the bad bytes on line 3.
    const preview = await buildImportPreview({ name: '名录.csv', bytes: bad }, []);
    expect(preview).toMatchObject({ ok: false, code: 'unknown_encoding' });
    if (!preview.ok) {
      expect(preview.error).toMatch(/第3行起的文字编码无法识别/);
      expect(preview.error).toMatch(/CSV UTF-8/);
    }
  });
});

describe('no exported cell is ever a formula', () => {
  // Every .xlsx the app writes: 企业库, 台账, 回复登记表. A text starting with = + - @, a tab or a carriage return is
  // written as a string cell, and reads back as the same text.
  const hostile = HOSTILE_TEXTS;

  it('in the 企业库 export', async () => {
    const bytes = await buildDirectoryXlsx(
      hostile.map((name, i) => ({ ...blankEnterprise(), name, contact: hostile[(i + 1) % hostile.length]! })),
    );
    await expectNoFormulas(bytes);
  });

  it('in the 台账 and the 回复登记表', async () => {
    const items = hostile.map((text, i) => line(moved(handedOff(50 + i, 'd-fin', '2026-11-20'), []), text));
    await expectNoFormulas(
      await buildLedgerXlsx({
        organization: '青溪区工商联',
        items,
        departments: DEPARTMENTS,
        today: '2026-11-30',
        filterText: '=1+1',
      }),
    );
    await expectNoFormulas(
      await buildReplyForm({
        organization: '青溪区工商联',
        department: DEPARTMENTS[0]!,
        items,
        today: '2026-11-30',
        formId: '@x',
      }),
    );
  });
});

function blankEnterprise(): EnterpriseDraft {
  return Object.fromEntries(DIRECTORY_FIELDS.map((f) => [f, ''])) as unknown as EnterpriseDraft;
}
