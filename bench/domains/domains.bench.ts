/**
 * The domain verifier of one replica (embedded PostgreSQL, the real DNS check through node:dns)
 * against dns2 on loopback, with 10,000 pending domains due at once: domains checked per minute,
 * and the API's p95 while it runs against its p95 idle in the same run (GET /organizations/{id}).
 *   npm run bench -- domains              (the full run; rewrites its section of bench/RESULTS.md)
 *   node bench/domains/run.mjs --quick    (1,000 domains, 50 probes: proves it works, prints only)
 * A run smaller than the full one (--quick, or BENCH_DOMAINS below 10,000) never writes RESULTS.md:
 * its numbers answer a different question than the target's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../control-plane/src/app/server.js';
import { loadConfig } from '../../control-plane/src/config.js';
import { createLogger } from '../../control-plane/src/logger.js';
import { startTestDnsServer } from '../../control-plane/src/test-support/dns-server.js';
import { writeSection } from '../results.mjs';
import { jsonApi, probeCells, timed } from '../support/probe.js';

const FULL = 10_000;
const quick = process.argv.includes('--quick');
const DOMAINS = Number(process.env.BENCH_DOMAINS ?? (quick ? 1000 : FULL));
const ROUNDS = Number(process.env.BENCH_DOMAINS_ROUNDS ?? (quick ? 50 : 200));
const PASSWORD = 'bench-password-123';

const dns = await startTestDnsServer();
const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-bench-domains-'));
const config = loadConfig({
  LUSTER_DATA_DIR: dir,
  PORT: '0',
  S3_EMBEDDED_PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  LUSTER_ADMIN_PASSWORD: PASSWORD,
  PASSWORD_ARGON2_MEMORY_KIB: '1024',
  PASSWORD_ARGON2_TIME_COST: '1',
  DNS_RESOLVERS: dns.address,
  // The bench drives the verifier itself: one pass over everything due.
  DOMAIN_CHECK_INTERVAL_SECONDS: '0',
});
const loadBefore = os.loadavg()[0] ?? 0;
const server = await startServer(config, createLogger('silent'));
try {
  const api = jsonApi(server.url);
  const token: string = (
    await api('POST', '/auth/login', undefined, { email: config.LUSTER_ADMIN_EMAIL, password: PASSWORD })
  ).accessToken;
  const org = await api('POST', '/registrations', undefined, {
    accountType: 'organization',
    projectType: 'website',
    organizationName: 'Bench Domains',
    email: 'owner@bench-domains.test',
    password: 'a-long-enough-password',
  });
  const orgId: string = org.organization.id;
  const now = new Date();
  await server.services.dataSource.query(
    `INSERT INTO custom_domain ("organizationId", hostname, token, "nextCheckAt")
     SELECT $1, 'd' || n || '.bench-domains.test', 'token-' || n, $2 FROM generate_series(1, $3) AS n`,
    [orgId, now, DOMAINS],
  );
  // A third of the domains have published their TXT record (with another value): DNS answers
  // with data for those, NXDOMAIN for the rest — "not yet" for all, so nothing is committed.
  for (let n = 1; n <= DOMAINS; n += 3)
    dns.zone.set(`_luster-challenge.d${n}.bench-domains.test`, [{ type: 'TXT', value: 'not-the-token' }]);

  const probe = () => api('GET', `/organizations/${orgId}`, token);
  const idle = await timed(ROUNDS, probe);

  const busy: number[] = [];
  let done = false;
  const start = performance.now();
  const pass = server.services.verifier.runOnce().finally(() => {
    done = true;
  });
  // Until every domain was checked once: the first ones come due again after their back-off
  // (30 s ± 20 %), so a long pass would otherwise go on with re-checks.
  const distinct = async () =>
    (
      await server.services.dataSource.query(
        `SELECT count(DISTINCT "domainId")::int AS n FROM custom_domain_check`,
      )
    )[0].n as number;
  for (let i = 1; !done; i++) {
    busy.push(...(await timed(1, probe)));
    if (i % 20 === 0 && (await distinct()) >= DOMAINS) break;
  }
  const elapsedMs = performance.now() - start;
  await server.services.verifier.stop();
  await pass;
  const [row] = await server.services.dataSource.query(
    `SELECT count(*)::int AS checks, count(*) FILTER (WHERE outcome = 'could_not_ask')::int AS unanswered
       FROM custom_domain_check`,
  );
  const loadAfter = os.loadavg()[0] ?? 0;
  const perMinute = (row.checks / elapsedMs) * 60_000;

  const line = (name: string, t: number[]) => `| ${name} | ${probeCells(t)} |`;
  const body = `
\`npm run bench -- domains\` (bench/domains/domains.bench.ts): one control plane with embedded
PostgreSQL, its verifier (\`DOMAIN_CHECK_CONCURRENCY\` ${config.DOMAIN_CHECK_CONCURRENCY}) asking dns2 on loopback
through node:dns; ${DOMAINS.toLocaleString('en')} pending domains due at once (a third with a TXT record of another value, the
rest NXDOMAIN), one pass over all of them: each a lease claim, a TXT + CNAME (+ A/AAAA) lookup,
a recorded check and the row's update. Load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (the machine is shared).

Checked **${row.checks.toLocaleString('en')}** domains in ${(elapsedMs / 1000).toFixed(1)} s:
**${Math.round(perMinute).toLocaleString('en')} domains per minute** (${row.unanswered} could not be asked).

| API probe: GET /organizations/{id} | n | p50 ms | p95 ms |
|---|---|---|---|
${line('idle, before the pass', idle)}
${line('during the pass', busy)}
`;
  if (quick || DOMAINS < FULL) console.log('(a small run: bench/RESULTS.md left as it is)');
  else await writeSection('domains', body);
  console.log(body);
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
  await dns.close();
}
