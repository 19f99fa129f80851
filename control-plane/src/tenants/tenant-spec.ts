import type { TenantState } from '@luster/contract';
import type { TenantState as RenderedState, TenantSpecInput } from '@luster/synth';
import type { OrganizationKind } from '../access/organization.entities.js';
import type { ThemeVersion } from '../catalog/catalog.entities.js';
import { physicalBucketName } from '../storage/buckets.js';
import type { Tenant } from './tenants.entities.js';

/** The rows a tenant's spec is derived from: nothing else may influence what is rendered. */
export interface TenantRows {
  tenant: Pick<
    Tenant,
    | 'slug'
    | 'organizationId'
    | 'tier'
    | 'projectType'
    | 'plugins'
    | 'state'
    | 'cluster'
    | 'seedDemoData'
    | 'branding'
    | 'customDomains'
    | 'primaryDomain'
    | 'database'
  >;
  organization: { name: string; parentId: string | null };
  parent: { id: string; kind: OrganizationKind } | null;
  theme: Pick<ThemeVersion, 'name' | 'version' | 'image'>;
}

/**
 * The bucket's name on S3, as the bucket queue creates it: `org-<slug>-media` (DESIGN §7) after
 * S3_BUCKET_PREFIX, shortened with a hash when the two together pass S3's 63 characters.
 */
export function mediaBucketOf(slug: string, prefix: string): string {
  return physicalBucketName(prefix, `org-${slug}-media`);
}

/**
 * What synth renders for each lifecycle state: suspension and data retention are synth's, every
 * state before or around a running tenant renders it whole. A deleted tenant has no folder at all
 * (render.ts); its spec is the purge's, whose render was its last.
 */
const renderedState: Record<TenantState, RenderedState> = {
  pending_review: 'active',
  provisioning: 'active',
  active: 'active',
  rejected: 'active',
  suspended: 'suspended',
  deprovisioned: 'deprovisioned',
  purging: 'purging',
  deleted: 'purging',
};

/**
 * DB rows → TenantSpec, the only input of synth. Pure: the same rows always give the same spec,
 * which is what makes "re-render from the DB reproduces git byte for byte" hold.
 */
export function tenantSpecOf(rows: TenantRows, mediaBucketPrefix = ''): TenantSpecInput {
  const { tenant, organization, parent, theme } = rows;
  return {
    slug: tenant.slug,
    organizationId: tenant.organizationId,
    displayName: organization.name,
    // Direct customers of the platform have no agency above them, and neither has an agency: a
    // partner group is not rendered, so moving an agency into or out of one changes no manifest.
    parentOrganizationId:
      parent && parent.kind !== 'platform' && parent.kind !== 'partner_group' ? parent.id : null,
    tier: tenant.tier,
    projectType: tenant.projectType,
    theme: { name: theme.name, version: theme.version, image: theme.image },
    plugins: [...tenant.plugins].sort(),
    domains: {
      custom: [...tenant.customDomains],
      ...(tenant.primaryDomain ? { primary: tenant.primaryDomain } : {}),
    },
    branding: { ...tenant.branding },
    mediaBucket: mediaBucketOf(tenant.slug, mediaBucketPrefix),
    // Registration's seedDemoData: the theme imports its demo pack at first start.
    demoContent: tenant.seedDemoData,
    state: renderedState[tenant.state],
    cluster: tenant.cluster,
    database: databaseSpecOf(tenant),
  };
}

/**
 * The database part of the spec: the current database, and the one a restore replaced while it is
 * kept on this cluster. A database kept on another cluster (a move) is that cluster's folder, not
 * this one's (render.ts `renderKeptCopy`).
 */
function databaseSpecOf({ cluster, database }: TenantRows['tenant']): TenantSpecInput['database'] {
  const { name, recovery, kept } = database;
  const keptHere = kept && kept.cluster === cluster && kept.stage !== 'removed';
  return {
    name,
    ...(recovery ? { recovery } : {}),
    ...(keptHere
      ? {
          kept: {
            name: kept.name,
            ...(kept.recovery ? { recovery: kept.recovery } : {}),
            released: kept.stage === 'released',
          },
        }
      : {}),
  };
}
