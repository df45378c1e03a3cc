// The desk API without Electron: what a browser can do stands in for main. "Saving into a
// directory" becomes a download, which the browser puts in its download folder.
import type { DeskApi, DeskResult } from '../../shared/ipc/contract';
import { sha256Hex } from './sha256';
import { createBrowserBackups } from './browser-backups';

const BROWSER_DOWNLOADS_TOKEN = 'browser-downloads';

const ok = <T>(value: T): DeskResult<T> => ({ ok: true, value });

/** The projector pop-up's window name: a second open reuses the same window. */
const PROJECTOR_WINDOW_NAME = 'kentan-projector';

const folderGone = (): DeskResult<never> => ({
  ok: false,
  error: { code: 'not_found', message: '所选文件夹已失效，请重新选择保存位置' },
});

/** Hand bytes to the browser as a download into its download folder. */
function download(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The browser implementation of the desk API. */
export function createBrowserDesk(): DeskApi {
  let projector: Window | null = null;
  return {
    app: {
      async info() {
        return ok({
          name: '恳谈会务台',
          version: import.meta.env['VITE_APP_VERSION'] ?? '0.0.0',
          runtime: 'web' as const,
          platform: navigator.platform || 'web',
        });
      },
      // No main process: nothing to tell, no flush to answer.
      async notices() {
        return ok([]);
      },
      async flushed() {
        return ok(false);
      },
    },
    files: {
      async chooseDirectory() {
        return ok({ token: BROWSER_DOWNLOADS_TOKEN, label: '浏览器的下载文件夹' });
      },
      async save({ directoryToken, fileName, bytes }) {
        if (directoryToken !== BROWSER_DOWNLOADS_TOKEN) return folderGone();
        download(bytes, fileName);
        return ok({ fileName, size: bytes.byteLength, sha256: await sha256Hex(bytes) });
      },
    },
    export: {
      // A web page cannot see the machine's drives.
      async listDrives() {
        return ok([]);
      },
      // The files and the manifest as one .zip download, named after the folder.
      async write(request) {
        if (
          request.target.kind !== 'directory' ||
          request.target.directoryToken !== BROWSER_DOWNLOADS_TOKEN
        ) {
          return folderGone();
        }
        // jszip loads only here: the Electron build never needs it.
        const { buildExportZip } = await import('./export-zip');
        const { zipName, zip, report } = await buildExportZip(request, new Date());
        download(zip, zipName);
        return ok(report);
      },
    },
    projector: {
      // A pop-up of the same app at the projector route; the user drags it to the projector and
      // presses F11. It syncs with the live screen over BroadcastChannel like the Electron window.
      async open({ meetingId }) {
        const opened = window.open(
          `#/projector/${encodeURIComponent(meetingId)}`,
          PROJECTOR_WINDOW_NAME,
          'popup,width=1280,height=720',
        );
        if (!opened) {
          return {
            ok: false,
            error: { code: 'blocked', message: '浏览器阻止了投屏窗口，请允许本站点弹出窗口' },
          };
        }
        projector = opened;
        opened.focus();
        return ok({ placement: 'browser' as const, fullScreen: false });
      },
      async close() {
        const open = projector !== null && !projector.closed;
        if (open) projector?.close();
        projector = null;
        return ok(open);
      },
    },
    backup: createBrowserBackups(BROWSER_DOWNLOADS_TOKEN, download),
  };
}
