/**
 * How much of a 交办单 fits on its one page, worked out before the document is built: characters per line at the
 * form's font sizes and column widths, the lines each cell takes, and the rows' heights against the type area
 * (docs/architecture.md, "Documents"). Deterministic, so the same sheet is laid out alike every time and a test
 * can say which sizes stay on one page. Word, WPS and LibreOffice set Chinese text in a fixed-width grid, so
 * counting characters is close to what they do; every estimate errs on the long side.
 */
import { A4, MARGIN, SIZE } from './gbt9704';
import { CELL_MARGIN } from './table';

/** Line heights in the form (twips): 4号 text on 17.5 pt lines, 小四 (the shrunk demand text) on 15 pt lines. */
export const FORM_LINE = 350;
export const SMALL_LINE = 300;
/** A one-line row: a line and the cell's top and bottom padding. */
export const ROW = FORM_LINE + CELL_MARGIN.top + CELL_MARGIN.bottom;

/** The height of the type area (twips): 225 mm. */
export const TYPE_HEIGHT = A4.height - MARGIN.top - MARGIN.bottom;

/** The title's line (2号, 22 pt, on 32 pt): a little tighter than other documents' 36 pt. */
export const TITLE_LINE = 640;

/** What the page holds besides the form: the title (and 60 after), the 编号 line, the contact line. */
export const OUTSIDE_FORM = TITLE_LINE + 60 + (FORM_LINE + 40) + (80 + FORM_LINE);

/** Room left free at the foot of an ordinary sheet (about 8 mm): a sheet that would eat into it shrinks or continues. */
export const SPARE = 450;

/** The height the form may take on its page (twips). */
export const FORM_BUDGET = TYPE_HEIGHT - OUTSIDE_FORM - SPARE;

/** Each row's border (0.75 pt) and what the office suites add around it. */
const ROW_BORDER = 20;

/** Width of one character of a size in half-points, in twips (14 pt = 280). */
export const charTwips = (halfPoints: number): number => halfPoints * 10;

/** The width of text in full-width characters: Latin letters, digits and ASCII punctuation count half. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // ASCII and Latin-1 are half-width in the Chinese faces; curly quotes and the rest are full-width.
    units += code < 0x2000 ? 0.5 : 1;
  }
  return units;
}

/** Characters of a size a line of `widthTwips` holds, one kept back for the punctuation rules at line ends. */
export function perLine(widthTwips: number, halfPoints: number): number {
  return Math.max(1, Math.floor(widthTwips / charTwips(halfPoints)) - 1);
}

/** Lines a paragraph takes (at least one). */
export function linesOf(text: string, widthTwips: number, halfPoints: number): number {
  return Math.max(1, Math.ceil(textUnits(text) / perLine(widthTwips, halfPoints)));
}

/** Lines several paragraphs take. */
export const linesOfAll = (texts: readonly string[], widthTwips: number, halfPoints: number): number =>
  texts.reduce((n, t) => n + linesOf(t, widthTwips, halfPoints), 0);

/** The inner width of a cell `widthTwips` wide. */
export const inner = (widthTwips: number): number => widthTwips - CELL_MARGIN.left - CELL_MARGIN.right;

/** A row's height: its tallest cell's content and padding, at least `min`, with its border. */
export const rowHeight = (contentTwips: number, min = ROW): number =>
  Math.max(min, contentTwips + CELL_MARGIN.top + CELL_MARGIN.bottom) + ROW_BORDER;

/**
 * The longest head of `text` that fits `lines` lines with `suffix` after it, cut after a punctuation mark when
 * one is near the end (so the form does not stop mid-word), and the rest.
 */
export function cutToLines(
  text: string,
  lines: number,
  widthTwips: number,
  halfPoints: number,
  suffix: string,
): [string, string] {
  const room = lines * perLine(widthTwips, halfPoints) - textUnits(suffix);
  const chars = [...text];
  let units = 0;
  let end = 0;
  while (end < chars.length && units + textUnits(chars[end]!) <= room) units += textUnits(chars[end++]!);
  if (end >= chars.length) return [text, ''];
  // Back to the last 。，；、！？ within the last eight characters, if there is one.
  for (let i = end; i > Math.max(0, end - 8); i--)
    if ('。，；、！？：'.includes(chars[i - 1]!)) {
      end = i;
      break;
    }
  return [chars.slice(0, end).join(''), chars.slice(end).join('')];
}

/** The variable text of the form as one size would set it. */
export interface FitSection {
  /** Paragraphs in the form's cell. */
  form: string[];
  /** Paragraphs carried to the 续页 (empty when all fit). */
  rest: string[];
}

/** What the form prints where, and how tall it is estimated to be. */
export interface SheetFit {
  /** Size (half-points) and line height of 反映问题 and 现场答复: 4号, or 小四 one step down. */
  textSize: number;
  textLine: number;
  verbatim: FitSection;
  answers: FitSection;
  /** True when part of the text goes to a 续页. */
  continued: boolean;
  /** Estimated height of the form table and the page's budget for it (twips). */
  formHeight: number;
  budget: number;
}

/** What the estimate needs to know about a sheet. */
export interface FitInput {
  /** Heights (twips) of the rows that do not depend on the demand's text. */
  fixedRows: number;
  /** The text cells' width (twips, the cell's full width). */
  textWidth: number;
  verbatim: readonly string[];
  answers: readonly string[];
}

/** Marks where the form's text breaks off and where the 续页 takes it up. */
export const CONTINUED_MARK = '（续见续页）';
export const CONTINUATION_MARK = '（接上页）';

const sectionHeight = (texts: readonly string[], width: number, size: number, line: number, min: number) =>
  rowHeight(linesOfAll(texts, inner(width), size) * line, min);

/**
 * The layout of the demand's text: at 4号 when the whole sheet fits with `SPARE` to spare, else at 小四; when
 * even that does not fit, the form keeps as much as fits at 小四 (the on-site answer at most a third of it) and
 * the rest goes to a 续页.
 */
export function fitSheet(input: FitInput): SheetFit {
  const budget = FORM_BUDGET;
  const { fixedRows, textWidth } = input;
  const verbatim = input.verbatim.length > 0 ? [...input.verbatim] : [''];
  const answers = input.answers.length > 0 ? [...input.answers] : [''];
  const whole = (t: string[]): FitSection => ({ form: t, rest: [] });
  for (const [size, line] of [
    [SIZE.four, FORM_LINE],
    [SIZE.smallFour, SMALL_LINE],
  ] as const) {
    const height =
      fixedRows +
      sectionHeight(verbatim, textWidth, size, line, ROW * 2) +
      sectionHeight(answers, textWidth, size, line, ROW);
    if (height <= budget)
      return {
        textSize: size,
        textLine: line,
        verbatim: whole(verbatim),
        answers: whole(answers),
        continued: false,
        formHeight: height,
        budget,
      };
  }
  // Continue on a 续页: the lines left at 小四, shared between the demand and the answer.
  const size = SIZE.smallFour;
  const line = SMALL_LINE;
  const width = inner(textWidth);
  const pad = 2 * (CELL_MARGIN.top + CELL_MARGIN.bottom + ROW_BORDER);
  const lines = Math.max(4, Math.floor((budget - fixedRows - pad) / line));
  const answerLines = linesOfAll(answers, width, size);
  const verbatimLines = linesOfAll(verbatim, width, size);
  let forAnswers = Math.min(answerLines, Math.max(1, Math.floor(lines / 3)));
  if (verbatimLines < lines - forAnswers) forAnswers = lines - verbatimLines;
  const verbatimFit = take(verbatim, lines - forAnswers, width, size);
  const answersFit = take(answers, forAnswers, width, size);
  const formHeight =
    fixedRows +
    sectionHeight(verbatimFit.form, textWidth, size, line, ROW * 2) +
    sectionHeight(answersFit.form, textWidth, size, line, ROW);
  return {
    textSize: size,
    textLine: line,
    verbatim: verbatimFit,
    answers: answersFit,
    continued: verbatimFit.rest.length > 0 || answersFit.rest.length > 0,
    formHeight,
    budget,
  };
}

/** The paragraphs that fit `lines` lines, the one cut in two marked at both ends, and the rest. */
function take(texts: readonly string[], lines: number, width: number, size: number): FitSection {
  const form: string[] = [];
  let left = lines;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    const need = linesOf(t, width, size);
    if (need <= left) {
      form.push(t);
      left -= need;
      continue;
    }
    const [head, tail] = left > 0 ? cutToLines(t, left, width, size, CONTINUED_MARK) : ['', t];
    if (head !== '') form.push(`${head}${CONTINUED_MARK}`);
    else if (form.length > 0) form[form.length - 1] = `${form[form.length - 1]!}${CONTINUED_MARK}`;
    else form.push(CONTINUED_MARK.replace(/[（）]/g, ''));
    return { form, rest: [head !== '' ? `${CONTINUATION_MARK}${tail}` : tail, ...texts.slice(i + 1)] };
  }
  return { form, rest: [] };
}
