import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Signs in through the login form; returns once the shell (or the first-login loader) shows. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The welcome tour shows once per user: close it with Escape (its keyboard path). */
export async function dismissTour(page: Page): Promise<void> {
  const popover = page.locator('.driver-popover');
  await popover.waitFor({ state: 'visible', timeout: 5000 });
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });
}

/**
 * First login to a tenant Flux never reports: the loader waits for a click on Continue, then
 * the tour shows once.
 */
export async function passWelcome(page: Page): Promise<void> {
  await page.waitForURL(/\/welcome/);
  await page.getByTestId('welcome-continue').click();
  await dismissTour(page);
}

/** Waits for a condition in the page without reloading it. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * Reads the page again and again (every 100 ms, for up to 15 s) until the assertion chained on it
 * holds: `await settled(() => loc.textContent()).toBe('Ready')`. After a click, a navigation or an
 * event posted elsewhere the request behind it may still be on its way — on a busy machine for
 * seconds — so a single read can see the page before it answered. A "count is 0" read must still
 * follow a wait for something that proves the page finished loading: 0 is also what it holds before.
 */
export function settled<T>(read: () => Promise<T>, timeout = 15_000) {
  return expect.poll(read, { timeout, interval: 100 });
}

/** Marks the document so a later check proves the page was never reloaded. */
export async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
}

export async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}
