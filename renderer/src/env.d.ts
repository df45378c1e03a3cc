/// <reference types="vite/client" />
import type { DeskApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present in Electron (exposed by the preload); absent in a plain browser. */
    desk?: DeskApi;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
