import { randomUUID } from 'node:crypto';
import type { tenantTransitions } from '@luster/contract';
import type { EntityManager } from 'typeorm';
import { Organization, type OrganizationKind } from '../access/organization.entities.js';
import type { ProjectType } from '../catalog/catalog.entities.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { ConflictError } from '../errors/index.js';
import { requestBucket } from '../media/bucket-requests.js';
import { placeTenant } from '../placement/place-tenant.js';
import { Tenant, type Tier } from './tenants.entities.js';

export interface NewTenantInput {
  /**
   * `path` only from a caller that knows it cannot change (the platform organization, which never
   * moves): it saves reading it again. @default read inside the transaction
   */
  parent: { id: string; path?: string | undefined };
  name: string;
  slug: string;
  kind: OrganizationKind;
  projectType: ProjectType;
  tier: Tier;
  seedDemoData: boolean;
  state: (typeof tenantTransitions)['create' | 'register_agency']['to'];
}

/**
 * Inserts an organization under `parent` and its tenant row with the catalog's defaults for the
 * project type (registration, approval and "create client" all come through here), on the cluster
 * placement chooses (`409 no_cluster_capacity` when none has room: nothing is written). The
 * caller's transaction also records the provision change and the media bucket request, so the row
 * and the intent land together.
 */
export async function insertOrganizationWithTenant(
  tx: EntityManager,
  catalog: CatalogService,
  input: NewTenantInput,
): Promise<{ organization: Organization; tenant: Tenant; theme: { name: string; version: string } }> {
  const organization = await insertOrganization(tx, catalog, input);
  const tenant = await insertPlacedTenant(tx, organization);
  return { organization: organization.row, tenant, theme: organization.theme };
}

/** An organization inserted with what its tenant will get, for `insertPlacedTenant`. */
export interface NewOrganization {
  row: Organization;
  /** The parent's path: placement looks for a preferred cluster along it. */
  parentPath: string;
  theme: { name: string; version: string };
  plugins: string[];
  input: NewTenantInput;
}

/**
 * The first half of insertOrganizationWithTenant: the organization row and its media bucket
 * request. A caller with more rows to write puts them between the halves, so they are not written
 * while the second half's cluster lock makes every other placement on that cluster wait.
 */
export async function insertOrganization(
  tx: EntityManager,
  catalog: CatalogService,
  input: NewTenantInput,
): Promise<NewOrganization> {
  const { theme, plugins } = await catalog.defaultsFor(tx, input.projectType);
  // The parent's path as it is now, inside the transaction: a move of the agency above into or out
  // of a partner group may have committed since the caller loaded the parent (the caller's gate
  // holds that agency's tenant row FOR SHARE, which a move locks FOR UPDATE, so none is in flight).
  const path =
    input.parent.path ??
    (
      await tx.findOneOrFail(Organization, {
        where: { id: input.parent.id },
        select: { id: true, path: true },
      })
    ).path;
  const id = randomUUID();
  const row = tx.create(Organization, {
    id,
    slug: input.slug,
    name: input.name,
    kind: input.kind,
    parentId: input.parent.id,
    path: `${path}${id}/`,
  });
  await tx.insert(Organization, row);
  await requestBucket(tx, row);
  return { row, parentPath: path, theme: { name: theme.name, version: theme.version }, plugins, input };
}

/**
 * The second half: the tenant row on the cluster placement chooses. The chosen cluster stays
 * locked until the caller commits (place-tenant.ts), so the caller writes as little as it can
 * after this.
 */
export async function insertPlacedTenant(tx: EntityManager, organization: NewOrganization): Promise<Tenant> {
  const { input, theme } = organization;
  const cluster = await placeTenant(tx, { parentPath: organization.parentPath });
  const tenant = tx.create(Tenant, {
    organizationId: organization.row.id,
    slug: input.slug,
    tier: input.tier,
    projectType: input.projectType,
    themeName: theme.name,
    themeVersion: theme.version,
    plugins: organization.plugins,
    seedDemoData: input.seedDemoData,
    state: input.state,
    cluster,
    lastChangeId: null,
    lastCommitSha: null,
    lastCommittedAt: null,
  });
  await tx.save(tenant);
  return tenant;
}

export function slugTaken(slug: string): ConflictError {
  return new ConflictError({
    code: 'slug_taken',
    message: `The slug '${slug}' is taken`,
    data: { field: 'slug', slug },
  });
}

/**
 * Turns a unique-constraint race (two requests passing the existence check together) into the
 * same 409 the check gives. Anything else is rethrown unchanged.
 */
export function mapUniqueViolation(error: unknown, values: { slug?: string; email?: string }): unknown {
  const e = error as {
    code?: string;
    table?: string;
    detail?: string;
    driverError?: { code?: string; table?: string; detail?: string };
  };
  const pg = e.driverError ?? e;
  if (pg.code !== '23505') return error;
  if ((pg.table === 'organization' || pg.table === 'tenant') && values.slug) return slugTaken(values.slug);
  if (pg.table === 'user' && values.email) return emailTaken();
  return error;
}

export function emailTaken(): ConflictError {
  return new ConflictError({
    code: 'email_taken',
    message: 'An account with this email address exists already',
    data: {
      field: 'email',
    },
  });
}

/** `jane@example.com` → `jane`: the display name until the user sets one. */
export function nameFromEmail(email: string): string {
  return email.split('@')[0] || email;
}
