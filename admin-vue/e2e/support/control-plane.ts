import { createHmac } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { startTestServer, type TestServer } from '../../../control-plane/src/test-support/server';

export const FLUX_TOKEN = 'e2e-flux-webhook-token-0123456789';
export const ADMIN = { email: 'admin@example.test', password: 'correct-horse-battery' };

/**
 * A real control plane serving the admin built for this run (see build-admin.ts); `env` adds
 * settings (DNS_RESOLVERS at a test's own DNS server, a local Stripe server's).
 */
export function startControlPlane(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer(
    { FLUX_WEBHOOK_TOKEN: FLUX_TOKEN, REQUIRE_VERIFIED_EMAIL: 'false', ...env },
    { adminDir: inject('adminDir') },
  );
}

/** A small REST client for setting the scene (what a test does not click through). */
export function rest(server: TestServer) {
  async function call<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}/api/v1${url}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    call,
    async login(email: string, password: string): Promise<string> {
      return (await call<{ accessToken: string }>('POST', '/auth/login', null, { email, password }))
        .accessToken;
    },
    register(body: Record<string, unknown>) {
      return call<{ organization: { id: string; slug: string; state: string } }>(
        'POST',
        '/registrations',
        null,
        body,
      );
    },
  };
}

/** The newest mail of a kind sent to `to`, from the outbox folder (the embedded mailer). */
export async function lastMail(
  server: TestServer,
  to: string,
  kind: string,
): Promise<{ text: string; subject: string }> {
  const dir = path.join(server.dataDir, 'outbox');
  for (let i = 0; i < 50; i++) {
    const names = (await readdir(dir).catch(() => [] as string[]))
      .filter((n) => n.includes(`-${kind}-`))
      .sort();
    for (const name of names.reverse()) {
      const mail = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
      if (mail.to === to) return mail;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} mail to ${to} in ${dir}`);
}

export function linkIn(text: string, pathPrefix: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]*${pathPrefix}\\?token=[^\\s]+`));
  if (!match) throw new Error(`no ${pathPrefix} link in: ${text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

/**
 * Flux is not available here: this posts what Flux's notification-controller
 * would (shared/reference/flux-and-argo.md §1) — a compact Event JSON for the
 * tenant's Kustomization, signed generic-hmac style (`X-Signature: sha256=` +
 * HMAC-SHA256 of the raw body with the Provider token).
 */
export async function postFluxEvent(
  server: TestServer,
  input: {
    slug: string;
    sha: string;
    reason?: string;
    severity?: 'info' | 'error';
    message?: string;
    /** The sending cluster (the Alert's `eventMetadata.cluster`): which copy of a moved tenant speaks. */
    cluster?: string;
  },
): Promise<Response> {
  const body = JSON.stringify({
    involvedObject: {
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: `tenant-${input.slug}`,
      uid: '7d0b3c2e-0000-4000-8000-000000000001',
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      resourceVersion: '12345',
    },
    severity: input.severity ?? 'info',
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    message: input.message ?? 'Reconciliation finished in 2.1s, next run in 10m0s',
    reason: input.reason ?? 'ReconciliationSucceeded',
    metadata: {
      revision: `main@sha1:${input.sha}`,
      ...(input.severity === 'error' ? {} : { commit_status: 'update' }),
      ...(input.cluster ? { cluster: input.cluster } : {}),
    },
    reportingController: 'kustomize-controller',
    reportingInstance: 'kustomize-controller-6b7f9c8d4-x2x9q',
  });
  const signature = createHmac('sha256', FLUX_TOKEN).update(body).digest('hex');
  return fetch(`${server.url}/hooks/flux`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'gotk-component': 'kustomize-controller',
      'x-signature': `sha256=${signature}`,
    },
    body,
  });
}
