import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, apiTestEnv, client, tokenFor } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/server.js';

/**
 * A purge on a platform with one superadmin can never be approved: the detail says how many
 * approvals are missing and who could give them (by name to those who may approve, by count and
 * role to everyone else), so the requester knows to get a second one; and
 * "Mine" lists what the caller requested, whatever its state.
 */
describe('who can approve a change, and the changes I requested', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let owner: ReturnType<typeof client>;
  let ownerId: string;
  let platformId: string;
  let purgeId: string;
  const sql = (q: string, params: unknown[] = []) => server.services.dataSource.query(q, params);

  beforeAll(async () => {
    server = await startTestServer(apiTestEnv);
    admin = client(server, await adminToken(server));
    platformId = (await admin.get('/me')).body.memberships[0].organizationId;
    const reg = await client(server).post('/registrations', {
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Outlook Bakery',
      email: 'owner@outlook.test',
      password: 'a-long-enough-password',
    });
    expect(reg.status).toBe(201);
    [{ id: ownerId }] = await sql(`SELECT id FROM "user" WHERE email = 'owner@outlook.test'`);
    owner = client(server, tokenFor(server, ownerId));
    const orgId = reg.body.organization.id;
    expect((await admin.post(`/organizations/${orgId}/deprovision`)).status).toBe(200);
    const purge = await admin.post(`/organizations/${orgId}/purge`, { reason: 'contract ended' });
    expect(purge.body.change.state).toBe('pending_review');
    purgeId = purge.body.change.id;
  }, 60_000);
  afterAll(() => server?.close());

  it('says one approval is missing and nobody can give it while the requester is the only superadmin', async () => {
    const detail = await admin.get(`/change-requests/${purgeId}`);
    expect(detail.body.approval).toEqual({
      required: 1,
      remaining: 1,
      approvers: [],
      approverCounts: { superadmins: 0, reviewers: 0 },
    });
  });

  it('names the second superadmin and a reviewer, never the requester', async () => {
    const invited = await admin.post(`/organizations/${platformId}/users`, {
      email: 'second@outlook.test',
      role: 'superadmin',
      name: 'Second Admin',
    });
    expect(invited.status).toBe(201);
    // The client's admin sees the purge of its organization, but not who the platform's staff are.
    const seenByOwner = await owner.get(`/change-requests/${purgeId}`);
    expect(seenByOwner.status).toBe(200);
    expect(seenByOwner.body.approval).toEqual({
      required: 1,
      remaining: 1,
      approvers: [],
      approverCounts: { superadmins: 1, reviewers: 0 },
    });
    const ownerGql = await owner.graphql(
      'query ($id: ID!) { changeRequest(id: $id) { approval { approvers { email } approverCounts { superadmins reviewers } } } }',
      { id: purgeId },
    );
    expect(ownerGql.data.changeRequest.approval).toEqual({
      approvers: [],
      approverCounts: { superadmins: 1, reviewers: 0 },
    });
    await sql(`UPDATE "user" SET capabilities = '{reviewer}' WHERE id = $1`, [ownerId]);
    const detail = await admin.get(`/change-requests/${purgeId}`);
    expect(detail.body.approval.remaining).toBe(1);
    expect(detail.body.approval.approvers.map((p: { email: string }) => p.email).sort()).toEqual([
      'owner@outlook.test',
      'second@outlook.test',
    ]);
    expect(detail.body.approval.approverCounts).toEqual({ superadmins: 1, reviewers: 1 });

    const approved = await client(server, tokenFor(server, invited.body.userId)).post(
      `/change-requests/${purgeId}/approve`,
    );
    expect(approved.body.state).toBe('approved');
    expect((await admin.get(`/change-requests/${purgeId}`)).body.approval).toEqual({
      required: 1,
      remaining: 0,
      approvers: [],
      approverCounts: { superadmins: 0, reviewers: 0 },
    });
  });

  it('lists only the changes the caller requested with mine=true, in REST and GraphQL', async () => {
    const mine = await admin.get('/change-requests?mine=true');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(purgeId);
    expect(mine.body.items.every((c: { requestedById: string }) => c.requestedById !== ownerId)).toBe(true);
    const ownerMine = await owner.get('/change-requests?mine=true');
    expect(ownerMine.body.items.map((c: { id: string }) => c.id)).not.toContain(purgeId);
    expect(ownerMine.body.items.every((c: { requestedById: string }) => c.requestedById === ownerId)).toBe(
      true,
    );
    const all = await admin.get('/change-requests?mine=false');
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    const bad = await admin.get('/change-requests?mine=yes');
    expect(bad.status).toBe(400);

    const gql = await admin.graphql(
      'query ($id: ID!) { changeRequests(mine: true) { items { id } } changeRequest(id: $id) { approval { required remaining approvers { email } } } }',
      { id: purgeId },
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data.changeRequests.items.map((c: { id: string }) => c.id)).toContain(purgeId);
    expect(gql.data.changeRequest.approval).toEqual({ required: 1, remaining: 0, approvers: [] });
  });
});
