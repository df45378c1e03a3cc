/**
 * The page, type and package rules every document shares (GB/T 9704-2012, docs/architecture.md, "Documents"), written so that WPS,
 * Word and LibreOffice lay them out alike (docs/pitfalls.md, "Word / WPS fidelity").
 */
import JSZip from 'jszip';
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  Paragraph,
  SimpleField,
  TabStopType,
  TextRun,
} from 'docx';
import type { IParagraphOptions, IRunOptions, ISectionOptions, ParagraphChild } from 'docx';
import { fixWordPart } from './ooxml-fixup';
import { xmlSafe } from '../domain/xml-safe';

/** A4 in twips, hard-coded: converting 210 × 297 mm gives 11905, which Word and printers take as a custom size. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Millimetres to twips (1/1440 inch), rounded to the nearest twip. */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** Margins of GB/T 9704: top 37, bottom 35, left 28, right 26 mm (type area 156 × 225 mm). */
export const MARGIN = {
  top: mmToTwip(37),
  bottom: mmToTwip(35),
  left: mmToTwip(28),
  right: mmToTwip(26),
} as const;

/** Width of the type area in twips: what tables and images must fit into. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Font sizes in half-points (w:sz): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const SIZE = { title: 44, body: 32, four: 28, smallFour: 24, smallFive: 18 } as const;

/**
 * Exact line heights in twips. 22 lines on the 225 mm type area make 28.95 pt a line; the title's 2号 needs more.
 * Exact (LineRuleType.EXACT) so that every office suite puts the same lines on a page.
 */
export const LINE = { body: 579, title: 720, table: 400, small: 400, note: 260 } as const;

/** One full-width character of 3号 in twips: the two-character first-line indent of body paragraphs is twice this. */
export const CHAR = 320;

/** GB/T 9704's type area: 22 lines of 28 characters. */
export const GRID = { lines: 22, chars: 28 } as const;

/**
 * Tracking of 3号 text in twentieths of a point (w:spacing in w:rPr), the largest that puts 28 characters on a line:
 * at 16 pt only 27 fit the 156 mm type width; 0.25 pt less a character makes 28 (15.75 pt, 441 of 442.25 pt).
 * Not a w:docGrid character grid: Word stretches a linesAndChars grid's cells to the characters, but LibreOffice
 * gives each 16 pt character two cells of a 15.8 pt grid and prints the text spread out. The section keeps a line
 * grid of 22 lines (`gbSection`), which all three lay out alike.
 */
export const BODY_TRACKING = Math.floor(TEXT_WIDTH / GRID.chars) - CHAR;

/** A run's four font slots: East Asian text in the Chinese face, Latin letters and digits in Times New Roman. */
export interface Face {
  eastAsia: string;
  ascii: string;
  hAnsi: string;
  cs: string;
}

const face = (eastAsia: string, latin = 'Times New Roman'): Face => ({
  eastAsia,
  ascii: latin,
  hAnsi: latin,
  cs: latin,
});

/** The faces of GB/T 9704: body 仿宋_GB2312, title 方正小标宋简体, headings 黑体 / 楷体_GB2312, page numbers 宋体. */
export const FACE = {
  body: face('仿宋_GB2312'),
  title: face('方正小标宋简体'),
  heading: face('黑体'),
  subheading: face('楷体_GB2312'),
  // 半角宋体: the digits of the page number are in 宋体 too, not Times New Roman.
  pageNumber: face('宋体', '宋体'),
} as const;

/**
 * The empty box of forms (□, U+25A1): in GB2312, so 仿宋_GB2312 and every Chinese font of Word, WPS and the 信创
 * systems draw it; ☐ (U+2610) is in none of them. Set in the body face like the text around it.
 */
export const CHECK_BOX: { glyph: string; face: Face } = {
  glyph: '\u25a1',
  face: face('仿宋_GB2312', '仿宋_GB2312'),
};

/**
 * The fonts declared in word/fontTable.xml, each with the face Word and WPS should take when it is missing:
 * Windows has 仿宋 / 楷体 at most as optional fonts, never the _GB2312 variants, and 方正小标宋简体 is commercial.
 * Charset 86 (GB2312) tells them these are Chinese faces, so they do not substitute a Latin one.
 */
const DECLARED_FONTS: ReadonlyArray<{
  name: string;
  altName?: string;
  panose: string;
  charset: string;
  family: string;
  pitch: string;
}> = [
  {
    name: '仿宋_GB2312',
    altName: '仿宋',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '仿宋',
    altName: 'FangSong',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '方正小标宋简体',
    altName: '宋体',
    panose: '02000000000000000000',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
  {
    name: '黑体',
    altName: 'SimHei',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '楷体_GB2312',
    altName: '楷体',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '楷体',
    altName: 'KaiTi',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '宋体',
    altName: 'SimSun',
    panose: '02010600030101010101',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
  {
    name: 'Times New Roman',
    panose: '02020603050405020304',
    charset: '00',
    family: 'roman',
    pitch: 'variable',
  },
];

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml with every face above; docx writes no altName or charset, so the package gets this one. */
export function fontTableXml(): string {
  const fonts = DECLARED_FONTS.map(
    (f) =>
      `<w:font w:name="${escapeXml(f.name)}">` +
      (f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '') +
      `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

/** docx's compiler: the package's parts as XML strings and bytes, before docx zips them (see `packDocument`). */
interface PartCompiler {
  compile(
    doc: Document,
    prettify: undefined,
    overrides: ReadonlyArray<{ path: string; data: string }>,
  ): Map<string, string | Uint8Array>;
}

/**
 * The finished package as bytes. docx compiles the parts; every WordprocessingML part goes through `fixWordPart`
 * (paragraph properties in schema order, tables, footers and text not in 3号 off the character grid); then the
 * package is zipped once, the XML deflated and the pictures stored as they are (a PNG is compressed already).
 * Zipping once instead of letting docx zip and then unzipping to fix the parts halves the work of a 交办单.
 */
export async function packDocument(doc: Document): Promise<Uint8Array> {
  const fontTable = { path: 'word/fontTable.xml', data: fontTableXml() };
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return packThroughZip(doc);
  const files: Zippable = {};
  for (const [path, data] of (compiler as PartCompiler).compile(doc, undefined, [fontTable])) {
    if (typeof data !== 'string') {
      files[path] = [data, { level: 0 }];
      continue;
    }
    const xml = /^word\/[^/]+\.xml$/.test(path)
      ? fixWordPart(data, { bodySize: SIZE.body, allOff: /^word\/(?:header|footer)\d*\.xml$/.test(path) })
      : data;
    files[path] = [strToU8(xml), { level: 6 }];
  }
  return zipSync(files);
}

/** The same through docx's own zip (should a docx version stop exposing its compiler): zip, unzip, fix, zip. */
export async function packThroughZip(doc: Document): Promise<Uint8Array> {
  const packed = await Packer.pack(doc, 'uint8array', false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  const zip = await JSZip.loadAsync(packed);
  const parts = Object.keys(zip.files).filter((name) => /^word\/[^/]+\.xml$/.test(name));
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string');
    const allOff = /^word\/(?:header|footer)\d*\.xml$/.test(name);
    const fixed = fixWordPart(xml, { bodySize: SIZE.body, allOff });
    if (fixed !== xml) zip.file(name, fixed);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Run options: a face, a size (half-points) and the text. */
export interface RunSpec extends Omit<IRunOptions, 'font' | 'size'> {
  face?: Face;
  size?: number;
}

// Characters outside ASCII that are not Latin letters: Chinese, and the punctuation Unicode shares between
// scripts (“ ” ‘ ’ — … · □ and the like), which Word draws in the Latin face unless the run says otherwise.
const EAST_ASIAN_HINTED = /[^\u0000-\u007f\p{Script=Latin}]/u;

/**
 * A text run in the given face and size (default 仿宋_GB2312 3号; 3号 is tracked by BODY_TRACKING). A run with
 * Chinese text or shared punctuation carries `w:hint="eastAsia"`, as Word writes it for Chinese: without it Word
 * and WPS set curly quotes and the dash in Times New Roman, narrow and low; with it they take the East Asian face
 * (digits and Latin letters still take the Latin one).
 */
export function run(raw: string, spec: RunSpec = {}): TextRun {
  const { face: f = FACE.body, size = SIZE.body, ...rest } = spec;
  // Characters XML cannot hold would make the whole document unreadable in Word: they are dropped.
  const text = xmlSafe(raw);
  const font = EAST_ASIAN_HINTED.test(text) ? { ...f, hint: 'eastAsia' } : f;
  return new TextRun({
    ...(size === SIZE.body ? { characterSpacing: BODY_TRACKING } : {}),
    ...rest,
    text,
    font,
    size,
  });
}

/** Paragraph options with an exact line height in twips (default a body line). */
export interface ParaSpec extends Omit<IParagraphOptions, 'children' | 'spacing'> {
  line?: number;
  before?: number;
  after?: number;
}

/** A paragraph with exact line spacing; a string child becomes a body run. */
export function para(children: ReadonlyArray<ParagraphChild | string>, spec: ParaSpec = {}): Paragraph {
  const { line = LINE.body, before = 0, after = 0, ...rest } = spec;
  return new Paragraph({
    // No automatic gap between Chinese and digits: 〔2026〕12号 and 2026年11月22日 print as official documents write them.
    autoSpaceEastAsianText: false,
    ...rest,
    spacing: { line, lineRule: LineRuleType.EXACT, before, after },
    children: children.map((c) => (typeof c === 'string' ? run(c) : c)),
  });
}

/** A body paragraph: 仿宋 3号, first line indented two characters, justified. */
export function bodyPara(children: ReadonlyArray<ParagraphChild | string>, spec: ParaSpec = {}): Paragraph {
  return para(children, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR }, ...spec });
}

/** The document title: 方正小标宋简体 2号, centred. */
export function titlePara(text: string, spec: ParaSpec = {}): Paragraph {
  return para([run(text, { face: FACE.title, size: SIZE.title })], {
    alignment: AlignmentType.CENTER,
    line: LINE.title,
    ...spec,
  });
}

/** A first-level heading (一、…): 黑体 3号. */
export function headingPara(text: string, spec: ParaSpec = {}): Paragraph {
  return para([run(text, { face: FACE.heading })], { indent: { firstLine: 2 * CHAR }, ...spec });
}

/** A second-level heading (（一）…): 楷体_GB2312 3号. */
export function subheadingPara(text: string, spec: ParaSpec = {}): Paragraph {
  return para([run(text, { face: FACE.subheading })], { indent: { firstLine: 2 * CHAR }, ...spec });
}

/**
 * How far below the top of the page-number line (4号 in an exact line of LINE.small) the dash “—” is drawn: a
 * little below the line's middle (measured in LibreOffice's PDF: 4.2 mm of the line's 7.06 mm).
 */
const DASH_BELOW_LINE_TOP = mmToTwip(4.2);

/**
 * The footer distance (from the page's foot to the foot of the page-number line) that puts the dash 7 mm below the
 * type area, as GB/T 9704 wants it: the type area ends 35 mm above the foot, so the dash is 28 mm above it.
 */
export const FOOTER_DISTANCE = mmToTwip(35 - 7) - LINE.small + DASH_BELOW_LINE_TOP;

// 4号 is 280 twips wide a character: GB/T 9704 puts the number one character in from the outer edge.
const PAGE_NUMBER_INSET = 280;

/**
 * The page number at the outside, and an optional note in small type at the inside of the same line (the
 * 交办单's check code): one line, so the number keeps its place 7 mm below the type area.
 */
function pageNumberFooter(alignment: 'left' | 'right', note?: string): Footer {
  const spec = { face: FACE.pageNumber, size: SIZE.four };
  const number = [run('— ', spec), new SimpleField('PAGE', '1'), run(' —', spec)];
  const noteRun = note ? run(note, { size: SIZE.smallFive }) : undefined;
  const right = alignment === 'right';
  return new Footer({
    children: [
      new Paragraph({
        alignment: noteRun ? AlignmentType.LEFT : right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: right ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        spacing: { line: LINE.small, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        // The paragraph style carries the face, so the field's cached number (a bare run) is 宋体 4号 too.
        style: 'PageNumber',
        ...(noteRun
          ? { tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - PAGE_NUMBER_INSET * 2 }] }
          : {}),
        // A simple field (w:fldSimple), not the begin/separate/end kind: WPS has shown those as text.
        children: noteRun
          ? right
            ? [noteRun, new TextRun({ text: '\t' }), ...number]
            : [...number, new TextRun({ text: '\t' }), noteRun]
          : number,
      }),
    ],
  });
}

/** What a section may add to the house defaults. */
export interface SectionSpec {
  /** A note in small type on the page-number line, at the inside edge (the 交办单's 核对码). */
  footnote?: string;
}

/**
 * A section on A4 with the GB/T 9704 margins and page numbers "— 1 —" at the outside bottom: right on odd
 * pages, left on even ones (the document must set `evenAndOddHeaderAndFooters`).
 */
export function gbSection(children: ISectionOptions['children'], spec: SectionSpec = {}): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height },
        margin: { ...MARGIN, header: mmToTwip(15), footer: FOOTER_DISTANCE, gutter: 0 },
      },
      // A line grid of 22 lines (the 28 characters come from BODY_TRACKING); titles, tables and footers are off it.
      grid: { type: DocumentGridType.LINES, linePitch: LINE.body },
    },
    footers: {
      default: pageNumberFooter('right', spec.footnote),
      even: pageNumberFooter('left', spec.footnote),
    },
    children,
  };
}

/** Document metadata shown in the file's properties. */
export interface DocMeta {
  title: string;
  creator: string;
  /** Custom document properties (docProps/custom.xml), e.g. the 交办单's signature for 核对交办单. */
  properties?: ReadonlyArray<{ name: string; value: string }>;
}

/** A document with the house defaults: 仿宋 3号, exact body lines, zh-CN, odd/even page numbers. */
export function gbDocument(meta: DocMeta, sections: ISectionOptions[]): Document {
  return new Document({
    title: meta.title,
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    evenAndOddHeaderAndFooters: true,
    ...(meta.properties?.length ? { customProperties: meta.properties } : {}),
    styles: {
      default: {
        document: {
          run: { font: FACE.body, size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE.body, lineRule: LineRuleType.EXACT } },
        },
      },
      paragraphStyles: [
        {
          id: 'PageNumber',
          name: 'Page Number Line',
          run: { font: FACE.pageNumber, size: SIZE.four },
        },
      ],
    },
    sections,
  });
}
