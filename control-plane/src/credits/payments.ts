import Stripe from 'stripe';
import type { StripeApiBase } from '../config/stripe-variables.js';
import { DomainError, UnavailableError } from '../errors/index.js';

/** What a Checkout Session is made from: all of it comes from our stored purchase and pack. */
export interface CheckoutRequest {
  purchaseId: string;
  organizationId: string;
  credits: number;
  /** In the currency's minor unit. */
  amount: number;
  currency: string;
  packId: string;
  /** The buyer's address, prefilled on Stripe's page (and where Stripe sends the receipt). */
  customerEmail: string;
  /** Where Stripe sends the buyer back, paid or not. */
  returnUrl: string;
}

/** The parts of Stripe's events the webhook reads (the SDK's `Stripe.Event`). */
export type PaymentEvent = Stripe.Event;

/**
 * The payments port (STYLE §8): open a Checkout Session, and turn a webhook delivery into an event
 * only when its signature is Stripe's. The adapter below is the Stripe SDK; the tests run it against
 * a local server speaking Stripe's wire format.
 */
export interface Payments {
  createCheckoutSession(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** Throws `invalid_signature` (400) for a forged, stale or missing signature. */
  verifyEvent(rawBody: Buffer, signature: string | undefined, receivedAt: Date): PaymentEvent;
}

/** How long after Stripe signed a delivery it is still accepted: the SDK's default (5 min), against replays. */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Payments through Stripe, or null when the platform has no Stripe account configured. */
export function createStripePayments(config: {
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  STRIPE_API_BASE: StripeApiBase;
}): Payments | null {
  const { STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret } = config;
  if (!key || !webhookSecret) return null;
  const stripe = new Stripe(key, {
    host: config.STRIPE_API_BASE.host,
    port: config.STRIPE_API_BASE.port,
    protocol: config.STRIPE_API_BASE.protocol,
    // The SDK retries with the same Idempotency-Key; a buyer waiting on the button gets an answer
    // within seconds either way.
    maxNetworkRetries: 2,
    timeout: 15_000,
  });

  return {
    async createCheckoutSession(request) {
      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: request.organizationId,
            customer_email: request.customerEmail,
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.currency,
                  unit_amount: request.amount,
                  product_data: { name: `${request.credits} credits (${request.packId})` },
                },
              },
            ],
            // The webhook finds the purchase by the session id stored with it; the metadata lets a
            // person match a payment in Stripe's dashboard to ours.
            metadata: { purchaseId: request.purchaseId, organizationId: request.organizationId },
            payment_intent_data: { metadata: { purchaseId: request.purchaseId } },
            success_url: request.returnUrl,
            cancel_url: request.returnUrl,
          },
          // One purchase, one session, however often the SDK retries.
          { idempotencyKey: `luster-purchase-${request.purchaseId}` },
        );
      } catch (error) {
        throw new UnavailableError({
          message: `Stripe did not open a checkout: ${(error as Error).message}`,
          data: { stripe: error instanceof Stripe.errors.StripeError ? error.type : 'network' },
        });
      }
      if (!session.url) throw new Error(`Stripe answered checkout session ${session.id} without a URL`);
      return { id: session.id, url: session.url };
    },

    verifyEvent(rawBody, signature, receivedAt) {
      try {
        return stripe.webhooks.constructEvent(
          rawBody,
          signature ?? '',
          webhookSecret,
          SIGNATURE_TOLERANCE_SECONDS,
          undefined,
          receivedAt.getTime(),
        );
      } catch (error) {
        throw new DomainError({
          code: 'invalid_signature',
          category: 'invalid_input',
          message: `The Stripe-Signature does not verify: ${(error as Error).message}`,
        });
      }
    },
  };
}
