import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.LUSTER_DATA_DIR).toBe('./.luster');
    expect(config.dataDir).toBe(path.resolve('./.luster'));
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.publicUrl).toBe('http://127.0.0.1:8080');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ LUSTER_ADMIN_EMAIL: 'nobody' }, 'LUSTER_ADMIN_EMAIL'],
    [{ LUSTER_ADMIN_PASSWORD: 'short' }, 'LUSTER_ADMIN_PASSWORD'],
    [{ LUSTER_BASE_DOMAIN: 'Not_A_Domain' }, 'LUSTER_BASE_DOMAIN'],
    [{ LUSTER_CLUSTER: 'eu--west' }, 'LUSTER_CLUSTER'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'key' }, 'S3_SECRET_ACCESS_KEY'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_ACCESS_KEY_ID'],
    [{ S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET_PREFIX: 'Luster' }, 'S3_BUCKET_PREFIX'],
    [{ S3_EMBEDDED_PORT: '-1' }, 'S3_EMBEDDED_PORT'],
    [{ MEDIA_PUBLIC_BASE_URL: 'cdn' }, 'MEDIA_PUBLIC_BASE_URL'],
    [{ STRIPE_SECRET_KEY: 'sk_test_1' }, 'STRIPE_WEBHOOK_SECRET'],
    [{ STRIPE_WEBHOOK_SECRET: 'whsec_1' }, 'STRIPE_SECRET_KEY'],
    [{ STRIPE_SECRET_KEY: 'pk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }, 'STRIPE_SECRET_KEY'],
    [{ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'secret' }, 'STRIPE_WEBHOOK_SECRET'],
    [{ STRIPE_API_BASE: 'ftp://stripe.test' }, 'STRIPE_API_BASE'],
    [{ STRIPE_API_BASE: 'http://127.0.0.1:12111/v1' }, 'STRIPE_API_BASE'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(problemsOf(env)).toEqual([variable]);
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', 1],
    ['2', 2],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    ['loopback, 192.0.2.7 ,fd00::/8', ['loopback', '192.0.2.7', 'fd00::/8']],
  ])('reads TRUST_PROXY=%j as %j (true is one hop, never every hop)', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each([['everything'], ['10.0.0.0/33'], ['10.0.0.300'], ['-1'], ['10.0.0.0/8/1']])(
    'refuses TRUST_PROXY=%j',
    (value) => {
      expect(problemsOf({ TRUST_PROXY: value })).toEqual(['TRUST_PROXY']);
    },
  );

  it.each([
    ['octocat', 'GITHUB_LOGINS'],
    ['octocat=nobody', 'GITHUB_LOGINS'],
    ['octocat=a@example.test,', 'GITHUB_LOGINS'],
  ])('refuses GITHUB_LOGINS=%j', (value, variable) => {
    expect(problemsOf({ GITHUB_LOGINS: value })).toEqual([variable]);
  });

  it('reads GITHUB_LOGINS as login → email, both lower case', () => {
    const logins = loadConfig({
      GITHUB_LOGINS: 'OctoCat=Admin@Example.test,hubot=ops@example.test',
    }).GITHUB_LOGINS;
    expect([...(logins ?? [])]).toEqual([
      ['octocat', 'admin@example.test'],
      ['hubot', 'ops@example.test'],
    ]);
  });

  it('asks for GITHUB_LOGINS with GITHUB_REPOSITORY: otherwise no merge on GitHub could count as approval', () => {
    const github = {
      GITHUB_REPOSITORY: 'acme/gitops',
      GITHUB_TOKEN: 't',
      GITOPS_REMOTE_URL: 'https://git.example/x.git',
    };
    expect(problemsOf(github)).toEqual(['GITHUB_LOGINS']);
    expect(problemsOf({ ...github, GITHUB_LOGINS: 'octocat=admin@example.test' })).toEqual([]);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud' })).toEqual(['PORT', 'LOG_LEVEL']);
  });

  it('never echoes a secret value in its error', () => {
    expect(() => loadConfig({ LUSTER_ADMIN_PASSWORD: 'tiny-secret' })).toThrow(/LUSTER_ADMIN_PASSWORD/);
    expect(() => loadConfig({ LUSTER_ADMIN_PASSWORD: 'tiny-secret' })).not.toThrow(/tiny-secret/);
  });

  it('reads secrets from <NAME>_FILE', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-config-'));
    const file = path.join(dir, 'password');
    await writeFile(file, 'from-a-mounted-file\n');
    expect(loadConfig({ LUSTER_ADMIN_PASSWORD_FILE: file }).LUSTER_ADMIN_PASSWORD).toBe(
      'from-a-mounted-file',
    );
  });

  it.each([
    ['https://api.stripe.com', { host: 'api.stripe.com', port: 443, protocol: 'https' }],
    ['http://127.0.0.1:12111', { host: '127.0.0.1', port: 12111, protocol: 'http' }],
    ['http://[::1]:8', { host: '::1', port: 8, protocol: 'http' }],
  ])('reads STRIPE_API_BASE=%j as the SDK options %j', (value, expected) => {
    expect(loadConfig({ STRIPE_API_BASE: value }).STRIPE_API_BASE).toEqual(expected);
  });

  it('reads the Stripe secrets from their _FILE variables', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'luster-config-'));
    await writeFile(path.join(dir, 'key'), 'sk_test_from_file\n');
    await writeFile(path.join(dir, 'hook'), 'whsec_from_file\n');
    const config = loadConfig({
      STRIPE_SECRET_KEY_FILE: path.join(dir, 'key'),
      STRIPE_WEBHOOK_SECRET_FILE: path.join(dir, 'hook'),
    });
    expect([config.STRIPE_SECRET_KEY, config.STRIPE_WEBHOOK_SECRET]).toEqual([
      'sk_test_from_file',
      'whsec_from_file',
    ]);
  });

  it('names the _FILE variable when the file cannot be read', () => {
    expect(problemsOf({ DATABASE_URL_FILE: '/nonexistent/secret' })).toEqual(['DATABASE_URL_FILE']);
  });
});
