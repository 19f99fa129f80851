/** One cluster as placement weighs it. */
export interface ClusterLoad {
  name: string;
  /** The most tenants it takes. */
  capacity: number;
  /** Tenants on it now. */
  tenants: number;
  acceptsTenants: boolean;
}

/** Whether a new tenant may go there: it accepts tenants and is below its capacity. */
export function hasRoom(cluster: ClusterLoad): boolean {
  return cluster.acceptsTenants && cluster.tenants < cluster.capacity;
}

/**
 * The placement policy (issue 17 item 4): the preferred cluster (an agency's, which its clients
 * inherit) when it has room, else the least-loaded cluster with room — load being tenants over
 * capacity, so a big cluster half full is chosen before a small one a third full only when its
 * share is lower; ties go to the name, so the choice is the same on every replica. `null`: no
 * cluster has room, and nothing may be written.
 */
export function chooseCluster(clusters: readonly ClusterLoad[], preferred: string | null): string | null {
  const open = clusters.filter(hasRoom);
  const favourite = preferred === null ? undefined : open.find((c) => c.name === preferred);
  if (favourite) return favourite.name;
  let best: ClusterLoad | undefined;
  for (const cluster of open) {
    if (!best) {
      best = cluster;
      continue;
    }
    // Cross-multiplied: compares tenants/capacity without floating point.
    const lhs = cluster.tenants * best.capacity;
    const rhs = best.tenants * cluster.capacity;
    if (lhs < rhs || (lhs === rhs && cluster.name < best.name)) best = cluster;
  }
  return best?.name ?? null;
}

/**
 * Which tenant rows take a slot (SQL over `t`, a tenant): every one but a purged (`deleted`) or
 * rejected one, which runs nothing and keeps its row only for its history.
 */
export const occupiesSlotSql = `t.state NOT IN ('deleted', 'rejected')`;
