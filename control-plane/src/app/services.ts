import path from 'node:path';
import { resolveRenderOptions } from '@luster/synth';
import type { DataSource } from 'typeorm';
import { createAccountService } from '../auth/account.service.js';
import { createAuthService } from '../auth/auth.service.js';
import { createAuthHousekeeping } from '../auth/auth-housekeeping.js';
import { createRateLimiter } from '../auth/rate-limit.js';
import { loadJwtSecret } from '../auth/tokens.js';
import type { BackgroundTask } from '../background.js';
import { createCatalogService } from '../catalog/catalog.service.js';
import { createChangeReview } from '../changes/change-review.js';
import { toView } from '../changes/change-view.js';
import { createChangesService } from '../changes/changes.service.js';
import { createDelivery, overtakenChanges, reindexAfterReplay } from '../changes/delivery.js';
import { createFluxReceiverNotifier } from '../changes/flux-receiver.js';
import { createGithubHost } from '../changes/git-host.js';
import { createReplicaPresence } from '../changes/replica-presence.js';
import { markPushed } from '../changes/takeover.js';
import { registerUnpushedGauges } from '../changes/unpushed.metrics.js';
import { createClustersService } from '../clusters/clusters.service.js';
import { clusterEntry, entryPointCommitter } from '../clusters/entry-point.js';
import type { Config } from '../config.js';
import { createCreditsService } from '../credits/credits.service.js';
import { createLedgerCheck } from '../credits/ledger-check.js';
import { createPacksService } from '../credits/packs.service.js';
import { createStripePayments } from '../credits/payments.js';
import { createPurchasesService } from '../credits/purchases.service.js';
import { createStripeWebhook } from '../credits/stripe-webhook.js';
import { createUsageService } from '../credits/usage.service.js';
import { EventBus } from '../events/event-bus.js';
import { Pipeline } from '../events/pipeline.js';
import { IsomorphicGitopsWriter } from '../gitops/history/isomorphic-writer.js';
import type { GitReadToken } from '../gitops/http/read-token.js';
import { RepoMaintenance } from '../gitops/object-store/maintenance.js';
import { GitRepository } from '../gitops/object-store/repository.js';
import type { CommitSigner } from '../gitops/object-store/signing.js';
import { GitRemote } from '../gitops/remote/remote.js';
import { createHealthService } from '../health/health.service.js';
import { createMetrics } from '../http/metrics.js';
import type { Logger } from '../logger.js';
import { createMailMetrics, registerMailOutboxGauge } from '../mail/mail.metrics.js';
import { createMailQueue } from '../mail/mail-queue.js';
import { outboxMailer, smtpMailer } from '../mail/mailer.js';
import { createMovesService } from '../moves/moves.service.js';
import { createMembersService } from '../orgs/members.js';
import { createOrgUsersService } from '../orgs/org-users.js';
import { createOrgsService } from '../orgs/orgs.service.js';
import { createSentInvitationsService } from '../orgs/sent-invitations.js';
import { createPartnerGroupsService } from '../partner-groups/partner-groups.service.js';
import { Cluster } from '../placement/cluster.entities.js';
import { createRegistrationService } from '../registration/registration.service.js';
import { createOrganizationSyncStatus } from '../sync/organization-status.js';
import { createSyncMetrics, registerSyncStatusGauge } from '../sync/sync.metrics.js';
import { createSyncService } from '../sync/sync.service.js';
import { createTenantLifecycle } from '../tenants/lifecycle.js';
import { tenantRenderOptions } from '../tenants/render.js';
import { createRenderThread } from '../tenants/render-thread.js';
import { createTenantsService } from '../tenants/tenants.service.js';
import { createDomainServices } from './domain-services.js';
import { createMediaServices } from './media-services.js';

export interface ServiceDeps {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  /** The bare GitOps repository. */
  gitdir: string;
  /** Where the event bus LISTENs (the same database). */
  databaseUrl: string;
  /** Signs every commit when a key is configured (GIT_SIGNING_KEY). */
  signer?: CommitSigner | undefined;
  /** What reading `/git` takes (GITOPS_READ_TOKEN or the generated one). */
  gitReadToken: GitReadToken;
  /** What "now" is for staleness; the real clock unless a test passes its own. */
  clock?: () => Date;
}

/**
 * Builds every service once per process (never per request or per handler).
 * Routes and GraphQL resolvers receive this object and call the same methods.
 */
export function createServices(deps: ServiceDeps) {
  const { config, logger, dataSource } = deps;
  const clock = deps.clock ?? (() => new Date());
  const metrics = createMetrics();
  const repo = new GitRepository({ gitdir: deps.gitdir });
  // isomorphic-git writes loose objects only: pack them in the background every 100 commits.
  const maintenance = new RepoMaintenance({ repo, logger, everyCommits: config.GITOPS_PACK_EVERY_COMMITS });
  const writer = new IsomorphicGitopsWriter({
    repo,
    maintenance,
    committer: { name: config.GIT_BOT_NAME, email: config.GIT_BOT_EMAIL },
    ...(deps.signer ? { signer: deps.signer } : {}),
    logger,
  });
  const bus = new EventBus(deps.databaseUrl, dataSource, logger);
  // changes → git → sync → tenants and review: each stage subscribes to the one before it.
  const pipeline = new Pipeline(logger);
  const sync = createSyncService({
    dataSource,
    databaseUrl: deps.databaseUrl,
    logger,
    bus,
    pipeline,
    metrics: createSyncMetrics(metrics.registry),
    isAncestor: (a, b) => writer.isAncestor(a, b),
    fluxToken: config.FLUX_WEBHOOK_TOKEN,
    argocdToken: config.ARGOCD_WEBHOOK_TOKEN,
    staleAfterMs: config.SYNC_STALE_AFTER_SECONDS * 1000,
    now: clock,
  });
  registerSyncStatusGauge(metrics.registry, () => sync.countByStatus());
  // Organizations, tenants, registration and the change-request writer (issue #5).
  // Mails are stored with the change they announce and delivered afterwards, with retries.
  const mail = createMailQueue({
    dataSource,
    metrics: createMailMetrics(metrics.registry),
    transport: config.SMTP_URL
      ? smtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM })
      : outboxMailer({ dir: path.join(config.dataDir, 'outbox'), from: config.MAIL_FROM }),
    logger,
  });
  registerMailOutboxGauge(metrics.registry, () => mail.counts());
  const mailer = mail;
  const rateLimiter = createRateLimiter({ dataSource });
  const authHousekeeping = createAuthHousekeeping({
    dataSource,
    logger,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    clock,
  });
  const auth = createAuthService({
    dataSource,
    config,
    jwtSecret: loadJwtSecret(config),
    rateLimiter,
    mailer,
  });
  // One set of render options: the catalog refuses on write any image the render would refuse.
  const renderOptions = tenantRenderOptions(config);
  const catalog = createCatalogService({
    dataSource,
    allowedImageRegistries: resolveRenderOptions(renderOptions).allowedImageRegistries,
  });
  // With a remote, replicas may be several: each says it is up, and records what it has not pushed.
  const presence = config.GITOPS_REMOTE_URL ? createReplicaPresence(dataSource, logger) : undefined;
  if (presence) registerUnpushedGauges(metrics.registry, dataSource, presence);
  // After commits on main: push to the remote (production), then tell Flux's Receiver.
  const remote = config.GITOPS_REMOTE_URL
    ? new GitRemote({
        writer,
        url: config.GITOPS_REMOTE_URL,
        ...(config.GITOPS_REMOTE_TOKEN ? { credentials: { token: config.GITOPS_REMOTE_TOKEN } } : {}),
        onMoved: reindexAfterReplay(dataSource),
        overtaken: overtakenChanges(dataSource),
        onPushed: async ({ branch, head }) => {
          if (presence && branch === 'main') await markPushed(dataSource, writer, presence, head);
        },
        logger,
      })
    : undefined;
  const delivery = createDelivery({
    writer,
    remote,
    notifier:
      config.FLUX_RECEIVER_URL && config.FLUX_RECEIVER_TOKEN
        ? createFluxReceiverNotifier({
            url: config.FLUX_RECEIVER_URL,
            token: config.FLUX_RECEIVER_TOKEN,
            logger,
          })
        : undefined,
    branch: 'main',
    logger,
  });
  const gitHost =
    config.GITHUB_REPOSITORY && config.GITHUB_TOKEN
      ? createGithubHost({
          apiUrl: config.GITHUB_API_URL,
          repository: config.GITHUB_REPOSITORY,
          token: config.GITHUB_TOKEN,
        })
      : undefined;
  const renderThread = createRenderThread(logger);
  const changes = createChangesService({
    dataSource,
    writer,
    logger,
    renderOptions,
    render: renderThread.render,
    reviewKinds: config.CHANGE_REVIEW_KINDS,
    maxFolderRemovals: config.CHANGE_MAX_FOLDER_REMOVALS,
    pipeline,
    afterRound: () => delivery.afterRound(),
    ...(gitHost ? { gitHost, hostAccounts: config.GITHUB_LOGINS ?? new Map() } : {}),
    ...(delivery.pushBranch ? { pushBranch: delivery.pushBranch } : {}),
    tenantIsReady: async (tenantId) => (await sync.statusOf(tenantId)).status === 'Ready',
    clock,
    ...(presence ? { presence } : {}),
    ...(remote ? { syncMain: () => remote.push('main').then(() => undefined) } : {}),
  });
  const { storage, buckets, media, mediaReconcile } = createMediaServices({
    config,
    logger,
    dataSource,
    clock,
    pipeline,
  });
  const orgs = createOrgsService({ dataSource, config, clock, mediaStatuses: media.statuses });
  const { domains, verifier } = createDomainServices({
    config,
    logger,
    dataSource,
    clock,
    pipeline,
    bus,
    changes,
    mail,
  });
  // Tenants come before change requests and organization views in the pipeline: their lifecycle
  // gets those services' methods rather than importing them.
  const lifecycle = createTenantLifecycle({
    dataSource,
    catalog,
    submit: (change, tx) => changes.submit(change, tx),
    settle: async (changeId) => toView(dataSource, await changes.settle(changeId)),
    preview: (input, manager) => changes.preview(input, manager),
    view: (actor, id) => orgs.get({ actor, id }),
    checkTier: (input, manager) => domains.checkTier(input, manager),
  });
  const moves = createMovesService({
    dataSource,
    submit: (change, tx) => changes.submit(change, tx),
    settle: async (changeId) => toView(dataSource, await changes.settle(changeId)),
    kick: () => {
      changes.drain().catch((error) => logger.error({ err: error }, 'writer round failed'));
    },
    preview: (input) => changes.preview(input),
    view: (actor, id) => orgs.get({ actor, id }),
    tenantIsReady: async (tenantId) => (await sync.statusOf(tenantId, { events: 1 })).status === 'Ready',
    lastHealthyAt: async (tenantId) => (await sync.statusOf(tenantId, { events: 1 })).readyAt,
    isAncestor: (a, b) => writer.isAncestor(a, b),
    findCluster: (name, manager) =>
      manager.findOne(Cluster, { where: { name }, select: { name: true, acceptsTenants: true } }),
    pipeline,
    clock,
  });
  const orgUsers = createOrgUsersService({ dataSource, config, auth, mailer });
  const tenants = createTenantsService({
    dataSource,
    writer,
    pipeline,
    bus,
    mailer,
    baseDomain: config.LUSTER_BASE_DOMAIN,
    bucketDeletion: media.bucketDeletion,
  });
  const registration = createRegistrationService({
    dataSource,
    config,
    catalog,
    changes,
    auth,
    rateLimiter,
    mail,
    logger,
  });
  // Balances are proven against the ledger's entries at start and on every maintenance pass.
  const ledgerCheck = createLedgerCheck({ dataSource, logger, registry: metrics.registry });
  // Null without STRIPE_SECRET_KEY: packs say so and checkout refuses (503), nothing pretends.
  const payments = createStripePayments(config);
  /** Started in this order, stopped in the reverse one (server.ts). */
  const background: BackgroundTask[] = [
    { name: 'event bus', start: () => bus.start(), stop: () => bus.stop() },
    { name: 'storage', start: () => storage.start(), stop: () => storage.stop() },
    { name: 'media buckets', start: () => buckets.start(), stop: () => buckets.stop() },
    {
      name: 'media reconcile',
      start: () => mediaReconcile.start(config.RECONCILE_INTERVAL_SECONDS),
      stop: () => mediaReconcile.stop(),
    },
    {
      name: 'credit ledger check',
      start: () => ledgerCheck.start(config.RECONCILE_INTERVAL_SECONDS),
      stop: () => ledgerCheck.stop(),
    },
    { name: 'sync ingest', stop: () => sync.close() },
    { name: 'repository maintenance', start: () => maintenance.start(), stop: () => maintenance.idle() },
    { name: 'mail', start: () => mail.start(), stop: () => mail.stop() },
    {
      name: 'domain verifier',
      start: () => verifier.start(config.DOMAIN_CHECK_INTERVAL_SECONDS),
      stop: () => verifier.stop(),
    },
    { name: 'auth housekeeping', start: () => authHousekeeping.start(), stop: () => authHousekeeping.stop() },
    // Before the writer, stopped after it: its rounds render here.
    { name: 'render thread', start: () => renderThread.start(), stop: () => renderThread.stop() },
    // Before the writer, stopped after it: its commits are recorded under the presence's key.
    ...(presence
      ? [{ name: 'replica presence', start: () => presence.start(), stop: () => presence.stop() }]
      : []),
    {
      name: 'change writer',
      start: () => {
        // Repairs a crash between a DB commit and its git commit: whatever is still queued is written now.
        setImmediate(() => {
          // Logs once, at start, when a cluster is still in the legacy layout (changes/layout-guard.ts).
          changes
            .legacyClusters()
            .catch((error) => logger.error({ err: error }, 'reading the fleet layout failed'));
          changes.drain().catch((error) => logger.error({ err: error }, 'draining queued changes failed'));
        });
        changes.startReconciling(config.RECONCILE_INTERVAL_SECONDS);
        if (presence) changes.startRounds(config.GITOPS_TAKEOVER_SECONDS);
      },
      // In-flight git writes finish, then pushes and Flux announcements.
      stop: async () => {
        await changes.stop();
        await delivery.close().catch((error) => logger.warn({ err: error }, 'closing delivery failed'));
      },
    },
  ];
  return {
    ...deps,
    background,
    metrics,
    health: createHealthService({
      dataSource,
      gitdir: deps.gitdir,
      legacyClusters: () => changes.legacyClusters(),
    }),
    repo,
    maintenance,
    writer,
    bus,
    sync,
    mail,
    rateLimiter,
    authHousekeeping,
    auth,
    account: createAccountService({ dataSource, config, rateLimiter, mail, auth, clock }),
    catalog,
    changes,
    changeReview: createChangeReview({ dataSource, changes, catalog, writer }),
    remote,
    delivery,
    orgs,
    orgUsers,
    members: createMembersService({ dataSource }),
    invitations: createSentInvitationsService({ dataSource, config, auth, rateLimiter, mail }),
    partnerGroups: createPartnerGroupsService({ dataSource, clock }),
    clusters: createClustersService({
      dataSource,
      clock,
      staleAfterMs: config.SYNC_STALE_AFTER_SECONDS * 1000,
      commitEntryPoint: entryPointCommitter({
        writer,
        render: clusterEntry(renderOptions),
        afterCommit: () => delivery.afterRound(),
      }),
    }),
    tenants,
    lifecycle,
    moves,
    syncStatus: createOrganizationSyncStatus({ dataSource, sync }),
    registration,
    storage,
    buckets,
    media,
    mediaReconcile,
    domains,
    verifier,
    ledgerCheck,
    credits: createCreditsService({ dataSource, clock }),
    usage: createUsageService({ dataSource, clock, mail, lanes: config.USAGE_DEBIT_LANES }),
    packs: createPacksService({ dataSource, paymentsConfigured: payments !== null }),
    purchases: createPurchasesService({ dataSource, payments, clock, publicUrl: () => config.publicUrl }),
    stripeWebhook: createStripeWebhook({ dataSource, payments, clock, logger, bus }),
  };
}

export type Services = ReturnType<typeof createServices>;
