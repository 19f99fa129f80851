import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { postFluxReady } from '../test-support/flux-events.js';
import {
  addSuperadmin,
  type RegisteredOrganization,
  registerOrganization,
} from '../test-support/reviewed-change.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const run = promisify(execFile);
const FLUX_TOKEN = 'flux-hmac-key-for-review-tests';

describe('change review, revert, drift and purge', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  const org: Record<string, RegisteredOrganization> = {};

  const head = async () => (await git(server, 'rev-parse', 'main')).trim();
  const ls = async (ref: string, dir: string) =>
    (await git(server, 'ls-tree', '-r', '--name-only', ref, dir)).trim().split('\n').filter(Boolean);
  const sql = (q: string, params: unknown[] = []) => server.services.dataSource.query(q, params);

  async function register(name: string) {
    org[name] = await registerOrganization(server, name, 'review.test');
  }

  const superadmin = (email: string) => addSuperadmin(server, admin, email);

  /** What notification-controller posts once the tenant's Kustomization applied `sha`. */
  async function fluxReady(slug: string, sha: string) {
    expect(await postFluxReady({ url: server.url, token: FLUX_TOKEN }, slug, sha)).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer({
      ...apiTestEnv,
      CHANGE_REVIEW_KINDS: 'update',
      RECONCILE_INTERVAL_SECONDS: '0',
      FLUX_WEBHOOK_TOKEN: FLUX_TOKEN,
    });
    admin = client(server, await adminToken(server));
    for (const name of ['alpha', 'bravo', 'charlie']) await register(name);
  }, 60_000);
  afterAll(() => server?.close());

  let merged: { id: string; branchSha: string };

  it('commits a reviewed change on its own branch and leaves main and the tenant row alone', async () => {
    const before = await head();
    const res = await client(server, org.alpha?.token).patch(`/organizations/${org.alpha?.id}`, {
      plugins: ['seo-assistant', 'forms'],
    });
    expect(res.status).toBe(200);
    expect(res.body.change.state).toBe('pending_review');
    expect(res.body.organization.plugins).toEqual(['seo-assistant']);
    expect(await head()).toBe(before);
    const detail = await admin.get(`/change-requests/${res.body.change.id}`);
    expect(detail.body).toMatchObject({
      state: 'pending_review',
      policy: 'review',
      branch: `changes/${res.body.change.id}-alpha`,
      requestedBy: { id: org.alpha?.userId, email: 'alpha@review.test' },
      organization: { id: org.alpha?.id, slug: 'alpha' },
    });
    expect((await git(server, 'rev-parse', detail.body.branch)).trim()).toBe(detail.body.branchSha);
    expect(detail.body.files.length).toBeGreaterThan(0);
    expect(detail.body.files.every((f: { path: string }) => f.path.startsWith(`${org.alpha?.dir}/`))).toBe(
      true,
    );
    expect(detail.body.files.map((f: { patch: string }) => f.patch).join('\n')).toMatch(/^\+.*forms/m);
    const listed = await admin.get('/change-requests?state=pending_review');
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(res.body.change.id);
    // Another client sees its own change requests, never this one (the golden rule).
    const other = await client(server, org.bravo?.token).get('/change-requests');
    expect(other.body.items.length).toBeGreaterThan(0);
    expect(other.body.items.map((c: { id: string }) => c.id)).not.toContain(res.body.change.id);
    merged = { id: res.body.change.id, branchSha: detail.body.branchSha };
  });

  it('refuses approval by the requester and a merge before approval, with stable codes', async () => {
    const requester = client(server, org.alpha?.token);
    const notReviewer = await requester.post(`/change-requests/${merged.id}/approve`);
    expect([notReviewer.status, notReviewer.body.error.code]).toEqual([403, 'forbidden']);
    await sql(`UPDATE "user" SET capabilities = '{reviewer}' WHERE id = $1`, [org.alpha?.userId]);
    const own = await requester.post(`/change-requests/${merged.id}/approve`);
    expect([own.status, own.body.error.code]).toEqual([403, 'self_approval']);
    const early = await admin.post(`/change-requests/${merged.id}/merge`);
    expect([early.status, early.body.error.code]).toEqual([409, 'not_approved']);
    const approved = await admin.post(`/change-requests/${merged.id}/approve`, {
      reason: 'Checked the diff',
    });
    expect(approved.body).toMatchObject({ state: 'approved', approvedBy: { email: 'admin@example.test' } });
    expect(approved.body.approvals).toMatchObject([{ reason: 'Checked the diff' }]);
    const again = await admin.post(`/change-requests/${merged.id}/approve`);
    expect([again.status, again.body.error.code]).toEqual([409, 'change_not_pending']);
  });

  it('merges after main moved by re-rendering on top of it: linear history, no conflict', async () => {
    // Another tenant's direct change moves main after the branch was cut.
    const moved = await admin.post(`/organizations/${org.bravo?.id}/suspend`, { reason: 'unpaid' });
    expect(moved.status).toBe(200);
    const movedHead = await head();
    const res = await admin.post(`/change-requests/${merged.id}/merge`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'merged', branch: `changes/${merged.id}-alpha` });
    const mainHead = await head();
    expect(res.body.commitSha).toBe(mainHead);
    expect((await git(server, 'rev-parse', `${mainHead}^`)).trim()).toBe(movedHead);
    expect((await git(server, 'rev-list', '--min-parents=2', 'main')).trim()).toBe('');
    // The tenant's folder on main is exactly what was reviewed on the branch.
    await git(server, 'diff', '--quiet', merged.branchSha, mainHead, '--', org.alpha?.dir as string);
    const trailers = await git(server, 'log', '-1', '--format=%(trailers:only,unfold)', 'main');
    expect(trailers).toContain(`Change-Request: ${merged.id}`);
    const [{ id: adminId }] = await server.services.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'admin@example.test'`,
    );
    expect(trailers).toContain(`Approved-By: Platform admin <${adminId}@users.luster.invalid>`);
    expect((await admin.get(`/organizations/${org.alpha?.id}`)).body.plugins).toEqual([
      'forms',
      'seo-assistant',
    ]);
    // The review branch is gone once merged.
    expect((await git(server, 'branch', '--list', 'changes/*')).trim()).toBe('');
  });

  it('rejects with a reason (required), closes the branch and keeps the row as it was', async () => {
    const res = await client(server, org.alpha?.token).patch(`/organizations/${org.alpha?.id}`, {
      tier: 'pro',
    });
    expect([res.status, res.body.error?.code]).toEqual([403, 'forbidden']);
    const rename = await client(server, org.alpha?.token).patch(`/organizations/${org.alpha?.id}`, {
      displayName: 'Alpha Renamed',
    });
    const id = rename.body.change.id;
    const bare = await admin.post(`/change-requests/${id}/reject`, {});
    expect([bare.status, bare.body.error.code]).toEqual([400, 'invalid_input']);
    const rejected = await admin.post(`/change-requests/${id}/reject`, { reason: 'keep the brand name' });
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      rejectionReason: 'keep the brand name',
      rejectedBy: { email: 'admin@example.test' },
    });
    expect((await admin.get(`/organizations/${org.alpha?.id}`)).body.name).toBe('alpha');
    const late = await admin.post(`/change-requests/${id}/merge`);
    expect([late.status, late.body.error.code]).toEqual([409, 'change_not_pending']);
  });

  it('reverts to the state recorded at an earlier change with a new commit (history not rewritten)', async () => {
    const [provision] = await sql(
      `SELECT c.id, c."commitSha" FROM change_request c JOIN tenant t ON t.id = c."tenantId"
       WHERE t.slug = 'alpha' AND c.kind = 'provision'`,
    );
    const before = await head();
    const res = await admin.post(`/organizations/${org.alpha?.id}/revert`, {
      changeId: provision.id,
      reason: 'forms were a mistake',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'revert', state: 'committed', revertOf: provision.id });
    expect((await git(server, 'rev-parse', 'main^')).trim()).toBe(before);
    await git(server, 'diff', '--quiet', provision.commitSha, 'main', '--', org.alpha?.dir as string);
    expect((await admin.get(`/organizations/${org.alpha?.id}`)).body.plugins).toEqual(['seo-assistant']);
    const unknown = await admin.post(`/organizations/${org.alpha?.id}/revert`, {
      changeId: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'change_request_not_found']);
  });

  it('reports a hand edit as drift instead of overwriting it; a re-assert restores the render', async () => {
    const dir = org.charlie?.dir as string;
    const work = await mkdtemp(path.join(os.tmpdir(), 'luster-sre-'));
    try {
      // An SRE commits a hand edit with the git CLI.
      const gitdir = path.join(server.dataDir, 'gitops.git');
      await run('git', ['clone', '-q', gitdir, work]);
      const [file] = await ls('main', `${dir}/app`);
      await writeFile(path.join(work, file as string), '# hand edit\n', { flag: 'a' });
      await writeFile(path.join(work, dir, 'sre-note.yaml'), 'note: added by hand\n');
      const id = ['-c', 'user.name=SRE', '-c', 'user.email=sre@example.test'];
      await run('git', [...id, '-C', work, 'add', '-A']);
      await run('git', [...id, '-C', work, 'commit', '-q', '-m', 'hotfix by hand']);
      await run('git', ['-C', work, 'push', '-q', 'origin', 'main']);
      const edited = await head();

      await server.services.changes.reconcile();
      expect(await head()).toBe(edited);
      const drift = await admin.get(`/organizations/${org.charlie?.id}/drift`);
      expect(drift.body.drift).toMatchObject({ sha: edited });
      expect(drift.body.drift.files).toEqual([
        { path: file, status: 'modified' },
        { path: `${dir}/sre-note.yaml`, status: 'added' },
      ]);
      expect((await admin.get(`/organizations/${org.alpha?.id}/drift`)).body.drift).toBeNull();

      // A later change of the tenant writes only what it changes: the hand edits survive.
      const suspended = await admin.post(`/organizations/${org.charlie?.id}/suspend`);
      expect([suspended.status, suspended.body.change?.state]).toEqual([200, 'committed']);
      expect(await ls('main', dir)).toContain(`${dir}/sre-note.yaml`);

      const denied = await client(server, org.charlie?.token).post(
        `/organizations/${org.charlie?.id}/reassert`,
      );
      expect([denied.status, denied.body.error.code]).toEqual([403, 'forbidden']);
      const reasserted = await admin.post(`/organizations/${org.charlie?.id}/reassert`, { reason: 'drift' });
      expect(reasserted.body).toMatchObject({ kind: 'reassert', state: 'committed' });
      expect(await ls('main', dir)).not.toContain(`${dir}/sre-note.yaml`);
      expect(await git(server, 'show', `main:${file}`)).not.toContain('# hand edit');
      expect((await admin.get(`/organizations/${org.charlie?.id}/drift`)).body.drift).toBeNull();
      await server.services.changes.reconcile();
      expect((await admin.get(`/organizations/${org.charlie?.id}/drift`)).body.drift).toBeNull();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('refuses to merge a reviewed change over a hand edit made on main since its branch was cut', async () => {
    await register('hotel');
    const hotel = org.hotel as (typeof org)[string];
    const asked = await client(server, hotel.token).patch(`/organizations/${hotel.id}`, {
      plugins: ['seo-assistant', 'forms'],
    });
    const id = asked.body.change.id;
    expect((await admin.post(`/change-requests/${id}/approve`)).body.state).toBe('approved');
    const work = await mkdtemp(path.join(os.tmpdir(), 'luster-sre-'));
    try {
      await run('git', ['clone', '-q', path.join(server.dataDir, 'gitops.git'), work]);
      const files = await ls('main', hotel.dir);
      const deployment = files.find((f) => f.includes('deployment')) as string;
      await writeFile(path.join(work, deployment), '# tuned by hand\n', { flag: 'a' });
      const sre = ['-c', 'user.name=SRE', '-c', 'user.email=sre@example.test'];
      await run('git', [...sre, '-C', work, 'commit', '-q', '-am', 'hand edit']);
      await run('git', ['-C', work, 'push', '-q', 'origin', 'main']);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    const edited = await head();

    const refused = await admin.post(`/change-requests/${id}/merge`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'drift']);
    expect(await head()).toBe(edited);
    expect((await admin.get(`/change-requests/${id}`)).body.state).toBe('approved');
    expect((await admin.get(`/organizations/${hotel.id}`)).body.plugins).toEqual(['seo-assistant']);

    await admin.post(`/organizations/${hotel.id}/reassert`, { reason: 'drift' });
    const merged = await admin.post(`/change-requests/${id}/merge`);
    expect([merged.status, merged.body.state]).toEqual([200, 'merged']);
  });

  it('refuses path traversal at the API: slugs, ids and branch names never reach a path', async () => {
    const before = await head();
    for (const slug of ['../../clusters/production', 'a/../../b', '..', 'x\u0000y']) {
      const res = await admin.post('/organizations', {
        organizationName: 'Traversal',
        slug,
        projectType: 'website',
      });
      expect([res.status, res.body.error.code]).toEqual([400, 'slug_invalid']);
    }
    const byId = await admin.get('/change-requests/..%2F..%2Fgitops.git');
    expect([byId.status, byId.body.error.code]).toEqual([404, 'change_request_not_found']);
    const revert = await admin.post(`/organizations/${org.alpha?.id}/revert`, { changeId: '../../main' });
    expect([revert.status, revert.body.error.code]).toEqual([400, 'invalid_input']);
    expect(await head()).toBe(before);
  });

  it('purges in two commits: the data is released to Flux, then the folder goes once Flux applied that', async () => {
    const bravo = org.bravo as (typeof org)[string];
    expect((await admin.post(`/organizations/${bravo.id}/deprovision`)).status).toBe(200);
    const requested = await admin.post(`/organizations/${bravo.id}/purge`, { reason: 'contract ended' });
    expect(requested.body.change.state).toBe('pending_review');
    const second = await superadmin('second@review.test');
    await second.post(`/change-requests/${requested.body.change.id}/approve`);
    const merged = await second.post(`/change-requests/${requested.body.change.id}/merge`);
    expect(merged.body).toMatchObject({ state: 'merged', purgeStage: 'released' });
    const release = await head();
    const files = await ls('main', bravo.dir);
    expect(files.length).toBeGreaterThan(0);
    const contents = await Promise.all(files.map((f) => git(server, 'show', `main:${f}`)));
    expect(contents.join('\n')).not.toContain('kustomize.toolkit.fluxcd.io/prune');
    expect(contents.join('\n')).toMatch(/kind: Namespace/);
    expect((await admin.get(`/organizations/${bravo.id}`)).body.state).toBe('purging');

    await fluxReady(bravo.slug, release);
    await server.services.changes.drain();
    expect(await ls('main', bravo.dir)).toEqual([]);
    expect((await git(server, 'rev-parse', 'main^')).trim()).toBe(release);
    expect((await admin.get(`/organizations/${bravo.id}`)).body.state).toBe('deleted');
    // The messages say what each commit does; the bucket outbox deletes the media bucket after them
    // (the history reports it once done), so no commit message claims it.
    expect((await git(server, 'log', '-2', '--format=%s', 'main')).trim().split('\n')).toEqual([
      'tenant(bravo): purge: remove the folder, Flux deletes the released data objects',
      'tenant(bravo): purge: release the data objects to Flux (prune enabled)',
    ]);
    expect(await git(server, 'log', '-2', '--format=%B', 'main')).not.toMatch(/bucket/i);
    const done = await admin.get(`/change-requests/${requested.body.change.id}`);
    expect(done.body).toMatchObject({ state: 'merged', purgeStage: 'done', commitSha: release });
  });

  it('refuses a commit removing more than N folders unless two different superadmins approved a bulk deletion', async () => {
    const names = ['delta', 'echo', 'foxtrot', 'golf'];
    for (const name of names) {
      await register(name);
      expect((await admin.post(`/organizations/${org[name]?.id}/deprovision`)).status).toBe(200);
    }
    const ids = names.map((n) => org[n]?.id);
    const s2 = await superadmin('s2@review.test');
    const s3 = await superadmin('s3@review.test');
    const asked = await admin.post('/change-requests/bulk-delete', {
      organizationIds: ids,
      reason: 'offboarding',
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ kind: 'bulk_delete', state: 'pending_review' });
    const id = asked.body.id;
    const reviewer = client(server, org.alpha?.token); // has the reviewer capability, not superadmin
    const byReviewer = await reviewer.post(`/change-requests/${id}/approve`);
    expect([byReviewer.status, byReviewer.body.error.code]).toEqual([403, 'superadmin_required']);
    const own = await admin.post(`/change-requests/${id}/approve`);
    expect([own.status, own.body.error.code]).toEqual([403, 'self_approval']);
    expect((await s2.post(`/change-requests/${id}/approve`)).body.state).toBe('pending_review');
    const twice = await s2.post(`/change-requests/${id}/approve`);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'already_approved']);
    const early = await s2.post(`/change-requests/${id}/merge`);
    expect([early.status, early.body.error.code]).toEqual([409, 'not_approved']);
    expect((await s3.post(`/change-requests/${id}/approve`)).body.state).toBe('approved');

    const mergedBulk = await s3.post(`/change-requests/${id}/merge`);
    expect(mergedBulk.body).toMatchObject({ state: 'merged', purgeStage: 'released' });
    const release = await head();
    expect((await git(server, 'log', '-1', '--format=%s', 'main')).trim()).toMatch(
      /^tenants\(4\): purge 4 tenants/,
    );

    // The guard itself: with only one superadmin approval left, the finalize is refused.
    await sql(`UPDATE change_request SET approvals = jsonb_build_array(approvals->0) WHERE id = $1`, [id]);
    for (const name of names) await fluxReady(org[name]?.slug as string, release);
    await server.services.changes.drain();
    expect(await head()).toBe(release);
    const refused = await admin.get(`/change-requests/${id}`);
    expect(refused.body.state).toBe('failed');
    expect(refused.body.error).toMatch(/^mass_deletion_refused/);
    for (const name of names) {
      expect((await ls('main', org[name]?.dir as string)).length).toBeGreaterThan(0);
      // Their folders are on main: they are still being purged, not deleted.
      expect((await admin.get(`/organizations/${org[name]?.id}`)).body.state).toBe('purging');
    }

    // With both approvals, the one commit removes all four folders.
    await sql(
      `UPDATE change_request SET approvals = (SELECT approvals FROM change_request WHERE id = $1) || jsonb_build_array(jsonb_build_object('userId', (SELECT id FROM "user" WHERE email = 's3@review.test'), 'at', now()::text)), state = 'queued' WHERE id = $1`,
      [id],
    );
    await server.services.changes.drain();
    expect((await git(server, 'rev-parse', 'main^')).trim()).toBe(release);
    for (const name of names) {
      expect(await ls('main', org[name]?.dir as string)).toEqual([]);
      expect((await admin.get(`/organizations/${org[name]?.id}`)).body.state).toBe('deleted');
    }
    const removed = await server.services.writer.removedTenantFolders(release, 'main');
    expect(removed).toHaveLength(4);
  });
});
