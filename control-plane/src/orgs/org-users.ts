import type { DataSource } from 'typeorm';
import type { AuthService } from '../auth/auth.service.js';
import type { Config } from '../config.js';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors/index.js';
import type { Mailer } from '../mail/mailer.js';
import { mapUniqueViolation, nameFromEmail } from '../tenants/provisioning.js';
import { User } from '../users/users.entities.js';
import { type Actor, roleAt, roleRank } from './access.js';
import { Membership, type Role } from './orgs.entities.js';
import type { OrgsService } from './orgs.service.js';
import { authorize } from './permissions.js';

/** Not a scrypt hash, so no password verifies until the invitation sets one. */
const NO_PASSWORD = '!invited';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
  since: string;
}

export interface InviteUser {
  actor: Actor;
  organizationId: string;
  email: string;
  role: Role;
  name?: string | undefined;
}

/** Members of an organization; inviting grants only roles at or below the inviter's own there. */
export function createOrgUsersService(deps: {
  dataSource: DataSource;
  config: Config;
  orgs: OrgsService;
  auth: AuthService;
  mailer: Mailer;
}) {
  const { dataSource, orgs } = deps;

  return {
    async list(input: { actor: Actor; organizationId: string }): Promise<MemberView[]> {
      const org = await orgs.loadVisible(dataSource.manager, input.actor, input.organizationId);
      authorize(input.actor, 'users.read', org);
      const rows: {
        userId: string;
        email: string;
        name: string;
        role: Role;
        verified: Date | null;
        since: Date;
      }[] = await dataSource.query(
        `SELECT u.id AS "userId", u.email, u.name, m.role, u."emailVerifiedAt" AS verified, m."createdAt" AS since
             FROM membership m JOIN "user" u ON u.id = m."userId"
            WHERE m."organizationId" = $1 ORDER BY u.email`,
        [org.id],
      );
      return rows.map((r) => ({
        userId: r.userId,
        email: r.email,
        name: r.name,
        role: r.role,
        emailVerified: r.verified !== null,
        since: new Date(r.since).toISOString(),
      }));
    },

    /**
     * Adds a member. An unknown email gets an account without a usable password and an
     * invitation mail whose link sets one (`POST /auth/verify-email` with `password`).
     */
    async invite(input: InviteUser) {
      const org = await orgs.loadVisible(dataSource.manager, input.actor, input.organizationId);
      authorize(input.actor, 'users.invite', org);
      const own = roleAt(input.actor, org);
      if (!own || roleRank[input.role] > roleRank[own]) {
        throw new ForbiddenError(`You may grant roles up to ${own ?? 'none'} here`, 'role_too_high', {
          role: input.role,
          yours: own,
        });
      }
      // superadmin exists on the platform only, and the platform holds no other role.
      if ((input.role === 'superadmin') !== (org.kind === 'platform')) {
        throw new InvalidInputError(
          input.role === 'superadmin'
            ? 'superadmin is a platform role'
            : 'The platform organization has superadmins only',
          [{ path: 'role', message: 'not allowed in this organization' }],
          'role_not_allowed_here',
        );
      }
      const email = input.email.toLowerCase();
      let mailToken: string | null = null;
      const result = await dataSource
        .transaction(async (tx) => {
          let user = await tx.findOneBy(User, { email });
          const invited = !user;
          if (!user) {
            user = tx.create(User, {
              email,
              name: input.name ?? nameFromEmail(email),
              passwordHash: NO_PASSWORD,
              emailVerifiedAt: null,
              capabilities: [],
            });
            await tx.save(user);
            mailToken = await deps.auth.createEmailToken(tx, { userId: user.id, purpose: 'invitation' });
          }
          if (await tx.exists(Membership, { where: { userId: user.id, organizationId: org.id } })) {
            throw new ConflictError('already_member', `${email} is a member already`, { email });
          }
          await tx.insert(Membership, { userId: user.id, organizationId: org.id, role: input.role });
          return { userId: user.id, invited };
        })
        .catch((error) => {
          throw mapUniqueViolation(error, { email });
        });
      if (mailToken) {
        await deps.mailer.send({
          kind: 'invitation',
          to: email,
          subject: `You are invited to ${org.name} on Luster`,
          text: [
            `${input.actor.name} invited you to ${org.name} as ${input.role}.`,
            '',
            `Accept and choose a password: ${deps.config.publicUrl}/accept-invitation?token=${mailToken}`,
            '',
            `Token: ${mailToken}`,
          ].join('\n'),
        });
      }
      return { userId: result.userId, email, role: input.role, invited: result.invited };
    },
  };
}

export type OrgUsersService = ReturnType<typeof createOrgUsersService>;
