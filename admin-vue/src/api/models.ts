/**
 * Names for the shapes the admin reads and sends, all taken from the generated API types
 * (schema.d.ts, from the server's route schemas) — none is written out by hand. The few types
 * below that are the admin's own (a tenant action, a live update) say so.
 */
import type { TenantState } from '@luster/contract';
import type { Purchase } from './credits';
import type { Answer, Body } from './http';

export type { Tokens } from './http';

export type User = Answer<'/me', 'get'>;
export type Membership = User['memberships'][number];
export type Role = Membership['role'];
export type LoginResult = Answer<'/auth/login', 'post'>;
/** A client address + account pair locked by failed sign-ins. */
export type SignInLock = Answer<'/auth/locks', 'get'>['locks'][number];

export type Organization = Answer<'/organizations/{id}', 'get'>;
export type OrganizationKind = Organization['kind'];
export type OrganizationState = TenantState;
export type Tier = NonNullable<Organization['tier']>;
export type ProjectType = NonNullable<Organization['projectType']>;
export type Branding = NonNullable<Organization['branding']>;
/** What a PATCH takes as branding: synth's rules; `{}` removes it. */
export type BrandingInput = NonNullable<Body<'/organizations/{id}', 'patch'>['branding']>;
/** A new client organization: its parent, name, project type, tier and demo data. */
export type NewClientInput = Body<'/organizations', 'post'>;
export type NewClientResult = Answer<'/organizations', 'post'>;
export type OrganizationFilters = NonNullable<Query<'/organizations'>>;
/** How many visible organizations are in each state and sync status (over the tier and parent filters). */
export type OrganizationCounts = Answer<'/organizations', 'get'>['counts'];
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/** A sync status with the change it is about, when the answer carries it (the live stream does). */
export type SyncSummary = NonNullable<Organization['sync']> & { lastChange?: LastChange | null };
export type SyncStatus = Answer<'/organizations/{id}/sync', 'get'>;
export type SyncState = SyncStatus['status'];
export type SyncEvent = SyncStatus['events'][number];
export type LastChange = NonNullable<SyncStatus['lastChange']>;

export type Member = Answer<'/organizations/{id}/users', 'get'>['items'][number];
export type InviteInput = Body<'/organizations/{id}/users', 'post'>;
export type InviteResult = Answer<'/organizations/{id}/users', 'post'>;
export type PendingInvitation = Answer<'/me/invitations', 'get'>['items'][number];

export type Manifests = Answer<'/organizations/{id}/manifests', 'get'>;
export type HistoryEntry = Answer<'/organizations/{id}/history', 'get'>['items'][number];
export type FileDiff = Answer<'/organizations/{id}/history/{sha}', 'get'>['files'][number];

export type ChangeRequest = Answer<'/change-requests', 'get'>['items'][number];
/** What a revert answers: the change it made (committed, or awaiting review). */
export type RevertResult = Answer<'/organizations/{id}/revert', 'post'>;
export type Drift = NonNullable<Answer<'/organizations/{id}/drift', 'get'>['drift']>;
export type ChangeRequestDetail = Answer<'/change-requests/{id}', 'get'>;
export type ChangeRequestState = ChangeRequest['state'];
export type ChangeRequestFilters = NonNullable<Query<'/change-requests'>>;
export type PersonRef = NonNullable<ChangeRequest['requestedBy']>;

export type PartnerGroup = Answer<'/partner-groups', 'get'>['items'][number];
export type Cluster = Answer<'/clusters', 'get'>['items'][number];
export type ClusterDetail = Answer<'/clusters/{name}', 'get'>;
/** A cluster someone moving a tenant may choose: name, region, labels and room left only. */
export type ClusterChoice = Answer<'/cluster-choices', 'get'>['items'][number];

export type AgencyRequest = Answer<'/agency-requests', 'get'>['items'][number];
export type AgencyRequestState = AgencyRequest['state'];

export type RegistrationInput = Body<'/registrations', 'post'>;
export type RegistrationResult = Answer<'/registrations', 'post'>;
export type AccountType = RegistrationInput['accountType'];

export type CatalogTheme = Answer<'/catalog/themes', 'get'>['items'][number];
export type CatalogPlugin = Answer<'/catalog/plugins', 'get'>['items'][number];
export type ThemeInput = Body<'/catalog/themes/{name}/{version}', 'put'>;
export type PluginInput = Body<'/catalog/plugins/{key}', 'put'>;

/** What a tenant action answers: the organization as it is now and the change it made (or null). */
export type ActionResult = Answer<'/organizations/{id}', 'patch'>;
/** The diff an action would commit. */
export type ActionPreview = Answer<'/organizations/{id}/preview', 'post'>;

/** The admin's own: everything a tenant action can ask for. */
export type TenantAction =
  | { kind: 'update'; patch: Body<'/organizations/{id}', 'patch'> }
  | { kind: 'suspend'; reason?: string }
  | { kind: 'resume' }
  | { kind: 'deprovision'; reason?: string }
  | { kind: 'purge'; reason: string };

/**
 * A `tenant.sync` message of the live stream (`GET /events`, text/event-stream, so not in the
 * generated types): the organization and its new sync summary with the change it is about.
 */
export interface LiveSyncUpdate {
  organizationId: string;
  sync: SyncSummary;
}

/** A `tenant.state` message of the live stream: the organization's new lifecycle state. */
export interface LiveStateUpdate {
  organizationId: string;
  state: OrganizationState;
}

/**
 * A `credits.purchase` message of the live stream: a purchase that changed (Stripe's webhook
 * credited it, or it failed or was refunded) and the organization's balance after it.
 */
export interface LivePurchaseUpdate {
  organizationId: string;
  purchase: Purchase;
  balance: number | null;
}

/**
 * A `domains.changed` message of the live stream: something about the organization's custom
 * domains changed (a check moved a line, a certificate was reported, a domain added or removed).
 */
export interface LiveDomainsUpdate {
  organizationId: string;
  hostname: string | null;
}

type Query<P extends '/organizations' | '/change-requests'> =
  import('./schema').paths[P]['get']['parameters']['query'];
