import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlContext, GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import { addBody, hostParams, orgParams } from './domains.schemas.js';
import type { DomainsService } from './domains.service.js';

const orgArgs = z.object({ organizationId: orgParams.shape.id });
const hostArgs = z.object({ organizationId: hostParams.shape.id, hostname: hostParams.shape.hostname });

export interface DomainsGraphqlDeps {
  authenticate: Authenticate<Actor>;
  domains: DomainsService;
}

/** Custom domains over GraphQL: the same service and shapes as /organizations/{id}/domains. */
export function createDomainsGraphql(deps: DomainsGraphqlDeps): GraphqlModule {
  const { domains } = deps;
  const actorOf = actorFrom(deps.authenticate);
  const onHost = async (args: unknown, ctx: GraphqlContext) => ({
    actor: await actorOf(ctx),
    ...parseArgs(hostArgs, args, 'args'),
  });
  return {
    typeDefs: /* GraphQL */ `
    type DnsRecord {
      type: String!
      name: String!
      value: String!
    }
    type DomainOwnership {
      "pending, verified or failed"
      status: String!
      record: DnsRecord!
      detail: String!
    }
    type DomainTarget {
      "pending, points_here, points_elsewhere or no_record"
      status: String!
      record: DnsRecord!
      "For an apex domain: A/AAAA records at the ingress"
      alternatives: [DnsRecord!]!
      found: String
      detail: String!
    }
    type DomainCertificate {
      "pending, issued or failed"
      status: String!
      detail: String!
      "object_report (the cluster's report on this host's Certificate) or tenant_status (derived from the tenant's sync status)"
      source: String!
    }
    type CustomDomain {
      "Lowercase, punycode for an IDN"
      hostname: String!
      displayName: String!
      "pending, verified, serving, failed or flagged"
      status: String!
      primary: Boolean!
      inIngress: Boolean!
      ownership: DomainOwnership!
      target: DomainTarget!
      certificate: DomainCertificate!
      lastCheckedAt: String
      missingSince: String
    }
    extend type Query {
      "An organization's custom domains, oldest first."
      domains(organizationId: ID!): [CustomDomain!]!
      "One custom domain."
      domain(organizationId: ID!, hostname: String!): CustomDomain!
    }
    extend type Mutation {
      "Claims a hostname: pending until its TXT and CNAME records are found."
      addDomain(organizationId: ID!, hostname: String!): CustomDomain!
      "Checks the DNS records now."
      checkDomain(organizationId: ID!, hostname: String!): CustomDomain!
      "Makes a domain in the Ingress the canonical host."
      setPrimaryDomain(organizationId: ID!, hostname: String!): CustomDomain!
      "Removes a domain (out of the Ingress first)."
      removeDomain(organizationId: ID!, hostname: String!): Boolean!
    }
  `,
    resolvers: {
      Query: {
        domains: async (_p, { organizationId }, ctx) =>
          (
            await domains.list({
              actor: await actorOf(ctx),
              ...parseArgs(orgArgs, { organizationId }, 'args'),
            })
          ).items,
        domain: async (_p, args, ctx) => domains.get(await onHost(args, ctx)),
      },
      Mutation: {
        addDomain: async (_p, { organizationId, hostname }, ctx) =>
          domains.add({
            actor: await actorOf(ctx),
            ...parseArgs(orgArgs, { organizationId }, 'args'),
            ...parseArgs(addBody, { hostname }, 'args'),
          }),
        checkDomain: async (_p, args, ctx) => domains.check(await onHost(args, ctx)),
        setPrimaryDomain: async (_p, args, ctx) => domains.setPrimary(await onHost(args, ctx)),
        removeDomain: async (_p, args, ctx) => {
          await domains.remove(await onHost(args, ctx));
          return true;
        },
      },
    },
  };
}
