// A storage failure nobody caught still reaches the secretary, in Chinese (issue 15, 数据安全). Most screens catch a
// failed save and show its message, which the repositories already put in Chinese (db/db-errors.ts); a few forms
// await a save without a catch, and their failure would otherwise end as an unhandled rejection, unseen. Installed
// once at start-up (renderer/src/main.ts), this shows those too.
import { storageErrorMessage } from '../db/db-errors';

/**
 * Show every unhandled storage failure with `show` (ElMessage.error in the app); other unhandled rejections are left
 * to the browser. Returns the function that uninstalls it.
 */
export function installStorageAlerts(
  show: (message: string) => void,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const onRejection = (event: Event) => {
    const message = storageErrorMessage((event as PromiseRejectionEvent).reason);
    if (!message) return;
    event.preventDefault();
    show(message);
  };
  target.addEventListener('unhandledrejection', onRejection);
  return () => target.removeEventListener('unhandledrejection', onRejection);
}
