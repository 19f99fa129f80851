import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, isUuid, roleAt, roleRank } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { authorizeLocked } from '../access/locked-gate.js';
import type { OrganizationKind, Role } from '../access/organization.entities.js';
import { checkRolePlacement } from '../access/role-placement.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/index.js';

/** The role that administers each kind of organization: one of them must always remain. */
const adminRoleOf: Record<OrganizationKind, Role> = {
  platform: 'superadmin',
  partner_group: 'group_admin',
  agency: 'agency_admin',
  organization: 'client_admin',
};

export interface MemberTarget {
  actor: Actor;
  organizationId: string;
  userId: string;
}

/**
 * Changing a member's role and removing a member (a pending one too: that cancels the
 * invitation). Nobody acts on a member above their own role or grants one above it, and the
 * last administrator of an organization stays: without one nobody could manage its members.
 */
export function createMembersService(deps: { dataSource: DataSource }) {
  const { dataSource } = deps;

  /** Loads the organization and the member under lock, checking everything both actions share. */
  async function prepare(tx: EntityManager, input: MemberTarget) {
    const org = await loadVisibleOrganization(tx, input.actor, input.organizationId);
    authorize(input.actor, 'users.manage', org);
    await authorizeLocked(tx, input.actor, 'users.manage', org);
    const notFound = () => new NotFoundError({ code: 'member_not_found', what: 'Member', id: input.userId });
    if (!isUuid(input.userId)) throw notFound();
    // Every membership of the organization locked: two removals cannot both see "another admin".
    const rows: { userId: string; role: Role; accepted: boolean }[] = await tx.query(
      `SELECT "userId", role, "acceptedAt" IS NOT NULL AS accepted FROM membership
        WHERE "organizationId" = $1 ORDER BY id FOR UPDATE`,
      [org.id],
    );
    const member = rows.find((r) => r.userId === input.userId);
    if (!member) throw notFound();
    const own = roleAt(input.actor, org);
    if (!own || roleRank[member.role] > roleRank[own]) {
      throw new ForbiddenError({
        code: 'role_too_high',
        message: `You may manage members up to ${own ?? 'none'} here`,
        data: { role: member.role, yours: own },
      });
    }
    const adminRole = adminRoleOf[org.kind];
    const otherAdmins = rows.filter((r) => r.userId !== member.userId && r.role === adminRole && r.accepted);
    const lastAdmin = member.role === adminRole && member.accepted && otherAdmins.length === 0;
    const refuseLastAdmin = () =>
      new ConflictError({
        code: 'last_admin',
        message: `${org.name} must keep at least one ${adminRole}`,
        data: { role: adminRole },
      });
    return { org, own, member, lastAdmin, refuseLastAdmin };
  }

  return {
    async changeRole(input: MemberTarget & { role: Role }) {
      return dataSource.transaction(async (tx) => {
        const { org, own, member, lastAdmin, refuseLastAdmin } = await prepare(tx, input);
        if (roleRank[input.role] > roleRank[own as Role]) {
          throw new ForbiddenError({
            code: 'role_too_high',
            message: `You may grant roles up to ${own} here`,
            data: { role: input.role, yours: own },
          });
        }
        checkRolePlacement(input.role, org.kind);
        if (lastAdmin && input.role !== member.role) throw refuseLastAdmin();
        await tx.query(`UPDATE membership SET role = $3 WHERE "organizationId" = $1 AND "userId" = $2`, [
          org.id,
          member.userId,
          input.role,
        ]);
        return { userId: member.userId, organizationId: org.id, role: input.role };
      });
    },

    async remove(input: MemberTarget): Promise<void> {
      await dataSource.transaction(async (tx) => {
        const { org, member, lastAdmin, refuseLastAdmin } = await prepare(tx, input);
        if (lastAdmin) throw refuseLastAdmin();
        await tx.query(`DELETE FROM membership WHERE "organizationId" = $1 AND "userId" = $2`, [
          org.id,
          member.userId,
        ]);
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
