import { z } from 'zod';
import { text } from '../http/text.js';

const feature = text()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be lowercase letters, digits, dots, dashes or underscores')
  .meta({ description: 'A metered feature, e.g. ai.text or seo.audit' });

const isoDate = text()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date or date-time');

export const usageBody = z.strictObject({
  feature,
  quantity: z.number().int().min(1).max(1_000_000),
  idempotencyKey: text().min(1).max(200).meta({ description: 'The same key again charges nothing' }),
  occurredAt: isoDate
    .optional()
    .meta({ description: 'When it happened, for reports; the month charged is when we record it' }),
});

export const usageAnswerSchema = z.object({
  balance: z.number(),
  charged: z.number().meta({ description: 'Credits this report cost (price × quantity)' }),
  replayed: z.boolean(),
});

export const featureParams = z.strictObject({ feature });
export const priceBody = z.strictObject({ credits: z.number().int().min(1).max(1_000_000_000) });
export const priceSchema = z.object({ feature: z.string(), credits: z.number() });
export const pricesSchema = z.object({ items: z.array(priceSchema) });

export const keyParams = z.strictObject({ id: text().min(1).max(100), keyId: text().min(1).max(100) });
export const apiKeySchema = z.object({ id: z.string(), prefix: z.string(), createdAt: z.string() });
export const apiKeysSchema = z.object({ items: z.array(apiKeySchema) });
export const newApiKeySchema = apiKeySchema.extend({
  key: z.string().meta({ description: 'Shown this once; only its hash is kept' }),
});

export const reportQuery = z.strictObject({
  from: isoDate.optional().meta({ description: 'Default: the start of this month' }),
  to: isoDate.optional().meta({ description: 'Default: now' }),
  granularity: z.enum(['day', 'month']).default('day'),
});
export const reportSchema = z.object({
  items: z.array(
    z.object({ period: z.string(), feature: z.string(), quantity: z.number(), credits: z.number() }),
  ),
});
