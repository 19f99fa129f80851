import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, whereAllTenantsVisible } from '../access/access.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import { toViews } from '../changes/change-view.js';
import { ChangeRequest } from '../changes/changes.entities.js';
import type { Config } from '../config.js';
import type { MediaStatus } from '../media/media-status.js';
import { countList, type ListFilter, listPage } from './org-list-query.js';
import { type OrganizationView, selectView, type TargetRow, toView, type ViewRow } from './org-view.js';

/** The list's filters as callers give them (the service adds what "Stale" means now), and a page. */
export interface ListOrganizations extends Omit<ListFilter, 'staleBefore'> {
  /** Page size. @default 50 */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

export interface OrgsDeps {
  dataSource: DataSource;
  config: Config;
  /** What "now" is when a tenant's sync status is judged Stale. */
  clock: () => Date;
  /** The views' `media`, for a whole page in one query (media's own function, as GraphQL uses). */
  mediaStatuses: (organizationIds: readonly string[]) => Promise<ReadonlyMap<string, MediaStatus>>;
}

/**
 * The organization tree as the golden rule lets an actor see it, each organization with its
 * tenant's state and sync status. What happens to a tenant is the tenants feature's (lifecycle.ts).
 */
export function createOrgsService(deps: OrgsDeps) {
  const { dataSource } = deps;
  /** Views of rows already passed through the golden rule, their media loaded together. */
  async function views(rows: ViewRow[], viewer: Actor): Promise<OrganizationView[]> {
    const media = await deps.mediaStatuses(rows.map((row) => row.id));
    const now = deps.clock();
    return rows.map((row) =>
      toView(
        row,
        {
          staleAfterMs: deps.config.SYNC_STALE_AFTER_SECONDS * 1000,
          baseDomain: deps.config.LUSTER_BASE_DOMAIN,
          viewer,
          media: media.get(row.id) ?? null,
        },
        now,
      ),
    );
  }

  /** One visible organization with its tenant, or 404 (invisible and missing look the same). */
  const loadVisible = (manager: EntityManager, actor: Actor, id: string) =>
    loadVisibleOrganization<TargetRow>(manager, actor, id, selectView);

  return {
    /**
     * Visible organizations only (the golden rule is in the query), keyset-paginated by slug, with
     * how many of them are in each lifecycle state and sync status: two statements sent together
     * (the page, the counts), then the page's media.
     */
    async list(input: ListOrganizations) {
      const limit = Math.min(Math.max(input.limit ?? 50, 1), 500);
      const staleBefore = new Date(deps.clock().getTime() - deps.config.SYNC_STALE_AFTER_SECONDS * 1000);
      const filter = { ...input, staleBefore };
      const [rows, { total, counts }] = await Promise.all([
        listPage(dataSource, filter, { limit: limit + 1, cursor: input.cursor }),
        countList(dataSource, filter),
      ]);
      const page = rows.slice(0, limit);
      return {
        items: await views(page, input.actor),
        total,
        nextCursor: rows.length > limit ? (page[page.length - 1]?.slug ?? null) : null,
        counts,
      };
    },

    async get(input: { actor: Actor; id: string }): Promise<OrganizationView> {
      const [view] = await views([await loadVisible(dataSource.manager, input.actor, input.id)], input.actor);
      return view as OrganizationView;
    },

    /** The tenant's change requests, newest first. */
    async changesOf(input: { actor: Actor; id: string; limit?: number | undefined }) {
      const row = await loadVisible(dataSource.manager, input.actor, input.id);
      if (!row.tenantId) return [];
      const qb = dataSource.manager
        .createQueryBuilder(ChangeRequest, 'c')
        .where('c."tenantId" = :tenantId', { tenantId: row.tenantId });
      const rows = await whereAllTenantsVisible(qb, 'c."tenantIds"', input.actor)
        .orderBy('c.seq', 'DESC')
        .take(Math.min(input.limit ?? 50, 200))
        .getMany();
      return toViews(dataSource, rows);
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
