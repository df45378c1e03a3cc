// desk:app:* — what the app says about itself, what main has to tell once, and the answer to a flush request.
import type { IpcMain } from 'electron';
import { handle, type SenderCheck } from './handle';

/** Facts about the running app, passed in from Electron's `app` and `process`. */
export interface AppFacts {
  name: string;
  version: string;
  platform: string;
  electron: string;
  chrome: string;
}

/** What the app handlers need besides the facts. */
export interface AppDeps {
  /** Notices waiting to be told (each once). */
  takeNotices?: () => string[];
  /** A window answered a flush request. */
  flushed?: (id: string) => boolean;
}

/** Register the app concern. */
export function registerAppHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  trusted: SenderCheck,
  facts: AppFacts,
  deps: AppDeps = {},
): void {
  handle(ipcMain, trusted, 'app', 'info', async () => ({ ...facts, runtime: 'electron' as const }));
  handle(ipcMain, trusted, 'app', 'notices', async () => deps.takeNotices?.() ?? []);
  handle(ipcMain, trusted, 'app', 'flushed', async ({ id }) => deps.flushed?.(id) ?? false);
}
