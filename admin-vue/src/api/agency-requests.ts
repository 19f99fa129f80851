import type { Http } from './http';

/** The agency approval queue (superadmins). */
export function agencyRequestsApi(http: Http) {
  return {
    async list() {
      return (await http.call('get', '/agency-requests')).items;
    },
    approve: (id: string) => http.call('post', '/agency-requests/{id}/approve', { path: { id }, body: {} }),
    reject: (id: string, reason: string) =>
      http.call('post', '/agency-requests/{id}/reject', { path: { id }, body: { reason } }),
  };
}
