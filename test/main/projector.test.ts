import { describe, expect, it } from 'vitest';
import type { BrowserWindow, Rectangle } from 'electron';
import { topFrameSenderCheck } from '../../electron/main/ipc/handle';
import { registerProjectorHandlers } from '../../electron/main/ipc/projector';
import {
  chooseProjectorPlacement,
  createProjectorWindows,
  projectorWindowOptions,
  windowedBounds,
  type DisplayLike,
  type ProjectorDeps,
} from '../../electron/main/services/projector-window';
import { isAppUrl, mainWindowOptions } from '../../electron/main/window';
import { fakeEvent, fakeIpcMain, fakeWebContents } from './fakes';

const RENDERER = '/opt/kentan/resources/app/out/renderer/index.html';
const APP = `file://${RENDERER}`;
const fileSource = { kind: 'file' as const, path: RENDERER };
const MEETING = '3f2b8c1e-7a4d-4e0b-9c55-1d2e3f4a5b6c';

const laptop: DisplayLike = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
const projectorDisplay: DisplayLike = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 1280, height: 720 },
  workArea: { x: 1920, y: 0, width: 1280, height: 720 },
};

/** A screen with displays that can be unplugged. */
function fakeScreen(displays: DisplayLike[], primary = displays[0]!) {
  const removed: Array<(event: unknown, display: DisplayLike) => void> = [];
  return {
    displays,
    getAllDisplays: () => [...displays],
    getPrimaryDisplay: () => primary,
    on(event: 'display-removed', listener: (event: unknown, display: DisplayLike) => void) {
      if (event === 'display-removed') removed.push(listener);
      return this;
    },
    unplug(display: DisplayLike) {
      displays.splice(displays.indexOf(display), 1);
      for (const l of removed) l({}, display);
    },
  };
}

type Call = [string, ...unknown[]];

/** A BrowserWindow recording what is done to it, in order. */
function fakeWindowClass() {
  const windows: FakeWindow[] = [];
  class FakeWindow {
    calls: Call[] = [];
    options: unknown;
    webContents = fakeWebContents();
    private fullScreen = false;
    private visible = false;
    private destroyed = false;
    private onceListeners = new Map<string, () => void>();
    private closedListeners: Array<() => void> = [];
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
    setBounds(bounds: Rectangle) {
      this.calls.push(['setBounds', bounds]);
    }
    setFullScreen(flag: boolean) {
      this.calls.push(['setFullScreen', flag]);
      this.fullScreen = flag;
    }
    isFullScreen = () => this.fullScreen;
    isVisible = () => this.visible;
    isMinimized = () => false;
    isDestroyed = () => this.destroyed;
    restore() {
      this.calls.push(['restore']);
    }
    show() {
      this.calls.push(['show']);
      this.visible = true;
    }
    focus() {
      this.calls.push(['focus']);
    }
    async loadFile(path: string, options?: unknown) {
      this.calls.push(['loadFile', path, options]);
    }
    async loadURL(url: string) {
      this.calls.push(['loadURL', url]);
    }
    close() {
      this.calls.push(['close']);
      this.destroyed = true;
      for (const l of this.closedListeners) l();
    }
    on(name: string, listener: () => void) {
      if (name === 'closed') this.closedListeners.push(listener);
      return this;
    }
    once(name: string, listener: () => void) {
      this.onceListeners.set(name, listener);
      return this;
    }
    /** The renderer painted its first frame. */
    ready() {
      const l = this.onceListeners.get('ready-to-show');
      this.onceListeners.delete('ready-to-show');
      l?.();
    }
  }
  return { Ctor: FakeWindow as unknown as typeof BrowserWindow, windows };
}

function setup(displays: DisplayLike[], extra: Partial<ProjectorDeps> = {}) {
  const screen = fakeScreen(displays);
  const { Ctor, windows } = fakeWindowClass();
  const projector = createProjectorWindows({
    BrowserWindow: Ctor,
    screen,
    preloadPath: '/p/preload.cjs',
    source: fileSource,
    ...extra,
  });
  return { screen, windows, projector };
}

describe('chooseProjectorPlacement', () => {
  it('goes full screen on the second display when there is one', () => {
    expect(chooseProjectorPlacement([laptop, projectorDisplay], laptop)).toEqual({
      displayId: 2,
      bounds: projectorDisplay.bounds,
      fullScreen: true,
      placement: 'secondary',
    });
  });

  it('with one display, opens a window on it that leaves the secretary’s screen visible', () => {
    const placement = chooseProjectorPlacement([laptop], laptop);
    expect(placement).toMatchObject({ displayId: 1, fullScreen: false, placement: 'primary' });
    expect(placement.bounds).toEqual({ x: 320, y: 160, width: 1280, height: 720 });
  });

  it('avoids the display the secretary’s window is on, even when that is not the primary', () => {
    const onProjector = { x: 2000, y: 50, width: 1000, height: 600 };
    expect(chooseProjectorPlacement([laptop, projectorDisplay], laptop, onProjector)).toMatchObject({
      displayId: 1,
      fullScreen: true,
    });
  });

  it('keeps a windowed projector inside a small work area, 16:9', () => {
    expect(windowedBounds({ x: 0, y: 0, width: 1366, height: 728 })).toEqual({
      x: 166,
      y: 73,
      width: 1035,
      height: 582,
    });
  });
});

describe('projector window', () => {
  it('has the main window’s secure web preferences', () => {
    const options = projectorWindowOptions('/p/preload.cjs', projectorDisplay.bounds);
    expect(options.webPreferences).toEqual(mainWindowOptions('/p/preload.cjs').webPreferences);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(options).toMatchObject({ ...projectorDisplay.bounds, show: false });
  });

  it('opens on the second display: created at its bounds, hardened, full screen only after that', () => {
    const { windows, projector } = setup([laptop, projectorDisplay]);
    expect(projector.open(MEETING)).toEqual({ placement: 'secondary', fullScreen: true });
    expect(windows).toHaveLength(1);
    const win = windows[0]!;
    expect(win.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720 });
    expect(win.webContents.openHandler()!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
    expect(win.calls).toContainEqual(['loadFile', RENDERER, { hash: `/projector/${MEETING}` }]);
    win.ready();
    const names = win.calls.map(([name]) => name);
    expect(names.indexOf('setBounds')).toBeLessThan(names.indexOf('setFullScreen'));
    expect(win.calls.filter(([n]) => n === 'setBounds')[0]).toEqual(['setBounds', projectorDisplay.bounds]);
    expect(win.calls.at(-1)).toEqual(['setFullScreen', true]);
    expect(names.indexOf('show')).toBeLessThan(names.indexOf('setFullScreen'));
  });

  it('with one display opens a window, never full screen', () => {
    const { windows, projector } = setup([laptop]);
    expect(projector.open(MEETING)).toEqual({ placement: 'primary', fullScreen: false });
    windows[0]!.ready();
    expect(windows[0]!.calls.some(([n, flag]) => n === 'setFullScreen' && flag === true)).toBe(false);
    expect(windows[0]!.options).toMatchObject({ width: 1280, height: 720 });
  });

  it('loads the dev server with the projector hash', () => {
    const { windows, projector } = setup([laptop], {
      source: { kind: 'url', url: 'http://localhost:5173/#/meetings' },
    });
    projector.open(MEETING);
    expect(windows[0]!.calls).toContainEqual(['loadURL', `http://localhost:5173/#/projector/${MEETING}`]);
  });

  it('reuses one window: the same meeting focuses it, another meeting reloads it', () => {
    const { windows, projector } = setup([laptop, projectorDisplay]);
    projector.open(MEETING);
    windows[0]!.ready();
    windows[0]!.calls = [];
    projector.open(MEETING);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.calls).toEqual([['show'], ['focus']]);
    windows[0]!.calls = [];
    projector.open('other-meeting-0001');
    expect(windows).toHaveLength(1);
    expect(windows[0]!.calls).toEqual([
      ['loadFile', RENDERER, { hash: '/projector/other-meeting-0001' }],
      ['show'],
      ['focus'],
    ]);
  });

  it('opens a new window after the old one was closed', () => {
    const { windows, projector } = setup([laptop, projectorDisplay]);
    projector.open(MEETING);
    expect(projector.close()).toBe(true);
    expect(projector.close()).toBe(false);
    projector.open(MEETING);
    expect(windows).toHaveLength(2);
  });

  it('moves back to a window on the primary when the projector display is unplugged', () => {
    const { screen, windows, projector } = setup([laptop, projectorDisplay]);
    projector.open(MEETING);
    const win = windows[0]!;
    win.ready();
    win.calls = [];
    screen.unplug(projectorDisplay);
    expect(win.calls).toEqual([
      ['setFullScreen', false],
      ['setBounds', { x: 320, y: 160, width: 1280, height: 720 }],
    ]);
    expect(win.isFullScreen()).toBe(false);

    // Plugged in again: the next 投屏 puts it back, bounds before full screen.
    screen.displays.push(projectorDisplay);
    win.calls = [];
    expect(projector.open(MEETING)).toEqual({ placement: 'secondary', fullScreen: true });
    expect(win.calls).toEqual([
      ['setBounds', projectorDisplay.bounds],
      ['setFullScreen', true],
      ['show'],
      ['focus'],
    ]);
  });

  it('ignores the removal of a display it is not on', () => {
    const third: DisplayLike = {
      ...projectorDisplay,
      id: 3,
      bounds: { ...projectorDisplay.bounds, x: 3200 },
    };
    const { screen, windows, projector } = setup([laptop, projectorDisplay, third]);
    projector.open(MEETING);
    windows[0]!.ready();
    windows[0]!.calls = [];
    screen.unplug(third);
    expect(windows[0]!.calls).toEqual([]);
  });
});

describe('desk:projector', () => {
  const trusted = topFrameSenderCheck((url) => isAppUrl(url, fileSource));

  function registered() {
    const ipc = fakeIpcMain();
    const { windows, projector } = setup([laptop, projectorDisplay]);
    registerProjectorHandlers(ipc, trusted, projector);
    return { ipc, windows };
  }

  it('opens and closes through the bridge', async () => {
    const { ipc, windows } = registered();
    expect(ipc.channels().sort()).toEqual(['desk:projector:close', 'desk:projector:open']);
    expect(
      await ipc.invoke('desk:projector:open', fakeEvent(`${APP}#/meetings/x/live`), { meetingId: MEETING }),
    ).toEqual({ ok: true, value: { placement: 'secondary', fullScreen: true } });
    expect(windows).toHaveLength(1);
    expect(await ipc.invoke('desk:projector:close', fakeEvent(APP))).toEqual({ ok: true, value: true });
  });

  it('accepts a meeting id and nothing else: no URL, no path, no extra fields', async () => {
    const { ipc, windows } = registered();
    const cases: unknown[][] = [
      [],
      [{}],
      [MEETING],
      [{ meetingId: 'https://evil.example/' }],
      [{ meetingId: 'file:///etc/passwd' }],
      [{ meetingId: '../../etc/passwd' }],
      [{ meetingId: 'C:\\Windows\\notepad.exe' }],
      [{ meetingId: '#/settings' }],
      [{ meetingId: '' }],
      [{ meetingId: 'a'.repeat(65) }],
      [{ meetingId: 42 }],
      [{ meetingId: MEETING, url: 'https://evil.example/' }],
      [{ meetingId: MEETING }, 'extra'],
    ];
    for (const args of cases) {
      const result = (await ipc.invoke('desk:projector:open', fakeEvent(APP), ...args)) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(result.ok, JSON.stringify(args)).toBe(false);
      expect(result.error.code).toBe('invalid_args');
      expect(result.error.message).toMatch(/请求参数无效/);
    }
    const closeWithArgs = (await ipc.invoke('desk:projector:close', fakeEvent(APP), 'x')) as { ok: boolean };
    expect(closeWithArgs.ok).toBe(false);
    expect(windows).toHaveLength(0);
  });

  it('refuses a subframe and a foreign page', async () => {
    const { ipc, windows } = registered();
    for (const event of [fakeEvent(APP, { top: false }), fakeEvent('https://evil.example/')]) {
      expect(await ipc.invoke('desk:projector:open', event, { meetingId: MEETING })).toEqual({
        ok: false,
        error: { code: 'forbidden_sender', message: expect.stringContaining('不受信任') },
      });
    }
    expect(windows).toHaveLength(0);
  });
});
