import type { Answer, Http } from './http';

/** A tenant's database and backups: where it runs, the copy kept, the schedule and the restore window. */
export type Backups = Answer<'/organizations/{id}/backups', 'get'>;

/**
 * Moving a tenant to another cluster and restoring its database to a point in time (each a
 * reviewed change, previewed first), then releasing the database either one kept.
 */
export function movesApi(http: Http) {
  const at = (id: string) => ({ path: { id } });
  return {
    backups: (id: string) => http.call('get', '/organizations/{id}/backups', at(id)),
    previewMove: (id: string, cluster: string) =>
      http.call('post', '/organizations/{id}/move/preview', { ...at(id), body: { cluster } }),
    /** 202: a change waiting for a second person's review. */
    move: (id: string, cluster: string, reason?: string) =>
      http.call('post', '/organizations/{id}/move', {
        ...at(id),
        body: { cluster, ...(reason ? { reason } : {}) },
      }),
    previewRestore: (id: string, targetTime: string) =>
      http.call('post', '/organizations/{id}/restore/preview', { ...at(id), body: { targetTime } }),
    /** 202: a change waiting for a second person's review. */
    restore: (id: string, targetTime: string, reason?: string) =>
      http.call('post', '/organizations/{id}/restore', {
        ...at(id),
        body: { targetTime, ...(reason ? { reason } : {}) },
      }),
    /** 409 release_not_ready until the tenant is reported Ready on its new database. */
    release: (id: string, reason?: string) =>
      http.call('post', '/organizations/{id}/release', { ...at(id), body: reason ? { reason } : {} }),
  };
}
