/**
 * Usage debits (`POST /api/v1/usage`) on a real control plane with an embedded PostgreSQL:
 * debits per second spread over 1,000 organizations and on one hot organization (closed loop at
 * saturation), 1,000 simultaneous reports on the hot organization, and p50/p95/p99 with 500
 * reports per second arriving for that one organization (open loop). Baselines in the same run,
 * on the server's own pool: one bare UPDATE of the hot balance row per debit (what any design that
 * writes the row once per debit can reach), the ledger's general transactional `post()` (grants
 * still use it; it was the debit path before the batched statement), and GET /healthz (HTTP floor).
 *   npm run bench -- credits
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../control-plane/src/app/server.js';
import { loadConfig } from '../../control-plane/src/config.js';
import { post, verify } from '../../control-plane/src/credits/ledger.js';
import { createLogger } from '../../control-plane/src/logger.js';
import { type CpuSample, cpuSince, sampleCpu } from '../api/cpu.js';
import { writeSection } from '../results.mjs';
import { allAnswered, type Job, load, percentile } from '../support/load.js';

const ORGS = 1000;
const SATURATED = Number(process.env.BENCH_CREDITS_DEBITS ?? 3000);
const CONCURRENCY = 64;
const RATE = 500;
const OPEN_LOOP = Number(process.env.BENCH_CREDITS_OPEN ?? 2500);
const BURST = 1000;

interface Measured {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  /** Every counted answer was 200. */
  clean: boolean;
  /** CPU of the whole phase (warm-up included) per answer, in ms: on a shared machine the steadier measure. */
  cpu: { node: number; postgres: number };
}

/** `concurrency` in flight, or started at `rate` per second after `rate` uncounted ones. */
async function measure(
  url: string,
  requests: Job[],
  opts: { concurrency?: number; rate?: number } = {},
): Promise<Measured> {
  const { rate } = opts;
  const before = sampleCpu(pgData);
  const r = await load(url, requests, {
    concurrency: opts.concurrency ?? (rate ? 256 : CONCURRENCY),
    rate,
    warmup: rate ?? 0,
  });
  const at = (p: number) => percentile(r.latencies, p);
  const cpu: CpuSample = cpuSince(before, pgData);
  return {
    cpu: { node: cpu.nodeMs / requests.length, postgres: cpu.postgresMs / requests.length },
    perSecond: r.perSecond,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    statuses: r.statuses,
    clean: allAnswered(r, 200),
  };
}

/** `count` calls of `fn` with `concurrency` in flight, in this process: calls per second. */
async function inProcess(count: number, concurrency: number, fn: () => Promise<unknown>) {
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await fn();
    }),
  );
  return count / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-bench-credits-'));
const pgData = path.join(dir, 'postgres');
const config = loadConfig({
  LUSTER_DATA_DIR: dir,
  PORT: '0',
  S3_EMBEDDED_PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  LUSTER_ADMIN_PASSWORD: 'bench-password-123',
  RECONCILE_INTERVAL_SECONDS: '0',
  // Compare lanes on one machine: USAGE_DEBIT_LANES=1 npm run bench -- credits
  ...(process.env.USAGE_DEBIT_LANES ? { USAGE_DEBIT_LANES: process.env.USAGE_DEBIT_LANES } : {}),
});
// The machine is shared: what else ran shows in the load average, reported with the numbers.
const loadBefore = os.loadavg()[0] ?? 0;
const server = await startServer(config, createLogger('silent'));
try {
  const ds = server.services.dataSource;
  const [platform]: { id: string; path: string }[] = await ds.query(
    `SELECT id, path FROM organization WHERE kind = 'platform'`,
  );
  // 1,000 organizations and the hot one, each with credits for the whole run and an API key.
  const orgs: { id: string }[] = await ds.query(
    `INSERT INTO organization (id, slug, name, kind, "parentId", path)
     SELECT g.id, 'bench-' || g.n, 'Bench ' || g.n, 'organization', $1, $2 || g.id || '/'
       FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(0, $3) n) g
     RETURNING id`,
    [platform?.id, platform?.path, ORGS],
  );
  const keys: string[] = [];
  for (const org of orgs) {
    await ds.transaction((tx) =>
      post(tx, {
        idempotencyKey: `bench:${org.id}`,
        kind: 'issue',
        from: { account: 'issuance' },
        to: { account: 'organization', organizationId: org.id },
        amount: 1_000_000_000,
        at: new Date(),
        floor: 'zero',
      }),
    );
    const key = `lck_${randomBytes(32).toString('base64url')}`;
    await ds.query(
      `INSERT INTO credit_api_key (id, "organizationId", hash, prefix, "createdAt") VALUES ($1, $2, $3, $4, now())`,
      [randomUUID(), org.id, createHash('sha256').update(key).digest('hex'), key.slice(0, 10)],
    );
    keys.push(key);
  }
  await ds.query(`INSERT INTO credit_price (feature, credits) VALUES ('bench.op', 1)`);
  const hotKey = keys[ORGS] as string;
  const hotOrg = orgs[ORGS]?.id as string;
  const usage = (key: string): Job => ({
    body: JSON.stringify({ feature: 'bench.op', quantity: 1, idempotencyKey: randomUUID() }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  });
  const usageUrl = `${server.url}/api/v1/usage`;
  const healthz = `${server.url}/healthz`;
  const gets = (n: number): Job[] => Array.from({ length: n }, () => ({}));

  // Warm up connections, JIT and the pool.
  await measure(healthz, gets(500));
  await measure(
    usageUrl,
    Array.from({ length: 500 }, (_, i) => usage(keys[i % ORGS] as string)),
  );
  const spread = await measure(
    usageUrl,
    Array.from({ length: SATURATED }, (_, i) => usage(keys[i % ORGS] as string)),
  );
  const hot = await measure(
    usageUrl,
    Array.from({ length: SATURATED }, () => usage(hotKey)),
  );
  const burst = await measure(
    usageUrl,
    Array.from({ length: BURST }, () => usage(hotKey)),
    { concurrency: BURST },
  );
  const hotAtRate = await measure(
    usageUrl,
    Array.from({ length: OPEN_LOOP + RATE }, () => usage(hotKey)),
    { rate: RATE },
  );
  const floor = await measure(healthz, gets(SATURATED));
  const floorAtRate = await measure(healthz, gets(OPEN_LOOP + RATE), { rate: RATE });
  // The database's own ceiling on one row: each debit's commit waits for the WAL flush with the
  // row locked, so one row takes at most one write per flush whatever the code around it does.
  const bareUpdate = await inProcess(SATURATED, CONCURRENCY, () =>
    ds.query(`UPDATE credit_balance SET balance = balance - 1 WHERE "organizationId" = $1`, [hotOrg]),
  );
  const transactional = await inProcess(SATURATED, CONCURRENCY, () =>
    ds.transaction((tx) =>
      post(tx, {
        idempotencyKey: `bench-tx:${randomUUID()}`,
        kind: 'usage',
        from: { account: 'organization', organizationId: hotOrg },
        to: { account: 'usage' },
        amount: 1,
        at: new Date(),
        floor: 'overdraft',
      }),
    ),
  );
  // The books still balance after all of it (the bare UPDATEs are put back first: they move no entry).
  await ds.query(`UPDATE credit_balance SET balance = balance + $2 WHERE "organizationId" = $1`, [
    hotOrg,
    SATURATED,
  ]);
  const mismatches = await verify(ds.manager);

  const fmt = (n: number) => n.toFixed(1);
  const other = (r: Measured) =>
    Object.entries(r.statuses)
      .filter(([status]) => status !== '200')
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ') || '0';
  const row = (what: string, r: Measured) =>
    `| ${what} | ${fmt(r.perSecond)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.cpu.node.toFixed(2)} | ${r.cpu.postgres.toFixed(2)} | ${other(r)} |`;
  const spreadMet = spread.perSecond >= 2000 && spread.clean;
  const p99Met = hotAtRate.p99 <= 20 && hotAtRate.perSecond >= RATE * 0.99 && hotAtRate.clean;
  const lines = [
    `Command: \`npm run bench -- credits\` (POST /api/v1/usage with an API key, 1 credit per report, each report a new idempotency key; load from a worker thread; embedded PostgreSQL with its default durable commits). Saturated: ${SATURATED} reports with ${CONCURRENCY} in flight, round robin over ${ORGS} organizations ("spread") or all on one organization ("hot"). Burst: ${BURST} reports sent at once to the hot organization. Open loop: ${OPEN_LOOP} reports arriving at ${RATE}/s for the hot organization, after ${RATE} that open connections and are not counted.`,
    '',
    '| what | per second | p50 ms | p95 ms | p99 ms | CPU ms: node | CPU ms: PostgreSQL | not 200 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row(`usage at ${RATE}/s on one organization, open loop (the target's load)`, hotAtRate),
    row(`usage spread over ${ORGS} organizations, saturated`, spread),
    row('usage on one organization, saturated', hot),
    row(`usage on one organization, ${BURST} at once`, burst),
    row(`baseline: GET /healthz at ${RATE}/s, open loop, same server`, floorAtRate),
    row('baseline: GET /healthz, saturated, same server', floor),
    '',
    `Baselines on the server's pool (20 connections), ${CONCURRENCY} in flight on the hot organization's row, in process: a bare \`UPDATE credit_balance\` per debit ${fmt(bareUpdate)}/s; the ledger's transactional \`post()\` (BEGIN, insert, lock, update, COMMIT: one debit per transaction, the usage path before the batched statement and still the path of grants and of the debit that crosses a low-balance threshold) ${fmt(transactional)}/s.`,
    '',
    `Against the HTTP floor of the same server in this run: spread ${fmt((100 * spread.perSecond) / floor.perSecond)} % and hot ${fmt((100 * hot.perSecond) / floor.perSecond)} % of GET /healthz saturated; p99 at ${RATE}/s ${fmt(hotAtRate.p99)} ms against ${fmt(floorAtRate.p99)} ms for GET /healthz on the same schedule. Reports arriving while a debit statement runs share the next one (at most 100), whichever organizations they are for: the hot organization and the spread reports alike pay one commit per batch.`,
    '',
    `Ledger check after the run: ${mismatches.length === 0 ? 'balanced' : `${mismatches.length} mismatches`}. Load average (1 min) when the run started: ${loadBefore.toFixed(2)} on ${os.cpus().length} cores (the machine was shared with other work).`,
    '',
    `Targets: ≥ 2,000 debits/s spread — **${spreadMet ? 'met' : 'missed'}** (${fmt(spread.perSecond)}/s); p99 ≤ 20 ms at ${RATE} debits/s on one organization — **${p99Met ? 'met' : 'missed'}** (p99 ${fmt(hotAtRate.p99)} ms).`,
  ];
  console.log(lines.join('\n'));
  await writeSection('credits', lines.join('\n'));
  if (mismatches.length > 0) process.exitCode = 1;
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
