// The page rules every document shares, read back from the documents themselves: properties in the standard's
// order in every part of every document the app writes, Chinese punctuation in the East Asian face, 28 characters
// a line, titles, tables and footers off the line grid, the page number's dash 7 mm below the type area.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { followUpTimeline } from '../../../shared/domain/follow-up-timeline';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import { checkCode, dataUrlBytes } from '../../../shared/domain/integrity';
import {
  BODY_TRACKING,
  bodyPara,
  CHAR,
  CHECK_BOX,
  FOOTER_DISTANCE,
  GRID,
  LINE,
  gbDocument,
  gbSection,
  mmToTwip,
  packDocument,
  packThroughZip,
  run,
  TEXT_WIDTH,
} from '../../../shared/docs/gbt9704';
import { buildItemHistory } from '../../../shared/docs/item-history';
import { meetingDocuments } from '../../../shared/docs/meeting-documents';
import { buildUrgeNotice, urgeNotices } from '../../../shared/docs/urge-notice';
import { buildOutstandingList, outstandingList } from '../../../shared/docs/outstanding-list';
import { DEPARTMENTS, sampleLedger } from '../ledger/ledger-fixture';
import { fixWordPart } from '../../../shared/docs/ooxml-fixup';
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import type { TextRun } from 'docx';
import { demoBundle, elements } from './docx';
import { image, imagePara, SIGNATURE_BOX } from '../../../shared/docs/assignment-sheet';
import { strFromU8, unzipSync } from 'fflate';
import { handedOffBundle, RULES, timelineSources } from './follow-up-scenario';
import { childOrderProblems } from './ooxml-order';
import { buildMonthlyReport } from '../../../shared/docs/monthly-report';
import { charts as reportCharts, data as reportData } from './monthly-report-fixture';

/** Every document kind the app writes: five 交办单, the 会议纪要, the 会前材料, a 催办通知, a 办理全过程, a 问题清单, a 以月答卷. */
let documents: Array<{ name: string; parts: Record<string, string> }>;

async function wordParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^word\/.+\.xml$/.test(n));
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')])),
  );
}

/** The XML of each run, as docx writes it. */
async function runsXml(runs: TextRun[]): Promise<string[]> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: runs })] }] });
  const xml = (await wordParts(await Packer.pack(doc, 'uint8array')))['word/document.xml']!;
  return xml.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
}

beforeAll(async () => {
  const bundle = await handedOffBundle();
  const { documents: meeting } = await meetingDocuments(bundle, {
    include: ['sheets', 'minutes', 'briefing'],
  });
  const urge = urgeNotices({
    organization: bundle.organization,
    // Long after every deadline: each item is urged.
    today: '2027-06-01',
    rules: RULES,
    holidays: SHIPPED_HOLIDAYS,
    leaders: bundle.leaders,
    departments: bundle.departments,
    items: bundle.assignments.map((assignment) => ({
      assignment,
      signOff: bundle.signOffs.find((s) => s.assignmentId === assignment.id),
      meeting: bundle.meeting,
      concerns: [],
    })),
  });
  const a = bundle.assignments[1]!;
  const history = await buildItemHistory({
    timeline: followUpTimeline(timelineSources(bundle, a)),
    organization: bundle.organization.name,
    today: '2026-12-18',
    checkCode: checkCode(bundle.signOffs.find((s) => s.assignmentId === a.id)!.contentHash),
  });
  const built = [
    ...meeting.map((d) => ({ name: d.stem, bytes: d.bytes })),
    { name: 'urge-notice', bytes: await buildUrgeNotice(urge.notices[0]!) },
    { name: 'item-history', bytes: history },
    // 问题清单 of the district: every department's figures, then each one's outstanding items.
    {
      name: 'outstanding-list',
      bytes: await buildOutstandingList(
        outstandingList({
          items: sampleLedger(),
          departments: DEPARTMENTS,
          today: '2026-11-30',
          organization: '青溪区工商联',
        }),
      ),
    },
    // 以月答卷 of the statistics' worked-out district: 版头, tables, charts, the attachment.
    { name: 'monthly-report', bytes: await buildMonthlyReport(reportData, reportCharts) },
  ];
  documents = await Promise.all(built.map(async (d) => ({ name: d.name, parts: await wordParts(d.bytes) })));
});

describe('every document', () => {
  it('are eleven documents of every kind', () => {
    expect(documents).toHaveLength(11);
  });

  it('writes the children of w:pPr, w:rPr, w:tblPr and w:sectPr in the order of ECMA-376', () => {
    let checked = 0;
    for (const d of documents)
      for (const [part, xml] of Object.entries(d.parts)) {
        const result = childOrderProblems(xml);
        checked += result.checked;
        expect(result.problems, `${d.name} ${part}`).toEqual([]);
      }
    // The check saw the documents' properties (thousands of them), not empty parts.
    expect(checked).toBeGreaterThan(1000);
  });

  it('sets Chinese text and its punctuation in the East Asian face (w:hint="eastAsia")', () => {
    for (const d of documents) {
      const runs = [...d.parts['word/document.xml']!.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
      const quoted = runs.filter((r) => /<w:t[^>]*>[^<]*[“”‘’—…][^<]*<\/w:t>/.test(r));
      for (const r of quoted) expect(r, d.name).toMatch(/<w:rFonts [^>]*w:hint="eastAsia"/);
    }
  });

  it('leaves runs of digits and Latin letters to the default choice of the office suite', async () => {
    const [latin, chinese] = await runsXml([run('ABC 123'), run('第14次“接待日”')]);
    expect(latin).not.toContain('w:hint');
    expect(chinese).toMatch(/<w:rFonts [^>]*w:hint="eastAsia"/);
  });

  it('puts the page-number line and its dash 7 mm below the type area, on a 22-line grid', () => {
    for (const d of documents) {
      const [sect] = elements(d.parts['word/document.xml']!, 'w:pgMar');
      expect(Number(sect!['w:footer']), d.name).toBe(FOOTER_DISTANCE);
      const [grid] = elements(d.parts['word/document.xml']!, 'w:docGrid');
      expect(grid, d.name).toEqual({ 'w:type': 'lines', 'w:linePitch': String(LINE.body) });
    }
    // The line's foot 35 − 7 mm above the page's foot less the line, plus how far down the line the dash is drawn.
    expect(FOOTER_DISTANCE - (mmToTwip(28) - LINE.small)).toBe(mmToTwip(4.2));
  });

  it('keeps tables, titles and footers off the grid and body text on it', () => {
    let onGrid = 0;
    for (const d of documents) {
      const doc = d.parts['word/document.xml']!;
      for (const table of doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [])
        for (const p of table.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [])
          expect(p, d.name).toContain('<w:snapToGrid w:val="0"/>');
      const footers = Object.entries(d.parts).filter(([n]) => /footer\d+\.xml$/.test(n));
      for (const [, xml] of footers)
        for (const p of xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []) expect(p).toContain('w:snapToGrid');
      const bodyParas = doc
        .replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')
        .match(/<w:p>[\s\S]*?<\/w:p>/g)!
        .filter((p) => p.includes('<w:sz w:val="32"/>') && !/<w:sz w:val="(?!32")\d+"\/>/.test(p));
      onGrid += bodyParas.length;
      for (const p of bodyParas) expect(p).not.toContain('w:snapToGrid');
      const titles = doc.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*<w:sz w:val="44"\/>[\s\S]*?<\/w:p>/g) ?? [];
      for (const p of titles) expect(p).toContain('<w:snapToGrid w:val="0"/>');
    }
    expect(onGrid).toBeGreaterThan(50);
  });

  it('gives the Normal style the body size (LibreOffice sizes its grid from it)', () => {
    for (const d of documents)
      expect(d.parts['word/styles.xml']).toMatch(
        /<w:style w:type="paragraph" w:styleId="Normal"[^>]*>(?:(?!<\/w:style>).)*<w:sz w:val="32"\/>/,
      );
  });
});

describe('28 characters a line', () => {
  it('tracks 3号 so that 28 characters fit the type width and 29 do not', () => {
    const pitch = CHAR + BODY_TRACKING;
    expect(GRID.chars * pitch).toBeLessThanOrEqual(TEXT_WIDTH);
    expect((GRID.chars + 1) * pitch).toBeGreaterThan(TEXT_WIDTH);
    // And the two-character indent leaves 26 on the first line.
    expect(Math.floor((TEXT_WIDTH - 2 * CHAR) / pitch)).toBe(GRID.chars - 2);
  });

  it('writes the tracking on 3号 runs only', async () => {
    const [body, table] = await runsXml([run('正文'), run('表格', { size: 28 })]);
    expect(body).toContain(`<w:spacing w:val="${BODY_TRACKING}"/>`);
    expect(table).not.toContain('<w:spacing');
  });
});

describe('the check box', () => {
  it('is □ (U+25A1, in GB2312) in the body face, not ☐ in a Windows-only symbol font', () => {
    expect(CHECK_BOX.glyph).toBe('\u25a1');
    expect(CHECK_BOX.face.eastAsia).toBe('仿宋_GB2312');
  });
});

describe('fixWordPart', () => {
  it('puts w:autoSpaceDN before w:spacing, w:ind and w:jc, where docx 9.15 leaves it after them', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              autoSpaceEastAsianText: false,
              spacing: { line: 579 },
              indent: { firstLine: 640 },
              alignment: 'both',
              text: 'x',
            }),
          ],
        },
      ],
    });
    const raw = (await wordParts(await Packer.pack(doc, 'uint8array')))['word/document.xml']!;
    expect(childOrderProblems(raw).problems).toHaveLength(1);
    const fixed = fixWordPart(raw, { bodySize: 32, allOff: false });
    expect(childOrderProblems(fixed).problems).toEqual([]);
    expect(fixed).toMatch(
      /<w:pPr><w:autoSpaceDN w:val="false"\/><w:spacing [^>]*\/><w:ind [^>]*\/><w:jc [^>]*\/><\/w:pPr>/,
    );
  });

  it('leaves everything else as it was', () => {
    const xml =
      '<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p></w:body></w:document>';
    expect(fixWordPart(xml, { bodySize: 32, allOff: false })).toBe(xml);
  });
});

describe('packing a document', () => {
  it('zips once from docx compiler, pictures stored and XML deflated, the same parts as through docx own zip', async () => {
    const bundle = await demoBundle();
    const png = dataUrlBytes(bundle.signOffs[0]!.png);
    const make = () =>
      gbDocument({ title: '测试', creator: '测试' }, [
        gbSection([
          bodyPara(['“测试”〔2026〕1号']),
          imagePara([image(png, SIGNATURE_BOX, '签名')], AlignmentType.LEFT),
        ]),
      ]);
    const once = await packDocument(make());
    const twice = await packThroughZip(make());
    const methods = new Map<string, number>();
    const parts = unzipSync(once, {
      filter: (f) => {
        methods.set(f.name, f.compression);
        return true;
      },
    });
    // JSZip adds a folder entry (word/) where it re-adds a part; folders hold nothing.
    const other = unzipSync(twice, { filter: (f) => !f.name.endsWith('/') });
    expect(Object.keys(parts).sort()).toEqual(Object.keys(other).sort());
    // Drawing ids count on across documents, and core.xml carries the time it was made: the rest is the same.
    const comparable = (bytes: Uint8Array) =>
      strFromU8(bytes)
        .replace(/(<wp:docPr id=")\d+/g, '$1#')
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1#');
    for (const name of Object.keys(parts))
      expect(comparable(parts[name]!), name).toBe(comparable(other[name]!));
    const media = [...methods].filter(([name]) => name.startsWith('word/media/'));
    expect(media.length).toBe(1);
    expect(media.every(([, method]) => method === 0)).toBe(true);
    expect(methods.get('word/document.xml')).toBe(8);
  });
});
