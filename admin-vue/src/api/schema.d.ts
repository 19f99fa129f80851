/**
 * Generated from the control plane's OpenAPI document (its routes' zod schemas); do not edit.
 * Regenerate with `npm run api:types -w admin-vue`; a control-plane test fails when it is stale.
 */

export type paths = {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which API this is */
        get: operations["get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events of the status changes the actor may see (EventSource sends no headers: the token may come as ?access_token=) */
        get: operations["getEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token (reuse of a rotated token revokes its whole family) */
        post: operations["postAuthRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the refresh token's family */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an email address (or accept an invitation with a password) */
        post: operations["postAuthVerifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/locks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client address + account pairs locked by failed sign-ins (superadmins) */
        get: operations["getAuthLocks"];
        put?: never;
        post?: never;
        /** Lift the sign-in lock of one client address + account pair (superadmins) */
        delete: operations["deleteAuthLocks"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user with memberships and roles */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your display name */
        patch: operations["patchMe"];
        trace?: never;
    };
    "/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a one-time password-reset link (the same answer whether the address has an account) */
        post: operations["postAuthPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the link from the reset mail (signs the account out everywhere) */
        post: operations["postAuthPasswordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password (other sessions are signed out; this one gets new tokens) */
        post: operations["postMePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/verification-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the email-verification link again */
        post: operations["postMeVerificationEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register an organization (provisioned at once) or an agency (queued for review) */
        post: operations["postRegistrations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agency-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agency registrations (superadmins) */
        get: operations["getAgencyRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agency-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: provision the agency and send the welcome email */
        post: operations["postAgencyRequestsIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agency-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a reason (emailed to the applicant) */
        post: operations["postAgencyRequestsIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visible organizations, paginated by slug (filters: state, sync, tier, parentId, cluster), with counts by state and sync status */
        get: operations["getOrganizations"];
        put?: never;
        /** Create a client organization (under the actor's agency; superadmins anywhere) */
        post: operations["postOrganizations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The files creating this client would commit, without creating anything */
        post: operations["postOrganizationsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organization with its tenant state */
        get: operations["getOrganizationsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change display name, tier, theme or plugins (a change request and a commit) */
        patch: operations["patchOrganizationsId"];
        trace?: never;
    };
    "/organizations/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The diff a PATCH with this body would commit, without committing it */
        post: operations["postOrganizationsIdPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend the tenant (a change request and a commit) */
        post: operations["postOrganizationsIdSuspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/suspend/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The diff suspend would commit, without committing it */
        post: operations["postOrganizationsIdSuspendPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume the tenant (a change request and a commit) */
        post: operations["postOrganizationsIdResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/resume/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The diff resume would commit, without committing it */
        post: operations["postOrganizationsIdResumePreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/deprovision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deprovision the tenant (a change request and a commit) */
        post: operations["postOrganizationsIdDeprovision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/deprovision/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The diff deprovision would commit, without committing it */
        post: operations["postOrganizationsIdDeprovisionPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request a purge: waits for approval by a superadmin or reviewer who is not the requester */
        post: operations["postOrganizationsIdPurge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/purge/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The diff purge would commit, without committing it */
        post: operations["postOrganizationsIdPurgePreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync status of the tenant (Pending, Reconciling, Ready, Failed, Stale) */
        get: operations["getOrganizationsIdSync"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's change requests, newest first */
        get: operations["getOrganizationsIdChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of the organization */
        get: operations["getOrganizationsIdUsers"];
        put?: never;
        /** Invite a user with a role at or below your own */
        post: operations["postOrganizationsIdUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's pending invitations into organizations */
        get: operations["getMeInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the invitation into organization :id (the membership grants its role from now on) */
        post: operations["postMeInvitationsIdAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/invitations/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the invitation into organization :id (the pending membership is removed) */
        post: operations["postMeInvitationsIdDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/manifests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's files at the head of main */
        get: operations["getOrganizationsIdManifests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commits that touched the tenant, newest first, with trailers */
        get: operations["getOrganizationsIdHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/history/{sha}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One commit of the tenant's history with the diff of its folder */
        get: operations["getOrganizationsIdHistorySha"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member, or cancel a pending invitation (not the last admin) */
        delete: operations["deleteOrganizationsIdUsersUserId"];
        options?: never;
        head?: never;
        /** Change a member's role (never above your own, never the last admin away) */
        patch: operations["patchOrganizationsIdUsersUserId"];
        trace?: never;
    };
    "/organizations/{id}/invitations/{userId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail an open invitation again (a new link for an account without a password; rate-limited) */
        post: operations["postOrganizationsIdInvitationsUserIdResend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/invitations/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an open invitation: its link and its acceptance stop working */
        delete: operations["deleteOrganizationsIdInvitationsUserId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partner-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The visible partner groups with their agencies (superadmins: all; group admins: their own) */
        get: operations["getPartnerGroups"];
        put?: never;
        /** Create a partner group under the platform (superadmins) */
        post: operations["postPartnerGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partner-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an empty partner group (superadmins): its group admins lose their membership; 409 partner_group_not_empty while it holds agencies or credits */
        delete: operations["deletePartnerGroupsId"];
        options?: never;
        head?: never;
        /** Rename a partner group (superadmins); its slug stays */
        patch: operations["patchPartnerGroupsId"];
        trace?: never;
    };
    "/partner-groups/{id}/agencies/{agencyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move an agency, with everything below it, into the group (superadmins) */
        put: operations["putPartnerGroupsIdAgenciesAgencyId"];
        post?: never;
        /** Move an agency of the group, with everything below it, back under the platform (superadmins) */
        delete: operations["deletePartnerGroupsIdAgenciesAgencyId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every cluster with its tenants, load and health (superadmins) */
        get: operations["getClusters"];
        put?: never;
        /** Add a cluster (superadmins): the row and its entry point clusters/<name>/ committed as a platform commit; 409 cluster_exists */
        post: operations["postClusters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cluster-choices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clusters accepting tenants, with region, labels and room left: what a tenant may be moved to (holders of organization.move) */
        get: operations["getClusterChoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clusters/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cluster and one page of its tenants by slug (superadmins); 404 cluster_not_found */
        get: operations["getClustersName"];
        put?: never;
        post?: never;
        /** Delete a cluster no tenant names (superadmins); 409 cluster_not_empty otherwise */
        delete: operations["deleteClustersName"];
        options?: never;
        head?: never;
        /** Change region, capacity, labels or whether it accepts new tenants (superadmins); its tenants stay */
        patch: operations["patchClustersName"];
        trace?: never;
    };
    "/organizations/{id}/preferred-cluster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the cluster new tenants at or below the organization prefer (superadmins); a client inherits its agency's; null clears it */
        put: operations["putOrganizationsIdPreferredCluster"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/change-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Change requests, newest first (reviewers see all, others those of visible organizations) */
        get: operations["getChangeRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/change-requests/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request the purge of several deprovisioned tenants in one change (superadmins; two other superadmins approve) */
        post: operations["postChangeRequestsBulkDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/change-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One change request with per-file unified diffs */
        get: operations["getChangeRequestsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/change-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a change pending review (superadmin or reviewer, never the requester) */
        post: operations["postChangeRequestsIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/change-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a change pending review or approved, with a reason */
        post: operations["postChangeRequestsIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/change-requests/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge an approved change into main (re-rendered on top of main as it is now) */
        post: operations["postChangeRequestsIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hand edits found in the tenant's folder by the reconcile pass (null when none) */
        get: operations["getOrganizationsIdDrift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/reassert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Overwrite hand edits: commit exactly what synth renders from the DB (superadmins) */
        post: operations["postOrganizationsIdReassert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return the tenant to its state right after an earlier change (a new commit) */
        post: operations["postOrganizationsIdRevert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/revert/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The diff that revert would commit, without committing it */
        post: operations["postOrganizationsIdRevertPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/catalog/themes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Theme versions, newest first per theme */
        get: operations["getCatalogThemes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/catalog/plugins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plugins */
        get: operations["getCatalogPlugins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/catalog/themes/{name}/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add or edit a theme version (superadmins) */
        put: operations["putCatalogThemesNameVersion"];
        post?: never;
        /** Delete a theme version no tenant uses (superadmins); 409 catalog_entry_in_use names the organizations still on it, and refuses a default */
        delete: operations["deleteCatalogThemesNameVersion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/catalog/plugins/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add or edit a plugin (superadmins) */
        put: operations["putCatalogPluginsKey"];
        post?: never;
        /** Delete a plugin no tenant uses (superadmins); 409 catalog_entry_in_use names the organizations still using it */
        delete: operations["deleteCatalogPluginsKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Media of every visible organization (an agency: its own and its clients) */
        get: operations["getMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's media (filters: prefix, year, month; cursor pagination) */
        get: operations["getOrganizationsIdMedia"];
        put?: never;
        post?: never;
        /** Delete an object (S3 first; with S3 down nothing is changed) */
        delete: operations["deleteOrganizationsIdMedia"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/media/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's bucket state and quota use */
        get: operations["getOrganizationsIdMediaStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/media/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A presigned PUT for a new object, bound to its key, content type and size */
        post: operations["postOrganizationsIdMediaUploads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/media/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an uploaded object as S3 stored it */
        post: operations["postOrganizationsIdMediaComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/media/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A presigned GET of an object */
        get: operations["getOrganizationsIdMediaDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's custom domains with the records to create and their three status lines */
        get: operations["getOrganizationsIdDomains"];
        put?: never;
        /** Claim a hostname: pending until its TXT and CNAME records are found */
        post: operations["postOrganizationsIdDomains"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/domains/{hostname}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One custom domain */
        get: operations["getOrganizationsIdDomainsHostname"];
        put?: never;
        post?: never;
        /** Remove a domain (a change request takes it out of the Ingress first) */
        delete: operations["deleteOrganizationsIdDomainsHostname"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/domains/{hostname}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the DNS records now (one check, recorded like the background ones) */
        post: operations["postOrganizationsIdDomainsHostnameCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/domains/{hostname}/primary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make a domain in the Ingress the canonical host; the other custom domains redirect to it */
        put: operations["putOrganizationsIdDomainsHostnamePrimary"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request a move to another cluster (reviewed): the database recovers there from this cluster's backups, the copy here is kept until released */
        post: operations["postOrganizationsIdMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/move/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The diff a move would commit, without committing it */
        post: operations["postOrganizationsIdMovePreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request a point-in-time restore (reviewed): a new database recovered up to that time, the current one kept until released */
        post: operations["postOrganizationsIdRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/restore/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The diff a restore would commit, without committing it */
        post: operations["postOrganizationsIdRestorePreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release the database a move or a restore kept (once the tenant is Ready on the new one): its prune guard is lifted, then it is removed */
        post: operations["postOrganizationsIdRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/backups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's database, backup schedule, restore window and what is known of its backups */
        get: operations["getOrganizationsIdBackups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's balance, limits and what usage spent this month */
        get: operations["getOrganizationsIdCredits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entries that moved the balance, newest first (filters: kind, from, to; format=csv: all of them) */
        get: operations["getOrganizationsIdCreditsLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant credits to this organization from your organization's balance (superadmin: issued) */
        post: operations["postOrganizationsIdCreditsGrants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits/takebacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back unspent credits your organization granted to this one (a reversal) */
        post: operations["postOrganizationsIdCreditsTakebacks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits/limit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set this client's monthly spend limit and overdraft (both replaced; by an organization above it) */
        put: operations["putOrganizationsIdCreditsLimit"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report usage with the organization's API key (Authorization: Bearer lck_…): debited at the feature's price; 402 insufficient_credits or 429 limit_reached carry the balance and limit in error.details */
        post: operations["postUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credits/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What each metered feature costs per unit */
        get: operations["getCreditsPrices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credits/prices/{feature}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a feature's price (superadmins) */
        put: operations["putCreditsPricesFeature"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage by feature per day or month */
        get: operations["getOrganizationsIdCreditsUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's API keys (never the keys themselves) */
        get: operations["getOrganizationsIdApiKeys"];
        put?: never;
        /** Issue an API key for the CMS; the key is in this answer only */
        post: operations["postOrganizationsIdApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (rotate: issue a new one, then revoke the old) */
        delete: operations["deleteOrganizationsIdApiKeysKeyId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credits/packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The credit packs on offer, and whether payments are configured at all */
        get: operations["getCreditsPacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credits/packs/{packId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace a credit pack (superadmins); purchases made keep their price */
        put: operations["putCreditsPacksPackId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy a credit pack: stores the purchase and opens a Stripe Checkout Session; send the buyer to `url`. 503 payments_not_configured without Stripe */
        post: operations["postOrganizationsIdCreditsCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's purchases, newest first: state (pending, paid, expired, failed, refunded), credits, price and times */
        get: operations["getOrganizationsIdCreditsPurchases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/credits/purchases/{purchaseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A purchase and where it stands (the return page follows it; `credits.purchase` events say when it changes) */
        get: operations["getOrganizationsIdCreditsPurchasesPurchaseId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Name and version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        name: "luster";
                        /** @constant */
                        version: "v1";
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getEvents: {
        parameters: {
            query?: {
                access_token?: string;
                context?: string;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream: `event: tenant.sync` (a new sync status), `tenant.state` (a new lifecycle state) or `credits.purchase` (a purchase credited, failed or refunded: `{ purchase, balance }`), `data: {"organizationId", "data": {…}}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address (case-insensitive)
                     */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (HS256), short-lived */
                        accessToken: string;
                        /** @description Opaque; single use, rotated on every refresh */
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        user: {
                            id: string;
                            email: string;
                            name: string;
                            /** @description False: the admin shows a reminder */
                            emailVerified: boolean;
                            roles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                            capabilities: string[];
                            /** @description The platform-wide actions the person may take: all for a superadmin, changes.approve for a reviewer */
                            platformActions: ("agency_requests.review" | "catalog.write" | "changes.approve" | "changes.reassert" | "changes.bulk_delete" | "auth.locks" | "credits.prices" | "credits.packs" | "partner_groups.manage" | "clusters.manage")[];
                            memberships: {
                                organizationId: string;
                                organizationName: string;
                                slug: string;
                                /** @enum {string} */
                                kind: "platform" | "partner_group" | "agency" | "organization";
                                /** @enum {string} */
                                role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                            }[];
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postAuthRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description New token pair */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (HS256), short-lived */
                        accessToken: string;
                        /** @description Opaque; single use, rotated on every refresh */
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        user: {
                            id: string;
                            email: string;
                            name: string;
                            /** @description False: the admin shows a reminder */
                            emailVerified: boolean;
                            roles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                            capabilities: string[];
                            /** @description The platform-wide actions the person may take: all for a superadmin, changes.approve for a reviewer */
                            platformActions: ("agency_requests.review" | "catalog.write" | "changes.approve" | "changes.reassert" | "changes.bulk_delete" | "auth.locks" | "credits.prices" | "credits.packs" | "partner_groups.manage" | "clusters.manage")[];
                            memberships: {
                                organizationId: string;
                                organizationName: string;
                                slug: string;
                                /** @enum {string} */
                                kind: "platform" | "partner_group" | "agency" | "organization";
                                /** @enum {string} */
                                role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                            }[];
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postAuthVerifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** @description Required when accepting an invitation */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /** @description False: the admin shows a reminder */
                        emailVerified: boolean;
                        roles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        capabilities: string[];
                        /** @description The platform-wide actions the person may take: all for a superadmin, changes.approve for a reviewer */
                        platformActions: ("agency_requests.review" | "catalog.write" | "changes.approve" | "changes.reassert" | "changes.bulk_delete" | "auth.locks" | "credits.prices" | "credits.packs" | "partner_groups.manage" | "clusters.manage")[];
                        memberships: {
                            organizationId: string;
                            organizationName: string;
                            slug: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            /** @enum {string} */
                            role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getAuthLocks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Locked pairs, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        locks: {
                            ip: string;
                            email: string;
                            /** @description ISO time the pair may sign in again */
                            lockedUntil: string;
                            /** @description Locks in a row; each doubles the wait, up to 24 h */
                            locks: number;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteAuthLocks: {
        parameters: {
            query: {
                ip: string;
                email: string;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlocked (or was not locked); its back-off is forgotten too */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /** @description False: the admin shows a reminder */
                        emailVerified: boolean;
                        roles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        capabilities: string[];
                        /** @description The platform-wide actions the person may take: all for a superadmin, changes.approve for a reviewer */
                        platformActions: ("agency_requests.review" | "catalog.write" | "changes.approve" | "changes.reassert" | "changes.bulk_delete" | "auth.locks" | "credits.prices" | "credits.packs" | "partner_groups.manage" | "clusters.manage")[];
                        memberships: {
                            organizationId: string;
                            organizationName: string;
                            slug: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            /** @enum {string} */
                            role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    patchMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Shown to other members and as the author of your commits */
                    name: string;
                };
            };
        };
        responses: {
            /** @description The updated user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        /** @description False: the admin shows a reminder */
                        emailVerified: boolean;
                        roles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        capabilities: string[];
                        /** @description The platform-wide actions the person may take: all for a superadmin, changes.approve for a reviewer */
                        platformActions: ("agency_requests.review" | "catalog.write" | "changes.approve" | "changes.reassert" | "changes.bulk_delete" | "auth.locks" | "credits.prices" | "credits.packs" | "partner_groups.manage" | "clusters.manage")[];
                        memberships: {
                            organizationId: string;
                            organizationName: string;
                            slug: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            /** @enum {string} */
                            role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postAuthPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address (case-insensitive)
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description A link is on its way if the address has an account */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postAuthPasswordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description From the link in the reset mail */
                    token: string;
                    /** @description At least 12 characters */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Password changed; sign in with it */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postMePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /** @description At least 12 characters */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed; the new token pair */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (HS256), short-lived */
                        accessToken: string;
                        /** @description Opaque; single use, rotated on every refresh */
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        user: {
                            id: string;
                            email: string;
                            name: string;
                            /** @description False: the admin shows a reminder */
                            emailVerified: boolean;
                            roles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                            capabilities: string[];
                            /** @description The platform-wide actions the person may take: all for a superadmin, changes.approve for a reviewer */
                            platformActions: ("agency_requests.review" | "catalog.write" | "changes.approve" | "changes.reassert" | "changes.bulk_delete" | "auth.locks" | "credits.prices" | "credits.packs" | "partner_groups.manage" | "clusters.manage")[];
                            memberships: {
                                organizationId: string;
                                organizationName: string;
                                slug: string;
                                /** @enum {string} */
                                kind: "platform" | "partner_group" | "agency" | "organization";
                                /** @enum {string} */
                                role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                            }[];
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postMeVerificationEmail: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Sent */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postRegistrations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    accountType: "organization" | "agency";
                    /** @enum {string} */
                    projectType: "website" | "ecommerce";
                    organizationName: string;
                    /** @description DNS-1123 label, 2-53 characters; derived from organizationName when absent */
                    slug?: string;
                    /**
                     * Format: email
                     * @description Email address (case-insensitive)
                     */
                    email: string;
                    /** @description At least 12 characters */
                    password: string;
                    /** @default true */
                    seedDemoData?: boolean;
                    /** @description Free-text answers, { question: answer } */
                    agencySurvey?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            state: "provisioning" | "pending_review";
                        };
                        /** @description The provisioning change; null for an agency */
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getAgencyRequests: {
        parameters: {
            query?: {
                state?: "pending_review" | "approved" | "rejected";
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requests, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            state: "pending_review" | "approved" | "rejected";
                            /** @description Free-text answers, { question: answer } */
                            survey: {
                                [key: string]: string;
                            };
                            /** @description Why it was rejected */
                            reason: string | null;
                            decidedAt: string | null;
                            createdAt: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            };
                            /** @enum {string} */
                            projectType: "website" | "ecommerce";
                            /** @description The applicant's email */
                            email: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postAgencyRequestsIdApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Approved and committed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            /** @constant */
                            state: "provisioning";
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postAgencyRequestsIdReject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @constant */
                        state: "rejected";
                        reason: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizations: {
        parameters: {
            query?: {
                state?: "pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted";
                sync?: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                tier?: "starter" | "pro" | "enterprise";
                parentId?: string;
                cluster?: string;
                limit?: number;
                cursor?: string;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        }[];
                        total: number;
                        nextCursor: string | null;
                        /** @description Over the tier, parent and cluster filters, not the state or sync one; zero counts left out */
                        counts: {
                            states: {
                                /** @enum {string} */
                                state: "pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted";
                                count: number;
                            }[];
                            /** @description Worst first: Failed, Stale, Reconciling, Pending, Ready */
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                count: number;
                            }[];
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    organizationName: string;
                    /** @description DNS-1123 label, 2-53 characters; derived from organizationName when absent */
                    slug?: string;
                    /** @enum {string} */
                    projectType: "website" | "ecommerce";
                    /** @enum {string} */
                    tier?: "starter" | "pro" | "enterprise";
                    /**
                     * Format: uuid
                     * @description Default: the X-Org-Context organization, else the actor's agency
                     */
                    parentId?: string;
                    seedDemoData?: boolean;
                };
            };
        };
        responses: {
            /** @description Created and provisioned */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsPreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    organizationName: string;
                    /** @description DNS-1123 label, 2-53 characters; derived from organizationName when absent */
                    slug?: string;
                    /** @enum {string} */
                    projectType: "website" | "ecommerce";
                    /** @enum {string} */
                    tier?: "starter" | "pro" | "enterprise";
                    /**
                     * Format: uuid
                     * @description Default: the X-Org-Context organization, else the actor's agency
                     */
                    parentId?: string;
                    seedDemoData?: boolean;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        /** @enum {string} */
                        kind: "platform" | "partner_group" | "agency" | "organization";
                        parentId: string | null;
                        /** @description Null for an organization without a tenant */
                        state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                        tier: ("starter" | "pro" | "enterprise") | null;
                        projectType: ("website" | "ecommerce") | null;
                        theme: {
                            name: string;
                            version: string;
                        } | null;
                        plugins: string[];
                        /** @description Where the tenant is served */
                        domains: string[];
                        /** @description Null without a tenant; {} when none is set */
                        branding: {
                            /** @description Product name shown instead of LusterCMS. */
                            appName?: string;
                            /**
                             * Format: uri
                             * @description https URL of the logo.
                             */
                            logoUrl?: string;
                            /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                            primaryColor?: string;
                            /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                            accentColor?: string;
                            /** @description Footer text, at most 200 characters. */
                            footerText?: string;
                            /**
                             * Format: email
                             * @description Support contact shown to the tenant's users.
                             */
                            supportEmail?: string;
                        } | null;
                        cluster: string | null;
                        lastChange: {
                            id: string | null;
                            sha: string;
                            committedAt: string;
                        } | null;
                        sync: {
                            /** @enum {string} */
                            status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                            appliedRevision: string | null;
                            readyAt: string | null;
                            message: string | null;
                        } | null;
                        /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                        suspendedBy: ("self" | "platform" | "parent") | null;
                        /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                        media: {
                            bucket: string;
                            /** @enum {string} */
                            state: "pending" | "ready" | "failed" | "deleted";
                            error: string | null;
                            usedBytes: number;
                            quotaBytes: number;
                        } | null;
                        createdAt: string;
                        /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                        allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                        /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                        grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    patchOrganizationsId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    /** @enum {string} */
                    tier?: "starter" | "pro" | "enterprise";
                    /** @description From the catalog; version absent = newest available */
                    theme?: {
                        name: string;
                        version?: string;
                    };
                    plugins?: string[];
                    /** @description White-label branding, replaced as a whole ({} removes it); the same rules as synth */
                    branding?: {
                        /** @description Product name shown instead of LusterCMS. */
                        appName?: string;
                        /**
                         * Format: uri
                         * @description https URL of the logo.
                         */
                        logoUrl?: string;
                        /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                        primaryColor?: string;
                        /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                        accentColor?: string;
                        /** @description Footer text, at most 200 characters. */
                        footerText?: string;
                        /**
                         * Format: email
                         * @description Support contact shown to the tenant's users.
                         */
                        supportEmail?: string;
                    };
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Updated; change is null when nothing changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdPreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    /** @enum {string} */
                    tier?: "starter" | "pro" | "enterprise";
                    /** @description From the catalog; version absent = newest available */
                    theme?: {
                        name: string;
                        version?: string;
                    };
                    plugins?: string[];
                    /** @description White-label branding, replaced as a whole ({} removes it); the same rules as synth */
                    branding?: {
                        /** @description Product name shown instead of LusterCMS. */
                        appName?: string;
                        /**
                         * Format: uri
                         * @description https URL of the logo.
                         */
                        logoUrl?: string;
                        /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                        primaryColor?: string;
                        /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                        accentColor?: string;
                        /** @description Footer text, at most 200 characters. */
                        footerText?: string;
                        /**
                         * Format: email
                         * @description Support contact shown to the tenant's users.
                         */
                        supportEmail?: string;
                    };
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdSuspend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdSuspendPreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdResume: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdResumePreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdDeprovision: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdDeprovisionPreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdPurge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdPurgePreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdSync: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                        lastChange: {
                            sha: string;
                            committedAt: string;
                        } | null;
                        appliedRevision: string | null;
                        firstProgressingAt: string | null;
                        readyAt: string | null;
                        /** @description How long the last change took to go live */
                        timeToLiveMs: number | null;
                        message: string | null;
                        events: {
                            /** @enum {string} */
                            source: "flux" | "argocd";
                            /** @description e.g. Kustomization/flux-system/tenant-acme */
                            object: string;
                            severity: string;
                            reason: string;
                            outcome: string;
                            message: string;
                            revision: string | null;
                            at: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdChanges: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Change requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            userId: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                            emailVerified: boolean;
                            /** @description Invited and not accepted yet: the membership grants nothing */
                            pending: boolean;
                            /**
                             * @description `invited` until accepted (a new account: until its password is chosen)
                             * @enum {string}
                             */
                            status: "active" | "invited";
                            since: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /**
                     * @description One of the roles; 'admin' is an alias of 'agency_admin'
                     * @enum {string}
                     */
                    role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer" | "admin";
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Invited: the same answer whether or not the email has an account (an existing account accepts a pending membership) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        email: string;
                        /** @enum {string} */
                        role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                        /**
                         * @description Always true: whether the email had an account is not told
                         * @constant
                         */
                        invited: true;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getMeInvitations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending invitations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            organizationId: string;
                            organizationName: string;
                            /** @enum {string} */
                            role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                            invitedAt: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postMeInvitationsIdAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The invitation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizationId: string;
                        organizationName: string;
                        /** @enum {string} */
                        role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                        invitedAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postMeInvitationsIdDecline: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The invitation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizationId: string;
                        organizationName: string;
                        /** @enum {string} */
                        role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                        invitedAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdManifests: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Files */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The commit of main read (null before the first) */
                        ref: string | null;
                        /** @description The tenant's folder in the GitOps repository */
                        dir: string | null;
                        files: {
                            path: string;
                            content: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdHistory: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Commits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            sha: string;
                            parentSha: string;
                            subject: string;
                            changeRequestId: string | null;
                            committedAt: string;
                            author: {
                                name: string;
                                email: string;
                            };
                            trailers: {
                                key: string;
                                value: string;
                            }[];
                            branch: string;
                            /** @description On a purge's commits: the media bucket's deletion — deleted (with the time) only once S3 confirmed it; pending or failed (with the reason) until then */
                            mediaBucket: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "failed" | "deleted";
                                error: string | null;
                                deletedAt: string | null;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdHistorySha: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                sha: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The commit, its trailers and per-file unified diffs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sha: string;
                        parentSha: string;
                        subject: string;
                        changeRequestId: string | null;
                        committedAt: string;
                        author: {
                            name: string;
                            email: string;
                        };
                        trailers: {
                            key: string;
                            value: string;
                        }[];
                        body: string;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteOrganizationsIdUsersUserId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    patchOrganizationsIdUsersUserId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description One of the roles; 'admin' is an alias of 'agency_admin'
                     * @enum {string}
                     */
                    role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer" | "admin";
                };
            };
        };
        responses: {
            /** @description The new role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        organizationId: string;
                        /** @enum {string} */
                        role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdInvitationsUserIdResend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The invitation, mailed again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        email: string;
                        /** @enum {string} */
                        role: "superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer";
                        /**
                         * @description Always true: whether the email had an account is not told
                         * @constant
                         */
                        invited: true;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteOrganizationsIdInvitationsUserId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getPartnerGroups: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By slug */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            slug: string;
                            name: string;
                            createdAt: string;
                            /** @description The agencies in the group, by slug */
                            agencies: {
                                id: string;
                                slug: string;
                                name: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postPartnerGroups: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Display name of the group */
                    name: string;
                    /** @description DNS-1123 label, 2-53 characters; derived from name when absent */
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description Created, without agencies */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        createdAt: string;
                        /** @description The agencies in the group, by slug */
                        agencies: {
                            id: string;
                            slug: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deletePartnerGroupsId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    patchPartnerGroupsId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new display name; the slug stays */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Renamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        createdAt: string;
                        /** @description The agencies in the group, by slug */
                        agencies: {
                            id: string;
                            slug: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    putPartnerGroupsIdAgenciesAgencyId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Moved (or there already) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agency: {
                            id: string;
                            slug: string;
                            name: string;
                        };
                        /** @description The group the agency is now in; null: directly under the platform */
                        partnerGroupId: string | null;
                        /** @description The agency and every organization below it (0: it was there already) */
                        movedOrganizations: number;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deletePartnerGroupsIdAgenciesAgencyId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Moved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agency: {
                            id: string;
                            slug: string;
                            name: string;
                        };
                        /** @description The group the agency is now in; null: directly under the platform */
                        partnerGroupId: string | null;
                        /** @description The agency and every organization below it (0: it was there already) */
                        movedOrganizations: number;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getClusters: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            name: string;
                            region: string;
                            capacity: number;
                            labels: {
                                [key: string]: string;
                            };
                            acceptsTenants: boolean;
                            /** @description Tenants taking a slot (every state but purged and rejected) */
                            tenants: number;
                            /** @description tenants / capacity × 100, one decimal */
                            usedPercent: number;
                            /** @description Tenants with a commit, by the sync status the organization list shows */
                            health: {
                                Pending: number;
                                Reconciling: number;
                                Ready: number;
                                Failed: number;
                                Stale: number;
                            };
                            /** @description The organizations whose new tenants prefer this cluster */
                            preferredBy: {
                                id: string;
                                slug: string;
                                name: string;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postClusters: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description DNS-1123 label, 1-63 characters, no '--'; never changes */
                    name: string;
                    /** @description Default empty */
                    region?: string;
                    /** @description Default 1000 */
                    capacity?: number;
                    /** @description Free key → value labels, at most 20 */
                    labels?: {
                        [key: string]: string;
                    };
                    /** @description Default true */
                    acceptsTenants?: boolean;
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        region: string;
                        capacity: number;
                        labels: {
                            [key: string]: string;
                        };
                        acceptsTenants: boolean;
                        /** @description Tenants taking a slot (every state but purged and rejected) */
                        tenants: number;
                        /** @description tenants / capacity × 100, one decimal */
                        usedPercent: number;
                        /** @description Tenants with a commit, by the sync status the organization list shows */
                        health: {
                            Pending: number;
                            Reconciling: number;
                            Ready: number;
                            Failed: number;
                            Stale: number;
                        };
                        /** @description The organizations whose new tenants prefer this cluster */
                        preferredBy: {
                            id: string;
                            slug: string;
                            name: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getClusterChoices: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            name: string;
                            region: string;
                            labels: {
                                [key: string]: string;
                            };
                            /** @description Tenants placement may still put there: capacity − tenants, at least 0 */
                            roomLeft: number;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getClustersName: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cluster */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        region: string;
                        capacity: number;
                        labels: {
                            [key: string]: string;
                        };
                        acceptsTenants: boolean;
                        /** @description Tenants taking a slot (every state but purged and rejected) */
                        tenants: number;
                        /** @description tenants / capacity × 100, one decimal */
                        usedPercent: number;
                        /** @description Tenants with a commit, by the sync status the organization list shows */
                        health: {
                            Pending: number;
                            Reconciling: number;
                            Ready: number;
                            Failed: number;
                            Stale: number;
                        };
                        /** @description The organizations whose new tenants prefer this cluster */
                        preferredBy: {
                            id: string;
                            slug: string;
                            name: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                        tenantPage: {
                            items: {
                                organizationId: string;
                                slug: string;
                                name: string;
                                /** @enum {string} */
                                state: "pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted";
                                /** @enum {string} */
                                sync: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteClustersName: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    patchClustersName: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Free text for people, e.g. eu-west-1 */
                    region?: string;
                    /** @description The most tenants placement puts on it */
                    capacity?: number;
                    /** @description Replaces every label */
                    labels?: {
                        [key: string]: string;
                    };
                    /** @description False: placement puts no new tenant here; its tenants stay */
                    acceptsTenants?: boolean;
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        region: string;
                        capacity: number;
                        labels: {
                            [key: string]: string;
                        };
                        acceptsTenants: boolean;
                        /** @description Tenants taking a slot (every state but purged and rejected) */
                        tenants: number;
                        /** @description tenants / capacity × 100, one decimal */
                        usedPercent: number;
                        /** @description Tenants with a commit, by the sync status the organization list shows */
                        health: {
                            Pending: number;
                            Reconciling: number;
                            Ready: number;
                            Failed: number;
                            Stale: number;
                        };
                        /** @description The organizations whose new tenants prefer this cluster */
                        preferredBy: {
                            id: string;
                            slug: string;
                            name: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    putOrganizationsIdPreferredCluster: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The cluster new tenants at or below this organization prefer; null clears it */
                    cluster: string | null;
                };
            };
        };
        responses: {
            /** @description Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizationId: string;
                        preferredCluster: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getChangeRequests: {
        parameters: {
            query?: {
                state?: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                kind?: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                organizationId?: string;
                mine?: boolean | ("true" | "false");
                page?: number;
                pageSize?: number;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postChangeRequestsBulkDelete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    organizationIds: string[];
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Pending review */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                        /** @enum {string} */
                        state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                        /** @enum {string} */
                        policy: "direct" | "review";
                        title: string;
                        /** @description The same as title, for older clients */
                        summary: string;
                        organizationId: string;
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                        } | null;
                        /** @description Every organization of a bulk deletion */
                        organizationIds: string[];
                        requestedById: string;
                        requestedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvedById: string | null;
                        approvedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvals: {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            at: string;
                            reason: string | null;
                        }[];
                        /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                        externalApprover: string | null;
                        rejectedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        rejectionReason: string | null;
                        reason: string | null;
                        error: string | null;
                        branch: string | null;
                        baseSha: string | null;
                        branchSha: string | null;
                        commitSha: string | null;
                        pullRequest: {
                            number: number;
                            url: string;
                        } | null;
                        /** @description The change a revert returns the tenant to */
                        revertOf: string | null;
                        purgeStage: string | null;
                        createdAt: string;
                        committedAt: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getChangeRequestsId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                        /** @enum {string} */
                        state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                        /** @enum {string} */
                        policy: "direct" | "review";
                        title: string;
                        /** @description The same as title, for older clients */
                        summary: string;
                        organizationId: string;
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                        } | null;
                        /** @description Every organization of a bulk deletion */
                        organizationIds: string[];
                        requestedById: string;
                        requestedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvedById: string | null;
                        approvedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvals: {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            at: string;
                            reason: string | null;
                        }[];
                        /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                        externalApprover: string | null;
                        rejectedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        rejectionReason: string | null;
                        reason: string | null;
                        error: string | null;
                        branch: string | null;
                        baseSha: string | null;
                        branchSha: string | null;
                        commitSha: string | null;
                        pullRequest: {
                            number: number;
                            url: string;
                        } | null;
                        /** @description The change a revert returns the tenant to */
                        revertOf: string | null;
                        purgeStage: string | null;
                        createdAt: string;
                        committedAt: string | null;
                        /** @description Where the review stands and who can move it on */
                        approval: {
                            /** @description Approvals by different people the change needs in all */
                            required: number;
                            /** @description Still missing; 0 once approved or when not under review */
                            remaining: number;
                            /** @description Who could give a missing approval now (superadmins, reviewers unless a bulk deletion; never the requester or an earlier approver), named only to viewers who may approve changes themselves; empty for everyone else, when none is missing or nobody can */
                            approvers: {
                                id: string;
                                email: string;
                                name: string;
                            }[];
                            /** @description How many could give a missing approval now, by role; shown to every viewer */
                            approverCounts: {
                                superadmins: number;
                                /** @description Reviewers who are not superadmins */
                                reviewers: number;
                            };
                        };
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                            /** @description Blob before; null when added */
                            oldOid: string | null;
                            /** @description Blob after; null when deleted */
                            newOid: string | null;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postChangeRequestsIdApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Approved (or still pending a second approval) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                        /** @enum {string} */
                        state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                        /** @enum {string} */
                        policy: "direct" | "review";
                        title: string;
                        /** @description The same as title, for older clients */
                        summary: string;
                        organizationId: string;
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                        } | null;
                        /** @description Every organization of a bulk deletion */
                        organizationIds: string[];
                        requestedById: string;
                        requestedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvedById: string | null;
                        approvedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvals: {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            at: string;
                            reason: string | null;
                        }[];
                        /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                        externalApprover: string | null;
                        rejectedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        rejectionReason: string | null;
                        reason: string | null;
                        error: string | null;
                        branch: string | null;
                        baseSha: string | null;
                        branchSha: string | null;
                        commitSha: string | null;
                        pullRequest: {
                            number: number;
                            url: string;
                        } | null;
                        /** @description The change a revert returns the tenant to */
                        revertOf: string | null;
                        purgeStage: string | null;
                        createdAt: string;
                        committedAt: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postChangeRequestsIdReject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                        /** @enum {string} */
                        state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                        /** @enum {string} */
                        policy: "direct" | "review";
                        title: string;
                        /** @description The same as title, for older clients */
                        summary: string;
                        organizationId: string;
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                        } | null;
                        /** @description Every organization of a bulk deletion */
                        organizationIds: string[];
                        requestedById: string;
                        requestedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvedById: string | null;
                        approvedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvals: {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            at: string;
                            reason: string | null;
                        }[];
                        /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                        externalApprover: string | null;
                        rejectedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        rejectionReason: string | null;
                        reason: string | null;
                        error: string | null;
                        branch: string | null;
                        baseSha: string | null;
                        branchSha: string | null;
                        commitSha: string | null;
                        pullRequest: {
                            number: number;
                            url: string;
                        } | null;
                        /** @description The change a revert returns the tenant to */
                        revertOf: string | null;
                        purgeStage: string | null;
                        createdAt: string;
                        committedAt: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postChangeRequestsIdMerge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Merged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                        /** @enum {string} */
                        state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                        /** @enum {string} */
                        policy: "direct" | "review";
                        title: string;
                        /** @description The same as title, for older clients */
                        summary: string;
                        organizationId: string;
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                        } | null;
                        /** @description Every organization of a bulk deletion */
                        organizationIds: string[];
                        requestedById: string;
                        requestedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvedById: string | null;
                        approvedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvals: {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            at: string;
                            reason: string | null;
                        }[];
                        /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                        externalApprover: string | null;
                        rejectedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        rejectionReason: string | null;
                        reason: string | null;
                        error: string | null;
                        branch: string | null;
                        baseSha: string | null;
                        branchSha: string | null;
                        commitSha: string | null;
                        pullRequest: {
                            number: number;
                            url: string;
                        } | null;
                        /** @description The change a revert returns the tenant to */
                        revertOf: string | null;
                        purgeStage: string | null;
                        createdAt: string;
                        committedAt: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdDrift: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Drift */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        drift: {
                            detectedAt: string;
                            /** @description The head of main the edits were found at */
                            sha: string;
                            files: {
                                path: string;
                                /** @enum {string} */
                                status: "added" | "modified" | "deleted";
                            }[];
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdReassert: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Committed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                        /** @enum {string} */
                        state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                        /** @enum {string} */
                        policy: "direct" | "review";
                        title: string;
                        /** @description The same as title, for older clients */
                        summary: string;
                        organizationId: string;
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                        } | null;
                        /** @description Every organization of a bulk deletion */
                        organizationIds: string[];
                        requestedById: string;
                        requestedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvedById: string | null;
                        approvedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvals: {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            at: string;
                            reason: string | null;
                        }[];
                        /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                        externalApprover: string | null;
                        rejectedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        rejectionReason: string | null;
                        reason: string | null;
                        error: string | null;
                        branch: string | null;
                        baseSha: string | null;
                        branchSha: string | null;
                        commitSha: string | null;
                        pullRequest: {
                            number: number;
                            url: string;
                        } | null;
                        /** @description The change a revert returns the tenant to */
                        revertOf: string | null;
                        purgeStage: string | null;
                        createdAt: string;
                        committedAt: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdRevert: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    changeId: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Committed (or pending review) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                        /** @enum {string} */
                        state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                        /** @enum {string} */
                        policy: "direct" | "review";
                        title: string;
                        /** @description The same as title, for older clients */
                        summary: string;
                        organizationId: string;
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                        } | null;
                        /** @description Every organization of a bulk deletion */
                        organizationIds: string[];
                        requestedById: string;
                        requestedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvedById: string | null;
                        approvedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        approvals: {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            at: string;
                            reason: string | null;
                        }[];
                        /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                        externalApprover: string | null;
                        rejectedBy: {
                            id: string;
                            email: string;
                            name: string;
                        } | null;
                        rejectionReason: string | null;
                        reason: string | null;
                        error: string | null;
                        branch: string | null;
                        baseSha: string | null;
                        branchSha: string | null;
                        commitSha: string | null;
                        pullRequest: {
                            number: number;
                            url: string;
                        } | null;
                        /** @description The change a revert returns the tenant to */
                        revertOf: string | null;
                        purgeStage: string | null;
                        createdAt: string;
                        committedAt: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdRevertPreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    changeId: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getCatalogThemes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Themes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            name: string;
                            version: string;
                            displayName: string;
                            image: string;
                            projectTypes: ("website" | "ecommerce")[];
                            /** @description Project types that get it by default */
                            defaultFor: ("website" | "ecommerce")[];
                            /** @description False: kept for the tenants that use it, offered to none */
                            available: boolean;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getCatalogPlugins: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Plugins */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            key: string;
                            name: string;
                            description: string;
                            defaultFor: ("website" | "ecommerce")[];
                            available: boolean;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    putCatalogThemesNameVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                name: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    /** @description Pinned: <registry>/<repo>:<tag>@sha256:<digest> */
                    image: string;
                    projectTypes: ("website" | "ecommerce")[];
                    defaultFor?: ("website" | "ecommerce")[];
                    available?: boolean;
                };
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        version: string;
                        displayName: string;
                        image: string;
                        projectTypes: ("website" | "ecommerce")[];
                        /** @description Project types that get it by default */
                        defaultFor: ("website" | "ecommerce")[];
                        /** @description False: kept for the tenants that use it, offered to none */
                        available: boolean;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteCatalogThemesNameVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                name: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    putCatalogPluginsKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    defaultFor?: ("website" | "ecommerce")[];
                    available?: boolean;
                };
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        description: string;
                        defaultFor: ("website" | "ecommerce")[];
                        available: boolean;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteCatalogPluginsKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getMedia: {
        parameters: {
            query?: {
                prefix?: string;
                year?: number;
                month?: number;
                type?: "image" | "video" | "audio" | "document";
                limit?: number;
                cursor?: string;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, keys descending */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            organizationId: string;
                            /** @description [public/]YYYY/MM/<sanitised name> */
                            key: string;
                            size: number;
                            contentType: string;
                            /** @description User id; null when found by reconcile */
                            uploadedBy: string | null;
                            uploadedAt: string;
                            /** @description Under public/, served by the CDN at MEDIA_PUBLIC_BASE_URL */
                            public: boolean;
                            /** @description In listings: `<MEDIA_PUBLIC_BASE_URL>/<bucket>/<key>` for a public object, else a presigned GET (absent while storage is down) */
                            url?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdMedia: {
        parameters: {
            query?: {
                prefix?: string;
                year?: number;
                month?: number;
                type?: "image" | "video" | "audio" | "document";
                limit?: number;
                cursor?: string;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, keys descending */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            organizationId: string;
                            /** @description [public/]YYYY/MM/<sanitised name> */
                            key: string;
                            size: number;
                            contentType: string;
                            /** @description User id; null when found by reconcile */
                            uploadedBy: string | null;
                            uploadedAt: string;
                            /** @description Under public/, served by the CDN at MEDIA_PUBLIC_BASE_URL */
                            public: boolean;
                            /** @description In listings: `<MEDIA_PUBLIC_BASE_URL>/<bucket>/<key>` for a public object, else a presigned GET (absent while storage is down) */
                            url?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteOrganizationsIdMedia: {
        parameters: {
            query: {
                key: string;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdMediaStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bucket and quota */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        /** @enum {string} */
                        state: "pending" | "ready" | "failed" | "deleted";
                        error: string | null;
                        usedBytes: number;
                        quotaBytes: number;
                    } | null;
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdMediaUploads: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The file name; sanitised into the key */
                    name: string;
                    contentType: string;
                    /** @description Bytes; the presigned URL accepts exactly this length */
                    size: number;
                    /** @description Key under public/ and linked through MEDIA_PUBLIC_BASE_URL (a CDN); 400 media_public_not_configured without it */
                    public?: boolean;
                };
            };
        };
        responses: {
            /** @description Upload with the URL */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        /** @description Presigned; PUT the bytes straight to S3 with `headers` */
                        url: string;
                        /** @constant */
                        method: "PUT";
                        headers: {
                            [key: string]: string;
                        };
                        expiresAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdMediaComplete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                };
            };
        };
        responses: {
            /** @description The recorded object */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizationId: string;
                        /** @description [public/]YYYY/MM/<sanitised name> */
                        key: string;
                        size: number;
                        contentType: string;
                        /** @description User id; null when found by reconcile */
                        uploadedBy: string | null;
                        uploadedAt: string;
                        /** @description Under public/, served by the CDN at MEDIA_PUBLIC_BASE_URL */
                        public: boolean;
                        /** @description In listings: `<MEDIA_PUBLIC_BASE_URL>/<bucket>/<key>` for a public object, else a presigned GET (absent while storage is down) */
                        url?: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdMediaDownload: {
        parameters: {
            query: {
                key: string;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description URL and expiry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdDomains: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Lowercase, punycode for an IDN: the key in the URLs */
                            hostname: string;
                            /** @description The hostname as people read it (Unicode for an IDN) */
                            displayName: string;
                            /**
                             * @description serving: ownership verified, DNS pointing here and the certificate issued; flagged: the ownership record has been gone for 7 days (never removed silently)
                             * @enum {string}
                             */
                            status: "pending" | "verified" | "serving" | "failed" | "flagged";
                            /** @description The canonical host: the other custom domains redirect to it */
                            primary: boolean;
                            /** @description Whether the host is in the tenant's Ingress and Certificates */
                            inIngress: boolean;
                            ownership: {
                                /** @enum {string} */
                                status: "pending" | "verified" | "failed";
                                /** @description The record to create: its name holds the token */
                                record: {
                                    /** @constant */
                                    type: "TXT";
                                    name: string;
                                    value: string;
                                };
                                /** @description What the last TXT lookup returned, in words */
                                detail: string;
                            };
                            target: {
                                /** @enum {string} */
                                status: "pending" | "points_here" | "points_elsewhere" | "no_record";
                                /** @description The record to create: a CNAME to the platform's ingress */
                                record: {
                                    /** @constant */
                                    type: "CNAME";
                                    name: string;
                                    value: string;
                                };
                                /** @description For an apex domain (no CNAME possible): address records at the ingress */
                                alternatives: {
                                    /** @enum {string} */
                                    type: "A" | "AAAA";
                                    name: string;
                                    value: string;
                                }[];
                                /** @description What the CNAME or address record points to */
                                found?: string;
                                detail: string;
                            };
                            certificate: {
                                /** @enum {string} */
                                status: "pending" | "issued" | "failed";
                                /** @description The cluster's words: Flux's health checks or Argo CD's resource health */
                                detail: string;
                                /**
                                 * @description object_report: the cluster's report on this host's own Certificate; tenant_status: derived from the tenant's sync status (no report names the Certificate yet)
                                 * @enum {string}
                                 */
                                source: "object_report" | "tenant_status";
                            };
                            lastCheckedAt: string | null;
                            /** @description Since when the ownership record has been gone */
                            missingSince: string | null;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdDomains: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A fully qualified hostname such as shop.example.com; an IDN may be given in Unicode */
                    hostname: string;
                };
            };
        };
        responses: {
            /** @description The pending domain and its records */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lowercase, punycode for an IDN: the key in the URLs */
                        hostname: string;
                        /** @description The hostname as people read it (Unicode for an IDN) */
                        displayName: string;
                        /**
                         * @description serving: ownership verified, DNS pointing here and the certificate issued; flagged: the ownership record has been gone for 7 days (never removed silently)
                         * @enum {string}
                         */
                        status: "pending" | "verified" | "serving" | "failed" | "flagged";
                        /** @description The canonical host: the other custom domains redirect to it */
                        primary: boolean;
                        /** @description Whether the host is in the tenant's Ingress and Certificates */
                        inIngress: boolean;
                        ownership: {
                            /** @enum {string} */
                            status: "pending" | "verified" | "failed";
                            /** @description The record to create: its name holds the token */
                            record: {
                                /** @constant */
                                type: "TXT";
                                name: string;
                                value: string;
                            };
                            /** @description What the last TXT lookup returned, in words */
                            detail: string;
                        };
                        target: {
                            /** @enum {string} */
                            status: "pending" | "points_here" | "points_elsewhere" | "no_record";
                            /** @description The record to create: a CNAME to the platform's ingress */
                            record: {
                                /** @constant */
                                type: "CNAME";
                                name: string;
                                value: string;
                            };
                            /** @description For an apex domain (no CNAME possible): address records at the ingress */
                            alternatives: {
                                /** @enum {string} */
                                type: "A" | "AAAA";
                                name: string;
                                value: string;
                            }[];
                            /** @description What the CNAME or address record points to */
                            found?: string;
                            detail: string;
                        };
                        certificate: {
                            /** @enum {string} */
                            status: "pending" | "issued" | "failed";
                            /** @description The cluster's words: Flux's health checks or Argo CD's resource health */
                            detail: string;
                            /**
                             * @description object_report: the cluster's report on this host's own Certificate; tenant_status: derived from the tenant's sync status (no report names the Certificate yet)
                             * @enum {string}
                             */
                            source: "object_report" | "tenant_status";
                        };
                        lastCheckedAt: string | null;
                        /** @description Since when the ownership record has been gone */
                        missingSince: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdDomainsHostname: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                hostname: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domain */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lowercase, punycode for an IDN: the key in the URLs */
                        hostname: string;
                        /** @description The hostname as people read it (Unicode for an IDN) */
                        displayName: string;
                        /**
                         * @description serving: ownership verified, DNS pointing here and the certificate issued; flagged: the ownership record has been gone for 7 days (never removed silently)
                         * @enum {string}
                         */
                        status: "pending" | "verified" | "serving" | "failed" | "flagged";
                        /** @description The canonical host: the other custom domains redirect to it */
                        primary: boolean;
                        /** @description Whether the host is in the tenant's Ingress and Certificates */
                        inIngress: boolean;
                        ownership: {
                            /** @enum {string} */
                            status: "pending" | "verified" | "failed";
                            /** @description The record to create: its name holds the token */
                            record: {
                                /** @constant */
                                type: "TXT";
                                name: string;
                                value: string;
                            };
                            /** @description What the last TXT lookup returned, in words */
                            detail: string;
                        };
                        target: {
                            /** @enum {string} */
                            status: "pending" | "points_here" | "points_elsewhere" | "no_record";
                            /** @description The record to create: a CNAME to the platform's ingress */
                            record: {
                                /** @constant */
                                type: "CNAME";
                                name: string;
                                value: string;
                            };
                            /** @description For an apex domain (no CNAME possible): address records at the ingress */
                            alternatives: {
                                /** @enum {string} */
                                type: "A" | "AAAA";
                                name: string;
                                value: string;
                            }[];
                            /** @description What the CNAME or address record points to */
                            found?: string;
                            detail: string;
                        };
                        certificate: {
                            /** @enum {string} */
                            status: "pending" | "issued" | "failed";
                            /** @description The cluster's words: Flux's health checks or Argo CD's resource health */
                            detail: string;
                            /**
                             * @description object_report: the cluster's report on this host's own Certificate; tenant_status: derived from the tenant's sync status (no report names the Certificate yet)
                             * @enum {string}
                             */
                            source: "object_report" | "tenant_status";
                        };
                        lastCheckedAt: string | null;
                        /** @description Since when the ownership record has been gone */
                        missingSince: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteOrganizationsIdDomainsHostname: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                hostname: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdDomainsHostnameCheck: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                hostname: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The domain after the check */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lowercase, punycode for an IDN: the key in the URLs */
                        hostname: string;
                        /** @description The hostname as people read it (Unicode for an IDN) */
                        displayName: string;
                        /**
                         * @description serving: ownership verified, DNS pointing here and the certificate issued; flagged: the ownership record has been gone for 7 days (never removed silently)
                         * @enum {string}
                         */
                        status: "pending" | "verified" | "serving" | "failed" | "flagged";
                        /** @description The canonical host: the other custom domains redirect to it */
                        primary: boolean;
                        /** @description Whether the host is in the tenant's Ingress and Certificates */
                        inIngress: boolean;
                        ownership: {
                            /** @enum {string} */
                            status: "pending" | "verified" | "failed";
                            /** @description The record to create: its name holds the token */
                            record: {
                                /** @constant */
                                type: "TXT";
                                name: string;
                                value: string;
                            };
                            /** @description What the last TXT lookup returned, in words */
                            detail: string;
                        };
                        target: {
                            /** @enum {string} */
                            status: "pending" | "points_here" | "points_elsewhere" | "no_record";
                            /** @description The record to create: a CNAME to the platform's ingress */
                            record: {
                                /** @constant */
                                type: "CNAME";
                                name: string;
                                value: string;
                            };
                            /** @description For an apex domain (no CNAME possible): address records at the ingress */
                            alternatives: {
                                /** @enum {string} */
                                type: "A" | "AAAA";
                                name: string;
                                value: string;
                            }[];
                            /** @description What the CNAME or address record points to */
                            found?: string;
                            detail: string;
                        };
                        certificate: {
                            /** @enum {string} */
                            status: "pending" | "issued" | "failed";
                            /** @description The cluster's words: Flux's health checks or Argo CD's resource health */
                            detail: string;
                            /**
                             * @description object_report: the cluster's report on this host's own Certificate; tenant_status: derived from the tenant's sync status (no report names the Certificate yet)
                             * @enum {string}
                             */
                            source: "object_report" | "tenant_status";
                        };
                        lastCheckedAt: string | null;
                        /** @description Since when the ownership record has been gone */
                        missingSince: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    putOrganizationsIdDomainsHostnamePrimary: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                hostname: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The domain, now primary (committed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lowercase, punycode for an IDN: the key in the URLs */
                        hostname: string;
                        /** @description The hostname as people read it (Unicode for an IDN) */
                        displayName: string;
                        /**
                         * @description serving: ownership verified, DNS pointing here and the certificate issued; flagged: the ownership record has been gone for 7 days (never removed silently)
                         * @enum {string}
                         */
                        status: "pending" | "verified" | "serving" | "failed" | "flagged";
                        /** @description The canonical host: the other custom domains redirect to it */
                        primary: boolean;
                        /** @description Whether the host is in the tenant's Ingress and Certificates */
                        inIngress: boolean;
                        ownership: {
                            /** @enum {string} */
                            status: "pending" | "verified" | "failed";
                            /** @description The record to create: its name holds the token */
                            record: {
                                /** @constant */
                                type: "TXT";
                                name: string;
                                value: string;
                            };
                            /** @description What the last TXT lookup returned, in words */
                            detail: string;
                        };
                        target: {
                            /** @enum {string} */
                            status: "pending" | "points_here" | "points_elsewhere" | "no_record";
                            /** @description The record to create: a CNAME to the platform's ingress */
                            record: {
                                /** @constant */
                                type: "CNAME";
                                name: string;
                                value: string;
                            };
                            /** @description For an apex domain (no CNAME possible): address records at the ingress */
                            alternatives: {
                                /** @enum {string} */
                                type: "A" | "AAAA";
                                name: string;
                                value: string;
                            }[];
                            /** @description What the CNAME or address record points to */
                            found?: string;
                            detail: string;
                        };
                        certificate: {
                            /** @enum {string} */
                            status: "pending" | "issued" | "failed";
                            /** @description The cluster's words: Flux's health checks or Argo CD's resource health */
                            detail: string;
                            /**
                             * @description object_report: the cluster's report on this host's own Certificate; tenant_status: derived from the tenant's sync status (no report names the Certificate yet)
                             * @enum {string}
                             */
                            source: "object_report" | "tenant_status";
                        };
                        lastCheckedAt: string | null;
                        /** @description Since when the ownership record has been gone */
                        missingSince: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdMove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The cluster to move the tenant to */
                    cluster: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The change, waiting for review */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdMovePreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The cluster to move the tenant to */
                    cluster: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdRestore: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The point in time to restore the database to, inside the backup window
                     */
                    targetTime: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The change, waiting for review */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdRestorePreview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The point in time to restore the database to, inside the backup window
                     */
                    targetTime: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Per-file unified diffs against main */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The head of main the diff is against */
                        baseSha: string | null;
                        files: {
                            path: string;
                            /** @enum {string} */
                            status: "added" | "modified" | "deleted";
                            patch: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdRelease: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The release, committed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            kind: "platform" | "partner_group" | "agency" | "organization";
                            parentId: string | null;
                            /** @description Null for an organization without a tenant */
                            state: ("pending_review" | "provisioning" | "active" | "suspended" | "deprovisioned" | "purging" | "rejected" | "deleted") | null;
                            tier: ("starter" | "pro" | "enterprise") | null;
                            projectType: ("website" | "ecommerce") | null;
                            theme: {
                                name: string;
                                version: string;
                            } | null;
                            plugins: string[];
                            /** @description Where the tenant is served */
                            domains: string[];
                            /** @description Null without a tenant; {} when none is set */
                            branding: {
                                /** @description Product name shown instead of LusterCMS. */
                                appName?: string;
                                /**
                                 * Format: uri
                                 * @description https URL of the logo.
                                 */
                                logoUrl?: string;
                                /** @description Primary brand color, `#rgb` or `#rrggbb`. */
                                primaryColor?: string;
                                /** @description Accent brand color, `#rgb` or `#rrggbb`. */
                                accentColor?: string;
                                /** @description Footer text, at most 200 characters. */
                                footerText?: string;
                                /**
                                 * Format: email
                                 * @description Support contact shown to the tenant's users.
                                 */
                                supportEmail?: string;
                            } | null;
                            cluster: string | null;
                            lastChange: {
                                id: string | null;
                                sha: string;
                                committedAt: string;
                            } | null;
                            sync: {
                                /** @enum {string} */
                                status: "Pending" | "Reconciling" | "Ready" | "Failed" | "Stale";
                                appliedRevision: string | null;
                                readyAt: string | null;
                                message: string | null;
                            } | null;
                            /** @description Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent */
                            suspendedBy: ("self" | "platform" | "parent") | null;
                            /** @description The media bucket's state (pending until S3 created it) and quota use; null without a bucket */
                            media: {
                                bucket: string;
                                /** @enum {string} */
                                state: "pending" | "ready" | "failed" | "deleted";
                                error: string | null;
                                usedBytes: number;
                                quotaBytes: number;
                            } | null;
                            createdAt: string;
                            /** @description What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension) */
                            allowedActions: ("organization.read" | "organization.create" | "organization.update" | "organization.update_tier" | "organization.suspend" | "organization.resume" | "organization.deprovision" | "organization.purge" | "organization.move" | "organization.restore" | "users.read" | "users.invite" | "users.manage" | "media.read" | "media.write" | "domains.read" | "domains.manage" | "credits.read" | "credits.grant" | "credits.take_back" | "credits.limit" | "credits.api_keys" | "credits.buy")[];
                            /** @description The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite) */
                            grantableRoles: ("superadmin" | "group_admin" | "agency_admin" | "client_admin" | "editor" | "viewer")[];
                        };
                        change: {
                            id: string;
                            /** @enum {string} */
                            kind: "provision" | "update" | "suspend" | "resume" | "deprovision" | "purge" | "bulk_delete" | "revert" | "reassert" | "move" | "restore" | "release";
                            /** @enum {string} */
                            state: "queued" | "pending_review" | "approved" | "rejected" | "committed" | "merged" | "failed";
                            /** @enum {string} */
                            policy: "direct" | "review";
                            title: string;
                            /** @description The same as title, for older clients */
                            summary: string;
                            organizationId: string;
                            organization: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            /** @description Every organization of a bulk deletion */
                            organizationIds: string[];
                            requestedById: string;
                            requestedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvedById: string | null;
                            approvedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            approvals: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string;
                                } | null;
                                at: string;
                                reason: string | null;
                            }[];
                            /** @description Who merged it on the git host (`login (GitHub)`), when reviewed there */
                            externalApprover: string | null;
                            rejectedBy: {
                                id: string;
                                email: string;
                                name: string;
                            } | null;
                            rejectionReason: string | null;
                            reason: string | null;
                            error: string | null;
                            branch: string | null;
                            baseSha: string | null;
                            branchSha: string | null;
                            commitSha: string | null;
                            pullRequest: {
                                number: number;
                                url: string;
                            } | null;
                            /** @description The change a revert returns the tenant to */
                            revertOf: string | null;
                            purgeStage: string | null;
                            createdAt: string;
                            committedAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdBackups: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The backups line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cluster: string;
                        database: {
                            /** @description The CloudNativePG cluster the site uses (its `<name>-app` Secret) */
                            name: string;
                            /** @description Null for a database created empty */
                            recoveredFrom: {
                                cluster: string;
                                database: string;
                                /** @description Absent for a move: the latest state */
                                targetTime?: string;
                            } | null;
                            /** @description The database a move or a restore replaced, until it is removed: kept (never pruned), released (its removal follows the report of the cluster holding it) */
                            kept: {
                                cluster: string;
                                name: string;
                                /** @enum {string} */
                                stage: "kept" | "released" | "removed";
                            } | null;
                        };
                        /** @description Six-field cron (seconds first, UTC) of the daily base backup */
                        schedule: string;
                        retentionDays: number;
                        /** @description When the schedule's last run was due (null for a schedule that is not daily, or before the database existed). Flux's reports cannot confirm a backup succeeded: its health check of a ScheduledBackup passes once the object exists */
                        lastDueAt: string | null;
                        /** @description When the tenant's cluster last reported it Ready, database and backup schedule included */
                        lastReportedHealthyAt: string | null;
                        restoreWindow: {
                            /** @description The earliest time a restore may target */
                            from: string;
                            /** @description Now: the latest time */
                            to: string;
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdCredits: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Balance and limits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizationId: string;
                        balance: number;
                        limit: {
                            /** @description Monthly spend cap; null: none */
                            monthly: number | null;
                            overdraft: number;
                        };
                        spentThisMonth: number;
                        lowBalanceThreshold: number | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdCreditsLedger: {
        parameters: {
            query?: {
                kind?: "issue" | "grant" | "takeback" | "purchase" | "purchase_reversal" | "usage";
                from?: string;
                to?: string;
                cursor?: string;
                limit?: number;
                format?: "json" | "csv";
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "issue" | "grant" | "takeback" | "purchase" | "purchase_reversal" | "usage";
                            /** @description Undoes an earlier movement (takeback, purchase reversal) */
                            reversal: boolean;
                            /** @enum {string} */
                            direction: "in" | "out";
                            amount: number;
                            counterparty: {
                                /** @enum {string} */
                                account: "organization" | "issuance" | "stripe" | "usage";
                                /** @description Null for platform accounts and for organizations above yours */
                                organizationId: string | null;
                                name: string | null;
                            };
                            reason: string | null;
                            feature: string | null;
                            quantity: number | null;
                            reversesId: string | null;
                            occurredAt: string | null;
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdCreditsGrants: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                    /** @description Chosen by the caller; the same key again returns the first result and moves nothing */
                    idempotencyKey: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The grant as this organization sees it, and its balance */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entry: {
                            id: string;
                            /** @enum {string} */
                            kind: "issue" | "grant" | "takeback" | "purchase" | "purchase_reversal" | "usage";
                            /** @description Undoes an earlier movement (takeback, purchase reversal) */
                            reversal: boolean;
                            /** @enum {string} */
                            direction: "in" | "out";
                            amount: number;
                            counterparty: {
                                /** @enum {string} */
                                account: "organization" | "issuance" | "stripe" | "usage";
                                /** @description Null for platform accounts and for organizations above yours */
                                organizationId: string | null;
                                name: string | null;
                            };
                            reason: string | null;
                            feature: string | null;
                            quantity: number | null;
                            reversesId: string | null;
                            occurredAt: string | null;
                            createdAt: string;
                        };
                        /** @description The key was used before: this is the first movement, nothing moved now */
                        replayed: boolean;
                        summary: {
                            organizationId: string;
                            balance: number;
                            limit: {
                                /** @description Monthly spend cap; null: none */
                                monthly: number | null;
                                overdraft: number;
                            };
                            spentThisMonth: number;
                            lowBalanceThreshold: number | null;
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdCreditsTakebacks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                    /** @description Chosen by the caller; the same key again returns the first result and moves nothing */
                    idempotencyKey: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The takeback and the balance left */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entry: {
                            id: string;
                            /** @enum {string} */
                            kind: "issue" | "grant" | "takeback" | "purchase" | "purchase_reversal" | "usage";
                            /** @description Undoes an earlier movement (takeback, purchase reversal) */
                            reversal: boolean;
                            /** @enum {string} */
                            direction: "in" | "out";
                            amount: number;
                            counterparty: {
                                /** @enum {string} */
                                account: "organization" | "issuance" | "stripe" | "usage";
                                /** @description Null for platform accounts and for organizations above yours */
                                organizationId: string | null;
                                name: string | null;
                            };
                            reason: string | null;
                            feature: string | null;
                            quantity: number | null;
                            reversesId: string | null;
                            occurredAt: string | null;
                            createdAt: string;
                        };
                        /** @description The key was used before: this is the first movement, nothing moved now */
                        replayed: boolean;
                        summary: {
                            organizationId: string;
                            balance: number;
                            limit: {
                                /** @description Monthly spend cap; null: none */
                                monthly: number | null;
                                overdraft: number;
                            };
                            spentThisMonth: number;
                            lowBalanceThreshold: number | null;
                        };
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    putOrganizationsIdCreditsLimit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Most credits usage may spend per calendar month (UTC); absent or null: no cap */
                    monthly?: number | null;
                    /** @description How far below zero usage may take the balance; absent: 0 (never) */
                    overdraft?: number;
                    /** @description Usage taking the balance below this mails the organization's admins, once per dip; absent or null: never */
                    lowBalanceThreshold?: number | null;
                };
            };
        };
        responses: {
            /** @description Balance and the new limits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizationId: string;
                        balance: number;
                        limit: {
                            /** @description Monthly spend cap; null: none */
                            monthly: number | null;
                            overdraft: number;
                        };
                        spentThisMonth: number;
                        lowBalanceThreshold: number | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postUsage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A metered feature, e.g. ai.text or seo.audit */
                    feature: string;
                    quantity: number;
                    /** @description The same key again charges nothing */
                    idempotencyKey: string;
                    /** @description When it happened, for reports; the month charged is when we record it */
                    occurredAt?: string;
                };
            };
        };
        responses: {
            /** @description The balance after the debit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        balance: number;
                        /** @description Credits this report cost (price × quantity) */
                        charged: number;
                        replayed: boolean;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getCreditsPrices: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The price table */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            feature: string;
                            credits: number;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    putCreditsPricesFeature: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                feature: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    credits: number;
                };
            };
        };
        responses: {
            /** @description The price */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        feature: string;
                        credits: number;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdCreditsUsage: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                granularity?: "day" | "month";
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Quantities and credits per period and feature */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            period: string;
                            feature: string;
                            quantity: number;
                            credits: number;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys not revoked, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            prefix: string;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The key, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        prefix: string;
                        createdAt: string;
                        /** @description Shown this once; only its hash is kept */
                        key: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    deleteOrganizationsIdApiKeysKeyId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getCreditsPacks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Packs, cheapest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Active packs; superadmins also see inactive ones */
                        items: {
                            id: string;
                            credits: number;
                            amount: number;
                            currency: string;
                            active: boolean;
                        }[];
                        /** @description Whether Stripe is configured: without it checkout answers 503 payments_not_configured */
                        paymentsConfigured: boolean;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    putCreditsPacksPackId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                packId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    credits: number;
                    /** @description The price in the currency's minor unit (cents for usd) */
                    amount: number;
                    /** @description ISO 4217, lower case */
                    currency: string;
                    /**
                     * @description Offered to buyers; false keeps it for history
                     * @default true
                     */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The pack */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        credits: number;
                        amount: number;
                        currency: string;
                        active: boolean;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    postOrganizationsIdCreditsCheckout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Chosen by the superadmin, e.g. starter */
                    packId: string;
                };
            };
        };
        responses: {
            /** @description The session to pay on */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stripe's Checkout Session */
                        sessionId: string;
                        /** @description Stripe's payment page: send the buyer there */
                        url: string;
                        /** @description Our purchase, to follow on the return page */
                        purchaseId: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdCreditsPurchases: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        items: {
                            id: string;
                            organizationId: string;
                            packId: string;
                            credits: number;
                            amount: number;
                            currency: string;
                            /**
                             * @description pending: not paid (yet); paid: credited; expired: the checkout was abandoned; failed: the delayed payment failed; refunded: all credits reversed
                             * @enum {string}
                             */
                            state: "pending" | "paid" | "expired" | "failed" | "refunded";
                            /** @description Credits taken back by refunds */
                            reversedCredits: number;
                            /** @description The ledger's purchase entry, once credited */
                            entryId: string | null;
                            /** @description When the checkout was started */
                            createdAt: string;
                            /** @description When its state last changed */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    getOrganizationsIdCreditsPurchasesPurchaseId: {
        parameters: {
            query?: never;
            header?: {
                /** @description Organization id to narrow the request to, or 'all' (superadmins) */
                "X-Org-Context"?: string;
            };
            path: {
                id: string;
                purchaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The purchase */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        organizationId: string;
                        packId: string;
                        credits: number;
                        amount: number;
                        currency: string;
                        /**
                         * @description pending: not paid (yet); paid: credited; expired: the checkout was abandoned; failed: the delayed payment failed; refunded: all credits reversed
                         * @enum {string}
                         */
                        state: "pending" | "paid" | "expired" | "failed" | "refunded";
                        /** @description Credits taken back by refunds */
                        reversedCredits: number;
                        /** @description The ledger's purchase entry, once credited */
                        entryId: string | null;
                        /** @description When the checkout was started */
                        createdAt: string;
                        /** @description When its state last changed */
                        updatedAt: string;
                    };
                };
            };
            /** @description Refused; nothing was changed */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @description Stable machine-readable code, e.g. slug_taken */
                            code: string;
                            message: string;
                            requestId: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
}
