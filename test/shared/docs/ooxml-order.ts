/**
 * The order ECMA-376 Part 1 gives the children of the property elements the documents write (w:pPr, w:rPr, w:tblPr,
 * w:sectPr), written out here so that tests check it without the schemas; and a check of a part against them.
 * Word, WPS and schema validators refuse or misread properties out of this order.
 */

/** CT_PPrBase then CT_PPr (§17.3.1.26). */
const PPR = [
  'pStyle',
  'keepNext',
  'keepLines',
  'pageBreakBefore',
  'framePr',
  'widowControl',
  'numPr',
  'suppressLineNumbers',
  'pBdr',
  'shd',
  'tabs',
  'suppressAutoHyphens',
  'kinsoku',
  'wordWrap',
  'overflowPunct',
  'topLinePunct',
  'autoSpaceDE',
  'autoSpaceDN',
  'bidi',
  'adjustRightInd',
  'snapToGrid',
  'spacing',
  'ind',
  'contextualSpacing',
  'mirrorIndents',
  'suppressOverlap',
  'jc',
  'textDirection',
  'textAlignment',
  'textboxTightWrap',
  'outlineLvl',
  'divId',
  'cnfStyle',
  'rPr',
  'sectPr',
  'pPrChange',
];

/**
 * CT_ParaRPr's revision marks, EG_RPrBase in the order of ECMA-376's first edition (which Word keeps; the
 * transitional schema of 2016 lets these come in any order), and rPrChange (§17.3.2.28, §17.3.1.29).
 */
const RPR = [
  'ins',
  'del',
  'moveFrom',
  'moveTo',
  'rStyle',
  'rFonts',
  'b',
  'bCs',
  'i',
  'iCs',
  'caps',
  'smallCaps',
  'strike',
  'dstrike',
  'outline',
  'shadow',
  'emboss',
  'imprint',
  'noProof',
  'snapToGrid',
  'vanish',
  'webHidden',
  'color',
  'spacing',
  'w',
  'kern',
  'position',
  'sz',
  'szCs',
  'highlight',
  'u',
  'effect',
  'bdr',
  'shd',
  'fitText',
  'vertAlign',
  'rtl',
  'cs',
  'em',
  'lang',
  'eastAsianLayout',
  'specVanish',
  'oMath',
  'rPrChange',
];

/** CT_TblPrBase then CT_TblPr (§17.4.60). */
const TBLPR = [
  'tblStyle',
  'tblpPr',
  'tblOverlap',
  'bidiVisual',
  'tblStyleRowBandSize',
  'tblStyleColBandSize',
  'tblW',
  'jc',
  'tblCellSpacing',
  'tblInd',
  'tblBorders',
  'shd',
  'tblLayout',
  'tblCellMar',
  'tblLook',
  'tblCaption',
  'tblDescription',
  'tblPrChange',
];

/** CT_SectPr (§17.6.17): header and footer references first, in any order among themselves. */
const SECTPR = [
  ['headerReference', 'footerReference'],
  'footnotePr',
  'endnotePr',
  'type',
  'pgSz',
  'pgMar',
  'paperSrc',
  'pgBorders',
  'lnNumType',
  'pgNumType',
  'cols',
  'formProt',
  'vAlign',
  'noEndnote',
  'titlePg',
  'textDirection',
  'bidi',
  'rtlGutter',
  'docGrid',
  'printerSettings',
  'sectPrChange',
];

const rankOf = (sequence: ReadonlyArray<string | readonly string[]>): Map<string, number> =>
  new Map(
    sequence.flatMap((entry, i) =>
      typeof entry === 'string' ? [[`w:${entry}`, i]] : entry.map((e) => [`w:${e}`, i]),
    ) as Array<[string, number]>,
  );

/** Each checked element's children in schema order, as ranks by qualified name. */
export const SEQUENCES: Readonly<Record<string, Map<string, number>>> = {
  'w:pPr': rankOf(PPR),
  'w:rPr': rankOf(RPR),
  'w:tblPr': rankOf(TBLPR),
  'w:sectPr': rankOf(SECTPR),
};

/**
 * Every w:pPr, w:rPr, w:tblPr and w:sectPr of a part whose children are out of the standard's order or not in its
 * sequence, as `path: children`; empty when the part is in order. Also counts how many elements it checked.
 */
export function childOrderProblems(xml: string): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  const stack: Array<{ name: string; children: string[] }> = [];
  for (const [tag] of xml.matchAll(/<[^>]+>/g)) {
    if (tag.startsWith('<?') || tag.startsWith('<!')) continue;
    if (tag.startsWith('</')) {
      const done = stack.pop()!;
      const ranks = SEQUENCES[done.name];
      if (!ranks) continue;
      checked += 1;
      const order = done.children.map((c) => ranks.get(c) ?? NaN);
      const inOrder = order.every((r, i) => !Number.isNaN(r) && (i === 0 || r >= order[i - 1]!));
      if (!inOrder)
        problems.push(`${stack.map((s) => s.name).join('/')}/${done.name}: ${done.children.join(' ')}`);
      continue;
    }
    const name = /^<([^\s/>]+)/.exec(tag)![1]!;
    stack[stack.length - 1]?.children.push(name);
    if (tag.endsWith('/>')) {
      if (SEQUENCES[name]) checked += 1;
    } else {
      stack.push({ name, children: [] });
    }
  }
  return { problems, checked };
}
