import { createHash } from 'node:crypto';
import { type SyncStatus } from '@luster/contract';
import type { DataSource } from 'typeorm';
import { InvalidInputError, UnauthenticatedError, UnavailableError } from '../errors/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Pipeline } from '../events/pipeline.js';
import { secretHeaderMatches, verifyHmacSignature } from '../http/webhook-signature.js';
import type { Logger } from '../logger.js';
import { argoOutcome, parseArgoEvent } from './argocd-event.js';
import { outcomeOf, parseFluxEvent } from './flux-event.js';
import { createBatchIngest, type IncomingReport, type IngestResult } from './ingest-batch.js';
import { createMicroBatcher } from './micro-batch.js';
import { argoObjectReports, fluxObjectReports, recordedOnly } from './object-health.js';
import { SyncEvent } from './sync.entities.js';
import type { SyncMetrics } from './sync.metrics.js';
import {
  displayStatus,
  initialSyncState,
  type SyncState,
  stateForLastChange,
  timeToLiveMs,
} from './sync-status.js';
import { createSyncStore, type TenantWithSync } from './sync-store.js';

export type { IngestResult } from './ingest-batch.js';

/** The tenant a Flux `Kustomization` or Argo CD `Application` named `tenant-<slug>` belongs to. */
export interface TenantRef {
  id: string;
  organizationId: string;
  organizationPath: string;
  /** The tenant row is the source of truth for its last change on main. */
  lastCommitSha: string | null;
  lastCommittedAt: Date | null;
}

export interface SyncServiceDeps {
  dataSource: DataSource;
  databaseUrl: string;
  logger: Logger;
  bus: EventBus;
  metrics: SyncMetrics;
  /** Whether `ancestor` is `descendant` or one of its ancestors in the GitOps repo. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  fluxToken?: string | undefined;
  argocdToken?: string | undefined;
  staleAfterMs: number;
  /**
   * Where sync announces `tenant.ready` (once per change, when it is first reported live) and
   * hears `tenants.committed` (the tenants are Pending again); `tenant.objects` when a report
   * changed the recorded health of a tenant's objects.
   */
  pipeline: Pipeline;
  now?: () => Date;
}

export interface TenantSyncView {
  status: SyncStatus;
  lastChange: { sha: string; committedAt: string } | null;
  appliedRevision: string | null;
  firstProgressingAt: string | null;
  readyAt: string | null;
  /** How long the last change took to go live, once it has. */
  timeToLiveMs: number | null;
  message: string | null;
  events: SyncEventView[];
}

export interface SyncEventView {
  source: 'flux' | 'argocd';
  object: string;
  severity: string;
  reason: string;
  outcome: string;
  message: string;
  revision: string | null;
  at: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new InvalidInputError({ code: 'malformed_json', message: 'The request body is not valid JSON' });
  }
}

/**
 * The loop back from the cluster (DESIGN §6): verifies and stores every report
 * from Flux or Argo CD, folds the ones about a tenant into its sync state, and
 * announces status changes on the event bus for the admin's live view.
 */
export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const store = createSyncStore(deps.databaseUrl);
  const batchIngest = createBatchIngest({
    store,
    logger: deps.logger,
    metrics: deps.metrics,
    isAncestor: deps.isAncestor,
    staleAfterMs: deps.staleAfterMs,
    now,
    announce,
    onTenantReady: (tenant, sha) => deps.pipeline.emit('tenant.ready', { tenantId: tenant.id, sha }),
    onObjectsChanged: (tenant) =>
      deps.pipeline.emit('tenant.objects', {
        tenantId: tenant.id,
        organizationId: tenant.organizationId,
        organizationPath: tenant.organizationPath,
      }),
    onCopyApplied: (tenant, cluster, sha) =>
      deps.pipeline.emit('tenant.copy.applied', { tenantId: tenant.id, cluster, sha }),
  });
  const batcher = createMicroBatcher<IncomingReport, IngestResult>({ run: batchIngest.run });
  /** Reports arriving together share their database round trips (see ingest-batch.ts). */
  const ingest = (report: IncomingReport) => batcher.submit(report);

  const currentState = (tenant: TenantWithSync) =>
    stateForLastChange(tenant.state, tenant.lastCommitSha, tenant.lastCommittedAt);

  async function announce(tenant: TenantRef, state: SyncState) {
    await deps.bus.publish({
      type: 'tenant.sync',
      organizationId: tenant.organizationId,
      organizationPath: tenant.organizationPath,
      data: {
        tenantId: tenant.id,
        organizationId: tenant.organizationId,
        status: displayStatus(state, now(), deps.staleAfterMs),
        lastChange: state.lastChangeSha
          ? { sha: state.lastChangeSha, committedAt: iso(state.committedAt) }
          : null,
        appliedRevision: state.appliedRevision,
        readyAt: iso(state.readyAt),
        message: state.message,
      },
    });
  }

  function reject(source: 'flux' | 'argocd', reason: string): never {
    deps.metrics.webhookRejected.inc({ source, reason });
    throw new UnauthenticatedError({
      code: 'invalid_signature',
      message: 'The webhook signature is missing or wrong',
    });
  }

  const service = {
    async close() {
      await batcher.idle();
      await batchIngest.answered();
      await store.close();
    },

    /** `POST /hooks/flux`: the HMAC is checked on the raw bytes before anything is parsed or stored. */
    async ingestFlux(rawBody: Buffer, signatureHeader: string | undefined): Promise<IngestResult> {
      if (!deps.fluxToken) {
        deps.metrics.webhookRejected.inc({ source: 'flux', reason: 'not_configured' });
        throw new UnavailableError({
          code: 'webhook_not_configured',
          message: 'The Flux webhook is not configured: set FLUX_WEBHOOK_TOKEN',
          data: {},
        });
      }
      if (!verifyHmacSignature(rawBody, signatureHeader, deps.fluxToken)) reject('flux', 'signature');
      let event: ReturnType<typeof parseFluxEvent>;
      try {
        event = parseFluxEvent(parseJson(rawBody));
      } catch (error) {
        deps.metrics.webhookRejected.inc({ source: 'flux', reason: 'invalid_body' });
        throw error;
      }
      return ingest({
        source: 'flux',
        digest: createHash('sha256').update(rawBody).digest('hex'),
        objectKind: event.kind,
        objectNamespace: event.namespace,
        objectName: event.name,
        severity: event.severity,
        reason: event.reason,
        outcome: outcomeOf(event),
        message: event.message,
        revision: event.rawRevision,
        sha: event.revision?.sha ?? null,
        at: event.timestamp,
        objects: recordedOnly(fluxObjectReports(event)),
        cluster: event.metadata.cluster ?? null,
      });
    },

    /** `POST /hooks/argocd`: Argo CD signs nothing, so a shared secret header authenticates it. */
    async ingestArgo(rawBody: Buffer, secretHeader: string | undefined): Promise<IngestResult> {
      if (!deps.argocdToken) {
        deps.metrics.webhookRejected.inc({ source: 'argocd', reason: 'not_configured' });
        throw new UnavailableError({
          code: 'webhook_not_configured',
          message: 'The Argo CD webhook is not configured: set ARGOCD_WEBHOOK_TOKEN',
          data: {},
        });
      }
      if (!secretHeaderMatches(secretHeader, deps.argocdToken)) reject('argocd', 'secret');
      let event: ReturnType<typeof parseArgoEvent>;
      try {
        event = parseArgoEvent(parseJson(rawBody), now());
      } catch (error) {
        deps.metrics.webhookRejected.inc({ source: 'argocd', reason: 'invalid_body' });
        throw error;
      }
      return ingest({
        source: 'argocd',
        digest: createHash('sha256').update(rawBody).digest('hex'),
        objectKind: 'Application',
        objectNamespace: 'argocd',
        objectName: event.app,
        severity: argoOutcome(event) === 'failed' ? 'error' : 'info',
        reason: [event.syncStatus, event.health, event.phase].filter(Boolean).join('/'),
        outcome: argoOutcome(event),
        message: event.message,
        revision: event.revision?.sha ?? null,
        sha: event.revision?.sha ?? null,
        at: event.timestamp,
        objects: recordedOnly(argoObjectReports(event.resources)),
        tenantSlug: event.tenant,
        cluster: event.cluster,
      });
    },

    /**
     * Changes for these tenants landed on main (call after updating the tenant rows): each is
     * Pending until a report for a revision containing it. Tells live views at once. One read and
     * one grouped compare-and-swap write for all of them; tenants whose write lost to a report are
     * read and written again.
     */
    async recordCommits(tenantIds: readonly string[]): Promise<void> {
      let pending = [...new Set(tenantIds)];
      for (let attempt = 0; attempt < 10 && pending.length > 0; attempt++) {
        const writes = (await store.tenantsById(pending))
          .filter(
            (t) =>
              t.lastCommitSha &&
              t.lastCommittedAt &&
              (t.state ?? initialSyncState).lastChangeSha !== t.lastCommitSha,
          )
          .map((tenant) => ({ tenant, next: currentState(tenant) }));
        if (writes.length === 0) return;
        const won = await store.writeStates(
          writes.map((w) => ({ tenantId: w.tenant.id, next: w.next, version: w.tenant.version })),
        );
        await Promise.all(writes.filter((w) => won.has(w.tenant.id)).map((w) => announce(w.tenant, w.next)));
        pending = writes.filter((w) => !won.has(w.tenant.id)).map((w) => w.tenant.id);
      }
    },

    async statusOf(tenantId: string, options: { events?: number } = {}): Promise<TenantSyncView> {
      const [tenant, events] = await Promise.all([
        store.tenantById(tenantId),
        deps.dataSource.getRepository(SyncEvent).find({
          where: { tenantId },
          order: { eventAt: 'DESC', receivedAt: 'DESC' },
          take: options.events ?? 50,
        }),
      ]);
      const state = tenant ? currentState(tenant) : initialSyncState;
      return {
        status: displayStatus(state, now(), deps.staleAfterMs),
        lastChange:
          state.lastChangeSha && state.committedAt
            ? { sha: state.lastChangeSha, committedAt: state.committedAt.toISOString() }
            : null,
        appliedRevision: state.appliedRevision,
        firstProgressingAt: iso(state.firstProgressingAt),
        readyAt: iso(state.readyAt),
        timeToLiveMs: timeToLiveMs(state),
        message: state.message,
        events: events.map((e) => ({
          source: e.source,
          object: `${e.objectKind}/${e.objectNamespace}/${e.objectName}`,
          severity: e.severity,
          reason: e.reason,
          outcome: e.outcome,
          message: e.message,
          revision: e.revision,
          at: e.eventAt.toISOString(),
        })),
      };
    },

    /** Counts per displayed status, for the Prometheus gauge. */
    async countByStatus(): Promise<Record<SyncStatus, number>> {
      const rows: { status: SyncStatus; n: string }[] = await deps.dataSource.query(
        `SELECT CASE WHEN phase IN ('Pending','Reconciling') AND "committedAt" < $2::timestamptz - make_interval(secs => $1)
                     THEN 'Stale' ELSE phase END AS status, count(*) AS n
           FROM tenant_sync GROUP BY 1`,
        [deps.staleAfterMs / 1000, now().toISOString()],
      );
      const counts: Record<SyncStatus, number> = {
        Pending: 0,
        Reconciling: 0,
        Ready: 0,
        Failed: 0,
        Stale: 0,
      };
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },
  };
  deps.pipeline.on('tenants.committed', ({ tenantIds }) => service.recordCommits(tenantIds));
  return service;
}

export type SyncService = ReturnType<typeof createSyncService>;
