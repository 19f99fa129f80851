import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '../errors/index.js';

/** The socket peer is this machine (IPv4 127/8, IPv6 ::1, or IPv4 127/8 mapped into IPv6). */
function isLoopback(address: string | undefined): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}

function sameSecret(presented: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison's time says nothing about the token.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Who may read /metrics (request counts by route, process and queue gauges: an attacker's map of
 * the service). With METRICS_TOKEN: whoever sends it as a bearer token. Without: only a scraper on
 * this machine — the socket peer must be loopback and the request must carry no forwarding header,
 * because a reverse proxy on the same host would otherwise make every outside caller look local.
 */
export function checkMetricsAccess(input: {
  token: string | undefined;
  authorization: string | undefined;
  peer: string | undefined;
  forwarded: boolean;
}): void {
  if (input.token !== undefined) {
    const presented = /^Bearer (\S+)$/.exec(input.authorization ?? '')?.[1];
    if (presented === undefined || !sameSecret(presented, input.token)) {
      throw new UnauthenticatedError({
        code: 'invalid_metrics_token',
        message: '/metrics needs the METRICS_TOKEN as a bearer token',
      });
    }
    return;
  }
  if (!isLoopback(input.peer) || input.forwarded) {
    throw new ForbiddenError({
      code: 'metrics_loopback_only',
      message: '/metrics answers only on loopback while METRICS_TOKEN is not set',
    });
  }
}
