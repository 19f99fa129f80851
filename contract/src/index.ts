// Public API of @luster/contract; this file only re-exports.

export { type ChangeKind, type ChangeState, changeKinds, changeStates } from './changes.js';
export { apolloErrorCodes, type ErrorCode, errorCodes, isErrorCode } from './error-codes.js';
export {
  type OrganizationAction,
  organizationActions,
  type PlatformAction,
  platformActions,
} from './organization-actions.js';
export { reservedSlugs, SLUG_MAX, SLUG_MIN, type SlugProblem, slugify, slugProblem } from './slug.js';
export { type SyncStatus, syncStatuses } from './sync-statuses.js';
export {
  canTransition,
  editableTenantStates,
  isEditable,
  liveTenantStates,
  type RenderedTenantState,
  renderedTenantStates,
  type TenantAction,
  type TenantState,
  type TenantTransition,
  tenantStates,
  tenantTransitions,
  unapprovedTenantStates,
} from './tenant-states.js';
