import { type Actor, covers } from './access.js';

/**
 * Who imposed a suspension, as the viewer stands: `self` — the viewer's own organization or one
 * below it (so the viewer, its role permitting, may lift it); `platform`; `parent` — an
 * organization above the viewer's. The admin offers Resume only for `self` and says why otherwise,
 * instead of a button the server refuses (`authorizeLift`: 403 suspended_by_platform /
 * suspended_from_above). null: not suspended, or suspended before the imposer was recorded.
 */
export type SuspendedBy = 'self' | 'platform' | 'parent';

export function suspendedBy(
  viewer: Actor,
  target: { path: string },
  imposedBy: string | null,
): SuspendedBy | null {
  if (imposedBy === null) return null;
  if (viewer.memberships.some((m) => m.role === 'superadmin')) return 'self';
  const line = target.path.split('/').filter(Boolean);
  const imposer = line.indexOf(imposedBy);
  const standsAt = viewer.memberships
    .filter((m) => covers(m, target.path))
    .map((m) => line.indexOf(m.organizationId))
    .filter((at) => at !== -1);
  if (imposer !== -1 && standsAt.some((at) => at <= imposer)) return 'self';
  // Every organization hangs below the platform: the root of every path.
  return imposedBy === line[0] ? 'platform' : 'parent';
}
