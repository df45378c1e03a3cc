/**
 * The desk API: everything the renderer may ask of the main process, as one interface grouped by
 * concern. The preload exposes it as `window.desk`; the browser build implements it without Electron.
 * Every call resolves to a `DeskResult`: errors cross the bridge as data, never as thrown objects,
 * because contextBridge drops everything of an Error but its message.
 */
import type { DESK_CHANNELS, DeskConcern, DeskVerb } from './channels';

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

/** The desk API, grouped by concern. */
export interface DeskApi {
  app: {
    /** Name, version and runtime. */
    info(): Promise<DeskResult<AppInfo>>;
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
