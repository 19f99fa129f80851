import { createHmac } from 'node:crypto';
import type { Logger } from '../logger.js';

export interface FluxReceiverOptions {
  /** `https://<receiver host>/hook/<sha256(token+name+namespace)>` (the Receiver's `status.webhookPath`). */
  url: string;
  /** The `token` of the Receiver's Secret: the HMAC key of the `generic-hmac` type. */
  token: string;
  logger: Logger;
  /** Commits within this window are announced once. @default 500 */
  debounceMs?: number;
  /** Attempts per announcement before giving up (Flux still fetches at its interval). @default 4 */
  attempts?: number;
  /** First retry delay, doubled each time. @default 1000 */
  backoffMs?: number;
}

/**
 * Tells Flux there is something new to pull, so a change goes live in seconds
 * instead of at the GitRepository's next interval: a POST to the cluster's
 * `generic-hmac` Receiver, signed with `X-Signature: sha256=<HMAC of the body>`
 * (reference/flux-and-argo.md §3). Best effort: when the cluster cannot be
 * reached, Flux still fetches on its own schedule.
 */
export function createFluxReceiverNotifier(options: FluxReceiverOptions) {
  const debounceMs = options.debounceMs ?? 500;
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 1000;
  const log = options.logger.child({ component: 'flux-receiver' });
  let pending: { sha: string; branch: string } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  async function post(sha: string, branch: string): Promise<boolean> {
    const body = JSON.stringify({ source: 'luster', revision: `${branch}@sha1:${sha}` });
    const signature = `sha256=${createHmac('sha256', options.token).update(body).digest('hex')}`;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-signature': signature },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (res.ok) {
          log.debug({ sha }, 'Flux receiver notified');
          return true;
        }
        log.warn({ status: res.status, attempt }, 'Flux receiver refused the notification');
        if (res.status >= 400 && res.status < 500) return false;
      } catch (error) {
        log.warn({ err: error, attempt }, 'Flux receiver unreachable');
      }
      if (attempt < attempts) await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
    }
    return false;
  }

  function flush() {
    timer = null;
    const next = pending;
    pending = null;
    if (next) inFlight = inFlight.then(() => post(next.sha, next.branch).then(() => undefined));
  }

  return {
    /** A commit landed on `branch` (and was pushed where Flux pulls from). */
    notify(sha: string, branch = 'main'): void {
      pending = { sha, branch };
      timer ??= setTimeout(flush, debounceMs);
    },
    /** Sends what is pending now and waits for every announcement in flight (shutdown, tests). */
    async drain(): Promise<void> {
      if (timer) {
        clearTimeout(timer);
        flush();
      }
      await inFlight;
    },
  };
}

export type FluxReceiverNotifier = ReturnType<typeof createFluxReceiverNotifier>;
