import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitopsWriter } from '../../gitops/test-support/fake-writer.js';
import { createLogger } from '../../logger.js';
import { renderTenantFiles } from '../../tenants/render.js';
import { loadTenantRows } from '../../tenants/tenant-rows.js';
import { apiTestEnv, registerAndSignIn } from '../../test-support/api-client.js';
import { startTestServer, type TestServer } from '../../test-support/server.js';
import { ChangeRequest } from '../changes.entities.js';
import { markFailed, recordChainOnMain } from './record.js';
import { createSubmission } from './submit.js';

/*
 * Submit and record on the real database (a server's, with an organization registered through the
 * real flow), git stood in for by the fake writer: what the outbox holds before a commit, and after
 * one — committed or failed.
 */

const committedAt = new Date('2026-01-10T12:00:00Z');
const sha = (c: string) => c.repeat(40);

describe('submitting and recording a change', () => {
  let server: TestServer;
  let tenantId: string;
  let userId: string;
  const submission = () =>
    createSubmission({
      writer: new FakeGitopsWriter(),
      renderOptions: { baseDomain: 'luster.test' },
      mainBranch: 'main',
    });
  const tenantRow = async () =>
    (
      await server.services.dataSource.query(
        `SELECT t."lastChangeId", t."lastCommitSha", t."lastCommittedAt", o.name FROM tenant t
         JOIN organization o ON o.id = t."organizationId" WHERE t.id = $1`,
        [tenantId],
      )
    )[0];

  beforeAll(async () => {
    // No reconcile pass: the server's own writer must not take the changes these tests queue.
    server = await startTestServer({ ...apiTestEnv, RECONCILE_INTERVAL_SECONDS: '0' });
    const { organizationId } = await registerAndSignIn(server, {
      accountType: 'organization',
      organizationName: 'Record Co',
      email: 'owner@record.test',
    });
    [{ id: tenantId }] = await server.services.dataSource.query(
      'SELECT id FROM tenant WHERE "organizationId" = $1',
      [organizationId],
    );
    [{ id: userId }] = await server.services.dataSource.query(`SELECT id FROM "user" WHERE email = $1`, [
      'owner@record.test',
    ]);
  }, 60_000);
  afterAll(() => server?.close());

  /** A direct update queued in its own transaction, its patch on the row already (the outbox). */
  const submitted = (displayName: string) =>
    server.services.dataSource.transaction((tx) =>
      submission().record(tx, {
        tenantId,
        kind: 'update',
        actor: { userId },
        summary: 'rename',
        tenantPatch: { displayName },
      }),
    );

  it('queues a direct change with the patch on the row and what it replaced, touching no git', async () => {
    const change = await submitted('Record Co Renamed');
    expect(change).toMatchObject({ state: 'queued', target: 'main', policy: 'direct', branch: 'main' });
    expect(change.tenantBefore).toEqual({ displayName: 'Record Co' });
    expect((await tenantRow()).name).toBe('Record Co Renamed');
    // Out of the queue again, the row as it was, for the tests after this one.
    await markFailed(server.services.dataSource, change, new Error('not this time'), createLogger('silent'));
  });

  it('records a chain: the change committed, the tenant last changed, the history counting its own files', async () => {
    const change = await submitted('Record Co Chained');
    const rows = await loadTenantRows(server.services.dataSource.manager, tenantId);
    const rendered = renderTenantFiles(rows, { baseDomain: 'luster.test' });
    const commit = {
      sha: sha('a'),
      parent: sha('b'),
      touched: [
        `${rendered.dir}/deployment.yaml`,
        `${rendered.dir}/db/cluster.yaml`,
        'tenants/prod/zz/zz/x.yaml',
      ],
    };
    await server.services.dataSource.transaction((tx) =>
      recordChainOnMain(tx, [{ change, rows, rendered, commit }], { mainBranch: 'main', committedAt }),
    );
    const recorded = await server.services.dataSource.manager.findOneByOrFail(ChangeRequest, {
      id: change.id,
    });
    expect(recorded).toMatchObject({
      state: 'committed',
      commitSha: sha('a'),
      baseSha: sha('b'),
      error: null,
    });
    expect(recorded.committedAt?.toISOString()).toBe(committedAt.toISOString());
    expect(recorded.tenantSnapshot).toMatchObject({ displayName: 'Record Co Chained' });
    expect(await tenantRow()).toMatchObject({
      lastChangeId: change.id,
      lastCommitSha: sha('a'),
      lastCommittedAt: committedAt,
    });
    const history = await server.services.dataSource.query(
      `SELECT subject, "filesTouched", "parentSha", branch FROM tenant_commit WHERE sha = $1`,
      [sha('a')],
    );
    expect(history).toEqual([
      {
        subject: `tenant(${rows.tenant.slug}): rename`,
        filesTouched: 2,
        parentSha: sha('b'),
        branch: 'main',
      },
    ]);
  });

  it('marks a change git could not take as failed, with its code, and puts the row back', async () => {
    const change = await submitted('Record Co Never');
    const refused = Object.assign(new Error('branch moved'), { code: 'head_moved' });
    await markFailed(server.services.dataSource, change, refused, createLogger('silent'));
    const failed = await server.services.dataSource.manager.findOneByOrFail(ChangeRequest, { id: change.id });
    expect(failed).toMatchObject({ state: 'failed', error: 'head_moved: branch moved' });
    expect((await tenantRow()).name).toBe('Record Co Chained');
  });
});
