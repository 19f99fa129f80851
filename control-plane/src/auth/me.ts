import type { PlatformAction } from '@luster/contract';
import type { EntityManager } from 'typeorm';
import { allowedPlatformActions } from '../access/allowed-actions.js';
import type { OrganizationKind, Role } from '../access/organization.entities.js';
import { UnauthenticatedError } from '../errors/index.js';
import { User } from '../users/users.entities.js';

/** The signed-in user as /me (and every token answer) shows them. */
export interface Me {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  roles: Role[];
  capabilities: string[];
  /** The platform-wide actions the person may take (the platform table, evaluated for them). */
  platformActions: PlatformAction[];
  memberships: {
    organizationId: string;
    organizationName: string;
    slug: string;
    kind: OrganizationKind;
    role: Role;
  }[];
}

/** A user's accepted memberships with their organizations, oldest first (a pending invitation grants nothing). */
export async function loadMemberships(manager: EntityManager, userId: string) {
  const rows: {
    organizationId: string;
    path: string;
    kind: OrganizationKind;
    role: Role;
    name: string;
    slug: string;
  }[] = await manager.query(
    `SELECT m."organizationId", o.path, o.kind, m.role, o.name, o.slug
       FROM membership m JOIN organization o ON o.id = m."organizationId"
      WHERE m."userId" = $1 AND m."acceptedAt" IS NOT NULL ORDER BY m."createdAt", m.id`,
    [userId],
  );
  return rows;
}

export async function readMe(manager: EntityManager, userId: string): Promise<Me> {
  const user = await manager.findOneBy(User, { id: userId });
  if (!user)
    throw new UnauthenticatedError({ code: 'invalid_token', message: 'The account no longer exists' });
  const memberships = await loadMemberships(manager, userId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    roles: [...new Set(memberships.map((m) => m.role))],
    capabilities: user.capabilities,
    platformActions: allowedPlatformActions({ memberships, capabilities: user.capabilities }),
    memberships: memberships.map((m) => ({
      organizationId: m.organizationId,
      organizationName: m.name,
      slug: m.slug,
      kind: m.kind,
      role: m.role,
    })),
  };
}
