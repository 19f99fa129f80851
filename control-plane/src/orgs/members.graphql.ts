import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import type { MembersService } from './members.js';
import { changeRoleBody, memberParams } from './members.schemas.js';
import type { SentInvitationsService } from './sent-invitations.js';

export interface MembersGraphqlDeps {
  authenticate: Authenticate<Actor>;
  members: MembersService;
  invitations: SentInvitationsService;
}

/**
 * Members over GraphQL: the same services and schemas as PATCH/DELETE
 * /organizations/{id}/users/{userId} and /organizations/{id}/invitations/{userId}.
 */
export function createMembersGraphql(deps: MembersGraphqlDeps): GraphqlModule {
  const { members, invitations } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
    type RoleChange {
      userId: ID!
      organizationId: ID!
      role: String!
    }
    extend type Mutation {
      "Never above your own role, never the last admin of the organization away."
      changeMemberRole(organizationId: ID!, userId: ID!, role: String!): RoleChange!
      "Removes a member or cancels a pending invitation; never the last admin."
      removeMember(organizationId: ID!, userId: ID!): Boolean!
      "Mails an open invitation again (a new link for an account without a password); rate-limited."
      resendInvitation(organizationId: ID!, userId: ID!): Invitation!
      "Withdraws an open invitation: its link and its acceptance stop working."
      cancelInvitation(organizationId: ID!, userId: ID!): Boolean!
    }
  `,
    resolvers: {
      Mutation: {
        changeMemberRole: async (_p, args, ctx) => {
          const params = parseArgs(memberParams, { id: args.organizationId, userId: args.userId }, 'args');
          const body = parseArgs(changeRoleBody, { role: args.role }, 'args');
          return members.changeRole({
            actor: await actorOf(ctx),
            organizationId: params.id,
            userId: params.userId,
            ...body,
          });
        },
        removeMember: async (_p, args, ctx) => {
          const params = parseArgs(memberParams, { id: args.organizationId, userId: args.userId }, 'args');
          await members.remove({
            actor: await actorOf(ctx),
            organizationId: params.id,
            userId: params.userId,
          });
          return true;
        },
        resendInvitation: async (_p, args, ctx) => {
          const params = parseArgs(memberParams, { id: args.organizationId, userId: args.userId }, 'args');
          return invitations.resend({
            actor: await actorOf(ctx),
            organizationId: params.id,
            userId: params.userId,
          });
        },
        cancelInvitation: async (_p, args, ctx) => {
          const params = parseArgs(memberParams, { id: args.organizationId, userId: args.userId }, 'args');
          await invitations.cancel({
            actor: await actorOf(ctx),
            organizationId: params.id,
            userId: params.userId,
          });
          return true;
        },
      },
    },
  };
}
