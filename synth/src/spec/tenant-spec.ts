// TenantSpec: the only input of synth. One zod schema is the source of the TypeScript type, of the
// runtime checks and of tenant-spec.schema.json (scripts/generate-docs.ts); the descriptions below
// are the field documentation printed in the README.
import { z } from 'zod';
import { DATABASE_CLUSTER_NAME } from '../naming/tenant-names.js';
import { tierNames, tierPresets } from '../tiers/tier-presets.js';
import { backupScheduleProblem } from './backup-schedule.js';
import { DNS_LABEL, hostnameProblem, MAX_DNS_LABEL_LENGTH } from './dns-names.js';
import { isPinned, parseImageReference } from './image-reference.js';

/** The namespace is `tenant-<slug>` and must itself be a DNS label. */
export const MAX_SLUG_LENGTH = MAX_DNS_LABEL_LENGTH - 'tenant-'.length;

const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

const dnsLabel = (what: string, max = MAX_DNS_LABEL_LENGTH) =>
  z
    .string()
    .max(max, `${what} must be at most ${max} characters`)
    .regex(
      DNS_LABEL,
      `${what} must be a lowercase DNS label: a-z, 0-9 and '-', starting and ending alphanumeric`,
    );

const labelValue = (what: string) =>
  z
    .string()
    .max(MAX_DNS_LABEL_LENGTH, `${what} must be at most ${MAX_DNS_LABEL_LENGTH} characters`)
    .regex(LABEL_VALUE, `${what} must be a Kubernetes label value: letters, digits, '-', '_' and '.'`);

const hostname = z.string().superRefine((host, ctx) => {
  const problem = hostnameProblem(host);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const imageReference = z.string().superRefine((image, ctx) => {
  const ref = parseImageReference(image);
  if (!ref) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a full image reference: <registry host>/<repository>:<tag>',
    });
  } else if (!isPinned(ref)) {
    ctx.addIssue({
      code: 'custom',
      message: "must be pinned: a tag other than 'latest', or a sha256 digest",
    });
  }
});

const backupSchedule = z.string().superRefine((schedule, ctx) => {
  const problem = backupScheduleProblem(schedule);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

function uniqueItems<T extends z.ZodType<string>>(item: T, what: string) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Set<string>();
    for (const [index, value] of items.entries()) {
      if (seen.has(value))
        ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} '${value}'` });
      seen.add(value);
    }
  });
}

const themeSchema = z
  .strictObject({
    name: dnsLabel('theme.name').meta({ description: 'Catalog name of the theme, e.g. `aurora`.' }),
    version: z
      .string()
      .regex(SEMVER, 'theme.version must be a semantic version such as 1.4.0')
      .meta({ description: 'Catalog version of the theme (semver).' }),
    image: imageReference.meta({
      description:
        'Container image from the theme catalog: `<registry>/<repository>:<tag>` and/or `@sha256:<digest>`; ' +
        'never `latest`. Its registry must be one of RenderOptions.allowedImageRegistries. The image serves HTTP on port 8080 and answers `GET /healthz`.',
    }),
  })
  .meta({ description: 'The theme the tenant runs.' });

const domainsSchema = z.strictObject({
  platformSubdomain: dnsLabel('domains.platformSubdomain').optional().meta({
    description:
      'Label under RenderOptions.baseDomain for the platform host `<platformSubdomain>.<baseDomain>`. Defaults to the slug.',
  }),
  custom: uniqueItems(hostname, 'custom domain').default([]).meta({
    description:
      "Verified custom domains, each a fully qualified lowercase hostname (no wildcards). At most the tier's `customDomainLimit`.",
  }),
  primary: hostname.optional().meta({
    description:
      'The canonical custom domain, one of `custom`: the other custom domains answer with a permanent redirect to it. Unset, every host serves the site.',
  }),
});

const brandingSchema = z.strictObject({
  appName: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Product name shown instead of LusterCMS.' }),
  logoUrl: z
    .url({ protocol: /^https$/, message: 'branding.logoUrl must be an https URL' })
    .optional()
    .meta({ description: 'https URL of the logo.' }),
  primaryColor: z
    .string()
    .regex(HEX_COLOR, 'branding.primaryColor must be a hex color such as #1a2b3c')
    .optional()
    .meta({ description: 'Primary brand color, `#rgb` or `#rrggbb`.' }),
  accentColor: z
    .string()
    .regex(HEX_COLOR, 'branding.accentColor must be a hex color such as #1a2b3c')
    .optional()
    .meta({ description: 'Accent brand color, `#rgb` or `#rrggbb`.' }),
  footerText: z.string().max(200).optional().meta({ description: 'Footer text, at most 200 characters.' }),
  supportEmail: z.email().optional().meta({ description: "Support contact shown to the tenant's users." }),
});

/** CloudNativePG derives Service and Secret names from the cluster's (`<name>-rw`, `<name>-app`). */
const MAX_DATABASE_NAME_LENGTH = 40;
const databaseName = (what: string) => dnsLabel(what, MAX_DATABASE_NAME_LENGTH);

const databaseRecoverySchema = (what: string) =>
  z
    .strictObject({
      cluster: dnsLabel(`${what}.cluster`).meta({
        description:
          "The cluster whose object store folder holds the backups (the tenant's cluster, or the one it moves from).",
      }),
      database: databaseName(`${what}.database`).meta({
        description: 'Name of the database whose backups are recovered.',
      }),
      targetTime: z.iso
        .datetime({ offset: true, message: `${what}.targetTime must be an RFC 3339 time` })
        .optional()
        .meta({
          description:
            'Replay the archive up to this instant (point-in-time restore). Unset: the latest state.',
        }),
    })
    .meta({ description: 'Bootstrap the database from the backups of another, instead of empty.' });

const databaseSchema = z.strictObject({
  name: databaseName('database.name').default(DATABASE_CLUSTER_NAME).meta({
    description:
      "Name of the CloudNativePG cluster the theme uses (its `<name>-app` Secret). A restore or a move recovers into a new name, so its archive never mixes with the source's.",
  }),
  recovery: databaseRecoverySchema('database.recovery').optional(),
  kept: z
    .strictObject({
      name: databaseName('database.kept.name'),
      recovery: databaseRecoverySchema('database.kept.recovery').optional(),
      released: z.boolean().default(false).meta({
        description: 'The prune guard is lifted: the next change that leaves it out deletes it.',
      }),
    })
    .optional()
    .meta({
      description:
        'The database a point-in-time restore replaced, kept running (and backed up) until released: rendered as it was, without the theme.',
    }),
  storageGi: z.int().min(1).optional().meta({
    description:
      "Volume size per database instance in GiB. Defaults to the tier's `storageGi`; at most the tier's `maxStorageGi`.",
  }),
  backupSchedule: backupSchedule.optional().meta({
    description:
      'Six-field cron expression (seconds first) for the daily base backup. Defaults to a time between 01:00 and 04:59 derived from the slug.',
  }),
});

/** The lifecycle states synth renders; a deleted tenant has no folder at all. */
export const tenantStates = ['active', 'suspended', 'deprovisioned', 'purging'] as const;
export type TenantState = (typeof tenantStates)[number];

export const tenantSpecSchema = z
  .strictObject({
    slug: dnsLabel('slug', MAX_SLUG_LENGTH)
      .min(2, 'slug must be at least 2 characters')
      .meta({
        description: `Stable tenant id, a lowercase DNS label of 2-${MAX_SLUG_LENGTH} characters. Names the namespace \`tenant-<slug>\` and the folder.`,
      }),
    organizationId: labelValue('organizationId').meta({
      description: 'Id of the organization that owns the tenant (a Kubernetes label value, e.g. a UUID).',
    }),
    displayName: z
      .string()
      .trim()
      .min(1, 'displayName must not be empty')
      .max(200)
      .meta({ description: 'Human-readable name of the organization.' }),
    parentOrganizationId: labelValue('parentOrganizationId')
      .nullable()
      .default(null)
      .meta({ description: 'Id of the agency above the organization, or null for a direct customer.' }),
    tier: z
      .enum(tierNames)
      .meta({ description: 'Tier preset: `starter`, `pro` or `enterprise` (see the tier table).' }),
    projectType: z
      .enum(['website', 'ecommerce'])
      .meta({ description: 'Kind of project: `website` or `ecommerce`.' }),
    theme: themeSchema,
    plugins: uniqueItems(dnsLabel('plugin id'), 'plugin')
      .default([])
      .meta({ description: 'Enabled plugin ids; order does not matter (they are rendered sorted).' }),
    domains: domainsSchema.default({ custom: [] }).meta({ description: 'Hosts the tenant is served on.' }),
    branding: brandingSchema
      .default({})
      .meta({ description: 'White-label branding, handed to the theme through its ConfigMap.' }),
    database: databaseSchema
      .default({ name: DATABASE_CLUSTER_NAME })
      .meta({ description: 'Database sizing and backups; instances and retention come from the tier.' }),
    mediaBucket: z
      .string()
      .regex(BUCKET, 'mediaBucket must be an S3 bucket name: 3-63 of a-z, 0-9, "." and "-"')
      .meta({ description: "S3 bucket holding the tenant's media, e.g. `org-acme-media`." }),
    demoContent: z.boolean().default(false).meta({
      description:
        "Seed the theme's demo content for the project type: the theme imports it at first start into an empty database, once.",
    }),
    state: z.enum(tenantStates).default('active').meta({
      description:
        '`suspended`: no pods and no traffic; the database and its backups stay. `deprovisioned`: the workload is removed, only the namespace, its guard rails, the database and its backups stay, never pruned. `purging`: as deprovisioned, with the namespace, database and backups released for pruning (an approved purge; removing the folder afterwards deletes them).',
    }),
    cluster: dnsLabel('cluster').meta({
      description: 'Name of the cluster the tenant runs on (its folder in the GitOps repo).',
    }),
  })
  .superRefine((spec, ctx) => {
    const tier = tierPresets[spec.tier];
    if (spec.domains.custom.length > tier.customDomainLimit) {
      ctx.addIssue({
        code: 'custom',
        path: ['domains', 'custom'],
        message: `tier '${spec.tier}' allows ${tier.customDomainLimit} custom domains, got ${spec.domains.custom.length}`,
      });
    }
    if (spec.domains.primary !== undefined && !spec.domains.custom.includes(spec.domains.primary)) {
      ctx.addIssue({
        code: 'custom',
        path: ['domains', 'primary'],
        message: `primary domain '${spec.domains.primary}' is not one of the custom domains`,
      });
    }
    if (spec.database.kept && spec.database.kept.name === spec.database.name) {
      ctx.addIssue({
        code: 'custom',
        path: ['database', 'kept', 'name'],
        message: `the kept database must have a name other than the current one ('${spec.database.name}')`,
      });
    }
    const storageGi = spec.database.storageGi;
    if (storageGi !== undefined && storageGi > tier.database.maxStorageGi) {
      ctx.addIssue({
        code: 'custom',
        path: ['database', 'storageGi'],
        message: `tier '${spec.tier}' allows at most ${tier.database.maxStorageGi} GiB per instance, got ${storageGi}`,
      });
    }
  })
  .meta({ title: 'TenantSpec', description: 'Everything synth needs to render one tenant.' });

/** A parsed, valid spec: defaults applied. */
export type TenantSpec = z.output<typeof tenantSpecSchema>;

/** What a caller may write: optional fields may be left out. */
export type TenantSpecInput = z.input<typeof tenantSpecSchema>;
