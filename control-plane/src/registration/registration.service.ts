import { tenantTransitions } from '@luster/contract';
import type { DataSource } from 'typeorm';
import { type Actor, isUuid } from '../access/access.js';
import { Membership, Organization } from '../access/organization.entities.js';
import { authorizePlatform } from '../access/permissions.js';
import { verificationMail } from '../auth/account-mails.js';
import type { AuthService } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import { PLATFORM_SLUG } from '../bootstrap/seed-admin.js';
import type { ProjectType } from '../catalog/catalog.entities.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { toChangeView } from '../changes/change-view.js';
import type { ChangeRequest } from '../changes/changes.entities.js';
import type { ChangesService } from '../changes/changes.service.js';
import type { Config } from '../config.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import type { MailQueue } from '../mail/mail-queue.js';
import { insertOrganizationWithTenant, mapUniqueViolation, nameFromEmail } from '../tenants/provisioning.js';
import { chooseSlug } from '../tenants/slug.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { User } from '../users/users.entities.js';
import {
  type AccountType,
  AgencyRequest,
  type AgencyRequestState,
  Registration,
} from './registration.entities.js';

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

  function provisionSummary(projectType: ProjectType, theme: { name: string; version: string }) {
    return `provision ${projectType} on ${theme.name} ${theme.version} (starter)`;
  }

  async function loadRequest(id: string) {
    if (!isUuid(id))
      throw new NotFoundError({ code: 'agency_request_not_found', what: 'Agency request', id });
    const request = await dataSource.manager.findOne(AgencyRequest, {
      where: { id },
      relations: { registration: { organization: true, user: true } },
    });
    if (!request?.registration?.organization || !request.registration.user) {
      throw new NotFoundError({ code: 'agency_request_not_found', what: 'Agency request', id });
    }
    return request as AgencyRequest & {
      registration: Registration & { organization: Organization; user: User };
    };
  }

  return {
    async register(input: Register) {
      const email = input.email.toLowerCase();
      const window = config.RATE_LIMIT_WINDOW_SECONDS;
      // Validation of the slug comes first: a bad request costs no rate-limit budget and no scrypt.
      const slug = chooseSlug(input);
      await deps.rateLimiter.hitAll(
        [
          { key: `register:ip:${input.ip}`, limit: config.RATE_LIMIT_REGISTRATION_PER_IP },
          { key: `register:account:${email}`, limit: config.RATE_LIMIT_REGISTRATION_PER_ACCOUNT },
        ],
        window,
      );
      const passwordHash = await hashPassword(input.password, config.PASSWORD_SCRYPT_LOG2_COST);
      const root = await platform();
      const isAgency = input.accountType === 'agency';
      let outcome: { organization: Organization; change: ChangeRequest | null };
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
          const { organization, tenant, theme } = await insertOrganizationWithTenant(tx, catalog, {
            parent: root,
            name: input.organizationName,
            slug,
            kind: isAgency ? 'agency' : 'organization',
            projectType: input.projectType,
            tier: 'starter',
            seedDemoData: input.seedDemoData ?? true,
            state: isAgency ? tenantTransitions.register_agency.to : tenantTransitions.create.to,
            cluster: config.LUSTER_CLUSTER,
          });
          await tx.insert(Membership, {
            userId: user.id,
            organizationId: organization.id,
            role: isAgency ? 'agency_admin' : 'client_admin',
          });
          const change = isAgency
            ? null
            : await changes.submit(
                {
                  tenantId: tenant.id,
                  kind: 'provision',
                  actor: { userId: user.id },
                  summary: provisionSummary(input.projectType, theme),
                  tenantPatch: {},
                },
                tx,
              );
          const registration = await tx.save(
            tx.create(Registration, {
              accountType: input.accountType,
              projectType: input.projectType,
              organizationId: organization.id,
              userId: user.id,
              seedDemoData: input.seedDemoData ?? true,
              changeRequestId: change?.id ?? null,
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
          return { organization, change };
        });
      } catch (error) {
        throw mapUniqueViolation(error, { slug, email });
      }
      void deps.mail.kick();
      const settled = outcome.change ? await changes.settle(outcome.change.id) : null;
      return {
        organization: {
          id: outcome.organization.id,
          slug: outcome.organization.slug,
          name: outcome.organization.name,
          state: isAgency ? tenantTransitions.register_agency.to : tenantTransitions.create.to,
        },
        change: settled ? toChangeView(settled) : null,
      };
    },

    async listAgencyRequests(input: { actor: Actor; state?: AgencyRequestState | undefined }) {
      authorizePlatform(input.actor, 'agency_requests.review');
      const rows = await dataSource.manager.find(AgencyRequest, {
        where: input.state ? { state: input.state } : {},
        relations: { registration: { organization: true, user: true } },
        order: { createdAt: 'ASC' },
        take: 500,
      });
      return rows.map((r) => ({
        id: r.id,
        state: r.state,
        survey: r.survey,
        reason: r.reason,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        organization: {
          id: r.registration?.organization?.id ?? null,
          slug: r.registration?.organization?.slug ?? null,
          name: r.registration?.organization?.name ?? null,
        },
        projectType: r.registration?.projectType ?? null,
        email: r.registration?.user?.email ?? null,
      }));
    },

    /** Approves an agency: its tenant is provisioned like an organization's, and it gets a welcome mail. */
    async approveAgencyRequest(input: { actor: Actor; id: string }) {
      authorizePlatform(input.actor, 'agency_requests.review');
      const request = await loadRequest(input.id);
      const { organization, user } = request.registration;
      const change = await dataSource.transaction(async (tx) => {
        const locked = await tx
          .createQueryBuilder(AgencyRequest, 'r')
          .setLock('pessimistic_write')
          .where('r.id = :id', { id: request.id })
          .getOneOrFail();
        if (locked.state !== 'pending_review') {
          throw new ConflictError({
            code: 'agency_request_decided',
            message: `The request was ${locked.state} already`,
            data: {
              state: locked.state,
            },
          });
        }
        const tenant = await tx.findOneByOrFail(Tenant, { organizationId: organization.id });
        await tx.update(
          AgencyRequest,
          { id: request.id },
          { state: 'approved', decidedById: input.actor.userId, decidedAt: new Date() },
        );
        await tx.update(Tenant, { id: tenant.id }, { state: tenantTransitions.approve.to });
        const queued = await changes.submit(
          {
            tenantId: tenant.id,
            kind: 'provision',
            actor: { userId: user.id },
            summary: provisionSummary(tenant.projectType, {
              name: tenant.themeName,
              version: tenant.themeVersion,
            }),
            tenantPatch: {},
          },
          tx,
        );
        await tx.update(Registration, { id: request.registrationId }, { changeRequestId: queued.id });
        return queued;
      });
      const settled = await changes.settle(change.id);
      await deps.mail.send({
        kind: 'welcome',
        to: user.email,
        subject: `Welcome to Luster, ${organization.name}`,
        text: [
          `Your agency ${organization.name} is approved and being set up.`,
          `Sign in at ${config.publicUrl} to add your first clients.`,
        ].join('\n'),
      });
      return {
        organization: { id: organization.id, slug: organization.slug, state: tenantTransitions.approve.to },
        change: toChangeView(settled),
      };
    },

    async rejectAgencyRequest(input: { actor: Actor; id: string; reason: string }) {
      authorizePlatform(input.actor, 'agency_requests.review');
      const request = await loadRequest(input.id);
      const { organization, user } = request.registration;
      await dataSource.transaction(async (tx) => {
        const locked = await tx
          .createQueryBuilder(AgencyRequest, 'r')
          .setLock('pessimistic_write')
          .where('r.id = :id', { id: request.id })
          .getOneOrFail();
        if (locked.state !== 'pending_review') {
          throw new ConflictError({
            code: 'agency_request_decided',
            message: `The request was ${locked.state} already`,
            data: {
              state: locked.state,
            },
          });
        }
        await tx.update(
          AgencyRequest,
          { id: request.id },
          { state: 'rejected', decidedById: input.actor.userId, decidedAt: new Date(), reason: input.reason },
        );
        await tx.update(Tenant, { organizationId: organization.id }, { state: tenantTransitions.reject.to });
      });
      await deps.mail.send({
        kind: 'agency_rejected',
        to: user.email,
        subject: `Your Luster agency request for ${organization.name}`,
        text: [
          `We are sorry: your agency request for ${organization.name} was not approved.`,
          '',
          `Reason: ${input.reason}`,
        ].join('\n'),
      });
      return { id: request.id, state: 'rejected' as const, reason: input.reason };
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
