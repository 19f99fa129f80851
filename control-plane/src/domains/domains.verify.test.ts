import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, git } from '../test-support/api-client.js';
import { approvedAgencyWithClient } from '../test-support/approved-agency.js';
import { startTestDnsServer, type TestDnsServer } from '../test-support/dns-server.js';
import { fluxEvent, postFluxEvent } from '../test-support/flux-events.js';
import { outbox } from '../test-support/outbox.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const FLUX_TOKEN = 'flux-token-for-domain-tests';
const DAY = 24 * 60 * 60 * 1000;

describe('verifying custom domains against a real DNS server on loopback', () => {
  let dns: TestDnsServer;
  let server: TestServer;
  let scene: Awaited<ReturnType<typeof approvedAgencyWithClient>>;
  let slug: string;
  let now = new Date('2026-12-01T09:00:00Z');
  const base = () => `/organizations/${scene.clientId}/domains`;

  /** Publishes what the admin tells the customer to create. */
  function publish(domain: { ownership: { record: { name: string; value: string } }; hostname: string }) {
    dns.zone.set(domain.ownership.record.name, [{ type: 'TXT', value: domain.ownership.record.value }]);
    dns.zone.set(domain.hostname, [{ type: 'CNAME', value: 'ingress.luster.test' }]);
  }

  async function add(hostname: string) {
    const res = await scene.agency.post(base(), { hostname });
    expect(res.status).toBe(201);
    return res.body;
  }

  const check = async (hostname: string) => scene.agency.post(`${base()}/${hostname}/check`);

  async function fluxReports(reason: string, sha: string, message?: string) {
    const event = fluxEvent({ slug, reason, sha, ...(message ? { message } : {}) });
    expect(await postFluxEvent({ url: server.url, token: FLUX_TOKEN }, event)).toBeLessThan(300);
  }

  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return read();
  }

  beforeAll(async () => {
    dns = await startTestDnsServer();
    server = await startTestServer(
      {
        ...apiTestEnv,
        FLUX_WEBHOOK_TOKEN: FLUX_TOKEN,
        DNS_RESOLVERS: dns.address,
        DOMAIN_DNS_TIMEOUT_MS: '300',
        DOMAIN_CHECK_INTERVAL_SECONDS: '0',
        LUSTER_BASE_DOMAIN: 'luster.test',
        LUSTER_INGRESS_TARGET: 'ingress.luster.test',
        LUSTER_INGRESS_ADDRESSES: '192.0.2.10',
      },
      { clock: () => now },
    );
    scene = await approvedAgencyWithClient(server, {
      agency: 'Verify Agency',
      email: 'owner@verify-agency.test',
      client: 'Verify Shop',
    });
    expect((await scene.agency.patch(`/organizations/${scene.clientId}`, { tier: 'pro' })).status).toBe(200);
    slug = (await scene.agency.get(`/organizations/${scene.clientId}`)).body.slug;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await dns?.close();
  });

  it('verifies a domain whose two records exist and commits it into the Ingress and Certificate', async () => {
    const domain = await add('shop.example.test');
    publish(domain);
    const checked = await check('shop.example.test');
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      status: 'verified',
      inIngress: true,
      ownership: {
        status: 'verified',
        detail: 'TXT record at _luster-challenge.shop.example.test holds the token',
      },
      target: {
        status: 'points_here',
        found: 'ingress.luster.test',
        detail: 'CNAME points to ingress.luster.test',
      },
      certificate: { status: 'pending' },
      lastCheckedAt: now.toISOString(),
    });
    // One commit, read back with the git CLI: the host in the Ingress and its own Certificate.
    const subject = (await git(server, 'log', '-1', '--format=%s%n%b', 'main')).trim();
    expect(subject).toMatch(/add custom domain shop\.example\.test/);
    expect(subject).toMatch(/Tenant: /);
    const changed = await git(server, 'show', 'main');
    expect(changed).toMatch(/\+\s+- host: shop\.example\.test/);
    expect(changed).toMatch(/\+\s+- shop\.example\.test/);
    expect(changed).toMatch(/^\+kind: Certificate$/m);
    // Checking again commits nothing more.
    const head = (await git(server, 'rev-parse', 'main')).trim();
    expect((await check('shop.example.test')).body.status).toBe('verified');
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(head);
    const checks = await server.services.dataSource.query(
      `SELECT outcome, ownership, target FROM custom_domain_check c JOIN custom_domain d ON d.id = c."domainId"
        WHERE d.hostname = 'shop.example.test' ORDER BY "checkedAt"`,
    );
    expect(checks).toEqual([
      { outcome: 'answered', ownership: 'verified', target: 'points_here' },
      { outcome: 'answered', ownership: 'verified', target: 'points_here' },
    ]);
  });

  it("follows Flux's report for the certificate line: failed with the reason, then issued and serving", async () => {
    const sha = (await git(server, 'rev-parse', 'main')).trim();
    const certificate = (await git(server, 'show', `main`, '--', '.')).match(
      /name: (tls-shop-example-test-[0-9a-f]{8})/,
    )?.[1];
    expect(certificate).toBeDefined();
    await fluxReports(
      'HealthCheckFailed',
      sha,
      `health check failed after 5m0s: timeout waiting for: [Certificate/tenant-${slug}/${certificate} status: 'InProgress']`,
    );
    const failed = await until(
      async () => (await scene.agency.get(`${base()}/shop.example.test`)).body,
      (d) => d.certificate.status === 'failed',
    );
    expect(failed.certificate.detail).toContain(`Certificate/tenant-${slug}/${certificate}`);
    expect(failed.status).toBe('verified');
    await fluxReports('ReconciliationSucceeded', sha);
    const serving = await until(
      async () => (await scene.agency.get(`${base()}/shop.example.test`)).body,
      (d) => d.status === 'serving',
    );
    expect(serving.certificate.status).toBe('issued');
  });

  it('says what the TXT record holds when the token is wrong', async () => {
    await add('wrong.example.test');
    dns.zone.set('_luster-challenge.wrong.example.test', [{ type: 'TXT', value: 'someone-elses-token' }]);
    dns.zone.set('wrong.example.test', [{ type: 'CNAME', value: 'ingress.luster.test' }]);
    const res = await check('wrong.example.test');
    expect(res.body).toMatchObject({
      status: 'failed',
      inIngress: false,
      ownership: {
        status: 'failed',
        detail:
          'TXT record at _luster-challenge.wrong.example.test holds "someone-elses-token", not the token',
      },
    });
  });

  it('says where a CNAME points when it points elsewhere, and "no record" when there is none', async () => {
    const domain = await add('elsewhere.example.test');
    publish(domain);
    dns.zone.set('elsewhere.example.test', [{ type: 'CNAME', value: 'shops.other-cdn.test' }]);
    expect((await check('elsewhere.example.test')).body).toMatchObject({
      status: 'failed',
      ownership: { status: 'verified' },
      target: {
        status: 'points_elsewhere',
        found: 'shops.other-cdn.test',
        detail: 'CNAME points to shops.other-cdn.test, not to ingress.luster.test',
      },
    });
    dns.zone.delete('elsewhere.example.test');
    dns.zone.delete('_luster-challenge.elsewhere.example.test');
    expect((await check('elsewhere.example.test')).body).toMatchObject({
      status: 'pending',
      ownership: { status: 'pending', detail: 'No TXT record at _luster-challenge.elsewhere.example.test' },
      target: { status: 'no_record', detail: 'No CNAME or A/AAAA record at elsewhere.example.test' },
    });
    await scene.agency.delete(`${base()}/elsewhere.example.test`);
    await scene.agency.delete(`${base()}/wrong.example.test`);
  });

  it.each(['silent', 'servfail'] as const)(
    'keeps the state when the resolver is %s, saying it could not ask',
    async (mode) => {
      const domain = await add(`${mode}.example.test`);
      publish(domain);
      dns.mode = mode;
      try {
        const res = await check(`${mode}.example.test`);
        expect(res.body).toMatchObject({
          status: 'pending',
          ownership: { status: 'pending' },
          target: { status: 'pending' },
        });
        expect(res.body.ownership.detail).toMatch(/^Could not ask the DNS resolver/);
        // A verified domain stays verified through an outage too.
        expect((await check('shop.example.test')).body).toMatchObject({ status: 'serving', inIngress: true });
      } finally {
        dns.mode = 'answer';
      }
      const [row] = await server.services.dataSource.query(
        `SELECT c.outcome FROM custom_domain_check c JOIN custom_domain d ON d.id = c."domainId"
          WHERE d.hostname = $1`,
        [`${mode}.example.test`],
      );
      expect(row.outcome).toBe('could_not_ask');
      expect((await check(`${mode}.example.test`)).body.status).toBe('verified');
      expect((await scene.agency.delete(`${base()}/${mode}.example.test`)).status).toBe(204);
    },
  );

  it('accepts an apex domain whose A record is an ingress address', async () => {
    const domain = await add('apex-shop.test');
    dns.zone.set(domain.ownership.record.name, [{ type: 'TXT', value: domain.ownership.record.value }]);
    dns.zone.set('apex-shop.test', [{ type: 'A', value: '192.0.2.10' }]);
    expect((await check('apex-shop.test')).body).toMatchObject({
      status: 'verified',
      target: { status: 'points_here', found: '192.0.2.10' },
    });
  });

  it('verifies an IDN by its punycode records and shows it in Unicode', async () => {
    const domain = await add('bücher.example.test');
    expect(domain.ownership.record.name).toBe('_luster-challenge.xn--bcher-kva.example.test');
    publish(domain);
    const res = await check(encodeURIComponent('bücher.example.test'));
    expect(res.body).toMatchObject({
      status: 'verified',
      displayName: 'bücher.example.test',
      inIngress: true,
    });
  });

  it('makes a domain primary (the others redirect to it) and removes one with a commit', async () => {
    const primary = await scene.agency.put(`${base()}/shop.example.test/primary`, {});
    expect(primary.status).toBe(200);
    expect(primary.body.primary).toBe(true);
    const redirect = await git(server, 'show', 'main');
    expect(redirect).toContain(
      '+    nginx.ingress.kubernetes.io/permanent-redirect: "https://shop.example.test$request_uri"',
    );
    expect(redirect).toMatch(/^\+\s+- host: apex-shop\.test$/m);
    const removed = await scene.agency.delete(`${base()}/apex-shop.test`);
    expect(removed.status).toBe(204);
    expect((await git(server, 'log', '-1', '--format=%s', 'main')).trim()).toMatch(
      /remove custom domain apex-shop\.test/,
    );
    const diff = await git(server, 'show', 'main');
    expect(diff).toMatch(/-\s+- host: apex-shop\.test/);
    expect((await scene.agency.get(`${base()}/apex-shop.test`)).status).toBe(404);
  });

  it('flags a verified domain whose TXT record has been gone for 7 days, mailing the admins once, never removing it', async () => {
    dns.zone.delete('_luster-challenge.shop.example.test');
    const gone = await check('shop.example.test');
    expect(gone.body).toMatchObject({ status: 'serving', missingSince: now.toISOString(), inIngress: true });
    const since = now;
    now = new Date(since.getTime() + 7 * DAY - 60_000);
    expect((await check('shop.example.test')).body.status).toBe('serving');
    now = new Date(since.getTime() + 7 * DAY);
    const flagged = await check('shop.example.test');
    expect(flagged.body).toMatchObject({
      status: 'flagged',
      inIngress: true,
      ownership: { status: 'failed' },
    });
    now = new Date(since.getTime() + 8 * DAY);
    expect((await check('shop.example.test')).body.status).toBe('flagged');
    const mails = await outbox(server, 'domain_flagged');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'owner@verify-agency.test' });
    expect(mails[0].text).toContain('_luster-challenge.shop.example.test');
    // Putting the record back clears the flag.
    publish(gone.body);
    expect((await check('shop.example.test')).body).toMatchObject({ status: 'serving', missingSince: null });
  });
});
