// The renderer's only way to the main process. In Electron the preload has put `window.desk`
// there; in a plain browser (web preview, end-to-end tests) the browser implementation stands in.
import type { DeskApi, DeskError, DeskResult } from '../../shared/ipc/contract';
import { createBrowserDesk } from './browser-desk';

/** The desk API for this runtime. */
export const desk: DeskApi = window.desk ?? createBrowserDesk();

/** A desk call that failed, carrying the typed error from main. */
export class DeskCallError extends Error {
  constructor(readonly error: DeskError) {
    super(error.message);
    this.name = 'DeskCallError';
  }
}

/** The value of a desk result, or a thrown DeskCallError with its Chinese message. */
export async function unwrap<T>(result: Promise<DeskResult<T>>): Promise<T> {
  const settled = await result;
  if (settled.ok) return settled.value;
  throw new DeskCallError(settled.error);
}
