import { randomUUID } from 'node:crypto';
import { slugify } from '@luster/contract';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { type Actor, isUuid, whereVisible } from '../access/access.js';
import { authorizePlatform } from '../access/authorize.js';
import { Membership, Organization } from '../access/organization.entities.js';
import { CreditApiKey, CreditBalance } from '../credits/credits.entities.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors/index.js';
import { mapUniqueViolation } from '../tenants/provisioning.js';
import { assertValidSlug } from '../tenants/slug.js';

export interface PartnerGroupAgency {
  id: string;
  slug: string;
  name: string;
}

export interface PartnerGroupView {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
  /** The agencies in the group, by slug. */
  agencies: PartnerGroupAgency[];
}

export interface AgencyMove {
  agency: PartnerGroupAgency;
  /** The group the agency is now in; null: directly under the platform. */
  partnerGroupId: string | null;
  /** The agency and every organization below it: all of them moved, their subtree as it was. */
  movedOrganizations: number;
}

export interface MoveAgency {
  actor: Actor;
  agencyId: string;
  groupId: string;
}

/**
 * Partner groups: an optional level between the platform and its agencies. A group is an
 * organization of kind `partner_group` directly under the platform, without a tenant; its group
 * admins (role `group_admin`, appointed by invitation) see and manage its agencies and everything
 * below them through the golden rule, since their role reaches down the materialised path like an
 * agency admin's. Only superadmins create groups and move agencies (`partner_groups.manage`).
 */
export function createPartnerGroupsService(deps: { dataSource: DataSource; clock: () => Date }) {
  const { dataSource, clock } = deps;

  async function platform(manager: EntityManager): Promise<{ id: string; path: string }> {
    return manager.findOneOrFail(Organization, {
      where: { kind: 'platform' },
      select: { id: true, path: true },
    });
  }

  /**
   * One partner group by id, or 404 `partner_group_not_found` (any other organization too), its
   * row locked: shared by a move into it, exclusively by its deletion — so a move in flight is
   * waited for by the deletion's emptiness check, and a move after a deletion finds no group.
   */
  async function groupOf(tx: EntityManager, id: string, mode: 'pessimistic_read' | 'pessimistic_write') {
    const group = isUuid(id)
      ? await tx.findOne(Organization, { where: { id, kind: 'partner_group' }, lock: { mode } })
      : null;
    if (!group) throw new NotFoundError({ code: 'partner_group_not_found', what: 'Partner group', id });
    return group;
  }

  /**
   * The agency, locked for the move: its tenant row FOR UPDATE first — the row a client's creation
   * below it holds FOR SHARE (the approval gate, access/locked-gate.ts), so a creation in flight
   * is waited for and every later one reads the new path — then its organization row.
   */
  async function lockAgency(tx: EntityManager, id: string): Promise<Organization> {
    const notFound = () => new NotFoundError({ code: 'organization_not_found', what: 'Organization', id });
    if (!isUuid(id)) throw notFound();
    await tx.query(`SELECT id FROM tenant WHERE "organizationId" = $1 FOR UPDATE`, [id]);
    const agency = await tx.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!agency) throw notFound();
    if (agency.kind !== 'agency') {
      throw new InvalidInputError({
        code: 'not_an_agency',
        message: `'${agency.slug}' is a${agency.kind === 'organization' ? 'n organization' : ` ${agency.kind}`}, not an agency: only agencies go into partner groups`,
        issues: [{ path: 'agencyId', message: 'not an agency' }],
      });
    }
    return agency;
  }

  /**
   * Re-hangs the agency under `parent`: one UPDATE rewrites the path prefix of the agency and of
   * every organization below it, so the subtree keeps its shape and its ids (memberships, tenants,
   * manifests and the git folders are keyed by id or slug, never by path).
   */
  async function rehang(tx: EntityManager, agency: Organization, parent: { id: string; path: string }) {
    const path = `${parent.path}${agency.id}/`;
    // An UPDATE answers [rows, row count].
    const [, moved]: [unknown, number] = await tx.query(
      `UPDATE organization
          SET path = $2 || substr(path, length($1) + 1),
              "parentId" = CASE WHEN id = $3 THEN $4::uuid ELSE "parentId" END
        WHERE path LIKE $5`,
      [agency.path, path, agency.id, parent.id, `${agency.path}%`],
    );
    return moved;
  }

  function moveOf(agency: Organization, groupId: string | null, movedOrganizations: number): AgencyMove {
    return {
      agency: { id: agency.id, slug: agency.slug, name: agency.name },
      partnerGroupId: groupId,
      movedOrganizations,
    };
  }

  /** The groups `actor` can see (or the one with `id`), each with its agencies. */
  async function views(manager: EntityManager, actor: Actor, id?: string): Promise<PartnerGroupView[]> {
    const qb = manager
      .createQueryBuilder(Organization, 'o')
      .select(['o.id AS id', 'o.slug AS slug', 'o.name AS name', 'o."createdAt" AS "createdAt"'])
      .addSelect(
        `(SELECT coalesce(json_agg(json_build_object('id', a.id, 'slug', a.slug, 'name', a.name) ORDER BY a.slug), '[]'::json)
              FROM organization a WHERE a."parentId" = o.id AND a.kind = 'agency')`,
        'agencies',
      )
      .where(`o.kind = 'partner_group'`);
    if (id) qb.andWhere('o.id = :id', { id });
    const rows = await whereVisible(qb, 'o', actor)
      .orderBy('o.slug', 'ASC')
      .getRawMany<Omit<PartnerGroupView, 'createdAt'> & { createdAt: Date }>();
    return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() }));
  }

  return {
    /** The groups the actor can see (the golden rule: every group for a superadmin, a group admin's own), each with its agencies. */
    list: (input: { actor: Actor }) => views(dataSource.manager, input.actor),

    async create(input: {
      actor: Actor;
      name: string;
      slug?: string | undefined;
    }): Promise<PartnerGroupView> {
      authorizePlatform(input.actor, 'partner_groups.manage');
      const slug = input.slug ?? slugify(input.name);
      assertValidSlug(slug, input.slug === undefined ? 'name' : 'slug');
      try {
        return await dataSource.transaction(async (tx) => {
          const root = await platform(tx);
          const id = randomUUID();
          const group = tx.create(Organization, {
            id,
            slug,
            name: input.name,
            kind: 'partner_group',
            parentId: root.id,
            path: `${root.path}${id}/`,
          });
          await tx.insert(Organization, group);
          return { id, slug, name: input.name, createdAt: group.createdAt.toISOString(), agencies: [] };
        });
      } catch (error) {
        throw mapUniqueViolation(error, { slug });
      }
    },

    /** Renames the group; its slug, an identifier, stays. */
    async rename(input: { actor: Actor; groupId: string; name: string }): Promise<PartnerGroupView> {
      authorizePlatform(input.actor, 'partner_groups.manage');
      return dataSource.transaction(async (tx) => {
        const group = await groupOf(tx, input.groupId, 'pessimistic_write');
        await tx.update(Organization, { id: group.id }, { name: input.name });
        const [view] = await views(tx, input.actor, group.id);
        return view as PartnerGroupView;
      });
    },

    /** Moves an agency, with everything below it, into the group (from the platform or another group). */
    async addAgency(input: MoveAgency): Promise<AgencyMove> {
      authorizePlatform(input.actor, 'partner_groups.manage');
      return dataSource.transaction(async (tx) => {
        const group = await groupOf(tx, input.groupId, 'pessimistic_read');
        const agency = await lockAgency(tx, input.agencyId);
        if (agency.parentId === group.id) return moveOf(agency, group.id, 0);
        return moveOf(agency, group.id, await rehang(tx, agency, group));
      });
    },

    /** Moves an agency of the group, with everything below it, back under the platform. */
    async removeAgency(input: MoveAgency): Promise<AgencyMove> {
      authorizePlatform(input.actor, 'partner_groups.manage');
      return dataSource.transaction(async (tx) => {
        const group = await groupOf(tx, input.groupId, 'pessimistic_read');
        const agency = await lockAgency(tx, input.agencyId);
        if (agency.parentId !== group.id) {
          throw new NotFoundError({
            code: 'organization_not_found',
            what: 'Agency of the group',
            id: agency.id,
          });
        }
        return moveOf(agency, null, await rehang(tx, agency, await platform(tx)));
      });
    },

    /**
     * Deletes an empty group: one that holds no agency (409 `partner_group_not_empty` naming them:
     * move them out first) and no credits (they would be lost: take them back first). Its group
     * admins' memberships and open invitations end with it, and its API keys are revoked.
     */
    async remove(input: { actor: Actor; groupId: string }): Promise<void> {
      authorizePlatform(input.actor, 'partner_groups.manage');
      await dataSource.transaction(async (tx) => {
        const group = await groupOf(tx, input.groupId, 'pessimistic_write');
        const agencies = await tx.find(Organization, {
          where: { parentId: group.id },
          select: { id: true, slug: true, name: true },
          order: { slug: 'ASC' },
        });
        const credits = (await tx.findOneBy(CreditBalance, { organizationId: group.id }))?.balance ?? 0;
        if (agencies.length > 0 || credits !== 0) {
          const holds = [
            ...(agencies.length > 0 ? [`the agencies ${agencies.map((a) => a.slug).join(', ')}`] : []),
            ...(credits !== 0 ? [`a balance of ${credits} credits`] : []),
          ];
          throw new ConflictError({
            code: 'partner_group_not_empty',
            message: `'${group.slug}' still holds ${holds.join(' and ')}: move the agencies out and take the credits back first`,
            data: { agencies: agencies.map(({ id, slug, name }) => ({ id, slug, name })), credits },
          });
        }
        await tx.delete(Membership, { organizationId: group.id });
        await tx.update(
          CreditApiKey,
          { organizationId: group.id, revokedAt: IsNull() },
          { revokedAt: clock() },
        );
        await tx.delete(Organization, { id: group.id });
      });
    },
  };
}

export type PartnerGroupsService = ReturnType<typeof createPartnerGroupsService>;
