import type { OrganizationAction } from '@luster/contract';
import type { Organization } from '../api/models';

/**
 * Whether the signed-in person may take `action` on `org` now, as the server said when it sent
 * the organization (`allowedActions`: its permission table, approval gate and the tenant's state).
 * The interface offers a control only then; the server checks everything again on the write.
 */
export function can(
  org: Pick<Organization, 'allowedActions'> | null | undefined,
  action: OrganizationAction,
): boolean {
  return org?.allowedActions.includes(action) ?? false;
}
