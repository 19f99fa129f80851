import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlContext, GraphqlModule } from '../graphql/module.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import type { ChangeReview } from './change-review.js';
import { approveBody, bulkBody, listQuery, reasonBody, rejectBody, revertBody } from './changes.schemas.js';

type Args = Record<string, unknown>;

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
    type ChangeRequestPerson {
      id: ID!
      email: String!
      name: String!
    }
    "One file a change (or its preview) touches, as a unified diff."
    type FileDiff {
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
    "A change request, wherever it is answered (the same view as REST); files only on changeRequest(id)."
    type ChangeRequest {
      id: ID!
      kind: String!
      state: String!
      policy: String!
      title: String!
      "The same as title, for older clients."
      summary: String!
      organizationId: ID!
      "Every organization of a bulk deletion."
      organizationIds: [ID!]!
      requestedById: ID!
      requestedBy: ChangeRequestPerson
      approvedById: ID
      approvedBy: ChangeRequestPerson
      approvals: [ChangeRequestApproval!]!
      "Who merged it on the git host, when reviewed there."
      externalApprover: String
      rejectedBy: ChangeRequestPerson
      rejectionReason: String
      reason: String
      error: String
      branch: String
      baseSha: String
      branchSha: String
      commitSha: String
      pullRequest: PullRequestRef
      "The change a revert returns the tenant to."
      revertOf: ID
      purgeStage: String
      createdAt: String!
      committedAt: String
      files: [FileDiff!]
      "Where the review stands and who can move it on; only on changeRequest(id)."
      approval: ChangeApprovalOutlook
    }
    type ChangeApprovalOutlook {
      required: Int!
      remaining: Int!
      "Named only to viewers who may approve changes themselves; empty for everyone else."
      approvers: [ChangeRequestPerson!]!
      approverCounts: ChangeApproverCounts!
    }
    "How many could give a missing approval now, by role (shown to every viewer)."
    type ChangeApproverCounts {
      superadmins: Int!
      "Reviewers who are not superadmins."
      reviewers: Int!
    }
    type ChangeRequestPage {
      items: [ChangeRequest!]!
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
      changeRequests(state: String, kind: String, organizationId: ID, mine: Boolean, page: Int, pageSize: Int): ChangeRequestPage!
      changeRequest(id: ID!): ChangeRequest!
      organizationDrift(id: ID!): TenantDrift
      "The diff revertChange would commit (the same checks), committing nothing."
      previewRevert(organizationId: ID!, changeId: ID!): ChangePreview!
    }
    extend type Mutation {
      approveChangeRequest(id: ID!, reason: String): ChangeRequest!
      rejectChangeRequest(id: ID!, reason: String): ChangeRequest!
      mergeChangeRequest(id: ID!): ChangeRequest!
      revertChange(organizationId: ID!, changeId: ID!, reason: String): ChangeRequest!
      reassertOrganization(id: ID!, reason: String): ChangeRequest!
      requestBulkDeletion(organizationIds: [ID!]!, reason: String!): ChangeRequest!
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
        previewRevert: async (_p, args, ctx) =>
          changeReview.previewRevert({
            actor: await actorOf(ctx),
            organizationId: parseArgs(idParams, { id: args.organizationId }, 'args').id,
            ...parseArgs(revertBody, { changeId: args.changeId }, 'args'),
          }),
      },
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
