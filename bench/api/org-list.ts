/**
 * GET /organizations with 10,000 organizations in a three-level tree (platform → 100 agencies →
 * 99 clients each), as a superadmin, an agency admin and a client admin; GET /healthz as the floor.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../control-plane/src/app/server.js';
import { signAccessToken } from '../../control-plane/src/auth/tokens.js';
import { loadConfig } from '../../control-plane/src/config.js';
import { createLogger } from '../../control-plane/src/logger.js';
import { load, percentile } from '../support/load.js';
import { cpuSince, sampleCpu } from './cpu.js';
import { explainRequest } from './explain.js';
import { countQueries, queriesSince, sampleQueries } from './queries.js';

const AGENCIES = 100;
const CLIENTS_PER_AGENCY = 99;
const LIST_REQUESTS = Number(
  process.env.BENCH_API_LIST_REQUESTS ?? (process.argv.includes('--quick') ? 30 : 500),
);
/** Whether this run has the target's sizes. */
export const fullListRun = LIST_REQUESTS >= 500;

/** Seeds the tree on a server of its own and measures the list; the report's lines. */
export async function organizationListSection(): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-bench-api-list-'));
  const secret = 'bench-jwt-secret-bench-jwt-secret-0123456789';
  const server = await startServer(
    loadConfig({
      LUSTER_DATA_DIR: dir,
      PORT: '0',
      S3_EMBEDDED_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LUSTER_ADMIN_PASSWORD: 'bench-password-123',
      JWT_SECRET: secret,
    }),
    createLogger('silent'),
  );
  const api = `${server.url}/api/v1`;
  const pgData = path.join(dir, 'postgres');
  const ms = (v: number) => v.toFixed(1);
  try {
    // 10,000 organizations: platform → 100 agencies → 99 clients each (+ the tenants the list joins).
    const ds = server.services.dataSource;
    const [platform] = await ds.query(`SELECT id, path FROM organization WHERE kind = 'platform'`);
    const seedStart = performance.now();
    await ds.transaction(async (tx) => {
      for (let a = 0; a < AGENCIES; a++) {
        const agencyId = randomUUID();
        const agencyPath = `${platform.path}${agencyId}/`;
        const ids = [agencyId];
        const values: unknown[] = [agencyId, `agency-${a}`, `Agency ${a}`, 'agency', platform.id, agencyPath];
        for (let c = 0; c < CLIENTS_PER_AGENCY; c++) {
          const id = randomUUID();
          ids.push(id);
          values.push(
            id,
            `client-${a}-${c}`,
            `Client ${a}/${c}`,
            'organization',
            agencyId,
            `${agencyPath}${id}/`,
          );
        }
        const placeholders = ids.map(
          (_, i) =>
            `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
        );
        await tx.query(
          `INSERT INTO organization (id, slug, name, kind, "parentId", path) VALUES ${placeholders.join(',')}`,
          values,
        );
        await tx.query(
          `INSERT INTO tenant ("organizationId", slug, tier, "projectType", "themeName", "themeVersion", plugins, state, cluster)
           SELECT o.id, o.slug, (ARRAY['starter','pro','enterprise'])[1 + (random() * 2)::int], 'website',
                  'luster-starter', '1.5.0', '{seo-assistant}', (ARRAY['active','provisioning','suspended'])[1 + (random() * 2)::int], 'production'
             FROM organization o WHERE o.id = ANY($1)`,
          [ids],
        );
      }
    });
    await ds.query('ANALYZE');
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const [{ n: orgCount }] = await ds.query('SELECT count(*)::int AS n FROM organization');

    const token = (userId: string) =>
      signAccessToken(secret, { sub: userId, roles: [], org: null, email_verified: true }, 900);
    const [admin] = await ds.query(`SELECT "userId" AS id FROM membership WHERE role = 'superadmin' LIMIT 1`);
    const [agency] = await ds.query(`SELECT id FROM organization WHERE slug = 'agency-42'`);
    const [agencyUser] = await ds.query(
      `INSERT INTO "user" (email, name, "passwordHash") VALUES ('agency42@bench.test', 'A42', '!') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO membership ("userId", "organizationId", role) VALUES ($1, $2, 'agency_admin')`,
      [agencyUser.id, agency.id],
    );
    const [clientOrg] = await ds.query(`SELECT id FROM organization WHERE slug = 'client-42-7'`);
    const [clientUser] = await ds.query(
      `INSERT INTO "user" (email, name, "passwordHash") VALUES ('client42@bench.test', 'C42', '!') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO membership ("userId", "organizationId", role) VALUES ($1, $2, 'client_admin')`,
      [clientUser.id, clientOrg.id],
    );

    const listCases: [string, string, string][] = [
      ['superadmin, first page of 50', admin.id, '/organizations?limit=50'],
      ['superadmin, page 100 (cursor)', admin.id, '/organizations?limit=50&cursor=client-50-0'],
      ['superadmin, state=suspended&tier=pro', admin.id, '/organizations?limit=50&state=suspended&tier=pro'],
      ['superadmin, parentId=agency-42', admin.id, `/organizations?limit=50&parentId=${agency.id}`],
      ['agency admin (100 visible)', agencyUser.id, '/organizations?limit=50'],
      ['client admin (1 visible)', clientUser.id, '/organizations?limit=50'],
    ];
    const listRows: string[] = [];
    let worstP95 = 0;
    for (const [label, userId, pathQuery] of listCases) {
      const headers = { authorization: `Bearer ${token(userId)}` };
      await load(
        api,
        Array.from({ length: 50 }, () => ({ method: 'GET', path: pathQuery, headers })),
      );
      if (process.env.BENCH_API_EXPLAIN) await explainRequest(ds, api, label, pathQuery, headers);
      countQueries();
      const statements = sampleQueries();
      const cpuBefore = sampleCpu(pgData);
      const r = await load(
        api,
        Array.from({ length: LIST_REQUESTS }, () => ({ method: 'GET', path: pathQuery, headers })),
      );
      // CPU per request is what a sequential request waits for, and a shared machine distorts it less than latency.
      const cpu = cpuSince(cpuBefore, pgData);
      // Each statement is a round trip the request waits for: shown per request next to the latency.
      const queries = queriesSince(statements);
      if (process.env.BENCH_API_QUERY_SHAPES) {
        process.stderr.write(`${label}:\n`);
        for (const [shape, count] of queries.byShape)
          process.stderr.write(`${(count / LIST_REQUESTS).toFixed(2).padStart(7)}  ${shape}\n`);
      }
      if (Object.keys(r.statuses).some((s) => s !== '200'))
        throw new Error(`${label}: ${JSON.stringify(r.statuses)}`);
      const p95 = percentile(r.latencies, 95);
      worstP95 = Math.max(worstP95, p95);
      listRows.push(
        `| ${label} | ${ms(percentile(r.latencies, 50))} | ${ms(p95)} | ${ms(percentile(r.latencies, 99))} | ${(queries.total / LIST_REQUESTS).toFixed(1)} | ${ms(cpu.nodeMs / LIST_REQUESTS)} | ${ms(cpu.postgresMs / LIST_REQUESTS)} |`,
      );
    }
    const health = await load(
      api.replace('/api/v1', ''),
      Array.from({ length: LIST_REQUESTS }, () => ({ method: 'GET', path: '/healthz' })),
    );

    return [
      `**Organization list** with ${orgCount.toLocaleString('en')} organizations (platform → ${AGENCIES} agencies → ${CLIENTS_PER_AGENCY} clients each, seeded in ${seedSeconds.toFixed(1)} s), ${LIST_REQUESTS} sequential requests each after 50 warm-up:`,
      '',
      '| request | p50 ms | p95 ms | p99 ms | statements per request | server CPU ms per request | PostgreSQL CPU ms per request |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...listRows,
      `| baseline: GET /healthz | ${ms(percentile(health.latencies, 50))} | ${ms(percentile(health.latencies, 95))} | ${ms(percentile(health.latencies, 99))} | | | |`,
      '',
      `Target: p95 ≤ 20 ms — **${worstP95 <= 20 ? 'met' : 'missed'}** (worst case ${ms(worstP95)} ms).`,
    ];
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
