import type { DataSource } from 'typeorm';
import { type Actor, isUuid, roleAt, roleRank } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { authorizeLocked } from '../access/locked-gate.js';
import { Membership, type Role } from '../access/organization.entities.js';
import { checkRolePlacement } from '../access/role-placement.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import type { AuthService } from '../auth/auth.service.js';
import type { Config } from '../config.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/index.js';
import type { Mailer } from '../mail/mailer.js';
import { mapUniqueViolation, nameFromEmail } from '../tenants/provisioning.js';
import { User } from '../users/users.entities.js';
import { invitationMail, NO_PASSWORD } from './invitation-mail.js';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
  /** Invited and not accepted yet: the membership grants nothing until then. */
  pending: boolean;
  /** `invited` until the person accepted (or, for a new account, chose a password). */
  status: 'active' | 'invited';
  since: string;
}

/** A pending membership as the invited user sees it. */
export interface InvitationView {
  organizationId: string;
  organizationName: string;
  role: Role;
  invitedAt: string;
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
  auth: AuthService;
  mailer: Mailer;
}) {
  const { dataSource } = deps;

  /** The actor's own pending invitation into an organization, or 404 (also for any other id). */
  async function pendingInvitation(input: { actor: Actor; organizationId: string }): Promise<InvitationView> {
    const [row]: { organizationId: string; organizationName: string; role: Role; invitedAt: Date }[] = isUuid(
      input.organizationId,
    )
      ? await dataSource.query(
          `SELECT m."organizationId", o.name AS "organizationName", m.role, m."createdAt" AS "invitedAt"
               FROM membership m JOIN organization o ON o.id = m."organizationId"
              WHERE m."userId" = $1 AND m."organizationId" = $2 AND m."acceptedAt" IS NULL`,
          [input.actor.userId, input.organizationId],
        )
      : [];
    if (!row)
      throw new NotFoundError({ code: 'invitation_not_found', what: 'Invitation', id: input.organizationId });
    return { ...row, invitedAt: new Date(row.invitedAt).toISOString() };
  }

  return {
    async list(input: { actor: Actor; organizationId: string }): Promise<MemberView[]> {
      const org = await loadVisibleOrganization(dataSource.manager, input.actor, input.organizationId);
      authorize(input.actor, 'users.read', org);
      const rows: {
        userId: string;
        email: string;
        name: string;
        role: Role;
        verified: Date | null;
        pending: boolean;
        invited: boolean;
        since: Date;
      }[] = await dataSource.query(
        `SELECT u.id AS "userId", u.email, u.name, m.role, u."emailVerifiedAt" AS verified,
                m."acceptedAt" IS NULL AS pending, m."createdAt" AS since,
                (m."acceptedAt" IS NULL OR u."passwordHash" = $2) AS invited
             FROM membership m JOIN "user" u ON u.id = m."userId"
            WHERE m."organizationId" = $1 ORDER BY u.email`,
        [org.id, NO_PASSWORD],
      );
      return rows.map((r) => ({
        userId: r.userId,
        email: r.email,
        name: r.name,
        role: r.role,
        emailVerified: r.verified !== null,
        pending: r.pending,
        status: r.invited ? 'invited' : 'active',
        since: new Date(r.since).toISOString(),
      }));
    },

    /**
     * Invites a member. An unknown email gets an account without a usable password and an
     * invitation mail whose link sets one (`POST /auth/verify-email` with `password`); an existing
     * account gets a pending membership it accepts or declines when signed in, and a mail saying
     * so. Both answer the same, so the answer does not tell whether the email has an account.
     */
    async invite(input: InviteUser) {
      const org = await loadVisibleOrganization(dataSource.manager, input.actor, input.organizationId);
      authorize(input.actor, 'users.invite', org);
      const own = roleAt(input.actor, org);
      if (!own || roleRank[input.role] > roleRank[own]) {
        throw new ForbiddenError({
          code: 'role_too_high',
          message: `You may grant roles up to ${own ?? 'none'} here`,
          data: {
            role: input.role,
            yours: own,
          },
        });
      }
      checkRolePlacement(input.role, org.kind);
      const email = input.email.toLowerCase();
      let mailToken: string | null = null;
      const result = await dataSource
        .transaction(async (tx) => {
          await authorizeLocked(tx, input.actor, 'users.invite', org);
          let user = await tx.findOneBy(User, { email });
          // An account still waiting for its first password cannot sign in to accept: like a new
          // one, it joins through a link that sets the password.
          const canSignIn = user !== null && user.passwordHash !== NO_PASSWORD;
          if (!user) {
            user = tx.create(User, {
              email,
              name: input.name ?? nameFromEmail(email),
              passwordHash: NO_PASSWORD,
              emailVerifiedAt: null,
              capabilities: [],
            });
            await tx.save(user);
          }
          if (await tx.exists(Membership, { where: { userId: user.id, organizationId: org.id } })) {
            throw new ConflictError({
              code: 'already_member',
              message: `${email} is a member already`,
              data: { email },
            });
          }
          if (!canSignIn)
            mailToken = await deps.auth.createEmailToken(tx, { userId: user.id, purpose: 'invitation' });
          // Setting the password through the invitation is the new account's acceptance.
          await tx.insert(Membership, {
            userId: user.id,
            organizationId: org.id,
            role: input.role,
            ...(canSignIn ? { acceptedAt: null } : {}),
          });
          return { userId: user.id };
        })
        .catch((error) => {
          throw mapUniqueViolation(error, { email });
        });
      await deps.mailer.send(
        invitationMail({
          publicUrl: deps.config.publicUrl,
          to: email,
          inviter: input.actor.name,
          organizationName: org.name,
          role: input.role,
          token: mailToken,
        }),
      );
      return { userId: result.userId, email, role: input.role, invited: true as const };
    },

    /** The signed-in user's pending invitations, newest first. */
    async invitations(input: { actor: Actor }): Promise<InvitationView[]> {
      const rows: { organizationId: string; organizationName: string; role: Role; invitedAt: Date }[] =
        await dataSource.query(
          `SELECT m."organizationId", o.name AS "organizationName", m.role, m."createdAt" AS "invitedAt"
             FROM membership m JOIN organization o ON o.id = m."organizationId"
            WHERE m."userId" = $1 AND m."acceptedAt" IS NULL ORDER BY m."createdAt" DESC, m.id`,
          [input.actor.userId],
        );
      return rows.map((r) => ({ ...r, invitedAt: new Date(r.invitedAt).toISOString() }));
    },

    /** Accepts a pending invitation: from now on the membership grants its role. */
    async accept(input: { actor: Actor; organizationId: string }): Promise<InvitationView> {
      const invitation = await pendingInvitation(input);
      await dataSource.query(
        `UPDATE membership SET "acceptedAt" = now()
          WHERE "userId" = $1 AND "organizationId" = $2 AND "acceptedAt" IS NULL`,
        [input.actor.userId, input.organizationId],
      );
      return invitation;
    },

    /** Declines a pending invitation: the membership is removed. */
    async decline(input: { actor: Actor; organizationId: string }): Promise<InvitationView> {
      const invitation = await pendingInvitation(input);
      await dataSource.query(
        `DELETE FROM membership WHERE "userId" = $1 AND "organizationId" = $2 AND "acceptedAt" IS NULL`,
        [input.actor.userId, input.organizationId],
      );
      return invitation;
    },
  };
}

export type OrgUsersService = ReturnType<typeof createOrgUsersService>;
