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
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../../control-plane/src/config.js';
import { createLogger } from '../../control-plane/src/logger.js';
import { Organization } from '../../control-plane/src/orgs/orgs.entities.js';
import { startServer } from '../../control-plane/src/server.js';
import { verifyHmacSignature } from '../../control-plane/src/sync/signature.js';
import { Tenant } from '../../control-plane/src/tenants/tenants.entities.js';
import { fluxEvent } from '../../control-plane/src/test-support/flux-events.js';
import { writeSection } from '../results.mjs';

const EVENTS = Number(process.env.BENCH_HOOK_EVENTS ?? 10_000);
const CONCURRENCY = 32;
const TENANTS = 200;
const TOKEN = 'bench-flux-hmac-key-0123456789';

interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}
type Job = { method: string; body?: string; headers?: Record<string, string> };

/** Runs the requests from a worker thread: `CONCURRENCY` in flight, or started at `rate` per second. */
function load(url: string, requests: Job[], rate?: number, warmup = 0): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { url, concurrency: rate ? 256 : CONCURRENCY, requests, rate, warmup },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-bench-hooks-'));
const config = loadConfig({
  LUSTER_DATA_DIR: dir,
  PORT: '0',
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
  const head = (await server.services.writer.head('main')) as string;
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
      lastCommitSha: head,
      lastCommittedAt: new Date(),
    });
  }
  const hookUrl = `${server.url}/hooks/flux`;
  const reasons = ['Progressing', 'ReconciliationSucceeded'];
  const RATE = 1000;
  const bodies = Array.from({ length: EVENTS * 2 + RATE }, (_, i) => {
    const body = JSON.stringify(
      fluxEvent({
        slug: `bench-${i % TENANTS}`,
        reason: reasons[i % 2] as string,
        sha: head,
        timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString().replace('.000', ''),
      }),
    );
    return { body, signature: `sha256=${createHmac('sha256', TOKEN).update(body).digest('hex')}` };
  });
  const healthz = `${server.url}/healthz`;
  // Warm up connections, JIT and the pool.
  await load(
    healthz,
    Array.from({ length: 500 }, () => ({ method: 'GET' })),
  );
  const floor = await load(
    healthz,
    Array.from({ length: EVENTS }, () => ({ method: 'GET' })),
  );
  const posts = bodies.map((b) => ({
    method: 'POST',
    body: b.body,
    headers: { 'content-type': 'application/json', 'x-signature': b.signature },
  }));
  // Saturation: as fast as the server answers with CONCURRENCY in flight.
  const hooks = await load(hookUrl, posts.slice(0, EVENTS));
  // The target's load: new events arriving at RATE per second, whatever the answers.
  const atRate = await load(hookUrl, posts.slice(EVENTS), RATE, RATE);
  // The same open-loop schedule on the cheapest route: the tail the machine itself adds.
  const floorAtRate = await load(
    healthz,
    Array.from({ length: EVENTS + RATE }, () => ({ method: 'GET' })),
    RATE,
    RATE,
  );
  const raw = Buffer.from(bodies[0]?.body ?? '');
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 100_000; i++) verifyHmacSignature(raw, bodies[0]?.signature, TOKEN);
  const hmacUs = Number(process.hrtime.bigint() - t0) / 1e3 / 100_000;

  const fmt = (n: number) => n.toFixed(1);
  const met =
    hooks.perSecond >= RATE &&
    atRate.perSecond >= RATE * 0.99 &&
    atRate.p99 <= 50 &&
    hooks.failures + atRate.failures === 0;
  const lines = [
    `Command: \`npm run bench -- hooks\` (signed Flux events for ${TENANTS} tenants from a worker thread, embedded PostgreSQL): ${EVENTS} with ${CONCURRENCY} in flight (saturation), then ${EVENTS} arriving at ${RATE}/s (open loop, after 1 s opening connections that is not counted).`,
    '',
    '| what | per second | p50 ms | p99 ms | non-200 |',
    '|---|---:|---:|---:|---:|',
    `| POST /hooks/flux at ${RATE}/s, open loop (the target's load) | ${fmt(atRate.perSecond)} | ${fmt(atRate.p50)} | ${fmt(atRate.p99)} | ${atRate.failures} |`,
    `| POST /hooks/flux, saturated (${CONCURRENCY} in flight) | ${fmt(hooks.perSecond)} | ${fmt(hooks.p50)} | ${fmt(hooks.p99)} | ${hooks.failures} |`,
    `| baseline: GET /healthz at ${RATE}/s, open loop, same server | ${fmt(floorAtRate.perSecond)} | ${fmt(floorAtRate.p50)} | ${fmt(floorAtRate.p99)} | ${floorAtRate.failures} |`,
    `| baseline: GET /healthz, saturated, same server | ${fmt(floor.perSecond)} | ${fmt(floor.p50)} | ${fmt(floor.p99)} | ${floor.failures} |`,
    '',
    `HMAC-SHA256 verification alone: ${hmacUs.toFixed(2)} µs per event. Load average (1 min) when the run started: ${loadBefore.toFixed(2)} on ${os.cpus().length} cores.`,
    '',
    `Target: ≥ 1,000 events/s with p99 ≤ 50 ms — **${met ? 'met' : 'missed'}** in this run (${fmt(hooks.perSecond)} events/s saturated; p99 ${fmt(atRate.p99)} ms with ${RATE} arriving per second).`,
  ];
  console.log(lines.join('\n'));
  await writeSection('hooks', lines.join('\n'));
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
