import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../control-plane/src/test-support/server';
import { DESKTOP, launchBrowser, PHONE, person, screenshot } from './support/browser';
import { ADMIN, rest, startControlPlane } from './support/control-plane';
import { dismissTour, signIn } from './support/flows';
import { pages, type Scene, type Viewer } from './support/pages';

let server: TestServer;
let browser: Browser;
let scene: Scene;
const OWNER = { email: 'owner@layout-check.test', password: 'a-long-enough-password' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startControlPlane(), launchBrowser()]);
  const { organization } = await rest(server).register({
    accountType: 'organization',
    projectType: 'website',
    organizationName: 'Layout Check Bakery',
    ...OWNER,
  });
  const token = await rest(server).login(ADMIN.email, ADMIN.password);
  const org = await rest(server).call<{ lastChange: { id: string } }>(
    'GET',
    `/organizations/${organization.id}`,
    token,
  );
  // A group, so the Partner groups page shows a card with all its forms; its long name is listed
  // by the superadmin's context switcher, which must still fit a phone.
  await rest(server).call('POST', '/partner-groups', token, {
    name: 'Layout Check Partners of the Northern Region Ltd',
  });
  scene = { orgId: organization.id, changeId: org.lastChange.id };
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One page per viewer at this size, opened (and signed in) when first asked for; each its own storage. */
function viewers(viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light') {
  const opened = new Map<Viewer, Promise<Page>>();
  const open = async (as: Viewer): Promise<Page> => {
    const { page } = await person(browser, server.url, viewport, colorScheme);
    if (as === 'superadmin') {
      await signIn(page, ADMIN.email, ADMIN.password);
      await dismissTour(page);
    }
    if (as === 'owner') await signIn(page, OWNER.email, OWNER.password);
    return page;
  };
  return (as: Viewer): Promise<Page> => {
    const page = opened.get(as) ?? open(as);
    opened.set(as, page);
    return page;
  };
}

/** Opens the page and waits until it rendered its content (no loading skeleton left). */
async function visit(page: Page, path: string, ready = 'h1') {
  await page.goto(path);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('.skeleton'), undefined, { timeout: 15_000 });
}

/** The window's width, and how far the document scrolls sideways beyond it (0 when it does not). */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    width: window.innerWidth,
    extra: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));

describe('every page at phone and desktop width', () => {
  // Each page is loaded once, at phone width, then measured again at desktop width: the admin's
  // layout is CSS alone (no script reads the window's size), so a resize shows what a load at that
  // width shows. Loading every page at each width was most of this file's time.
  it(`never scrolls sideways at ${PHONE.width} px or ${DESKTOP.width} px`, async () => {
    const pageOf = viewers(PHONE);
    const wide: string[] = [];
    for (const check of pages) {
      const page = await pageOf(check.as);
      await page.setViewportSize(PHONE);
      await visit(page, check.path(scene), check.ready);
      if (['organizations', 'organization overview', 'change request'].includes(check.name))
        await screenshot(page, `phone-${check.name.replace(/\s+/g, '-')}`);
      for (const viewport of [PHONE, DESKTOP]) {
        await page.setViewportSize(viewport);
        const { width, extra } = await overflow(page);
        expect(width).toBe(viewport.width);
        if (extra > 0)
          wide.push(`${check.name} (${check.path(scene)}) at ${viewport.width} px: ${extra} px too wide`);
      }
    }
    expect(wide).toEqual([]);
  }, 300_000);

  it('follows the system dark mode', async () => {
    const pageOf = viewers(DESKTOP, 'dark');
    const admin = await pageOf('superadmin');
    await visit(admin, '/organizations', '[data-testid="org-table"]');
    const background = await admin.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const text = await admin.evaluate(() => getComputedStyle(document.body).color);
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(luminance(background)).toBeLessThan(0.2);
    expect(luminance(text)).toBeGreaterThan(0.7);
    await screenshot(admin, 'dark-organizations');
    await visit(admin, `/change-requests/${scene.changeId}`, '.diff-file');
    await screenshot(admin, 'dark-change-request');
    const visitor = await pageOf('visitor');
    await visit(visitor, '/login');
    expect(luminance(await visitor.evaluate(() => getComputedStyle(document.body).color))).toBeGreaterThan(
      0.7,
    );
    await screenshot(visitor, 'dark-sign-in');
  }, 120_000);

  it('has a favicon', async () => {
    const page = await viewers(DESKTOP)('visitor');
    await visit(page, '/login');
    const href = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? null,
    );
    expect(href).not.toBeNull();
    const res = await fetch(href as string);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });
});
