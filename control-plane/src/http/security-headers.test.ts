import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/server.js';

describe('what a browser is told, by the public URL', () => {
  let plain: TestServer;
  let secure: TestServer;
  beforeAll(async () => {
    plain = await startTestServer({ PUBLIC_URL: 'http://luster.lan:8080' });
    secure = await startTestServer({ PUBLIC_URL: 'https://luster.example.test' });
  }, 60_000);
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });

  it('does not send an http admin to https: no upgrade-insecure-requests, no HSTS', async () => {
    const res = await fetch(`${plain.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('lets the admin upload to and show images from the S3 its presigned URLs name', async () => {
    const s3 = plain.services.storage.connection().publicEndpoint;
    expect(s3).toMatch(/^http:\/\/luster\.lan:\d+$/);
    const csp = (await fetch(`${plain.url}/healthz`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${s3}`);
    expect(csp).toMatch(new RegExp(`img-src [^;]*${s3.replace(/\./g, '\\.')}`));
  });

  it('keeps browsers on https when the public URL is https', async () => {
    const res = await fetch(`${secure.url}/healthz`);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('answers a browser at /graphql with a page that says how to query, loading nothing', async () => {
    const res = await fetch(`${plain.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('http://luster.lan:8080/graphql');
    expect(html).toContain('Authorization: Bearer');
    // Nothing from a CDN (Apollo's sandbox would need one), no script the CSP would block.
    expect(html).not.toMatch(/<script|<link|https:\/\/(?!luster)/);
  });

  it('still answers GraphQL clients at the same URL', async () => {
    const res = await fetch(`${plain.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ health { ready } }' }),
    });
    expect((await res.json()).data.health.ready).toBe(true);
  });
});
