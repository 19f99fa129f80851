/**
 * Tells Flux never to delete the object when it disappears from git. Removing a tenant's folder
 * must never delete its data: the database, its backups, and the namespace that holds both.
 */
export const PRUNE_DISABLED = { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } as const;
