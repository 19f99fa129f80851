import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { requireTool } from '../../../test/support/require-tool';

export const screenshotDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/**
 * Debian's Chromium (never a downloaded browser). playwright's launch() gives
 * every run a fresh temporary profile (its own --user-data-dir), and each
 * context below is isolated storage: one per person in a scenario.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireTool('chromium'),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen by this person's pages. */
  problems: string[];
}

export const DESKTOP = { width: 1280, height: 860 };
export const TABLET = { width: 820, height: 1180 };
export const PHONE = { width: 390, height: 844 };

export async function person(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport, reducedMotion: 'reduce', colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

/**
 * Refreshes docs/screenshots/<name>.png, only in `npm run screenshots` (SCREENSHOTS=1): a plain
 * test run must leave the working tree as it found it.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}
