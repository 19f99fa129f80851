import type { DataSource } from 'typeorm';
import { Cluster } from '../placement/cluster.entities.js';

/**
 * The capacity of the cluster seeded at first start: the installation ran every tenant on one
 * cluster before clusters were data, and the writer is measured at 10,000 tenants; a superadmin
 * sets the real number on the Clusters page.
 */
export const FIRST_CLUSTER_CAPACITY = 10_000;

/**
 * On a start with no cluster at all (a fresh install; an upgrade has its rows from the migration),
 * the cluster LUSTER_CLUSTER names becomes the first one, so the first registration has somewhere
 * to go; its entry point is the template's. Later starts change nothing, whatever LUSTER_CLUSTER
 * says: clusters are managed through the API from then on. Under an advisory lock, so replicas
 * starting together seed once.
 */
export async function seedFirstCluster(dataSource: DataSource, name: string): Promise<boolean> {
  return dataSource.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('luster:first-cluster'))`);
    if ((await tx.count(Cluster)) > 0) return false;
    await tx.insert(Cluster, { name, capacity: FIRST_CLUSTER_CAPACITY });
    return true;
  });
}
