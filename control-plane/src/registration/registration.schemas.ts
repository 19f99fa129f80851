import { z } from 'zod';
import { email, password } from '../auth/auth.schemas.js';
import { changeRequestSchema } from '../changes/changes.schemas.js';
import { organizationName, projectType, slug } from '../http/atoms.js';
import { text } from '../http/text.js';

const agencyRequestState = z.enum(['pending_review', 'approved', 'rejected']);

export const registerBody = z.strictObject({
  accountType: z.enum(['organization', 'agency']),
  projectType,
  organizationName,
  slug: slug.optional(),
  email,
  password,
  seedDemoData: z.boolean().default(true),
  agencySurvey: z
    .record(text().max(200), text().max(5000))
    .refine((o) => Object.keys(o).length <= 50, 'at most 50 answers')
    .optional()
    .meta({ description: 'Free-text answers, { question: answer }' }),
});

export const registrationResult = z.object({
  organization: z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    state: z.enum(['provisioning', 'pending_review']),
  }),
  change: changeRequestSchema.nullable().meta({ description: 'The provisioning change; null for an agency' }),
});

export const agencyRequestSchema = z.object({
  id: z.string(),
  state: agencyRequestState,
  survey: z.record(z.string(), z.string()).meta({ description: 'Free-text answers, { question: answer }' }),
  reason: z.string().nullable().meta({ description: 'Why it was rejected' }),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  projectType: projectType,
  email: z.string().meta({ description: "The applicant's email" }),
});

export const agencyApproved = z.object({
  organization: z.object({ id: z.string(), slug: z.string(), state: z.literal('provisioning') }),
  change: changeRequestSchema,
});

export const agencyRejected = z.object({ id: z.string(), state: z.literal('rejected'), reason: z.string() });

export const agencyRequestsQuery = z.strictObject({ state: agencyRequestState.optional() });

export const rejectBody = z.strictObject({ reason: text().trim().min(1).max(2000) });
