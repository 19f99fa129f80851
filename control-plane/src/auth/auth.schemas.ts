import { platformActions } from '@luster/contract';
import { z } from 'zod';
import { organizationKinds, roles } from '../access/organization.entities.js';
import { text } from '../http/text.js';

export const email = z.email().max(254).meta({ description: 'Email address (case-insensitive)' });
export const password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200)
  .meta({ description: 'At least 12 characters' });

export const loginBody = z.strictObject({ email, password: z.string().min(1).max(200) });
export const refreshBody = z.strictObject({ refreshToken: text().min(1).max(200) });
export const verifyEmailBody = z.strictObject({
  token: text().min(1).max(200),
  password: password.optional().meta({ description: 'Required when accepting an invitation' }),
});

const role = z.enum(roles);

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  emailVerified: z.boolean().meta({ description: 'False: the admin shows a reminder' }),
  roles: z.array(role),
  capabilities: z.array(z.string()),
  platformActions: z.array(z.enum(platformActions)).meta({
    description:
      'The platform-wide actions the person may take: all for a superadmin, changes.approve for a reviewer',
  }),
  memberships: z.array(
    z.object({
      organizationId: z.string(),
      organizationName: z.string(),
      slug: z.string(),
      kind: z.enum(organizationKinds),
      role,
    }),
  ),
});

export const tokensSchema = z.object({
  accessToken: z.string().meta({ description: 'JWT (HS256), short-lived' }),
  refreshToken: z.string().meta({ description: 'Opaque; single use, rotated on every refresh' }),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().meta({ description: 'Seconds until the access token expires' }),
  user: meSchema,
});

/** One pair as `GET /auth/locks` lists it. */
export const unlockQuery = z.strictObject({
  ip: z.string().min(1).max(100),
  email: z.string().min(1).max(254),
});

export const locksSchema = z.object({
  locks: z.array(
    z.object({
      ip: z.string(),
      email: z.string(),
      lockedUntil: z.string().meta({ description: 'ISO time the pair may sign in again' }),
      locks: z.number().meta({ description: 'Locks in a row; each doubles the wait, up to 24 h' }),
    }),
  ),
});
