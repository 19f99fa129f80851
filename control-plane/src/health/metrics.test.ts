import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { checkMetricsAccess } from './metrics-access.js';

const token = 'prometheus-scrape-token-0123';

async function scrape(server: TestServer, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/metrics`, { headers });
  const text = await res.text();
  return { status: res.status, text, code: res.ok ? undefined : JSON.parse(text).error.code };
}

describe('/metrics access', () => {
  let open: TestServer;
  let guarded: TestServer;
  beforeAll(async () => {
    [open, guarded] = await Promise.all([
      startTestServer({ TRUST_PROXY: 'true' }),
      startTestServer({ METRICS_TOKEN: token }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([open?.close(), guarded?.close()]);
  });

  it('without METRICS_TOKEN answers a scraper on loopback', async () => {
    const res = await scrape(open);
    expect(res.status).toBe(200);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('without METRICS_TOKEN refuses a request that came through a proxy, even one on this host', async () => {
    for (const header of [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }]) {
      expect(await scrape(open, header)).toMatchObject({ status: 403, code: 'metrics_loopback_only' });
    }
  });

  it.each([
    ['a remote peer', '203.0.113.7', false],
    ['a private-network peer', '10.0.0.12', false],
    ['a loopback peer behind a proxy', '127.0.0.1', true],
  ])('without METRICS_TOKEN refuses %s', (_what, peer, forwarded) => {
    expect(() => checkMetricsAccess({ token: undefined, authorization: undefined, peer, forwarded })).toThrow(
      expect.objectContaining({ code: 'metrics_loopback_only' }),
    );
  });

  it.each([['127.0.0.1'], ['127.3.4.5'], ['::1'], ['::ffff:127.0.0.1']])(
    'without METRICS_TOKEN answers the loopback peer %s',
    (peer) => {
      expect(() =>
        checkMetricsAccess({ token: undefined, authorization: undefined, peer, forwarded: false }),
      ).not.toThrow();
    },
  );

  it('with METRICS_TOKEN answers only the bearer of that token, wherever it comes from', async () => {
    expect(await scrape(guarded)).toMatchObject({ status: 401, code: 'invalid_metrics_token' });
    expect(await scrape(guarded, { authorization: `Bearer ${token}x` })).toMatchObject({
      status: 401,
      code: 'invalid_metrics_token',
    });
    expect(await scrape(guarded, { authorization: `Basic ${token}` })).toMatchObject({
      status: 401,
      code: 'invalid_metrics_token',
    });
    const ok = await scrape(guarded, { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('luster_http_request_duration_seconds');
  });
});
