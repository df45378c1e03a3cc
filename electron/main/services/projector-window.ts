// The projector window (投屏): full screen on the display that is not the secretary's, or, with one
// display only, an ordinary window on it so the secretary's screen is not covered. Electron's
// BrowserWindow and screen are passed in, so tests run it on plain fakes.
//
// setFullScreen fills the display the window is on: the window is put at the target display's
// bounds first and goes full screen only then (PITFALLS "Second display").
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { recordIdSchema } from '../../../shared/ipc';
import type { ProjectorOpened } from '../../../shared/ipc';
import { hardenContents, mainWindowOptions, type RendererSource } from '../window';

/** The parts of an Electron `Display` the projector uses. */
export interface DisplayLike {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
}

/** The parts of Electron's `screen` the projector uses. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
  on(event: 'display-removed', listener: (event: unknown, display: DisplayLike) => void): unknown;
}

/** Where the projector window goes. */
export interface ProjectorPlacement {
  displayId: number;
  bounds: Rectangle;
  fullScreen: boolean;
  placement: 'secondary' | 'primary';
}

/** Largest size of the projector as a window on the secretary's only display. */
const WINDOWED = { width: 1280, height: 720 };

const contains = (r: Rectangle, x: number, y: number) =>
  x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;

/** A 16:9 window centred in a work area, at most 1280×720 and four fifths of the area. */
export function windowedBounds(workArea: Rectangle): Rectangle {
  const width = Math.min(
    WINDOWED.width,
    Math.floor(workArea.width * 0.8),
    Math.floor((workArea.height * 0.8 * 16) / 9),
  );
  const height = Math.round((width * 9) / 16);
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}

/**
 * Choose the projector's display: one that is not the secretary's (the display under the centre of
 * `secretary`, the main window's bounds, or else the primary), preferring a non-primary one; with
 * no other display, a window on the secretary's own.
 */
export function chooseProjectorPlacement(
  displays: readonly DisplayLike[],
  primary: DisplayLike,
  secretary?: Rectangle,
): ProjectorPlacement {
  const centre = secretary && { x: secretary.x + secretary.width / 2, y: secretary.y + secretary.height / 2 };
  const home = (centre && displays.find((d) => contains(d.bounds, centre.x, centre.y))) || primary;
  const others = displays.filter((d) => d.id !== home.id);
  const target = others.find((d) => d.id !== primary.id) ?? others[0];
  if (target)
    return { displayId: target.id, bounds: { ...target.bounds }, fullScreen: true, placement: 'secondary' };
  return {
    displayId: home.id,
    bounds: windowedBounds(home.workArea),
    fullScreen: false,
    placement: 'primary',
  };
}

/** What main needs from the projector. */
export interface ProjectorWindows {
  /** Open the projector for a meeting, or move, reload and focus the one already open. */
  open(meetingId: string): ProjectorOpened;
  /** Close the projector; true if one was open. */
  close(): boolean;
}

/** Electron's pieces and where the renderer is. */
export interface ProjectorDeps {
  BrowserWindow: typeof BrowserWindow;
  screen: ScreenLike;
  preloadPath: string;
  source: RendererSource;
  /** The main window's bounds, so the projector avoids the secretary's display. */
  secretaryBounds?: () => Rectangle | undefined;
}

/** The options of the projector window: the main window's secure defaults, placed on `bounds`. */
export function projectorWindowOptions(
  preloadPath: string,
  bounds: Rectangle,
): BrowserWindowConstructorOptions {
  return {
    ...mainWindowOptions(preloadPath),
    ...bounds,
    minWidth: 480,
    minHeight: 270,
    title: '投屏 · 恳谈会务台',
    backgroundColor: '#0b1220',
    fullscreenable: true,
  };
}

/** The projector service: at most one projector window at a time. */
export function createProjectorWindows(deps: ProjectorDeps): ProjectorWindows {
  let win: BrowserWindow | undefined;
  let meetingId: string | undefined;
  let placed: ProjectorPlacement | undefined;

  const alive = (w: BrowserWindow | undefined): w is BrowserWindow => w !== undefined && !w.isDestroyed();

  const load = (w: BrowserWindow, id: string) => {
    const hash = `/projector/${encodeURIComponent(id)}`;
    if (deps.source.kind === 'file') void w.loadFile(deps.source.path, { hash });
    else void w.loadURL(`${deps.source.url.replace(/#.*$/, '')}#${hash}`);
  };

  // Bounds first, then full screen; leaving full screen first, so the move is not ignored.
  const place = (w: BrowserWindow, target: ProjectorPlacement) => {
    if (w.isFullScreen()) w.setFullScreen(false);
    w.setBounds(target.bounds);
    if (target.fullScreen && w.isVisible()) w.setFullScreen(true);
    placed = target;
  };

  const target = () =>
    chooseProjectorPlacement(
      deps.screen.getAllDisplays(),
      deps.screen.getPrimaryDisplay(),
      deps.secretaryBounds?.(),
    );

  // The projector's display went away (cable pulled, projector off): back to a window on the primary.
  deps.screen.on('display-removed', (_event, removed) => {
    if (!alive(win) || !placed || placed.displayId !== removed.id) return;
    const primary = deps.screen.getPrimaryDisplay();
    place(win, {
      displayId: primary.id,
      bounds: windowedBounds(primary.workArea),
      fullScreen: false,
      placement: 'primary',
    });
  });

  return {
    open(id) {
      if (!recordIdSchema.safeParse(id).success) throw new Error('invalid meeting id');
      const where = target();
      if (alive(win)) {
        if (id !== meetingId) {
          meetingId = id;
          load(win, id);
        }
        if (placed?.displayId !== where.displayId || placed.fullScreen !== where.fullScreen)
          place(win, where);
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
        return { placement: where.placement, fullScreen: where.fullScreen };
      }
      const created = new deps.BrowserWindow(projectorWindowOptions(deps.preloadPath, where.bounds));
      win = created;
      meetingId = id;
      placed = where;
      hardenContents(created.webContents, deps.source);
      // Again after creation: some window managers ignore the position given to the constructor.
      created.setBounds(where.bounds);
      created.once('ready-to-show', () => {
        if (created.isDestroyed()) return;
        created.show();
        if (placed?.fullScreen) created.setFullScreen(true);
      });
      created.on('closed', () => {
        if (win === created) {
          win = undefined;
          meetingId = undefined;
          placed = undefined;
        }
      });
      load(created, id);
      return { placement: where.placement, fullScreen: where.fullScreen };
    },
    close() {
      if (!alive(win)) return false;
      win.close();
      return true;
    },
  };
}
