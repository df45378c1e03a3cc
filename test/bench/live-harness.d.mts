// Types of live-harness.mjs for the TypeScript end-to-end tests.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

export const CHROMIUM_PATH: string;
export const CHROMIUM_FLAGS: string[];

/** A Chromium process of our own, on a profile on disk. */
export interface KillableBrowser {
  pid: number;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Milliseconds from spawn to a connected page. */
  startMs: number;
  /** SIGKILL to every process of this browser; resolves when it is gone. */
  kill(): Promise<void>;
}

export function launchChromium(
  profile: string,
  size?: { width?: number; height?: number },
): Promise<KillableBrowser>;
export function composer(page: Page): Locator;
export function minuteEntries(page: Page): Locator;
export function prepareLiveMeeting(page: Page, baseUrl: string): Promise<string>;
export function openLiveMeeting(page: Page, baseUrl: string, meetingId: string): Promise<void>;
export function commitEntry(page: Page, text: string): Promise<void>;
export function typeDraft(page: Page, text: string): Promise<number>;
export function draftSavedAfter(page: Page, since: number): Promise<number>;
export function seedEntries(
  page: Page,
  meetingId: string,
  count: number,
  textOf: (i: number) => string,
): Promise<void>;
