import { type SyncStatus } from '@luster/contract';
import { UnavailableError } from '../errors/index.js';
import { CommitNotFoundError } from '../gitops/errors.js';
import type { Logger } from '../logger.js';
import { type FoldStep, foldReports, lastChangeOf } from './fold-reports.js';
import type { Pending } from './micro-batch.js';
import type { ObjectReports } from './object-health.js';
import type { SyncMetrics } from './sync.metrics.js';
import { displayStatus, type Report, type SyncState, timeToLiveMs } from './sync-status.js';
import type { EventRow, SyncStore, TenantWithSync } from './sync-store.js';

/** A verified, parsed report from Flux or Argo CD, as stored. */
export interface IncomingReport extends Omit<EventRow, 'tenantId' | 'eventAt'> {
  at: Date;
  /** What the report says of individual objects (object-health.ts), null when nothing. */
  objects: ObjectReports | null;
  /** The cluster that sent it (the Flux Alert's `eventMetadata.cluster`, an Argo CD Application's label), when it says. */
  cluster?: string | null;
  /** The tenant it is about when its source says so outright (Argo CD's labels); else its object's name tells. */
  tenantSlug?: string | null;
}

export interface IngestResult {
  /** False when the same delivery was already stored (a retry). */
  stored: boolean;
  tenantId: string | null;
  status: SyncStatus | null;
}

export interface BatchIngestDeps {
  store: SyncStore;
  logger: Logger;
  metrics: SyncMetrics;
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  staleAfterMs: number;
  now(): Date;
  /** Tells live views a tenant's status changed. */
  announce(tenant: TenantWithSync, state: SyncState): Promise<void>;
  /** Called once when a tenant's change is first reported live. */
  onTenantReady?(tenant: TenantWithSync, sha: string): Promise<void>;
  /** Called when a batch changed the recorded health of some of a tenant's objects. */
  onObjectsChanged?(tenant: TenantWithSync): Promise<void>;
  /** A success from a cluster the tenant no longer runs on (the copy a move left there). */
  onCopyApplied?(tenant: TenantWithSync, cluster: string, sha: string): Promise<void>;
}

type Item = Pending<IncomingReport, IngestResult>;

/** A tenant's reports of one batch, folded onto its state as last read. */
interface TenantFold {
  tenant: TenantWithSync;
  items: Item[];
  steps: FoldStep[];
  final: SyncState | null;
}

const maxAttempts = 10;
const tenantObjectName = /^tenant-([a-z0-9]([a-z0-9-]*[a-z0-9])?)$/;

/**
 * Flux names each tenant's Kustomization `flux-system/tenant-<slug>`. Argo CD's Applications
 * (`<cluster>--tenant-<slug>`, shortened with a hash when long) say their tenant in labels, which
 * the notification sends; older templates named the workload Application `tenant-<slug>` and the
 * platform part `platform-<slug>` (not what goes live for the tenant). Anything else is a platform event.
 */
function tenantSlugOf(report: IncomingReport): string | null {
  if (report.tenantSlug !== undefined) return report.tenantSlug;
  const slug = report.objectName.match(tenantObjectName)?.[1];
  if (!slug) return null;
  if (
    report.source === 'flux' &&
    (report.objectKind !== 'Kustomization' || report.objectNamespace !== 'flux-system')
  ) {
    return null;
  }
  return slug;
}

/** A report its cluster signed as another than the tenant's own (a report naming none is the tenant's). */
const fromOtherCluster = (report: IncomingReport, tenant: TenantWithSync): boolean =>
  !!report.cluster && report.cluster !== tenant.cluster;

const toReport = (r: IncomingReport): Report => ({
  outcome: r.outcome,
  sha: r.sha as string,
  revision: r.revision as string,
  message: r.message,
  at: r.at,
});

/**
 * Handles a batch of reports (see micro-batch.ts) as delivering them one by one would: one read of
 * their tenants, each tenant's reports folded in arrival order, one statement storing the deliveries
 * and the folded states with compare-and-swap; tenants another writer changed meanwhile are read and
 * folded again. A delivery stored before (a retry) is folded again too: folding is idempotent.
 * Each answer waits for its report's announcement and go-live callback; the next batch does not.
 */
export function createBatchIngest(deps: BatchIngestDeps) {
  const log = deps.logger.child({ component: 'sync' });
  /** Answers waiting for their effects: these may outlast the batch (see `answer`). */
  const answering = new Set<Promise<void>>();

  /** Whether each report's commit contains the tenant's last change: one git question per pair. */
  function containment(tenant: TenantWithSync, items: Item[], asked: Map<string, Promise<boolean>>) {
    const last = lastChangeOf(tenant);
    return Promise.all(
      items.map(({ item: r }) => {
        if (!last || !r.sha || r.outcome === 'other') return false;
        if (last === r.sha) return true;
        const key = `${last}..${r.sha}`;
        let answer = asked.get(key);
        if (!answer) {
          // A revision our repository does not have (not pushed from here): it cannot contain our
          // change. Any other failure of git fails the batch, and Flux delivers the report again.
          answer = deps.isAncestor(last, r.sha).catch((error: unknown) => {
            if (error instanceof CommitNotFoundError) return false;
            throw error;
          });
          asked.set(key, answer);
        }
        return answer;
      }),
    );
  }

  async function fold(tenant: TenantWithSync, items: Item[], asked: Map<string, Promise<boolean>>) {
    const contains = await containment(tenant, items, asked);
    const folded = foldReports(
      tenant,
      items.map((i) => toReport(i.item)),
      contains,
    );
    return { tenant, items, ...folded } satisfies TenantFold;
  }

  const writesOf = (folds: TenantFold[]) =>
    folds.flatMap((f) =>
      f.final ? [{ tenantId: f.tenant.id, next: f.final, version: f.tenant.version }] : [],
    );

  /**
   * Reads and folds again the tenants whose write lost, until each is written; the reports of one
   * that keeps losing (or was deleted meanwhile) are answered "busy", and Flux delivers them again.
   */
  async function retryLost(lost: TenantFold[], asked: Map<string, Promise<boolean>>): Promise<TenantFold[]> {
    const done: TenantFold[] = [];
    const fail = (folds: TenantFold[], error: unknown) => {
      for (const f of folds) for (const item of f.items) item.reject(error);
    };
    const busy = () =>
      new UnavailableError({
        code: 'sync_contention',
        message: 'The tenant sync state is too busy; retry',
        data: {},
      });
    try {
      for (let attempt = 1; attempt < maxAttempts && lost.length > 0; attempt++) {
        const reloaded = await deps.store.tenantsById(lost.map((f) => f.tenant.id));
        const itemsOf = new Map(lost.map((f) => [f.tenant.id, f.items]));
        fail(
          lost.filter((f) => !reloaded.some((t) => t.id === f.tenant.id)),
          busy(),
        );
        const folds = await Promise.all(reloaded.map((t) => fold(t, itemsOf.get(t.id) ?? [], asked)));
        const written = await deps.store.writeStates(writesOf(folds));
        done.push(...folds.filter((f) => !f.final || written.has(f.tenant.id)));
        lost = folds.filter((f) => f.final && !written.has(f.tenant.id));
      }
      if (lost.length > 0) fail(lost, busy());
    } catch (error) {
      fail(lost, error);
    }
    return done;
  }

  /** `step` wrote a new state: tell live views of a status change, and go-live once. */
  async function afterChange(tenant: TenantWithSync, { stored, previous, next }: FoldStep) {
    if (!stored || stored.phase !== next.phase || stored.lastChangeSha !== next.lastChangeSha) {
      await deps.announce(tenant, next);
    }
    if (!previous.readyAt && next.readyAt && next.lastChangeSha) {
      const ttl = timeToLiveMs(next);
      if (ttl !== null) deps.metrics.timeToLive.observe(ttl / 1000);
      await deps
        .onTenantReady?.(tenant, next.lastChangeSha)
        .catch((error) => log.error({ err: error, tenantId: tenant.id }, 'after-ready hook failed'));
    }
  }

  /** Answers a tenant's reports in arrival order, each after its own effects. */
  async function answer(f: TenantFold, stored: (item: Item) => boolean) {
    for (const [i, item] of f.items.entries()) {
      const step = f.steps[i] as FoldStep;
      try {
        if (step.written) await afterChange(f.tenant, step);
        const status = displayStatus(step.next, deps.now(), deps.staleAfterMs);
        item.resolve({ stored: stored(item), tenantId: f.tenant.id, status });
      } catch (error) {
        item.reject(error);
      }
    }
  }

  /** Each report's tenant, read in one query (null: a platform event or an unknown tenant). */
  async function tenantsOf(batch: Item[]): Promise<Map<Item, TenantWithSync | null>> {
    const slugs = batch.map((i) => tenantSlugOf(i.item));
    const wanted = [...new Set(slugs.filter((s) => s !== null))];
    const bySlug = new Map((await deps.store.tenantsBySlug(wanted)).map((t) => [t.slug, t]));
    return new Map(batch.map((i, n) => [i, bySlug.get(slugs[n] ?? '') ?? null]));
  }

  /**
   * Records what the batch's reports say of individual objects, before the reports themselves: a
   * failure then stores nothing and Flux delivers them again (recording again is a no-op). Only
   * the tenant's own cluster speaks for its objects: during a move both clusters run a namespace
   * of the same name, and the other copy's objects (a kept database's, a success marking every
   * object healthy) are not the ones the tenant serves from.
   */
  async function recordObjects(batch: Item[], tenantOf: Map<Item, TenantWithSync | null>): Promise<void> {
    const writes = batch.flatMap((i) => {
      const tenant = tenantOf.get(i);
      const reports = i.item.objects;
      if (!tenant || !reports || fromOtherCluster(i.item, tenant)) return [];
      return [
        { tenantId: tenant.id, source: i.item.source, revision: i.item.revision, at: i.item.at, reports },
      ];
    });
    const changed = await deps.store.recordObjects(writes);
    const tenants = new Map(
      [...tenantOf.values()].flatMap((t) => (t && changed.has(t.id) ? [[t.id, t]] : [])),
    );
    for (const tenant of tenants.values()) {
      const told: Promise<void> = (deps.onObjectsChanged?.(tenant) ?? Promise.resolve())
        .catch((error) => log.error({ err: error, tenantId: tenant.id }, 'object health hook failed'))
        .finally(() => answering.delete(told));
      answering.add(told);
    }
  }

  async function run(batch: Item[]): Promise<void> {
    const tenantOf = await tenantsOf(batch);
    // The first delivery of a body in the batch is the one stored; a copy after it is a retry.
    const first = new Map<string, Item>();
    for (const i of batch) if (!first.has(i.item.digest)) first.set(i.item.digest, i);
    const events = [...first.values()].map((i) => ({
      ...i.item,
      tenantId: tenantOf.get(i)?.id ?? null,
      eventAt: i.item.at,
    }));
    const groups = new Map<TenantWithSync, Item[]>();
    const copies: { tenant: TenantWithSync; cluster: string; sha: string }[] = [];
    for (const i of batch) {
      const tenant = tenantOf.get(i);
      if (!tenant || !i.item.sha || !i.item.revision) continue;
      const from = i.item.cluster;
      if (from && fromOtherCluster(i.item, tenant)) {
        // During a move the tenant's Kustomization runs on both clusters under one name: the old
        // copy's reports are stored, never folded, so they cannot mask the new cluster's status.
        if (i.item.outcome === 'succeeded') copies.push({ tenant, cluster: from, sha: i.item.sha });
        continue;
      }
      groups.set(tenant, [...(groups.get(tenant) ?? []), i]);
    }
    const asked = new Map<string, Promise<boolean>>();
    const folds = await Promise.all([...groups].map(([tenant, items]) => fold(tenant, items, asked)));
    let result: Awaited<ReturnType<SyncStore['record']>>;
    try {
      await recordObjects(batch, tenantOf);
      result = await deps.store.record(events, writesOf(folds));
    } catch (error) {
      if (batch.length === 1) throw error;
      // The statements stored nothing (or object health only, which records again as a no-op). A
      // delivery the database refuses (a NUL in its message, say) must fail its own request only:
      // handle each on its own.
      for (const i of batch) await run([i]).catch((e) => i.reject(e));
      return;
    }
    const stored = (i: Item) => first.get(i.item.digest) === i && result.stored.has(i.item.digest);
    for (const i of batch) {
      deps.metrics.webhookAccepted.inc({ source: i.item.source, result: stored(i) ? 'stored' : 'duplicate' });
      const tenant = tenantOf.get(i);
      if (!tenant || !groups.get(tenant)?.includes(i))
        i.resolve({ stored: stored(i), tenantId: tenant?.id ?? null, status: null });
    }
    for (const c of copies) {
      await deps
        .onCopyApplied?.(c.tenant, c.cluster, c.sha)
        .catch((error) => log.error({ err: error, tenantId: c.tenant.id }, 'after-copy hook failed'));
    }
    const lost = folds.filter((f) => f.final && !result.written.has(f.tenant.id));
    const retried = await retryLost(lost, asked);
    for (const f of [...folds.filter((f) => !lost.includes(f)), ...retried]) {
      const answered: Promise<void> = answer(f, stored).finally(() => answering.delete(answered));
      answering.add(answered);
    }
  }

  return {
    run,
    /** Resolves once every answer given so far is out (their effects ran). */
    async answered(): Promise<void> {
      await Promise.all(answering);
    },
  };
}
