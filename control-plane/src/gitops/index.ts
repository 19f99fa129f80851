export * from './errors.js';
export * from './history/commit-message.js';
export { IsomorphicGitopsWriter, type IsomorphicGitopsWriterOptions } from './history/isomorphic-writer.js';
export type { ReplayResult, Rewritten } from './history/replay.js';
export {
  type MaintenanceReport,
  RepoMaintenance,
  type RepoMaintenanceOptions,
} from './object-store/maintenance.js';
export { GitRepository, type GitRepositoryOptions } from './object-store/repository.js';
export { type CommitSigner, createOpenPgpSigner, type OpenPgpSignerOptions } from './object-store/signing.js';
export { assertTenantDir, TENANTS_ROOT } from './paths.js';
export * from './port.js';
export { GitRemote, type GitRemoteOptions, type PushResult, type RemoteMovedEvent } from './remote/remote.js';
export type { RemoteCredentials } from './remote-auth.js';
