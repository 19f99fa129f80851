import type { Http } from './http';

export interface ClusterFields {
  region?: string;
  capacity?: number;
  labels?: Record<string, string>;
  acceptsTenants?: boolean;
}

/** Clusters tenants run on, and where new tenants go (superadmins). */
export function clustersApi(http: Http) {
  const at = (name: string) => ({ path: { name } });
  return {
    /** Every cluster with its tenants, load and health, by name. */
    async list() {
      return (await http.call('get', '/clusters')).items;
    },
    /** The clusters accepting tenants, for anyone who may move one (not only superadmins). */
    async choices() {
      return (await http.call('get', '/cluster-choices')).items;
    },
    /** One cluster with a page of its tenants by slug. */
    get: (name: string, query: { limit?: number; cursor?: string } = {}) =>
      http.call('get', '/clusters/{name}', { ...at(name), query }),
    /** Also commits the cluster's entry point clusters/<name>/. */
    create: (body: ClusterFields & { name: string }) => http.call('post', '/clusters', { body }),
    update: (name: string, body: ClusterFields) =>
      http.call('patch', '/clusters/{name}', { ...at(name), body }),
    /** 409 cluster_not_empty while a tenant names it. */
    remove: (name: string) => http.call('delete', '/clusters/{name}', at(name)),
    /** The cluster new tenants at or below the organization prefer (a client inherits it); null clears it. */
    setPreferred: (organizationId: string, cluster: string | null) =>
      http.call('put', '/organizations/{id}/preferred-cluster', {
        path: { id: organizationId },
        body: { cluster },
      }),
  };
}
