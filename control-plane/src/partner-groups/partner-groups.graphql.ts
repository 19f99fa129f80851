import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import {
  createGroupBody,
  groupAgencyParams,
  groupParams,
  renameGroupBody,
} from './partner-groups.schemas.js';
import type { PartnerGroupsService } from './partner-groups.service.js';

export interface PartnerGroupsGraphqlDeps {
  authenticate: Authenticate<Actor>;
  partnerGroups: PartnerGroupsService;
}

/** Partner groups over GraphQL: the same service and schemas as /partner-groups. */
export function createPartnerGroupsGraphql(deps: PartnerGroupsGraphqlDeps): GraphqlModule {
  const { partnerGroups } = deps;
  const actorOf = actorFrom(deps.authenticate);
  const move = (args: Record<string, unknown>) => {
    const params = parseArgs(groupAgencyParams, { id: args.groupId, agencyId: args.agencyId }, 'args');
    return { groupId: params.id, agencyId: params.agencyId };
  };
  return {
    typeDefs: /* GraphQL */ `
    type PartnerGroupAgency {
      id: ID!
      slug: String!
      name: String!
    }
    type PartnerGroup {
      id: ID!
      slug: String!
      name: String!
      createdAt: String!
      agencies: [PartnerGroupAgency!]!
    }
    type AgencyMove {
      agency: PartnerGroupAgency!
      "The group the agency is now in; null: directly under the platform."
      partnerGroupId: ID
      movedOrganizations: Int!
    }
    extend type Query {
      "The visible partner groups with their agencies (superadmins: all; group admins: their own)."
      partnerGroups: [PartnerGroup!]!
    }
    extend type Mutation {
      "Superadmins: a partner group under the platform."
      createPartnerGroup(name: String!, slug: String): PartnerGroup!
      "Superadmins: renames the group; its slug stays."
      renamePartnerGroup(id: ID!, name: String!): PartnerGroup!
      "Superadmins: moves an agency, with everything below it, into the group."
      addAgencyToPartnerGroup(groupId: ID!, agencyId: ID!): AgencyMove!
      "Superadmins: moves an agency of the group, with everything below it, back under the platform."
      removeAgencyFromPartnerGroup(groupId: ID!, agencyId: ID!): AgencyMove!
      "Superadmins: deletes an empty partner group (no agencies, no credits); its group admins lose their membership. Always true."
      deletePartnerGroup(id: ID!): Boolean!
    }
  `,
    resolvers: {
      Query: {
        partnerGroups: async (_p, _args, ctx) => partnerGroups.list({ actor: await actorOf(ctx) }),
      },
      Mutation: {
        createPartnerGroup: async (_p, args, ctx) =>
          partnerGroups.create({ actor: await actorOf(ctx), ...parseArgs(createGroupBody, args, 'args') }),
        renamePartnerGroup: async (_p, args, ctx) => {
          const { id } = parseArgs(groupParams, { id: args.id }, 'args');
          const { name } = parseArgs(renameGroupBody, { name: args.name }, 'args');
          return partnerGroups.rename({ actor: await actorOf(ctx), groupId: id, name });
        },
        addAgencyToPartnerGroup: async (_p, args, ctx) =>
          partnerGroups.addAgency({ actor: await actorOf(ctx), ...move(args) }),
        removeAgencyFromPartnerGroup: async (_p, args, ctx) =>
          partnerGroups.removeAgency({ actor: await actorOf(ctx), ...move(args) }),
        deletePartnerGroup: async (_p, args, ctx) => {
          const { id } = parseArgs(groupParams, args, 'args');
          await partnerGroups.remove({ actor: await actorOf(ctx), groupId: id });
          return true;
        },
      },
    },
  };
}
