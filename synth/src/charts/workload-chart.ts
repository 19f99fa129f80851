import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { DatabaseCluster } from '../constructs/database-cluster.js';
import { DatabaseScheduledBackup } from '../constructs/database-scheduled-backup.js';
import { HostRedirectIngress } from '../constructs/host-redirect-ingress.js';
import { ThemeAutoscaler } from '../constructs/theme-autoscaler.js';
import { ThemeConfigMap } from '../constructs/theme-config-map.js';
import { ThemeDeployment } from '../constructs/theme-deployment.js';
import { ThemeDisruptionBudget } from '../constructs/theme-disruption-budget.js';
import { ThemeIngress } from '../constructs/theme-ingress.js';
import { ThemeService } from '../constructs/theme-service.js';
import { TlsCertificate } from '../constructs/tls-certificate.js';
import { themeSelectorLabels } from '../labels/tenant-labels.js';
import {
  certificateName,
  DATABASE_NAME,
  DATABASE_OWNER,
  databaseAppSecret,
  MEDIA_CREDENTIALS_SECRET,
  THEME_CONFIG_NAME,
  THEME_NAME,
  THEME_PORT,
  THEME_PORT_NAME,
} from '../naming/tenant-names.js';
import type { ResolvedRenderOptions } from '../options/render-options.js';
import { defaultBackupSchedule } from '../spec/backup-schedule.js';
import type { TenantSpec } from '../spec/tenant-spec.js';
import type { TenantContext } from './tenant-context.js';

type DatabaseRecovery = NonNullable<TenantSpec['database']['recovery']>;

/** Where a tenant's databases archive on a cluster: barman adds a folder per database name. */
export function backupPath(options: ResolvedRenderOptions, cluster: string, slug: string): string {
  return `${options.backup.destinationPath.replace(/\/+$/, '')}/${cluster}/${slug}`;
}

function themeEnvironment(tenant: TenantContext): Record<string, string> {
  const { spec } = tenant;
  const branding = Object.fromEntries(Object.entries(spec.branding).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    LUSTER_TENANT: spec.slug,
    LUSTER_ORGANIZATION_ID: spec.organizationId,
    LUSTER_DISPLAY_NAME: spec.displayName,
    LUSTER_PROJECT_TYPE: spec.projectType,
    LUSTER_PLUGINS: [...spec.plugins].sort().join(','),
    LUSTER_BRANDING: JSON.stringify(branding),
    LUSTER_MEDIA_BUCKET: spec.mediaBucket,
    LUSTER_PUBLIC_URL: `https://${tenant.platformHost}`,
    // The theme image ships one demo pack per project type and imports it only into an empty
    // database, so a later restart (or this variable staying set) never duplicates content.
    ...(spec.demoContent ? { LUSTER_DEMO_CONTENT: spec.projectType } : {}),
  };
}

/**
 * The tenant's workload, applied by its own Flux Kustomization as the tenant: database, theme,
 * traffic. Suspended, it keeps the database and certificates but runs no theme pod and takes no
 * traffic. Deprovisioned or purging, it holds only the database and its backup schedule, so Flux
 * prunes the rest while the data stays managed and backed up until a purge releases it.
 */
export class WorkloadChart extends Chart {
  constructor(scope: Construct, id: string, tenant: TenantContext) {
    super(scope, id);
    const { database } = tenant.spec;
    this.renderDatabase(tenant, ['Database', 'Backup'], database, tenant.dataRetained);
    if (database.kept) {
      // The database a restore replaced keeps running, backed up, until a change releases it.
      this.renderDatabase(
        tenant,
        ['KeptDatabase', 'KeptBackup'],
        database.kept,
        tenant.dataRetained && !database.kept.released,
      );
    }
    if (!tenant.dataOnly) this.renderTheme(tenant);
  }

  /** One CloudNativePG cluster and its scheduled backups, bootstrapped empty or by recovery. */
  private renderDatabase(
    tenant: TenantContext,
    [id, backupId]: [string, string],
    database: { name: string; recovery?: DatabaseRecovery | undefined },
    retained: boolean,
  ): void {
    const { spec, tier, options, name: namespace } = tenant;
    const databaseLabels = tenant.labels('database');
    const { recovery } = database;
    new DatabaseCluster(this, id, {
      name: database.name,
      namespace,
      labels: databaseLabels,
      instances: tier.database.instances,
      storageGi: spec.database.storageGi ?? tier.database.storageGi,
      resources: tier.database.resources,
      database: DATABASE_NAME,
      owner: DATABASE_OWNER,
      backup: {
        destinationPath: backupPath(options, spec.cluster, spec.slug),
        endpointUrl: options.backup.endpointUrl,
        credentialsSecretName: options.backup.credentialsSecretName,
        retentionDays: tier.database.backupRetentionDays,
      },
      recovery: recovery && {
        destinationPath: backupPath(options, recovery.cluster, spec.slug),
        serverName: recovery.database,
        targetTime: recovery.targetTime,
      },
      retained,
    });
    new DatabaseScheduledBackup(this, backupId, {
      name: `${database.name}-daily`,
      namespace,
      labels: databaseLabels,
      clusterName: database.name,
      schedule: spec.database.backupSchedule ?? defaultBackupSchedule(spec.slug),
      retained,
    });
  }

  /** The theme and the traffic to it: everything in the workload that holds no data. */
  private renderTheme(tenant: TenantContext): void {
    const { spec, tier, options, name: namespace } = tenant;
    const selector = themeSelectorLabels(spec.slug);
    const themeLabels = tenant.labels('theme');

    const config = new ThemeConfigMap(this, 'ThemeConfig', {
      name: THEME_CONFIG_NAME,
      namespace,
      labels: themeLabels,
      data: themeEnvironment(tenant),
    });
    const autoscaling = tenant.suspended ? null : tier.autoscaling;
    const minReplicas = tenant.suspended ? 0 : (autoscaling?.minReplicas ?? tier.replicas);
    const theme = new ThemeDeployment(this, 'Theme', {
      name: THEME_NAME,
      namespace,
      labels: themeLabels,
      selector,
      annotations: { 'luster.io/theme': `${spec.theme.name}@${spec.theme.version}` },
      image: spec.theme.image,
      replicas: autoscaling ? undefined : minReplicas,
      maxReplicas: autoscaling?.maxReplicas ?? minReplicas,
      resources: tier.theme,
      port: THEME_PORT,
      portName: THEME_PORT_NAME,
      configMap: config.configMap,
      configHash: config.contentHash,
      // A new database (restore, move) is switched in by the rollout itself: new theme pods wait
      // for its Secret and readiness while the old ones keep serving from the previous database.
      databaseUrlSecret: { name: databaseAppSecret(spec.database.name), key: 'uri' },
      mediaCredentialsSecret: MEDIA_CREDENTIALS_SECRET,
    });
    const service = new ThemeService(this, 'ThemeService', {
      name: THEME_NAME,
      namespace,
      labels: themeLabels,
      selector,
      targetPort: THEME_PORT,
    });
    if (minReplicas > 1) {
      new ThemeDisruptionBudget(this, 'ThemeBudget', {
        name: THEME_NAME,
        namespace,
        labels: themeLabels,
        selector,
        minReplicas,
      });
    }
    if (autoscaling) {
      new ThemeAutoscaler(this, 'ThemeAutoscaler', {
        name: THEME_NAME,
        namespace,
        labels: themeLabels,
        target: theme.deployment,
        autoscaling,
      });
    }

    const ingressLabels = tenant.labels('ingress');
    const hosts = tenant.hosts.map((host) => ({ host, tlsSecretName: certificateName(host) }));
    // Certificates stay while suspended: resuming then needs no new issuance (and no rate limit).
    for (const { host, tlsSecretName } of hosts) {
      new TlsCertificate(this, `Certificate-${host}`, {
        name: tlsSecretName,
        namespace,
        labels: ingressLabels,
        host,
        clusterIssuer: options.clusterIssuer,
      });
    }
    if (!tenant.suspended) {
      // With a primary domain the other custom domains redirect to it; the platform host keeps
      // serving, as the platform's own address of the tenant.
      const primary = tenant.spec.domains.primary;
      const redirected = primary
        ? hosts.filter(({ host }) => host !== primary && host !== tenant.platformHost)
        : [];
      new ThemeIngress(this, 'Ingress', {
        name: THEME_NAME,
        namespace,
        labels: ingressLabels,
        className: options.ingressClassName,
        hosts: hosts.filter((h) => !redirected.includes(h)),
        service: service.service,
      });
      if (primary && redirected.length > 0) {
        new HostRedirectIngress(this, 'RedirectIngress', {
          name: `${THEME_NAME}-redirect`,
          namespace,
          labels: ingressLabels,
          className: options.ingressClassName,
          hosts: redirected,
          to: primary,
          service: service.service,
        });
      }
    }
  }
}
