import type { Answer, Http } from './http';

/** One custom domain: the records to create and its three status lines. */
export type Domain = Answer<'/organizations/{id}/domains/{hostname}', 'get'>;

/** An organization's custom domains. */
export function domainsApi(http: Http) {
  return {
    list: (id: string) => http.call('get', '/organizations/{id}/domains', { path: { id } }),
    add: (id: string, hostname: string) =>
      http.call('post', '/organizations/{id}/domains', { path: { id }, body: { hostname } }),
    check: (id: string, hostname: string) =>
      http.call('post', '/organizations/{id}/domains/{hostname}/check', { path: { id, hostname } }),
    setPrimary: (id: string, hostname: string) =>
      http.call('put', '/organizations/{id}/domains/{hostname}/primary', { path: { id, hostname } }),
    remove: (id: string, hostname: string) =>
      http.call('delete', '/organizations/{id}/domains/{hostname}', { path: { id, hostname } }),
  };
}
