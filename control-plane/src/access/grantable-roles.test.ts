import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership } from './access.js';
import { type ActionTarget, grantableRoles } from './allowed-actions.js';
import type { Standing } from './authorize.js';

/*
 * The roles the admin offers when inviting or changing a member come from the server
 * (`grantableRoles` on every organization view). The expectations are written out per case from
 * the rules the invite and role change enforce: at or below your own role there, only the roles an
 * organization of that kind holds, nothing without `users.invite`, nothing below an unapproved agency.
 */

const platform: Standing = { id: 'p', slug: 'platform', kind: 'platform', state: null };
const group: Standing = { id: 'g', slug: 'group', kind: 'partner_group', state: 'active' };
const agency: Standing = { id: 'a', slug: 'agency', kind: 'agency', state: 'active' };
const client: Standing = { id: 'c', slug: 'client', kind: 'organization', state: 'active' };

const targets = {
  platform: { ...platform, path: '/p/', ancestors: [] },
  group: { ...group, path: '/p/g/', ancestors: [platform] },
  agency: { ...agency, path: '/p/g/a/', ancestors: [platform, group] },
  client: { ...client, path: '/p/g/a/c/', ancestors: [platform, group, agency] },
} satisfies Record<string, ActionTarget>;

function actor(...memberships: [keyof typeof targets, ActorMembership['role']][]): Actor {
  return {
    userId: 'u',
    email: 'u@example.test',
    name: 'U',
    emailVerified: true,
    capabilities: [],
    context: null,
    memberships: memberships.map(([at, role]) => ({
      organizationId: targets[at].id,
      path: targets[at].path,
      kind: targets[at].kind,
      role,
    })),
  };
}

const view = (at: keyof typeof targets): ActionTarget => ({
  ...targets[at],
  suspendedByOrganizationId: null,
});

describe('grantableRoles', () => {
  it('offers a superadmin only superadmin on the platform, group_admin in a group, the site roles elsewhere', () => {
    const superadmin = actor(['platform', 'superadmin']);
    expect(grantableRoles(superadmin, view('platform'))).toEqual(['superadmin']);
    expect(grantableRoles(superadmin, view('group'))).toEqual(['group_admin']);
    expect(grantableRoles(superadmin, view('agency'))).toEqual([
      'agency_admin',
      'client_admin',
      'editor',
      'viewer',
    ]);
  });

  it('offers a group admin its own role in its group and the site roles up to agency_admin below it', () => {
    const groupAdmin = actor(['group', 'group_admin']);
    expect(grantableRoles(groupAdmin, view('group'))).toEqual(['group_admin']);
    expect(grantableRoles(groupAdmin, view('client'))).toEqual([
      'agency_admin',
      'client_admin',
      'editor',
      'viewer',
    ]);
  });

  it('never offers more than the role held there', () => {
    expect(grantableRoles(actor(['client', 'client_admin']), view('client'))).toEqual([
      'client_admin',
      'editor',
      'viewer',
    ]);
  });

  it('counts the strongest role that reaches the organization, held there or above it', () => {
    expect(grantableRoles(actor(['client', 'editor'], ['agency', 'agency_admin']), view('client'))).toEqual([
      'agency_admin',
      'client_admin',
      'editor',
      'viewer',
    ]);
  });

  it('offers nothing to roles without users.invite', () => {
    expect(grantableRoles(actor(['client', 'editor']), view('client'))).toEqual([]);
    expect(grantableRoles(actor(['client', 'viewer']), view('client'))).toEqual([]);
  });

  it('offers nothing below an agency that is not approved (the approval gate)', () => {
    const pending: Standing = { ...agency, state: 'pending_review' };
    const below: ActionTarget = {
      ...client,
      path: '/p/g/a/c/',
      ancestors: [platform, group, pending],
      suspendedByOrganizationId: null,
    };
    expect(grantableRoles(actor(['agency', 'agency_admin']), below)).toEqual([]);
  });
});
