/**
 * The shapes the admin reads from the control plane's REST API (`/api/v1`).
 * Field names follow the server's entities; api.ts normalises the few places
 * where an answer may come in more than one shape.
 */

export type Role = 'superadmin' | 'agency_admin' | 'client_admin' | 'editor' | 'viewer';
export type OrganizationKind = 'platform' | 'agency' | 'organization';
export type Tier = 'starter' | 'pro' | 'enterprise';
export type ProjectType = 'website' | 'ecommerce';
export type AccountType = 'organization' | 'agency';
export type OrganizationState =
  | 'pending_review'
  | 'provisioning'
  | 'active'
  | 'suspended'
  | 'deprovisioned'
  | 'purging'
  | 'deleted'
  | 'rejected';
export type SyncState = 'Pending' | 'Reconciling' | 'Ready' | 'Failed' | 'Stale';

export interface OrganizationRef {
  id: string;
  slug: string;
  name: string;
  kind?: OrganizationKind;
}

export interface Membership {
  organizationId: string;
  role: Role;
  organizationName?: string;
  slug?: string;
  kind?: OrganizationKind;
}

export interface User {
  id: string;
  email: string;
  name: string;
  memberships: Membership[];
  /** Platform capabilities beyond roles, e.g. `reviewer`. */
  capabilities: string[];
  emailVerified?: boolean;
}

/** A member of an organization (`GET /organizations/{id}/users`). */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
  /** Invited and not accepted yet: the membership grants nothing until then. */
  pending: boolean;
  /** When the membership was created. */
  since: string;
}

/** An invitation into an organization the signed-in user has not accepted yet (`GET /me/invitations`). */
export interface PendingInvitation {
  organizationId: string;
  organizationName: string;
  role: Role;
  invitedAt: string;
}

export interface InviteInput {
  email: string;
  role: Role;
  name?: string;
}

export interface InviteResult {
  userId: string;
  email: string;
  role: Role;
  /** Always true: the answer does not tell whether the email already had an account. */
  invited: boolean;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface LoginResult extends Tokens {
  user: User;
}

export interface Branding {
  appName?: string | null;
  logoUrl?: string | null;
  primaryColor?: string | null;
  accentColor?: string | null;
  footerText?: string | null;
  supportEmail?: string | null;
  supportUrl?: string | null;
}

/**
 * The branding a PATCH accepts: synth's `brandingSchema` (synth/src/spec/tenant-spec.ts), a strict
 * object, so nothing beyond these fields; `{}` removes the branding.
 */
export interface BrandingInput {
  appName?: string;
  logoUrl?: string;
  primaryColor?: string;
  accentColor?: string;
  footerText?: string;
  supportEmail?: string;
}

export interface ThemeRef {
  name: string;
  version?: string;
}

export interface LastChange {
  sha: string;
  committedAt: string;
}

export interface SyncSummary {
  status: SyncState;
  lastChange: LastChange | null;
  appliedRevision?: string | null;
  readyAt?: string | null;
  message?: string | null;
}

export interface SyncEvent {
  id?: string;
  source?: 'flux' | 'argocd' | string;
  /** The reporting object, e.g. `Kustomization/flux-system/tenant-acme`. */
  object?: string;
  severity: 'info' | 'error' | string;
  reason: string;
  outcome?: string;
  message: string;
  revision?: string | null;
  at?: string;
}

export interface SyncStatus extends SyncSummary {
  firstProgressingAt?: string | null;
  /** How long the last change took to go live, once it has. */
  timeToLiveMs?: number | null;
  events: SyncEvent[];
}

export interface Organization extends OrganizationRef {
  kind: OrganizationKind;
  parentId: string | null;
  state: OrganizationState;
  tier: Tier | null;
  projectType: ProjectType | null;
  theme: ThemeRef | null;
  plugins: string[];
  domains: string[];
  branding?: Branding | null;
  /**
   * Who imposed the suspension, relative to the viewer: `self` (its organization or one below),
   * `platform`, or `parent` (an organization above the viewer's); null unless suspended.
   */
  suspendedBy?: 'self' | 'platform' | 'parent' | null;
  lastChange?: LastChange | null;
  sync?: SyncSummary | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface OrganizationFilters {
  state?: OrganizationState | '';
  tier?: Tier | '';
  parentId?: string | undefined;
  cursor?: string | undefined;
  limit?: number;
}

/** A client address + account pair locked by failed sign-ins (`GET /auth/locks`). */
export interface SignInLock {
  ip: string;
  email: string;
  /** When the pair may sign in again (ISO). */
  lockedUntil: string;
  /** Locks in a row; each doubles the wait, up to a day. */
  locks: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Cursor of the next page (organizations are paginated by slug); null on the last one. */
  nextCursor?: string | null;
}

/** One file of a change, as a unified diff (`--- a/… +++ b/… @@ …`). */
export interface FileDiff {
  path: string;
  status?: 'added' | 'modified' | 'deleted';
  patch: string;
}

export interface ManifestFile {
  path: string;
  content: string;
}

export interface Manifests {
  /** The commit of main the files were read at (null before the first commit). */
  ref: string | null;
  /** The tenant's folder in the GitOps repo. */
  dir: string | null;
  files: ManifestFile[];
}

export interface Person {
  name: string;
  email: string;
}

export interface Trailer {
  key: string;
  value: string;
}

export interface HistoryEntry {
  sha: string;
  parentSha?: string;
  branch?: string;
  subject: string;
  changeRequestId?: string | null;
  author: Person;
  committedAt: string;
  trailers: Trailer[];
}

export type ChangeRequestState =
  | 'queued'
  | 'pending_review'
  | 'approved'
  | 'rejected'
  | 'committed'
  | 'merged'
  | 'failed';

export interface UserRef {
  id: string;
  email: string;
  name?: string;
}

export interface ChangeRequest {
  id: string;
  organizationId: string;
  organization?: OrganizationRef;
  kind: string;
  title: string;
  state: ChangeRequestState;
  requestedBy: UserRef;
  approvedBy?: UserRef | null;
  rejectedBy?: UserRef | null;
  rejectionReason?: string | null;
  /** Set when the change is reviewed as a pull request on a git host. */
  pullRequest?: { number: number; url: string } | null;
  reason?: string | null;
  error?: string | null;
  branch?: string | null;
  commitSha?: string | null;
  createdAt: string;
  committedAt?: string | null;
  files?: FileDiff[];
}

export interface ChangeRequestFilters {
  state?: ChangeRequestState | '';
  organizationId?: string;
}

export type AgencyRequestState = 'pending_review' | 'approved' | 'rejected';

export interface AgencyRequest {
  id: string;
  organization: OrganizationRef;
  applicant: UserRef;
  survey: Record<string, unknown>;
  state: AgencyRequestState;
  reason?: string | null;
  createdAt: string;
}

/** Free-text answers, `{ question: answer }` (the server stores them as given). */
export type AgencySurvey = Record<string, string>;

export interface RegistrationInput {
  accountType: AccountType;
  projectType: ProjectType;
  organizationName: string;
  slug?: string;
  email: string;
  password: string;
  seedDemoData?: boolean;
  agencySurvey?: AgencySurvey;
}

export interface RegistrationResult {
  organization: { id: string; slug: string; name?: string; state: OrganizationState };
}

/** Everything a tenant action can ask for; `dryRun` returns the diff and commits nothing. */
export type TenantAction =
  | {
      kind: 'update';
      patch: {
        tier?: Tier;
        theme?: { name: string; version?: string };
        plugins?: string[];
        branding?: BrandingInput;
      };
    }
  | { kind: 'suspend'; reason?: string }
  | { kind: 'resume' }
  | { kind: 'deprovision'; reason?: string }
  | { kind: 'purge'; reason: string };

export interface ActionPreview {
  /** False when the server cannot render this action without committing it. */
  available: boolean;
  baseSha?: string | null;
  files: FileDiff[];
}

export interface ActionResult {
  changeRequest: ChangeRequest | null;
  organization?: Organization;
}

/** A message on the live stream (`GET /api/v1/events`). */
export interface LiveSyncUpdate {
  organizationId: string;
  sync: SyncSummary;
  event?: SyncEvent;
  state?: OrganizationState;
}

/** A theme version of the catalog (`GET /catalog/themes`, newest first per theme). */
export interface CatalogTheme {
  name: string;
  version: string;
  displayName: string;
  projectTypes: ProjectType[];
  available: boolean;
}

/** A plugin of the catalog (`GET /catalog/plugins`). */
export interface CatalogPlugin {
  key: string;
  name: string;
  description: string;
  available: boolean;
}
