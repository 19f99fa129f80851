/**
 * The one place a failure becomes the sentence a person reads (STYLE §10).
 * Keyed by the server's stable error codes; an unknown code falls back to the
 * server's own message, and an unexpected failure to a generic sentence with
 * the request id so support can find it in the logs.
 */
import type { ErrorCode } from '@luster/contract';
import { ApiError } from './api';
import type { Role } from './api/models';
import { roleLabels } from './lib/permissions';

/** Failures the admin itself raises, before or instead of a server answer. */
type ClientErrorCode = 'network_error' | 'http_error' | 'session_expired';

/** A sentence for every code the server can answer with (the contract's closed list), and the admin's own. */
const messages: Record<ErrorCode | ClientErrorCode, string> = {
  network_error: 'The control plane cannot be reached. Check your connection and try again.',
  unauthenticated: 'Please sign in to continue.',
  invalid_credentials: 'That email and password do not match an account.',
  session_expired: 'Your session has expired. Please sign in again.',
  token_expired: 'Your session has expired. Please sign in again.',
  invalid_token: 'This link is invalid or has already been used.',
  forbidden: 'You do not have permission to do this.',
  not_found: 'This item does not exist, or you cannot see it.',
  route_not_found: 'This part of the API is not available on this control plane yet.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  invalid_input: 'Some fields need attention.',
  malformed_json: 'The request could not be read. Reload the page and try again.',
  payload_too_large: 'That is too large to send.',
  slug_taken: 'This address is already taken. Choose another one.',
  email_taken: 'An account with this email already exists. Sign in instead.',
  email_not_verified: 'Verify your email address first: we sent you a link.',
  slug_invalid: 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.',
  slug_reserved: 'This address is reserved. Choose another one.',
  invalid_refresh_token: 'Your session has expired. Please sign in again.',
  refresh_token_expired: 'Your session has expired. Please sign in again.',
  invalid_email_token: 'This link is invalid, has expired or was withdrawn.',
  invalid_signature: 'The signature is missing or wrong.',
  already_member: 'This person is already a member of this organization.',
  invitation_not_found: 'This invitation no longer exists: it was accepted, declined or withdrawn.',
  role_too_high: 'You can only grant roles up to your own here.',
  suspended_by_platform: 'The platform suspended this organization. Only the platform can resume it.',
  suspended_from_above: 'An organization above yours suspended this one. Only it can resume it.',
  agency_not_approved:
    'Your agency is waiting for the platform’s approval. You can make changes once it is approved.',
  role_not_allowed_here: 'This role cannot be granted in this organization.',
  agency_request_decided: 'Someone else already decided on this request. Reload to see the outcome.',
  agency_request_not_found: 'This agency request no longer exists.',
  partner_group_not_found: 'This partner group does not exist.',
  partner_group_not_empty:
    'This partner group still holds agencies or credits. Move its agencies out and take its credits back first.',
  not_an_agency: 'Only agencies can be moved into a partner group.',
  cluster_not_found: 'This cluster does not exist.',
  cluster_exists: 'A cluster with this name exists already. Choose another name.',
  cluster_not_empty: 'This cluster still runs tenants. Move them to another cluster before deleting it.',
  no_cluster_capacity:
    'No cluster accepts new sites right now: every one is full or closed to new tenants. Try again later or contact the platform.',
  parent_is_partner_group:
    'A partner group holds agencies only. Create the client under one of its agencies.',
  change_request_not_found: 'This change request does not exist, or you cannot see it.',
  organization_not_found: 'This organization does not exist, or you cannot see it.',
  tenant_not_found: 'This organization has no tenant.',
  theme_not_found: 'This theme version is not in the catalog.',
  plugin_not_found: 'This plugin is not in the catalog.',
  catalog_entry_in_use:
    'Organizations still use this catalog entry (or it is a default for new ones). Move them off it first, or withdraw it instead.',
  render_failed: 'The manifests for this change could not be rendered. Nothing was committed.',
  no_tenant: 'This organization has no tenant to change.',
  self_approval: 'You cannot approve a change you requested yourself.',
  not_approved: 'This change request must be approved before it can be merged.',
  superadmin_required: 'A bulk deletion must be approved by two different superadmins.',
  already_approved: 'You have already approved this change; a second person must approve it too.',
  review_on_git_host:
    'This change is reviewed as a pull request on the git host. Approve and merge it there.',
  revert_unavailable: 'This change recorded no state to return to, so it cannot be reverted.',
  drift:
    'Someone edited these files by hand in the GitOps repository and this change would overwrite them. A superadmin must re-assert the rendered state first.',
  mass_deletion_refused:
    'This would remove several tenants at once. It needs a bulk deletion approved by two superadmins.',
  commit_not_found: 'This commit is not part of this organization’s history.',
  webhook_not_configured: 'This webhook is not configured on the control plane.',
  invalid_state: 'This action is not possible in the current state. Reload to see the latest.',
  unknown_theme: 'This theme is not in the catalog.',
  unknown_plugin: 'This plugin is not in the catalog.',
  conflict: 'Someone else changed this at the same time. Reload and try again.',
  unavailable: 'The service is temporarily unavailable. Try again in a moment.',
  storage_unavailable:
    'Media storage cannot be reached right now. Nothing was changed; try again in a moment.',
  media_not_found: 'This file does not exist (any more) in this organization.',
  media_name_invalid:
    'This file name cannot be used. Use a plain name without slashes or control characters.',
  media_type_not_allowed: 'Files of this type cannot be uploaded.',
  media_too_large: 'This file is larger than a single upload may be.',
  media_quota_exceeded: "This upload would exceed the organization's media storage quota.",
  media_public_not_configured:
    'Public files need a CDN address (MEDIA_PUBLIC_BASE_URL) set by the platform; upload it as a private file.',
  domain_invalid: 'That is not a hostname a site can be served on.',
  domain_taken: 'That domain is already in use on this platform.',
  domain_limit: "The organization's tier allows no more custom domains.",
  domain_not_found: 'That domain was not found.',
  insufficient_credits: "The organization's credits do not cover this.",
  idempotency_key_reused: 'This request repeats an earlier one with different values. Reload and try again.',
  takeback_exceeds_granted: 'You can only take back credits your organization granted and that are left.',
  limit_reached: "This would go over the organization's monthly credit limit.",
  unknown_feature: 'This feature has no price, so its usage cannot be charged.',
  invalid_api_key: 'The API key is missing, wrong or revoked.',
  api_key_not_found: 'This API key does not exist (any more).',
  tenant_not_live: 'Only a live (active) site can be moved or restored.',
  move_in_progress:
    'A move or restore of this site is already under way. Finish it (release the old copy) or reject it first.',
  same_cluster: 'The site already runs on this cluster.',
  cluster_closed: 'This cluster does not accept tenants now. Choose another one.',
  restore_time_out_of_range: 'Choose a time inside the backup window shown.',
  nothing_to_release: 'There is no old copy of this site to release.',
  release_not_ready:
    'The site is not reported Ready on its new database yet. Release the old copy once it is.',
  payments_not_configured: 'Buying credits is not available on this platform. Ask your agency for credits.',
  unknown_pack: 'This credit pack is not on offer (any more). Reload and pick another.',
  purchase_not_found: 'This purchase does not exist in this organization.',
  internal: 'Something went wrong on our side.',
  http_error: 'The control plane answered with an unexpected error.',
  bad_request: 'The request could not be read. Reload the page and try again.',
  unsupported_encoding: 'The request could not be read. Reload the page and try again.',
  graphql_parse_failed: 'The query could not be read.',
  graphql_validation_failed: 'The query asks for something the API does not have.',
  bad_user_input: 'Some values in the query are not valid.',
  persisted_query_not_found: 'The query must be sent in full.',
  persisted_query_not_supported: 'The query must be sent in full.',
  operation_resolution_failure: 'The query names no operation that can run.',
  operation_not_supported: 'Subscriptions are not supported; live updates come from the event stream.',
  query_too_complex: 'This query asks for too much at once. Ask for fewer items or fields.',
  org_context_forbidden: 'You are not a member of that organization.',
  org_context_invalid: 'That organization context is not valid.',
  invalid_metrics_token: 'The metrics token is missing or wrong.',
  metrics_loopback_only: 'Metrics are only served to this machine unless a metrics token is configured.',
  git_auth_required: 'The GitOps repository needs its read token.',
  git_auth_invalid: 'The GitOps repository read token is wrong.',
  git_read_only: 'The GitOps repository cannot be pushed to.',
  refresh_token_reused: 'Your session was used elsewhere and has been ended. Please sign in again.',
  password_required: 'Choose a password to finish setting up your account.',
  wrong_password: 'Your current password is not right.',
  member_not_found: 'This person is no longer a member of this organization.',
  last_admin: 'Every organization needs at least one administrator: make someone else one first.',
  email_already_verified: 'Your email address is already verified.',
  theme_not_for_project_type: 'This theme does not fit the project type.',
  image_invalid: 'The image must be a full reference: registry host, repository and tag.',
  image_registry_not_allowed: 'Theme images must come from one of the allowed registries.',
  image_not_pinned: "Pin the image to a version tag or a digest, never 'latest'.",
  provision_failed: 'New sites cannot be set up right now. The platform team has to fix the catalog.',
  change_not_pending: 'This change request has already been decided. Reload to see the outcome.',
  change_failed: 'The change could not be committed, so nothing changed. Ask the platform team.',
  reason_required: 'Give a reason, so the history says why.',
  git_host_failed: 'The git host did not answer. Try again in a moment.',
  head_moved: 'Someone else changed the repository at the same time. Try again.',
  concurrent_update: 'Someone else changed the repository at the same time. Try again.',
  ref_locked: 'The GitOps repository is busy. Try again in a moment.',
  path_conflict: 'This change conflicts with files already in the repository.',
  branch_exists: 'A review branch for this change already exists.',
  branch_not_found: 'The review branch of this change no longer exists.',
  branch_protected: 'The main branch cannot be deleted.',
  branch_name_invalid: 'That branch name is not valid.',
  tenant_path_invalid: 'A file of this change would land outside the tenant’s folder.',
  tenant_dir_invalid: 'The tenant’s folder is not valid.',
  cluster_dir_invalid: 'The cluster’s folder in the GitOps repository is not valid.',
  commit_message_invalid: 'The commit message for this change could not be written.',
  remote_unavailable:
    'The GitOps remote cannot be reached. Your change is saved and will be pushed when it can.',
  remote_auth_failed: 'The GitOps remote refused the control plane’s credentials. An operator must fix them.',
  remote_rejected: 'The GitOps remote refused the change. Try again in a moment.',
  git_command_failed: 'The GitOps repository could not be written. Try again in a moment.',
  gitops_layout_legacy:
    'Changes to sites on this cluster are paused until the platform team upgrades the GitOps repository. Nothing was changed.',
  invalid_event: 'The report is not a Flux or Argo CD event.',
  sync_contention: 'Too many reports at once. They will be retried.',
};
/** Codes arrive as strings: one this admin does not know (a newer server) finds nothing. */
const byCode: Readonly<Record<string, string | undefined>> = messages;

/** The sentence for a code the admin already knows the server would answer, to say it before asking. */
export function messageFor(code: ErrorCode): string {
  return messages[code];
}

/** The sentence to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const known = byCode[error.code];
    if (error.code === 'internal' || (!known && error.status >= 500))
      return `${messages.internal} ${error.requestId ? `Reference: ${error.requestId}.` : ''}`.trim();
    if (error.code === 'rate_limited' && typeof error.details?.retryAfterSeconds === 'number')
      return `Too many attempts. Try again in ${error.details.retryAfterSeconds} seconds.`;
    if (error.code === 'role_too_high' && typeof error.details?.yours === 'string')
      return `You can only grant roles up to ${roleLabels[error.details.yours as Role] ?? error.details.yours} here.`;
    if (!known && error.status === 404 && error.code !== 'route_not_found') return messages.not_found ?? '';
    return known ?? (error.message || messages.http_error) ?? '';
  }
  return 'Something unexpected happened. Reload the page and try again.';
}

/**
 * Validation issues by field name (`details.issues[].path`, first segment), for inline messages.
 * With `within`, only the issues inside that object, by their field in it
 * (`body.branding.logoUrl` → `logoUrl` within `branding`).
 */
export function fieldErrors(error: unknown, within?: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details?.issues ?? []) {
    // Paths name where the value was read first (`body.slug`, `query.tier`).
    const segments = String(issue.path)
      .split(/[.[\]]/)
      .filter((s) => s && !['body', 'query', 'params'].includes(s));
    const named = within === undefined ? segments : segments[0] === within ? segments.slice(1) : [];
    const field = named[0] ?? '';
    if (field) out[field] ??= sentence(withoutOwnName(issue.message, segments.join('.')));
  }
  if (within !== undefined) return out;
  // Conflicts name their field by code rather than by issue.
  const field = typeof error.details?.field === 'string' ? error.details.field : fieldOfCode[error.code];
  if (field && !out[field]) out[field] = errorMessage(error);
  return out;
}

/** Synth's messages start with the path they are about (`branding.logoUrl must be …`); beside the field that name is noise. */
function withoutOwnName(text: string, path: string): string {
  return path && text.startsWith(`${path} `) ? text.slice(path.length + 1) : text;
}

/** Zod's "must be at least 12 characters" → "Must be at least 12 characters." */
function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return `${t[0]?.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

const fieldOfCode: Record<string, string> = {
  slug_taken: 'slug',
  slug_invalid: 'slug',
  slug_reserved: 'slug',
  email_taken: 'email',
  already_member: 'email',
  role_too_high: 'role',
};
