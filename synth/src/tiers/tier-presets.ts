// Tier presets are data: one table, read by the renderer and printed in synth's README.
// CPU is in millicores, memory in MiB, storage in GiB (see quantities.ts).

export const tierNames = ['starter', 'pro', 'enterprise'] as const;
export type TierName = (typeof tierNames)[number];

export interface ComputeAmount {
  readonly cpuMillicores: number;
  readonly memoryMi: number;
}

export interface ComputeResources {
  readonly requests: ComputeAmount;
  readonly limits: ComputeAmount;
}

export interface AutoscalingPreset {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Average CPU utilisation (percent of requests) the autoscaler aims for. */
  readonly targetCpuUtilization: number;
}

/** The namespace's ResourceQuota: the ceiling for everything the tenant runs, including its database. */
export interface QuotaPreset {
  readonly requests: ComputeAmount;
  readonly limits: ComputeAmount;
  readonly pods: number;
  readonly persistentVolumeClaims: number;
  readonly storageGi: number;
}

/** LimitRange defaults for containers that declare no resources of their own. */
export interface LimitRangePreset {
  readonly defaultRequest: ComputeAmount;
  readonly defaultLimit: ComputeAmount;
}

export interface DatabasePreset {
  readonly instances: number;
  /** Volume size per instance unless the spec asks for another. */
  readonly storageGi: number;
  /** Largest volume per instance a spec may ask for; the quota is sized for it. */
  readonly maxStorageGi: number;
  readonly backupRetentionDays: number;
  readonly resources: ComputeResources;
}

export interface TierPreset {
  /** Theme replicas without an autoscaler; with one, its minimum. */
  readonly replicas: number;
  /** `null`: no HorizontalPodAutoscaler for this tier. */
  readonly autoscaling: AutoscalingPreset | null;
  readonly theme: ComputeResources;
  readonly quota: QuotaPreset;
  readonly limitRange: LimitRangePreset;
  readonly database: DatabasePreset;
  /** Verified custom domains a tenant of this tier may attach. */
  readonly customDomainLimit: number;
}

export const tierPresets: Readonly<Record<TierName, TierPreset>> = {
  starter: {
    replicas: 1,
    autoscaling: null,
    theme: {
      requests: { cpuMillicores: 100, memoryMi: 128 },
      limits: { cpuMillicores: 500, memoryMi: 256 },
    },
    quota: {
      requests: { cpuMillicores: 1000, memoryMi: 2048 },
      limits: { cpuMillicores: 4000, memoryMi: 2048 },
      pods: 6,
      persistentVolumeClaims: 2,
      storageGi: 20,
    },
    limitRange: {
      defaultRequest: { cpuMillicores: 50, memoryMi: 64 },
      defaultLimit: { cpuMillicores: 250, memoryMi: 128 },
    },
    database: {
      instances: 1,
      storageGi: 5,
      maxStorageGi: 10,
      backupRetentionDays: 7,
      resources: {
        requests: { cpuMillicores: 250, memoryMi: 512 },
        limits: { cpuMillicores: 1000, memoryMi: 512 },
      },
    },
    customDomainLimit: 1,
  },
  pro: {
    replicas: 2,
    autoscaling: { minReplicas: 2, maxReplicas: 5, targetCpuUtilization: 70 },
    theme: {
      requests: { cpuMillicores: 250, memoryMi: 256 },
      limits: { cpuMillicores: 1000, memoryMi: 512 },
    },
    quota: {
      requests: { cpuMillicores: 4000, memoryMi: 6144 },
      limits: { cpuMillicores: 14000, memoryMi: 8192 },
      pods: 12,
      persistentVolumeClaims: 3,
      storageGi: 150,
    },
    limitRange: {
      defaultRequest: { cpuMillicores: 100, memoryMi: 128 },
      defaultLimit: { cpuMillicores: 500, memoryMi: 256 },
    },
    database: {
      instances: 2,
      storageGi: 20,
      maxStorageGi: 50,
      backupRetentionDays: 14,
      resources: {
        requests: { cpuMillicores: 500, memoryMi: 1024 },
        limits: { cpuMillicores: 2000, memoryMi: 1024 },
      },
    },
    customDomainLimit: 5,
  },
  enterprise: {
    replicas: 3,
    autoscaling: { minReplicas: 3, maxReplicas: 10, targetCpuUtilization: 65 },
    theme: {
      requests: { cpuMillicores: 500, memoryMi: 512 },
      limits: { cpuMillicores: 2000, memoryMi: 1024 },
    },
    quota: {
      requests: { cpuMillicores: 10000, memoryMi: 16384 },
      limits: { cpuMillicores: 40000, memoryMi: 20480 },
      pods: 20,
      persistentVolumeClaims: 4,
      storageGi: 2000,
    },
    limitRange: {
      defaultRequest: { cpuMillicores: 100, memoryMi: 128 },
      defaultLimit: { cpuMillicores: 1000, memoryMi: 512 },
    },
    database: {
      instances: 3,
      storageGi: 100,
      maxStorageGi: 500,
      backupRetentionDays: 30,
      resources: {
        requests: { cpuMillicores: 1000, memoryMi: 2048 },
        limits: { cpuMillicores: 4000, memoryMi: 2048 },
      },
    },
    customDomainLimit: 50,
  },
};
