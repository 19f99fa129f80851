import { tenantDir } from '@luster/synth';
import { expect } from 'vitest';
import { client, tokenFor } from './api-client.js';
import type { TestServer } from './server.js';

/** An organization registered through the real flow, as the GitOps tests read it back. */
export interface RegisteredOrganization {
  id: string;
  slug: string;
  /** The tenant's folder on the production cluster, where synth's default layout puts it. */
  dir: string;
  /** The owner's user id, as commits and change requests name the requester. */
  userId: string;
  /** A bearer token of the owner (no password round-trip). */
  token: string;
}

/**
 * Registers organization `name` (owner `<name>@<emailDomain>`) through POST /registrations, as the
 * reviewed-change tests do for each tenant whose change they follow into git.
 */
export async function registerOrganization(
  server: TestServer,
  name: string,
  emailDomain: string,
): Promise<RegisteredOrganization> {
  const email = `${name}@${emailDomain}`;
  const res = await client(server).post('/registrations', {
    accountType: 'organization',
    projectType: 'website',
    organizationName: name,
    email,
    password: 'a-long-enough-password',
  });
  expect(res.status).toBe(201);
  const [{ id: userId }] = await server.services.dataSource.query(`SELECT id FROM "user" WHERE email = $1`, [
    email,
  ]);
  const slug = res.body.organization.slug;
  return {
    id: res.body.organization.id,
    slug,
    dir: tenantDir('production', slug),
    userId,
    token: tokenFor(server, userId),
  };
}

/**
 * Another superadmin, invited by `admin` into the platform organization: a reviewed change needs a
 * second person to approve it, and a bulk deletion two superadmins besides the requester.
 */
export async function addSuperadmin(server: TestServer, admin: ReturnType<typeof client>, email: string) {
  const platformId = (await admin.get('/me')).body.memberships[0].organizationId;
  const res = await admin.post(`/organizations/${platformId}/users`, { email, role: 'superadmin' });
  expect(res.status).toBe(201);
  return client(server, tokenFor(server, res.body.userId));
}
