import type { ErrorCode } from '@luster/contract';

/** What every domain error is made of; each field is named at the call site, so a code never lands in the message's place. */
export interface DomainErrorInit {
  code: ErrorCode;
  message: string;
  data?: Record<string, unknown>;
  /**
   * What kind of refusal this is, for errors whose class does not say it (the git adapter's
   * errors share one base class): the HTTP status follows from it (status.ts).
   */
  category?: ErrorCategory;
}

/**
 * A failure the caller can act on: a stable machine-readable `code`, a message a
 * person understands, and structured `data`. Services throw these; only the HTTP
 * error middleware and GraphQL's formatError turn them into status codes.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly data: Record<string, unknown> | undefined;
  readonly category: ErrorCategory | undefined;

  constructor({ code, message, data, category }: DomainErrorInit) {
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
  'payment_required',
  'not_found',
  'conflict',
  'rate_limited',
  'unavailable',
] as const;
export type ErrorCategory = (typeof errorCategories)[number];

/** The fields a subclass's caller gives: the class itself says the category. */
type Init = Omit<DomainErrorInit, 'category'>;

/** One problem of a rejected input, addressed by the field it is about. */
export interface InputIssue {
  path: string;
  message: string;
}

/** The input is malformed or breaks a rule; `data.issues` lists each problem. */
export class InvalidInputError extends DomainError {
  constructor({
    code = 'invalid_input',
    message,
    issues = [],
  }: { code?: ErrorCode; message: string; issues?: InputIssue[] }) {
    super({ code, message, data: { issues } });
  }
}

/** `what` (and its `id`, when there is one) does not exist or is not visible to the caller. */
export class NotFoundError extends DomainError {
  constructor({ code = 'not_found', what, id }: { code?: ErrorCode; what: string; id?: string }) {
    super({
      code,
      message: id === undefined ? `${what} not found` : `${what} '${id}' not found`,
      data: { what, id },
    });
  }
}

export class ConflictError extends DomainError {
  constructor(init: Init) {
    super(init);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor({ code = 'unauthenticated', message = 'Authentication required' }: Partial<Init> = {}) {
    super({ code, message });
  }
}

export class ForbiddenError extends DomainError {
  constructor({ code = 'forbidden', message = 'You are not allowed to do this', data }: Partial<Init> = {}) {
    super({ code, message, data });
  }
}

export class RateLimitedError extends DomainError {
  constructor({ retryAfterSeconds }: { retryAfterSeconds: number }) {
    super({
      code: 'rate_limited',
      message: `Too many attempts; try again in ${retryAfterSeconds} s`,
      data: { retryAfterSeconds },
    });
  }
}

/** The organization's credits do not cover the request; `data` carries the balance and what was asked. */
export class PaymentRequiredError extends DomainError {
  constructor(init: Init) {
    super(init);
  }
}

export class UnavailableError extends DomainError {
  constructor({ code = 'unavailable', message, data }: Omit<Init, 'code'> & { code?: ErrorCode }) {
    super({ code, message, data });
  }
}

/** A request over one of the server's fixed limits; `data` names the limit, its maximum and the measured value. */
export class LimitExceededError extends DomainError {
  constructor(init: Init & { data: { limit: string; max: number; actual: number } }) {
    super(init);
  }
}
