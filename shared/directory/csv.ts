/**
 * CSV and tab-separated text → rows of cells, with papaparse. Quoted fields may hold commas, quotes and line
 * breaks; CRLF, LF and CR line ends are all read. Rows keep their position (one row = one Excel row), so an empty
 * row in the middle stays an empty row and row numbers match what the user sees in Excel; only trailing empty rows
 * are dropped.
 */
import Papa from 'papaparse';
import type { CsvDelimiter } from './types';

/** The rows of a CSV text and the separator that was used. */
export interface CsvTable {
  rows: string[][];
  delimiter: CsvDelimiter;
  /** Set when a quoted field never closes: everything after `line` (1-based) would land in one cell. */
  unterminatedQuoteLine?: number;
  /** Rows (1-based) where a quote stands in a place CSV does not allow; the text was read as written. */
  strayQuoteLines: number[];
}

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';'];
/** How many records the separator guess looks at. */
const SAMPLE_RECORDS = 30;

/** Parses CSV or tab-separated text (separator detected, see `detectDelimiter`). */
export function parseCsv(text: string): CsvTable {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(input);
  const result = Papa.parse<string[]>(input, { delimiter, quoteChar: '"', skipEmptyLines: false });
  const rows = result.data.map((row) => row.map((cell) => cell ?? ''));
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1] ?? [])) rows.pop();

  let unterminatedQuoteLine: number | undefined;
  const strayQuoteLines: number[] = [];
  for (const error of result.errors) {
    const line = (error.row ?? 0) + 1;
    if (error.code === 'MissingQuotes') unterminatedQuoteLine ??= line;
    else if (error.code === 'InvalidQuotes' && !strayQuoteLines.includes(line)) strayQuoteLines.push(line);
  }
  return {
    rows,
    delimiter,
    strayQuoteLines,
    ...(unterminatedQuoteLine !== undefined ? { unterminatedQuoteLine } : {}),
  };
}

/**
 * Guesses the separator from the first records: the candidate (comma, tab, semicolon) found outside quotes in the
 * most records with the same count per record wins; comma when none is found.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number[]>(CANDIDATES.map((d) => [d, []]));
  let current = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  let records = 0;
  let recordHasContent = false;
  const flush = (): void => {
    if (recordHasContent) {
      for (const d of CANDIDATES) counts.get(d)?.push(current.get(d) ?? 0);
      records += 1;
    }
    current = new Map(CANDIDATES.map((d) => [d, 0]));
    recordHasContent = false;
  };
  for (let i = 0; i < text.length && records < SAMPLE_RECORDS; i += 1) {
    const ch = text.charAt(i);
    if (ch === '"') {
      inQuotes = !inQuotes;
      recordHasContent = true;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      flush();
    } else {
      if (ch === ',' || ch === '\t' || ch === ';') current.set(ch, (current.get(ch) ?? 0) + 1);
      if (ch.trim() !== '') recordHasContent = true;
    }
  }
  flush();

  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const perRecord = (counts.get(d) ?? []).filter((n) => n > 0);
    if (perRecord.length === 0) continue;
    // Records agreeing with the most common count: a real separator splits every record the same way.
    const tally = new Map<number, number>();
    for (const n of perRecord) tally.set(n, (tally.get(n) ?? 0) + 1);
    const score = Math.max(...tally.values()) * 1000 + perRecord.length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** True when every cell of the row is empty or whitespace. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
