import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/server.js';

const run = promisify(execFile);

describe('the control-plane HTTP server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('answers /healthz while the process is alive', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when the database and the repository are reachable, and reports the fleet layout', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'gitops-repo', ok: true },
        { name: 'gitops-layout', ok: true },
      ],
    });
  });

  it('returns a request id, echoing a sane caller-supplied one', async () => {
    const generated = await fetch(`${server.url}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'trace-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123');
    const refused = await fetch(`${server.url}/healthz`, {
      headers: { 'X-Request-Id': 'bad id with spaces' },
    });
    expect(refused.headers.get('x-request-id')).not.toBe('bad id with spaces');
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await fetch(`${server.url}/api/v1/no-such-thing`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('route_not_found');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
    expect(typeof body.error.message).toBe('string');
  });

  it('answers malformed JSON with 400 malformed_json and no stack trace', async () => {
    const res = await fetch(`${server.url}/api/v1/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"unterminated',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('malformed_json');
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await fetch(`${server.url}/api/v1/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('sets security headers', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('exposes Prometheus metrics with process metrics and the HTTP histogram', async () => {
    await fetch(`${server.url}/healthz`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(/luster_http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*\} \d+/);
  });

  it('serves the same readiness through GraphQL', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { ready checks { name ok } } }' }),
    });
    expect(await res.json()).toEqual({
      data: {
        health: {
          ready: true,
          checks: [
            { name: 'database', ok: true },
            { name: 'gitops-repo', ok: true },
            { name: 'gitops-layout', ok: true },
          ],
        },
      },
    });
  });

  it('maps GraphQL request errors to lower-case codes without stack traces', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('graphql_validation_failed');
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });

  describe('the GitOps repository over smart HTTP', () => {
    let work: string;
    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), 'luster-clone-'));
    });
    afterAll(() => rm(work, { recursive: true, force: true }));

    it('clones with the git CLI, shows the seed commit by the bot, and passes fsck --strict', async () => {
      const dir = path.join(work, 'clone');
      await run('git', ['clone', '-q', server.gitUrl, dir]);
      const { stdout: log } = await run('git', ['-C', dir, 'log', '--format=%an <%ae>|%cn <%ce>|%s']);
      expect(log.trim().split('\n')).toEqual([
        'Luster <bot@luster.local>|Luster <bot@luster.local>|platform: seed the GitOps repository from gitops-repo-template',
      ]);
      await run('git', ['-C', dir, 'fsck', '--strict']);
      const { stdout: branch } = await run('git', ['-C', dir, 'rev-parse', '--abbrev-ref', 'HEAD']);
      expect(branch.trim()).toBe('main');
    });

    it('refuses pushes', async () => {
      const dir = path.join(work, 'pusher');
      await run('git', ['clone', '-q', server.gitUrl, dir]);
      await run('git', [
        '-C',
        dir,
        '-c',
        'user.name=x',
        '-c',
        'user.email=x@x',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        'sneaky',
      ]);
      await expect(run('git', ['-C', dir, 'push', 'origin', 'HEAD:main'])).rejects.toThrow(/403/);
    });

    const authorization = () =>
      `Basic ${Buffer.from(`x:${server.services.gitReadToken.token}`).toString('base64')}`;

    /** Sends the path as written: fetch would resolve `..` before it leaves. */
    const rawGet = (rawPath: string) =>
      new Promise<{ status: number; code: string | undefined }>((resolve, reject) => {
        const req = http.get(
          `${server.url}${rawPath}`,
          { headers: { authorization: authorization() }, path: rawPath },
          (res) => {
            let body = '';
            res.on('data', (chunk) => {
              body += chunk;
            });
            res.on('end', () => {
              const code = res.headers['content-type']?.includes('json')
                ? JSON.parse(body).error?.code
                : undefined;
              resolve({ status: res.statusCode ?? 0, code });
            });
          },
        );
        req.on('error', reject);
      });

    it('answers unknown repositories with 404', async () => {
      const res = await fetch(`${server.url}/git/other.git/info/refs?service=git-upload-pack`, {
        headers: { authorization: authorization() },
      });
      expect(res.status).toBe(404);
    });

    it.each([
      '/git/gitops.git/../gitops.git/info/refs?service=git-upload-pack',
      '/git/gitops.git/info/../HEAD',
      '/git/gitops.git/./HEAD',
      '/git/gitops.git/%2e%2e/gitops.git/HEAD',
      '/git/gitops.git/objects/..%2f..%2fconfig',
      '/git/gitops.git/HEAD%00',
    ])('answers %s with 404, never reaching git', async (rawPath) => {
      expect(await rawGet(rawPath)).toEqual({ status: 404, code: 'not_found' });
    });

    it.each([
      'service=git-upload-pack&service=git-receive-pack',
      'service=git-receive-pack&service=git-upload-pack',
      'service=git-upload-pack&service=git-upload-pack',
    ])('refuses a repeated service (%s) with 400', async (query) => {
      expect(await rawGet(`/git/gitops.git/info/refs?${query}`)).toEqual({
        status: 400,
        code: 'invalid_input',
      });
    });

    it('still refuses receive-pack named once, with 403 git_read_only', async () => {
      expect(await rawGet('/git/gitops.git/info/refs?service=git-receive-pack')).toEqual({
        status: 403,
        code: 'git_read_only',
      });
    });
  });
});
