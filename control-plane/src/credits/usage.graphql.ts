import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import { orgParams } from './credits.schemas.js';
import { featureParams, keyParams, priceBody, reportQuery } from './usage.schemas.js';
import type { UsageService } from './usage.service.js';

const orgArgs = z.object({ organizationId: orgParams.shape.id });

/**
 * Metered usage over GraphQL for people: API keys, prices and the usage report — the same service
 * and schemas as REST. Reporting usage itself stays REST (`POST /usage`): it takes an API key,
 * never a user's token.
 */
export function createUsageGraphql(deps: {
  authenticate: Authenticate<Actor>;
  usage: UsageService;
}): GraphqlModule {
  const { usage } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
    type CreditApiKey {
      id: ID!
      "The key's first characters, to tell keys apart"
      prefix: String!
      createdAt: String!
    }
    type NewCreditApiKey {
      id: ID!
      prefix: String!
      createdAt: String!
      "Shown this once; only its hash is kept"
      key: String!
    }
    type CreditPrice {
      feature: String!
      "Credits per unit"
      credits: Float!
    }
    type CreditUsageRow {
      "YYYY-MM-DD or YYYY-MM (UTC)"
      period: String!
      feature: String!
      quantity: Float!
      credits: Float!
    }
    extend type Query {
      "The organization's API keys, not revoked, newest first (never the keys themselves)."
      creditApiKeys(organizationId: ID!): [CreditApiKey!]!
      "What each metered feature costs per unit."
      creditPrices: [CreditPrice!]!
      "Usage by feature per day or month (default: this month, by day)."
      creditUsage(organizationId: ID!, from: String, to: String, granularity: String): [CreditUsageRow!]!
    }
    extend type Mutation {
      "Issues an API key for the organization's CMS; the key is in this answer only."
      createCreditApiKey(organizationId: ID!): NewCreditApiKey!
      "Revokes an API key (rotate: issue a new one, then revoke the old)."
      revokeCreditApiKey(organizationId: ID!, keyId: ID!): Boolean!
      "Sets a feature's price (superadmins)."
      setCreditPrice(feature: String!, credits: Float!): CreditPrice!
    }
  `,
    resolvers: {
      Query: {
        creditApiKeys: async (_p, args, ctx) =>
          (await usage.listKeys({ actor: await actorOf(ctx), ...parseArgs(orgArgs, args, 'args') })).items,
        creditPrices: async () => (await usage.prices()).items,
        creditUsage: async (_p, { organizationId, ...query }, ctx) =>
          (
            await usage.report({
              actor: await actorOf(ctx),
              ...parseArgs(orgArgs, { organizationId }, 'args'),
              ...parseArgs(reportQuery, query, 'args'),
            })
          ).items,
      },
      Mutation: {
        createCreditApiKey: async (_p, args, ctx) =>
          usage.createKey({ actor: await actorOf(ctx), ...parseArgs(orgArgs, args, 'args') }),
        revokeCreditApiKey: async (_p, { organizationId, keyId }, ctx) => {
          const args = parseArgs(keyParams, { id: organizationId, keyId }, 'args');
          await usage.revokeKey({ actor: await actorOf(ctx), organizationId: args.id, keyId: args.keyId });
          return true;
        },
        setCreditPrice: async (_p, { feature, credits }, ctx) =>
          usage.setPrice({
            actor: await actorOf(ctx),
            ...parseArgs(featureParams, { feature }, 'args'),
            ...parseArgs(priceBody, { credits }, 'args'),
          }),
      },
    },
  };
}
