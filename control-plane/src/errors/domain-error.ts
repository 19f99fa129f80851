import type { ErrorCode } from '@luster/contract';

/**
 * A failure the caller can act on: a stable machine-readable `code`, a message a
 * person understands, and structured `data`. Services throw these; only the HTTP
 * error middleware and GraphQL's formatError turn them into status codes.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly data: Record<string, unknown> | undefined;
  /**
   * What kind of refusal this is, for errors whose class does not say it (the git adapter's
   * errors share one base class): the HTTP status follows from it (status.ts).
   */
  readonly category: ErrorCategory | undefined;

  constructor(code: ErrorCode, message: string, data?: Record<string, unknown>, category?: ErrorCategory) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.data = data;
    this.category = category;
  }
}

/** The kinds of refusal a client can be told about; each has one HTTP status. */
export const errorCategories = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unavailable',
] as const;
export type ErrorCategory = (typeof errorCategories)[number];

/** The input is malformed or breaks a rule; `data.issues` lists each problem. */
export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    issues: { path: string; message: string }[] = [],
    code: ErrorCode = 'invalid_input',
  ) {
    super(code, message, { issues });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string, code: ErrorCode = 'not_found') {
    super(code, id === undefined ? `${what} not found` : `${what} '${id}' not found`, { what, id });
  }
}

export class ConflictError extends DomainError {}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required', code: ErrorCode = 'unauthenticated') {
    super(code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(
    message = 'You are not allowed to do this',
    code: ErrorCode = 'forbidden',
    data?: Record<string, unknown>,
  ) {
    super(code, message, data);
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('rate_limited', `Too many attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export class UnavailableError extends DomainError {
  constructor(message: string, data?: Record<string, unknown>, code: ErrorCode = 'unavailable') {
    super(code, message, data);
  }
}

/** A request over one of the server's fixed limits; `data` names the limit, its maximum and the measured value. */
export class LimitExceededError extends DomainError {
  constructor(code: ErrorCode, message: string, data: { limit: string; max: number; actual: number }) {
    super(code, message, data);
  }
}
