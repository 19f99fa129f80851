import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createFluxReceiverNotifier } from './flux-receiver.js';

const TOKEN = 'receiver-token-for-tests';

/**
 * Flux's notification-controller cannot run here: this server checks what its
 * generic-hmac Receiver checks (X-Signature = HMAC-SHA256 of the raw body with
 * the Secret's token) and answers as it does.
 */
async function fakeReceiver(answers: number[] = []) {
  const received: { body: string; valid: boolean }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const expected = `sha256=${createHmac('sha256', TOKEN).update(body).digest('hex')}`;
      const valid = req.headers['x-signature'] === expected && req.method === 'POST';
      received.push({ body, valid });
      res.statusCode = answers.shift() ?? (valid ? 200 : 401);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/abc123`;
  return { url, received, close: () => new Promise((r) => server.close(r)) };
}

describe('the Flux receiver notifier', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  const logger = createLogger('silent');

  it('posts a signed body naming the revision', async () => {
    const receiver = await fakeReceiver();
    closers.push(receiver.close);
    const notifier = createFluxReceiverNotifier({ url: receiver.url, token: TOKEN, logger, debounceMs: 1 });
    notifier.notify('a'.repeat(40));
    await notifier.drain();
    expect(receiver.received).toEqual([
      { body: JSON.stringify({ source: 'luster', revision: `main@sha1:${'a'.repeat(40)}` }), valid: true },
    ]);
  });

  it('announces a burst of commits once, with the newest', async () => {
    const receiver = await fakeReceiver();
    closers.push(receiver.close);
    const notifier = createFluxReceiverNotifier({ url: receiver.url, token: TOKEN, logger, debounceMs: 50 });
    for (const c of ['1', '2', '3']) notifier.notify(c.repeat(40));
    await notifier.drain();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.body).toContain('3'.repeat(40));
  });

  it('retries a server error, and gives up on a refusal', async () => {
    const receiver = await fakeReceiver([503, 200]);
    closers.push(receiver.close);
    const notifier = createFluxReceiverNotifier({
      url: receiver.url,
      token: TOKEN,
      logger,
      debounceMs: 1,
      backoffMs: 1,
    });
    notifier.notify('b'.repeat(40));
    await notifier.drain();
    expect(receiver.received).toHaveLength(2);

    const refusing = await fakeReceiver([401, 401, 401]);
    closers.push(refusing.close);
    const second = createFluxReceiverNotifier({
      url: refusing.url,
      token: TOKEN,
      logger,
      debounceMs: 1,
      backoffMs: 1,
    });
    second.notify('c'.repeat(40));
    await second.drain();
    expect(refusing.received).toHaveLength(1);
  });

  it('survives an unreachable cluster', async () => {
    const receiver = await fakeReceiver();
    await receiver.close();
    const notifier = createFluxReceiverNotifier({
      url: receiver.url,
      token: TOKEN,
      logger,
      debounceMs: 1,
      backoffMs: 1,
      attempts: 2,
    });
    notifier.notify('d'.repeat(40));
    await expect(notifier.drain()).resolves.toBeUndefined();
  });
});
