import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { tenantRows } from '../test-support/tenant-rows.js';
import { renderTenantFiles } from './render.js';
import { createRenderThread } from './render-thread.js';

const rows = tenantRows;
const options = { baseDomain: 'luster.test', mediaBucketPrefix: 'staging-' };

describe("the writer's render thread", () => {
  const thread = createRenderThread(createLogger('silent'));
  afterAll(() => thread.stop());

  it('renders in the process until started, byte for byte what the thread renders once it is', async () => {
    const before = await thread.render(rows(), options);
    expect(before).toEqual(renderTenantFiles(rows(), options));
    expect(await thread.running()).toBe(false);
    thread.start();
    expect(await thread.running()).toBe(true);
    for (const state of ['active', 'suspended', 'purging'] as const) {
      expect(await thread.render(rows({ state }), options)).toEqual(
        renderTenantFiles(rows({ state }), options),
      );
    }
    // Several asked at once come back each to its own caller.
    const slugs = ['alpha', 'bravo', 'charlie', 'delta'];
    const rendered = await Promise.all(slugs.map((slug) => thread.render(rows({ slug }), options)));
    expect(rendered).toEqual(slugs.map((slug) => renderTenantFiles(rows({ slug }), options)));
  });

  it("fails a render with synth's own message, as the writer records it on the change", async () => {
    thread.start();
    const bad = rows({ slug: 'Not A Slug' });
    const inProcess = (() => {
      try {
        renderTenantFiles(bad, options);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(inProcess).toBeTruthy();
    await expect(thread.render(bad, options)).rejects.toThrow(inProcess as string);
  });

  it('has nothing to render for a deleted tenant, and renders in the process again once stopped', async () => {
    thread.start();
    expect(await thread.render(rows({ state: 'deleted' }), options)).toEqual({
      dir: renderTenantFiles(rows(), options).dir,
      files: null,
    });
    await thread.stop();
    expect(await thread.running()).toBe(false);
    expect(await thread.render(rows(), options)).toEqual(renderTenantFiles(rows(), options));
  });
});
