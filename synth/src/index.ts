// Public API of @luster/synth; this file only re-exports.

export {
  ARGO_NAME_MAX,
  type ArgoPart,
  argoApplicationName,
  argoParts,
} from './argocd/application-names.js';
export { type ArgoEntryValues, argoLabels, argoObjectNames } from './argocd/argocd-objects.js';
export { renderArgoEntry } from './argocd/render-argocd-entry.js';
export { type ClusterEntryOptions, renderClusterEntry } from './cluster/render-cluster-entry.js';
export { SpecError, type SpecIssue } from './errors/spec-error.js';
export { ValidationError, type Violation } from './errors/validation-error.js';
export { type FluxLayout, fleetNames, fluxLayouts } from './layout/fleet-layout.js';
export {
  allShards,
  SHARD_MARKER,
  type ShardScheme,
  shardMarkerContent,
  shardOf,
  shardSchemes,
} from './layout/shards.js';
export { PLATFORM_DIR, tenantDir, WORKLOAD_DIR } from './layout/tenant-dir.js';
export { certificateName, tenantName } from './naming/tenant-names.js';
export {
  type BackupStoreOptions,
  defaultRenderOptions,
  type RenderOptions,
  resolveRenderOptions,
} from './options/render-options.js';
export { type RenderedFile, renderTenant } from './render/render-tenant.js';
export { defaultBackupSchedule } from './spec/backup-schedule.js';
export { hostnameProblem } from './spec/dns-names.js';
export {
  type ImageReference,
  isFromRegistries,
  isPinned,
  parseImageReference,
} from './spec/image-reference.js';
export { parseTenantSpec } from './spec/parse-tenant-spec.js';
export {
  MAX_SLUG_LENGTH,
  type TenantSpec,
  type TenantSpecInput,
  type TenantState,
  tenantSpecSchema,
  tenantStates,
} from './spec/tenant-spec.js';
export { type TierName, type TierPreset, tierNames, tierPresets } from './tiers/tier-presets.js';
export { type ValidateOptions, validateManifests } from './validation/validate-manifests.js';
