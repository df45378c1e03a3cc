// Secure defaults for every window of the app (docs/architecture.md, "Layers"). Electron is passed in, so tests can
// inspect the options and the handlers without launching anything.
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** Where the renderer is loaded from: the built file in production, the dev server in development. */
export type RendererSource = { kind: 'file'; path: string } | { kind: 'url'; url: string };

/** The options every app window is created with. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '恳谈会务台',
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/** True when `url` is the app's own page (same file, or same dev-server origin). */
export function isAppUrl(url: string, source: RendererSource): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (source.kind === 'url') return parsed.origin === new URL(source.url).origin;
  if (parsed.protocol !== 'file:') return false;
  const expected = new URL(
    `file://${source.path.startsWith('/') ? '' : '/'}${source.path.replace(/\\/g, '/')}`,
  );
  return decodeURIComponent(parsed.pathname) === decodeURIComponent(expected.pathname);
}

/** Deny new windows, navigation away from the app and webviews. */
export function hardenContents(contents: WebContents, source: RendererSource): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, source)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, source)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The only permission the app uses: full screen, for 签批模式 on the leader's touchscreen. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

/** Refuse every permission (camera, notifications, geolocation …) except full screen. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/** Create the main window with secure defaults and load the renderer. */
export function createMainWindow(
  BrowserWindowCtor: typeof BrowserWindow,
  preloadPath: string,
  source: RendererSource,
): BrowserWindow {
  const win = new BrowserWindowCtor(mainWindowOptions(preloadPath));
  hardenContents(win.webContents, source);
  win.once('ready-to-show', () => win.show());
  if (source.kind === 'url') void win.loadURL(source.url);
  else void win.loadFile(source.path);
  return win;
}
