// desk:app:* — what the app says about itself.
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

/** Register the app concern. */
export function registerAppHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  trusted: SenderCheck,
  facts: AppFacts,
): void {
  handle(ipcMain, trusted, 'app', 'info', async () => ({ ...facts, runtime: 'electron' as const }));
}
