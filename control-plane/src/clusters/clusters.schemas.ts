import { syncStatuses, tenantStates } from '@luster/contract';
import { z } from 'zod';
import { text } from '../http/text.js';

/**
 * A cluster's name is the folder of its entry point (`clusters/<name>/`) and of its tenants
 * (`tenants/<name>/…`): a DNS label, like LUSTER_CLUSTER.
 */
export const clusterName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a DNS label (lowercase letters, digits, dashes)')
  // `--` ends the cluster in its Argo CD Application names (`<cluster>--tenant-<slug>`).
  .refine((name) => !name.includes('--'), 'must not hold two dashes in a row')
  .meta({ description: "DNS-1123 label, 1-63 characters, no '--'; never changes" });

/** Kubernetes-like keys and values, so a label can be copied onto cluster objects if wanted. */
const labelKey = z.string().regex(/^[A-Za-z0-9]([A-Za-z0-9._/-]{0,61}[A-Za-z0-9])?$/, 'must be a label key');
const labelValue = z
  .string()
  .regex(/^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/, 'must be a label value');

const fields = {
  region: text().max(100).meta({ description: 'Free text for people, e.g. eu-west-1' }),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .meta({ description: 'The most tenants placement puts on it' }),
  labels: z
    .record(labelKey, labelValue)
    .refine((labels) => Object.keys(labels).length <= 20, 'at most 20 labels')
    .meta({ description: 'Free key → value labels, at most 20' }),
  acceptsTenants: z
    .boolean()
    .meta({ description: 'False: placement puts no new tenant here; its tenants stay' }),
};

export const createClusterBody = z.strictObject({
  name: clusterName,
  region: fields.region.optional().meta({ description: 'Default empty' }),
  capacity: fields.capacity.optional().meta({ description: 'Default 1000' }),
  labels: fields.labels.optional(),
  acceptsTenants: fields.acceptsTenants.optional().meta({ description: 'Default true' }),
});

export const updateClusterBody = z.strictObject({
  region: fields.region.optional(),
  capacity: fields.capacity.optional(),
  labels: fields.labels.optional().meta({ description: 'Replaces every label' }),
  acceptsTenants: fields.acceptsTenants.optional(),
});

export const clusterParams = z.strictObject({ name: text().min(1).max(100) });

export const clusterTenantsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: 'Default 50' }),
  cursor: text().max(100).optional().meta({ description: 'The nextCursor of the previous page' }),
});

export const preferredClusterParams = z.strictObject({ id: text().min(1).max(100) });

export const preferredClusterBody = z.strictObject({
  cluster: clusterName
    .nullable()
    .meta({ description: 'The cluster new tenants at or below this organization prefer; null clears it' }),
});

const health = z
  .object(
    Object.fromEntries(syncStatuses.map((s) => [s, z.number().int()])) as Record<
      (typeof syncStatuses)[number],
      z.ZodNumber
    >,
  )
  .meta({ description: 'Tenants with a commit, by the sync status the organization list shows' });

export const clusterSchema = z.object({
  name: z.string(),
  region: z.string(),
  capacity: z.number().int(),
  labels: z.record(z.string(), z.string()),
  acceptsTenants: z.boolean(),
  tenants: z
    .number()
    .int()
    .meta({ description: 'Tenants taking a slot (every state but purged and rejected)' }),
  usedPercent: z.number().meta({ description: 'tenants / capacity × 100, one decimal' }),
  health,
  preferredBy: z
    .array(z.object({ id: z.string(), slug: z.string(), name: z.string() }))
    .meta({ description: 'The organizations whose new tenants prefer this cluster' }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const clusterListSchema = z.object({ items: z.array(clusterSchema) });

export const clusterTenantSchema = z.object({
  organizationId: z.string(),
  slug: z.string(),
  name: z.string(),
  state: z.enum(tenantStates),
  sync: z.enum(syncStatuses),
});

export const clusterDetailSchema = clusterSchema.extend({
  tenantPage: z.object({
    items: z.array(clusterTenantSchema),
    nextCursor: z.string().nullable(),
  }),
});

export const preferredClusterSchema = z.object({
  organizationId: z.string(),
  preferredCluster: z.string().nullable(),
});

export const clusterChoiceListSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      region: z.string(),
      labels: z.record(z.string(), z.string()),
      roomLeft: z
        .number()
        .int()
        .meta({ description: 'Tenants placement may still put there: capacity − tenants, at least 0' }),
    }),
  ),
});
