/**
 * Every document of one meeting for 交办导出: a 交办单 per exportable assignment, the 会议纪要 and the 会前材料.
 * Pure: records in, .docx bytes out, the same in the renderer, in Node scripts and in tests.
 */
import type { Id } from '../domain/types';
import { assignmentSheetData, buildAssignmentSheet, SheetBlockedError } from './assignment-sheet';
import type { MeetingBundle } from './bundle';
import { inDocNumberOrder, indexBundle } from './bundle';
import { briefingData, buildBriefing } from './briefing';
import { buildMinutes, minutesData } from './minutes';

export type { MeetingBundle } from './bundle';

/** What a document is: 交办单, 会议纪要 or 会前材料. */
export type MeetingDocumentKind = 'sheet' | 'minutes' | 'briefing';

/** One built document: its kind, the assignment of a 交办单, the file name's stem (before sanitising) and bytes. */
export interface MeetingDocument {
  kind: MeetingDocumentKind;
  assignmentId?: Id;
  stem: string;
  bytes: Uint8Array;
}

/** An assignment left out of the export, with the reason in Chinese (unsigned, tampered, escalated…). */
export interface SkippedAssignment {
  assignmentId: Id;
  reason: string;
}

export interface MeetingDocumentsOptions {
  /** Integrity problems by assignment id (`SignatureProblem.label` + detail): those items are never exported. */
  problems?: Readonly<Record<Id, string>>;
  /**
   * Mask mobile numbers in the 会议纪要 and the 会前材料 (default true). The 交办单 keeps the reporter's number:
   * the department calls the enterprise back.
   */
  maskPhones?: boolean;
  /** Which documents to build (default sheets and minutes). */
  include?: ReadonlyArray<'sheets' | 'minutes' | 'briefing'>;
  /**
   * Called after each step (a 交办单 built or skipped, the minutes, the briefing) and awaited: the caller
   * shows progress and may yield to its event loop there, or throw to stop building.
   */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface MeetingDocuments {
  documents: MeetingDocument[];
  skipped: SkippedAssignment[];
}

/** The 交办单 stems: 青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单. */
export function sheetStem(docNumber: string, enterpriseName: string): string {
  return `${docNumber}-${enterpriseName}-交办单`;
}

/**
 * Builds the meeting's documents: the 交办单 in 文号 order, then the 会议纪要, then the 会前材料. Unsigned or
 * tampered assignments are listed in `skipped`, never built as sheets (the minutes list them as 待签批).
 */
export async function meetingDocuments(
  bundle: MeetingBundle,
  options: MeetingDocumentsOptions = {},
): Promise<MeetingDocuments> {
  const include = new Set(options.include ?? ['sheets', 'minutes']);
  const ix = indexBundle(bundle);
  const documents: MeetingDocument[] = [];
  const skipped: SkippedAssignment[] = [];
  const sheets = include.has('sheets') ? inDocNumberOrder(ix.assignments) : [];
  const total = sheets.length + (include.has('minutes') ? 1 : 0) + (include.has('briefing') ? 1 : 0);
  let done = 0;
  const step = async () => options.onProgress?.(++done, total);
  for (const a of sheets) {
    let data;
    try {
      data = assignmentSheetData(bundle, a.id, options.problems?.[a.id], ix);
    } catch (e) {
      if (!(e instanceof SheetBlockedError)) throw e;
      skipped.push({ assignmentId: a.id, reason: e.message });
      await step();
      continue;
    }
    documents.push({
      kind: 'sheet',
      assignmentId: a.id,
      stem: sheetStem(data.docNumber, data.enterpriseName),
      bytes: await buildAssignmentSheet(data),
    });
    await step();
  }
  const { title } = bundle.meeting;
  if (include.has('minutes')) {
    documents.push({
      kind: 'minutes',
      stem: `${title}-会议纪要`,
      bytes: await buildMinutes(minutesData(bundle, options)),
    });
    await step();
  }
  if (include.has('briefing')) {
    documents.push({
      kind: 'briefing',
      stem: `${title}-会前材料`,
      bytes: await buildBriefing(briefingData(bundle, options)),
    });
    await step();
  }
  return { documents, skipped };
}
