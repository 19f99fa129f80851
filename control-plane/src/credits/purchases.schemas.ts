import { z } from 'zod';
import { text } from '../http/text.js';
import { MAX_CREDITS } from './credits.schemas.js';
import { purchaseStates } from './purchase.entities.js';

const packId = text()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be lowercase letters, digits, dots, dashes or underscores')
  .meta({ description: 'Chosen by the superadmin, e.g. starter' });

export const packParams = z.strictObject({ packId });

export const packBody = z.strictObject({
  credits: z.number().int().min(1).max(MAX_CREDITS),
  amount: z
    .number()
    .int()
    .min(1)
    // Stripe's own ceiling for one Checkout line is 8 digits in the minor unit.
    .max(99_999_999)
    .meta({ description: "The price in the currency's minor unit (cents for usd)" }),
  currency: text()
    .regex(/^[a-z]{3}$/, 'must be a three-letter ISO 4217 code in lower case, e.g. usd')
    .meta({ description: 'ISO 4217, lower case' }),
  active: z.boolean().default(true).meta({ description: 'Offered to buyers; false keeps it for history' }),
});

export const packSchema = z.object({
  id: z.string(),
  credits: z.number(),
  amount: z.number(),
  currency: z.string(),
  active: z.boolean(),
});

export const packsSchema = z.object({
  items: z.array(packSchema).meta({ description: 'Active packs; superadmins also see inactive ones' }),
  paymentsConfigured: z.boolean().meta({
    description: 'Whether Stripe is configured: without it checkout answers 503 payments_not_configured',
  }),
});

export const checkoutBody = z.strictObject({ packId });

export const checkoutSchema = z.object({
  sessionId: z.string().meta({ description: "Stripe's Checkout Session" }),
  url: z.string().meta({ description: "Stripe's payment page: send the buyer there" }),
  purchaseId: z.string().meta({ description: 'Our purchase, to follow on the return page' }),
});

export const purchaseParams = z.strictObject({
  id: text().min(1).max(100),
  purchaseId: text().min(1).max(100),
});

export const purchaseSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  packId: z.string(),
  credits: z.number(),
  amount: z.number(),
  currency: z.string(),
  state: z.enum(purchaseStates).meta({
    description:
      'pending: not paid (yet); paid: credited; expired: the checkout was abandoned; failed: the delayed payment failed; refunded: all credits reversed',
  }),
  reversedCredits: z.number().meta({ description: 'Credits taken back by refunds' }),
  entryId: z.string().nullable().meta({ description: "The ledger's purchase entry, once credited" }),
  createdAt: z.string().meta({ description: 'When the checkout was started' }),
  updatedAt: z.string().meta({ description: 'When its state last changed' }),
});

export const purchasesQuery = z.strictObject({
  cursor: text()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor from a previous page')
    .optional()
    .meta({ description: "The previous page's nextCursor" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const purchasesPageSchema = z.object({
  items: z.array(purchaseSchema).meta({ description: 'Newest first' }),
  nextCursor: z.string().nullable(),
});
