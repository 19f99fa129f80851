import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlContext, GraphqlModule } from '../graphql/module.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import type { ChangeReview } from './change-review.js';
import { approveBody, bulkBody, listQuery, reasonBody, rejectBody, revertBody } from './changes.schemas.js';

type Args = Record<string, unknown>;

/** Both change views answer the older ChangeRequest type (approve/reject mutations return the review view). */
const changeRequestFieldResolvers = {
  summary: (c: { summary?: string; title?: string }) => c.summary ?? c.title ?? '',
  requestedById: (c: { requestedById?: string; requestedBy?: { id: string } | null }) =>
    c.requestedById ?? c.requestedBy?.id ?? '',
  approvedById: (c: { approvedById?: string | null; approvedBy?: { id: string } | null }) =>
    c.approvedById ?? c.approvedBy?.id ?? null,
};

export interface ChangesGraphqlDeps {
  authenticate: Authenticate<Actor>;
  changeReview: ChangeReview;
}

/**
 * The GraphQL face of the built-in review: the same ChangeReview methods and zod schemas as the
 * REST routes under /change-requests, so answers and error codes are the same.
 */
export function createChangesGraphql(deps: ChangesGraphqlDeps): GraphqlModule {
  const { changeReview } = deps;
  const actorOf = actorFrom(deps.authenticate);
  async function decide(approve: boolean, args: Args, ctx: GraphqlContext) {
    return changeReview.decide({
      actor: await actorOf(ctx),
      ...parseArgs(idParams, { id: args.id }, 'args'),
      approve,
      ...parseArgs(approve ? approveBody : rejectBody, { reason: args.reason ?? undefined }, 'args'),
    });
  }
  return {
    typeDefs: /* GraphQL */ `
    type ChangeRequest {
      id: ID!
      kind: String!
      state: String!
      summary: String!
      commitSha: String
      requestedById: ID!
      approvedById: ID
      reason: String
      error: String
      createdAt: String!
      committedAt: String
    }
    type ChangeRequestPerson {
      id: ID!
      email: String!
      name: String!
    }
    type ChangeRequestFile {
      path: String!
      status: String!
      patch: String!
    }
    type ChangeRequestApproval {
      user: ChangeRequestPerson
      at: String!
      reason: String
    }
    type PullRequestRef {
      number: Int!
      url: String!
    }
    "A change request as reviewers see it; files (unified diffs) only on changeRequest(id)."
    type ReviewedChange {
      id: ID!
      kind: String!
      state: String!
      policy: String!
      title: String!
      organizationId: ID!
      requestedBy: ChangeRequestPerson
      approvedBy: ChangeRequestPerson
      approvals: [ChangeRequestApproval!]!
      rejectedBy: ChangeRequestPerson
      rejectionReason: String
      reason: String
      error: String
      branch: String
      commitSha: String
      pullRequest: PullRequestRef
      createdAt: String!
      committedAt: String
      files: [ChangeRequestFile!]
      "Where the review stands and who can move it on; only on changeRequest(id)."
      approval: ChangeApprovalOutlook
    }
    type ChangeApprovalOutlook {
      required: Int!
      remaining: Int!
      approvers: [ChangeRequestPerson!]!
    }
    type ReviewedChangePage {
      items: [ReviewedChange!]!
      total: Int!
      page: Int!
      pageSize: Int!
    }
    type TenantDrift {
      detectedAt: String!
      sha: String!
      files: [String!]!
    }
    extend type Query {
      changeRequests(state: String, kind: String, organizationId: ID, mine: Boolean, page: Int, pageSize: Int): ReviewedChangePage!
      changeRequest(id: ID!): ReviewedChange!
      organizationDrift(id: ID!): TenantDrift
    }
    extend type Mutation {
      approveChangeRequest(id: ID!, reason: String): ChangeRequest!
      rejectChangeRequest(id: ID!, reason: String): ChangeRequest!
      mergeChangeRequest(id: ID!): ReviewedChange!
      revertChange(organizationId: ID!, changeId: ID!, reason: String): ReviewedChange!
      reassertOrganization(id: ID!, reason: String): ReviewedChange!
      requestBulkDeletion(organizationIds: [ID!]!, reason: String!): ReviewedChange!
    }
  `,
    resolvers: {
      Query: {
        changeRequests: async (_p, args, ctx) =>
          changeReview.list({ actor: await actorOf(ctx), ...parseArgs(listQuery, args, 'args') }),
        changeRequest: async (_p, args, ctx) =>
          changeReview.get({ actor: await actorOf(ctx), ...parseArgs(idParams, args, 'args') }),
        organizationDrift: async (_p, args, ctx) => {
          const { drift } = await changeReview.drift({
            actor: await actorOf(ctx),
            organizationId: parseArgs(idParams, args, 'args').id,
          });
          return drift;
        },
      },
      ChangeRequest: changeRequestFieldResolvers as never,
      Mutation: {
        approveChangeRequest: (_p, args, ctx) => decide(true, args, ctx),
        rejectChangeRequest: (_p, args, ctx) => decide(false, args, ctx),
        mergeChangeRequest: async (_p, args, ctx) =>
          changeReview.merge({ actor: await actorOf(ctx), ...parseArgs(idParams, args, 'args') }),
        revertChange: async (_p, args: Args, ctx) =>
          changeReview.revert({
            actor: await actorOf(ctx),
            organizationId: parseArgs(idParams, { id: args.organizationId }, 'args').id,
            ...parseArgs(revertBody, { changeId: args.changeId, reason: args.reason }, 'args'),
          }),
        reassertOrganization: async (_p, args: Args, ctx) =>
          changeReview.reassert({
            actor: await actorOf(ctx),
            organizationId: parseArgs(idParams, { id: args.id }, 'args').id,
            ...parseArgs(reasonBody, { reason: args.reason }, 'args'),
          }),
        requestBulkDeletion: async (_p, args: Args, ctx) =>
          changeReview.bulkDelete({
            actor: await actorOf(ctx),
            ...parseArgs(bulkBody, args, 'args'),
          }),
      },
    },
  };
}
