import type { Http } from './http';
import type { ChangeRequestFilters } from './models';

/** Change requests and their review. */
export function changeRequestsApi(http: Http) {
  return {
    async list(filters: ChangeRequestFilters = {}) {
      return (await http.call('get', '/change-requests', { query: filters })).items;
    },
    get: (id: string) => http.call('get', '/change-requests/{id}', { path: { id } }),
    approve: (id: string) => http.call('post', '/change-requests/{id}/approve', { path: { id }, body: {} }),
    reject: (id: string, reason: string) =>
      http.call('post', '/change-requests/{id}/reject', { path: { id }, body: { reason } }),
    merge: (id: string) => http.call('post', '/change-requests/{id}/merge', { path: { id }, body: {} }),
    /** Asks for the purge of several deprovisioned organizations as one change (two other superadmins approve). */
    bulkDelete: (organizationIds: string[], reason: string) =>
      http.call('post', '/change-requests/bulk-delete', { body: { organizationIds, reason } }),
  };
}
