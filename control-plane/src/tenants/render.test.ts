import { type TenantState, tenantStates } from '@luster/contract';
import { describe, expect, it } from 'vitest';
import { physicalBucketName } from '../storage/buckets.js';
import { tenantRows } from '../test-support/tenant-rows.js';
import { renderKeptCopy, renderTenantFiles } from './render.js';
import type { TenantRows } from './tenant-spec.js';

const rows = (state: TenantState): TenantRows => tenantRows({ state });
const options = { baseDomain: 'luster.test' };
const appFiles = (state: TenantState) =>
  (renderTenantFiles(rows(state), options).files ?? [])
    .map((f) => f.path)
    .filter((p) => p.startsWith('app/'));
const PRUNE_DISABLED = 'kustomize.toolkit.fluxcd.io/prune: disabled';

describe('the media bucket a tenant renders', () => {
  const bucketIn = (prefix?: string) =>
    renderTenantFiles(rows('active'), { ...options, ...(prefix ? { mediaBucketPrefix: prefix } : {}) })
      .files?.find((f) => f.path === 'app/config-map-theme-config.yaml')
      ?.content.match(/LUSTER_MEDIA_BUCKET: (\S+)/)?.[1];

  it('is the bucket the queue creates, S3_BUCKET_PREFIX first', () => {
    expect(bucketIn()).toBe('org-acme-media');
    expect(bucketIn('staging-')).toBe('staging-org-acme-media');
    const long = 'a-very-long-platform-';
    expect(bucketIn(long)).toBe(physicalBucketName(long, 'org-acme-media'));
  });
});

describe('the folder a tenant row renders to', () => {
  it('lives at tenants/<cluster>/<shard>/<slug> with paths relative to it', () => {
    const { dir, files } = renderTenantFiles(rows('active'), options);
    // sha256('acme') starts with 82: synth's default hash shard.
    expect(dir).toBe('tenants/production/82/acme');
    expect(files?.some((f) => f.path === 'platform/namespace-tenant-acme.yaml')).toBe(true);
    expect(files?.some((f) => f.path === 'kustomization-tenant-acme.yaml')).toBe(true);
  });

  it('lays the folder out as the configured layout says', () => {
    const legacy = renderTenantFiles(rows('active'), {
      ...options,
      fluxLayout: 'legacy',
      shardScheme: 'prefix',
    });
    expect(legacy.dir).toBe('tenants/production/ac/acme');
    expect(legacy.files?.some((f) => f.path === 'namespace-tenant-acme.yaml')).toBe(true);
  });

  it.each(['pending_review', 'provisioning', 'active', 'rejected'] as const)(
    'renders a %s tenant whole, with its theme and traffic',
    (state) => {
      expect(appFiles(state)).toEqual(appFiles('active'));
      expect(appFiles(state)).toContain('app/deployment-theme.yaml');
      expect(appFiles(state)).toContain('app/ingress-theme.yaml');
    },
  );

  it('renders a suspended tenant without traffic', () => {
    expect(appFiles('suspended')).toContain('app/deployment-theme.yaml');
    expect(appFiles('suspended')).not.toContain('app/ingress-theme.yaml');
  });

  it.each(['deprovisioned', 'purging'] as const)('keeps only the data of a %s tenant', (state) => {
    expect(appFiles(state)).toEqual([
      'app/cluster-db.yaml',
      'app/kustomization.yaml',
      'app/scheduled-backup-db-daily.yaml',
    ]);
  });

  it('guards the data against pruning when deprovisioned and releases it when purging', () => {
    const text = (state: TenantState) =>
      (renderTenantFiles(rows(state), options).files ?? []).map((f) => String(f.content)).join('\n');
    expect(text('deprovisioned').split(PRUNE_DISABLED)).toHaveLength(4);
    expect(text('purging')).not.toContain(PRUNE_DISABLED);
  });

  it('has no folder at all once deleted', () => {
    expect(renderTenantFiles(rows('deleted'), options)).toEqual({
      dir: 'tenants/production/82/acme',
      files: null,
    });
  });

  it('renders every lifecycle state the database knows', () => {
    for (const state of tenantStates) expect(() => renderTenantFiles(rows(state), options)).not.toThrow();
  });
});

describe('the folder a move left on the cluster the tenant came from', () => {
  const moved = (stage: 'kept' | 'released' | 'removed'): TenantRows => {
    const base = rows('active');
    return {
      ...base,
      tenant: {
        ...base.tenant,
        cluster: 'prod-2',
        database: {
          name: 'db-1',
          recovery: { cluster: 'production', database: 'db' },
          kept: { cluster: 'production', name: 'db', stage },
        },
      },
    };
  };

  it('is not written while kept: the old copy runs on as it was', () => {
    expect(renderKeptCopy(moved('kept'), options)).toBeNull();
    expect(renderTenantFiles(moved('kept'), options).dir).toBe('tenants/prod-2/82/acme');
  });

  it('once released, holds only its data, with the prune guard lifted', () => {
    const released = renderKeptCopy(moved('released'), options);
    expect(released?.dir).toBe('tenants/production/82/acme');
    const files = released?.files ?? [];
    expect(files.map((f) => f.path).filter((p) => p.startsWith('app/'))).toEqual([
      'app/cluster-db.yaml',
      'app/kustomization.yaml',
      'app/scheduled-backup-db-daily.yaml',
    ]);
    expect(files.some((f) => f.content.includes(PRUNE_DISABLED))).toBe(false);
  });

  it('once removed, is gone', () => {
    expect(renderKeptCopy(moved('removed'), options)).toEqual({
      dir: 'tenants/production/82/acme',
      files: null,
    });
  });

  it("renders nothing for a database kept on the tenant's own cluster (a restore: it is in the folder)", () => {
    const restored = rows('active');
    restored.tenant.database = {
      name: 'db-1',
      kept: { cluster: 'production', name: 'db', stage: 'released' },
    };
    expect(renderKeptCopy(restored, options)).toBeNull();
    expect(renderTenantFiles(restored, options).files?.map((f) => f.path)).toContain('app/cluster-db.yaml');
  });
});
