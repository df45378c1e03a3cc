// What the live screen's 「投屏」 button calls. In Electron main opens the projector window (the
// main window may not open windows itself); in a browser it is a pop-up. Either way the projector
// then follows the live screen over the meeting's BroadcastChannel (projector-channel.ts).
import { desk } from '../bridge';
import type { DeskApi } from '../../shared/ipc/contract';

/** Told to the secretary when the projector had to open as a window on the only display. */
export const SINGLE_DISPLAY_NOTICE =
  '只检测到一个显示器，投屏已在本屏以窗口打开。连接投影仪后，请按 Win+P 选择“扩展”，再点「投屏」。';

/**
 * Open the projector for a meeting. Resolves to a Chinese error message, or undefined when it
 * opened. Call it straight from the click (no await before it), or a browser blocks the pop-up.
 * `onNotice` hears advice that is not an error (one display only).
 */
export async function openProjector(
  meetingId: string,
  onNotice?: (message: string) => void,
  api: Pick<DeskApi, 'projector'> = desk,
): Promise<string | undefined> {
  try {
    const result = await api.projector.open({ meetingId });
    if (!result.ok) return result.error.message;
    if (result.value.placement === 'primary') onNotice?.(SINGLE_DISPLAY_NOTICE);
    return undefined;
  } catch {
    return '无法打开投屏窗口，请重试';
  }
}
