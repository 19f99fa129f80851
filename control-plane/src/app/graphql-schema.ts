import { createAccountGraphql } from '../auth/account.graphql.js';
import { createAuthGraphql } from '../auth/auth.graphql.js';
import { createChangesGraphql } from '../changes/changes.graphql.js';
import { createClustersGraphql } from '../clusters/clusters.graphql.js';
import { createCreditsGraphql } from '../credits/credits.graphql.js';
import { createPurchasesGraphql } from '../credits/purchases.graphql.js';
import { createUsageGraphql } from '../credits/usage.graphql.js';
import { createDomainsGraphql } from '../domains/domains.graphql.js';
import type { GraphqlModule } from '../graphql/module.js';
import { rootGraphql } from '../graphql/root.js';
import { createHealthGraphql } from '../health/health.graphql.js';
import { createMediaGraphql } from '../media/media.graphql.js';
import { createMovesGraphql } from '../moves/moves.graphql.js';
import { createMembersGraphql } from '../orgs/members.graphql.js';
import { createOrgsGraphql } from '../orgs/orgs.graphql.js';
import { createPartnerGroupsGraphql } from '../partner-groups/partner-groups.graphql.js';
import { createRegistrationGraphql } from '../registration/registration.graphql.js';
import { createSyncGraphql } from '../sync/sync.graphql.js';
import type { Services } from './services.js';

/** Every feature's GraphQL module, each made from only the services it uses; new features add theirs here. */
export function graphqlModules(services: Services): GraphqlModule[] {
  const { authenticate } = services.auth;
  return [
    rootGraphql,
    createHealthGraphql({ health: services.health }),
    createAuthGraphql({ authenticate, auth: services.auth }),
    createAccountGraphql({ authenticate, account: services.account }),
    createRegistrationGraphql({ authenticate, registration: services.registration }),
    createOrgsGraphql({
      authenticate,
      orgs: services.orgs,
      orgUsers: services.orgUsers,
      tenants: services.tenants,
      lifecycle: services.lifecycle,
      syncStatus: services.syncStatus,
    }),
    createMembersGraphql({ authenticate, members: services.members, invitations: services.invitations }),
    createPartnerGroupsGraphql({ authenticate, partnerGroups: services.partnerGroups }),
    createClustersGraphql({ authenticate, clusters: services.clusters }),
    createSyncGraphql({ authenticate, syncStatus: services.syncStatus }),
    createChangesGraphql({ authenticate, changeReview: services.changeReview }),
    createMediaGraphql({ authenticate, media: services.media }),
    createDomainsGraphql({ authenticate, domains: services.domains }),
    createMovesGraphql({ authenticate, moves: services.moves }),
    createCreditsGraphql({ authenticate, credits: services.credits }),
    createUsageGraphql({ authenticate, usage: services.usage }),
    createPurchasesGraphql({ authenticate, packs: services.packs, purchases: services.purchases }),
  ];
}
