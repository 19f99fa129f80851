import { createAccountGraphql } from '../auth/account.graphql.js';
import { createChangesGraphql } from '../changes/changes.graphql.js';
import type { GraphqlModule } from '../graphql/module.js';
import { createHealthGraphql } from '../health/health.graphql.js';
import { createMediaGraphql } from '../media/media.graphql.js';
import { createMembersGraphql } from '../orgs/members.graphql.js';
import { createOrgsGraphql } from '../orgs/orgs.graphql.js';
import { createSyncGraphql } from '../sync/sync.graphql.js';
import type { Services } from './services.js';

/** Every feature's GraphQL module, each made from only the services it uses; new features add theirs here. */
export function graphqlModules(services: Services): GraphqlModule[] {
  const { authenticate } = services.auth;
  return [
    createHealthGraphql({ health: services.health }),
    createOrgsGraphql({
      authenticate,
      auth: services.auth,
      orgs: services.orgs,
      orgUsers: services.orgUsers,
      tenants: services.tenants,
      lifecycle: services.lifecycle,
      syncStatus: services.syncStatus,
      registration: services.registration,
      changeReview: services.changeReview,
    }),
    createMembersGraphql({ authenticate, members: services.members }),
    createAccountGraphql({ authenticate, account: services.account }),
    createSyncGraphql({ authenticate, syncStatus: services.syncStatus }),
    createChangesGraphql({ authenticate, changeReview: services.changeReview }),
    createMediaGraphql({ authenticate, media: services.media }),
  ];
}
