/// <reference types="vite/client" />
import type { DeskApi, DeskEvents } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present in Electron (exposed by the preload); absent in a plain browser. */
    desk?: DeskApi;
    /** Messages from main (Electron only). */
    deskEvents?: DeskEvents;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
