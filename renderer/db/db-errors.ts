// IndexedDB and Dexie failures in words a secretary can act on (issue 15, 数据安全). A full disk, a backing store
// Chromium cannot open, a connection it closed, a database a newer window upgraded: each becomes one Chinese
// sentence — what happened, what was not saved, what to do, and what is still safe — never `UnknownError …`.
//
// What Chromium really says when the disk fills while a transaction commits (measured on a small tmpfs, see
// test/e2e/disk-full.spec.ts): the commit fails with `UnknownError: Connection is closing because of: IO error: …
// FILE_ERROR_NO_SPACE`, the connection is closed from the browser's side (every later transaction is an
// `InvalidStateError … The database connection is closing`), and opening again while the disk is still full fails
// with `UnknownError: Internal error opening backing store for indexedDB.open`. Dexie then keeps that failed open
// and answers every later call with `DatabaseClosedError`, even after space is freed — until the page is reloaded.
// `recoverFromStorageError` (./desk-db.ts, reopenDeskDb) closes and reopens instead, so the next Enter works.
import Dexie from 'dexie';
import { getDeskDb, reopenDeskDb, type DeskDb } from './desk-db';

/** What kind of storage failure an error is. */
export type StorageFailure =
  /** The disk (or the browser's quota) is full. */
  | 'disk-full'
  /** The browser could not read or write its database files (a full or failing disk, most often). */
  | 'backing-store'
  /** The connection was closed (by the browser after an I/O error, or while reopening). */
  | 'closed'
  /** The database did not answer in time. */
  | 'timeout'
  /** The transaction was aborted without a reason given. */
  | 'aborted'
  /** Another window runs a newer version of the app, which upgraded the database. */
  | 'version'
  /** The browser gives this page no IndexedDB (a private window, storage disabled). */
  | 'unavailable'
  /** A record with the same key is already there. */
  | 'conflict'
  /** The app asked for something the database refuses (a bug, not the machine). */
  | 'program'
  /** Any other IndexedDB or Dexie failure. */
  | 'other';

/** Failures after which the connection may be broken: the database is closed and opened again. */
export const REOPEN_AFTER: ReadonlySet<StorageFailure> = new Set([
  'disk-full',
  'backing-store',
  'closed',
  'timeout',
  'aborted',
  'other',
]);

/** Names of the failures IndexedDB and Dexie report, by the kind we tell the user. */
const BY_NAME: Readonly<Record<string, StorageFailure>> = {
  QuotaExceededError: 'disk-full',
  UnknownError: 'backing-store',
  OpenFailedError: 'backing-store',
  DatabaseClosedError: 'closed',
  InvalidStateError: 'closed',
  TransactionInactiveError: 'closed',
  TimeoutError: 'timeout',
  AbortError: 'aborted',
  VersionError: 'version',
  VersionChangeError: 'version',
  MissingAPIError: 'unavailable',
  SecurityError: 'unavailable',
  ConstraintError: 'conflict',
  DataCloneError: 'program',
  DataError: 'program',
  ReadOnlyError: 'program',
  InvalidAccessError: 'program',
  NotFoundError: 'program',
  SyntaxError: 'program',
  InvalidArgumentError: 'program',
  InvalidTableError: 'program',
  NoSuchDatabaseError: 'program',
  SchemaError: 'program',
  UpgradeError: 'program',
  SubTransactionError: 'program',
  UnsupportedError: 'program',
  InternalError: 'program',
  PrematureCommitError: 'program',
  ForeignAwaitError: 'program',
  ModifyError: 'program',
  BulkError: 'program',
};

/** Said by Chromium (LevelDB), Firefox and the OS when the disk is full. */
const DISK_FULL_WORDS = /NO_SPACE|ENOSPC|no space|disk (is )?full|full disk|quota/i;
/** Said when the browser's database files cannot be opened, read or written. */
const BACKING_STORE_WORDS = /backing store|IO error|Internal error/i;

/** The kind a failure is most specifically, from the most telling to the least. */
const PRECEDENCE: readonly StorageFailure[] = [
  'disk-full',
  'unavailable',
  'version',
  'backing-store',
  'timeout',
  'conflict',
  'program',
  'closed',
  'aborted',
  'other',
];

type Loose = { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };

/** The error and every error it wraps (Dexie's `inner`, `cause`, a bulk error's failures), at most a few deep. */
function chain(error: unknown): Loose[] {
  const seen: Loose[] = [];
  const walk = (e: unknown, depth: number) => {
    if (depth > 5 || typeof e !== 'object' || e === null || seen.includes(e as Loose)) return;
    const loose = e as Loose;
    seen.push(loose);
    walk(loose.inner, depth + 1);
    walk(loose.cause, depth + 1);
    if (Array.isArray(loose.failures)) for (const f of loose.failures.slice(0, 5)) walk(f, depth + 1);
    else if (loose.failures && typeof loose.failures === 'object')
      for (const f of Object.values(loose.failures).slice(0, 5)) walk(f, depth + 1);
  };
  walk(error, 0);
  return seen;
}

/** True for errors IndexedDB or Dexie raised (not the app's own refusals, which carry their own words). */
function fromStorage(e: Loose): boolean {
  if (e instanceof StorageError) return true;
  if (e instanceof Dexie.DexieError) return true;
  if (typeof DOMException !== 'undefined' && e instanceof DOMException) return typeof e.name === 'string';
  // fake-indexeddb and older engines raise look-alikes; a plain Error named SyntaxError is JSON's, not ours.
  return typeof e.name === 'string' && e.name !== 'SyntaxError' && e.name in BY_NAME;
}

/**
 * What kind of storage failure `error` is, or undefined when it is not one (the app's own refusals, with a Chinese
 * message of their own, pass through as they are).
 */
export function storageFailure(error: unknown): StorageFailure | undefined {
  if (error instanceof StorageError) return error.failure;
  const links = chain(error);
  if (!links[0] || !fromStorage(links[0])) return undefined;
  const kinds = new Set<StorageFailure>();
  for (const e of links) {
    const name = typeof e.name === 'string' ? e.name : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (DISK_FULL_WORDS.test(message)) kinds.add('disk-full');
    else if (BACKING_STORE_WORDS.test(message)) kinds.add('backing-store');
    const byName = BY_NAME[name];
    if (byName) kinds.add(byName);
  }
  return PRECEDENCE.find((k) => kinds.has(k)) ?? 'other';
}

/** Where the failure happened, so the sentence says what was lost and what is still safe. */
export interface FailureContext {
  /** What was not saved or read: 这条记录没有保存. Default 操作没有完成. */
  what?: string;
  /** What to do once the cause is fixed, as a verb phrase: 再按回车. Default 重试. */
  retry?: string;
  /** The app retries by itself (a draft): the sentence says so instead of asking for a retry. */
  autoRetry?: boolean;
  /** What is still safe: 已输入的文字仍在输入框中. */
  kept?: string;
}

/** A storage failure in one Chinese sentence: what happened, what was not saved, what to do, what is still safe. */
export function storageErrorMessage(error: unknown, context: FailureContext = {}): string | undefined {
  const failure = storageFailure(error);
  if (!failure) return undefined;
  const what = context.what ?? '操作没有完成';
  const retry = context.retry ?? '重试';
  const again = context.autoRetry ? '，本窗口会自动重试' : `后${retry}`;
  const soon = context.autoRetry ? '本窗口会自动重试' : `请${retry}`;
  const name = errorName(error);
  let happened: string;
  let todo: string;
  switch (failure) {
    case 'disk-full':
      happened = '磁盘空间不足';
      todo = `请清理磁盘（删除不用的文件、清空回收站）${again}`;
      break;
    case 'backing-store':
      happened = '数据库暂时无法读写（多半是磁盘已满或磁盘出错）';
      todo = `请检查并清理磁盘${again}`;
      break;
    case 'closed':
      happened = '与数据库的连接中断了，正在重新连接';
      todo = context.autoRetry ? soon : `请稍候${retry}`;
      break;
    case 'timeout':
      happened = '数据库长时间没有响应';
      todo = context.autoRetry ? soon : `请稍候${retry}`;
      break;
    case 'aborted':
      happened = '保存被中断';
      todo = soon;
      break;
    case 'version':
      happened = '另一个窗口打开了更新版本的恳谈会务台，数据库已升级';
      todo = '请先复制尚未保存的文字，再关闭所有恳谈会务台窗口后重新打开';
      break;
    case 'unavailable':
      happened = '浏览器不允许本页面保存数据（可能是无痕窗口，或本地存储被禁用）';
      todo = '请在正常窗口中打开恳谈会务台，或联系维护人员';
      break;
    case 'conflict':
      happened = '数据库中已有同一编号的记录';
      todo = `${soon}；如果反复出现，请联系维护人员`;
      break;
    case 'program':
      happened = `数据库拒绝了这次写入（程序错误 ${name}）`;
      todo = '请把这条提示告诉维护人员';
      break;
    default:
      happened = `数据库出错（${name}）`;
      todo = `${soon}；如果反复出现，请重启恳谈会务台`;
  }
  return `${happened}，${what}：${todo}${context.kept ? `，${context.kept}` : ''}。`;
}

/** The innermost telling name of a failure, for the maintainer (e.g. QuotaExceededError). */
function errorName(error: unknown): string {
  const names = chain(error)
    .map((e) => (typeof e.name === 'string' ? e.name : ''))
    .filter((n) => n && n !== 'Error' && n !== 'StorageError');
  return names[names.length - 1] ?? 'Error';
}

/**
 * Any error as the sentence to show: a storage failure in Chinese (storageErrorMessage), else the error's own
 * message (the app's refusals are Chinese already) after `what`: 这条记录没有保存成功（…）.
 */
export function describeError(error: unknown, context: FailureContext = {}): string {
  const storage = storageErrorMessage(error, context);
  if (storage) return storage;
  const message = error instanceof Error && error.message ? error.message : String(error);
  const what = context.what ?? '操作没有完成';
  const todo = context.autoRetry ? '本窗口会自动重试' : `请${context.retry ?? '重试'}`;
  return `${what}（${message}），${todo}${context.kept ? `，${context.kept}` : ''}。`;
}

/**
 * A storage failure with a Chinese message, thrown by the repositories in place of the raw IndexedDB error, so
 * that every `catch` that shows `error.message` shows words a secretary can act on. The raw error is `cause`.
 */
export class StorageError extends Error {
  readonly failure: StorageFailure;
  constructor(cause: unknown, context: FailureContext = {}) {
    const failure = storageFailure(cause) ?? 'other';
    super(storageErrorMessage(cause, context) ?? '数据库出错', { cause });
    this.name = 'StorageError';
    this.failure = failure;
  }
}

/**
 * A bare AbortError (what a request inside an aborted transaction fails with) with the reason the transaction itself
 * was aborted for (./abort-reasons.ts) as its inner error, so a full disk is told as one. Anything else as it is.
 */
export function withAbortReason(error: unknown, reason: unknown): unknown {
  if (reason === undefined || reason === null || storageFailure(error) !== 'aborted') return error;
  if (chain(error).some((e) => e === reason)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Dexie.AbortError(message, reason as Error);
}

/** The error as thrown on: a storage failure wrapped in a StorageError, anything else as it is. */
export function asStorageError(error: unknown, context?: FailureContext): unknown {
  if (error instanceof StorageError) return error;
  return storageFailure(error) ? new StorageError(error, context) : error;
}

/**
 * After a storage failure, make the next attempt able to work without reloading the page: close the database and
 * open it again (./desk-db.ts, reopenDeskDb). Resolves with the kind of failure (undefined when `error` is none).
 * Not inside a transaction (closing would abort it), not for a connection that is open and well again (a
 * DatabaseClosedError met while another failure was reopening it), and not for a database the app closed on purpose
 * (`close()` without auto-open, as a restore does).
 */
export async function recoverFromStorageError(
  error: unknown,
  db: DeskDb = getDeskDb(),
): Promise<StorageFailure | undefined> {
  const failure = storageFailure(error);
  if (!failure || !REOPEN_AFTER.has(failure) || Dexie.currentTransaction) return failure;
  // Closed by the app itself (a restore replacing the database): not ours to open again.
  if (db.hasBeenClosed()) return failure;
  if ((failure === 'closed' || failure === 'aborted') && db.isOpen() && !db.hasFailed()) return failure;
  await reopenDeskDb(db);
  return failure;
}
