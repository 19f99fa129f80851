import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlContext, GraphqlModule } from '../graphql/module.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { moveBody, releaseBody, restoreBody } from './moves.schemas.js';
import type { MovesService } from './moves.service.js';

export interface MovesGraphqlDeps {
  authenticate: Authenticate<Actor>;
  moves: MovesService;
}

type Args = Record<string, unknown>;

/** Moves, restores and releases over GraphQL: the same service and schemas as the REST routes. */
export function createMovesGraphql(deps: MovesGraphqlDeps): GraphqlModule {
  const { moves } = deps;
  const actorOf = actorFrom(deps.authenticate);
  const input = async <S extends z.ZodType>(schema: S, args: Args, ctx: GraphqlContext) => {
    const { id, ...rest } = args;
    const base = { actor: await actorOf(ctx), ...parseArgs(idParams, { id }, 'args') };
    return Object.assign(base, parseArgs(schema, rest, 'args') as z.output<S>);
  };
  return {
    typeDefs: /* GraphQL */ `
    type DatabaseRecovery {
      cluster: String!
      database: String!
      "Absent for a move: the latest state"
      targetTime: String
    }
    type KeptDatabase {
      cluster: String!
      name: String!
      "kept, released or removed"
      stage: String!
    }
    type TenantDatabase {
      name: String!
      recoveredFrom: DatabaseRecovery
      kept: KeptDatabase
    }
    type RestoreWindow {
      from: String!
      to: String!
    }
    type TenantBackups {
      cluster: String!
      database: TenantDatabase!
      schedule: String!
      retentionDays: Int!
      "When the last scheduled run was due; Flux's reports cannot confirm it succeeded"
      lastDueAt: String
      lastReportedHealthyAt: String
      restoreWindow: RestoreWindow!
    }
    extend type Query {
      "The tenant's database, backup schedule, restore window and what is known of its backups."
      organizationBackups(id: ID!): TenantBackups!
    }
    extend type Mutation {
      "Requests a move to another cluster (reviewed); the copy left behind is kept until released."
      moveOrganization(id: ID!, cluster: String!, reason: String): OrganizationChange!
      previewOrganizationMove(id: ID!, cluster: String!): ChangePreview!
      "Requests a point-in-time restore of the database (reviewed); the current one is kept until released."
      restoreOrganization(id: ID!, targetTime: String!, reason: String): OrganizationChange!
      previewOrganizationRestore(id: ID!, targetTime: String!): ChangePreview!
      "Releases the database a move or a restore kept, once the tenant is Ready on the new one."
      releaseOrganizationDatabase(id: ID!, reason: String): OrganizationChange!
    }
  `,
    resolvers: {
      Query: {
        organizationBackups: async (_p, args: Args, ctx) =>
          moves.backups({ actor: await actorOf(ctx), ...parseArgs(idParams, { id: args.id }, 'args') }),
      },
      Mutation: {
        moveOrganization: async (_p, args: Args, ctx) => moves.move(await input(moveBody, args, ctx)),
        previewOrganizationMove: async (_p, args: Args, ctx) =>
          moves.previewMove(await input(moveBody, args, ctx)),
        restoreOrganization: async (_p, args: Args, ctx) =>
          moves.restore(await input(restoreBody, args, ctx)),
        previewOrganizationRestore: async (_p, args: Args, ctx) =>
          moves.previewRestore(await input(restoreBody, args, ctx)),
        releaseOrganizationDatabase: async (_p, args: Args, ctx) =>
          moves.release(await input(releaseBody, args, ctx)),
      },
    },
  };
}
