import { organizationActions, syncStatuses, tenantStates } from '@luster/contract';
import { tenantSpecSchema } from '@luster/synth';
import { z } from 'zod';
import { organizationKinds, roles } from '../access/organization.entities.js';
import { changeRequestSchema } from '../changes/changes.schemas.js';
import { fileDiff, organizationName, projectType, slug } from '../http/atoms.js';
import { isStorableText, personName, text, unstorableTextMessage } from '../http/text.js';
import { mediaStatusSchema } from '../media/media.schemas.js';
import { syncSummarySchema } from '../sync/sync.schemas.js';

export const tier = z.enum(['starter', 'pro', 'enterprise']);
export const tenantState = z.enum(tenantStates);
/** `admin` is accepted as an alias of `agency_admin`. */
export const roleInput = z
  .enum([...roles, 'admin'])
  .transform((r) => (r === 'admin' ? 'agency_admin' : r))
  .meta({ description: "One of the roles; 'admin' is an alias of 'agency_admin'" });

export const listQuery = z.strictObject({
  state: tenantState.optional(),
  sync: z.enum(syncStatuses).optional().meta({ description: 'The sync status shown, Stale included' }),
  tier: tier.optional(),
  parentId: z.uuid().optional(),
  cluster: text()
    .max(63)
    .optional()
    .meta({ description: 'Only tenants running on this cluster (the Clusters page links here)' }),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: text().max(100).optional(),
});

/** How many visible organizations are in each state and status, whatever the state or sync filter. */
export const organizationCounts = z
  .object({
    states: z.array(z.object({ state: tenantState, count: z.number() })),
    sync: z.array(z.object({ status: z.enum(syncStatuses), count: z.number() })).meta({
      description: 'Worst first: Failed, Stale, Reconciling, Pending, Ready',
    }),
  })
  .meta({
    description: 'Over the tier, parent and cluster filters, not the state or sync one; zero counts left out',
  });

export const createBody = z.strictObject({
  organizationName,
  slug: slug.optional(),
  projectType,
  tier: tier.optional(),
  parentId: z
    .uuid()
    .optional()
    .meta({ description: "Default: the X-Org-Context organization, else the actor's agency" }),
  seedDemoData: z.boolean().optional(),
});

/**
 * Synth's own branding rules, so what the API accepts always renders, and text the database can
 * store (synth's schema is ours to reuse, not to extend with storage rules).
 */
const brandingSchema = tenantSpecSchema.shape.branding.unwrap().superRefine((branding, ctx) => {
  for (const [key, value] of Object.entries(branding)) {
    if (typeof value === 'string' && !isStorableText(value)) {
      ctx.addIssue({ code: 'custom', path: [key], message: unstorableTextMessage });
    }
  }
});

export const updateBody = z.strictObject({
  displayName: organizationName.optional(),
  tier: tier.optional(),
  theme: z
    .strictObject({ name: text().min(1).max(63), version: text().min(1).max(64).optional() })
    .optional()
    .meta({ description: 'From the catalog; version absent = newest available' }),
  plugins: z.array(text().min(1).max(63)).max(50).optional(),
  branding: brandingSchema.optional().meta({
    description: 'White-label branding, replaced as a whole ({} removes it); the same rules as synth',
  }),
  reason: text().max(500).optional(),
});

export const lifecycleBody = z.strictObject({ reason: text().max(500).optional() });

export const inviteBody = z.strictObject({
  email: z.email().max(254),
  role: roleInput,
  name: personName().optional(),
});

export const organizationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(organizationKinds),
  parentId: z.string().nullable(),
  state: tenantState.nullable().meta({ description: 'Null for an organization without a tenant' }),
  tier: tier.nullable(),
  projectType: projectType.nullable(),
  theme: z.object({ name: z.string(), version: z.string() }).nullable(),
  plugins: z.array(z.string()),
  domains: z.array(z.string()).meta({ description: 'Where the tenant is served' }),
  branding: tenantSpecSchema.shape.branding
    .unwrap()
    .nullable()
    .meta({ description: 'Null without a tenant; {} when none is set' }),
  cluster: z.string().nullable(),
  lastChange: z.object({ id: z.string().nullable(), sha: z.string(), committedAt: z.string() }).nullable(),
  sync: syncSummarySchema.nullable(),
  suspendedBy: z.enum(['self', 'platform', 'parent']).nullable().meta({
    description:
      'Who imposed the suspension, relative to the caller: self (its organization or below), platform, parent',
  }),
  media: mediaStatusSchema.nullable().meta({
    description:
      "The media bucket's state (pending until S3 created it) and quota use; null without a bucket",
  }),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(organizationActions)).meta({
    description:
      'What the caller may do on this organization now: the permission table for its roles, the approval gate and the tenant state (resume only when suspended and the caller may lift the suspension)',
  }),
  grantableRoles: z.array(z.enum(roles)).meta({
    description:
      'The roles the caller may invite a member with or change a member to here, strongest first: at or below its own role here, and only those an organization of this kind holds (empty without users.invite)',
  }),
});

export const orgWithChange = z.object({
  organization: organizationSchema,
  change: changeRequestSchema.nullable(),
});

/** What a change would commit, rendered and diffed against main without committing it. */
export const previewSchema = z.object({
  baseSha: z.string().nullable().meta({ description: 'The head of main the diff is against' }),
  files: z.array(fileDiff),
});

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  emailVerified: z.boolean(),
  pending: z.boolean().meta({ description: 'Invited and not accepted yet: the membership grants nothing' }),
  status: z
    .enum(['active', 'invited'])
    .meta({ description: '`invited` until accepted (a new account: until its password is chosen)' }),
  since: z.string(),
});

export const inviteResult = z.object({
  userId: z.string(),
  email: z.string(),
  role: z.enum(roles),
  invited: z.literal(true).meta({ description: 'Always true: whether the email had an account is not told' }),
});

export const invitationSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  role: z.enum(roles),
  invitedAt: z.string(),
});
