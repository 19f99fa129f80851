import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/*
 * Stripe itself cannot be reached from the tests, so this is a local HTTP server speaking Stripe's
 * documented wire format for the one call the control plane makes — `POST /v1/checkout/sessions`,
 * a form-encoded body (`line_items[0][price_data][currency]=usd`), `Authorization: Bearer <secret
 * key>`, an `Idempotency-Key` — answering JSON shaped like Stripe's Checkout Session object, or
 * Stripe's error object. The control plane talks to it through the real `stripe` SDK
 * (STRIPE_API_BASE), and webhook events are signed with the SDK's own
 * `webhooks.generateTestHeaderString`, exactly as Stripe signs them.
 */

export const stripeTestKeys = { secretKey: 'sk_test_luster_local', webhookSecret: 'whsec_luster_local' };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The form body as Stripe reads it: flat bracketed keys. */
  form: Record<string, string>;
}

export interface StripeApi {
  url: string;
  requests: RecordedRequest[];
  /** Sessions made, by id, as they were answered. */
  sessions: Map<string, Record<string, unknown>>;
  /** Answer the next checkout with Stripe's 500 api_error (the SDK retries: every attempt fails). */
  failing: boolean;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

function stripeError(res: ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
  res.end(JSON.stringify({ error: { type, message } }));
}

export async function startStripeApi(): Promise<StripeApi> {
  const api: StripeApi = {
    url: '',
    requests: [],
    sessions: new Map(),
    failing: false,
    close: async () => undefined,
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const path = (req.url ?? '').split('?')[0] ?? '';
    api.requests.push({ method: req.method ?? '', path, headers: req.headers, form });
    if (req.headers.authorization !== `Bearer ${stripeTestKeys.secretKey}`)
      return stripeError(res, 401, 'invalid_request_error', 'Invalid API Key provided');
    if (req.method !== 'POST' || path !== '/v1/checkout/sessions')
      return stripeError(
        res,
        404,
        'invalid_request_error',
        `Unrecognized request URL (${req.method}: ${path})`,
      );
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded')
      return stripeError(res, 400, 'invalid_request_error', 'Invalid request: not form-encoded');
    if (api.failing) return stripeError(res, 500, 'api_error', 'Something went wrong on our end');
    // Stripe answers a repeated Idempotency-Key with the first session.
    const key = String(req.headers['idempotency-key'] ?? '');
    const earlier = [...api.sessions.values()].find((s) => s.__idempotencyKey === key);
    const sessionId = (earlier?.id as string | undefined) ?? id('cs');
    const session = {
      id: sessionId,
      object: 'checkout.session',
      mode: form.mode,
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      client_reference_id: form.client_reference_id ?? null,
      customer_email: form.customer_email ?? null,
      currency: form['line_items[0][price_data][currency]'],
      amount_total: Number(form['line_items[0][price_data][unit_amount]']),
      metadata: {
        purchaseId: form['metadata[purchaseId]'],
        organizationId: form['metadata[organizationId]'],
      },
      success_url: form.success_url,
      cancel_url: form.cancel_url,
      url: `https://checkout.stripe.com/c/pay/${sessionId}`,
      livemode: false,
    };
    api.sessions.set(sessionId, { ...session, __idempotencyKey: key });
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': id('req') });
    res.end(JSON.stringify(session));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return api;
}

/** The environment that points a test server's Stripe SDK at `api`. */
export const stripeEnv = (api: StripeApi) => ({
  STRIPE_SECRET_KEY: stripeTestKeys.secretKey,
  STRIPE_WEBHOOK_SECRET: stripeTestKeys.webhookSecret,
  STRIPE_API_BASE: api.url,
});

/** An event as Stripe delivers it, around `object` (a Checkout Session or a Charge). */
export function stripeEvent(type: string, object: Record<string, unknown>, at: Date): string {
  return JSON.stringify({
    id: id('evt'),
    object: 'event',
    api_version: '2026-11-18.endive',
    created: Math.floor(at.getTime() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
}

const signer = new Stripe(stripeTestKeys.secretKey);

/** The `Stripe-Signature` header Stripe would send with `payload` at `at`, by the SDK's own helper. */
export function signStripe(payload: string, at: Date, secret = stripeTestKeys.webhookSecret): string {
  return signer.webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp: Math.floor(at.getTime() / 1000),
  });
}

/** Posts a delivery to the control plane's `/hooks/stripe`. */
export async function deliver(serverUrl: string, payload: string, signature: string | undefined) {
  const res = await fetch(`${serverUrl}/hooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: payload,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
