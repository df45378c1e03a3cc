/**
 * The desk API: everything the renderer may ask of the main process, as one interface grouped by
 * concern. The preload exposes it as `window.desk`; the browser build implements it without Electron.
 * Every call resolves to a `DeskResult`: errors cross the bridge as data, never as thrown objects,
 * because contextBridge drops everything of an Error but its message.
 */
import type { DESK_CHANNELS, DeskConcern, DeskVerb } from './channels';
import type { BackupReason } from '../backup/rotation';

/** Why a desk call failed. */
import type { ExportAttestation } from '../export/manifest';

// The 清单's statement travels with the export request; its shape belongs to the 清单 (shared/export).
export type { ExportAttestation } from '../export/manifest';

export type DeskErrorCode =
  | 'unknown_channel'
  | 'forbidden_sender'
  | 'invalid_args'
  | 'cancelled'
  | 'not_found'
  | 'io_failed'
  | 'verify_failed'
  | 'blocked'
  | 'internal';

/** A failed call: a code for programs and a Chinese message for people. */
export interface DeskError {
  code: DeskErrorCode;
  message: string;
}

/** The result of every desk call. */
export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskError };

/** What the app says about itself. */
export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'web' in the browser build. */
  runtime: 'electron' | 'web';
  platform: string;
  electron?: string;
  chrome?: string;
}

/**
 * A directory the user picked in a dialog. Main keeps the real path; the renderer only holds the
 * token, so no channel ever takes a path from the renderer.
 */
export interface ChosenDirectory {
  token: string;
  /** What to show the user, e.g. the folder's name. */
  label: string;
}

/** A file to write into a chosen directory. */
export interface SaveFileRequest {
  directoryToken: string;
  /** A bare file name (no directories); main sanitises and refuses anything else. */
  fileName: string;
  bytes: Uint8Array;
}

/** What was written, after it was read back and compared. */
export interface SavedFile {
  fileName: string;
  size: number;
  /** SHA-256 hex of the bytes on disk. */
  sha256: string;
}

/** Which meeting the projector shows: an id only, never a URL or a path. */
export interface OpenProjectorRequest {
  meetingId: string;
}

/**
 * Where the projector window went: full screen on a second display, a window on the only display
 * (Windows "duplicate" mode shows one display: 扩展 with Win+P), or a browser pop-up.
 */
export interface ProjectorOpened {
  placement: 'secondary' | 'primary' | 'browser';
  fullScreen: boolean;
}

/** A removable drive main found (USB stick or disk). Named by an id main issued, never by its path. */
export interface RemovableDrive {
  /** Opaque id for `export.write`; valid until the next `listDrives`. */
  id: string;
  /** What to show: the volume label, or 可移动磁盘 when it has none. */
  label: string;
  /** Where it is, for the user only (E:, /media/zhang/KINGSTON, /Volumes/KINGSTON); never sent back. */
  mount: string;
  /** Free and total space in bytes, when the system says. */
  freeBytes?: number;
  sizeBytes?: number;
}

/** Where an export goes: a drive from `listDrives`, or a directory the user picked in the dialog. */
export type ExportTarget = { kind: 'drive'; driveId: string } | { kind: 'directory'; directoryToken: string };

/** One file of an export: a bare, already sanitised name (see shared/export/file-names.ts) and its bytes. */
export interface ExportFile {
  fileName: string;
  bytes: Uint8Array;
}

/** A whole export: the files go into `folderName` (created in the target if missing), the manifest last. */
export interface ExportRequest {
  target: ExportTarget;
  /** A bare, sanitised folder name, e.g. 青溪区第14次民营企业接待日-交办材料. */
  folderName: string;
  files: ExportFile[];
  /** A bare, sanitised name for the manifest (清单), written after every file was verified. */
  manifestName: string;
  /** What the 清单 states about the signatures: an anchor on the USB stick for 核对交办单. */
  attestation?: ExportAttestation;
}

/** How one file of an export went. */
export interface ExportedFile {
  fileName: string;
  ok: boolean;
  /** Bytes on disk and their SHA-256, once read back and compared. */
  size?: number;
  sha256?: string;
  /** Why it failed, in Chinese (磁盘已满, 写保护, U盘被拔出 …). */
  error?: DeskError;
}

/** The report of an export: every file, then the manifest. Nothing under a final name is ever partial. */
export interface ExportReport {
  /** Where the files are, for the user (E:\青溪区…交办材料). */
  location: string;
  files: ExportedFile[];
  manifest: ExportedFile;
}

/** Why main asks the renderer to save now. */
export type FlushReason = 'quit' | 'session-end' | 'shutdown';

/** Main's request to save what is unsaved; answered with `app.flushed({ id })`. */
export interface FlushRequest {
  id: string;
  reason: FlushReason;
}

/** What a backup holds, for the list and the preview. */
export interface BackupSummary {
  meetings: number;
  assignments: number;
  signOffs: number;
  followUps: number;
  enterprises: number;
  /** The first and last meeting dates (YYYY-MM-DD). */
  firstDate?: string;
  lastDate?: string;
}

/** A backup kept by the app (main's `backups/` folder, or the browser's private files). */
export interface BackupEntry {
  /** Its file name, which main checks against its own listing: never a path. */
  id: string;
  createdAt: number;
  reason: BackupReason;
  size: number;
  sha256?: string;
  summary?: BackupSummary;
}

/** What is kept outside the database, so a lost database is noticed and no 文号 is issued twice. */
export interface SafetyState {
  /** The app has held data on this machine before. */
  ranBefore: boolean;
  /** When it was first seen holding data. */
  firstSeenAt?: number;
  lastBackupAt?: number;
  /** The highest 文号 number ever issued, per year. */
  docNumberHighWater: Record<string, number>;
  /** When a backup was last saved to a USB stick or downloaded. */
  lastCopyAt?: number;
}

/** The state of backups and the disk. */
export interface BackupStatus {
  /** Newest first. */
  backups: BackupEntry[];
  state: SafetyState;
  /** Free bytes where the data lives, when known. */
  freeBytes?: number;
  /** Where automatic backups are kept, for the user. */
  location: string;
  /** Backups are kept by the app on its own (false where it cannot keep files). */
  automatic: boolean;
}

/** A backup to keep: the `.kentan` bytes and what the list shows about them. */
export interface WriteBackupRequest {
  bytes: Uint8Array;
  reason: BackupReason;
  createdAt: number;
  summary: BackupSummary;
  docNumberHighWater: Record<string, number>;
}

/** A backup to put on a USB stick or into a chosen folder. */
export interface SaveBackupRequest {
  target: ExportTarget;
  fileName: string;
  bytes: Uint8Array;
}

/** A backup file the user picked to restore from. */
export interface OpenedBackup {
  label: string;
  bytes: Uint8Array;
}

/** What to remember outside the database. */
export interface SafetyNote {
  ranBefore?: true;
  docNumberHighWater?: Record<string, number>;
}

/** The desk API, grouped by concern. */
export interface DeskApi {
  app: {
    /** Name, version and runtime. */
    info(): Promise<DeskResult<AppInfo>>;
    /** What main has to tell once (the page was reloaded after its renderer crashed …); each told once. */
    notices(): Promise<DeskResult<string[]>>;
    /** Answer main's flush request: everything unsaved is saved. */
    flushed(request: { id: string }): Promise<DeskResult<boolean>>;
  };
  files: {
    /** Ask the user for a directory; `null` when they cancel. */
    chooseDirectory(): Promise<DeskResult<ChosenDirectory | null>>;
    /** Write one file into a directory the user chose, verified by reading it back. */
    save(request: SaveFileRequest): Promise<DeskResult<SavedFile>>;
  };
  export: {
    /** The removable drives plugged in now (may take ~1 s on Windows: PowerShell). */
    listDrives(): Promise<DeskResult<RemovableDrive[]>>;
    /**
     * Write the files into the target folder: each to a temporary name, flushed, renamed, read back
     * and compared; then the manifest. Reports per file; a failed file can be sent again.
     */
    write(request: ExportRequest): Promise<DeskResult<ExportReport>>;
  };
  projector: {
    /** Open the projector window for a meeting, or bring the open one to it. */
    open(request: OpenProjectorRequest): Promise<DeskResult<ProjectorOpened>>;
    /** Close the projector window; `true` if one was open. */
    close(): Promise<DeskResult<boolean>>;
  };
  backup: {
    /** The backups kept, the state kept outside the database, the free disk space. */
    status(): Promise<DeskResult<BackupStatus>>;
    /** Keep a backup (verified after writing), then drop what the rotation no longer keeps. */
    write(request: WriteBackupRequest): Promise<DeskResult<BackupEntry>>;
    /** The bytes of a kept backup, by its id from `status`. */
    read(request: { id: string }): Promise<DeskResult<Uint8Array>>;
    /** Put a backup on a USB stick or into a chosen folder, verified. */
    saveTo(request: SaveBackupRequest): Promise<DeskResult<SavedFile>>;
    /** Ask the user for a `.kentan` file; `null` when they cancel. */
    openFile(): Promise<DeskResult<OpenedBackup | null>>;
    /** Remember facts outside the database (never lowers the 文号 high-water mark). */
    note(request: SafetyNote): Promise<DeskResult<SafetyState>>;
  };
}

/** Messages from main, where there is a main (the Electron preload's `window.deskEvents`). */
export interface DeskEvents {
  /** Main asks to save now; returns a function that stops listening. */
  onFlushRequest(listener: (request: FlushRequest) => void): () => void;
}

// The interface and the channel table must name the same concerns and verbs.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type ContractMatchesChannels = {
  [C in keyof DeskApi]: C extends keyof typeof DESK_CHANNELS
    ? SameKeys<DeskApi[C], (typeof DESK_CHANNELS)[C]>
    : false;
}[keyof DeskApi];
/** Compile-time proof that `DeskApi` and `DESK_CHANNELS` agree. */
export const CONTRACT_MATCHES_CHANNELS: ContractMatchesChannels = true;

/** The method of the desk API behind a concern and verb. */
export type DeskMethod<C extends DeskConcern, V extends DeskVerb<C>> = C extends keyof DeskApi
  ? V extends keyof DeskApi[C]
    ? DeskApi[C][V]
    : never
  : never;
/** The argument tuple of a desk method. */
export type DeskArgs<C extends DeskConcern, V extends DeskVerb<C>> =
  DeskMethod<C, V> extends (...args: infer A) => unknown ? A : never;
/** What a desk method's result carries when it succeeds. */
export type DeskValue<C extends DeskConcern, V extends DeskVerb<C>> =
  DeskMethod<C, V> extends (...args: never[]) => Promise<DeskResult<infer T>> ? T : never;
