import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../access/access.js';
import { selectTarget, type VisibleOrganization } from '../access/visible-organization.js';
import type { ProjectType } from '../catalog/catalog.entities.js';
import type { Branding, TenantPatch, Tier } from './tenants.entities.js';

/** The change kinds the lifecycle records. */
export type LifecycleChangeKind = 'provision' | 'update' | 'suspend' | 'resume' | 'deprovision' | 'purge';

/** A change request as the lifecycle records it (the changes feature's `submit` input). */
export interface LifecycleChange {
  tenantId: string;
  kind: LifecycleChangeKind;
  actor: { userId: string };
  reason?: string | undefined;
  /** One line for the commit subject after `tenant(<slug>): `. */
  summary: string;
  tenantPatch: TenantPatch;
}

/**
 * What the lifecycle asks of the stages after it. Tenants come before change requests and the
 * organization views in the pipeline, so the lifecycle names what it needs here and the
 * composition hands in those services' methods; what they answer with passes through untouched
 * (`Change`, `Preview`, `View`).
 */
export interface LifecyclePorts<Change, Preview, View> {
  /** Records a change request inside the caller's transaction; it is queued until settled. */
  submit(input: LifecycleChange, tx: EntityManager): Promise<{ id: string }>;
  /** Waits until the writer committed (or branched) the change, and answers it as the API shows it. */
  settle(changeId: string): Promise<Change>;
  /**
   * What committing the patch would change under the tenant's folder, committing nothing; read
   * through `manager` when given (rows of the caller's transaction).
   */
  preview(input: { tenantId: string; tenantPatch: TenantPatch }, manager?: EntityManager): Promise<Preview>;
  /** The organization as the API shows it, after the action. */
  view(actor: Actor, organizationId: string): Promise<View>;
  /** Refuses a tier the organization's other features do not fit in (custom domains past its limit). */
  checkTier?(input: { organizationId: string; tier: Tier }, manager: EntityManager): Promise<void>;
}

export interface CreateOrganization {
  actor: Actor;
  organizationName: string;
  slug?: string | undefined;
  projectType: ProjectType;
  tier?: Tier | undefined;
  parentId?: string | undefined;
  seedDemoData?: boolean | undefined;
}

export interface UpdateOrganization {
  actor: Actor;
  id: string;
  displayName?: string | undefined;
  tier?: Tier | undefined;
  theme?: { name: string; version?: string | undefined } | undefined;
  plugins?: string[] | undefined;
  /** Replaces the branding as a whole; `{}` removes it. */
  branding?: Branding | undefined;
  reason?: string | undefined;
}

export interface LifecycleRequest {
  actor: Actor;
  id: string;
  reason?: string | undefined;
}

/** An organization an action is taken on: what `authorize` reads, and the tier an update compares. */
export interface LifecycleTarget extends VisibleOrganization {
  tier: Tier | null;
}

/** The columns of a `LifecycleTarget`: what `authorize` reads, and the tenant's tier. */
export function selectLifecycleTarget<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return selectTarget(qb).addSelect('t.tier AS tier');
}
