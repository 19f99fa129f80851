import type { DataSource } from 'typeorm';
import { type Actor, resolveContext } from '../access/access.js';
import type { OrganizationKind, Role } from '../access/organization.entities.js';
import { UnauthenticatedError } from '../errors/index.js';
import { accessTokenKey, verifyAccessToken } from './tokens.js';

/**
 * `Authorization: Bearer <jwt>` (+ `X-Org-Context`) → the actor, with memberships read from the
 * database on every request so a removed membership takes effect at once. A pending invitation
 * (not yet accepted) is no membership.
 */
export function createBearerAuthentication(deps: { dataSource: DataSource; jwtSecret: string }) {
  const { dataSource } = deps;
  const key = accessTokenKey(deps.jwtSecret);
  return async (input: { authorization: string | undefined; orgContext: string | undefined }) => {
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(input.authorization ?? '');
    if (!match) throw new UnauthenticatedError();
    const claims = verifyAccessToken(key, match[1] as string);
    // One round trip: the user and every membership with its organization's path.
    const rows: {
      id: string;
      email: string;
      name: string;
      emailVerifiedAt: Date | null;
      capabilities: Actor['capabilities'];
      organizationId: string | null;
      path: string | null;
      kind: OrganizationKind | null;
      role: Role | null;
    }[] = await dataSource.query(
      `SELECT u.id, u.email, u.name, u."emailVerifiedAt", u.capabilities,
              m."organizationId", o.path, o.kind, m.role
         FROM "user" u
         LEFT JOIN membership m ON m."userId" = u.id AND m."acceptedAt" IS NOT NULL
         LEFT JOIN organization o ON o.id = m."organizationId"
        WHERE u.id = $1
        ORDER BY m."createdAt", m.id`,
      [claims.sub],
    );
    const user = rows[0];
    if (!user)
      throw new UnauthenticatedError({ code: 'invalid_token', message: 'The account no longer exists' });
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      name: user.name,
      emailVerified: user.emailVerifiedAt !== null,
      capabilities: user.capabilities,
      memberships: rows
        .filter((r) => r.organizationId !== null)
        .map((r) => ({
          organizationId: r.organizationId as string,
          path: r.path as string,
          kind: r.kind as OrganizationKind,
          role: r.role as Role,
        })),
      context: null,
    };
    actor.context = await resolveContext(dataSource.manager, actor, input.orgContext);
    return actor;
  };
}
