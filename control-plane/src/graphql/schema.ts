import { accountModule } from '../auth/account.graphql.js';
import { changesModule } from '../changes/changes.graphql.js';
import { mediaModule } from '../media/media.graphql.js';
import { membersModule } from '../orgs/members.graphql.js';
import { orgsModule } from '../orgs/orgs.graphql.js';
import { syncModule } from '../sync/sync.graphql.js';
import { healthModule } from './health.graphql.js';
import type { GraphqlModule } from './module.js';

/** Every feature's GraphQL module; new features add theirs here. */
export const graphqlModules: GraphqlModule[] = [
  healthModule,
  orgsModule,
  membersModule,
  accountModule,
  syncModule,
  changesModule,
  mediaModule,
];
