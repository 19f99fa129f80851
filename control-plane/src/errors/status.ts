import {
  ConflictError,
  type DomainError,
  type ErrorCategory,
  ForbiddenError,
  InvalidInputError,
  LimitExceededError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
} from './domain-error.js';

/** The one table from domain error class to HTTP status, shared by REST and GraphQL. */
const statusByClass: [abstract new (...args: never[]) => DomainError, number][] = [
  [InvalidInputError, 400],
  [LimitExceededError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [PaymentRequiredError, 402],
  [NotFoundError, 404],
  [ConflictError, 409],
  [RateLimitedError, 429],
  [UnavailableError, 503],
];

const statusByCategory: Record<ErrorCategory, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  payment_required: 402,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export function statusOf(error: DomainError): number {
  if (error.category) return statusByCategory[error.category];
  for (const [cls, status] of statusByClass) if (error instanceof cls) return status;
  return 400;
}
