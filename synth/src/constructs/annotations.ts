/**
 * Tells Flux never to delete the object when it disappears from git. Removing a tenant's folder
 * must never delete its data: the database, its backups, and the namespace that holds both.
 */
export const PRUNE_DISABLED = { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } as const;

/**
 * The prune annotations of a data-holding object: retained (the default) it is never pruned; an
 * approved purge releases it, so removing the tenant's folder afterwards makes Flux delete it.
 */
export function retentionAnnotations(retained: boolean): Record<string, string> {
  return retained ? { ...PRUNE_DISABLED } : {};
}

/** What the comment above a data-holding object says about pruning: `keptNote` while retained. */
export function retentionNote(retained: boolean, keptNote: string): string {
  return retained
    ? keptNote
    : 'Released by an approved purge: Flux deletes it once the tenant folder is removed.';
}
