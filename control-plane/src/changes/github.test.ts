import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpGitRemote } from '../gitops/test-support/http-remote.js';
import { adminToken, apiTestEnv, client, git, tokenFor } from '../test-support/api-client.js';
import { postFluxReady } from '../test-support/flux-events.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

const run = promisify(execFile);
const GIT_TOKEN = 'remote-push-token';
const GITHUB_TOKEN = 'github-api-token';
const WEBHOOK_SECRET = 'github-webhook-secret-0123';
const FLUX_TOKEN = 'flux-hmac-key-for-github-tests';

/**
 * GitHub cannot run here: this is a local HTTP server implementing the few documented REST
 * endpoints the control plane calls (docs.github.com/rest/pulls/pulls: create, list by head,
 * update state), checking the token like GitHub would. The git side is a real smart-HTTP remote.
 */
class FakeGithub {
  readonly pulls: {
    number: number;
    head: string;
    base: string;
    title: string;
    body: string;
    state: string;
  }[] = [];
  /** Reviews per pull request number, oldest first, as GitHub lists them. */
  readonly reviews = new Map<number, { user: { login: string }; state: string }[]>();
  readonly authorizations: (string | undefined)[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      this.authorizations.push(req.headers.authorization);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.headers.authorization !== `Bearer ${GITHUB_TOKEN}`)
        return send(401, { message: 'Bad credentials' });
      const show = (p: (typeof this.pulls)[number]) => ({
        number: p.number,
        state: p.state,
        html_url: `https://github.example/acme/gitops/pull/${p.number}`,
        head: { ref: p.head },
        base: { ref: p.base },
      });
      if (req.method === 'POST' && url.pathname === '/repos/acme/gitops/pulls') {
        if (this.pulls.some((p) => p.head === body.head && p.state === 'open')) {
          return send(422, { message: 'Validation Failed: A pull request already exists' });
        }
        const pr = { number: this.pulls.length + 1, state: 'open', ...body };
        this.pulls.push(pr);
        return send(201, show(pr));
      }
      if (req.method === 'GET' && url.pathname === '/repos/acme/gitops/pulls') {
        const head = url.searchParams.get('head')?.split(':')[1];
        return send(200, this.pulls.filter((p) => p.head === head && p.state === 'open').map(show));
      }
      const reviews = /^\/repos\/acme\/gitops\/pulls\/(\d+)\/reviews$/.exec(url.pathname);
      if (req.method === 'GET' && reviews) {
        const all = this.reviews.get(Number(reviews[1])) ?? [];
        const size = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        return send(200, all.slice((page - 1) * size, page * size));
      }
      const patch = /^\/repos\/acme\/gitops\/pulls\/(\d+)$/.exec(url.pathname);
      const pr = patch ? this.pulls.find((p) => p.number === Number(patch[1])) : undefined;
      if (req.method === 'PATCH' && pr) {
        pr.state = body.state;
        return send(200, show(pr));
      }
      return send(404, { message: 'Not Found' });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe('review on GitHub (fake REST API, real git remote)', () => {
  let server: TestServer;
  let github: FakeGithub;
  let remote: HttpGitRemote;
  let root: string;
  let orgId: string;
  let requester: ReturnType<typeof client>;

  const remoteGit = async (...args: string[]) =>
    (await run('git', ['--git-dir', remote.gitdir, ...args])).stdout.trim();

  async function webhook(payload: unknown, secret = WEBHOOK_SECRET, event = 'pull_request') {
    const raw = JSON.stringify(payload);
    const res = await fetch(`${server.url}/hooks/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
      },
      body: raw,
    });
    return { status: res.status, body: await res.json() };
  }

  const closed = (number: number, ref: string, merged: boolean, by = 'octocat') => ({
    action: 'closed',
    number,
    pull_request: {
      number,
      merged,
      head: { ref },
      base: { ref: 'main' },
      merged_by: merged ? { login: by } : null,
    },
    sender: { login: by },
  });

  /** What notification-controller posts once the tenant's Kustomization applied `sha`. */
  async function fluxReady(slug: string, sha: string) {
    expect(await postFluxReady({ url: server.url, token: FLUX_TOKEN }, slug, sha)).toBe(200);
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'luster-gh-'));
    await mkdir(path.join(root, 'remotes'));
    remote = await HttpGitRemote.start({
      projectRoot: path.join(root, 'remotes'),
      repoName: 'gitops.git',
      token: GIT_TOKEN,
    });
    github = new FakeGithub();
    await github.start();
    server = await startTestServer({
      ...apiTestEnv,
      CHANGE_REVIEW_KINDS: 'update',
      RECONCILE_INTERVAL_SECONDS: '0',
      GITOPS_REMOTE_URL: remote.url,
      GITOPS_REMOTE_TOKEN: GIT_TOKEN,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/gitops',
      GITHUB_TOKEN,
      GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // Who is who on GitHub: the platform admin, the requester, two more superadmins.
      GITHUB_LOGINS:
        'octocat=admin@example.test,hub-owner=owner@hub.test,second=second@hub.test,Third=third@hub.test',
      FLUX_WEBHOOK_TOKEN: FLUX_TOKEN,
      CHANGE_MAX_FOLDER_REMOVALS: '1',
    });
    const res = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Hub Co',
      email: 'owner@hub.test',
      password: 'a-long-enough-password',
    });
    orgId = res.body.organization.id;
    const [{ id }] = await server.services.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'owner@hub.test'`,
    );
    requester = client(server, tokenFor(server, id));
    await server.services.delivery.idle();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await github?.stop();
    await remote?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('pushes main to the remote after commits', async () => {
    expect(await remoteGit('rev-parse', 'main')).toBe((await git(server, 'rev-parse', 'main')).trim());
  });

  it('pushes the review branch and opens a pull request for a reviewed change', async () => {
    const res = await requester.patch(`/organizations/${orgId}`, { plugins: ['seo-assistant', 'forms'] });
    expect(res.body.change.state).toBe('pending_review');
    const change = (await requester.get(`/change-requests/${res.body.change.id}`)).body;
    expect(change.pullRequest).toEqual({ number: 1, url: 'https://github.example/acme/gitops/pull/1' });
    expect(github.pulls[0]).toMatchObject({ head: change.branch, base: 'main', state: 'open' });
    expect(github.pulls[0]?.title).toBe('tenant(hub-co): plugins +forms');
    expect(github.pulls[0]?.body).toContain(`Change-Request: ${change.id}`);
    expect(github.authorizations.every((a) => a === `Bearer ${GITHUB_TOKEN}`)).toBe(true);
    expect(await remoteGit('rev-parse', change.branch)).toBe(change.branchSha);
    const builtIn = await client(server, tokenFor(server, (await adminId()) as string)).post(
      `/change-requests/${change.id}/approve`,
    );
    expect([builtIn.status, builtIn.body.error.code]).toEqual([409, 'review_on_git_host']);
  });

  it('refuses a webhook whose signature does not match the raw body', async () => {
    const bad = await webhook(closed(1, 'x', true), 'not-the-secret-at-all');
    expect([bad.status, bad.body.error.code]).toEqual([401, 'invalid_signature']);
    const ping = await webhook({ zen: 'hi' }, WEBHOOK_SECRET, 'ping');
    expect(ping).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
  });

  it('marks the change merged when GitHub merged the pull request; main follows without a second commit', async () => {
    const [change] = (await requester.get('/change-requests?state=pending_review')).body.items;
    // What GitHub's "rebase and merge" of an up-to-date branch does: main moves to the branch commit.
    await remoteGit('update-ref', 'refs/heads/main', change.branchSha);
    const res = await webhook(closed(1, change.branch, true));
    expect(res).toMatchObject({ status: 200, body: { outcome: 'merged', changeRequestId: change.id } });
    await server.services.delivery.idle();
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(change.branchSha);
    expect(await remoteGit('rev-parse', 'main')).toBe(change.branchSha);
    const after = (await requester.get(`/change-requests/${change.id}`)).body;
    expect(after).toMatchObject({
      state: 'merged',
      externalApprover: 'octocat (GitHub)',
      approvals: [{ user: { email: 'admin@example.test' } }],
      commitSha: change.branchSha,
    });
    expect((await requester.get(`/organizations/${orgId}`)).body.plugins).toEqual(['forms', 'seo-assistant']);
    const again = await webhook(closed(1, change.branch, true));
    expect(again.body.outcome).toBe('ignored');
  });

  it('rejects the change when the pull request is closed without merging', async () => {
    const res = await requester.patch(`/organizations/${orgId}`, { displayName: 'Hub Renamed' });
    const change = (await requester.get(`/change-requests/${res.body.change.id}`)).body;
    expect(change.pullRequest.number).toBe(2);
    const closedRes = await webhook(closed(2, change.branch, false));
    expect(closedRes.body.outcome).toBe('rejected');
    const after = (await requester.get(`/change-requests/${change.id}`)).body;
    expect(after.state).toBe('rejected');
    expect(after.rejectionReason).toMatch(/closed without merging/);
    expect((await requester.get(`/organizations/${orgId}`)).body.name).toBe('Hub Co');
  });

  it('does not accept a pull request merged by its requester as approval', async () => {
    const res = await requester.patch(`/organizations/${orgId}`, { plugins: ['seo-assistant'] });
    const change = (await requester.get(`/change-requests/${res.body.change.id}`)).body;
    const number = change.pullRequest.number;
    const before = (await git(server, 'rev-parse', 'main')).trim();

    const own = await webhook(closed(number, change.branch, true, 'hub-owner'));
    expect(own.body).toMatchObject({ outcome: 'refused', changeRequestId: change.id });
    const refused = (await requester.get(`/change-requests/${change.id}`)).body;
    expect(refused.state).toBe('pending_review');
    expect(refused.error).toMatch(/not accepted as approval.*hub-owner: the requester/);
    expect((await git(server, 'rev-parse', 'main')).trim()).toBe(before);
    expect((await requester.get(`/organizations/${orgId}`)).body.plugins).toEqual(['forms', 'seo-assistant']);
    // Nor by someone Luster cannot tell from the requester.
    const stranger = await webhook(closed(number, change.branch, true, 'stranger'));
    expect(stranger.body.outcome).toBe('refused');
    expect((await requester.get(`/change-requests/${change.id}`)).body.error).toMatch(
      /stranger: not linked to a Luster account/,
    );

    // Approved on GitHub by someone else, the same merge counts.
    github.reviews.set(number, [
      { user: { login: 'hub-owner' }, state: 'APPROVED' },
      { user: { login: 'octocat' }, state: 'APPROVED' },
    ]);
    const approved = await webhook(closed(number, change.branch, true, 'hub-owner'));
    expect(approved.body.outcome).toBe('merged');
    const merged = (await requester.get(`/change-requests/${change.id}`)).body;
    expect(merged).toMatchObject({
      state: 'merged',
      error: null,
      approvals: [{ user: { email: 'admin@example.test' } }],
    });
    expect((await requester.get(`/organizations/${orgId}`)).body.plugins).toEqual(['seo-assistant']);
  });

  it('records the approvers of a bulk deletion reviewed on GitHub, so its finalize is not refused', async () => {
    const admin = client(server, await adminToken(server));
    const platformId = (await admin.get('/me')).body.memberships[0].organizationId;
    for (const email of ['second@hub.test', 'third@hub.test']) {
      expect(
        (await admin.post(`/organizations/${platformId}/users`, { email, role: 'superadmin' })).status,
      ).toBe(201);
    }
    const orgs: { id: string; slug: string }[] = [];
    for (const name of ['Gone One', 'Gone Two']) {
      const res = await admin.post('/organizations', {
        organizationName: name,
        projectType: 'website',
        parentId: platformId,
      });
      expect((await admin.post(`/organizations/${res.body.organization.id}/deprovision`)).status).toBe(200);
      orgs.push({ id: res.body.organization.id, slug: res.body.organization.slug });
    }
    const asked = await admin.post('/change-requests/bulk-delete', {
      organizationIds: orgs.map((o) => o.id),
      reason: 'offboarding',
    });
    expect(asked.body).toMatchObject({ kind: 'bulk_delete', state: 'pending_review' });
    const change = (await admin.get(`/change-requests/${asked.body.id}`)).body;
    const number = change.pullRequest.number;
    github.reviews.set(number, [
      { user: { login: 'second' }, state: 'CHANGES_REQUESTED' },
      { user: { login: 'second' }, state: 'APPROVED' },
      { user: { login: 'third' }, state: 'APPROVED' },
    ]);

    const res = await webhook(closed(number, change.branch, true, 'second'));
    expect(res.body.outcome).toBe('merged');
    const merged = (await admin.get(`/change-requests/${change.id}`)).body;
    expect(merged.purgeStage).toBe('released');
    expect(merged.approvals.map((a: { user: { email: string } }) => a.user.email).sort()).toEqual([
      'second@hub.test',
      'third@hub.test',
    ]);

    const release = (await git(server, 'rev-parse', 'main')).trim();
    for (const org of orgs) await fluxReady(org.slug, release);
    await server.services.changes.drain();
    const done = (await admin.get(`/change-requests/${change.id}`)).body;
    expect([done.state, done.purgeStage, done.error]).toEqual(['merged', 'done', null]);
    expect((await git(server, 'rev-parse', 'main^')).trim()).toBe(release);
    for (const org of orgs) {
      expect((await admin.get(`/organizations/${org.id}`)).body.state).toBe('deleted');
    }
  });

  async function adminId(): Promise<string | undefined> {
    const [row] = await server.services.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'admin@example.test'`,
    );
    return row?.id;
  }
});
