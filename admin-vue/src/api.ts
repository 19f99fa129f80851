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
  CatalogPlugin,
  CatalogTheme,
  ChangeRequest,
  ChangeRequestFilters,
  FileDiff,
  HistoryEntry,
  InviteInput,
  InviteResult,
  LastChange,
  LiveSyncUpdate,
  LoginResult,
  Manifests,
  Member,
  Organization,
  OrganizationFilters,
  OrganizationRef,
  Page,
  PendingInvitation,
  RegistrationInput,
  RegistrationResult,
  SignInLock,
  SyncStatus,
  SyncSummary,
  TenantAction,
  Tokens,
  User,
  UserRef,
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
    nextCursor: typeof b.nextCursor === 'string' ? b.nextCursor : null,
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
    capabilities: Array.isArray(u.capabilities) ? (u.capabilities as string[]) : [],
    ...(typeof u.emailVerified === 'boolean' ? { emailVerified: u.emailVerified } : {}),
  };
}

/**
 * An organization as the list and detail answer it. The sync badge needs a
 * status; the server may send it as `sync: {…}` or flat (`syncStatus`), with the
 * last change beside it.
 */
export function normalizeOrganization(raw: unknown): Organization {
  const o = raw as Record<string, unknown> & Organization;
  const lastChange = (o.lastChange ??
    (o.sync as SyncSummary | undefined)?.lastChange ??
    null) as LastChange | null;
  const rawSync = o.sync as (Partial<SyncSummary> & { committedAt?: string }) | null | undefined;
  const status = rawSync?.status ?? (o as { syncStatus?: SyncSummary['status'] }).syncStatus;
  return {
    ...o,
    plugins: o.plugins ?? [],
    domains: o.domains ?? [],
    lastChange,
    sync: status ? { ...rawSync, status, lastChange: rawSync?.lastChange ?? lastChange } : null,
  };
}

/** Change requests name their people by id or by object, and their one-line summary `summary` or `title`. */
export function normalizeChangeRequest(raw: unknown): ChangeRequest {
  const c = raw as Record<string, unknown>;
  const person = (obj: unknown, id: unknown): UserRef | null =>
    obj && typeof obj === 'object' ? (obj as UserRef) : typeof id === 'string' ? { id, email: '' } : null;
  return {
    ...(c as unknown as ChangeRequest),
    title: String(c.title ?? c.summary ?? c.kind ?? 'Change'),
    organizationId: String(c.organizationId ?? (c.organization as OrganizationRef | undefined)?.id ?? ''),
    requestedBy: person(c.requestedBy, c.requestedById) ?? { id: '', email: '' },
    approvedBy: person(c.approvedBy, c.approvedById),
    ...(Array.isArray(c.files) ? { files: c.files as FileDiff[] } : {}),
  };
}

export function normalizeAgencyRequest(raw: unknown): AgencyRequest {
  const r = raw as Record<string, unknown>;
  const org = (r.organization ?? {}) as Partial<OrganizationRef>;
  const applicant = (r.applicant ?? {}) as Partial<UserRef>;
  return {
    ...(r as unknown as AgencyRequest),
    organization: {
      id: String(org.id ?? r.organizationId ?? ''),
      slug: String(org.slug ?? r.slug ?? ''),
      name: String(org.name ?? r.organizationName ?? ''),
    },
    applicant: {
      id: String(applicant.id ?? ''),
      email: String(applicant.email ?? r.email ?? ''),
      ...(applicant.name || r.name ? { name: String(applicant.name ?? r.name) } : {}),
    },
    survey: (r.survey ?? r.agencySurvey ?? {}) as Record<string, unknown>,
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
    // Signed out (a poll or a live update racing the sign-out): the server would only answer 401.
    if (auth && token === null) throw new ApiError(401, 'unauthenticated', 'Not signed in');
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
      /** Confirms an email address; with a password it accepts an invitation. */
      verifyEmail: (token: string, password?: string) =>
        request<unknown>('POST', '/auth/verify-email', {
          body: password === undefined ? { token } : { token, password },
          auth: false,
        }),
      hasSession: () => options.tokens.get() !== null,
      /** Mails a one-time reset link; the answer is the same whether the address has an account. */
      requestPasswordReset: (email: string) =>
        request<void>('POST', '/auth/password-reset', { body: { email }, auth: false }),
      confirmPasswordReset: (token: string, password: string) =>
        request<void>('POST', '/auth/password-reset/confirm', { body: { token, password }, auth: false }),
      /** Other sessions end; this one continues on the new tokens the answer carries. */
      async changePassword(currentPassword: string, newPassword: string): Promise<User> {
        const body = await post<Record<string, unknown>>('/me/password', { currentPassword, newPassword });
        const tokens = body as unknown as Tokens;
        options.tokens.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
        return normalizeUser(body.user ?? {});
      },
      async updateMe(name: string): Promise<User> {
        return normalizeUser(await request('PATCH', '/me', { body: { name } }));
      },
      resendVerification: () => post<void>('/me/verification-email'),
    },

    registrations: {
      create: (input: RegistrationInput) =>
        request<RegistrationResult>('POST', '/registrations', { body: input, auth: false }),
    },

    organizations: {
      /** `context` overrides the header, e.g. `all` to fill the context switcher. */
      async list(filters: OrganizationFilters = {}, context?: string): Promise<Page<Organization>> {
        const body = await request('GET', '/organizations', { query: { ...filters }, context });
        const page = asPage<unknown>(body, 'organizations');
        return { ...page, items: page.items.map(normalizeOrganization) };
      },
      async get(id: string): Promise<Organization> {
        return normalizeOrganization(unwrap(await get(org(id)), 'organization'));
      },
      async sync(id: string): Promise<SyncStatus> {
        return unwrap<SyncStatus>(await get(`${org(id)}/sync`), 'sync');
      },
      async manifests(id: string): Promise<Manifests> {
        const body = await get<Partial<Manifests>>(`${org(id)}/manifests`);
        return { ref: body?.ref ?? null, dir: body?.dir ?? null, files: body?.files ?? [] };
      },
      async history(id: string): Promise<HistoryEntry[]> {
        const items = asPage<HistoryEntry>(await get(`${org(id)}/history`), 'commits').items;
        return items.map((c) => ({
          ...c,
          trailers: Array.isArray(c.trailers)
            ? c.trailers
            : Object.entries((c.trailers ?? {}) as Record<string, string>).map(([key, value]) => ({
                key,
                value,
              })),
        }));
      },
      async members(id: string): Promise<Member[]> {
        return asPage<Member>(await get(`${org(id)}/users`)).items;
      },
      /** Adds a member; an unknown email gets a new account and an invitation mail. */
      invite: (id: string, input: InviteInput) => post<InviteResult>(`${org(id)}/users`, input),
      /** The per-file diff of one commit touching the tenant. */
      async commitDiff(id: string, sha: string): Promise<FileDiff[]> {
        const body = await get<{ files?: FileDiff[] } | FileDiff[]>(
          `${org(id)}/history/${encodeURIComponent(sha)}`,
        );
        return Array.isArray(body) ? body : (body?.files ?? []);
      },
      /**
       * The diff the action would commit; nothing is written. Updates render at
       * `POST …/{id}/preview`; lifecycle actions at `POST …/{id}/{action}/preview`
       * where the server offers it (`available: false` otherwise).
       */
      async preview(id: string, action: TenantAction): Promise<ActionPreview> {
        const path = action.kind === 'update' ? `${org(id)}/preview` : `${org(id)}/${action.kind}/preview`;
        const body =
          action.kind === 'update'
            ? action.patch
            : 'reason' in action && action.reason
              ? { reason: action.reason }
              : {};
        try {
          const answer = await post<{ baseSha?: string | null; files?: FileDiff[] }>(path, body);
          return { available: true, baseSha: answer?.baseSha ?? null, files: answer?.files ?? [] };
        } catch (error) {
          if (action.kind !== 'update' && error instanceof ApiError && error.code === 'route_not_found')
            return { available: false, files: [] };
          throw error;
        }
      },
      /** Commits the action (or opens a change request awaiting review). */
      async apply(id: string, action: TenantAction): Promise<ActionResult> {
        const body = await runAction<Record<string, unknown>>(id, action);
        const change = body?.changeRequest ?? body?.change ?? null;
        return {
          changeRequest: change ? normalizeChangeRequest(change) : null,
          ...(body?.organization ? { organization: normalizeOrganization(body.organization) } : {}),
        };
      },
    },

    catalog: {
      async themes(): Promise<CatalogTheme[]> {
        return asPage<CatalogTheme>(await get('/catalog/themes'), 'items').items;
      },
      async plugins(): Promise<CatalogPlugin[]> {
        return asPage<CatalogPlugin>(await get('/catalog/plugins'), 'items').items;
      },
    },

    /** The signed-in user's pending invitations into organizations. */
    invitations: {
      async list(): Promise<PendingInvitation[]> {
        return asPage<PendingInvitation>(await get('/me/invitations')).items;
      },
      accept: (organizationId: string) =>
        post<PendingInvitation>(`/me/invitations/${encodeURIComponent(organizationId)}/accept`),
      decline: (organizationId: string) =>
        post<PendingInvitation>(`/me/invitations/${encodeURIComponent(organizationId)}/decline`),
    },

    agencyRequests: {
      async list(): Promise<AgencyRequest[]> {
        return asPage<unknown>(await get('/agency-requests'), 'agencyRequests').items.map(
          normalizeAgencyRequest,
        );
      },
      approve: (id: string) => post<unknown>(`/agency-requests/${encodeURIComponent(id)}/approve`),
      reject: (id: string, reason: string) =>
        post<unknown>(`/agency-requests/${encodeURIComponent(id)}/reject`, { reason }),
    },

    signInLocks: {
      async list(): Promise<SignInLock[]> {
        return (await get<{ locks: SignInLock[] }>('/auth/locks')).locks;
      },
      unlock: (lock: Pick<SignInLock, 'ip' | 'email'>) =>
        request<void>('DELETE', '/auth/locks', { query: { ip: lock.ip, email: lock.email } }),
    },

    changeRequests: {
      async list(filters: ChangeRequestFilters = {}): Promise<ChangeRequest[]> {
        const body = await get('/change-requests', { ...filters });
        return asPage<unknown>(body, 'changeRequests').items.map(normalizeChangeRequest);
      },
      async get(id: string): Promise<ChangeRequest> {
        const body = await get(`/change-requests/${encodeURIComponent(id)}`);
        return normalizeChangeRequest(unwrap(body, 'changeRequest'));
      },
      approve: (id: string) => decide(id, 'approve'),
      reject: (id: string, reason: string) => decide(id, 'reject', { reason }),
      merge: (id: string) => decide(id, 'merge'),
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
      let failures = 0;
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
        source.onopen = () => {
          failures = 0;
          onConnection?.(true);
        };
        source.onmessage = handle;
        for (const name of ['sync', 'tenant.sync']) source.addEventListener(name, handle as EventListener);
        source.onerror = () => {
          onConnection?.(false);
          // CLOSED means the server refused (expired token, no stream): refresh, then
          // reopen with a growing pause so a missing stream does not hammer the server.
          if (source?.readyState !== 2 || closed) return;
          source.close();
          const delay = Math.min(60_000, 2000 * 2 ** failures++);
          retryTimer = setTimeout(async () => {
            await refresh();
            open();
          }, delay);
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

  /** Decisions answer with the updated change request (or nothing). */
  async function decide(id: string, verb: string, body?: unknown): Promise<ChangeRequest | null> {
    const answer = await post<unknown>(`/change-requests/${encodeURIComponent(id)}/${verb}`, body);
    const change = answer && typeof answer === 'object' ? unwrap(answer, 'changeRequest') : null;
    return change && typeof change === 'object' && 'state' in change ? normalizeChangeRequest(change) : null;
  }

  function runAction<T>(id: string, action: TenantAction): Promise<T> {
    switch (action.kind) {
      case 'update':
        return request<T>('PATCH', org(id), { body: action.patch });
      case 'resume':
        return post<T>(`${org(id)}/resume`, {});
      default:
        return post<T>(`${org(id)}/${action.kind}`, action.reason ? { reason: action.reason } : {});
    }
  }
}

/**
 * Accepts the bus event (`{ type, organizationId, data: { status, lastChange, … } }`),
 * `{ organizationId, sync }` or a flat `{ organizationId, status, lastChange, … }`.
 */
export function parseLiveUpdate(data: unknown): LiveSyncUpdate | null {
  let body: Record<string, unknown>;
  try {
    body = (typeof data === 'string' ? JSON.parse(data) : data) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (body && typeof body.data === 'object' && body.data !== null)
    body = {
      ...(body.data as Record<string, unknown>),
      organizationId: body.organizationId ?? (body.data as Record<string, unknown>).organizationId,
    };
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
