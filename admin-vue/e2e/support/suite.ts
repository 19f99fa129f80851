import os from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { TestServer } from '../../../control-plane/src/test-support/server';
import { launchBrowser, type Person } from './browser';
import { startControlPlane } from './control-plane';

export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
  /** Everyone a test opens a page for: their screenshots and console problems are kept on failure. */
  people: Person[];
}

/**
 * The hooks each browser test file shares: one control plane and one Chromium for the file; when a
 * test fails, every person's page as a screenshot in the temp folder and their console problems on
 * stderr; both closed at the end. `server` and `browser` are set once the file's tests start.
 */
export function browserSuite(
  name: string,
  /** Variables the control plane needs besides the defaults: a test's DNS server, a local Stripe server's. */
  env: () => Record<string, string> | Promise<Record<string, string>> = () => ({}),
): BrowserSuite {
  const suite = { people: [] } as unknown as BrowserSuite;
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([
      Promise.resolve(env()).then((extra) => startControlPlane(extra)),
      launchBrowser(),
    ]);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await Promise.all(
      suite.people.map((p, i) =>
        p.page
          .screenshot({ path: `${os.tmpdir()}/luster-e2e-${name}-failure-${i}.png` })
          .catch(() => undefined),
      ),
    );
    process.stderr.write(`problems: ${JSON.stringify(suite.people.map((p) => p.problems))}\n`);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
