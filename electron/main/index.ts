// Lifecycle only: wire Electron's pieces into the plain modules beside this file.
import { app, BrowserWindow, dialog, ipcMain, screen, session } from 'electron';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createMainWindow, restrictPermissions, isAppUrl, type RendererSource } from './window';
import { topFrameSenderCheck } from './ipc/handle';
import { registerAppHandlers } from './ipc/app';
import { registerFileHandlers } from './ipc/files';
import { registerExportHandlers } from './ipc/export';
import { registerProjectorHandlers } from './ipc/projector';
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

void app.whenReady().then(() => {
  restrictPermissions(session.defaultSession);
  const trusted = topFrameSenderCheck((url) => isAppUrl(url, source));
  registerAppHandlers(ipcMain, trusted, {
    name: '恳谈会务台',
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
  });
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
  registerExportHandlers(ipcMain, trusted, {
    drives: createDriveList({
      platform: process.platform,
      run: execFileRunner(execFile),
      statfs,
      newId: randomUUID,
    }),
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
  const openMainWindow = () => {
    mainWindow = createMainWindow(BrowserWindow, preloadPath, source);
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
