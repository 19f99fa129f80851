import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  createApi,
  parseLivePurchase,
  parseLiveState,
  parseLiveUpdate,
  type TokenStore,
} from './api';
import type { Tokens } from './api/models';

function memoryTokens(initial: Tokens | null = null): TokenStore & { value: Tokens | null } {
  const store = {
    value: initial,
    get: () => store.value,
    set: (t: Tokens | null) => {
      store.value = t;
    },
  };
  return store;
}

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A tiny in-memory control plane: answers by route, records what the client sent. */
function server(routes: Record<string, (call: Call) => [number, unknown?]>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const key = `${call.method} ${url.split('?')[0]}`;
    const handler = routes[key];
    if (!handler)
      return new Response(JSON.stringify({ error: { code: 'route_not_found', message: key } }), {
        status: 404,
      });
    const [status, body] = handler(call);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  });
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
}

const expired = [401, { error: { code: 'unauthenticated', message: 'expired', requestId: 'r' } }] as [
  number,
  unknown,
];

describe('the API client', () => {
  it('sends the bearer token and the organization context', async () => {
    const s = server({
      'GET /api/v1/me': () => [200, { id: 'u', email: 'a@b.c', name: 'A', memberships: [] }],
    });
    const api = createApi({
      tokens: memoryTokens({ accessToken: 'A1', refreshToken: 'R1' }),
      context: () => 'org-7',
      fetch: s.fetch,
    });
    await api.auth.me();
    expect(s.calls[0]?.headers).toMatchObject({ authorization: 'Bearer A1', 'x-org-context': 'org-7' });
  });

  it('turns the error envelope into an ApiError with code, request id and details', async () => {
    const s = server({
      'POST /api/v1/registrations': () => [
        409,
        { error: { code: 'slug_taken', message: 'taken', requestId: 'req-1', details: { field: 'slug' } } },
      ],
    });
    const api = createApi({ tokens: memoryTokens(), fetch: s.fetch });
    const error = await api.registrations
      .create({
        accountType: 'organization',
        projectType: 'website',
        organizationName: 'A',
        email: 'a@b.c',
        password: 'x',
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'slug_taken',
      requestId: 'req-1',
      details: { field: 'slug' },
    });
    expect(s.calls[0]?.headers.authorization).toBeUndefined();
  });

  it('refreshes an expired access token once and retries the request with the new one', async () => {
    const tokens = memoryTokens({ accessToken: 'old', refreshToken: 'R1' });
    const s = server({
      'GET /api/v1/me': (c) =>
        c.headers.authorization === 'Bearer new'
          ? [200, { id: 'u', email: 'a@b.c', name: 'A', memberships: [] }]
          : expired,
      'POST /api/v1/auth/refresh': () => [200, { accessToken: 'new', refreshToken: 'R2' }],
    });
    const api = createApi({ tokens, fetch: s.fetch });
    await Promise.all([api.auth.me(), api.auth.me(), api.auth.me()]);
    expect(s.calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(tokens.value).toEqual({ accessToken: 'new', refreshToken: 'R2' });
  });

  it('ends the session when the refresh token is refused, and says so once', async () => {
    const tokens = memoryTokens({ accessToken: 'old', refreshToken: 'R1' });
    const onSessionExpired = vi.fn();
    const s = server({
      'GET /api/v1/me': () => expired,
      'POST /api/v1/auth/refresh': () => [401, { error: { code: 'invalid_refresh_token', message: 'no' } }],
    });
    const api = createApi({ tokens, fetch: s.fetch, onSessionExpired });
    const errors = await Promise.all([api.auth.me().catch((e) => e), api.auth.me().catch((e) => e)]);
    expect(errors.map((e) => e.code)).toEqual(['session_expired', 'session_expired']);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(tokens.value).toBeNull();
  });

  it('sends no request that needs a session once signed out', async () => {
    const fetch = vi.fn();
    const api = createApi({ tokens: memoryTokens(), fetch: fetch as unknown as typeof globalThis.fetch });
    await expect(api.organizations.list()).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports an unreachable server as network_error', async () => {
    const api = createApi({
      tokens: memoryTokens({ accessToken: 'A1', refreshToken: 'R1' }),
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch,
    });
    await expect(api.organizations.list()).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('stores the tokens on login and answers the user as the server sends it', async () => {
    const tokens = memoryTokens();
    const s = server({
      'POST /api/v1/auth/login': () => [
        200,
        {
          accessToken: 'A',
          refreshToken: 'R',
          user: {
            id: 'u',
            email: 'e@x.y',
            name: 'E',
            emailVerified: true,
            roles: ['editor'],
            capabilities: [],
            memberships: [
              { organizationId: 'o', organizationName: 'O', slug: 'o', kind: 'organization', role: 'editor' },
            ],
          },
        },
      ],
    });
    const api = createApi({ tokens, fetch: s.fetch });
    const result = await api.auth.login('e@x.y', 'pw');
    expect(tokens.value).toEqual({ accessToken: 'A', refreshToken: 'R' });
    expect(result.user).toMatchObject({ id: 'u', memberships: [{ role: 'editor' }] });
  });

  it('sends only the filters that are set, and reads the items of a list', async () => {
    const s = server({
      'GET /api/v1/organizations': () => [
        200,
        { items: [{ id: 'a', slug: 'a', name: 'A', lastChange: null }], total: 1 },
      ],
      'GET /api/v1/agency-requests': () => [
        200,
        {
          items: [
            {
              id: 'r',
              state: 'pending_review',
              email: 'x@y.z',
              organization: { id: 'o', slug: 's', name: 'S' },
            },
          ],
        },
      ],
    });
    const api = createApi({ tokens: memoryTokens({ accessToken: 'A', refreshToken: 'R' }), fetch: s.fetch });
    const page = await api.organizations.list({ state: 'active', tier: undefined });
    expect(s.calls[0]?.url).toBe('/api/v1/organizations?state=active');
    expect(page.items[0]).toMatchObject({ id: 'a', lastChange: null });
    const requests = await api.agencyRequests.list();
    expect(requests[0]?.email).toBe('x@y.z');
  });

  it('previews an update at /preview and never commits it', async () => {
    const s = server({
      'POST /api/v1/organizations/o1/preview': () => [
        200,
        { baseSha: 'abc', files: [{ path: 'a', status: 'modified', patch: '' }] },
      ],
    });
    const api = createApi({ tokens: memoryTokens({ accessToken: 'A', refreshToken: 'R' }), fetch: s.fetch });
    const preview = await api.organizations.preview('o1', { kind: 'update', patch: { tier: 'pro' } });
    expect(preview).toMatchObject({ baseSha: 'abc', files: [{ path: 'a' }] });
    expect(s.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/organizations/o1/preview']);
    expect(s.calls[0]?.body).toEqual({ tier: 'pro' });
  });
});

describe('the CSV export', () => {
  it('downloads the ledger as text with the bearer token, refreshing an expired one first', async () => {
    let first = true;
    const tokens = memoryTokens({ accessToken: 'A1', refreshToken: 'R1' });
    const calls: { url: string; auth: string | undefined }[] = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).authorization;
      calls.push({ url, auth });
      if (url.endsWith('/auth/refresh'))
        return new Response(JSON.stringify({ accessToken: 'A2', refreshToken: 'R2' }), { status: 200 });
      if (first) {
        first = false;
        return new Response(JSON.stringify(expired[1]), { status: 401 });
      }
      return new Response('id,createdAt\r\n', { status: 200, headers: { 'content-type': 'text/csv' } });
    });
    const api = createApi({ tokens, fetch: fetch as unknown as typeof globalThis.fetch });
    const blob = await api.credits.ledgerCsv('org-1', { kind: 'usage' });
    expect(await blob.text()).toBe('id,createdAt\r\n');
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ['/api/v1/organizations/org-1/credits/ledger?kind=usage&format=csv', 'Bearer A1'],
      ['/api/v1/auth/refresh', undefined],
      ['/api/v1/organizations/org-1/credits/ledger?kind=usage&format=csv', 'Bearer A2'],
    ]);
  });

  it('turns a refusal into an ApiError, not a file', async () => {
    const s = server({
      'GET /api/v1/organizations/org-1/credits/ledger': () => [
        404,
        { error: { code: 'organization_not_found', message: 'no', requestId: 'r' } },
      ],
    });
    const api = createApi({
      tokens: memoryTokens({ accessToken: 'A1', refreshToken: 'R1' }),
      fetch: s.fetch,
    });
    await expect(api.credits.ledgerCsv('org-1')).rejects.toMatchObject({ code: 'organization_not_found' });
  });
});

describe('parseLiveUpdate', () => {
  it('reads the bus event the server publishes', () => {
    const update = parseLiveUpdate(
      JSON.stringify({
        type: 'tenant.sync',
        organizationId: 'o1',
        data: {
          status: 'Ready',
          lastChange: { sha: 'abc', committedAt: '2026-01-01T00:00:00Z' },
          readyAt: null,
        },
      }),
    );
    expect(update).toMatchObject({
      organizationId: 'o1',
      sync: { status: 'Ready', lastChange: { sha: 'abc' } },
    });
  });

  it('ignores messages that are not status updates', () => {
    expect(parseLiveUpdate('not json')).toBeNull();
    expect(parseLiveUpdate('{"type":"ping"}')).toBeNull();
  });
});

describe('parseLiveState', () => {
  it('reads the lifecycle state the server publishes when a tenant goes live', () => {
    expect(
      parseLiveState(
        JSON.stringify({
          type: 'tenant.state',
          organizationId: 'o1',
          data: { organizationId: 'o1', state: 'active' },
        }),
      ),
    ).toEqual({ organizationId: 'o1', state: 'active' });
  });

  it('ignores a sync status and anything else', () => {
    expect(parseLiveState(JSON.stringify({ organizationId: 'o1', data: { status: 'Ready' } }))).toBeNull();
    expect(parseLiveState('not json')).toBeNull();
  });
});

describe('parseLivePurchase', () => {
  it('reads the purchase and balance the Stripe webhook publishes', () => {
    const purchase = { id: 'p1', organizationId: 'org-1', state: 'paid', credits: 500 };
    expect(
      parseLivePurchase(
        JSON.stringify({
          type: 'credits.purchase',
          organizationId: 'org-1',
          data: { purchase, balance: 800 },
        }),
      ),
    ).toEqual({ organizationId: 'org-1', purchase, balance: 800 });
  });

  it('ignores anything else', () => {
    expect(
      parseLivePurchase(JSON.stringify({ organizationId: 'org-1', data: { status: 'Ready' } })),
    ).toBeNull();
    expect(parseLivePurchase('not json')).toBeNull();
  });
});
