import { type DomainError, UnavailableError } from './domain-error.js';

/** pg-pool's words when no connection came free within `connectionTimeoutMillis` (pg-pool/index.js). */
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';
/** pg's words when a new connection was not established within `connectionTimeoutMillis` (pg/lib/client.js). */
const CONNECT_TIMEOUT = 'Connection terminated due to connection timeout';

/**
 * A dependency's failure that is not the client's fault and passes by itself: the database pool
 * stayed full for its whole wait (a burst of credit movements on one hot organization holds each
 * connection for a few round trips). It answers 503 `unavailable`, so a client retries instead of
 * reporting a bug; anything else stays unknown and becomes a 500.
 */
export function asTransientError(error: unknown): DomainError | null {
  // A busy server is slow to accept new connections as well: two replicas on one loaded machine
  // saw this answered as 500 while the pool itself still had room.
  if (
    error instanceof Error &&
    (error.message === POOL_TIMEOUT || error.message.startsWith(CONNECT_TIMEOUT))
  ) {
    return new UnavailableError({ message: 'The database is busy; try again in a moment' });
  }
  return null;
}
