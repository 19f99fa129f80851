import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import { ledgerQuery, limitBody, movementBody, orgParams } from './credits.schemas.js';
import type { CreditsService } from './credits.service.js';

const orgArgs = z.object({ organizationId: orgParams.shape.id });
const pageArgs = ledgerQuery.omit({ format: true });

export interface CreditsGraphqlDeps {
  authenticate: Authenticate<Actor>;
  credits: CreditsService;
}

/** Credits over GraphQL: the same service and schemas as /organizations/{id}/credits. */
export function createCreditsGraphql(deps: CreditsGraphqlDeps): GraphqlModule {
  const { credits } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
    type CreditLimit {
      "Most credits usage may spend per calendar month (UTC); null: no cap"
      monthly: Float
      "How far below zero usage may take the balance"
      overdraft: Float!
    }
    type CreditSummary {
      organizationId: ID!
      balance: Float!
      limit: CreditLimit!
      spentThisMonth: Float!
      "Usage below this balance mails the organization's admins once per dip"
      lowBalanceThreshold: Float
    }
    type CreditCounterparty {
      "organization, issuance, stripe or usage"
      account: String!
      "Null for platform accounts and for organizations above yours"
      organizationId: ID
      name: String
    }
    type CreditEntry {
      id: ID!
      "issue, grant, takeback, purchase, purchase_reversal or usage"
      kind: String!
      reversal: Boolean!
      "in or out of this organization's balance"
      direction: String!
      amount: Float!
      counterparty: CreditCounterparty!
      reason: String
      feature: String
      quantity: Float
      reversesId: ID
      occurredAt: String
      createdAt: String!
    }
    type CreditLedgerPage {
      items: [CreditEntry!]!
      nextCursor: String
    }
    type CreditMovement {
      entry: CreditEntry!
      "The key was used before: the first movement, nothing moved now"
      replayed: Boolean!
      summary: CreditSummary!
    }
    input CreditMovementInput {
      amount: Float!
      idempotencyKey: String!
      reason: String
    }
    input CreditLimitInput {
      monthly: Float
      overdraft: Float
      lowBalanceThreshold: Float
    }
    extend type Query {
      "An organization's balance, limits and this month's spend."
      credits(organizationId: ID!): CreditSummary!
      "The entries that moved an organization's balance, newest first."
      creditLedger(organizationId: ID!, kind: String, from: String, to: String, cursor: String, limit: Int): CreditLedgerPage!
    }
    extend type Mutation {
      "Grants credits from your organization's balance (superadmin: issued) to one below it."
      grantCredits(organizationId: ID!, input: CreditMovementInput!): CreditMovement!
      "Takes back unspent credits your organization granted."
      takeBackCredits(organizationId: ID!, input: CreditMovementInput!): CreditMovement!
      "Sets a client's monthly spend limit and overdraft (both replaced)."
      setCreditLimit(organizationId: ID!, input: CreditLimitInput!): CreditSummary!
    }
  `,
    resolvers: {
      Query: {
        credits: async (_p, args, ctx) =>
          credits.summary({ actor: await actorOf(ctx), ...parseArgs(orgArgs, args, 'args') }),
        creditLedger: async (_p, { organizationId, ...filter }, ctx) =>
          credits.ledger({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(pageArgs, filter, 'args'),
          }),
      },
      Mutation: {
        grantCredits: async (_p, { organizationId, input }, ctx) =>
          credits.grant({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(movementBody, input),
          }),
        takeBackCredits: async (_p, { organizationId, input }, ctx) =>
          credits.takeBack({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(movementBody, input),
          }),
        setCreditLimit: async (_p, { organizationId, input }, ctx) =>
          credits.setLimit({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(limitBody, input),
          }),
      },
    },
  };
}
