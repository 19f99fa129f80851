import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, git } from '../test-support/api-client.js';
import { addSuperadmin } from '../test-support/reviewed-change.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('the review over GraphQL', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let orgId: string;
  let changeId: string;
  const head = async () => (await git(server, 'rev-parse', 'main')).trim();

  beforeAll(async () => {
    server = await startTestServer({
      ...apiTestEnv,
      CHANGE_REVIEW_KINDS: 'update',
      RECONCILE_INTERVAL_SECONDS: '0',
    });
    admin = client(server, await adminToken(server));
    reviewer = await addSuperadmin(server, admin, 'second@review.test');
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Graph Review',
      email: 'owner@graph.test',
      password: 'a-long-enough-password',
    });
    orgId = reg.body.organization.id;
  }, 60_000);
  afterAll(() => server?.close());

  it('lists a reviewed change with its diff, the same as REST', async () => {
    const before = await head();
    const patch = await admin.patch(`/organizations/${orgId}`, { tier: 'pro' });
    expect(patch.status).toBe(200);
    expect(await head()).toBe(before);
    const res = await reviewer.graphql(
      `query ($org: ID) { changeRequests(organizationId: $org, state: "pending_review") { total items { id kind state title requestedBy { email } } } }`,
      { org: orgId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.changeRequests.total).toBe(1);
    changeId = res.data.changeRequests.items[0].id;
    const detail = await reviewer.graphql(
      'query ($id: ID!) { changeRequest(id: $id) { state files { path status patch } } }',
      {
        id: changeId,
      },
    );
    const rest = await reviewer.get(`/change-requests/${changeId}`);
    expect(detail.data.changeRequest.files).toEqual(
      rest.body.files.map((f: { path: string; status: string; patch: string }) => ({
        path: f.path,
        status: f.status,
        patch: f.patch,
      })),
    );
    expect(detail.data.changeRequest.files.length).toBeGreaterThan(0);
    // The update's own answer carries the change as the review shows it (files and the approval
    // outlook are the detail's own).
    const { files: _files, approval: _approval, ...view } = rest.body;
    expect(patch.body.change).toEqual(view);
  });

  it('shows a change the same way in the answer that made it, the review, and the organization', async () => {
    const {
      files: _files,
      approval: _approval,
      ...reviewed
    } = (await reviewer.get(`/change-requests/${changeId}`)).body;
    const listed = await reviewer.get(`/organizations/${orgId}/changes`);
    expect(listed.body.items[0]).toEqual(reviewed);
    const fields = 'id kind state title summary requestedById requestedBy { email } policy branch';
    const res = await reviewer.graphql(
      `query ($id: ID!, $org: ID!) { changeRequest(id: $id) { ${fields} } organization(id: $org) { changes(limit: 1) { ${fields} } } }`,
      { id: changeId, org: orgId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organization.changes).toEqual([res.data.changeRequest]);
    expect(res.data.changeRequest).toMatchObject({
      title: reviewed.title,
      policy: 'review',
      branch: reviewed.branch,
    });
  });

  it('refuses the requester approving their own change with the REST code', async () => {
    const res = await admin.graphql('mutation ($id: ID!) { approveChangeRequest(id: $id) { id state } }', {
      id: changeId,
    });
    const rest = await admin.post(`/change-requests/${changeId}/approve`, {});
    expect(res.errors?.[0]?.extensions.code).toBe(rest.body.error.code);
  });

  it('refuses a rejection without a reason the same way as REST', async () => {
    for (const reason of [undefined, '', '   ']) {
      const res = await reviewer.graphql(
        'mutation ($id: ID!, $reason: String) { rejectChangeRequest(id: $id, reason: $reason) { id } }',
        { id: changeId, reason },
      );
      const rest = await reviewer.post(
        `/change-requests/${changeId}/reject`,
        reason === undefined ? {} : { reason },
      );
      expect(rest.status).toBe(400);
      expect(res.errors?.[0]?.extensions.code).toBe('invalid_input');
      expect(rest.body.error.code).toBe('invalid_input');
    }
    expect((await reviewer.get(`/change-requests/${changeId}`)).body.state).toBe('pending_review');
  });

  it('refuses an approval reason longer than the review takes, with the same code on both edges', async () => {
    const reason = 'x'.repeat(2001);
    const res = await reviewer.graphql(
      'mutation ($id: ID!, $reason: String) { approveChangeRequest(id: $id, reason: $reason) { id } }',
      { id: changeId, reason },
    );
    const rest = await reviewer.post(`/change-requests/${changeId}/approve`, { reason });
    expect(rest.status).toBe(400);
    expect(rest.body.error.code).toBe('invalid_input');
    expect(res.errors?.[0]?.extensions.code).toBe(rest.body.error.code);
    expect((await reviewer.get(`/change-requests/${changeId}`)).body.state).toBe('pending_review');
  });

  it('approves with the reason kept (as long as REST takes it), and merges onto main', async () => {
    // Longer than the 500 characters a lifecycle reason may have: the review's own schema applies.
    const reason = `Tier fits their traffic: ${'the numbers back it. '.repeat(30)}`.trim();
    const approved = await reviewer.graphql(
      'mutation ($id: ID!, $reason: String) { approveChangeRequest(id: $id, reason: $reason) { id state summary } }',
      { id: changeId, reason: `  ${reason}  ` },
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveChangeRequest).toMatchObject({
      state: 'approved',
      summary: expect.any(String),
    });
    const reviewed = await reviewer.graphql(
      'query ($id: ID!) { changeRequest(id: $id) { approvals { reason user { email } } } }',
      { id: changeId },
    );
    expect(reviewed.data.changeRequest.approvals).toEqual([
      { reason, user: { email: 'second@review.test' } },
    ]);
    expect((await reviewer.get(`/change-requests/${changeId}`)).body.approvals[0].reason).toBe(reason);
    const before = await head();
    const merged = await reviewer.graphql(
      'mutation ($id: ID!) { mergeChangeRequest(id: $id) { state commitSha } }',
      { id: changeId },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeChangeRequest.state).toBe('merged');
    expect(await head()).not.toBe(before);
    expect((await admin.get(`/organizations/${orgId}`)).body.tier).toBe('pro');
  });
});
