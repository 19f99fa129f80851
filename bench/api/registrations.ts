/**
 * Registration → commit on main as users meet it: registrations arriving at a fixed rate (an open
 * loop, 10/s) and their p50/p95; then the saturation throughput (closed loops, each sending its
 * next registration when the last one answered) as a fraction of the hash bound — cores ÷ CPU of
 * one password hash, what the machine could do if hashing were the only work.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningServer, startServer } from '../../control-plane/src/app/server.js';
import { hashPassword, type PasswordCost, passwordCost } from '../../control-plane/src/auth/password.js';
import { loadConfig } from '../../control-plane/src/config.js';
import { createLogger } from '../../control-plane/src/logger.js';
import { type Job, type LoadOptions, type LoadResult, load, percentile } from '../support/load.js';
import { type CpuSample, cpuSince, sampleCpu } from './cpu.js';
import { countQueries, type QuerySample, queriesSince, sampleQueries } from './queries.js';

const quick = process.argv.includes('--quick');
/** Registrations per second arriving in the open loop. */
const RATE = Number(process.env.BENCH_API_RATE ?? 10);
const OPEN_LOOP = Number(process.env.BENCH_API_OPEN ?? (quick ? 30 : 300));
const SATURATED = Number(process.env.BENCH_API_REGISTRATIONS ?? (quick ? 30 : 200));
/** Whether this run has the target's sizes (a smaller one proves the bench works, nothing more). */
export const fullRegistrationRun = OPEN_LOOP >= 300 && SATURATED >= 200 && RATE === 10;
/** Closed loops for the saturation run: enough to keep every core busy while others wait on git. */
const CLIENTS = 20;

/** `sent`: every registration sent, the uncounted first second of an open loop included. */
type Measured = LoadResult & { cpu: CpuSample; queries: QuerySample; sent: number };

export const registration = (i: number, run: string): Job => ({
  path: '/registrations',
  keep: true,
  body: JSON.stringify({
    accountType: 'organization',
    projectType: i % 2 ? 'website' : 'ecommerce',
    organizationName: `Bench ${run} ${i}`,
    email: `bench-${run}-${i}@bench.test`,
    password: 'bench-password-123',
  }),
});
const registrations = (n: number, run: string) => Array.from({ length: n }, (_, i) => registration(i, run));

/**
 * `load` with the CPU it cost the server, its PostgreSQL and their child processes, and the
 * statements the server sent (BENCH_API_QUERY_SHAPES=1 prints them by shape, to stderr).
 */
async function measured(pgData: string, url: string, jobs: Job[], options: LoadOptions): Promise<Measured> {
  countQueries();
  const before = sampleCpu(pgData);
  const statements = sampleQueries();
  const result = await load(url, jobs, options);
  const queries = queriesSince(statements);
  if (process.env.BENCH_API_QUERY_SHAPES) {
    const n = jobs.length;
    for (const [shape, count] of queries.byShape)
      process.stderr.write(`${(count / n).toFixed(2).padStart(7)}  ${shape}\n`);
  }
  return { ...result, cpu: cpuSince(before, pgData), queries, sent: jobs.length };
}

/** CPU ms per registration: server (with the load thread), PostgreSQL, git children. */
function cpuPer(r: Measured) {
  const n = r.latencies.length;
  const c = r.cpu;
  return {
    total: (c.nodeMs + c.postgresMs + c.childrenMs) / n,
    node: c.nodeMs / n,
    postgres: c.postgresMs / n,
    children: c.childrenMs / n,
    // The server sent them for every registration, the uncounted ones too.
    queries: r.queries.total / r.sent,
  };
}

/** The provision changes answered as committed (a 201 after the commit on main). */
const committed = (r: LoadResult) =>
  r.bodies.flatMap((b) => {
    try {
      const change = JSON.parse(b).change;
      return change?.state === 'committed' ? [change as { commitSha: string }] : [];
    } catch {
      return [];
    }
  });

/** Registrations answered otherwise: an error, or 201 before the commit (the writer was not reached). */
const notCommitted = (r: LoadResult) => r.latencies.length - committed(r).length;

/** Every committed registration has a commit of its own, on main. */
async function assertOnMain(server: RunningServer, runs: LoadResult[]): Promise<void> {
  const shas = runs.flatMap((r) => committed(r).map((c) => c.commitSha));
  if (new Set(shas).size !== shas.length) throw new Error('two registrations share a commit');
  const head = (await server.services.writer.head('main')) as string;
  for (const sha of shas.filter((_, i) => i % 10 === 0)) {
    if (!(await server.services.writer.isAncestor(sha, head)))
      throw new Error(`commit ${sha} is not on main`);
  }
}

function benchServer(dir: string, env: Record<string, string>) {
  return startServer(
    loadConfig({
      LUSTER_DATA_DIR: dir,
      PORT: '0',
      S3_EMBEDDED_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LUSTER_ADMIN_PASSWORD: 'bench-password-123',
      // One client address sends everything: the limits are not what is measured here.
      RATE_LIMIT_REGISTRATION_PER_IP: '1000000',
      RATE_LIMIT_REGISTRATION_PER_ACCOUNT: '1000000',
      ...env,
    }),
    createLogger('silent'),
  );
}

/** The hash as the report names it: algorithm and cost. */
const hashLabel = (cost: PasswordCost) => `argon2id m=${cost.memoryKiB} KiB t=${cost.timeCost} p=1`;
/** The cheapest cost the configuration accepts: a hash of well under a millisecond. */
const cheapCost = { PASSWORD_ARGON2_MEMORY_KIB: '1024', PASSWORD_ARGON2_TIME_COST: '1' };
const cheapLabel = hashLabel({ memoryKiB: 1024, timeCost: 1 });

/**
 * The same saturation against a server whose password hashing is cheap: what the commit pipeline
 * (transaction, render, git commit, bookkeeping) costs without the hash's CPU.
 */
async function pipelineOnly(): Promise<Measured> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-bench-api-cheap-'));
  const server = await benchServer(dir, cheapCost);
  try {
    const url = `${server.url}/api/v1`;
    await load(url, registrations(20, 'warm'), { concurrency: 4 });
    const r = await measured(path.join(dir, 'postgres'), url, registrations(SATURATED, 'cheap'), {
      concurrency: CLIENTS,
    });
    await assertOnMain(server, [r]);
    return r;
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the registration measurements on a server of its own (production hash cost); the report's lines. */
export async function registrationSection(): Promise<string[]> {
  const cheap = await pipelineOnly();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-bench-api-'));
  const server = await benchServer(dir, {});
  const cost = passwordCost(server.services.config);
  const label = hashLabel(cost);
  const pgData = path.join(dir, 'postgres');
  try {
    const url = `${server.url}/api/v1`;
    // Warm-up (JIT, synth's first render, connection pool).
    await load(url, registrations(20, 'warm'), { concurrency: 4 });
    const serial = await load(url, registrations(40, 'serial'));
    // The first second opens connections and is not counted.
    const open = await measured(pgData, url, registrations(OPEN_LOOP + RATE, 'open'), {
      rate: RATE,
      warmup: RATE,
    });
    const saturated = await measured(pgData, url, registrations(SATURATED, 'saturated'), {
      concurrency: CLIENTS,
    });
    await assertOnMain(server, [serial, open, saturated]);

    // One hash at the production cost, in CPU: the part of a registration no pipeline work removes.
    const hashStart = process.cpuUsage();
    for (let i = 0; i < 10; i++) await hashPassword('bench-password-123', cost);
    const hashCpu = process.cpuUsage(hashStart);
    const hashMs = (hashCpu.user + hashCpu.system) / 1000 / 10;
    const cores = os.availableParallelism();
    const hashBound = (cores * 1000) / hashMs;
    // Only registrations answered as committed count as done.
    const throughput = committed(saturated).length / saturated.seconds;
    const fraction = throughput / hashBound;
    const openP95 = percentile(open.latencies, 95);
    const arrived = open.latencies.length / open.seconds;

    const ms = (v: number) => v.toFixed(1);
    const latencyRow = (label: string, r: LoadResult, perSecond: number) =>
      `| ${label} | ${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 95))} | ${ms(percentile(r.latencies, 99))} | ${perSecond.toFixed(1)} | ${notCommitted(r)} |`;
    const cpuRow = (label: string, r: Measured) => {
      const c = cpuPer(r);
      return `| ${label} | ${ms(c.total)} | ${ms(c.node)} | ${ms(c.postgres)} | ${ms(c.children)} | ${((cores * 1000) / c.total).toFixed(0)} | ${ms(c.queries)} |`;
    };
    return [
      `**Registration → commit on main** (\`POST /registrations\` answers 201 after the provision commit; production hash ${label}; after 20 warm-up registrations):`,
      '',
      '| load | p50 ms | p95 ms | p99 ms | registrations/s | not answered committed |',
      '|---|---:|---:|---:|---:|---:|',
      latencyRow(`open loop: ${OPEN_LOOP} arriving at ${RATE}/s (after ${RATE} uncounted)`, open, arrived),
      latencyRow('baseline: 1 client, one after the other', serial, serial.latencies.length / serial.seconds),
      latencyRow(`saturation: ${CLIENTS} closed-loop clients`, saturated, throughput),
      latencyRow(
        `saturation, ${cheapLabel} (the commit pipeline without the hashing cost)`,
        cheap,
        cheap.latencies.length / cheap.seconds,
      ),
      '',
      '**CPU per registration** (this process — server and load thread —, the embedded PostgreSQL, git child processes; from /proc) and the statements the server sent PostgreSQL per registration (BEGIN, COMMIT, savepoints, the writer and background work included):',
      '',
      `| run | total ms | server ms | PostgreSQL ms | git ms | at most /s on ${cores} cores | statements |`,
      '|---|---:|---:|---:|---:|---:|---:|',
      cpuRow(`open loop at ${RATE}/s`, open),
      cpuRow(`saturation, ${label}`, saturated),
      cpuRow(`saturation, ${cheapLabel}`, cheap),
      '',
      `One ${label} hash: ${ms(hashMs)} ms of CPU (mean of 10 in this run). Hash bound: ${cores} cores ÷ ${ms(hashMs)} ms = ${hashBound.toFixed(1)} registrations/s.`,
      '',
      `Targets: p95 ≤ 250 ms with registrations arriving at ${RATE}/s, every one committed — **${openP95 <= 250 && notCommitted(open) === 0 ? 'met' : 'missed'}** (${ms(openP95)} ms, ${notCommitted(open)} not committed); ` +
        `saturation ≥ 90 % of the hash bound — **${fraction >= 0.9 ? 'met' : 'missed'}** (${throughput.toFixed(1)}/s = ${(fraction * 100).toFixed(0)} % of ${hashBound.toFixed(1)}/s).`,
      '',
      `These replace the earlier target of p95 ≤ 250 ms with ${CLIENTS} closed-loop clients: each such client waits for its answer before sending the next, so by Little's law the mean latency is ${CLIENTS} ÷ throughput, and throughput cannot pass the hash bound — at ${hashBound.toFixed(1)}/s the mean is at least ${ms((CLIENTS * 1000) / hashBound)} ms whatever the pipeline does. ` +
        `People arrive whether or not someone else's registration has answered: the open loop measures what one of them waits at ${RATE} sign-ups a second, and the saturation against the hash bound how much of the machine the pipeline leaves to the hashing a safe password needs.`,
    ];
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
