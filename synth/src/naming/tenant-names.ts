// Names of everything synth renders. Objects inside the tenant namespace have fixed names (the
// namespace already isolates them); only objects in shared namespaces carry the slug.
import { createHash } from 'node:crypto';
import { MAX_DNS_LABEL_LENGTH } from '../spec/dns-names.js';

export const TENANT_NAMESPACE_PREFIX = 'tenant-';

/** Namespace, Flux Kustomization and Flux ServiceAccount of a tenant. */
export function tenantName(slug: string): string {
  return `${TENANT_NAMESPACE_PREFIX}${slug}`;
}

export const FLUX_NAMESPACE = 'flux-system';
/** kustomize-controller's own ServiceAccount: the one Flux account that may create namespaces and RBAC. */
export const PLATFORM_FLUX_ACCOUNT = 'kustomize-controller';
export const THEME_NAME = 'theme';
export const THEME_CONFIG_NAME = 'theme-config';
export const THEME_PORT = 8080;
export const THEME_PORT_NAME = 'http';
/** The database's name until a restore or a move recovers it into a new one (`TenantSpec.database.name`). */
export const DATABASE_CLUSTER_NAME = 'db';
export const DATABASE_NAME = 'cms';
export const DATABASE_OWNER = 'cms';
/** Secret CloudNativePG creates for the application owner; its `uri` key is a full connection URL. */
export function databaseAppSecret(clusterName: string): string {
  return `${clusterName}-app`;
}
export const DATABASE_PORT = 5432;
/**
 * Secret (keys `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`) holding the S3 credentials the theme
 * reaches the tenant's media bucket with. Delivered outside git (SOPS, External Secrets — docs/),
 * so synth only names it.
 */
export const MEDIA_CREDENTIALS_SECRET = 'media-credentials';
/** ClusterRole (from the GitOps template) that a tenant's Flux ServiceAccount is bound to. */
export const TENANT_RECONCILER_CLUSTER_ROLE = 'luster-tenant-reconciler';

/**
 * Certificate (and TLS Secret) name for a host: readable, stable while the host exists, and
 * collision-free because hosts that flatten alike (`a-b.c.io`, `a.b-c.io`) differ in the hash.
 */
export function certificateName(host: string): string {
  const hash = createHash('sha256').update(host).digest('hex').slice(0, 8);
  const prefix = `tls-${host.replaceAll('.', '-')}`;
  const room = MAX_DNS_LABEL_LENGTH - hash.length - 1;
  return `${prefix.slice(0, room).replace(/-+$/, '')}-${hash}`;
}
