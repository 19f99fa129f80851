import type { Http } from './http';
import type {
  ActionPreview,
  ActionResult,
  InviteInput,
  NewClientInput,
  OrganizationFilters,
  Role,
  TenantAction,
} from './models';

/** Organizations, their tenants' actions and views, and their members. */
export function organizationsApi(http: Http) {
  const byId = (id: string) => ({ path: { id } });
  return {
    /** `context` overrides the header, e.g. null (every visible organization) to fill the context switcher. */
    list: (filters: OrganizationFilters = {}, context?: string | null) =>
      http.call('get', '/organizations', { query: filters, context }),
    get: (id: string) => http.call('get', '/organizations/{id}', byId(id)),
    /** Creates a client organization and commits its provisioning. */
    create: (input: NewClientInput) => http.call('post', '/organizations', { body: input }),
    /** The files creating that client would commit; nothing is created. */
    previewCreate: (input: NewClientInput) => http.call('post', '/organizations/preview', { body: input }),
    sync: (id: string) => http.call('get', '/organizations/{id}/sync', byId(id)),
    manifests: (id: string) => http.call('get', '/organizations/{id}/manifests', byId(id)),
    async history(id: string) {
      return (await http.call('get', '/organizations/{id}/history', byId(id))).items;
    },
    async members(id: string) {
      return (await http.call('get', '/organizations/{id}/users', byId(id))).items;
    },
    /** Adds a member; an unknown email gets a new account and an invitation mail. */
    invite: (id: string, input: InviteInput) =>
      http.call('post', '/organizations/{id}/users', { ...byId(id), body: input }),
    /** Never above the caller's own role; never the last admin away (409 last_admin). */
    changeRole: (id: string, userId: string, role: Role) =>
      http.call('patch', '/organizations/{id}/users/{userId}', { path: { id, userId }, body: { role } }),
    removeMember: (id: string, userId: string) =>
      http.call('delete', '/organizations/{id}/users/{userId}', { path: { id, userId } }),
    /** Mails an open invitation again (a new link; 429 rate_limited past the limit). */
    resendInvitation: (id: string, userId: string) =>
      http.call('post', '/organizations/{id}/invitations/{userId}/resend', { path: { id, userId } }),
    /** Withdraws an open invitation: its link stops working. */
    cancelInvitation: (id: string, userId: string) =>
      http.call('delete', '/organizations/{id}/invitations/{userId}', { path: { id, userId } }),
    /** The per-file diff of one commit touching the tenant. */
    async commitDiff(id: string, sha: string) {
      return (await http.call('get', '/organizations/{id}/history/{sha}', { path: { id, sha } })).files;
    },
    /** Hand edits the reconcile pass found in the tenant's folder (`drift: null` when none). */
    drift: (id: string) => http.call('get', '/organizations/{id}/drift', byId(id)),
    /** Overwrites the hand edits with what synth renders from the database, as a new commit. */
    reassert: (id: string, reason?: string) =>
      http.call('post', '/organizations/{id}/reassert', { ...byId(id), body: reason ? { reason } : {} }),
    /** The diff returning the tenant to its state right after `changeId` would commit; nothing is written. */
    previewRevert: (id: string, changeId: string) =>
      http.call('post', '/organizations/{id}/revert/preview', { ...byId(id), body: { changeId } }),
    /** Returns the tenant to its state right after `changeId`, as a new commit (or a change awaiting review). */
    revert: (id: string, changeId: string, reason?: string) =>
      http.call('post', '/organizations/{id}/revert', {
        ...byId(id),
        body: { changeId, ...(reason ? { reason } : {}) },
      }),
    /** The diff the action would commit; nothing is written. */
    preview(id: string, action: TenantAction): Promise<ActionPreview> {
      switch (action.kind) {
        case 'update':
          return http.call('post', '/organizations/{id}/preview', { ...byId(id), body: action.patch });
        case 'resume':
          return http.call('post', '/organizations/{id}/resume/preview', { ...byId(id), body: {} });
        default:
          return http.call('post', `/organizations/{id}/${action.kind}/preview`, {
            ...byId(id),
            body: action.reason ? { reason: action.reason } : {},
          });
      }
    },
    /** Commits the action (or opens a change request awaiting review). */
    apply(id: string, action: TenantAction): Promise<ActionResult> {
      switch (action.kind) {
        case 'update':
          return http.call('patch', '/organizations/{id}', { ...byId(id), body: action.patch });
        case 'resume':
          return http.call('post', '/organizations/{id}/resume', { ...byId(id), body: {} });
        default:
          return http.call('post', `/organizations/{id}/${action.kind}`, {
            ...byId(id),
            body: action.reason ? { reason: action.reason } : {},
          });
      }
    },
  };
}
