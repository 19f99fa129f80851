import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorAnswer } from '../http/error-middleware.js';
import { requestIdOf } from '../http/request-context.js';
import { parseInput, undocumentedAnswer } from '../http/route.js';
import type { Logger } from '../logger.js';
import { reportUsageDoc } from './usage.routes.js';
import { usageBody } from './usage.schemas.js';
import type { UsageService } from './usage.service.js';

/** A connect-style middleware, as helmet and Express's body parsers are. */
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface UsageEndpointDeps {
  usage: UsageService;
  logger: Logger;
  /** The HTTP histogram (metrics.ts): every report is timed under the route Express would name. */
  timeRequest: (res: ServerResponse, method: string, route: string) => void;
  /** The security headers every answer of the server carries: the instance Express uses. */
  securityHeaders: Middleware;
  /** Express's JSON body parser with the API's size limit, so malformed, too large or badly encoded bodies answer as everywhere else. */
  jsonBody: Middleware;
  /** Tests: the answer is checked against what the route documents (route.ts `undocumentedAnswer`). */
  checkResponses: boolean;
}

const PATH = '/api/v1/usage';

/** What Express would route to POST /api/v1/usage: any case, one trailing slash, any query. */
function isUsageReport(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const query = req.url.indexOf('?');
  let path = query === -1 ? req.url : req.url.slice(0, query);
  if (path.endsWith('/')) path = path.slice(0, -1);
  return path.length === PATH.length && path.toLowerCase() === PATH;
}

function run(middleware: Middleware, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) =>
    middleware(req, res, (error) => (error ? reject(error) : resolve())),
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

/**
 * POST /api/v1/usage answered before Express: a tenant's CMS reports every metered operation, so
 * this is the server's hottest route, and Express's per-request work (its request and response
 * set-up, the walk through every router, `res.json`'s ETag) cost a report as much CPU as a whole
 * /healthz. It keeps what every answer needs — the request id, the HTTP histogram, the request log
 * line, the security headers, the body parser's limit and errors, errors in the one format
 * (error-middleware.ts `errorAnswer`) — and the route stays documented in the API
 * (usage.routes.ts `reportUsageDoc`). Returns false for any other request, which goes to Express.
 */
export function createUsageEndpoint(deps: UsageEndpointDeps) {
  const { usage, logger } = deps;

  async function answer(req: IncomingMessage, res: ServerResponse, requestId: string) {
    await run(deps.securityHeaders, req, res);
    await run(deps.jsonBody, req, res);
    const body = parseInput(usageBody, (req as { body?: unknown }).body ?? {}, 'body');
    const result = await usage.record({ authorization: req.headers.authorization, ...body });
    const undocumented = deps.checkResponses
      ? undocumentedAnswer(reportUsageDoc, 200, result, requestId)
      : null;
    if (undocumented) sendJson(res, 500, undocumented);
    else sendJson(res, 200, result);
  }

  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (!isUsageReport(req)) return false;
    const started = process.hrtime.bigint();
    const header = req.headers['x-request-id'];
    const requestId = requestIdOf(typeof header === 'string' ? header : undefined);
    res.setHeader('X-Request-Id', requestId);
    deps.timeRequest(res, 'POST', PATH);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { requestId, method: 'POST', path: PATH, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    answer(req, res, requestId).catch((thrown: unknown) => {
      const error = errorAnswer(thrown, requestId, logger.child({ requestId }));
      if (res.headersSent) {
        res.end();
        return;
      }
      if (error.retryAfter) res.setHeader('Retry-After', error.retryAfter);
      sendJson(res, error.status, error.body);
    });
    return true;
  };
}
