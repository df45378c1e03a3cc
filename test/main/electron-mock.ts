// The one fake of the 'electron' module for main-process tests. Modules under test take Electron's
// pieces as parameters; this only catches the few that import it (the preload's entry).
import { vi } from 'vitest';

const electronFake = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })) },
  ipcMain: { handle: vi.fn() },
}));

vi.mock('electron', () => electronFake);
