import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, isUuid, roleAt, roleRank } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { authorizeLocked } from '../access/locked-gate.js';
import type { Role } from '../access/organization.entities.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import type { AuthService } from '../auth/auth.service.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import type { Config } from '../config.js';
import { ForbiddenError, NotFoundError } from '../errors/index.js';
import type { MailQueue } from '../mail/mail-queue.js';
import { invitationMail, NO_PASSWORD } from './invitation-mail.js';

export interface InvitationTarget {
  actor: Actor;
  organizationId: string;
  /** The invited person. */
  userId: string;
}

/**
 * The invitations an organization has sent and that are still open — a pending membership of an
 * existing account, or any membership of an account that never chose its password: mailed again,
 * or withdrawn. Whoever may invite may do both, for invitations up to their own role there.
 */
export function createSentInvitationsService(deps: {
  dataSource: DataSource;
  config: Config;
  auth: Pick<AuthService, 'createEmailToken'>;
  rateLimiter: RateLimiter;
  mail: Pick<MailQueue, 'enqueue' | 'kick'>;
}) {
  const { dataSource, config } = deps;

  /** The organization and the open invitation, its membership row locked. */
  async function prepare(tx: EntityManager, input: InvitationTarget) {
    const org = await loadVisibleOrganization(tx, input.actor, input.organizationId);
    authorize(input.actor, 'users.invite', org);
    await authorizeLocked(tx, input.actor, 'users.invite', org);
    const notFound = () =>
      new NotFoundError({ code: 'invitation_not_found', what: 'Invitation', id: input.userId });
    if (!isUuid(input.userId)) throw notFound();
    const [invitation]: { email: string; role: Role; noPassword: boolean; open: boolean }[] = await tx.query(
      `SELECT u.email, m.role, u."passwordHash" = $3 AS "noPassword",
              (m."acceptedAt" IS NULL OR u."passwordHash" = $3) AS open
         FROM membership m JOIN "user" u ON u.id = m."userId"
        WHERE m."organizationId" = $1 AND m."userId" = $2 FOR UPDATE OF m`,
      [org.id, input.userId, NO_PASSWORD],
    );
    // An active member has no invitation to resend or withdraw (removing them is users.manage).
    if (!invitation?.open) throw notFound();
    const own = roleAt(input.actor, org);
    if (!own || roleRank[invitation.role] > roleRank[own]) {
      throw new ForbiddenError({
        code: 'role_too_high',
        message: `You may manage invitations up to ${own ?? 'none'} here`,
        data: { role: invitation.role, yours: own },
      });
    }
    return { org, invitation };
  }

  return {
    /**
     * Mails the invitation again. An account without a password gets a new link and its earlier
     * links stop working (a resend is often asked for because the first mail went astray).
     * Limited per invited address, as it mails someone who did not ask for it.
     */
    async resend(input: InvitationTarget) {
      const sent = await dataSource.transaction(async (tx) => {
        const { org, invitation } = await prepare(tx, input);
        await deps.rateLimiter.hit(
          `invitation-resend:email:${invitation.email}`,
          config.RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS,
          config.RATE_LIMIT_WINDOW_SECONDS,
        );
        let token: string | null = null;
        if (invitation.noPassword) {
          await tx.query(
            `UPDATE email_token SET "usedAt" = now()
              WHERE "userId" = $1 AND purpose = 'invitation' AND "usedAt" IS NULL`,
            [input.userId],
          );
          token = await deps.auth.createEmailToken(tx, { userId: input.userId, purpose: 'invitation' });
        }
        await deps.mail.enqueue(
          tx,
          invitationMail({
            publicUrl: config.publicUrl,
            to: invitation.email,
            inviter: input.actor.name,
            organizationName: org.name,
            role: invitation.role,
            token,
          }),
        );
        return {
          userId: input.userId,
          email: invitation.email,
          role: invitation.role,
          invited: true as const,
        };
      });
      void deps.mail.kick();
      return sent;
    },

    /**
     * Withdraws the invitation: the membership goes, so accepting answers `invitation_not_found`.
     * An account that never chose a password exists only for its invitations; without any left it
     * goes too, and with it the mailed link (`invalid_email_token`).
     */
    async cancel(input: InvitationTarget): Promise<void> {
      await dataSource.transaction(async (tx) => {
        const { org, invitation } = await prepare(tx, input);
        await tx.query(`DELETE FROM membership WHERE "organizationId" = $1 AND "userId" = $2`, [
          org.id,
          input.userId,
        ]);
        if (invitation.noPassword) {
          await tx.query(
            `DELETE FROM "user" u WHERE u.id = $1 AND u."passwordHash" = $2
                AND NOT EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id)`,
            [input.userId, NO_PASSWORD],
          );
        }
      });
    },
  };
}

export type SentInvitationsService = ReturnType<typeof createSentInvitationsService>;
