import { z } from 'zod';
import { roles } from '../access/organization.entities.js';
import { text } from '../http/text.js';
import { roleInput } from './orgs.schemas.js';

export const memberParams = z.strictObject({
  id: text().min(1).max(100).meta({ description: 'The organization' }),
  userId: text().min(1).max(100),
});
export const changeRoleBody = z.strictObject({ role: roleInput });
export const roleChangeSchema = z.object({
  userId: z.string(),
  organizationId: z.string(),
  role: z.enum(roles),
});
