import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { signAccessToken } from '../auth/tokens.js';
import type { TestServer } from './server.js';

const run = promisify(execFile);

/** Settings for API tests: cheap password hashing and limits no test trips by accident. */
export const apiTestEnv = {
  PASSWORD_ARGON2_MEMORY_KIB: '1024',
  PASSWORD_ARGON2_TIME_COST: '1',
  RATE_LIMIT_LOGIN_PER_IP: '100000',
  RATE_LIMIT_LOGIN_PER_IP_ACCOUNT: '100000',
  RATE_LIMIT_REGISTRATION_PER_IP: '100000',
  RATE_LIMIT_REGISTRATION_PER_ACCOUNT: '100000',
  RATE_LIMIT_VERIFY_EMAIL_PER_IP: '100000',
  RATE_LIMIT_PASSWORD_RESET_PER_IP: '100000',
  RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS: '100000',
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
};

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected ad hoc
  body: any;
}

/** A tiny JSON client for one server, optionally with a bearer token and an org context. */
export function client(server: { url: string }, token?: string, orgContext?: string) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(orgContext ? { 'x-org-context': orgContext } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null } as Answer;
  }
  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(orgContext ? { 'x-org-context': orgContext } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected ad hoc
    return (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
  }
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, body ?? {}, headers),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
    graphql,
  };
}

/** An access token for a user without a password round-trip (tests that are not about login). */
export function tokenFor(server: TestServer, userId: string): string {
  return signAccessToken(
    server.config.JWT_SECRET as string,
    { sub: userId, roles: [], org: null, email_verified: true },
    server.config.ACCESS_TOKEN_TTL_SECONDS,
  );
}

export async function adminToken(server: TestServer): Promise<string> {
  const res = await client(server).post('/auth/login', {
    email: 'admin@example.test',
    password: 'correct-horse-battery',
  });
  if (res.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** `git` against the server's bare GitOps repository. */
export async function git(server: TestServer, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', ['--git-dir', `${server.dataDir}/gitops.git`, ...args]);
  return stdout;
}

/** Registers a website organization through the API; its owner is `owner@<name, dashed>.test`. */
export function registerWebsite(server: { url: string }, organizationName: string) {
  return client(server).post('/registrations', {
    accountType: 'organization',
    projectType: 'website',
    organizationName,
    email: `owner@${organizationName.toLowerCase().replaceAll(' ', '-')}.test`,
    password: 'a-long-enough-password',
  });
}

/**
 * Signs up through the real registration flow and signs in as its owner: the organization's id and
 * a client acting as that owner. An agency stays pending review until a superadmin approves it.
 */
export async function registerAndSignIn(
  server: TestServer,
  input: { accountType: 'organization' | 'agency'; organizationName: string; email: string },
) {
  const password = 'a-long-enough-password';
  const reg = await client(server).post('/registrations', { projectType: 'website', password, ...input });
  if (reg.status !== 201) throw new Error(`registration failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const login = await client(server).post('/auth/login', { email: input.email, password });
  return {
    organizationId: reg.body.organization.id as string,
    owner: client(server, login.body.accessToken),
  };
}
