import { z } from 'zod';
import { text } from '../http/text.js';
import { creditAccounts, entryKinds } from './credits.entities.js';

/** Credits are whole numbers; the cap keeps every sum far inside a JavaScript number's exact range. */
export const MAX_CREDITS = 1_000_000_000_000;
const credits = z.number().int().min(1).max(MAX_CREDITS);
const idempotencyKey = text().min(1).max(200).meta({
  description: 'Chosen by the caller; the same key again returns the first result and moves nothing',
});

export const orgParams = z.strictObject({ id: text().min(1).max(100) });

export const movementBody = z.strictObject({
  amount: credits,
  idempotencyKey,
  reason: text().trim().max(500).optional(),
});

export const limitBody = z.strictObject({
  monthly: z
    .number()
    .int()
    .min(0)
    .max(MAX_CREDITS)
    .nullable()
    .optional()
    .meta({ description: 'Most credits usage may spend per calendar month (UTC); absent or null: no cap' }),
  overdraft: z
    .number()
    .int()
    .min(0)
    .max(MAX_CREDITS)
    .optional()
    .meta({ description: 'How far below zero usage may take the balance; absent: 0 (never)' }),
  lowBalanceThreshold: z.number().int().min(1).max(MAX_CREDITS).nullable().optional().meta({
    description:
      "Usage taking the balance below this mails the organization's admins, once per dip; absent or null: never",
  }),
});

const isoDate = text()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date or date-time');

export const ledgerQuery = z.strictObject({
  kind: z.enum(entryKinds).optional(),
  from: isoDate.optional().meta({ description: 'Entries recorded at or after this instant' }),
  to: isoDate.optional().meta({ description: 'Entries recorded before this instant' }),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, 'must be a cursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .meta({ description: 'csv: every matching entry as text/csv' }),
});

export const creditSummarySchema = z.object({
  organizationId: z.string(),
  balance: z.number(),
  limit: z.object({
    monthly: z.number().nullable().meta({ description: 'Monthly spend cap; null: none' }),
    overdraft: z.number(),
  }),
  spentThisMonth: z.number(),
  lowBalanceThreshold: z.number().nullable(),
});

export const ledgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(entryKinds),
  reversal: z.boolean().meta({ description: 'Undoes an earlier movement (takeback, purchase reversal)' }),
  direction: z.enum(['in', 'out']),
  amount: z.number(),
  counterparty: z.object({
    account: z.enum(creditAccounts),
    organizationId: z
      .string()
      .nullable()
      .meta({ description: 'Null for platform accounts and for organizations above yours' }),
    name: z.string().nullable(),
  }),
  reason: z.string().nullable(),
  feature: z.string().nullable(),
  quantity: z.number().nullable(),
  reversesId: z.string().nullable(),
  occurredAt: z.string().nullable(),
  createdAt: z.string(),
});

export const ledgerPageSchema = z.object({
  items: z.array(ledgerEntrySchema),
  nextCursor: z.string().nullable(),
});

export const movementSchema = z.object({
  entry: ledgerEntrySchema,
  replayed: z
    .boolean()
    .meta({ description: 'The key was used before: this is the first movement, nothing moved now' }),
  summary: creditSummarySchema,
});
