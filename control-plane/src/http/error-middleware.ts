import type { ErrorCode } from '@luster/contract';
import type { NextFunction, Request, Response } from 'express';
import { asTransientError, DomainError, statusOf } from '../errors/index.js';
import type { Logger } from '../logger.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string; details?: unknown };
}

/** Errors raised by Express's own body parser, which carry `type` and `status`. */
function bodyParserError(err: unknown): { code: ErrorCode; message: string; status: number } | null {
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed')
    return { code: 'malformed_json', message: 'The request body is not valid JSON', status: 400 };
  if (e?.type === 'entity.too.large')
    return { code: 'payload_too_large', message: 'The request body is too large', status: 413 };
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return {
      code: 'unsupported_encoding',
      message: 'The request body encoding is not supported',
      status: 415,
    };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string')
    return { code: 'bad_request', message: 'The request could not be read', status: e.status };
  return null;
}

/** What an error becomes on the wire: its status, the one error body and, for a 429, when to come back. */
export interface ErrorAnswer {
  status: number;
  body: { error: ErrorBody['error'] };
  retryAfter?: string;
}

/**
 * The one place errors become HTTP answers (STYLE §4). Domain errors keep their
 * code and message; anything else is logged with its stack and reaches the
 * client only as a generic message with the request id. `log` is the request's logger.
 */
export function errorAnswer(
  thrown: unknown,
  requestId: string,
  log: Pick<Logger, 'info' | 'error'> | undefined,
): ErrorAnswer {
  const err = asTransientError(thrown) ?? thrown;
  let status: number;
  let body: ErrorBody['error'];
  if (err instanceof DomainError) {
    status = statusOf(err);
    body = { code: err.code, message: err.message, requestId, ...(err.data ? { details: err.data } : {}) };
    log?.info({ code: err.code, status }, 'request refused');
  } else {
    const parsed = bodyParserError(err);
    if (parsed) {
      status = parsed.status;
      body = { code: parsed.code, message: parsed.message, requestId };
    } else {
      status = 500;
      body = {
        code: 'internal',
        message: 'Something went wrong on our side; quote the request id when reporting it',
        requestId,
      };
      log?.error({ err }, 'unhandled error');
    }
  }
  // Every 429 says when to come back: a throttle's lock ends, or a monthly credit limit's month does.
  const retryAfter =
    err instanceof DomainError && status === 429 ? String(err.data?.retryAfterSeconds ?? 60) : undefined;
  return { status, body: { error: body } satisfies ErrorBody, ...(retryAfter ? { retryAfter } : {}) };
}

/** Express's error middleware: every route's error through `errorAnswer`. */
export function errorMiddleware(thrown: unknown, req: Request, res: Response, _next: NextFunction) {
  const answer = errorAnswer(thrown, req.id, req.log);
  if (res.headersSent) {
    res.end();
    return;
  }
  if (answer.retryAfter) res.setHeader('Retry-After', answer.retryAfter);
  res.status(answer.status).json(answer.body);
}
