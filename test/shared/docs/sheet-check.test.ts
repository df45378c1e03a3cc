import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { assignmentSheetData, buildAssignmentSheet } from '../../../shared/docs/assignment-sheet';
import {
  compareManifest,
  compareSheet,
  readManifest,
  readSheetFile,
  SheetReadError,
  type RecordedSheet,
} from '../../../shared/docs/sheet-check';
import { manifestBytes, manifestText } from '../../../shared/export/manifest';
import { demoBundle } from './docx';

async function sample() {
  const bundle = await demoBundle();
  const a = bundle.assignments[1]!;
  const signOff = bundle.signOffs.find((s) => s.assignmentId === a.id)!;
  const bytes = await buildAssignmentSheet(assignmentSheetData(bundle, a.id));
  const recorded: RecordedSheet = {
    docNumber: a.docNumber!,
    currentHash: signOff.contentHash,
    supersededHashes: [],
    expected: await readSheetFile(bytes, 'expected.docx'),
  };
  return { bundle, a, signOff, bytes, recorded };
}

/** The sheet with one piece of its printed text replaced, as someone editing the .docx would. */
async function altered(bytes: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(from);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('核对交办单', () => {
  it('an untouched 交办单 matches the database', async () => {
    const { bytes, recorded, a, signOff } = await sample();
    const facts = await readSheetFile(bytes, 'sheet.docx');
    expect(facts).toMatchObject({
      docNumber: a.docNumber,
      signOffHash: signOff.contentHash,
      checkCode: signOff.contentHash.slice(0, 12),
      assignmentId: a.id,
    });
    expect(facts.fields.get('企业名称')).toBe('临江丰泽钢构有限公司');
    expect(facts.fields.get('办理时限')).toBe('2026年12月7日');
    expect(facts.images).toHaveLength(2);
    expect(compareSheet('sheet.docx', facts, recorded)).toEqual({
      fileName: 'sheet.docx',
      kind: 'sheet',
      ok: true,
      summary: `${a.docNumber}：与数据库一致`,
      details: [],
    });
  });

  it('an altered 交办单 is named field by field', async () => {
    const { bytes, recorded } = await sample();
    const changed = await altered(bytes, '经济开发区管委会', '区发展和改革局');
    const finding = compareSheet('sheet.docx', await readSheetFile(changed, 'sheet.docx'), recorded);
    expect(finding.ok).toBe(false);
    expect(finding.details).toEqual(['牵头单位：交办单上为「区发展和改革局」，数据库为「经济开发区管委会」']);
  });

  it('a sheet printed before its handoff was recorded on another day is no difference (交办日期 is not signed)', async () => {
    const { bytes, recorded } = await sample();
    const facts = await readSheetFile(bytes, 'sheet.docx');
    const printed = facts.fields.get('交办日期')!;
    expect(printed).toMatch(/^\d{4}年\d+月\d+日$/);
    const changed = await altered(bytes, printed, '2026年12月31日');
    const finding = compareSheet('sheet.docx', await readSheetFile(changed, 'sheet.docx'), recorded);
    expect(finding).toMatchObject({ ok: true, details: [] });
  });

  it('a database rewritten behind the paper disagrees with it: other hash, other words', async () => {
    const { bytes, recorded } = await sample();
    const facts = await readSheetFile(bytes, 'sheet.docx');
    const forged = await readSheetFile(await altered(bytes, '两周内明确答复企业', '一个月内答复企业'), 'db');
    const finding = compareSheet('sheet.docx', facts, {
      ...recorded,
      currentHash: 'f'.repeat(64),
      expected: forged,
    });
    expect(finding.summary).toMatch(/与数据库不一致$/);
    expect(finding.details[0]).toMatch(/^交办单的签批摘要与数据库不符/);
    expect(finding.details[1]).toMatch(
      /^领导批示：交办单上为「…部门对照协议算清账，两周内明确答复企业。 2026年11月22日」，数据库为「…部门对照协议算清账，一个月内答复企业。 2026年11月22日」$/,
    );
    // An old version after 修改并重新签批, and an unknown number.
    expect(
      compareSheet('old.docx', facts, {
        ...recorded,
        currentHash: 'e'.repeat(64),
        supersededHashes: [recorded.currentHash!],
      }).details,
    ).toContain('这是修改并重新签批之前的旧版交办单，已作废，请以新签批的交办单为准');
    expect(compareSheet('x.docx', facts, undefined).summary).toMatch(/数据库中没有这个文号$/);
  });

  it('refuses what is not a 交办单, and a zip bomb unread', async () => {
    await expect(readSheetFile(new TextEncoder().encode('hello'), 'a.docx')).rejects.toThrow(
      '“a.docx”不是有效的 Word 文档（.docx），无法读取',
    );
    const bomb = new JSZip();
    bomb.file('word/document.xml', '<w:document>' + ' '.repeat(25 * 1024 * 1024) + '</w:document>');
    const small = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(small.byteLength).toBeLessThan(200_000);
    await expect(readSheetFile(small, 'bomb.docx')).rejects.toThrow(/过大或大小不明/);
    const plain = new JSZip();
    plain.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>你好</w:t></w:r></w:p></w:body></w:document>',
    );
    await expect(
      readSheetFile(await plain.generateAsync({ type: 'uint8array' }), 'b.docx'),
    ).rejects.toBeInstanceOf(SheetReadError);
  });

  it('a 清单 round trip: the listed signatures and the chain head against the database', async () => {
    const { a, signOff } = await sample();
    const text = manifestText({
      createdAt: new Date(Date.UTC(2026, 10, 22, 2)),
      location: 'E:\\交办材料',
      files: [{ fileName: 'a.docx', ok: true, size: 10, sha256: 'a'.repeat(64) }],
      attestation: {
        sheets: [{ fileName: 'a.docx', docNumber: a.docNumber!, signOffHash: signOff.contentHash }],
        auditHead: { seq: 7, hash: 'b'.repeat(64) },
      },
    });
    const facts = readManifest(manifestBytes(text), '清单.txt');
    expect(facts).toEqual({
      sheets: [{ fileName: 'a.docx', docNumber: a.docNumber, signOffHash: signOff.contentHash }],
      auditHead: { seq: 7, hash: 'b'.repeat(64) },
    });
    const recorded: RecordedSheet = {
      docNumber: a.docNumber!,
      currentHash: signOff.contentHash,
      supersededHashes: [],
    };
    const same = compareManifest('清单.txt', facts, {
      sheet: () => recorded,
      auditHash: () => 'b'.repeat(64),
    });
    expect(same).toMatchObject({ ok: true, summary: '清单所列 1 份交办单及操作记录与数据库一致' });
    const rewritten = compareManifest('清单.txt', facts, {
      sheet: () => ({ ...recorded, currentHash: 'c'.repeat(64) }),
      auditHash: () => 'd'.repeat(64),
    });
    expect(rewritten.details).toEqual([
      `${a.docNumber}：签批摘要与数据库不符（清单 ${signOff.contentHash.slice(0, 12)}，数据库 cccccccccccc）`,
      '操作记录第7条与导出时不同：数据库的操作记录可能被改写',
    ]);
    const truncated = compareManifest('清单.txt', facts, {
      sheet: () => recorded,
      auditHash: () => undefined,
    });
    expect(truncated.details).toEqual(['操作记录第7条已不在数据库中：导出后有记录被删除']);
    expect(() => readManifest(new TextEncoder().encode('恳谈会务台 导出清单\r\n'), 'x.txt')).toThrow(
      /没有签批核对表/,
    );
  });
});
