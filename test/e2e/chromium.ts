// The system Chromium and the flags it needs on a closed network (no sync, no component updates).
import { chromium, type BrowserContext } from '@playwright/test';

/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a headless run as root on a machine without internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A browser with a profile on disk, as a user's browser is: it survives a restart. */
export function launchProfile(
  userDataDir: string,
  options: { hasTouch?: boolean; viewport?: { width: number; height: number } | null } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: `http://localhost:${process.env['E2E_PORT'] ?? 4173}`,
    hasTouch: options.hasTouch ?? false,
    viewport: options.viewport ?? { width: 1366, height: 768 },
  });
}
