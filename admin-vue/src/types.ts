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
  | 'deprovisioning'
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
  organization?: OrganizationRef;
}

export interface User {
  id: string;
  email: string;
  name: string;
  memberships: Membership[];
  emailVerified?: boolean;
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
  severity: 'info' | 'error' | string;
  reason: string;
  message: string;
  revision?: string | null;
  receivedAt?: string;
  timestamp?: string;
}

export interface SyncStatus extends SyncSummary {
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
  sync?: SyncSummary | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface OrganizationFilters {
  state?: OrganizationState | '';
  tier?: Tier | '';
  parentId?: string;
  page?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
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
  ref: string;
  sha?: string;
  files: ManifestFile[];
}

export interface Person {
  name: string;
  email: string;
}

export interface HistoryEntry {
  sha: string;
  subject: string;
  body?: string;
  author: Person;
  committedAt: string;
  trailers: Record<string, string>;
  files?: FileDiff[];
}

export type ChangeRequestState = 'open' | 'approved' | 'rejected' | 'merged' | 'closed';

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
  reason?: string | null;
  branch?: string | null;
  mergedSha?: string | null;
  createdAt: string;
  updatedAt?: string;
  files?: FileDiff[];
}

export interface ChangeRequestFilters {
  state?: ChangeRequestState | '';
  organizationId?: string;
}

export type AgencyRequestState = 'pending' | 'approved' | 'rejected';

export interface AgencyRequest {
  id: string;
  organization: OrganizationRef;
  applicant: UserRef;
  survey: Record<string, unknown>;
  state: AgencyRequestState;
  reason?: string | null;
  createdAt: string;
}

export interface AgencySurvey {
  clientCount: string;
  website?: string;
  services?: string;
  notes?: string;
}

export interface RegistrationInput {
  accountType: AccountType;
  projectType: ProjectType;
  organizationName: string;
  slug?: string;
  name?: string;
  email: string;
  password: string;
  seedDemoData?: boolean;
  agencySurvey?: AgencySurvey;
}

export interface RegistrationResult {
  organization: { id: string; slug: string; state: OrganizationState };
}

/** Everything a tenant action can ask for; `dryRun` returns the diff and commits nothing. */
export type TenantAction =
  | { kind: 'update'; patch: { tier?: Tier; theme?: string; plugins?: string[] } }
  | { kind: 'suspend'; reason?: string }
  | { kind: 'resume' }
  | { kind: 'deprovision'; reason?: string }
  | { kind: 'purge'; reason: string };

export interface ActionPreview {
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
