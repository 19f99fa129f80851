import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { promisify } from 'node:util';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Organization } from '../access/organization.entities.js';
import type { BusEvent } from '../events/event-bus.js';
import { Pipeline } from '../events/pipeline.js';
import { CommitNotFoundError } from '../gitops/errors.js';
import { createLogger } from '../logger.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { fluxEvent } from '../test-support/flux-events.js';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { SyncEvent } from './sync.entities.js';
import { createSyncMetrics } from './sync.metrics.js';
import { createSyncService, type IngestResult, type SyncService } from './sync.service.js';

const run = promisify(execFile);
const FLUX_TOKEN = 'flux-hmac-key-for-batch-tests';
const reasons = ['Progressing', 'ReconciliationSucceeded', 'HealthCheckFailed', 'ArtifactUpToDate'];

/** What notification-controller would post: the compact JSON body and its HMAC header. */
function delivery(input: Parameters<typeof fluxEvent>[0]) {
  const raw = Buffer.from(JSON.stringify(fluxEvent(input)));
  return { raw, signature: `sha256=${createHmac('sha256', FLUX_TOKEN).update(raw).digest('hex')}` };
}

/** A fixed pseudo-random sequence, so a failure replays the same way. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n);
  };
}

describe('reports handled in batches', () => {
  let server: TestServer;
  let seed: string;
  let change: string;
  let later: string;
  let slugs = 0;
  const committedAt = new Date();

  const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s)).toISOString().replace('.000', '');
  const ingest = (d: { raw: Buffer; signature: string }, sync: SyncService = server.services.sync) =>
    sync.ingestFlux(d.raw, d.signature);
  const eventsOf = (tenantId: string) =>
    server.services.dataSource.getRepository(SyncEvent).find({ where: { tenantId } });

  async function commitOnMain(gitdir: string, parent: string, message: string) {
    const git = async (...args: string[]) => (await run('git', ['--git-dir', gitdir, ...args])).stdout.trim();
    const tree = await git('rev-parse', `${parent}^{tree}`);
    const sha = await git(
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit-tree',
      tree,
      '-p',
      parent,
      '-m',
      message,
    );
    await git('update-ref', 'refs/heads/main', sha, parent);
    return sha;
  }

  /** A tenant whose last change on main is `change`. */
  async function addTenant(state: Tenant['state'] = 'active'): Promise<Tenant> {
    const slug = `batch-${++slugs}`;
    const orgs = server.services.dataSource.getRepository(Organization);
    const platform = await orgs.findOneByOrFail({ kind: 'platform' });
    const org = await orgs.save(
      orgs.create({ slug, name: slug, kind: 'organization', parentId: platform.id, path: '' }),
    );
    await orgs.update(org.id, { path: `${platform.path}${org.id}/` });
    const tenants = server.services.dataSource.getRepository(Tenant);
    return tenants.save(
      tenants.create({
        organizationId: org.id,
        slug,
        tier: 'starter',
        projectType: 'website',
        themeName: 'luster-starter',
        themeVersion: '1.4.0',
        plugins: [],
        state,
        cluster: 'production',
        lastCommitSha: change,
        lastCommittedAt: committedAt,
      }),
    );
  }

  /** Another replica's sync service on the same database, with its own git and go-live hook. */
  function replica(options: {
    isAncestor(a: string, b: string): Promise<boolean>;
    onTenantReady?(tenantId: string): Promise<void>;
  }) {
    const pipeline = new Pipeline(createLogger('silent'));
    if (options.onTenantReady) {
      const ready = options.onTenantReady;
      pipeline.on('tenant.ready', ({ tenantId }) => ready(tenantId));
    }
    return createSyncService({
      dataSource: server.services.dataSource,
      databaseUrl: server.databaseUrl,
      logger: createLogger('silent'),
      bus: server.services.bus,
      metrics: createSyncMetrics(new Registry()),
      pipeline,
      fluxToken: FLUX_TOKEN,
      staleAfterMs: 3_600_000,
      isAncestor: options.isAncestor,
    });
  }

  beforeAll(async () => {
    server = await startTestServer({ FLUX_WEBHOOK_TOKEN: FLUX_TOKEN });
    const gitdir = server.services.gitdir;
    seed = (await run('git', ['--git-dir', gitdir, 'rev-parse', 'refs/heads/main'])).stdout.trim();
    change = await commitOnMain(gitdir, seed, 'tenant(batch): provision');
    later = await commitOnMain(gitdir, change, 'tenant(other): provision');
  });
  afterAll(() => server?.close());

  it('folds deliveries arriving together, for one tenant and for many, to what one-by-one delivery gives', async () => {
    const pick = random(7);
    // The same reports for a tenant delivered one by one and for one delivered in a batch: several
    // per tenant, out of order, for older, equal and later revisions, and some delivered twice.
    const script = Array.from({ length: 4 }, () => {
      const reports: { reason: string; sha: string; timestamp: string; message: string }[] = [];
      for (let i = 0; i < 14; i++) {
        const copy = reports.length > 0 && pick(5) === 0;
        reports.push(
          copy
            ? (reports[pick(reports.length)] as (typeof reports)[number])
            : {
                reason: reasons[pick(reasons.length)] as string,
                sha: [seed, change, later][pick(3)] as string,
                timestamp: at(pick(30)),
                message: `report ${i}`,
              },
        );
      }
      return reports;
    });
    const oneByOne = await Promise.all(script.map(() => addTenant()));
    const together = await Promise.all(script.map(() => addTenant()));

    const sequential: IngestResult[][] = [];
    for (const [k, reports] of script.entries()) {
      sequential[k] = [];
      for (const r of reports) sequential[k].push(await ingest(delivery({ ...r, slug: oneByOne[k]?.slug })));
    }
    // Submitted within one turn of the event loop: one batch.
    const batched = await Promise.all(
      script.map((reports, k) =>
        Promise.all(reports.map((r) => ingest(delivery({ ...r, slug: together[k]?.slug })))),
      ),
    );

    for (const k of script.keys()) {
      const a = oneByOne[k] as Tenant;
      const b = together[k] as Tenant;
      const answers = (results: IngestResult[]) => results.map(({ stored, status }) => ({ stored, status }));
      expect(answers(batched[k] as IngestResult[])).toEqual(answers(sequential[k] as IngestResult[]));
      const { events: eventsA, ...stateA } = await server.services.sync.statusOf(a.id);
      const { events: eventsB, ...stateB } = await server.services.sync.statusOf(b.id);
      expect(stateB).toEqual(stateA);
      expect(eventsB).toHaveLength(eventsA.length);
    }
  });

  it('stores a body delivered twice in one batch once, and answers the copy as a retry', async () => {
    const tenant = await addTenant();
    const d = delivery({
      slug: tenant.slug,
      reason: 'ReconciliationSucceeded',
      sha: change,
      timestamp: at(40),
    });
    const answers = await Promise.all([ingest(d), ingest(d), ingest(d)]);
    expect(answers.map((a) => a.stored)).toEqual([true, false, false]);
    expect(answers.map((a) => a.status)).toEqual(['Ready', 'Ready', 'Ready']);
    expect(await eventsOf(tenant.id)).toHaveLength(1);
  });

  it('reads and folds again a state another replica changed while the batch waited for git', async () => {
    const tenant = await addTenant();
    let asked!: () => void;
    const gitAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    let answer!: (contains: boolean) => void;
    const isAncestor = vi.fn(
      () =>
        new Promise<boolean>((resolve) => {
          answer = resolve;
          asked();
        }),
    );
    const ready = vi.fn(async () => undefined);
    const other = replica({ isAncestor, onTenantReady: ready });
    try {
      // This replica's batch folds a success for a later revision and waits for git's answer…
      const pending = ingest(
        delivery({ slug: tenant.slug, reason: 'ReconciliationSucceeded', sha: later, timestamp: at(50) }),
        other,
      );
      await gitAsked;
      // …while this one stores an earlier Progressing for the change itself.
      const progressing = await ingest(
        delivery({ slug: tenant.slug, reason: 'Progressing', sha: change, timestamp: at(45) }),
      );
      expect(progressing.status).toBe('Reconciling');
      answer(true);
      expect(await pending).toMatchObject({ stored: true, status: 'Ready' });
    } finally {
      await other.close();
    }
    expect(await server.services.sync.statusOf(tenant.id)).toMatchObject({
      status: 'Ready',
      firstProgressingAt: at(45).replace('Z', '.000Z'),
      readyAt: at(50).replace('Z', '.000Z'),
      appliedRevision: `main@sha1:${later}`,
    });
    expect(isAncestor).toHaveBeenCalledTimes(1);
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('calls the go-live hook once and announces each status change in order within one batch', async () => {
    const tenant = await addTenant('provisioning');
    const ready = vi.fn(async () => undefined);
    const other = replica({ isAncestor: async () => true, onTenantReady: ready });
    const seen: BusEvent[] = [];
    const unsubscribe = server.services.bus.subscribe((e) => {
      if (e.data.tenantId === tenant.id) seen.push(e);
    });
    try {
      const reports = [
        { reason: 'Progressing', timestamp: at(60) },
        { reason: 'ReconciliationSucceeded', timestamp: at(61) },
        { reason: 'ReconciliationSucceeded', timestamp: at(62) },
        { reason: 'Progressing', timestamp: at(63) },
      ];
      const answers = await Promise.all(
        reports.map((r) => ingest(delivery({ ...r, slug: tenant.slug, sha: later }), other)),
      );
      expect(answers.map((a) => a.status)).toEqual(['Reconciling', 'Ready', 'Ready', 'Ready']);
      expect(ready).toHaveBeenCalledTimes(1);
      await vi.waitFor(() => expect(seen).toHaveLength(2));
      expect(seen.map((e) => e.data.status)).toEqual(['Reconciling', 'Ready']);
    } finally {
      unsubscribe();
      await other.close();
    }
  });

  it('takes a revision git does not know for one without the change, and lets any other git failure through', async () => {
    const tenant = await addTenant();
    const unknown = 'f'.repeat(40);
    const diskError = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    const other = replica({
      isAncestor: async (_ancestor, descendant) => {
        if (descendant === unknown) throw new CommitNotFoundError({ ref: descendant });
        throw diskError;
      },
    });
    const report = (sha: string, s: number) =>
      delivery({ slug: tenant.slug, reason: 'ReconciliationSucceeded', sha, timestamp: at(s) });
    try {
      expect(await ingest(report(unknown, 80), other)).toMatchObject({ stored: true, status: 'Pending' });
      await expect(ingest(report(later, 81), other)).rejects.toThrow('EIO');
    } finally {
      await other.close();
    }
    // The failed report is not stored: Flux delivers it again, and it is folded then.
    expect((await eventsOf(tenant.id)).map((e) => e.revision)).toEqual([`main@sha1:${unknown}`]);
    expect(await server.services.sync.statusOf(tenant.id)).toMatchObject({
      status: 'Pending',
      readyAt: null,
    });
  });

  it('fails only the delivery the database refuses, and stores the rest of its batch', async () => {
    const tenant = await addTenant();
    const report = (message: string, s: number) =>
      delivery({ slug: tenant.slug, reason: 'Progressing', sha: change, timestamp: at(s), message });
    const answers = await Promise.allSettled([
      ingest(report('first', 70)),
      ingest(report('a NUL \u0000 in it', 71)),
      ingest(report('third', 72)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await eventsOf(tenant.id)).map((e) => e.message).sort()).toEqual(['first', 'third']);
  });
});
