import { tenantTransitions } from '@luster/contract';
import { tenantDir } from '@luster/synth';
import type { DataSource } from 'typeorm';
import { type Actor, whereAllTenantsVisible } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import { NotFoundError } from '../errors/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Pipeline } from '../events/pipeline.js';
import type { GitopsWriter } from '../gitops/port.js';
import type { Mailer } from '../mail/mailer.js';
import type { BucketDeletion } from '../media/bucket-deletion.js';
import { announceStates } from './announce-states.js';
import { Tenant } from './tenants.entities.js';

export interface ManifestFile {
  path: string;
  content: string;
}

export interface HistoryEntry {
  sha: string;
  parentSha: string;
  branch: string;
  subject: string;
  changeRequestId: string | null;
  committedAt: string;
  author: { name: string; email: string };
  trailers: { key: string; value: string }[];
  /** On a purge's commits: whether the media bucket is deleted yet (its outbox's word, not the commit's). */
  mediaBucket: BucketDeletion | null;
}

/** Read-only views of a tenant (its files on main, the commits that touched it), and its going live. */
export function createTenantsService(deps: {
  dataSource: DataSource;
  writer: GitopsWriter;
  /** Where a tenant's first `tenant.ready` activates it (provisioning → active, welcome mail). */
  pipeline: Pipeline;
  /**
   * Where a new lifecycle state is announced (`tenant.state`: going live, and every committed
   * change that sets the state), so live views change the lifecycle badge too.
   */
  bus: Pick<EventBus, 'publish'>;
  branch?: string;
  /** Sends the welcome mail when a tenant first goes live. @default no mail */
  mailer?: Mailer;
  /** Tenants are served at `<slug>.<baseDomain>`. */
  baseDomain: string;
  /** The media bucket's deletion, shown on a purge's commits. */
  bucketDeletion: (organizationId: string) => Promise<BucketDeletion | null>;
}) {
  const { dataSource, writer } = deps;
  const branch = deps.branch ?? 'main';

  async function visibleTenant(actor: Actor, organizationId: string) {
    const row = await loadVisibleOrganization(dataSource.manager, actor, organizationId);
    authorize(actor, 'organization.read', row);
    const tenant = row.tenantId ? await dataSource.manager.findOneBy(Tenant, { id: row.tenantId }) : null;
    return { row, tenant };
  }

  /**
   * Of these change requests, the ones that cover a tenant the actor cannot see: a bulk deletion's
   * commit names every tenant it purges, so its subject, body and Tenant trailers are shown only to
   * someone who can see them all (the same rule as the change request itself).
   */
  async function notAllVisible(actor: Actor, changeIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(changeIds)];
    if (ids.length === 0) return new Set();
    const qb = dataSource
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('change_request', 'c')
      .where('c.id IN (:...ids)', { ids });
    const shown = new Set(
      (await whereAllTenantsVisible(qb, 'c."tenantIds"', actor).getRawMany<{ id: string }>()).map(
        (r) => r.id,
      ),
    );
    return new Set(ids.filter((id) => !shown.has(id)));
  }

  /** A commit about tenants the actor cannot all see, told without naming the others. */
  function redacted<T extends { subject: string; trailers: { key: string; value: string }[] }>(
    entry: T,
    ownSlug: string,
  ): T {
    return {
      ...entry,
      subject: `change to several tenants, including ${ownSlug}`,
      ...('body' in entry ? { body: '' } : {}),
      // Which tenants and why: the requester's reason may name the others too.
      trailers: entry.trailers.filter(
        (t) => (t.key !== 'Tenant' || t.value === ownSlug) && t.key !== 'Reason',
      ),
    };
  }

  const service = {
    /** The tenant's folder at the head of main; empty before its first commit and after a purge. */
    async manifests(input: { actor: Actor; organizationId: string }) {
      const { tenant } = await visibleTenant(input.actor, input.organizationId);
      const sha = await writer.head(branch);
      if (!tenant || !sha) return { ref: sha, dir: null, files: [] as ManifestFile[] };
      const dir = tenantDir(tenant.cluster, tenant.slug);
      const listed = await writer.listFiles(sha, dir);
      const files = await Promise.all(
        listed.map(async (f) => ({ path: f.path, content: (await writer.readFile(sha, f.path)) ?? '' })),
      );
      return { ref: sha, dir, files };
    },

    /** Commits that touched the tenant, newest first, from the tenant_commit index plus their trailers. */
    async history(input: { actor: Actor; organizationId: string; limit?: number | undefined }) {
      const { tenant } = await visibleTenant(input.actor, input.organizationId);
      if (!tenant) return [] as HistoryEntry[];
      const rows: {
        sha: string;
        parentSha: string;
        branch: string;
        subject: string;
        changeRequestId: string | null;
        committedAt: Date;
        purge: boolean;
      }[] = await dataSource.query(
        `SELECT tc.sha, tc."parentSha", tc.branch, tc.subject, tc."changeRequestId", tc."committedAt",
                coalesce(c.kind IN ('purge', 'bulk_delete'), false) AS purge
           FROM tenant_commit tc LEFT JOIN change_request c ON c.id = tc."changeRequestId"
          WHERE tc."tenantId" = $1 ORDER BY tc."committedAt" DESC, tc.sha LIMIT $2`,
        [tenant.id, Math.min(input.limit ?? 50, 200)],
      );
      const bucket = rows.some((r) => r.purge) ? await deps.bucketDeletion(tenant.organizationId) : null;
      const hidden = await notAllVisible(
        input.actor,
        rows.flatMap((r) => (r.changeRequestId ? [r.changeRequestId] : [])),
      );
      return Promise.all(
        rows.map(async (r): Promise<HistoryEntry> => {
          const info = await writer.commitInfo(r.sha);
          const entry = {
            sha: r.sha,
            parentSha: r.parentSha,
            branch: r.branch,
            subject: r.subject,
            changeRequestId: r.changeRequestId,
            committedAt: new Date(r.committedAt).toISOString(),
            author: { name: info.author.name, email: info.author.email },
            trailers: info.trailers,
            mediaBucket: r.purge ? bucket : null,
          };
          return r.changeRequestId && hidden.has(r.changeRequestId) ? redacted(entry, tenant.slug) : entry;
        }),
      );
    },

    /**
     * One commit of the tenant's history with the diff of its folder. Only commits the audit index
     * lists for this tenant are shown: a sha of another tenant's commit answers 404.
     */
    async commit(input: { actor: Actor; organizationId: string; sha: string }) {
      const { tenant } = await visibleTenant(input.actor, input.organizationId);
      const rows: { sha: string; parentSha: string; changeRequestId: string | null; committedAt: Date }[] =
        tenant
          ? await dataSource.query(
              `SELECT sha, "parentSha", "changeRequestId", "committedAt" FROM tenant_commit
              WHERE "tenantId" = $1 AND sha = $2 LIMIT 1`,
              [tenant.id, input.sha],
            )
          : [];
      const row = rows[0];
      if (!tenant || !row)
        throw new NotFoundError({ code: 'commit_not_found', what: 'Commit', id: input.sha });
      const info = await writer.commitInfo(row.sha);
      const files = await writer.diff(row.parentSha, row.sha, tenantDir(tenant.cluster, tenant.slug));
      const hidden = row.changeRequestId
        ? await notAllVisible(input.actor, [row.changeRequestId])
        : new Set();
      const entry = {
        sha: row.sha,
        parentSha: row.parentSha,
        subject: info.subject,
        body: info.body,
        author: { name: info.author.name, email: info.author.email },
        committedAt: new Date(row.committedAt).toISOString(),
        changeRequestId: row.changeRequestId,
        trailers: info.trailers,
        files: files.map((f) => ({ path: f.path, status: f.status, patch: f.patch })),
      };
      return row.changeRequestId && hidden.has(row.changeRequestId) ? redacted(entry, tenant.slug) : entry;
    },

    /**
     * Sync's "first Ready for the last change" hook: a provisioning tenant becomes active, and
     * when that change was its provisioning (not a resume) its admins get the welcome mail
     * saying the site is live.
     */
    async markReady(tenantId: string): Promise<void> {
      const [rows]: [{ organizationId: string; path: string; slug: string; kind: string | null }[]] =
        await dataSource.query(
          `UPDATE tenant t SET state = $2, "updatedAt" = now()
           FROM tenant before JOIN organization o ON o.id = before."organizationId"
                LEFT JOIN change_request c ON c.id = before."lastChangeId"
          WHERE t.id = $1 AND before.id = t.id AND t.state = ANY($3)
          RETURNING t."organizationId", o.path, t.slug, c.kind`,
          [tenantId, tenantTransitions.ready.to, tenantTransitions.ready.from],
        );
      const activated = rows[0];
      if (!activated) return;
      // Sync announced Ready just before this hook ran; without this the list would show a live
      // "Ready" next to "Provisioning" until a reload.
      await deps.bus.publish({
        type: 'tenant.state',
        organizationId: activated.organizationId,
        organizationPath: activated.path,
        data: { organizationId: activated.organizationId, state: tenantTransitions.ready.to },
      });
      if (activated.kind !== 'provision' || !deps.mailer) return;
      // Agencies got their welcome when they were approved.
      const admins: { email: string; name: string }[] = await dataSource.query(
        `SELECT u.email, o.name FROM membership m JOIN "user" u ON u.id = m."userId"
           JOIN organization o ON o.id = m."organizationId"
          WHERE m."organizationId" = $1 AND o.kind = 'organization'
            AND m.role IN ('client_admin', 'agency_admin') ORDER BY u.email`,
        [activated.organizationId],
      );
      const site = `https://${activated.slug}.${deps.baseDomain}`;
      for (const admin of admins) {
        await deps.mailer.send({
          kind: 'welcome',
          to: admin.email,
          subject: `${admin.name} is live`,
          text: [
            `Your site is up: the cluster reported it ready at ${site}.`,
            'Sign in to the admin to add content, plugins and your own domains.',
          ].join('\n'),
        });
      }
    },
  };
  deps.pipeline.on('tenant.ready', ({ tenantId }) => service.markReady(tenantId));
  deps.pipeline.on('tenants.committed', ({ tenantIds }) => announceStates(dataSource, deps.bus, tenantIds));
  return service;
}

export type TenantsService = ReturnType<typeof createTenantsService>;
