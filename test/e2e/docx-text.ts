// Reading a downloaded .docx back in end-to-end tests: its paragraphs and table rows as plain text.
import JSZip from 'jszip';

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph (w:p) of an XML part, runs joined. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((p) =>
    [...p[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join(''),
  );
}

/** Every table row (w:tr) as the texts of its cells. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => paragraphs(cell[1]!).join('\n')),
  );
}

/** The main document part of a .docx. */
export async function readDocx(bytes: Uint8Array): Promise<{ document: string }> {
  const part = (await JSZip.loadAsync(bytes)).file('word/document.xml');
  if (!part) throw new Error('word/document.xml is missing from the package');
  return { document: await part.async('string') };
}
