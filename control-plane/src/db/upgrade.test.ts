import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, registerAndSignIn } from '../test-support/api-client.js';
import { createTestDatabase } from '../test-support/database.js';
import { postFluxReady } from '../test-support/flux-events.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { createDataSource } from './data-source.js';
import { migrations } from './migrations/index.js';

/**
 * The previous release's schema: the migrations older than this timestamp (the first generation,
 * before login throttling, suspension levels, membership acceptance, media, credits and partner
 * groups). Everything after it must migrate a database that release left, data and all.
 */
const PREVIOUS_RELEASE_BEFORE = 1796000000000;
const FLUX_TOKEN = 'upgrade-flux-webhook-token';
const env = { ...apiTestEnv, FLUX_WEBHOOK_TOKEN: FLUX_TOKEN, RECONCILE_INTERVAL_SECONDS: '0' };

type Db = Awaited<ReturnType<typeof createTestDatabase>>;
type Client = ReturnType<typeof client>;

/** What an operator sees of the data, read through the API: it must read the same after the upgrade. */
async function snapshot(owner: Client, organizationId: string) {
  const org = (await owner.get(`/organizations/${organizationId}`)).body;
  const sync = (await owner.get(`/organizations/${organizationId}/sync`)).body;
  const changes = (await owner.get(`/organizations/${organizationId}/changes`)).body;
  return {
    organization: {
      id: org.id,
      slug: org.slug,
      name: org.name,
      kind: org.kind,
      state: org.state,
      tier: org.tier,
      theme: org.theme,
      lastChange: org.lastChange,
    },
    sync: { status: sync.status, appliedRevision: sync.appliedRevision, events: sync.events.length },
    changes: (changes.items as { id: string; kind: string; state: string; commitSha: string }[]).map((c) => ({
      id: c.id,
      kind: c.kind,
      state: c.state,
      commitSha: c.commitSha,
    })),
  };
}

/**
 * Copies every row of the tables the previous release had, in the columns it had, from a database
 * the current services filled into one migrated only to the previous release: data as the real
 * code writes it, in the shape the old schema holds.
 */
async function copyIntoPreviousSchema(from: string, to: string) {
  const source = new pg.Client({ connectionString: from });
  const target = new pg.Client({ connectionString: to });
  await source.connect();
  await target.connect();
  try {
    const columns: { table_name: string; column_name: string }[] = (
      await target.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name, ordinal_position`,
      )
    ).rows;
    const tables = new Map<string, string[]>();
    for (const c of columns) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c.column_name]);
    // Foreign keys are checked by triggers: off while the rows arrive in no particular order.
    await target.query('BEGIN');
    await target.query(`SET LOCAL session_replication_role = replica`);
    for (const [table, names] of tables) {
      const list = names.map((n) => `"${n}"`).join(', ');
      const { rows } = await source.query(
        `SELECT coalesce(json_agg(t), '[]') AS rows FROM (SELECT ${list} FROM "${table}") t`,
      );
      await target.query(
        `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(null::"${table}", $1)
           ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows[0].rows)],
      );
    }
    // Serial columns continue after the copied rows.
    await target.query(`
      DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT table_name, column_name FROM information_schema.columns
                  WHERE table_schema = 'public' AND column_default LIKE 'nextval(%' LOOP
          EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce((SELECT max(%I) FROM %I), 0) + 1, false)',
                         r.table_name, r.column_name, r.column_name, r.table_name);
        END LOOP; END $$`);
    await target.query('COMMIT');
  } finally {
    await source.end();
    await target.end();
  }
}

describe('an upgrade from the previous release', () => {
  const previous = migrations.filter((m) => Number(/\d{13}$/.exec(m.name)?.[0]) < PREVIOUS_RELEASE_BEFORE);
  let dataDir: string;
  let current: Db;
  let old: Db;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let organizationId: string;
  let pendingMail: number;
  let outboxBefore: number;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'luster-upgrade-'));
    current = await createTestDatabase('upgrade_source');
    old = await createTestDatabase('upgrade_previous', { empty: true });

    // The data, made by the services: a registration (organization, tenant, owner, membership,
    // provision change and its commit, verification mail), a second change, and Flux's report.
    const source = await startTestServer(env, { dataDir, databaseUrl: current.url });
    const { organizationId: id, owner } = await registerAndSignIn(source, {
      accountType: 'organization',
      organizationName: 'Upgrade Bakery',
      email: 'owner@upgrade.test',
    });
    organizationId = id;
    const renamed = await owner.patch(`/organizations/${id}`, { displayName: 'Upgrade Bakery Ltd' });
    expect(renamed.status).toBe(200);
    expect(
      await postFluxReady(
        { url: source.url, token: FLUX_TOKEN },
        'upgrade-bakery',
        renamed.body.change.commitSha,
      ),
    ).toBe(200);
    before = await snapshot(owner, id);
    await source.stop();

    const previousSchema = new DataSource({ ...createDataSource(old.url).options, migrations: previous });
    await previousSchema.initialize();
    await previousSchema.runMigrations({ transaction: 'each' });
    await previousSchema.destroy();
    await copyIntoPreviousSchema(current.url, old.url);
    // Mail the old release had not delivered yet: the new one must send it.
    const probe = new pg.Client({ connectionString: old.url });
    await probe.connect();
    pendingMail = (await probe.query(`UPDATE mail_outbox SET "sentAt" = NULL, attempts = 0`)).rowCount ?? 0;
    await probe.end();
    outboxBefore = (await readdir(path.join(dataDir, 'outbox'))).length;
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) await server.stop().catch(() => undefined);
    await current?.drop();
    await old?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on the old schema (an earlier release’s migrations) holding the services’ data', async () => {
    expect(previous.length).toBeGreaterThan(0);
    expect(previous.length).toBeLessThan(migrations.length);
    const probe = new pg.Client({ connectionString: old.url });
    await probe.connect();
    try {
      const { rows } = await probe.query(
        `SELECT (SELECT count(*) FROM migrations)::int AS migrations, (SELECT count(*) FROM organization)::int AS organizations,
                (SELECT count(*) FROM tenant)::int AS tenants, (SELECT count(*) FROM change_request)::int AS changes,
                (SELECT count(*) FROM mail_outbox)::int AS mails, (SELECT count(*) FROM tenant_sync)::int AS syncs,
                (SELECT count(*) FROM sync_event)::int AS events`,
      );
      expect(rows[0]).toMatchObject({ migrations: previous.length, tenants: 1, changes: 2, syncs: 1 });
      expect(rows[0].organizations).toBeGreaterThanOrEqual(2);
      expect(rows[0].mails).toBeGreaterThanOrEqual(1);
      expect(rows[0].events).toBeGreaterThanOrEqual(1);
    } finally {
      await probe.end();
    }
  });

  it('migrates forward on start — two replicas starting at once — and reads the data back unchanged', async () => {
    // Side by side on the same database, as a rolling upgrade or a two-replica install starts.
    servers.push(
      ...(await Promise.all([
        startTestServer(env, { dataDir, databaseUrl: old.url }),
        startTestServer(env, { dataDir, databaseUrl: old.url }),
      ])),
    );
    const [server] = servers as [TestServer];
    const applied = await server.services.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((m: { name: string }) => m.name)).toEqual(migrations.map((m) => m.name));

    const login = await client(server).post('/auth/login', {
      email: 'owner@upgrade.test',
      password: 'a-long-enough-password',
    });
    expect(login.status).toBe(200);
    const owner = client(server, login.body.accessToken);
    expect(await snapshot(owner, organizationId)).toEqual(before);
    expect(before.changes.map((c) => c.kind).sort()).toEqual(['provision', 'update']);
    expect(before.sync).toMatchObject({ status: 'Ready', events: 1 });

    // The old release's pending mail goes out from the new one (no SMTP: to the outbox folder).
    expect(pendingMail).toBeGreaterThan(0);
    // Either replica may deliver it (they share the queue through leases): wait for it to be sent.
    const deadline = performance.now() + 30_000;
    while ((await server.services.mail.counts()).due > 0 && performance.now() < deadline) {
      await server.services.mail.kick();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await server.services.mail.counts()).toEqual({ due: 0, failed: 0 });
    expect((await readdir(path.join(dataDir, 'outbox'))).length).toBe(outboxBefore + pendingMail);
    // And it keeps working: a change on the migrated data commits.
    const again = await owner.patch(`/organizations/${organizationId}`, {
      displayName: 'Upgrade Bakery GmbH',
    });
    expect(again.status).toBe(200);
    expect(again.body.change.state).toBe('committed');
  }, 180_000);
});
