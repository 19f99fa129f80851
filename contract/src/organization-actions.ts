/**
 * What a person may do on one organization: the rows of the control plane's permission table
 * (control-plane/src/access/permissions.ts, keyed by exactly this list). Every organization view
 * carries `allowedActions`, the ones its viewer may take there now, so the admin shows a control
 * only when the server would accept it and never re-derives the table.
 */
export const organizationActions = [
  'organization.read',
  'organization.create',
  'organization.update',
  'organization.update_tier',
  'organization.suspend',
  'organization.resume',
  'organization.deprovision',
  'organization.purge',
  'organization.move',
  'organization.restore',
  'users.read',
  'users.invite',
  'users.manage',
  'media.read',
  'media.write',
  'domains.read',
  'domains.manage',
  'credits.read',
  'credits.grant',
  'credits.take_back',
  'credits.limit',
  'credits.api_keys',
  'credits.buy',
] as const;
export type OrganizationAction = (typeof organizationActions)[number];

/**
 * What a person may do on the platform as a whole, not on one organization: the rows of the
 * server's platform table (`platformPermissionTable`, keyed by exactly this list). `GET /me`
 * carries `platformActions`, the ones the signed-in person may take.
 */
export const platformActions = [
  'agency_requests.review',
  'catalog.write',
  'changes.approve',
  'changes.reassert',
  'changes.bulk_delete',
  'auth.locks',
  'credits.prices',
  'credits.packs',
  'partner_groups.manage',
  'clusters.manage',
] as const;
export type PlatformAction = (typeof platformActions)[number];
