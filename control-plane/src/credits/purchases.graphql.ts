import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import { orgParams } from './credits.schemas.js';
import type { PacksService } from './packs.service.js';
import { checkoutBody, packBody, packParams, purchaseParams, purchasesQuery } from './purchases.schemas.js';
import type { PurchasesService } from './purchases.service.js';

const orgArgs = z.object({ organizationId: orgParams.shape.id });

/** Buying credits over GraphQL: the same services and schemas as /credits/packs and …/credits/checkout. */
export function createPurchasesGraphql(deps: {
  authenticate: Authenticate<Actor>;
  packs: PacksService;
  purchases: PurchasesService;
}): GraphqlModule {
  const { packs, purchases } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
    type CreditPack {
      id: ID!
      credits: Float!
      "In the currency's minor unit (cents for usd)"
      amount: Float!
      "ISO 4217, lower case"
      currency: String!
      active: Boolean!
    }
    type CreditPacks {
      "Active packs; superadmins also see inactive ones"
      items: [CreditPack!]!
      "Whether Stripe is configured: without it buyCredits fails with payments_not_configured"
      paymentsConfigured: Boolean!
    }
    input CreditPackInput {
      credits: Float!
      amount: Float!
      currency: String!
      active: Boolean
    }
    type CreditCheckout {
      "Stripe's Checkout Session"
      sessionId: String!
      "Stripe's payment page: send the buyer there"
      url: String!
      purchaseId: ID!
    }
    type CreditPurchase {
      id: ID!
      organizationId: ID!
      packId: String!
      credits: Float!
      amount: Float!
      currency: String!
      "pending, paid (credited), expired (checkout abandoned), failed or refunded"
      state: String!
      reversedCredits: Float!
      "The ledger's purchase entry, once credited"
      entryId: ID
      "When the checkout was started"
      createdAt: String!
      "When its state last changed"
      updatedAt: String!
    }
    type CreditPurchasePage {
      "Newest first"
      items: [CreditPurchase!]!
      nextCursor: String
    }
    extend type Query {
      "The credit packs on offer, and whether payments are configured."
      creditPacks: CreditPacks!
      "A purchase of an organization and where it stands."
      creditPurchase(organizationId: ID!, purchaseId: ID!): CreditPurchase!
      "An organization's purchases, newest first."
      creditPurchases(organizationId: ID!, cursor: String, limit: Int): CreditPurchasePage!
    }
    extend type Mutation {
      "Creates or replaces a credit pack (superadmins)."
      setCreditPack(packId: ID!, input: CreditPackInput!): CreditPack!
      "Stores a purchase of a pack and opens its Stripe Checkout Session."
      buyCredits(organizationId: ID!, packId: ID!): CreditCheckout!
    }
  `,
    resolvers: {
      Query: {
        creditPacks: async (_p, _args, ctx) => packs.list({ actor: await actorOf(ctx) }),
        creditPurchase: async (_p, { organizationId, purchaseId }, ctx) => {
          const args = parseArgs(purchaseParams, { id: organizationId, purchaseId }, 'args');
          return purchases.get({
            actor: await actorOf(ctx),
            organizationId: args.id,
            purchaseId: args.purchaseId,
          });
        },
        creditPurchases: async (_p, { organizationId, cursor, limit }, ctx) =>
          purchases.list({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(purchasesQuery, { cursor: cursor ?? undefined, limit: limit ?? undefined }, 'args'),
          }),
      },
      Mutation: {
        setCreditPack: async (_p, { packId, input }, ctx) =>
          packs.set({
            actor: await actorOf(ctx),
            ...parseArgs(packParams, { packId }, 'args'),
            ...parseArgs(packBody, input),
          }),
        buyCredits: async (_p, { organizationId, packId }, ctx) =>
          purchases.checkout({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(checkoutBody, { packId }, 'args'),
          }),
      },
    },
  };
}
