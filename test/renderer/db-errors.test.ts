// Storage failures in Chinese, and the database working again after one without a reload (issue 15, 数据安全).
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repositories, type DeskDb } from '../../renderer/db';
import {
  asStorageError,
  describeError,
  storageErrorMessage,
  storageFailure,
  StorageError,
  withAbortReason,
  type StorageFailure,
} from '../../renderer/db/db-errors';
import { reopenDeskDb } from '../../renderer/db/desk-db';
import { recordAbortReasons } from '../../renderer/db/abort-reasons';
import { MinuteRepository } from '../../renderer/db/repositories/minutes';
import { InUseError } from '../../renderer/db/repositories/organization';
import type { MinuteEntry } from '../../shared/domain/types';
import { freshDatabase } from './db-helpers';
import { fillDisk } from './storage-helpers';
import { installStorageAlerts } from '../../renderer/lib/storage-alerts';
import { SettingsRepository } from '../../renderer/db/repositories/settings';
import { useSettingsStore } from '../../renderer/stores/settings';

const dom = (name: string, message = '') => new DOMException(message, name);
/** What Chromium says when the disk fills during a commit (measured on a tmpfs, test/e2e/disk-full.spec.ts). */
const CHROMIUM_NO_SPACE =
  'Connection is closing because of: IO error: .../http_localhost_4191.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)';
const CHROMIUM_BACKING_STORE = 'Internal error opening backing store for indexedDB.open.';

describe('storageFailure: what kind of failure', () => {
  const cases: [string, unknown, StorageFailure][] = [
    ['QuotaExceededError', dom('QuotaExceededError', 'The quota has been exceeded.'), 'disk-full'],
    ['Chromium’s full disk on commit', dom('UnknownError', CHROMIUM_NO_SPACE), 'disk-full'],
    ['the backing store that does not open', dom('UnknownError', CHROMIUM_BACKING_STORE), 'backing-store'],
    [
      'Dexie’s DatabaseClosedError after that failed open',
      new Dexie.DatabaseClosedError(new Dexie.UnknownError(CHROMIUM_BACKING_STORE)),
      'backing-store',
    ],
    ['OpenFailedError around a full disk', new Dexie.OpenFailedError(dom('QuotaExceededError')), 'disk-full'],
    [
      'AbortError whose inner error is the quota',
      new Dexie.AbortError('aborted', dom('QuotaExceededError')),
      'disk-full',
    ],
    ['a closing connection', dom('InvalidStateError', 'The database connection is closing.'), 'closed'],
    ['DatabaseClosedError', new Dexie.DatabaseClosedError(), 'closed'],
    ['TimeoutError', dom('TimeoutError'), 'timeout'],
    ['a bare AbortError', dom('AbortError', 'The transaction was aborted.'), 'aborted'],
    [
      'VersionError',
      new Dexie.VersionError('The requested version (30) is less than the existing version (40).'),
      'version',
    ],
    ['MissingAPIError', new Dexie.MissingAPIError(), 'unavailable'],
    ['ConstraintError', dom('ConstraintError', 'Key already exists in the object store.'), 'conflict'],
    ['DataCloneError', dom('DataCloneError', '#<Object> could not be cloned.'), 'program'],
    [
      'a BulkError of full disks',
      new Dexie.BulkError('bulkAdd failed', { 0: dom('QuotaExceededError') } as never),
      'disk-full',
    ],
    ['a StorageError already', new StorageError(dom('TimeoutError')), 'timeout'],
  ];
  it.each(cases)('%s', (_what, error, kind) => {
    expect(storageFailure(error)).toBe(kind);
  });

  it('leaves the app’s own refusals alone', () => {
    expect(storageFailure(new Error('至少要保留一个类别'))).toBeUndefined();
    expect(storageFailure(new InUseError('该部门已被 3 条诉求使用'))).toBeUndefined();
    expect(storageFailure(new SyntaxError('Unexpected token'))).toBeUndefined();
    expect(storageFailure('text')).toBeUndefined();
    expect(storageFailure(undefined)).toBeUndefined();
  });
});

describe('storageErrorMessage: what happened, what was lost, what to do', () => {
  const commit = { what: '这条记录没有保存', retry: '再按回车', kept: '已输入的文字仍在输入框中' };

  it('a full disk on Enter', () => {
    expect(storageErrorMessage(dom('UnknownError', CHROMIUM_NO_SPACE), commit)).toBe(
      '磁盘空间不足，这条记录没有保存：请清理磁盘（删除不用的文件、清空回收站）后再按回车，已输入的文字仍在输入框中。',
    );
  });

  it('the backing store that does not open, as the issue saw it', () => {
    const raw = new Dexie.DatabaseClosedError(new Dexie.UnknownError(CHROMIUM_BACKING_STORE));
    expect(storageErrorMessage(raw, commit)).toBe(
      '数据库暂时无法读写（多半是磁盘已满或磁盘出错），这条记录没有保存：请检查并清理磁盘后再按回车，已输入的文字仍在输入框中。',
    );
  });

  it('a draft that the app retries by itself', () => {
    expect(
      storageErrorMessage(dom('QuotaExceededError'), {
        what: '草稿没有保存',
        autoRetry: true,
        kept: '已输入的文字仍在输入框中，请不要关闭窗口',
      }),
    ).toBe(
      '磁盘空间不足，草稿没有保存：请清理磁盘（删除不用的文件、清空回收站），本窗口会自动重试，已输入的文字仍在输入框中，请不要关闭窗口。',
    );
  });

  it('every kind is said in Chinese, with no raw English but the name of a program error', () => {
    const errors = [
      dom('InvalidStateError', 'The database connection is closing.'),
      dom('TimeoutError', 'timeout'),
      dom('AbortError', 'aborted'),
      new Dexie.VersionError('version'),
      new Dexie.MissingAPIError(),
      dom('ConstraintError', 'Key already exists'),
      dom('DataCloneError', 'could not be cloned'),
      new Dexie.SubTransactionError('sub'),
    ];
    for (const error of errors) {
      const message = storageErrorMessage(error, commit)!;
      expect(message).toMatch(/^[^a-z]*(?:DataCloneError|SubTransactionError)?[^a-z]*$/);
      expect(message).toContain('这条记录没有保存');
      expect(message.endsWith('。')).toBe(true);
    }
    expect(storageErrorMessage(new Dexie.VersionError('x'), commit)).toContain('重新打开');
    expect(storageErrorMessage(dom('DataCloneError'), commit)).toContain('维护人员');
  });

  it('defaults to 操作没有完成 and 重试', () => {
    expect(storageErrorMessage(dom('TimeoutError'))).toBe('数据库长时间没有响应，操作没有完成：请稍候重试。');
  });
});

describe('describeError and StorageError', () => {
  it('keeps the words of the app’s own refusals', () => {
    expect(describeError(new Error('该类别正在使用'), { what: '没有删除' })).toBe(
      '没有删除（该类别正在使用），请重试。',
    );
  });

  it('a StorageError carries the sentence, the kind and the raw error', () => {
    const raw = dom('QuotaExceededError');
    const error = asStorageError(raw) as StorageError;
    expect(error).toBeInstanceOf(StorageError);
    expect(error.failure).toBe('disk-full');
    expect(error.cause).toBe(raw);
    expect(error.message).toBe(
      '磁盘空间不足，操作没有完成：请清理磁盘（删除不用的文件、清空回收站）后重试。',
    );
    // Said again for where it happened.
    expect(describeError(error, { what: '这条记录没有保存', retry: '再按回车' })).toBe(
      '磁盘空间不足，这条记录没有保存：请清理磁盘（删除不用的文件、清空回收站）后再按回车。',
    );
    const refusal = new Error('不能为空');
    expect(asStorageError(refusal)).toBe(refusal);
  });
});

describe('a bare AbortError is told with the reason its transaction gave', () => {
  it('withAbortReason puts the transaction’s error under the request’s', () => {
    const request = dom('AbortError', 'The transaction was aborted, so the request cannot be fulfilled.');
    const reason = dom('UnknownError', CHROMIUM_NO_SPACE);
    expect(storageFailure(request)).toBe('aborted');
    expect(storageFailure(withAbortReason(request, reason))).toBe('disk-full');
    expect(withAbortReason(request, undefined)).toBe(request);
    const constraint = dom('ConstraintError');
    expect(withAbortReason(constraint, reason)).toBe(constraint);
  });

  it('the database keeps the error of a transaction the browser failed', () => {
    // The middleware over a stand-in for the native transactions, which the browser fails with an error of its own.
    let middleware: Middleware<DBCore> | undefined;
    let t = 1_000;
    const reasons = recordAbortReasons(
      { use: (m: Middleware<DBCore>) => (middleware = m) } as unknown as Dexie,
      () => t,
    );
    const open = (): EventTarget & { error: unknown } =>
      Object.assign(new EventTarget(), { error: null as unknown });
    const created: ReturnType<typeof open>[] = [];
    const core = middleware!.create({
      transaction: () => {
        const tx = open();
        created.push(tx);
        return tx;
      },
    } as unknown as DBCore) as DBCore;
    core.transaction(['minuteEntries'], 'readwrite');
    core.transaction(['drafts'], 'readwrite');
    const [commit, draft] = created as [ReturnType<typeof open>, ReturnType<typeof open>];
    expect(reasons.last()).toBeUndefined();
    // The request fails: the transaction's error is set before its abort event.
    const full = dom('UnknownError', CHROMIUM_NO_SPACE);
    commit.error = full;
    expect(reasons.last()).toBe(full);
    commit.dispatchEvent(new Event('abort'));
    draft.dispatchEvent(new Event('complete'));
    expect(reasons.last()).toBe(full);
    t += 3_001;
    expect(reasons.last()).toBeUndefined();
  });

  it('a commit that the disk aborts is said as a full disk, not as interrupted', async () => {
    const db = await freshDatabase();
    vi.spyOn(db.aborts, 'last').mockReturnValue(dom('UnknownError', CHROMIUM_NO_SPACE));
    vi.spyOn(MinuteRepository.prototype, 'append').mockRejectedValueOnce(
      dom('AbortError', 'The transaction was aborted, so the request cannot be fulfilled.'),
    );
    const failed = await repositories(db)
      .minutes.append({
        id: 'x',
        meetingId: 'm',
        at: 1,
        role: 'host',
        who: '主持人',
        text: '话',
        history: [],
      })
      .catch((e: unknown) => e);
    expect((failed as StorageError).failure).toBe('disk-full');
    vi.restoreAllMocks();
  });
});

describe('after a storage failure the next attempt works without a reload', () => {
  let db: DeskDb;
  const entry = (n: number): MinuteEntry => ({
    id: `e${n}`,
    meetingId: 'm1',
    at: n,
    role: 'entrepreneur',
    who: '孙立伟',
    text: `第${n}句`,
    history: [],
  });

  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(() => vi.restoreAllMocks());

  it('repositories turn a storage failure into Chinese and leave refusals as they are', async () => {
    vi.spyOn(MinuteRepository.prototype, 'append').mockRejectedValueOnce(dom('QuotaExceededError'));
    const failed = await repositories()
      .minutes.append(entry(1))
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StorageError);
    expect((failed as Error).message).toContain('磁盘空间不足');
    vi.spyOn(MinuteRepository.prototype, 'listForMeeting').mockRejectedValueOnce(new Error('自己的话'));
    await expect(repositories().minutes.listForMeeting('m1')).rejects.toThrow(/^自己的话$/);
  });

  it('an open that failed while the disk was full is tried again once it is not', async () => {
    const freeSpace = fillDisk(db);
    const first = await repositories()
      .minutes.append(entry(1))
      .catch((e: unknown) => e);
    expect((first as StorageError).failure).toBe('backing-store');
    expect((first as Error).message).toContain('数据库暂时无法读写');
    const second = await repositories()
      .minutes.append(entry(2))
      .catch((e: unknown) => e);
    expect((second as StorageError).failure).toBe('backing-store');

    freeSpace();
    await repositories().minutes.append(entry(3));
    expect((await db.minuteEntries.toArray()).map((e) => e.id)).toEqual(['e3']);
  });

  it('a database the app closed on purpose (a restore under way) is left closed', async () => {
    db.close();
    const failed = await repositories()
      .minutes.append(entry(1))
      .catch((e: unknown) => e);
    expect((failed as StorageError).failure).toBe('closed');
    expect(db.isOpen()).toBe(false);
    await expect(repositories().minutes.listForMeeting('m1')).rejects.toThrow(/连接中断/);
  });

  it('reopens once at a time', async () => {
    const close = vi.spyOn(db, 'close');
    const [a, b] = await Promise.all([reopenDeskDb(db), reopenDeskDb(db)]);
    expect([a, b]).toEqual([true, true]);
    expect(close).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(true);
  });
});

describe('a storage failure nobody caught', () => {
  it('is shown in Chinese; other rejections are left alone', () => {
    const shown: string[] = [];
    const target = new EventTarget();
    const uninstall = installStorageAlerts((m) => shown.push(m), target as unknown as Window);
    const reject = (reason: unknown) => {
      const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(reject(new StorageError(dom('QuotaExceededError')))).toBe(true);
    expect(reject(new Error('别的错误'))).toBe(false);
    expect(shown).toEqual(['磁盘空间不足，操作没有完成：请清理磁盘（删除不用的文件、清空回收站）后重试。']);
    uninstall();
    reject(dom('QuotaExceededError'));
    expect(shown).toHaveLength(1);
  });

  it('a settings save that fails reaches the form as Chinese', async () => {
    await freshDatabase();
    vi.spyOn(SettingsRepository.prototype, 'saveOrganization').mockRejectedValueOnce(
      dom('QuotaExceededError'),
    );
    const settings = useSettingsStore();
    await expect(
      settings.saveOrganization({
        name: '青溪区工商业联合会',
        shortName: '青溪区工商联',
        docNumberPrefix: '青工商联交',
        contactPerson: '李敏',
        contactPhone: '0571-5551234',
      }),
    ).rejects.toThrow('磁盘空间不足，操作没有完成：请清理磁盘（删除不用的文件、清空回收站）后重试。');
    vi.restoreAllMocks();
  });
});
