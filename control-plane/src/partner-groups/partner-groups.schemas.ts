import { z } from 'zod';
import { organizationName, slug } from '../http/atoms.js';
import { text } from '../http/text.js';

export const createGroupBody = z.strictObject({
  name: organizationName.meta({ description: 'Display name of the group' }),
  slug: slug
    .optional()
    .meta({ description: 'DNS-1123 label, 2-53 characters; derived from name when absent' }),
});

export const renameGroupBody = z.strictObject({
  name: organizationName.meta({ description: 'The new display name; the slug stays' }),
});

const groupId = text().min(1).max(100).meta({ description: 'The partner group' });

export const groupParams = z.strictObject({ id: groupId });

export const groupAgencyParams = z.strictObject({
  id: groupId,
  agencyId: text().min(1).max(100),
});

const agencySchema = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const partnerGroupSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  createdAt: z.string(),
  agencies: z.array(agencySchema).meta({ description: 'The agencies in the group, by slug' }),
});

export const partnerGroupListSchema = z.object({ items: z.array(partnerGroupSchema) });

export const agencyMoveSchema = z.object({
  agency: agencySchema,
  partnerGroupId: z
    .string()
    .nullable()
    .meta({ description: 'The group the agency is now in; null: directly under the platform' }),
  movedOrganizations: z
    .number()
    .int()
    .meta({ description: 'The agency and every organization below it (0: it was there already)' }),
});
