import { GitCommandError, RemoteAuthError, RemoteUnavailableError } from './errors.js';

/*
 * How the pusher talks to the git CLI about credentials and failures. The token travels as an HTTP
 * header through git's environment-only configuration (`GIT_CONFIG_COUNT`/`_KEY_n`/`_VALUE_n`):
 * never in the URL (which git prints in errors and we log) and never in argv (visible in `ps`).
 */

export interface RemoteCredentials {
  /** An access token for HTTPS. */
  token: string;
  /** The user name paired with the token in Basic auth; GitHub and GitLab accept this one. @default 'x-access-token' */
  username?: string;
}

/** Refuses URLs with embedded credentials: they would end up in logs and error messages. */
export function assertCleanRemoteUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemoteUnavailableError({ remote: '(invalid url)', detail: 'the remote URL does not parse' });
  }
  if (parsed.username || parsed.password) {
    throw new RemoteAuthError({
      remote: `${parsed.protocol}//${parsed.host}${parsed.pathname}`,
      detail: 'put the token in the token setting, not in the URL',
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RemoteUnavailableError({ remote: url, detail: 'only http(s) remotes are supported' });
  }
}

/**
 * Environment for `git push`/`git fetch` against `url`. The header is scoped to the remote's URL
 * (`http.<url>.extraHeader`) so a redirect to another host does not receive it, and credential
 * helpers are switched off so nothing is stored or prompted for. A transfer that moves less than
 * a kilobyte a second for `stallSeconds` is given up (curl's low-speed limit: git sets none, and a
 * host that accepts the connection and then stops answering would hold a push for ever — and the
 * pushes queued behind it); the attempt fails as `remote_unavailable` and is retried.
 */
export function remoteGitEnv(
  url: string,
  credentials?: RemoteCredentials,
  stallSeconds = 60,
): Record<string, string> {
  const config: [string, string][] = [
    ['credential.helper', ''],
    ['http.lowSpeedLimit', '1000'],
    ['http.lowSpeedTime', String(stallSeconds)],
  ];
  if (credentials) {
    const basic = Buffer.from(`${credentials.username ?? 'x-access-token'}:${credentials.token}`).toString(
      'base64',
    );
    config.push([`http.${url}.extraHeader`, `Authorization: Basic ${basic}`]);
  }
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(config.length) };
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}

const AUTH_FAILURE = /returned error: 40[13]|Authentication failed|could not read (Username|Password)/i;
const UNAVAILABLE =
  /unable to access|Could not resolve|Connection refused|Failed to connect|timed out|returned error: 5\d\d|RPC failed|early EOF|the remote end hung up|Empty reply/i;

/** Turns a failed push/fetch into `remote_auth_failed`, `remote_unavailable`, or leaves it as is. */
export function classifyRemoteError(error: unknown, remote: string): unknown {
  if (!(error instanceof GitCommandError)) return error;
  const stderr = String(error.data.stderr ?? '');
  const detail = stderr.trim().split('\n').pop() ?? '';
  if (AUTH_FAILURE.test(stderr)) return new RemoteAuthError({ remote, detail });
  if (UNAVAILABLE.test(stderr)) return new RemoteUnavailableError({ remote, detail });
  return error;
}

/** The remote as it may be logged: scheme, host and path, nothing else. */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
