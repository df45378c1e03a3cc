import { beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentSheetData,
  buildAssignmentSheet,
  type AssignmentSheetData,
  SHEET_COLUMNS,
  SheetBlockedError,
} from '../../../shared/docs/assignment-sheet';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { pngSize } from '../../../shared/docs/ink-png';
import { dataUrlBytes } from '../../../shared/domain/integrity';
import { TEXT_WIDTH } from '../../../shared/docs/gbt9704';
import type { DocxParts } from './docx';
import { DEMO_NOW, demoBundle, elements, emuToMm, paragraphs, readDocx, runsWith, tableRows } from './docx';

let bundle: MeetingBundle;
let first: DocxParts;
let second: DocxParts;
let firstData: AssignmentSheetData;

beforeAll(async () => {
  bundle = await demoBundle();
  const sheet = async (i: number) =>
    readDocx(
      await buildAssignmentSheet(
        assignmentSheetData(bundle, bundle.assignments[i]!.id, undefined, undefined, DEMO_NOW),
      ),
    );
  first = await sheet(0);
  firstData = assignmentSheetData(bundle, bundle.assignments[0]!.id, undefined, undefined, DEMO_NOW);
  second = await sheet(1);
});

describe('交办单 page (GB/T 9704)', () => {
  it('is A4 in exact twips, 11906 × 16838', () => {
    expect(elements(first.document, 'w:pgSz')).toEqual([
      expect.objectContaining({ 'w:w': '11906', 'w:h': '16838' }),
    ]);
  });

  it('has the margins 37 / 35 / 28 / 26 mm in twips', () => {
    const [margin] = elements(first.document, 'w:pgMar');
    // 1 mm = 1440 / 25.4 twips, rounded: 2097.6, 1984.3, 1587.4, 1474.0.
    expect(margin).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
  });

  it('sets the East Asian faces explicitly with Times New Roman for Latin text', () => {
    const title = runsWith(first.document, '交办单').find((r) => r.includes('w:val="44"'));
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    const label = runsWith(first.document, '企业名称')[0];
    expect(label).toMatch(/w:eastAsia="黑体"/);
    const value = runsWith(first.document, '临江恒泰住房租赁有限公司')[0];
    expect(value).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(value).toMatch(/w:ascii="Times New Roman"/);
  });

  it('uses 2号 for the title, 3号 as the document default and 4号 in the form', () => {
    const sizes = new Set(elements(first.document, 'w:sz').map((a) => a['w:val']));
    expect(sizes).toContain('44');
    expect(sizes).toContain('28');
    expect(runsWith(first.document, '企业名称')[0]).toMatch(/<w:sz w:val="28"\/>/);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(first.styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:sz w:val="32"\/>/);
    expect(defaults).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(defaults).toMatch(/w:lineRule="exact"/);
  });

  it('writes exact line spacing (lineRule exact), never the value Word ignores', () => {
    const spacing = elements(first.document, 'w:spacing').filter((s) => s['w:line']);
    const exact = spacing.filter((s) => s['w:lineRule'] === 'exact');
    // Only the paragraphs holding a picture take automatic height.
    expect(spacing.length - exact.length).toBe(1);
    expect(exact.length).toBeGreaterThan(20);
    expect(first.document).not.toMatch(/lineRule="exactly"/);
  });

  it('lays the form out as a fixed table whose grid fills the type area', () => {
    expect(elements(first.document, 'w:tblLayout')).toEqual([{ 'w:type': 'fixed' }]);
    const grid = elements(first.document, 'w:gridCol').map((g) => Number(g['w:w']));
    expect(grid).toEqual([...SHEET_COLUMNS]);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(elements(first.document, 'w:tblW')).toEqual([{ 'w:type': 'dxa', 'w:w': String(TEXT_WIDTH) }]);
  });

  it('prints the document number with 〔〕', () => {
    expect(paragraphs(first.document)).toContain('编号：青工商联交〔2026〕1号');
    expect(paragraphs(second.document)).toContain('编号：青工商联交〔2026〕2号');
  });

  it('prints the meeting date and the due date in Chinese style', () => {
    const rows = tableRows(first.document);
    expect(rows).toContainEqual(['会议日期', '2026年11月21日', '接待领导', '王立群、张明德']);
    expect(rows.find((r) => r[0] === '交办日期')?.[3]).toMatch(/^2026年12月\d{1,2}日$/);
  });

  it('declares its fonts with a fallback Word and WPS resolve (altName, charset 86)', () => {
    expect(first.fontTable).toMatch(
      /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>.*?<w:charset w:val="86"\/>/,
    );
    expect(first.fontTable).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(first.fontTable).toMatch(/<w:font w:name="黑体"><w:altName w:val="SimHei"\/>/);
  });

  it('numbers the pages — 1 — with a simple PAGE field, the check code on the inside of the same line', () => {
    expect(first.footers).toHaveLength(2);
    const code = firstData.seal.checkCode;
    expect(code).toMatch(/^[0-9a-f]{12}$/);
    expect(firstData.seal.signOffHash.startsWith(code)).toBe(true);
    const lines = first.footers.map((footer) => {
      expect(footer).toMatch(/<w:fldSimple w:instr="PAGE"/);
      expect(footer).not.toMatch(/w:fldChar/);
      const ps = paragraphs(footer);
      expect(ps).toHaveLength(1);
      return ps[0];
    });
    // Odd pages: code at the left, number at the right; even pages the other way round.
    expect(lines).toEqual(expect.arrayContaining([`核对码 ${code}\t— 1 —`, `— 1 —\t核对码 ${code}`]));
  });

  it('states the reply deadline in words and leaves 办理结果 to the department, with its receipt', () => {
    const rows = tableRows(first.document);
    const [label, result] = rows.find((r) => r[0] === '办理结果')!;
    expect(label).toBe('办理结果');
    const lines = result!.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toEqual([
      '请于12月7日前将办理结果书面反馈青溪区工商联。',
      '承办单位（盖章）：\t经办人：',
      '联系电话：\t办结日期：　　年　月　日',
    ]);
  });

  it('offers 回访 with □满意 □基本满意 □不满意, 回访人, 回访时间 and 企业意见', () => {
    const rows = tableRows(first.document);
    const visit = rows.find((r) => r[0] === '回访情况')?.[1]?.split('\n') ?? [];
    expect(visit[0]?.replace(/\u3000/g, '')).toBe('□满意□基本满意□不满意');
    expect(visit.slice(1)).toEqual(['回访人：\t回访时间：　　年　月　日', '企业意见：']);
    // □ (U+25A1) is in GB2312 and every Chinese face: set in the body face, hinted East Asian; no ☐ anywhere.
    expect(runsWith(first.document, '□')[0]).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(runsWith(first.document, '□')[0]).toMatch(/w:hint="eastAsia"/);
    expect(first.document).not.toContain('☐');
  });

  it('prints 交办日期 (the handoff day) beside 办理时限 and a 签收 line across the form', () => {
    const rows = tableRows(first.document);
    expect(rows.find((r) => r[0] === '交办日期')?.slice(0, 3)).toEqual([
      '交办日期',
      '2026年11月22日',
      '办理时限',
    ]);
    expect(rows).toContainEqual(['签收单位：\t签收人：\t签收时间：　　月　　日']);
  });

  it('prints 牵头领导 with the title and one 紧急程度', () => {
    const rows = tableRows(first.document);
    expect(rows).toContainEqual(['牵头领导', '陈思远（区委副书记、区长）']);
    expect(rows.find((r) => r[0] === '问题类别')).toEqual(['问题类别', '资金补贴', '紧急程度', '急']);
  });

  it('keeps the reporter, the verbatim words and the on-site answer', () => {
    const rows = tableRows(first.document);
    expect(rows).toContainEqual(['反映人', '许家豪（董事长）', '联系电话', '15073801147']);
    const verbatim = rows.find((r) => r[0] === '反映问题')?.[1];
    expect(verbatim).toBe(bundle.concerns[0]!.verbatim);
    expect(rows.find((r) => r[0] === '现场答复')?.[1]).toMatch(/^区财政局：这笔资金/);
  });
});

describe('交办单 images', () => {
  const drawings = (xml: string) =>
    [...xml.matchAll(/<wp:inline[\s\S]*?<\/wp:inline>/g)].map((m) => ({
      name: elements(m[0], 'wp:docPr')[0]?.['name'],
      widthMm: emuToMm(Number(elements(m[0], 'wp:extent')[0]?.['cx'])),
      heightMm: emuToMm(Number(elements(m[0], 'wp:extent')[0]?.['cy'])),
    }));

  it('carries the signature, about 32 mm wide, in the proportions of the pad', () => {
    expect(first.media).toHaveLength(1);
    const [signature] = drawings(first.document);
    expect(signature?.name).toBe('签批：王立群');
    expect(signature?.widthMm).toBeCloseTo(32, 0);
    // The pad is 600 × 240.
    expect(signature!.heightMm / signature!.widthMm).toBeCloseTo(240 / 600, 1);
  });

  it('carries the handwritten instruction on the second demo sheet, cropped to its ink, beside the signature', () => {
    expect(second.media).toHaveLength(2);
    // The ink was cropped where it was drawn: the pictures are smaller than the pads (900 × 300, 600 × 240).
    const pads = bundle.signOffs
      .flatMap((o) => [o.png, o.snapshot?.instructionInk?.png ?? ''])
      .filter(Boolean);
    const sizes = pads.map((png) => pngSize(dataUrlBytes(png)));
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.every((s) => s.width < 600 && s.height < 240)).toBe(true);
    const byName = Object.fromEntries(drawings(second.document).map((d) => [d.name, d]));
    // Within the 40 mm box, as tall as the whole 3:1 pad printed there: the one-line 同意 larger than it was.
    const ink = byName['手写批示']!;
    expect(ink.heightMm).toBeCloseTo(40 / 3, 0);
    expect(ink.widthMm).toBeLessThanOrEqual(40.1);
    expect(ink.widthMm).toBeGreaterThan(40 * 0.45);
    // Handwriting, signature and date share one line: the three fit the cell.
    const width = ink.widthMm + (byName['签批：王立群']?.widthMm ?? 0) + 40;
    expect(width).toBeLessThan(emuToMm((SHEET_COLUMNS.slice(1).reduce((a, b) => a + b, 0) - 160) * 635));
    expect(byName['签批：王立群']?.widthMm).toBeLessThanOrEqual(32.1);
    expect(byName['签批：王立群']?.heightMm).toBeLessThanOrEqual((32 * 2) / 5 + 0.1);
    // Both fit the value columns of the form.
    for (const d of drawings(second.document)) expect(d.widthMm).toBeLessThan(120);
  });
});

describe('assignmentSheetData refuses what may not be printed as signed', () => {
  it('refuses a draft', () => {
    const draft = {
      ...bundle,
      assignments: bundle.assignments.map((a, i) => (i === 0 ? { ...a, status: 'draft' as const } : a)),
    };
    expect(() => assignmentSheetData(draft, draft.assignments[0]!.id)).toThrow(SheetBlockedError);
    expect(() => assignmentSheetData(draft, draft.assignments[0]!.id)).toThrow(/尚未签批/);
  });

  it('refuses an item with an integrity problem', () => {
    expect(() => assignmentSheetData(bundle, bundle.assignments[0]!.id, '签批后已修改')).toThrow(
      /签批后已修改，不能作为已签批交办单导出/,
    );
  });

  it('refuses an item without a current sign-off', () => {
    const unsigned = { ...bundle, signOffs: bundle.signOffs.slice(1) };
    expect(() => assignmentSheetData(unsigned, bundle.assignments[0]!.id)).toThrow(/找不到签批记录/);
  });
});
