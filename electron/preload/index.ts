// Exposes the desk API as `window.desk` — one function per channel of shared/ipc, no raw invoke, no process or
// environment — and `window.deskEvents`, the one message main sends (save now), checked before the page sees it.
import { contextBridge, ipcRenderer } from 'electron';
import { buildDeskApi, buildDeskEvents } from './desk-api';

contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi((channel, args) => ipcRenderer.invoke(channel, ...args)),
);
contextBridge.exposeInMainWorld(
  'deskEvents',
  buildDeskEvents((channel, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  }),
);
