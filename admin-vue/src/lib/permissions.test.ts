import { describe, expect, it } from 'vitest';
import { user } from '../test-support/harness';
import { can, primaryRole } from './permissions';

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
