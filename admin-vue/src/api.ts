/**
 * The only HTTP client of the admin (STYLE §10). JSON in, JSON out; every
 * failure becomes an ApiError carrying the server's stable `code`. It attaches
 * the bearer token and the organization context, refreshes the access token
 * once when the server answers 401, and reports an expired session to whoever
 * created it. Views never import this file; composables and stores receive the
 * client through `useApi()` (see composables/use-api.ts), so tests inject fakes.
 */
import type {
  ActionPreview,
  ActionResult,
  AgencyRequest,
  ChangeRequest,
  ChangeRequestFilters,
  HistoryEntry,
  LiveSyncUpdate,
  LoginResult,
  Manifests,
  Organization,
  OrganizationFilters,
  Page,
  RegistrationInput,
  RegistrationResult,
  SyncStatus,
  TenantAction,
  Tokens,
  User,
} from './types';

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: { issues?: ApiIssue[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Where the session's tokens live between page loads. */
export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens | null): void;
}

export function localStorageTokens(key = 'luster.session'): TokenStore {
  return {
    get() {
      try {
        const raw = localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as Tokens) : null;
      } catch {
        return null;
      }
    },
    set(tokens) {
      if (tokens) localStorage.setItem(key, JSON.stringify(tokens));
      else localStorage.removeItem(key);
    },
  };
}

export interface ApiOptions {
  tokens: TokenStore;
  /** The organization context sent as `X-Org-Context` (an org id or `all`); null sends none. */
  context?: () => string | null;
  /** Called once when the refresh token is refused: the person must sign in again. */
  onSessionExpired?: () => void;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** EventSource constructor (injected in tests). */
  eventSource?: new (
    url: string,
  ) => EventSource;
}

interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** false for the public endpoints (login, registration): no token, no refresh. */
  auth?: boolean;
  /** Overrides the organization context of this one request. */
  context?: string;
}

const NO_CONTENT = 204;

function queryString(query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Lists may come as a bare array or as `{ items, total, page, pageSize }`. */
function asPage<T>(body: unknown, key = 'items'): Page<T> {
  if (Array.isArray(body)) return { items: body as T[], total: body.length, page: 1, pageSize: body.length };
  const b = (body ?? {}) as Record<string, unknown>;
  const items = (b[key] ?? b.items ?? b.data ?? []) as T[];
  return {
    items,
    total: typeof b.total === 'number' ? b.total : items.length,
    page: typeof b.page === 'number' ? b.page : 1,
    pageSize: typeof b.pageSize === 'number' ? b.pageSize : items.length,
  };
}

/** `GET /me` and login answer `{ user }` or the user itself; roles may be flat or per membership. */
export function normalizeUser(raw: unknown): User {
  const body = raw as Record<string, unknown>;
  const u = (body.user ?? body) as Record<string, unknown>;
  let memberships = (u.memberships ?? body.memberships ?? []) as User['memberships'];
  if (memberships.length === 0 && typeof u.role === 'string' && typeof u.organizationId === 'string')
    memberships = [{ role: u.role as User['memberships'][number]['role'], organizationId: u.organizationId }];
  return {
    id: String(u.id),
    email: String(u.email),
    name: String(u.name ?? u.email),
    memberships,
    ...(typeof u.emailVerified === 'boolean' ? { emailVerified: u.emailVerified } : {}),
    ...(u.emailVerifiedAt !== undefined ? { emailVerified: u.emailVerifiedAt !== null } : {}),
  };
}

function unwrap<T>(body: unknown, key: string): T {
  const b = body as Record<string, unknown> | null;
  return (b && key in b ? b[key] : body) as T;
}

export function createApi(options: ApiOptions) {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let refreshing: Promise<boolean> | null = null;
  let expiredReported = false;

  async function send(method: string, path: string, opts: RequestOptions, token: string | null) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const context = opts.auth === false ? null : (opts.context ?? options.context?.());
    if (context) headers['x-org-context'] = context;
    try {
      return await doFetch(`${base}/api/v1${path}${queryString(opts.query)}`, {
        method,
        headers,
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
    } catch {
      throw new ApiError(0, 'network_error', 'The control plane cannot be reached');
    }
  }

  async function parse<T>(res: Response): Promise<T> {
    if (res.status === NO_CONTENT) return undefined as T;
    const body = await res.json().catch(() => null);
    if (res.ok) return body as T;
    const error = body?.error;
    if (error?.code)
      throw new ApiError(res.status, error.code, error.message ?? '', error.requestId, error.details);
    throw new ApiError(res.status, 'http_error', `HTTP ${res.status}`);
  }

  /** One refresh at a time: concurrent 401s wait for the same rotation. */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      const current = options.tokens.get();
      if (!current?.refreshToken) return false;
      try {
        const res = await send(
          'POST',
          '/auth/refresh',
          { body: { refreshToken: current.refreshToken }, auth: false },
          null,
        );
        if (!res.ok) return false;
        const next = (await res.json()) as Partial<Tokens>;
        if (!next.accessToken) return false;
        options.tokens.set({
          accessToken: next.accessToken,
          refreshToken: next.refreshToken ?? current.refreshToken,
        });
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function sessionExpired(): never {
    options.tokens.set(null);
    if (!expiredReported) {
      expiredReported = true;
      options.onSessionExpired?.();
    }
    throw new ApiError(401, 'session_expired', 'Your session has expired');
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const auth = opts.auth !== false;
    const token = auth ? (options.tokens.get()?.accessToken ?? null) : null;
    const res = await send(method, path, opts, token);
    if (res.status === 401 && auth && token) {
      if (await refresh()) {
        const retried = await send(method, path, opts, options.tokens.get()?.accessToken ?? null);
        if (retried.status === 401) sessionExpired();
        return parse<T>(retried);
      }
      sessionExpired();
    }
    return parse<T>(res);
  }

  const get = <T>(path: string, query?: RequestOptions['query']) => request<T>('GET', path, { query });
  const post = <T>(path: string, body?: unknown, query?: RequestOptions['query']) =>
    request<T>('POST', path, { body: body ?? {}, query });
  const org = (id: string) => `/organizations/${encodeURIComponent(id)}`;

  return {
    request,

    auth: {
      async login(email: string, password: string): Promise<LoginResult> {
        const body = await request<Record<string, unknown>>('POST', '/auth/login', {
          body: { email, password },
          auth: false,
        });
        const result = { ...(body as unknown as Tokens), user: normalizeUser(body.user ?? {}) };
        options.tokens.set({ accessToken: result.accessToken, refreshToken: result.refreshToken });
        expiredReported = false;
        return result;
      },
      async logout(): Promise<void> {
        const tokens = options.tokens.get();
        try {
          if (tokens) await request('POST', '/auth/logout', { body: { refreshToken: tokens.refreshToken } });
        } finally {
          options.tokens.set(null);
        }
      },
      async me(): Promise<User> {
        return normalizeUser(await get('/me'));
      },
      verifyEmail: (token: string) =>
        request<void>('POST', '/auth/verify-email', { body: { token }, auth: false }),
      hasSession: () => options.tokens.get() !== null,
    },

    registrations: {
      create: (input: RegistrationInput) =>
        request<RegistrationResult>('POST', '/registrations', { body: input, auth: false }),
    },

    organizations: {
      /** `context` overrides the header, e.g. `all` to fill the context switcher. */
      async list(filters: OrganizationFilters = {}, context?: string): Promise<Page<Organization>> {
        const body = await request('GET', '/organizations', { query: { ...filters }, context });
        return asPage<Organization>(body, 'organizations');
      },
      async get(id: string): Promise<Organization> {
        return unwrap<Organization>(await get(org(id)), 'organization');
      },
      async sync(id: string): Promise<SyncStatus> {
        return unwrap<SyncStatus>(await get(`${org(id)}/sync`), 'sync');
      },
      async manifests(id: string): Promise<Manifests> {
        return (await get<Manifests>(`${org(id)}/manifests`)) ?? { ref: 'main', files: [] };
      },
      async history(id: string): Promise<HistoryEntry[]> {
        return asPage<HistoryEntry>(await get(`${org(id)}/history`), 'commits').items;
      },
      /** The diff the action would commit; nothing is written (`?dryRun=true`). */
      preview: (id: string, action: TenantAction) => runAction<ActionPreview>(id, action, { dryRun: true }),
      /** Commits the action (or opens a change request awaiting review). */
      async apply(id: string, action: TenantAction): Promise<ActionResult> {
        const body = await runAction<Record<string, unknown>>(id, action, {});
        const changeRequest = (body?.changeRequest ?? null) as ChangeRequest | null;
        return {
          changeRequest,
          ...(body?.organization ? { organization: body.organization as Organization } : {}),
        };
      },
    },

    agencyRequests: {
      async list(): Promise<AgencyRequest[]> {
        return asPage<AgencyRequest>(await get('/agency-requests'), 'agencyRequests').items;
      },
      approve: (id: string) => post<AgencyRequest>(`/agency-requests/${encodeURIComponent(id)}/approve`),
      reject: (id: string, reason: string) =>
        post<AgencyRequest>(`/agency-requests/${encodeURIComponent(id)}/reject`, { reason }),
    },

    changeRequests: {
      async list(filters: ChangeRequestFilters = {}): Promise<ChangeRequest[]> {
        return asPage<ChangeRequest>(await get('/change-requests', { ...filters }), 'changeRequests').items;
      },
      async get(id: string): Promise<ChangeRequest> {
        return unwrap<ChangeRequest>(
          await get(`/change-requests/${encodeURIComponent(id)}`),
          'changeRequest',
        );
      },
      approve: (id: string) => post<ChangeRequest>(`/change-requests/${encodeURIComponent(id)}/approve`),
      reject: (id: string, reason: string) =>
        post<ChangeRequest>(`/change-requests/${encodeURIComponent(id)}/reject`, { reason }),
      merge: (id: string) => post<ChangeRequest>(`/change-requests/${encodeURIComponent(id)}/merge`),
    },

    /**
     * Live sync updates. EventSource cannot send headers, so the access token
     * travels as `?access_token=`; on a dropped stream the token is refreshed
     * and the stream reopened. Returns the function that closes it.
     */
    subscribe(
      onUpdate: (update: LiveSyncUpdate) => void,
      onConnection?: (open: boolean) => void,
    ): () => void {
      const Source = options.eventSource ?? (typeof EventSource === 'undefined' ? null : EventSource);
      if (!Source) return () => undefined;
      let source: EventSource | null = null;
      let closed = false;
      let retryTimer: ReturnType<typeof setTimeout> | undefined;
      const handle = (e: MessageEvent) => {
        const update = parseLiveUpdate(e.data);
        if (update) onUpdate(update);
      };
      const open = () => {
        if (closed) return;
        const token = options.tokens.get()?.accessToken;
        if (!token) return;
        const context = options.context?.();
        source = new Source(
          `${base}/api/v1/events${queryString({ access_token: token, context: context ?? undefined })}`,
        );
        source.onopen = () => onConnection?.(true);
        source.onmessage = handle;
        source.addEventListener('sync', handle as EventListener);
        source.onerror = () => {
          onConnection?.(false);
          // CLOSED means the server refused (e.g. expired token): refresh, then reopen.
          if (source?.readyState !== 2 || closed) return;
          source.close();
          retryTimer = setTimeout(async () => {
            await refresh();
            open();
          }, 2000);
        };
      };
      open();
      return () => {
        closed = true;
        clearTimeout(retryTimer);
        source?.close();
      };
    },
  };

  function runAction<T>(id: string, action: TenantAction, query: RequestOptions['query']): Promise<T> {
    switch (action.kind) {
      case 'update':
        return request<T>('PATCH', org(id), { body: action.patch, query });
      case 'resume':
        return post<T>(`${org(id)}/resume`, {}, query);
      default:
        return post<T>(`${org(id)}/${action.kind}`, action.reason ? { reason: action.reason } : {}, query);
    }
  }
}

/** Accepts `{ organizationId, sync }` or a flat `{ organizationId, status, lastChange, … }`. */
export function parseLiveUpdate(data: unknown): LiveSyncUpdate | null {
  let body: Record<string, unknown>;
  try {
    body = (typeof data === 'string' ? JSON.parse(data) : data) as Record<string, unknown>;
  } catch {
    return null;
  }
  const organizationId = body?.organizationId ?? body?.orgId;
  if (typeof organizationId !== 'string') return null;
  const sync = (body.sync ?? body) as Record<string, unknown>;
  if (typeof sync.status !== 'string') return null;
  return {
    organizationId,
    sync: {
      status: sync.status as LiveSyncUpdate['sync']['status'],
      lastChange: (sync.lastChange ?? null) as LiveSyncUpdate['sync']['lastChange'],
      appliedRevision: (sync.appliedRevision ?? null) as string | null,
      readyAt: (sync.readyAt ?? null) as string | null,
      message: (sync.message ?? null) as string | null,
    },
    ...(body.event ? { event: body.event as LiveSyncUpdate['event'] } : {}),
    ...(typeof body.state === 'string' ? { state: body.state as LiveSyncUpdate['state'] } : {}),
  };
}

export type Api = ReturnType<typeof createApi>;
