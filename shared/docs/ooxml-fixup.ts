/**
 * The last pass over the WordprocessingML parts docx writes, for what its options cannot say or say out of order:
 * paragraph properties put in the order of the schema's CT_PPr sequence (docx 9.15 writes `w:autoSpaceDN` after
 * `w:spacing` / `w:ind` / `w:jc`, which ECMA-376 and Word's strict readers reject); `w:snapToGrid w:val="0"` on
 * the paragraphs that must stay off the section's grid (gbt9704.ts, `gbSection`); and the Normal style's size.
 * docx has no option for the last two.
 */

/** A parsed element: its start tag as written, its children, and whether it was self-closing. */
interface XmlElement {
  name: string;
  start: string;
  children: XmlNode[];
  selfClosing: boolean;
}
type XmlNode = XmlElement | string;

const TOKEN = /<[^>]*>|[^<]+/g;

/** A small, lossless parse of a generated part: declarations and text are kept verbatim. */
function parseXml(xml: string): XmlNode[] {
  const root: XmlElement = { name: '', start: '', children: [], selfClosing: false };
  const stack: XmlElement[] = [root];
  for (const [token] of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (!token.startsWith('<') || token.startsWith('<?') || token.startsWith('<!')) {
      top.children.push(token);
    } else if (token.startsWith('</')) {
      if (stack.length === 1) throw new Error(`unexpected ${token}`);
      stack.pop();
    } else {
      const name = /^<([^\s/>]+)/.exec(token)![1]!;
      const selfClosing = token.endsWith('/>');
      const el: XmlElement = { name, start: token, children: [], selfClosing };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  return root.children;
}

function serialize(nodes: readonly XmlNode[]): string {
  return nodes
    .map((n) =>
      typeof n === 'string' ? n : n.selfClosing ? n.start : `${n.start}${serialize(n.children)}</${n.name}>`,
    )
    .join('');
}

/** CT_PPr (ECMA-376 Part 1, §17.3.1.26): the order a paragraph's properties must come in. */
const PARAGRAPH_PROPERTY_ORDER = [
  'w:pStyle',
  'w:keepNext',
  'w:keepLines',
  'w:pageBreakBefore',
  'w:framePr',
  'w:widowControl',
  'w:numPr',
  'w:suppressLineNumbers',
  'w:pBdr',
  'w:shd',
  'w:tabs',
  'w:suppressAutoHyphens',
  'w:kinsoku',
  'w:wordWrap',
  'w:overflowPunct',
  'w:topLinePunct',
  'w:autoSpaceDE',
  'w:autoSpaceDN',
  'w:bidi',
  'w:adjustRightInd',
  'w:snapToGrid',
  'w:spacing',
  'w:ind',
  'w:contextualSpacing',
  'w:mirrorIndents',
  'w:suppressOverlap',
  'w:jc',
  'w:textDirection',
  'w:textAlignment',
  'w:textboxTightWrap',
  'w:outlineLvl',
  'w:divId',
  'w:cnfStyle',
  'w:rPr',
  'w:sectPr',
  'w:pPrChange',
];
const PPR_RANK = new Map(PARAGRAPH_PROPERTY_ORDER.map((name, i) => [name, i]));

/** Sorts the element children of a w:pPr into schema order; an unknown element stays after its predecessor. */
function orderParagraphProperties(pPr: XmlElement): void {
  let rank = -1;
  const ranked = pPr.children
    .filter((c): c is XmlElement => typeof c !== 'string')
    .map((el, i) => {
      rank = PPR_RANK.get(el.name) ?? rank;
      return { el, rank, i };
    });
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  pPr.children = ranked.map((r) => r.el);
}

const OFF_GRID: XmlElement = {
  name: 'w:snapToGrid',
  start: '<w:snapToGrid w:val="0"/>',
  children: [],
  selfClosing: true,
};

/** The half-point sizes of a paragraph's runs (w:r/w:rPr/w:sz); a run without one is in the default 3号. */
function runSizes(p: XmlElement): number[] {
  const sizes: number[] = [];
  const visit = (el: XmlElement) => {
    if (el.name === 'w:r') {
      const rPr = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:rPr');
      const sz = rPr?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:sz');
      sizes.push(sz ? Number(/w:val="(\d+)"/.exec(sz.start)?.[1]) : NaN);
      return;
    }
    for (const c of el.children) if (typeof c !== 'string' && c.name !== 'w:pPr') visit(c);
  };
  visit(p);
  return sizes;
}

/** Which paragraphs stay on the section's grid: those of body text. */
export interface GridRule {
  /** The body size in half-points: a paragraph with a run in another size (a title, a note) is off the grid. */
  bodySize: number;
  /** Whether every paragraph of this part is off the grid (headers and footers). */
  allOff: boolean;
}

function putOffGrid(p: XmlElement): void {
  let pPr = p.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:pPr');
  if (!pPr) {
    pPr = { name: 'w:pPr', start: '<w:pPr>', children: [], selfClosing: false };
    if (p.selfClosing) {
      p.selfClosing = false;
      p.start = p.start.replace(/\s*\/>$/, '>');
    }
    p.children.unshift(pPr);
  }
  if (pPr.selfClosing) {
    pPr.selfClosing = false;
    pPr.start = '<w:pPr>';
  }
  if (!pPr.children.some((c) => typeof c !== 'string' && c.name === 'w:snapToGrid'))
    pPr.children.push(OFF_GRID);
}

/**
 * The Normal style with the body size of its own (docx writes it empty): LibreOffice reads a grid's base size from
 * the Normal style alone, not the document defaults, and takes 12 pt when it has none; Word and WPS read 3号 from
 * either.
 */
function sizeNormalStyle(style: XmlElement, bodySize: number): void {
  if (style.children.some((c) => typeof c !== 'string' && c.name === 'w:rPr')) return;
  const leaf = (name: string): XmlElement => ({
    name,
    start: `<${name} w:val="${bodySize}"/>`,
    children: [],
    selfClosing: true,
  });
  // CT_Style: rPr after pPr and before the table properties, which a paragraph style has none of.
  style.children.push({
    name: 'w:rPr',
    start: '<w:rPr>',
    children: [leaf('w:sz'), leaf('w:szCs')],
    selfClosing: false,
  });
}

function walk(nodes: readonly XmlNode[], rule: GridRule, inTable: boolean): void {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (node.name === 'w:p') {
      const sizes = runSizes(node);
      if (rule.allOff || inTable || sizes.some((s) => !Number.isNaN(s) && s !== rule.bodySize))
        putOffGrid(node);
    }
    if (node.name === 'w:style' && node.start.includes('w:styleId="Normal"'))
      sizeNormalStyle(node, rule.bodySize);
    // After putOffGrid, so that its w:snapToGrid is put in order too; styles' w:pPr are ordered as well.
    if (node.name === 'w:pPr') orderParagraphProperties(node);
    walk(node.children, rule, inTable || node.name === 'w:tbl');
  }
}

/**
 * One WordprocessingML part with its paragraph properties in schema order, and tables, headers, footers and
 * paragraphs not in the body size off the section's grid (so a 2号 title or a 4号 form is not spread out to it).
 * Parts docx wrote without paragraphs (settings, fonts) come back unchanged.
 */
export function fixWordPart(xml: string, rule: GridRule): string {
  if (!xml.includes('<w:p')) return xml;
  const nodes = parseXml(xml);
  walk(nodes, rule, false);
  return serialize(nodes);
}
