import { tenantTransitions } from '@luster/contract';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, isUuid } from '../access/access.js';
import { authorizePlatform } from '../access/authorize.js';
import type { Organization } from '../access/organization.entities.js';
import type { ProjectType } from '../catalog/catalog.entities.js';
import { toView } from '../changes/change-view.js';
import type { ChangesService } from '../changes/changes.service.js';
import type { Config } from '../config.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import type { MailQueue } from '../mail/mail-queue.js';
import { releaseBucket } from '../media/bucket-requests.js';
import { Tenant } from '../tenants/tenants.entities.js';
import type { User } from '../users/users.entities.js';
import { AgencyRequest, type AgencyRequestState, Registration } from './registration.entities.js';

/** The summary of a tenant's first commit (registration, and an agency's approval). */
export function provisionSummary(projectType: ProjectType, theme: { name: string; version: string }) {
  return `provision ${projectType} on ${theme.name} ${theme.version} (starter)`;
}

/**
 * The platform's review of self-registered agencies: the queue, and approving (the agency's tenant
 * is provisioned like an organization's, with a welcome mail) or rejecting it (with the reason, mailed).
 */
export function createAgencyReview(deps: {
  dataSource: DataSource;
  config: Config;
  changes: ChangesService;
  mail: MailQueue;
}) {
  const { dataSource, config, changes } = deps;

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
        await lockUndecided(tx, request.id);
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
        change: await toView(dataSource, settled),
      };
    },

    async rejectAgencyRequest(input: { actor: Actor; id: string; reason: string }) {
      authorizePlatform(input.actor, 'agency_requests.review');
      const request = await loadRequest(input.id);
      const { organization, user } = request.registration;
      await dataSource.transaction(async (tx) => {
        await lockUndecided(tx, request.id);
        await tx.update(
          AgencyRequest,
          { id: request.id },
          { state: 'rejected', decidedById: input.actor.userId, decidedAt: new Date(), reason: input.reason },
        );
        await tx.update(Tenant, { organizationId: organization.id }, { state: tenantTransitions.reject.to });
        // Requested with the registration, the bucket would otherwise stay, empty, for an agency that never was.
        await releaseBucket(tx, organization.id);
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

/** Locks an agency request for its decision; one decided meanwhile is a conflict. */
async function lockUndecided(tx: EntityManager, id: string): Promise<void> {
  const locked = await tx
    .createQueryBuilder(AgencyRequest, 'r')
    .setLock('pessimistic_write')
    .where('r.id = :id', { id })
    .getOneOrFail();
  if (locked.state !== 'pending_review') {
    throw new ConflictError({
      code: 'agency_request_decided',
      message: `The request was ${locked.state} already`,
      data: { state: locked.state },
    });
  }
}
