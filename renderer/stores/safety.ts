// 数据安全: backups, restore, and what is kept outside the database (issue 15). Backups are taken in a worker
// (../db/backup.ts) and kept by main — or, in the browser build, in the browser's private files — through the desk
// bridge; a copy goes to a USB stick through the export target picker. On start the database is checked: one that
// cannot be opened, or opens empty where the app has held data before, is said plainly and the newest good backup
// offered, never a silent first run. The 文号 high-water mark kept with the backups raises the database's ledger, so
// a restored older backup never issues a number already printed.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { desk, unwrap } from '../bridge';
import { runBackupJob, type Inspected } from '../db/backup';
import { DESK_DB_NAME, getDeskDb, repositories } from '../db';
import { resetAnchor } from '../db/chain-anchor';
import { takeUpgradeProblem } from '../db/startup-upgrade';
import { higherLedger, type BackupReason } from '../../shared/backup/rotation';
import type { BackupEntry, BackupStatus, ExportTarget } from '../../shared/ipc/contract';
import { flushAllTyping } from '../lib/save-after-typing';
import { toIsoDate } from '../../shared/domain/workdays';
import { whenText } from '../lib/backup-text';
import { clockOf } from '../../shared/docs/format';

/** Quiet time after the last change before an automatic backup. */
export const AUTO_BACKUP_IDLE_MS = 3 * 60_000;
/** How often the app looks whether a backup is due. */
const AUTO_CHECK_MS = 30_000;
/** Below this much free space a warning stands before a meeting. */
export const LOW_DISK_BYTES = 500 * 1024 * 1024;
/** A copy on a USB stick (or a download) older than this is reminded of. */
export const COPY_REMINDER_MS = 7 * 86_400_000;

/** Why the database needs the secretary's attention on start. */
export type DataLoss = { kind: 'cannot-open'; detail: string } | { kind: 'empty'; detail: string };

/** A backup read and checked, waiting for the secretary to confirm the restore. */
export type RestorePreview = Extract<Inspected, { ok: true }> & { source: string };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useSafetyStore = defineStore('safety', () => {
  const status = shallowRef<BackupStatus>();
  const runtime = ref<'electron' | 'web'>();
  const appVersion = ref('0.0.0');
  const backingUp = ref(false);
  const restoring = ref(false);
  /** The last automatic backup failed: why. */
  const autoError = ref<string>();
  const lost = shallowRef<DataLoss>();
  const preview = shallowRef<RestorePreview>();
  const notices = ref<string[]>([]);
  /** The check on start has run (a first-run welcome waits for it). */
  const checked = ref(false);
  /** The write count of this window at the last backup. */
  let backedUpAt = -1;
  let lastSeen = -1;
  let lastChangeAt = 0;
  let running: Promise<BackupEntry | undefined> | undefined;

  const newest = computed(() => status.value?.backups[0]);
  const lowDisk = computed(() => {
    const free = status.value?.freeBytes;
    return free !== undefined && free < LOW_DISK_BYTES;
  });
  /** No copy off the machine for a week while there is data (counted from the first day with data). */
  const copyOverdue = computed(() => {
    const s = status.value?.state;
    if (!s?.ranBefore) return false;
    const since = s.lastCopyAt ?? s.firstSeenAt ?? s.lastBackupAt;
    return since !== undefined && Date.now() - since > COPY_REMINDER_MS;
  });

  async function refresh(): Promise<BackupStatus | undefined> {
    const result = await desk.backup.status();
    if (result.ok) status.value = result.value;
    return status.value;
  }

  async function info() {
    if (runtime.value) return;
    const result = await desk.app.info();
    runtime.value = result.ok ? result.value.runtime : 'electron';
    if (result.ok) appVersion.value = result.value.version;
  }

  /** Dump the database in the worker, as a `.kentan` file with what the list shows. */
  async function dump() {
    await info();
    const highWater =
      status.value?.state.docNumberHighWater ?? (await refresh())?.state.docNumberHighWater ?? {};
    const createdAt = Date.now();
    const result = await runBackupJob({
      op: 'dump',
      dbName: DESK_DB_NAME,
      appVersion: appVersion.value,
      createdAt,
      highWater,
    });
    return { ...result, createdAt, docNumberHighWater: higherLedger(result.docNumberHighWater, highWater) };
  }

  /** Take a backup now and keep it; one at a time (a second call joins the first). */
  function backupNow(reason: BackupReason): Promise<BackupEntry | undefined> {
    if (running) return running;
    const writesBefore = getDeskDb().writes.value;
    backingUp.value = true;
    running = (async () => {
      try {
        const made = await dump();
        const entry = await unwrap(
          desk.backup.write({
            bytes: made.bytes,
            reason,
            createdAt: made.createdAt,
            summary: made.summary,
            docNumberHighWater: made.docNumberHighWater,
          }),
        );
        backedUpAt = writesBefore;
        autoError.value = undefined;
        await refresh();
        return entry;
      } finally {
        backingUp.value = false;
        running = undefined;
      }
    })();
    return running;
  }

  /** Put a backup on a USB stick or into a chosen folder. */
  async function saveTo(target: ExportTarget): Promise<string> {
    backingUp.value = true;
    try {
      const made = await dump();
      const time = clockOf(made.createdAt, 'seconds').replace(/:/g, '');
      const fileName = `恳谈会务台备份-${toIsoDate(made.createdAt)}-${time}.kentan`;
      const saved = await unwrap(desk.backup.saveTo({ target, fileName, bytes: made.bytes }));
      await refresh();
      return saved.fileName;
    } finally {
      backingUp.value = false;
    }
  }

  /** Check a backup's bytes; the preview holds what it contains. */
  async function inspect(bytes: Uint8Array, source: string): Promise<string | undefined> {
    preview.value = undefined;
    // The bytes move to the worker rather than being copied, when they own their buffer.
    const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const transfer = owns ? [bytes.buffer as ArrayBuffer] : [];
    const checked = await runBackupJob({ op: 'inspect', dbName: DESK_DB_NAME, bytes }, transfer);
    if (!checked.ok) return `“${source}”不能恢复：${checked.error}`;
    const { op: _op, ...rest } = checked;
    preview.value = { ...rest, source };
    return undefined;
  }

  /** Check a backup kept by the app. */
  async function inspectKept(entry: BackupEntry): Promise<string | undefined> {
    const result = await desk.backup.read({ id: entry.id });
    if (!result.ok) return result.error.message;
    return inspect(result.value, `本机保存的备份（${whenText(entry.createdAt)}）`);
  }

  /** Ask for a `.kentan` file and check it; undefined also when the user cancels. */
  async function inspectFile(): Promise<string | undefined> {
    const result = await desk.backup.openFile();
    if (!result.ok) return result.error.message;
    if (!result.value) return undefined;
    return inspect(result.value.bytes, result.value.label);
  }

  /**
   * Restore the previewed backup: back up the current database first (when it can be read and holds anything),
   * replace everything in one transaction, put the chain's anchor on the restored head, then reload.
   */
  async function restore(): Promise<string | undefined> {
    const chosen = preview.value;
    if (!chosen) return '请先选择备份';
    if (chosen.blocker) return chosen.blocker;
    restoring.value = true;
    try {
      if (!lost.value) {
        try {
          if (await repositories().settings.holdsData()) await backupNow('before-restore');
        } catch (e) {
          return `恢复前未能备份当前数据，已停止恢复：${errorText(e)}`;
        }
      }
      const highWater = (await refresh())?.state.docNumberHighWater ?? {};
      const fresh = lost.value?.kind === 'cannot-open';
      if (fresh) getDeskDb().close();
      const done = await runBackupJob({
        op: 'restore',
        dbName: DESK_DB_NAME,
        token: chosen.token,
        highWater,
        fresh,
      });
      resetAnchor(DESK_DB_NAME, done.auditHead);
      await desk.backup.note({ ranBefore: true, docNumberHighWater: done.ledger });
      preview.value = undefined;
      location.reload();
      return undefined;
    } catch (e) {
      return `恢复失败，数据库未改动：${errorText(e)}`;
    } finally {
      restoring.value = false;
    }
  }

  /**
   * On start: can the database be opened, and does it hold what the app held before? Also raises the 文号 ledger
   * to the mark kept outside, and remembers that the app has held data.
   */
  async function checkOnStart(): Promise<void> {
    try {
      await checkDatabase();
    } finally {
      checked.value = true;
    }
  }

  async function checkDatabase(): Promise<void> {
    await info();
    const noticed = await desk.app.notices();
    const upgrade = takeUpgradeProblem();
    notices.value = [...(noticed.ok ? noticed.value : []), ...(upgrade ? [upgrade] : [])];
    const s = await refresh();
    let holdsData: boolean;
    try {
      await getDeskDb().open();
      holdsData = await repositories().settings.holdsData();
    } catch (e) {
      lost.value = {
        kind: 'cannot-open',
        detail: `本机数据库无法打开（${errorText(e)}）。`,
      };
      return;
    }
    if (!holdsData && s && (s.state.ranBefore || s.backups.length > 0)) {
      lost.value = {
        kind: 'empty',
        detail: '本机数据库是空的，但此前在本机使用过恳谈会务台（或存在备份）：数据可能已丢失或被清除。',
      };
      return;
    }
    if (holdsData) {
      const ledger = await repositories().settings.raiseDocNumberLedger(s?.state.docNumberHighWater ?? {});
      await desk.backup.note({ ranBefore: true, docNumberHighWater: ledger });
    }
  }

  /** Begin afresh after a loss the secretary acknowledged (the backups stay where they are). */
  function dismissLoss() {
    lost.value = undefined;
  }

  /** After a 文号 was issued: remember the ledger outside the database too. */
  async function noteLedger(): Promise<void> {
    const ledger = await repositories().settings.docNumberLedger();
    const result = await desk.backup.note({ docNumberHighWater: ledger });
    if (result.ok && status.value) status.value = { ...status.value, state: result.value };
  }

  /** A backup a few minutes after changes settle, checked every half minute. */
  function startAutomatic(): () => void {
    const tick = () => {
      if (lost.value || restoring.value || backingUp.value || !status.value?.automatic) return;
      const writes = getDeskDb().writes.value;
      const now = Date.now();
      if (writes !== lastSeen) {
        lastSeen = writes;
        lastChangeAt = now;
        return;
      }
      if (writes === backedUpAt || writes === 0 || now - lastChangeAt < AUTO_BACKUP_IDLE_MS) return;
      backupNow('auto').catch((e: unknown) => {
        autoError.value = errorText(e);
        backedUpAt = writes;
      });
    };
    const timer = setInterval(tick, AUTO_CHECK_MS);
    return () => clearInterval(timer);
  }

  /** Main asks to save before the app goes: the typed text first, then a backup when anything changed. */
  function listenForFlush(): () => void {
    const events = window.deskEvents;
    const onPageHide = () => void flushAllTyping();
    window.addEventListener('pagehide', onPageHide);
    const stop = events?.onFlushRequest(async (request) => {
      try {
        await flushAllTyping();
        const writes = getDeskDb().writes.value;
        if (request.reason === 'quit' && writes !== backedUpAt && writes > 0 && !lost.value)
          await backupNow('quit').catch(() => undefined);
      } finally {
        await desk.app.flushed({ id: request.id });
      }
    });
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      stop?.();
    };
  }

  return {
    status,
    runtime,
    backingUp,
    restoring,
    autoError,
    lost,
    checked,
    preview,
    notices,
    newest,
    lowDisk,
    copyOverdue,
    refresh,
    backupNow,
    saveTo,
    inspectKept,
    inspectFile,
    restore,
    checkOnStart,
    dismissLoss,
    noteLedger,
    startAutomatic,
    listenForFlush,
  };
});
