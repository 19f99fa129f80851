/** Apollo's own request errors, in the lower case the GraphQL edge gives them (format-error.ts). */
export const apolloErrorCodes = [
  'graphql_parse_failed',
  'graphql_validation_failed',
  'bad_user_input',
  'persisted_query_not_found',
  'persisted_query_not_supported',
  'operation_resolution_failure',
] as const;

/**
 * Every error code the control plane answers with, REST and GraphQL alike: the one closed list.
 * The server's errors can only carry these (`DomainError`), and the admin must have a sentence for
 * each (admin-vue/src/messages.ts), so a new code is added here first and the compiler finds every
 * place that has to know about it.
 */
export const errorCodes = [
  // Requests that cannot be read or answered
  'invalid_input',
  'malformed_json',
  'payload_too_large',
  'unsupported_encoding',
  'bad_request',
  'route_not_found',
  'not_found',
  'internal',
  'unavailable',
  // GraphQL requests refused before they run
  ...apolloErrorCodes,
  'operation_not_supported',
  'query_too_complex',
  // Who is asking
  'unauthenticated',
  'invalid_credentials',
  'invalid_token',
  'token_expired',
  'invalid_refresh_token',
  'refresh_token_expired',
  'refresh_token_reused',
  'invalid_email_token',
  'email_not_verified',
  'rate_limited',
  'forbidden',
  'org_context_forbidden',
  'org_context_invalid',
  'agency_not_approved',
  'suspended_by_platform',
  'suspended_from_above',
  'invalid_metrics_token',
  'metrics_loopback_only',
  'git_auth_required',
  'git_read_only',
  // Accounts and members
  'email_taken',
  'already_member',
  'invitation_not_found',
  'role_too_high',
  'role_not_allowed_here',
  'password_required',
  'wrong_password',
  'member_not_found',
  'last_admin',
  'email_already_verified',
  // Organizations, registration, tenants
  'slug_taken',
  'slug_invalid',
  'slug_reserved',
  'organization_not_found',
  'tenant_not_found',
  'no_tenant',
  'agency_request_not_found',
  'agency_request_decided',
  'partner_group_not_found',
  'partner_group_not_empty',
  'not_an_agency',
  // Clusters and placement
  'cluster_not_found',
  'cluster_exists',
  'cluster_not_empty',
  'no_cluster_capacity',
  'parent_is_partner_group',
  'invalid_state',
  'theme_not_found',
  'plugin_not_found',
  'catalog_entry_in_use',
  'unknown_theme',
  'unknown_plugin',
  'theme_not_for_project_type',
  'render_failed',
  'image_invalid',
  'image_registry_not_allowed',
  'image_not_pinned',
  'provision_failed',
  // Change requests and review
  'change_request_not_found',
  'change_not_pending',
  'change_failed',
  'not_approved',
  'self_approval',
  'superadmin_required',
  'revert_unavailable',
  'already_approved',
  'reason_required',
  'review_on_git_host',
  'git_host_failed',
  'drift',
  'conflict',
  // The GitOps repository
  'commit_not_found',
  'head_moved',
  'concurrent_update',
  'ref_locked',
  'path_conflict',
  'branch_exists',
  'branch_not_found',
  'branch_protected',
  'branch_name_invalid',
  'tenant_path_invalid',
  'tenant_dir_invalid',
  'cluster_dir_invalid',
  'commit_message_invalid',
  'mass_deletion_refused',
  'remote_unavailable',
  'remote_auth_failed',
  'remote_rejected',
  'git_command_failed',
  'git_auth_invalid',
  // Media (S3)
  'storage_unavailable',
  'media_not_found',
  'media_name_invalid',
  'media_type_not_allowed',
  'media_too_large',
  'media_quota_exceeded',
  'media_public_not_configured',
  // Custom domains
  'domain_invalid',
  'domain_taken',
  'domain_limit',
  'domain_not_found',
  // Credits
  'insufficient_credits',
  'idempotency_key_reused',
  'takeback_exceeds_granted',
  'limit_reached',
  'unknown_feature',
  'invalid_api_key',
  'api_key_not_found',
  'payments_not_configured',
  'unknown_pack',
  'purchase_not_found',
  // Moves between clusters, point-in-time restores (control-plane/src/moves)
  'tenant_not_live',
  'move_in_progress',
  'same_cluster',
  'cluster_closed',
  'restore_time_out_of_range',
  'nothing_to_release',
  'release_not_ready',
  // Webhooks from the cluster and the git host
  'invalid_signature',
  'webhook_not_configured',
  'invalid_event',
  'sync_contention',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const known: ReadonlySet<string> = new Set(errorCodes);

/** Whether a string from the wire is one of the codes above. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && known.has(value);
}
