import { createHmac, timingSafeEqual } from 'node:crypto';

const algorithms = new Set(['sha224', 'sha256', 'sha384', 'sha512']);

/**
 * Checks an `X-Signature: <algo>=<hex>` header (Flux generic-hmac) or
 * `X-Hub-Signature-256: sha256=<hex>` (GitHub) against the HMAC of the raw body
 * bytes — never a re-serialised body, whose bytes would differ. Constant time.
 */
export function verifyHmacSignature(rawBody: Buffer, header: string | undefined, key: string): boolean {
  if (!header) return false;
  const eq = header.indexOf('=');
  if (eq < 0) return false;
  const algorithm = header.slice(0, eq).trim().toLowerCase();
  const given = header.slice(eq + 1).trim();
  if (!algorithms.has(algorithm) || !/^[0-9a-fA-F]+$/.test(given)) return false;
  const expected = createHmac(algorithm, key).update(rawBody).digest();
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Constant-time comparison of a shared-secret header (Argo CD signs nothing). */
export function secretHeaderMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}
