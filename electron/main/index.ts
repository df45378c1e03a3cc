// Lifecycle only: wire Electron's pieces into the plain modules beside this file.
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, screen, session } from 'electron';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { stat, statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createMainWindow, restrictPermissions, isAppUrl, type RendererSource } from './window';
import { topFrameSenderCheck } from './ipc/handle';
import { registerAppHandlers } from './ipc/app';
import { registerFileHandlers } from './ipc/files';
import { registerExportHandlers } from './ipc/export';
import { registerProjectorHandlers } from './ipc/projector';
import { registerBackupHandlers } from './ipc/backup';
import { createBackupStore } from './services/backups';
import { createFlushCoordinator } from './services/flush';
import { createDirectoryGrants } from './services/directory-grants';
import { createDriveList, execFileRunner } from './services/drives';
import { nodeFileSystem } from './services/file-save';
import { createProjectorWindows } from './services/projector-window';

const source: RendererSource = process.env['ELECTRON_RENDERER_URL']
  ? { kind: 'url', url: process.env['ELECTRON_RENDERER_URL'] }
  : { kind: 'file', path: join(__dirname, '../renderer/index.html') };
const preloadPath = join(__dirname, '../preload/index.cjs');

if (!app.requestSingleInstanceLock()) app.quit();

// The secretary's window; the projector window is the other one.
let mainWindow: BrowserWindow | undefined;
const liveMainWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);

app.on('second-instance', () => {
  const win = liveMainWindow() ?? BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

// Said once to the renderer after a reload (its process crashed and main reloaded it).
const notices: string[] = [];
// Before quitting, every window saves what is unsaved and makes a last backup (services/flush.ts).
const flush = createFlushCoordinator({
  targets: () =>
    BrowserWindow.getAllWindows().map((w) => ({
      isDestroyed: () => w.isDestroyed(),
      send: (channel, request) => w.webContents.send(channel, request),
    })),
  newId: randomUUID,
});
let flushedForQuit = false;
app.on('before-quit', (event) => {
  if (flushedForQuit) return;
  event.preventDefault();
  void flush.request('quit').finally(() => {
    flushedForQuit = true;
    app.quit();
  });
});

void app.whenReady().then(() => {
  restrictPermissions(session.defaultSession);
  const trusted = topFrameSenderCheck((url) => isAppUrl(url, source));
  registerAppHandlers(
    ipcMain,
    trusted,
    {
      name: '恳谈会务台',
      version: app.getVersion(),
      platform: process.platform,
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
    },
    { takeNotices: () => notices.splice(0), flushed: (id) => flush.answered(id) },
  );
  // The machine shutting down (Linux, macOS) gives the windows a moment to save.
  powerMonitor.on('shutdown', () => void flush.request('shutdown'));
  const grants = createDirectoryGrants(randomUUID, basename);
  registerFileHandlers(ipcMain, trusted, {
    pickDirectory: async () => {
      const parent = BrowserWindow.getFocusedWindow();
      const options = { title: '选择保存位置', properties: ['openDirectory', 'createDirectory'] as const };
      const result = parent
        ? await dialog.showOpenDialog(parent, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
    grants,
    fs: nodeFileSystem,
  });
  const drives = createDriveList({
    platform: process.platform,
    run: execFileRunner(execFile),
    statfs,
    newId: randomUUID,
  });
  registerExportHandlers(ipcMain, trusted, {
    drives,
    grants,
    fs: nodeFileSystem,
  });
  const projector = createProjectorWindows({
    BrowserWindow,
    screen,
    preloadPath,
    source,
    secretaryBounds: () => liveMainWindow()?.getBounds(),
  });
  registerProjectorHandlers(ipcMain, trusted, projector);
  const backupFolder = join(app.getPath('userData'), 'backups');
  registerBackupHandlers(ipcMain, trusted, {
    store: createBackupStore({
      fs: { ...nodeFileSystem, stat },
      folder: backupFolder,
      now: Date.now,
      statfs,
    }),
    fs: { ...nodeFileSystem, stat },
    drives,
    grants,
    basename,
    now: Date.now,
    pickFile: async () => {
      const parent = BrowserWindow.getFocusedWindow();
      const options = {
        title: '选择要恢复的备份文件',
        filters: [{ name: '恳谈会务台备份', extensions: ['kentan'] }],
        properties: ['openFile' as const],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
  });
  const openMainWindow = () => {
    mainWindow = createMainWindow(BrowserWindow, preloadPath, source);
    const win = mainWindow;
    // Closing the window saves first: the typed text, then a last backup (a hung page is given up after 20 s).
    let saved = false;
    win.on('close', (event) => {
      if (saved) return;
      event.preventDefault();
      const target = {
        isDestroyed: () => win.isDestroyed(),
        send: win.webContents.send.bind(win.webContents),
      };
      void flush.request('quit', [target]).finally(() => {
        saved = true;
        if (!win.isDestroyed()) win.close();
      });
    });
    // Windows ends the session: save before it goes.
    win.on('session-end', () => void flush.request('session-end'));
    // The page crashed or was killed: load it again; the drafts saved while typing come back, and it says so.
    win.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      notices.push('程序界面意外中断，已自动重新载入。输入中的文字已从自动保存中恢复，请核对。');
      win.webContents.reload();
    });
    // The projector has no controls of its own: it goes when the secretary's window goes.
    mainWindow.on('closed', () => projector.close());
  };
  openMainWindow();
  app.on('activate', () => {
    if (!liveMainWindow()) openMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
