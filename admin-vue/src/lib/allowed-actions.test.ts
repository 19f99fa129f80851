import { describe, expect, it } from 'vitest';
import { org } from '../test-support/harness';
import { can } from './allowed-actions';

describe('what the interface offers on an organization', () => {
  const client = org({ id: 'client', allowedActions: ['organization.read', 'organization.suspend'] });

  it('offers exactly the actions the server listed for the viewer', () => {
    expect(can(client, 'organization.suspend')).toBe(true);
    expect(can(client, 'organization.resume')).toBe(false);
  });

  it('offers nothing on an organization not loaded yet', () => {
    expect(can(null, 'organization.read')).toBe(false);
    expect(can(undefined, 'organization.read')).toBe(false);
  });
});
