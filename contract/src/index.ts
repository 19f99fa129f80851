// Public API of @luster/contract; this file only re-exports.
export { apolloErrorCodes, type ErrorCode, errorCodes, isErrorCode } from './error-codes.js';
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
