import type { GraphqlModule } from './module.js';

/**
 * The two root types, empty: every feature adds its fields with `extend type Query/Mutation`, so
 * no feature owns the root and modules can be listed in any order.
 */
export const rootGraphql: GraphqlModule = {
  typeDefs: /* GraphQL */ `
    type Query
    type Mutation
  `,
  resolvers: {},
};
