import { tenantDir } from '@luster/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('demo data on registration', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
  });
  afterAll(() => server?.close());

  async function register(name: string, extra: Record<string, unknown>) {
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      organizationName: name,
      email: `${name.toLowerCase().replace(/ /g, '.')}@demo.test`,
      password: 'a-long-enough-password',
      ...extra,
    });
    expect(res.status).toBe(201);
    const slug: string = res.body.organization.slug;
    const dir = `${tenantDir('production', slug)}/app`;
    const files = (await git(server, 'ls-tree', '--name-only', 'main', `${dir}/`)).trim().split('\n');
    const configMap = files.find((f) => /config-map-theme-config/.test(f));
    expect(configMap).toBeDefined();
    return git(server, 'show', `main:${configMap}`);
  }

  it('is on by default: the committed theme settings ask for the demo pack of the project type', async () => {
    expect(await register('Demo Shop', { projectType: 'ecommerce' })).toMatch(
      /^\s+LUSTER_DEMO_CONTENT: ecommerce$/m,
    );
  });

  it('is left out when the registration turns it off', async () => {
    expect(await register('Plain Shop', { projectType: 'website', seedDemoData: false })).not.toContain(
      'LUSTER_DEMO_CONTENT',
    );
  });
});
