// An import of the enterprise directory off the main thread (issue 17): the logic of the import worker
// (./import.worker.ts is only its shell) and the page's side that puts the preview back together, as plain code the
// tests run in Node.
//
// A 100,000-row directory took the page 6.3 s to preview and 152 s to import, in tasks of up to 2.6 s. Now:
// - read: the page sends the directory it has, in parts, then the file's bytes; the worker decodes, parses and checks
//   every row (`buildImportPreview`), saying how far it has got, and sends the rows back in batches, so the page
//   never deserialises 100,000 rows in one task (a whole preview is some 300 ms of structured clone); `done` closes
//   with the file's facts and counts. The worker keeps the preview.
// - write: the page sends the lines the secretary confirmed; the worker makes the records and writes them with the
//   repository (EnterpriseRepository.importAll: one transaction, in chunks, with progress) on a connection of its
//   own. IndexedDB spends some 30 µs of the calling thread on every record it stores — 3 s of main thread for
//   100,000 — so the worker, not the page, pays it. `cancel` aborts the transaction between chunks: nothing is
//   written. Once committed, the directory as it now is goes back in batches (`directory`), so the page does not
//   read it again (6 s for 100,000 records in pages).
// Cancelling a read is terminating the worker.
//
// Reading is one percentage: the file read and parsed (0–15 %), its rows checked (15–95 %), the rows sent (95–100 %).
import { repositories } from '../db';
import { DeskDb } from '../db/desk-db';
import { ImportCancelledError, type ImportAllProgress } from '../db/repositories/enterprises';
import { buildImportPreview, type PreviewProgress } from '../../shared/directory/import-preview';
import { commitRows, commitUpdates } from '../../shared/directory/import-commit';
import type { Enterprise } from '../../shared/domain/types';
import type { ImportFile, ImportPreview, ImportRow } from '../../shared/directory/types';

/** Page → worker: parts of the directory the file is checked against, the file, then the lines to import. */
export type ImportJobRequest =
  | { type: 'existing'; enterprises: Enterprise[] }
  | { type: 'read'; file: ImportFile }
  | { type: 'write'; dbName: string; lines: number[]; now: number }
  | { type: 'cancel' };

/** The stage a read is in, for the words beside the percentage. */
export type ImportReadPhase = PreviewProgress['phase'] | 'receive';

/** Worker → page. `done` carries the preview without its rows: they came before it in `rows` batches. */
export type ImportJobMessage =
  | { type: 'progress'; phase: ImportReadPhase; percent: number }
  | { type: 'rows'; rows: ImportRow[]; percent: number }
  | { type: 'done'; preview: ImportPreview }
  | { type: 'failed'; error: string }
  | { type: 'write-progress'; progress: ImportAllProgress }
  | { type: 'directory'; enterprises: Enterprise[] }
  | { type: 'written'; added: number; updated: number }
  | { type: 'write-failed'; error: string; cancelled: boolean };

/** How far a read has got, for the progress bar. */
export interface ImportReadProgress {
  phase: ImportReadPhase;
  /** 0–100. */
  percent: number;
}

/** A database for one write, and what to do with it afterwards. */
export interface JobDatabase {
  db: DeskDb;
  release(): void;
}

/** Rows per `rows` message, and enterprises per `directory` message: a few milliseconds of structured clone each. */
export const ROWS_PER_MESSAGE = 2000;
export const DIRECTORY_PER_MESSAGE = 5000;

const READ_UNTIL = 15;
const CHECK_UNTIL = 95;

/** The percentage of a preview's own progress. */
export function previewPercent(progress: PreviewProgress): number {
  if (progress.phase === 'read') return 0;
  const share = progress.total === 0 ? 1 : progress.done / progress.total;
  return Math.floor(READ_UNTIL + (CHECK_UNTIL - READ_UNTIL) * share);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A connection of the worker's own, closed after the write and whenever another window upgrades the database. */
function ownDatabase(name: string): JobDatabase {
  const db = new DeskDb(name);
  db.on('versionchange', () => {
    db.close();
    return false;
  });
  return { db, release: () => db.close() };
}

/**
 * The worker's side: takes requests, sends messages through `post`. One job per worker and per file: the directory
 * parts received are kept for the read, the preview for the writes that follow.
 */
export function createImportJob(
  post: (message: ImportJobMessage) => void,
  openDatabase: (name: string) => JobDatabase | Promise<JobDatabase> = ownDatabase,
): (request: ImportJobRequest) => Promise<void> {
  const existing: Enterprise[] = [];
  let preview: ImportPreview | undefined;
  let writing: AbortController | undefined;

  async function read(file: ImportFile): Promise<void> {
    try {
      let last = -1;
      const built = await buildImportPreview(file, existing, {
        onProgress: (progress) => {
          const percent = previewPercent(progress);
          if (percent === last) return;
          last = percent;
          post({ type: 'progress', phase: progress.phase, percent });
        },
      });
      preview = built;
      if (!built.ok) {
        post({ type: 'done', preview: built });
        return;
      }
      const { rows } = built;
      for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
        const end = Math.min(rows.length, i + ROWS_PER_MESSAGE);
        const percent = Math.floor(CHECK_UNTIL + ((100 - CHECK_UNTIL) * end) / rows.length);
        post({ type: 'rows', rows: rows.slice(i, end), percent });
      }
      post({ type: 'done', preview: { ...built, rows: [] } });
    } catch (error) {
      post({ type: 'failed', error: `读取“${file.name}”失败：${messageOf(error)}` });
    }
  }

  async function write(dbName: string, lines: number[], now: number): Promise<void> {
    if (!preview?.ok || writing) {
      post({ type: 'write-failed', error: '没有可导入的预览，请重新选择文件', cancelled: false });
      return;
    }
    const abort = new AbortController();
    writing = abort;
    const selected = new Set(lines);
    let database: JobDatabase | undefined;
    try {
      const records = commitRows(preview, selected, { now });
      const updates = commitUpdates(preview, selected);
      database = await openDatabase(dbName);
      let directory: Enterprise[] = [];
      const added = await repositories(database.db).enterprises.importAll(records, updates, now, {
        signal: abort.signal,
        onProgress: (progress) => post({ type: 'write-progress', progress }),
        onDirectory: (all) => (directory = all),
      });
      // The directory as it now is goes back with the result: the page need not read 100,000 records again.
      for (let i = 0; i < directory.length; i += DIRECTORY_PER_MESSAGE)
        post({ type: 'directory', enterprises: directory.slice(i, i + DIRECTORY_PER_MESSAGE) });
      post({ type: 'written', added, updated: updates.length });
    } catch (error) {
      post({
        type: 'write-failed',
        error: messageOf(error),
        cancelled: error instanceof ImportCancelledError,
      });
    } finally {
      database?.release();
      writing = undefined;
    }
  }

  return async (request) => {
    switch (request.type) {
      case 'existing':
        for (const e of request.enterprises) existing.push(e);
        return;
      case 'read':
        return read(request.file);
      case 'write':
        return write(request.dbName, request.lines, request.now);
      case 'cancel':
        writing?.abort();
        return;
    }
  };
}

/**
 * The page's side of a read: takes the worker's messages in order and gives the whole preview on `done`; a `failed`
 * read throws its (Chinese) message. Messages of a write are not its business (undefined).
 */
export class PreviewAssembler {
  private readonly rows: ImportRow[] = [];

  constructor(private readonly onProgress: (progress: ImportReadProgress) => void = () => undefined) {}

  /** One message; the preview once it is complete, undefined before. */
  accept(message: ImportJobMessage): ImportPreview | undefined {
    switch (message.type) {
      case 'progress':
        this.onProgress({ phase: message.phase, percent: message.percent });
        return undefined;
      case 'rows':
        for (const row of message.rows) this.rows.push(row);
        this.onProgress({ phase: 'receive', percent: message.percent });
        return undefined;
      case 'done':
        return message.preview.ok ? { ...message.preview, rows: this.rows } : message.preview;
      case 'failed':
        throw new Error(message.error);
      default:
        return undefined;
    }
  }
}
