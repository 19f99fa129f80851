import type { Organization } from '../../api/models';

/**
 * Where the person may add clients: the platform or an agency whose view allows
 * `organization.create` (the server's own answer, so an agency still awaiting approval offers none).
 */
export function clientParents(orgs: readonly Organization[]): Organization[] {
  return orgs.filter((o) => o.kind !== 'organization' && o.allowedActions.includes('organization.create'));
}
