// desk:projector:* — the projector window behind the leader. The renderer names a meeting by its
// id and nothing else: main builds the page address itself, so no URL or path crosses the bridge.
import type { IpcMain } from 'electron';
import { handle, type SenderCheck } from './handle';
import type { ProjectorWindows } from '../services/projector-window';

/** Register the projector concern. */
export function registerProjectorHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  trusted: SenderCheck,
  projector: ProjectorWindows,
): void {
  handle(ipcMain, trusted, 'projector', 'open', async ({ meetingId }) => projector.open(meetingId));
  handle(ipcMain, trusted, 'projector', 'close', async () => projector.close());
}
