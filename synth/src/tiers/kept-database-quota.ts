import type { DatabasePreset, QuotaPreset } from './tier-presets.js';

/**
 * The namespace's quota while a restore keeps the replaced database next to the new one: room for
 * one more database of the tier (its instances' compute, pods, volumes and storage), so the
 * recovering database is not refused by the quota the running one already fills.
 */
export function quotaWithKeptDatabase(quota: QuotaPreset, database: DatabasePreset): QuotaPreset {
  const n = database.instances;
  const { requests, limits } = database.resources;
  return {
    requests: {
      cpuMillicores: quota.requests.cpuMillicores + n * requests.cpuMillicores,
      memoryMi: quota.requests.memoryMi + n * requests.memoryMi,
    },
    limits: {
      cpuMillicores: quota.limits.cpuMillicores + n * limits.cpuMillicores,
      memoryMi: quota.limits.memoryMi + n * limits.memoryMi,
    },
    pods: quota.pods + n,
    persistentVolumeClaims: quota.persistentVolumeClaims + n,
    storageGi: quota.storageGi + n * database.maxStorageGi,
  };
}
