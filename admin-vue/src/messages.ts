/**
 * The one place a failure becomes the sentence a person reads (STYLE §10).
 * Keyed by the server's stable error codes; an unknown code falls back to the
 * server's own message, and an unexpected failure to a generic sentence with
 * the request id so support can find it in the logs.
 */
import { ApiError } from './api';
import { roleLabels } from './lib/permissions';
import type { Role } from './types';

const messages: Record<string, string> = {
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
  weak_password: 'Choose a longer password (at least 12 characters).',
  slug_invalid: 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.',
  slug_reserved: 'This address is reserved. Choose another one.',
  invalid_refresh_token: 'Your session has expired. Please sign in again.',
  refresh_token_expired: 'Your session has expired. Please sign in again.',
  invalid_email_token: 'This link is invalid or has expired.',
  invalid_signature: 'The signature is missing or wrong.',
  already_member: 'This person is already a member of this organization.',
  role_too_high: 'You can only grant roles up to your own here.',
  suspended_by_platform: 'The platform suspended this organization. Only the platform can resume it.',
  suspended_from_above: 'An organization above yours suspended this one. Only it can resume it.',
  agency_not_approved:
    'Your agency is waiting for the platform’s approval. You can make changes once it is approved.',
  role_not_allowed_here: 'This role cannot be granted in this organization.',
  agency_request_decided: 'Someone else already decided on this request. Reload to see the outcome.',
  agency_request_not_found: 'This agency request no longer exists.',
  change_request_not_found: 'This change request does not exist, or you cannot see it.',
  organization_not_found: 'This organization does not exist, or you cannot see it.',
  tenant_not_found: 'This organization has no tenant.',
  theme_not_found: 'This theme version is not in the catalog.',
  render_failed: 'The manifests for this change could not be rendered. Nothing was committed.',
  no_tenant: 'This organization has no tenant to change.',
  cannot_approve_own: 'You cannot approve a change you requested yourself.',
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
  merge_conflict: 'This change no longer applies cleanly to main. Ask the requester to redo it.',
  invalid_state: 'This action is not possible in the current state. Reload to see the latest.',
  invalid_transition: 'This action is not possible in the current state. Reload to see the latest.',
  already_decided: 'Someone else already decided on this request. Reload to see the outcome.',
  purge_requires_deprovision: 'Deprovision the tenant before requesting a purge of its data.',
  unknown_theme: 'This theme is not in the catalog.',
  unknown_plugin: 'This plugin is not in the catalog.',
  conflict: 'Someone else changed this at the same time. Reload and try again.',
  unavailable: 'The service is temporarily unavailable. Try again in a moment.',
  git_unavailable: 'The GitOps repository is busy or unreachable. Try again in a moment.',
  internal: 'Something went wrong on our side.',
  http_error: 'The control plane answered with an unexpected error.',
};

/** The sentence to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const known = messages[error.code];
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
  weak_password: 'password',
  already_member: 'email',
  role_too_high: 'role',
};
