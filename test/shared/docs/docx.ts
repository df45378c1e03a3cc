/**
 * Reading a built .docx back in tests: its parts as text, its paragraphs as plain text, and the demo meeting
 * the documents are made from (fixed day and ids, so every run builds the same documents).
 */
import JSZip from 'jszip';
import { signedDemoBundle } from '../../../shared/demo/demo-signing';
import type { MeetingBundle } from '../../../shared/docs/bundle';

/** The demo is built for this day; its finished meeting is the day before, 2026年11月21日. */
export const DEMO_TODAY = '2026-11-22';
/** 10:00 China time on DEMO_TODAY: when the demo's assignments are signed. */
export const DEMO_NOW = Date.UTC(2026, 10, 22, 2, 0);

/** The signed demo meeting with counter ids. */
export function demoBundle(): Promise<MeetingBundle> {
  let n = 0;
  return signedDemoBundle({
    today: DEMO_TODAY,
    now: DEMO_NOW,
    newId: () => `id-${String(++n).padStart(4, '0')}`,
  });
}

/** The parts of a .docx that the checks read. */
export interface DocxParts {
  document: string;
  fontTable: string;
  styles: string;
  footers: string[];
  media: string[];
}

/** Opens a .docx and reads its main parts as text. */
export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is missing from the package`);
    return file.async('string');
  };
  const names = Object.keys(zip.files);
  const footers = names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).sort();
  return {
    document: await text('word/document.xml'),
    fontTable: await text('word/fontTable.xml'),
    styles: await text('word/styles.xml'),
    footers: await Promise.all(footers.map(text)),
    media: names.filter((n) => n.startsWith('word/media/')).sort(),
  };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph (w:p) in document order, runs joined. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((p) =>
    [...p[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  );
}

/** Every table row (w:tr) as the texts of its cells. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => paragraphs(cell[1]!).join('\n')),
  );
}

/** The attributes of each element named `tag` (e.g. `w:pgMar`) as a record. */
export function elements(xml: string, tag: string): Array<Record<string, string>> {
  const re = new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`, 'g');
  return [...xml.matchAll(re)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, unescapeXml(a[2]!)])),
  );
}

/** The runs (w:r) whose text contains `text`, each as its raw XML. */
export function runsWith(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
    .map((r) => r[0])
    .filter((r) => paragraphs(`<w:p>${r}</w:p>`)[0]!.includes(text));
}

/** EMU (English Metric Units) to millimetres. */
export const emuToMm = (emu: number): number => emu / 36_000;
