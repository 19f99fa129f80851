/**
 * The admin's one HTTP core (STYLE §10), typed by the generated `paths` (schema.d.ts): a call
 * names a documented route, and its path parameters, query, body and answer take that route's
 * types. Every failure becomes an ApiError carrying the server's stable `code`. It attaches the
 * bearer token and the organization context, and refreshes the access token once when the
 * server answers 401.
 */
import type { paths } from './schema';

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

/** What the session keeps between page loads. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

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

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Success<O> = O extends { responses: infer R } ? R[Extract<keyof R, 200 | 201 | 202 | 204>] : never;

/** The JSON a documented route answers on success (undefined for 204). */
export type Answer<P extends keyof paths, M extends Method> =
  Success<Operation<P, M>> extends { content: { 'application/json': infer B } } ? B : undefined;
/** The JSON body a documented route takes. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type Query<O> = O extends { parameters: { query?: infer X } } ? X : never;

export interface CallInit<P extends keyof paths, M extends Method> {
  path?: PathParams<Operation<P, M>>;
  query?: Query<Operation<P, M>>;
  body?: Body<P, M>;
  /** false for the public endpoints (login, registration): no token, no refresh. */
  auth?: boolean;
  /** Overrides the organization context of this one request; null sends none (every visible one). */
  context?: string | null | undefined;
}

export function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function fillPath(template: string, params: object | undefined): string {
  const values = (params ?? {}) as Record<string, string>;
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? ''));
}

export function createHttp(options: ApiOptions) {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let refreshing: Promise<boolean> | null = null;
  let expiredReported = false;

  async function send(
    method: string,
    url: string,
    body: unknown,
    token: string | null,
    context: string | null,
  ) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    if (context) headers['x-org-context'] = context;
    try {
      return await doFetch(`${base}/api/v1${url}`, {
        method: method.toUpperCase(),
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, 'network_error', 'The control plane cannot be reached');
    }
  }

  async function parse<T>(res: Response): Promise<T> {
    if (res.status === 204) return undefined as T;
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
        const res = await send('post', '/auth/refresh', { refreshToken: current.refreshToken }, null, null);
        if (!res.ok) return false;
        const next = (await res.json()) as Answer<'/auth/refresh', 'post'>;
        options.tokens.set({ accessToken: next.accessToken, refreshToken: next.refreshToken });
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

  /** Calls one documented route. */
  async function call<P extends keyof paths, M extends Method & keyof paths[P]>(
    method: M,
    path: P,
    init: CallInit<P, M> = {},
  ): Promise<Answer<P, M>> {
    return parse(await respond(method, path, init));
  }

  /**
   * Reads one documented route's non-JSON answer (a CSV export) as a Blob, with the same token,
   * refresh and errors as `call`: a download link cannot carry the bearer token.
   */
  async function blob<P extends keyof paths, M extends Method & keyof paths[P]>(
    method: M,
    path: P,
    init: CallInit<P, M> = {},
  ): Promise<Blob> {
    const res = await respond(method, path, init);
    if (!res.ok) return parse(res);
    return res.blob();
  }

  async function respond<P extends keyof paths, M extends Method & keyof paths[P]>(
    method: M,
    path: P,
    init: CallInit<P, M>,
  ): Promise<Response> {
    const auth = init.auth !== false;
    const url = `${fillPath(path, init.path)}${queryString(init.query as object | undefined)}`;
    const context = auth ? (init.context === undefined ? (options.context?.() ?? null) : init.context) : null;
    const token = auth ? (options.tokens.get()?.accessToken ?? null) : null;
    // Signed out (a poll or a live update racing the sign-out): the server would only answer 401.
    if (auth && token === null) throw new ApiError(401, 'unauthenticated', 'Not signed in');
    const res = await send(method, url, init.body, token, context);
    if (res.status === 401 && auth && token) {
      if (await refresh()) {
        const retried = await send(
          method,
          url,
          init.body,
          options.tokens.get()?.accessToken ?? null,
          context,
        );
        if (retried.status === 401) sessionExpired();
        return retried;
      }
      sessionExpired();
    }
    return res;
  }

  return {
    call,
    blob,
    refresh,
    options,
    base,
    /** A new sign-in may report an expired session again. */
    signedIn(tokens: Tokens) {
      options.tokens.set(tokens);
      expiredReported = false;
    },
  };
}

export type Http = ReturnType<typeof createHttp>;
