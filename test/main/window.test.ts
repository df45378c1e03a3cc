import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Session, WebContents } from 'electron';
import {
  createMainWindow,
  restrictPermissions,
  hardenContents,
  isAppUrl,
  mainWindowOptions,
} from '../../electron/main/window';
import { fakeWebContents } from './fakes';

const fileSource = { kind: 'file' as const, path: '/opt/kentan/resources/app/out/renderer/index.html' };

describe('main window', () => {
  it('is sandboxed, context-isolated, without Node, with web security on', () => {
    const prefs = mainWindowOptions('/p/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/p/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('is created with those options, hardened, and loads the built renderer file', () => {
    const contents = fakeWebContents();
    const created: unknown[] = [];
    class FakeWindow {
      webContents = contents;
      loadFile = vi.fn(async () => undefined);
      loadURL = vi.fn(async () => undefined);
      once = vi.fn();
      constructor(options: unknown) {
        created.push(options);
      }
    }
    const win = createMainWindow(FakeWindow as unknown as typeof BrowserWindow, '/p/preload.cjs', fileSource);
    expect(created).toEqual([mainWindowOptions('/p/preload.cjs')]);
    expect((win as unknown as FakeWindow).loadFile).toHaveBeenCalledWith(fileSource.path);
    expect(contents.openHandler()).toBeDefined();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('denies every new window', () => {
    const contents = fakeWebContents();
    hardenContents(contents as unknown as WebContents, fileSource);
    expect(contents.openHandler()!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(
      contents.openHandler()!({ url: 'file:///opt/kentan/resources/app/out/renderer/index.html' }),
    ).toEqual({
      action: 'deny',
    });
  });

  it('blocks navigation away from the app but allows the app page itself', () => {
    const contents = fakeWebContents();
    hardenContents(contents as unknown as WebContents, fileSource);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://localhost:4173/']) {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const own = { preventDefault: vi.fn() };
    contents.emit('will-navigate', own, 'file:///opt/kentan/resources/app/out/renderer/index.html#/settings');
    expect(own.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('recognises the dev server origin only in development', () => {
    const dev = { kind: 'url' as const, url: 'http://localhost:5173/' };
    expect(isAppUrl('http://localhost:5173/#/meetings', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', fileSource)).toBe(false);
    expect(isAppUrl('not a url', fileSource)).toBe(false);
  });

  it('denies every permission request and check but full screen (签批模式)', () => {
    let requestHandler:
      ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((wc: unknown, permission: string) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    };
    restrictPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'pointerLock']) {
      const callback = vi.fn();
      requestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler!({}, permission)).toBe(false);
    }
    const callback = vi.fn();
    requestHandler!({}, 'fullscreen', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(checkHandler!({}, 'fullscreen')).toBe(true);
  });
});
