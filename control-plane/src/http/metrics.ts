import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process: default process metrics plus the HTTP histogram. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'luster_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  function middleware(req: Request, res: Response, next: NextFunction) {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      // The matched route pattern keeps label cardinality bounded (never the raw URL).
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : req.baseUrl || 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }

  /**
   * Times one request answered outside Express (the usage endpoint): the same histogram under
   * the route pattern Express would have matched.
   */
  function timeRequest(res: ServerResponse, method: string, route: string) {
    const end = httpDuration.startTimer();
    res.on('finish', () => end({ method, route, status: String(res.statusCode) }));
  }

  return { registry, middleware, timeRequest };
}

export type Metrics = ReturnType<typeof createMetrics>;
