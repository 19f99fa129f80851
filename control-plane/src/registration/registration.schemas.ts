import { z } from 'zod';
import { email, password } from '../auth/auth.schemas.js';
import { organizationName, projectType, slug } from '../http/atoms.js';
import { text } from '../http/text.js';

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
  change: z.unknown().nullable(),
});

export const agencyRequestsQuery = z.strictObject({
  state: z.enum(['pending_review', 'approved', 'rejected']).optional(),
});

export const rejectBody = z.strictObject({ reason: text().trim().min(1).max(2000) });
