import { describe, expect, it } from 'vitest';
import type { Membership, OrganizationKind } from '../api/models';
import { user } from '../test-support/harness';
import { can, grantableRoles, primaryRole, roleAt } from './permissions';

describe('what the interface offers each role', () => {
  it.each([
    ['superadmin', ['switchContext', 'seeAllOrganizations', 'reviewChanges', 'reviewAgencies']],
    ['agency_admin', ['switchContext', 'seeChanges']],
    ['client_admin', ['seeChanges']],
    ['editor', []],
    ['viewer', []],
  ] as const)('%s may %j', (role, allowed) => {
    const all = [
      'switchContext',
      'seeAllOrganizations',
      'seeChanges',
      'reviewChanges',
      'reviewAgencies',
    ] as const;
    for (const capability of allowed) expect(can(user(role), capability)).toBe(true);
    if (role !== 'superadmin' && role !== 'agency_admin')
      expect(all.filter((c) => can(user(role), c))).toEqual(allowed);
  });

  it('lets a reviewer review changes without any admin role', () => {
    const reviewer = user('viewer', { capabilities: ['reviewer'] });
    expect(can(reviewer, 'reviewChanges')).toBe(true);
    expect(can(reviewer, 'reviewAgencies')).toBe(false);
  });

  it('takes the strongest role across memberships', () => {
    const u = user('editor', {
      memberships: [
        { organizationId: 'a', role: 'editor' },
        { organizationId: 'b', role: 'client_admin' },
      ],
    });
    expect(primaryRole(u)).toBe('client_admin');
    expect(can(null, 'seeChanges')).toBe(false);
  });
});

describe('the roles a person may grant at an organization', () => {
  const client = { id: 'client', parentId: 'agency', kind: 'organization' as OrganizationKind };
  const holding = (...memberships: Pick<Membership, 'organizationId' | 'role'>[]) =>
    user('viewer', { memberships });

  it.each([
    [
      'a client admin of it',
      [{ organizationId: 'client', role: 'client_admin' }],
      ['client_admin', 'editor', 'viewer'],
    ],
    [
      'an agency admin of its parent',
      [{ organizationId: 'agency', role: 'agency_admin' }],
      ['agency_admin', 'client_admin', 'editor', 'viewer'],
    ],
    [
      'a superadmin',
      [{ organizationId: 'platform', role: 'superadmin' }],
      ['agency_admin', 'client_admin', 'editor', 'viewer'],
    ],
    ['an editor of it', [{ organizationId: 'client', role: 'editor' }], []],
    ['a viewer of it', [{ organizationId: 'client', role: 'viewer' }], []],
    ['a client admin of another organization', [{ organizationId: 'other', role: 'client_admin' }], []],
    [
      'an editor of it who administers its agency',
      [
        { organizationId: 'client', role: 'editor' },
        { organizationId: 'agency', role: 'agency_admin' },
      ],
      ['agency_admin', 'client_admin', 'editor', 'viewer'],
    ],
  ] as const)('%s', (_who, memberships, roles) => {
    const person = holding(...memberships);
    expect(grantableRoles(person, client)).toEqual(roles);
  });

  it('reaches an organization deeper below an agency through the agency admin role', () => {
    const grandchild = { id: 'shop', parentId: 'client', kind: 'organization' as OrganizationKind };
    const person = holding({ organizationId: 'agency', role: 'agency_admin' });
    expect(roleAt(person, grandchild)).toBe('agency_admin');
  });

  it("does not lend an agency admin's role to an organization outside that agency", () => {
    const person = holding(
      { organizationId: 'client', role: 'client_admin' },
      { organizationId: 'another-agency', role: 'agency_admin' },
    );
    expect(roleAt(person, client)).toBe('client_admin');
    expect(grantableRoles(person, client)).toEqual(['client_admin', 'editor', 'viewer']);
  });

  it('grants only superadmin on the platform', () => {
    const platform = { id: 'platform', parentId: null, kind: 'platform' as OrganizationKind };
    expect(grantableRoles(holding({ organizationId: 'platform', role: 'superadmin' }), platform)).toEqual([
      'superadmin',
    ]);
  });

  it('offers nothing to nobody', () => {
    expect(roleAt(null, client)).toBeNull();
    expect(grantableRoles(null, client)).toEqual([]);
  });
});
