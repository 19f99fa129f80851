/** The only HTTP client of the admin: JSON in, JSON out, server errors as ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError(0, 'network_error', 'The control plane cannot be reached');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok && body?.error)
    throw new ApiError(res.status, body.error.code, body.error.message, body.error.requestId);
  if (!res.ok && res.status !== 503) throw new ApiError(res.status, 'http_error', `HTTP ${res.status}`);
  return body as T;
}

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: { name: string; ok: boolean; message?: string }[];
}

export const api = {
  readiness: () => getJson<Readiness>('/readyz'),
};
