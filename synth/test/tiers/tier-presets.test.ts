import { describe, expect, it } from 'vitest';
import { tierNames, tierPresets } from '../../src/tiers/tier-presets.js';

describe.each(tierNames)('tier %s', (name) => {
  const tier = tierPresets[name];
  const themePods = (tier.autoscaling?.maxReplicas ?? tier.replicas) + 1; // + one surge pod mid-rollout
  const databasePods = tier.database.instances + 1; // + the bootstrap or join job

  it('has a quota that fits the theme at its peak plus the database', () => {
    const peak = (pick: (side: typeof tier.theme) => number, database: (side: typeof tier.theme) => number) =>
      themePods * pick(tier.theme) + databasePods * database(tier.database.resources);
    expect(tier.quota.pods).toBeGreaterThanOrEqual(themePods + databasePods);
    expect(tier.quota.requests.cpuMillicores).toBeGreaterThanOrEqual(
      peak(
        (r) => r.requests.cpuMillicores,
        (r) => r.requests.cpuMillicores,
      ),
    );
    expect(tier.quota.requests.memoryMi).toBeGreaterThanOrEqual(
      peak(
        (r) => r.requests.memoryMi,
        (r) => r.requests.memoryMi,
      ),
    );
    expect(tier.quota.limits.cpuMillicores).toBeGreaterThanOrEqual(
      peak(
        (r) => r.limits.cpuMillicores,
        (r) => r.limits.cpuMillicores,
      ),
    );
    expect(tier.quota.limits.memoryMi).toBeGreaterThanOrEqual(
      peak(
        (r) => r.limits.memoryMi,
        (r) => r.limits.memoryMi,
      ),
    );
  });

  it('has room for a replacement volume at the largest database size', () => {
    expect(tier.quota.persistentVolumeClaims).toBeGreaterThanOrEqual(tier.database.instances + 1);
    expect(tier.quota.storageGi).toBeGreaterThanOrEqual(
      (tier.database.instances + 1) * tier.database.maxStorageGi,
    );
    expect(tier.database.storageGi).toBeLessThanOrEqual(tier.database.maxStorageGi);
  });

  it('never requests more than it may use', () => {
    for (const resources of [tier.theme, tier.database.resources]) {
      expect(resources.requests.cpuMillicores).toBeLessThanOrEqual(resources.limits.cpuMillicores);
      expect(resources.requests.memoryMi).toBeLessThanOrEqual(resources.limits.memoryMi);
    }
    expect(tier.limitRange.defaultRequest.cpuMillicores).toBeLessThanOrEqual(
      tier.limitRange.defaultLimit.cpuMillicores,
    );
    expect(tier.limitRange.defaultRequest.memoryMi).toBeLessThanOrEqual(
      tier.limitRange.defaultLimit.memoryMi,
    );
  });

  it('starts the autoscaler at the tier replicas', () => {
    if (tier.autoscaling) {
      expect(tier.autoscaling.minReplicas).toBe(tier.replicas);
      expect(tier.autoscaling.maxReplicas).toBeGreaterThan(tier.autoscaling.minReplicas);
    }
  });
});

describe('tiers', () => {
  it('grow from starter to enterprise', () => {
    const [starter, pro, enterprise] = tierNames.map((n) => tierPresets[n]);
    expect(starter?.autoscaling).toBeNull();
    expect(pro?.autoscaling).not.toBeNull();
    expect(enterprise?.autoscaling).not.toBeNull();
    expect(starter?.customDomainLimit).toBeLessThan(pro?.customDomainLimit ?? 0);
    expect(pro?.customDomainLimit).toBeLessThan(enterprise?.customDomainLimit ?? 0);
    expect(starter?.database.instances).toBeLessThan(enterprise?.database.instances ?? 0);
  });
});
