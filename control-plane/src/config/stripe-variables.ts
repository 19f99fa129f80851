import { z } from 'zod';
import type { VariableSpec } from './atoms.js';

/** Where the Stripe SDK sends its requests, in the shape its constructor takes. */
export interface StripeApiBase {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

/**
 * An origin only: the SDK adds `/v1/…` itself, so a path here would be silently dropped and the
 * requests would go somewhere the operator did not mean.
 */
const apiBase = z.url().transform((raw, ctx): StripeApiBase => {
  const url = new URL(raw);
  const protocol = url.protocol.slice(0, -1);
  if (protocol !== 'http' && protocol !== 'https') {
    ctx.addIssue({ code: 'custom', message: 'must be an http or https URL' });
    return z.NEVER;
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username) {
    ctx.addIssue({ code: 'custom', message: 'must be an origin (scheme, host, port) without a path' });
    return z.NEVER;
  }
  const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port, protocol };
});

/** Credit purchases through Stripe Checkout (credits/README.md, "Buying credits"). */
export const stripeVariables = {
  STRIPE_SECRET_KEY: {
    schema: z
      .string()
      .regex(/^(sk|rk)_\S+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)')
      .optional(),
    secret: true,
    doc: 'Secret key Checkout Sessions are created with; unset (with STRIPE_WEBHOOK_SECRET) hides "Buy credits" and checkout answers 503 payments_not_configured',
  },
  STRIPE_WEBHOOK_SECRET: {
    schema: z
      .string()
      .regex(/^whsec_\S+$/, 'must be a Stripe webhook signing secret (whsec_…)')
      .optional(),
    secret: true,
    doc: 'Signing secret of the endpoint Stripe posts to /hooks/stripe (Stripe-Signature); required with STRIPE_SECRET_KEY',
  },
  STRIPE_API_BASE: {
    schema: apiBase,
    default: 'https://api.stripe.com',
    doc: "Origin of Stripe's API the SDK calls (tests point it at a local server)",
  },
} as const satisfies Record<string, VariableSpec>;
