// Small stand-ins for Electron objects, shaped after the parts our modules touch.
import type { IpcMainInvokeEvent } from 'electron';

type Listener = (...args: unknown[]) => unknown;
type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** An ipcMain that records handlers and lets a test invoke them as a renderer would. */
export function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  return {
    handle(channel: string, listener: InvokeListener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    channels: () => [...handlers.keys()],
    invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) {
      const listener = handlers.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return listener(event, ...args) as Promise<unknown>;
    },
  };
}

/** An invoke event from a frame at `url`; `top: false` makes it a subframe. */
export function fakeEvent(url: string, { top = true } = {}): IpcMainInvokeEvent {
  const frame = { url, parent: top ? null : { url: 'file:///app/index.html' } };
  return { senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent;
}

/** An EventEmitter-like webContents recording its window-open handler and listeners. */
export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: Listener | undefined;
  return {
    setWindowOpenHandler(handler: Listener) {
      openHandler = handler;
    },
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return this;
    },
    openHandler: () => openHandler,
    emit(name: string, ...args: unknown[]) {
      for (const l of listeners.get(name) ?? []) l(...args);
    },
    listenerCount: (name: string) => listeners.get(name)?.length ?? 0,
  };
}
