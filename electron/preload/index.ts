// Exposes the desk API as `window.desk`: one function per channel of shared/ipc, nothing else —
// no raw invoke, no event subscription, no process or environment.
import { contextBridge, ipcRenderer } from 'electron';
import { buildDeskApi } from './desk-api';

contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi((channel, args) => ipcRenderer.invoke(channel, ...args)),
);
