import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { PRESIGN_PARAMS, type Refusal, type SigningAccount, verifySigV4 } from './sigv4-verify.js';

export interface S3GatewayOptions {
  account: SigningAccount;
  /** Where the unverifying S3 (s3rver) listens, on loopback. */
  upstream: { host: string; port: number };
  /** Address and port the gateway binds (HOST, S3_EMBEDDED_PORT; 0 picks a free port). */
  host: string;
  port: number;
  logger: Logger;
  /** What "now" is for expiry and clock skew. @default the real clock */
  clock?: () => Date;
}

export interface S3Gateway {
  port: number;
  close(): Promise<void>;
}

/**
 * The embedded S3's front door: every request must carry a valid SigV4 signature of the one
 * account (verifySigV4), then it is streamed to s3rver without its authentication, since s3rver
 * would only look the key up without checking the signature. CORS preflights pass unsigned, as on
 * S3, so a browser can upload with a presigned URL; s3rver answers them from the bucket's CORS rules.
 * Plain reads of an object under `public/` pass unsigned too: what a bucket policy granting public
 * read of that prefix does on a real S3, so a CDN (MEDIA_PUBLIC_BASE_URL) can sit in front.
 */
export async function startS3Gateway(options: S3GatewayOptions): Promise<S3Gateway> {
  const clock = options.clock ?? (() => new Date());
  const log = options.logger.child({ component: 's3-gateway' });
  const server = http.createServer((req, res) => {
    const received = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    const verdict =
      received.method === 'OPTIONS' || isPublicRead(received)
        ? Promise.resolve({ ok: true as const })
        : verifySigV4(received, options.account, clock());
    verdict.then(
      (result) => {
        if (!result.ok) {
          log.info(
            { method: received.method, path: received.url.split('?')[0], code: result.code },
            'S3 request refused',
          );
          // The body is not read: closing after the answer keeps an unsigned upload from being drained.
          sendError(res, 403, result, true);
          return;
        }
        forward(req, res, options.upstream, log);
      },
      (error: unknown) => {
        log.warn({ err: error }, 'verifying an S3 request failed');
        sendError(
          res,
          400,
          { code: 'AuthorizationHeaderMalformed', message: 'The request cannot be verified' },
          true,
        );
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Streams the request to s3rver and its answer back, without the credentials s3rver would misread. */
function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  upstream: { host: string; port: number },
  log: Logger,
): void {
  const headers = { ...req.headers, host: `${upstream.host}:${upstream.port}` };
  delete headers.authorization;
  const proxied = http.request(
    {
      host: upstream.host,
      port: upstream.port,
      method: req.method,
      path: withoutPresignParams(req.url ?? '/'),
      headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  proxied.on('error', (error) => {
    log.warn({ err: error }, 'embedded S3 did not answer');
    if (!res.headersSent)
      sendError(res, 503, { code: 'ServiceUnavailable', message: 'Please reduce your request rate.' }, true);
    else res.destroy();
  });
  req.pipe(proxied);
}

/**
 * An unsigned GET or HEAD of one object under a bucket's `public/` folder, path-style, with no
 * query (so no listing, no ACL or other sub-resource) and a key of the form the platform hands out.
 */
function isPublicRead(req: { method: string; url: string; headers: http.IncomingHttpHeaders }): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.headers.authorization === undefined &&
    /^\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/public\/\d{4}\/(0[1-9]|1[0-2])\/[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(
      req.url,
    )
  );
}

function withoutPresignParams(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const kept = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => !PRESIGN_PARAMS.includes(decodeURIComponent(pair.split('=')[0] ?? '')));
  return kept.length ? `${url.slice(0, at)}?${kept.join('&')}` : url.slice(0, at);
}

function sendError(
  res: http.ServerResponse,
  status: number,
  error: Pick<Refusal, 'message'> & { code: string },
  close: boolean,
): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message></Error>`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
