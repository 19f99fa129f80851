/**
 * A fresh idempotency key for one credit movement the person means to make. It is kept while
 * the form holds the same values, so a double click or a retry after a lost answer sends the same
 * key and the server moves the credits once. `getRandomValues`, not `randomUUID`: the latter
 * exists only on HTTPS pages and localhost, and an admin may be reached over plain HTTP.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `admin-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
