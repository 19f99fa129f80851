import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestEnv, client, git } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { ChangeRequest } from './changes.entities.js';

describe('the change-request writer', () => {
  let server: TestServer;
  let tenantId: string;
  let userId: string;
  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Outbox Co',
      email: 'ops@outbox.test',
      password: 'a-long-enough-password',
    });
    const [row] = await server.services.dataSource.query(
      `SELECT t.id AS "tenantId", r."userId" FROM tenant t JOIN registration r ON r."organizationId" = t."organizationId" WHERE t.slug = 'outbox-co'`,
    );
    ({ tenantId, userId } = row);
    expect(res.status).toBe(201);
  });
  afterAll(() => server?.close());

  it('commits a change that was recorded but never written (a crash between DB and git)', async () => {
    const before = (await git(server, 'rev-parse', 'main')).trim();
    // Intent only: the row changed and the change is queued, as if the process died right after.
    const queued = await server.services.dataSource.transaction((tx) =>
      server.services.changes.submit(
        {
          tenantId,
          kind: 'update',
          actor: { userId },
          summary: 'plugins +forms',
          tenantPatch: { plugins: ['forms', 'seo-assistant'] },
        },
        tx,
      ),
    );
    expect(queued.state).toBe('queued');
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(before);
    await server.services.changes.drain();
    const done = await server.services.dataSource.manager.findOneByOrFail(ChangeRequest, { id: queued.id });
    expect(done.state).toBe('committed');
    expect(done.commitSha).toBe((await git(server, 'rev-parse', 'main')).trim());
    expect(done.baseSha).toBe(before);
    const commits = await server.services.dataSource.query(
      `SELECT sha FROM tenant_commit WHERE "changeRequestId" = $1`,
      [queued.id],
    );
    expect(commits).toEqual([{ sha: done.commitSha }]);
  });

  it('adopts the commit when it crashed after git but before recording it, without a second commit', async () => {
    const queued = await server.services.dataSource.transaction((tx) =>
      server.services.changes.submit(
        {
          tenantId,
          kind: 'update',
          actor: { userId },
          summary: 'plugins +calendar',
          tenantPatch: { plugins: ['calendar', 'forms', 'seo-assistant'] },
        },
        tx,
      ),
    );
    // Commit exactly what the writer would, then "crash" before the DB learns of it.
    const { renderTenantFiles } = await import('../tenants/render.js');
    const { loadTenantRows } = await import('../tenants/tenant-rows.js');
    const rows = await loadTenantRows(server.services.dataSource.manager, tenantId);
    const rendered = renderTenantFiles(rows, { baseDomain: server.config.LUSTER_BASE_DOMAIN });
    const applied = await server.services.writer.applyChange({
      tenantDir: rendered.dir,
      writes: rendered.files ?? [],
      deletes: 'all',
      author: { name: 'ops', email: 'ops@outbox.test' },
      message: {
        tenant: 'outbox-co',
        summary: 'plugins +calendar',
        organizationId: rows.tenant.organizationId,
        changeRequest: queued.id,
        requestedBy: 'ops <ops@outbox.test>',
      },
    });
    expect(applied).not.toBeNull();
    await server.services.changes.drain();
    const done = await server.services.dataSource.manager.findOneByOrFail(ChangeRequest, { id: queued.id });
    expect(done.state).toBe('committed');
    expect(done.commitSha).toBe(applied?.sha);
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(applied?.sha);
    // The adopted commit is in the tenant's history like any other.
    const indexed = await server.services.dataSource.query(
      `SELECT sha, "parentSha", "filesTouched" FROM tenant_commit WHERE "changeRequestId" = $1`,
      [queued.id],
    );
    expect(indexed).toEqual([
      { sha: applied?.sha, parentSha: applied?.parent, filesTouched: applied?.touched.length },
    ]);
  });

  it('re-rendering an unchanged tenant commits nothing (DB and git agree byte for byte)', async () => {
    const before = (await git(server, 'rev-parse', 'main')).trim();
    const change = await server.services.changes.submit({
      tenantId,
      kind: 'update',
      actor: { userId },
      summary: 're-render',
      tenantPatch: {},
    });
    expect(change.state).toBe('committed');
    expect(change.commitSha).toBeNull();
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(before);
  });

  it('refuses an update synth cannot render with 400 render_failed, changing nothing', async () => {
    const before = (await git(server, 'rev-parse', 'main')).trim();
    await server.services.dataSource.query(
      `INSERT INTO theme_version (name, version, "displayName", image, "projectTypes") VALUES ('broken', '1.0.0', 'Broken', 'docker.io/library/nginx:latest', '{website}')`,
    );
    const [rowBefore] = await server.services.dataSource.query(
      `SELECT "themeName" FROM tenant WHERE id = $1`,
      [tenantId],
    );
    const changesBefore = await server.services.dataSource.query(
      `SELECT count(*)::int AS n FROM change_request`,
    );
    await expect(
      server.services.changes.submit({
        tenantId,
        kind: 'update',
        actor: { userId },
        summary: 'switch to a theme whose image is not pinned',
        tenantPatch: { themeName: 'broken', themeVersion: '1.0.0' },
      }),
    ).rejects.toMatchObject({ code: 'render_failed' });
    expect(
      await server.services.dataSource.query(`SELECT "themeName" FROM tenant WHERE id = $1`, [tenantId]),
    ).toEqual([rowBefore]);
    expect(await server.services.dataSource.query(`SELECT count(*)::int AS n FROM change_request`)).toEqual(
      changesBefore,
    );
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(before);
  });

  it('marks a queued change that cannot be rendered as failed, keeps the error, and leaves main alone', async () => {
    const before = (await git(server, 'rev-parse', 'main')).trim();
    // A row that bypassed validation (e.g. written by an older version) must not wedge the queue.
    await server.services.dataSource.query(
      `UPDATE tenant SET "themeName" = 'broken', "themeVersion" = '1.0.0' WHERE id = $1`,
      [tenantId],
    );
    const [queued] = await server.services.dataSource.query(
      `INSERT INTO change_request ("tenantId", kind, state, "requestedById", summary)
       VALUES ($1, 'update', 'queued', $2, 'broken theme') RETURNING id`,
      [tenantId, userId],
    );
    const after = await server.services.dataSource.query(
      `INSERT INTO change_request ("tenantId", kind, state, "requestedById", summary)
       VALUES ($1, 'update', 'queued', $2, 'queued behind it') RETURNING id`,
      [tenantId, userId],
    );
    await server.services.changes.drain();
    const failed = await server.services.dataSource.manager.findOneByOrFail(ChangeRequest, { id: queued.id });
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/image|pinned|registry/i);
    const next = await server.services.dataSource.manager.findOneByOrFail(ChangeRequest, { id: after[0].id });
    expect(next.state).toBe('failed');
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(before);
  });

  it('writes the queued changes of a round as one chain of commits; one that cannot render fails alone', async () => {
    const api = client(server);
    const ids: { tenantId: string; userId: string }[] = [];
    for (const name of ['Chain One', 'Chain Two', 'Chain Three']) {
      const res = await api.post('/registrations', {
        accountType: 'organization',
        projectType: 'website',
        organizationName: name,
        email: `${name.replace(' ', '.').toLowerCase()}@chain.test`,
        password: 'a-long-enough-password',
      });
      expect(res.status).toBe(201);
      const [row] = await server.services.dataSource.query(
        `SELECT t.id AS "tenantId", r."userId" FROM tenant t JOIN registration r ON r."organizationId" = t."organizationId" WHERE t."organizationId" = $1`,
        [res.body.organization.id],
      );
      ids.push(row);
    }
    const before = (await git(server, 'rev-parse', 'main')).trim();
    // Intent only, all in one transaction: the writer finds them queued together.
    const queued = await server.services.dataSource.transaction((tx) =>
      Promise.all(
        ids.map((t, i) =>
          server.services.changes.submit(
            {
              tenantId: t.tenantId,
              kind: 'update',
              actor: { userId: t.userId },
              summary: `plugins +forms (${i})`,
              tenantPatch: { plugins: ['forms', 'seo-assistant'] },
            },
            tx,
          ),
        ),
      ),
    );
    // The middle tenant's row goes bad behind the API's back: synth refuses its plugin list.
    await server.services.dataSource.query(`UPDATE tenant SET plugins = '{"not a plugin!"}' WHERE id = $1`, [
      ids[1]?.tenantId,
    ]);
    await server.services.changes.drain();

    const done = await Promise.all(
      queued.map((q) => server.services.dataSource.manager.findOneByOrFail(ChangeRequest, { id: q.id })),
    );
    expect(done.map((c) => c.state)).toEqual(['committed', 'failed', 'committed']);
    expect(done[1]?.error).toMatch(/plugin/i);
    // The round writes in queue order (seq); changes submitted concurrently in one transaction get
    // their seq in whatever order their inserts ran, so the chain is checked in seq order.
    const [first, second] = done
      .filter((c) => c.state === 'committed')
      .sort((a, b) => Number(a.seq) - Number(b.seq));
    const log = (
      await git(
        server,
        'log',
        '--reverse',
        '--format=%H %P|%(trailers:key=Change-Request,valueonly,separator=)',
        `${before}..main`,
      )
    )
      .trim()
      .split('\n');
    expect(log).toEqual([
      `${first?.commitSha} ${before}|${first?.id}`,
      `${second?.commitSha} ${first?.commitSha}|${second?.id}`,
    ]);
    expect(second?.baseSha).toBe(first?.commitSha);
    const indexed = await server.services.dataSource.query(
      `SELECT "changeRequestId" AS id, sha, "parentSha" FROM tenant_commit WHERE "changeRequestId" = ANY($1) ORDER BY "parentSha" = $2 DESC`,
      [queued.map((q) => q.id), before],
    );
    expect(indexed).toEqual([
      { id: first?.id, sha: first?.commitSha, parentSha: before },
      { id: second?.id, sha: second?.commitSha, parentSha: first?.commitSha },
    ]);
    const tenants = await server.services.dataSource.query(
      `SELECT "lastChangeId" AS id, "lastCommitSha" AS sha FROM tenant WHERE id = ANY($1) ORDER BY "lastCommitSha" = $2 DESC`,
      [[first?.tenantId, second?.tenantId], first?.commitSha],
    );
    expect(tenants).toEqual([
      { id: first?.id, sha: first?.commitSha },
      { id: second?.id, sha: second?.commitSha },
    ]);
    await server.services.dataSource.query(`UPDATE tenant SET plugins = '{seo-assistant}' WHERE id = $1`, [
      ids[1]?.tenantId,
    ]);
  });
});
