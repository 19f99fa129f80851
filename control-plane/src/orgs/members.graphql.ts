import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import type { MembersService } from './members.js';
import { changeRoleBody, memberParams } from './members.schemas.js';

export interface MembersGraphqlDeps {
  authenticate: Authenticate<Actor>;
  members: MembersService;
}

/** Members over GraphQL: the same service and schemas as PATCH/DELETE /organizations/{id}/users/{userId}. */
export function createMembersGraphql(deps: MembersGraphqlDeps): GraphqlModule {
  const { members } = deps;
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
      },
    },
  };
}
