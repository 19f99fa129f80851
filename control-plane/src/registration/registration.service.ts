import { randomUUID } from 'node:crypto';
import { tenantTransitions } from '@luster/contract';
import type { DataSource } from 'typeorm';
import { Membership, Organization } from '../access/organization.entities.js';
import { verificationMail } from '../auth/account-mails.js';
import type { AuthService } from '../auth/auth.service.js';
import { hashPassword, passwordCost } from '../auth/password.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import { PLATFORM_SLUG } from '../bootstrap/seed-admin.js';
import type { ProjectType } from '../catalog/catalog.entities.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { viewFromRows } from '../changes/change-view.js';
import type { ChangeRequest } from '../changes/changes.entities.js';
import type { ChangesService } from '../changes/changes.service.js';
import type { Config } from '../config.js';
import { DomainError, UnavailableError } from '../errors/index.js';
import type { Logger } from '../logger.js';
import type { MailQueue } from '../mail/mail-queue.js';
import {
  insertOrganization,
  insertPlacedTenant,
  mapUniqueViolation,
  nameFromEmail,
} from '../tenants/provisioning.js';
import { chooseSlug } from '../tenants/slug.js';
import { User } from '../users/users.entities.js';
import { createAgencyReview, provisionSummary } from './agency-review.js';
import { type AccountType, AgencyRequest, Registration } from './registration.entities.js';

export interface Register {
  accountType: AccountType;
  projectType: ProjectType;
  organizationName: string;
  slug?: string | undefined;
  email: string;
  password: string;
  /** @default true */
  seedDemoData?: boolean | undefined;
  agencySurvey?: Record<string, string> | undefined;
  /** The client's address, for the per-IP rate limit. */
  ip: string;
}

export interface RegistrationDeps {
  dataSource: DataSource;
  config: Config;
  catalog: CatalogService;
  changes: ChangesService;
  auth: AuthService;
  rateLimiter: RateLimiter;
  mail: MailQueue;
  logger: Logger;
}

/**
 * Self-service sign-up (seeds: "Registration Flow"). An organization is provisioned at once: user
 * (email unverified), organization, tenant with the project type's theme and plugins, and a
 * `provision` change committed to main before the answer. An agency waits in `pending_review`
 * for a superadmin; nothing is rendered until it is approved.
 */
export function createRegistrationService(deps: RegistrationDeps) {
  const { dataSource, config, catalog, changes } = deps;

  // The platform organization is seeded once and never moves: its id and path are read once.
  let platformRow: Promise<{ id: string; path: string }> | null = null;
  function platform(): Promise<{ id: string; path: string }> {
    platformRow ??= dataSource.manager
      .findOneOrFail(Organization, { where: { slug: PLATFORM_SLUG }, select: { id: true, path: true } })
      .catch((error) => {
        platformRow = null;
        throw error;
      });
    return platformRow;
  }

  /**
   * The provisioning change as the answer shows it, once the registration's transaction has
   * committed: account, organization and change exist from here on, whatever happens next. Waiting
   * for the git commit can still fail (the pool stayed full, the writer's round broke off); an
   * error then would invite a retry that answers `email_taken` for a registration that went
   * through, so the answer is the change as recorded — `queued`, committed by the writer's next
   * round. Only the writer's verdict on the change itself (`change_failed`) is the request's error.
   */
  async function committedChange(done: { organization: Organization; user: User; change: ChangeRequest }) {
    // The view is built from the rows this request inserted, not read back (toView's three
    // queries): a provision change names only its requester and its own organization.
    const rows = {
      requestedBy: { id: done.user.id, email: done.user.email, name: done.user.name },
      organization: {
        id: done.organization.id,
        slug: done.organization.slug,
        name: done.organization.name,
      },
    };
    try {
      return viewFromRows(await changes.settle(done.change.id), rows);
    } catch (error) {
      if (error instanceof DomainError && !(error instanceof UnavailableError)) throw error;
      deps.logger.warn(
        { err: error, changeRequestId: done.change.id },
        'registration committed; its change is left queued for the writer',
      );
      changes.drain().catch((err) => deps.logger.error({ err }, 'writer round after a registration failed'));
      return viewFromRows(done.change, rows);
    }
  }

  return {
    async register(input: Register) {
      const email = input.email.toLowerCase();
      const window = config.RATE_LIMIT_WINDOW_SECONDS;
      // Validation of the slug comes first: a bad request costs no rate-limit budget and no hash.
      const slug = chooseSlug(input);
      await deps.rateLimiter.hitAll(
        [
          { key: `register:ip:${input.ip}`, limit: config.RATE_LIMIT_REGISTRATION_PER_IP },
          { key: `register:account:${email}`, limit: config.RATE_LIMIT_REGISTRATION_PER_ACCOUNT },
        ],
        window,
      );
      const passwordHash = await hashPassword(input.password, passwordCost(config));
      const root = await platform();
      const isAgency = input.accountType === 'agency';
      let outcome: { organization: Organization; user: User; change: ChangeRequest | null };
      try {
        outcome = await dataSource.transaction(async (tx) => {
          const user = tx.create(User, {
            email,
            name: nameFromEmail(email),
            passwordHash,
            emailVerifiedAt: null,
            capabilities: [],
          });
          await tx.save(user);
          const organization = await insertOrganization(tx, catalog, {
            parent: root,
            name: input.organizationName,
            slug,
            kind: isAgency ? 'agency' : 'organization',
            projectType: input.projectType,
            tier: 'starter',
            seedDemoData: input.seedDemoData ?? true,
            state: isAgency ? tenantTransitions.register_agency.to : tenantTransitions.create.to,
          });
          await tx.insert(Membership, {
            userId: user.id,
            organizationId: organization.row.id,
            role: isAgency ? 'agency_admin' : 'client_admin',
          });
          // The registration names its change before the change is recorded (no foreign key):
          // what needs no tenant is written before the placement locks the cluster (see below).
          const changeId = isAgency ? null : randomUUID();
          const registration = await tx.save(
            tx.create(Registration, {
              accountType: input.accountType,
              projectType: input.projectType,
              organizationId: organization.row.id,
              userId: user.id,
              seedDemoData: input.seedDemoData ?? true,
              changeRequestId: changeId,
              clientIp: input.ip,
            }),
          );
          if (isAgency) {
            await tx.insert(AgencyRequest, {
              registrationId: registration.id,
              state: 'pending_review',
              survey: input.agencySurvey ?? {},
              decidedById: null,
              decidedAt: null,
              reason: null,
            });
          }
          const token = await deps.auth.createEmailToken(tx, { userId: user.id, purpose: 'verify_email' });
          // Stored with the account, sent after the commit: no account without its mail, and the
          // answer never waits for SMTP.
          await deps.mail.enqueue(tx, verificationMail(config.publicUrl, email, token));
          // Last: from the placement to the commit, every other registration onto the same
          // cluster waits for this one, so only the tenant row and its change are written then.
          const tenant = await insertPlacedTenant(tx, organization);
          const change = changeId
            ? await changes.submit(
                {
                  id: changeId,
                  tenantId: tenant.id,
                  kind: 'provision',
                  actor: { userId: user.id },
                  summary: provisionSummary(input.projectType, organization.theme),
                  tenantPatch: {},
                },
                tx,
              )
            : null;
          return { organization: organization.row, user, change };
        });
      } catch (error) {
        throw mapUniqueViolation(error, { slug, email });
      }
      // The verification mail goes once the answer is ready: sent meanwhile, it would share the
      // event loop with this registration's own commit.
      let change: Awaited<ReturnType<typeof committedChange>> | null;
      try {
        change = outcome.change ? await committedChange({ ...outcome, change: outcome.change }) : null;
      } finally {
        void deps.mail.kick();
      }
      return {
        organization: {
          id: outcome.organization.id,
          slug: outcome.organization.slug,
          name: outcome.organization.name,
          state: isAgency ? tenantTransitions.register_agency.to : tenantTransitions.create.to,
        },
        change,
      };
    },

    ...createAgencyReview(deps),
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
