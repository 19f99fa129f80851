import { existsSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { createGithubHookRouter } from '../changes/github.routes.js';
import { createStripeHookRouter } from '../credits/stripe-hook.routes.js';
import { createUsageEndpoint } from '../credits/usage-endpoint.js';
import { NotFoundError } from '../errors/index.js';
import { gitHttpBackend } from '../gitops/http/http-backend.js';
import { requireGitReadToken } from '../gitops/http/read-token.js';
import { createHealthRouter } from '../health/health.routes.js';
import { errorMiddleware } from '../http/error-middleware.js';
import { requestContext } from '../http/request-context.js';
import { browserOrigins } from '../storage/browser-origins.js';
import { createSyncHookRouter } from '../sync/sync.routes.js';
import { apiRoutes } from './api-routes.js';
import type { Services } from './services.js';

export interface AppOptions {
  /** Built admin SPA (admin-vue/dist); skipped when absent. */
  adminDir?: string;
  /** Mounts GraphQL (Apollo needs an async start, so main wires it in). */
  mountGraphql?: (app: Express) => void;
  /** Check every /api/v1 answer against its documented schema (tests). */
  checkResponses?: boolean;
}

/**
 * The server's request listener: usage reports first (usage-endpoint.ts answers them without
 * Express), then the Express application, whose middleware order matters and is all here.
 */
export function createApp(services: Services, options: AppOptions = {}): RequestListener {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', services.config.TRUST_PROXY);
  app.use(requestContext(services.logger));
  app.use(services.metrics.middleware);
  // Over plain http, upgrade-insecure-requests and HSTS send the browser to an https origin that
  // does not exist and the admin's assets never load: they follow the public URL's scheme.
  const https = new URL(services.config.publicUrl).protocol === 'https:';
  // The admin uploads straight to S3 and shows images from it (presigned URLs); asked per answer,
  // since the embedded S3's port is known only once storage has started.
  const s3 = () => browserOrigins(() => services.storage.connection()).join(' ') || "'self'";
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        // The SPA and the /graphql page load only from this origin.
        'script-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'https:', s3],
        'connect-src': ["'self'", s3],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
  app.use(securityHeaders);

  app.use(
    createHealthRouter({
      health: services.health,
      metrics: services.metrics,
      metricsToken: services.config.METRICS_TOKEN,
    }),
  );
  app.use(
    '/git',
    requireGitReadToken(services.gitReadToken.token),
    gitHttpBackend({
      projectRoot: path.dirname(services.gitdir),
      repoName: path.basename(services.gitdir),
      logger: services.logger,
    }),
  );
  app.use('/hooks', createSyncHookRouter({ sync: services.sync }));
  app.use(
    '/hooks',
    createGithubHookRouter({
      changes: services.changes,
      webhookSecret: services.config.GITHUB_WEBHOOK_SECRET,
    }),
  );
  app.use('/hooks', createStripeHookRouter({ webhook: services.stripeWebhook }));
  app.use('/api/v1', apiRoutes(services, { checkResponses: options.checkResponses ?? false }));
  options.mountGraphql?.(app);

  if (options.adminDir && existsSync(path.join(options.adminDir, 'index.html'))) {
    const adminDir = options.adminDir;
    app.use(express.static(adminDir, { index: false, maxAge: '1h' }));
    // History-mode SPA: any other GET that accepts HTML gets index.html.
    app.get(/^\/(?!api\/|graphql|git\/|hooks\/).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.sendFile(path.join(adminDir, 'index.html'));
    });
  }

  app.use((req, _res, next) =>
    next(new NotFoundError({ code: 'route_not_found', what: 'Route', id: `${req.method} ${req.path}` })),
  );
  app.use(errorMiddleware);

  const usageReport = createUsageEndpoint({
    usage: services.usage,
    logger: services.logger,
    timeRequest: services.metrics.timeRequest,
    securityHeaders,
    jsonBody: express.json({ limit: services.config.REQUEST_BODY_LIMIT }),
    checkResponses: options.checkResponses ?? false,
  });
  return (req, res) => {
    if (!usageReport(req, res)) app(req, res);
  };
}
