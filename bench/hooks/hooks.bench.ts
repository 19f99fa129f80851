/**
 * POST /hooks/flux under load: signed Flux events for 200 tenants, 32 in flight,
 * against a real control plane on an embedded PostgreSQL. Baselines in the same
 * run: GET /healthz on the same server (the HTTP floor) and the HMAC check alone.
 *   npm run bench -- hooks
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Organization } from '../../control-plane/src/access/organization.entities.js';
import { startServer } from '../../control-plane/src/app/server.js';
import { loadConfig } from '../../control-plane/src/config.js';
import { verifyHmacSignature } from '../../control-plane/src/http/webhook-signature.js';
import { createLogger } from '../../control-plane/src/logger.js';
import { Tenant } from '../../control-plane/src/tenants/tenants.entities.js';
import { fluxEvent } from '../../control-plane/src/test-support/flux-events.js';
import { writeSection } from '../results.mjs';
import { type Job, load, percentile } from '../support/load.js';

const EVENTS = Number(process.env.BENCH_HOOK_EVENTS ?? 10_000);
const CONCURRENCY = 32;
const TENANTS = 200;
const TOKEN = 'bench-flux-hmac-key-0123456789';

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** The requests with `CONCURRENCY` in flight, or started at `rate` per second after `rate` uncounted ones. */
async function measure(url: string, requests: Job[], rate?: number): Promise<Measured> {
  const r = await load(url, requests, rate ? { rate, warmup: rate } : { concurrency: CONCURRENCY });
  return {
    perSecond: r.perSecond,
    p50: percentile(r.latencies, 50),
    p99: percentile(r.latencies, 99),
    failures: r.latencies.length - (r.statuses['200'] ?? 0),
  };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-bench-hooks-'));
const config = loadConfig({
  LUSTER_DATA_DIR: dir,
  PORT: '0',
  S3_EMBEDDED_PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  FLUX_WEBHOOK_TOKEN: TOKEN,
  LUSTER_ADMIN_PASSWORD: 'bench-password-123',
});
// The machine may be shared: what else ran shows in the load average, reported with the numbers.
const loadBefore = os.loadavg()[0] ?? 0;
const server = await startServer(config, createLogger('silent'));
try {
  const ds = server.services.dataSource;
  const platform = await ds.getRepository(Organization).findOneByOrFail({ kind: 'platform' });
  const { writer } = server.services;
  const RATE = 1000;
  const HEADS = Math.ceil((EVENTS + RATE) / TENANTS) * 2;
  const commit = (slug: string, content: string) => ({
    branch: 'main',
    tenantDir: `tenants/production/${slug.slice(0, 2)}/${slug}`,
    writes: [{ path: 'bench.yaml', content }],
    message: {
      tenant: slug,
      summary: 'bench',
      organizationId: 'bench',
      requestedBy: 'Bench <bench@bench.test>',
    },
    author: { name: 'Bench', email: 'bench@bench.test' },
  });
  // Each tenant's last change is a commit of its own; then HEADS later commits of main: what Flux
  // reports after other tenants' changes landed (a revision that contains this tenant's change).
  const own = await writer.applyChanges(
    Array.from({ length: TENANTS }, (_, i) => commit(`bench-${i}`, `tenant: ${i}\n`)),
  );
  const heads = (
    await writer.applyChanges(Array.from({ length: HEADS }, (_, i) => commit('bench-heads', `head: ${i}\n`)))
  ).map((c) => c?.sha as string);
  for (let i = 0; i < TENANTS; i++) {
    const slug = `bench-${i}`;
    const org = await ds
      .getRepository(Organization)
      .save({ slug, name: slug, kind: 'organization', parentId: platform.id, path: '' });
    await ds.getRepository(Organization).update(org.id, { path: `${platform.path}${org.id}/` });
    await ds.getRepository(Tenant).save({
      organizationId: org.id,
      slug,
      tier: 'starter',
      projectType: 'website',
      themeName: 'luster-starter',
      themeVersion: '1.4.0',
      plugins: [],
      state: 'active',
      cluster: 'production',
      lastCommitSha: own[i]?.sha as string,
      lastCommittedAt: new Date(),
    });
  }
  const hookUrl = `${server.url}/hooks/flux`;
  const reasons = ['Progressing', 'ReconciliationSucceeded'];
  /** `count` signed events, tenants in turn; `revision(i)` is the commit event i names. */
  const events = (count: number, offset: number, revision: (i: number) => string) =>
    Array.from({ length: count }, (_, k) => {
      const i = offset + k;
      const body = JSON.stringify(
        fluxEvent({
          slug: `bench-${i % TENANTS}`,
          reason: reasons[i % 2] as string,
          sha: revision(i),
          timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString().replace('.000', ''),
        }),
      );
      return {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-signature': `sha256=${createHmac('sha256', TOKEN).update(body).digest('hex')}`,
        },
      };
    });
  // Reports naming the tenant's own last change (no ancestry question), and reports naming a later
  // head of main, every (tenant, revision) pair new: each needs "is the change in that revision?".
  const ownCommit = (i: number) => own[i % TENANTS]?.sha as string;
  const laterHead = (i: number) => heads[Math.floor(i / TENANTS) % HEADS] as string;
  const half = HEADS / 2;
  const ownPosts = events(EVENTS * 2 + RATE, 0, ownCommit);
  const laterPosts = events(EVENTS, 0, laterHead);
  const laterAtRatePosts = events(EVENTS + RATE, half * TENANTS, laterHead);
  const healthz = `${server.url}/healthz`;
  // Warm up connections, JIT and the pool.
  await measure(
    healthz,
    Array.from({ length: 500 }, () => ({ method: 'GET' })),
  );
  const floor = await measure(
    healthz,
    Array.from({ length: EVENTS }, () => ({ method: 'GET' })),
  );
  // Saturation: as fast as the server answers with CONCURRENCY in flight.
  const hooks = await measure(hookUrl, ownPosts.slice(0, EVENTS));
  // The target's load: new events arriving at RATE per second, whatever the answers.
  const atRate = await measure(hookUrl, ownPosts.slice(EVENTS), RATE);
  const later = await measure(hookUrl, laterPosts);
  const laterAtRate = await measure(hookUrl, laterAtRatePosts, RATE);
  // The same open-loop schedule on the cheapest route: the tail the machine itself adds.
  const floorAtRate = await measure(
    healthz,
    Array.from({ length: EVENTS + RATE }, () => ({ method: 'GET' })),
    RATE,
  );
  const raw = Buffer.from(ownPosts[0]?.body ?? '');
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 100_000; i++) verifyHmacSignature(raw, ownPosts[0]?.headers['x-signature'], TOKEN);
  const hmacUs = Number(process.hrtime.bigint() - t0) / 1e3 / 100_000;

  const fmt = (n: number) => n.toFixed(1);
  const meets = (saturated: Measured, open: Measured) =>
    saturated.perSecond >= RATE &&
    open.perSecond >= RATE * 0.99 &&
    open.p99 <= 50 &&
    saturated.failures + open.failures === 0;
  const met = meets(hooks, atRate) && meets(later, laterAtRate);
  const lines = [
    `Command: \`npm run bench -- hooks\` (signed Flux events for ${TENANTS} tenants from a worker thread, embedded PostgreSQL): ${EVENTS} with ${CONCURRENCY} in flight (saturation), then ${EVENTS} arriving at ${RATE}/s (open loop, after 1 s opening connections that is not counted). Each tenant's last change is a commit of its own; ${HEADS} later commits follow on main. "Own commit": reports name the tenant's last change. "Later revision": reports name one of the later heads, every (tenant, revision) pair new — what Flux sends after other tenants' changes land, each needing "does that revision contain the tenant's change?".`,
    '',
    '| what | per second | p50 ms | p99 ms | non-200 |',
    '|---|---:|---:|---:|---:|',
    `| POST /hooks/flux at ${RATE}/s, open loop, later revision (the target's load) | ${fmt(laterAtRate.perSecond)} | ${fmt(laterAtRate.p50)} | ${fmt(laterAtRate.p99)} | ${laterAtRate.failures} |`,
    `| POST /hooks/flux, saturated (${CONCURRENCY} in flight), later revision | ${fmt(later.perSecond)} | ${fmt(later.p50)} | ${fmt(later.p99)} | ${later.failures} |`,
    `| POST /hooks/flux at ${RATE}/s, open loop, own commit | ${fmt(atRate.perSecond)} | ${fmt(atRate.p50)} | ${fmt(atRate.p99)} | ${atRate.failures} |`,
    `| POST /hooks/flux, saturated (${CONCURRENCY} in flight), own commit | ${fmt(hooks.perSecond)} | ${fmt(hooks.p50)} | ${fmt(hooks.p99)} | ${hooks.failures} |`,
    `| baseline: GET /healthz at ${RATE}/s, open loop, same server | ${fmt(floorAtRate.perSecond)} | ${fmt(floorAtRate.p50)} | ${fmt(floorAtRate.p99)} | ${floorAtRate.failures} |`,
    `| baseline: GET /healthz, saturated, same server | ${fmt(floor.perSecond)} | ${fmt(floor.p50)} | ${fmt(floor.p99)} | ${floor.failures} |`,
    '',
    `HMAC-SHA256 verification alone: ${hmacUs.toFixed(2)} µs per event. Load average (1 min) when the run started: ${loadBefore.toFixed(2)} on ${os.cpus().length} cores.`,
    '',
    `Target: ≥ 1,000 events/s with p99 ≤ 50 ms — **${met ? 'met' : 'missed'}** in this run (later revision: ${fmt(later.perSecond)} events/s saturated, p99 ${fmt(laterAtRate.p99)} ms with ${RATE} arriving per second; own commit: ${fmt(hooks.perSecond)} events/s, p99 ${fmt(atRate.p99)} ms).`,
  ];
  console.log(lines.join('\n'));
  await writeSection('hooks', lines.join('\n'));
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
