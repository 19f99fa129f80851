import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../db/data-source.js';
import { createLogger } from '../logger.js';
import { apiTestEnv } from '../test-support/api-client.js';
import { approvedAgencyWithClient } from '../test-support/approved-agency.js';
import { startTestDnsServer, type TestDnsServer } from '../test-support/dns-server.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { createDnsCheck } from './dns-check.js';
import { createVerifier } from './verifier.js';

const COUNT = 300;

describe('two verifier loops on one database (two replicas)', () => {
  let dns: TestDnsServer;
  let server: TestServer;
  let second: DataSource;
  let organizationId: string;
  let now = new Date('2026-12-01T09:00:00Z');
  const clock = () => now;

  /** Two replicas' verifiers, each with its own connection pool, asking the real DNS server. */
  function replicas() {
    const inFlight = new Set<string>();
    const checked = new Map<string, number>();
    const overlaps: string[] = [];
    const announced: [string, string | null][] = [];
    const real = createDnsCheck({
      servers: [dns.address],
      timeoutMs: 2000,
      ingressTarget: 'ingress.luster.test',
      ingressAddresses: [],
    });
    // Observes the real check (no answer is made up): a hostname asked about twice at once is an overlap.
    const observed = {
      async check(hostname: string, token: string) {
        if (inFlight.has(hostname)) overlaps.push(hostname);
        inFlight.add(hostname);
        checked.set(hostname, (checked.get(hostname) ?? 0) + 1);
        try {
          return await real.check(hostname, token);
        } finally {
          inFlight.delete(hostname);
        }
      },
    };
    const make = (dataSource: DataSource) =>
      createVerifier({
        dataSource,
        dns: observed,
        changes: server.services.changes,
        mail: server.services.mail,
        logger: createLogger('silent'),
        clock,
        concurrency: 8,
        announce: async (organizationId, hostname) => {
          announced.push([organizationId, hostname]);
        },
      });
    return { a: make(server.services.dataSource), b: make(second), checked, overlaps, announced };
  }

  beforeAll(async () => {
    dns = await startTestDnsServer();
    server = await startTestServer({ ...apiTestEnv, DOMAIN_CHECK_INTERVAL_SECONDS: '0' });
    second = createDataSource(server.databaseUrl);
    await second.initialize();
    const scene = await approvedAgencyWithClient(server, {
      agency: 'Lease Agency',
      email: 'owner@lease-agency.test',
      client: 'Lease Shop',
    });
    organizationId = scene.clientId;
    await server.services.dataSource.query(
      `INSERT INTO custom_domain ("organizationId", hostname, token, "nextCheckAt")
       SELECT $1, 'd' || n || '.lease.test', 'token-' || n, $2 FROM generate_series(1, $3) AS n`,
      [organizationId, now, COUNT],
    );
  }, 120_000);

  afterAll(async () => {
    await second?.destroy();
    await server?.close();
    await dns?.close();
  });

  it('never checks the same domain at once, and checks each due domain exactly once', async () => {
    const { a, b, checked, overlaps, announced } = replicas();
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(overlaps).toEqual([]);
    // Every first check moved a line, yet live views hear once per batch (32 claimed at a time), not 300 times.
    expect(announced.length).toBeGreaterThan(0);
    expect(announced.length).toBeLessThanOrEqual(Math.ceil(COUNT / 32) + 2);
    expect(new Set(announced.map(([org, host]) => `${org} ${host}`))).toEqual(
      new Set([`${organizationId} null`]),
    );
    expect(checked.size).toBe(COUNT);
    expect([...checked.values()].every((n) => n === 1)).toBe(true);
    const [row] = await server.services.dataSource.query(
      `SELECT count(*)::int AS checks, count(DISTINCT "domainId")::int AS domains FROM custom_domain_check`,
    );
    expect(row).toEqual({ checks: COUNT, domains: COUNT });
    const [pending] = await server.services.dataSource.query(
      `SELECT count(*)::int AS n FROM custom_domain WHERE status = 'pending' AND "leaseUntil" IS NULL
          AND "nextCheckAt" > $1`,
      [now],
    );
    expect(pending.n).toBe(COUNT);
  });

  it("leaves a domain another replica holds alone until that replica's lease expires", async () => {
    now = new Date(now.getTime() + 2 * 60 * 60 * 1000);
    await server.services.dataSource.query(
      `UPDATE custom_domain SET "leaseUntil" = $1 WHERE hostname = 'd1.lease.test'`,
      [new Date(now.getTime() + 10_000)],
    );
    const first = replicas();
    await first.a.runOnce();
    expect(first.checked.has('d1.lease.test')).toBe(false);
    expect(first.checked.size).toBe(COUNT - 1);
    // Before any other domain's back-off (at least 48 s after its check) is over.
    now = new Date(now.getTime() + 11_000);
    const later = replicas();
    await later.b.runOnce();
    expect([...later.checked.keys()]).toEqual(['d1.lease.test']);
    // The same answers as before: nothing moved, nothing announced.
    expect([...first.announced, ...later.announced]).toEqual([]);
  });
});
