import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { fieldCosts } from '../graphql/field-costs.js';
import { formatError } from '../graphql/format-error.js';
import { introspectionPolicy } from '../graphql/introspection.js';
import { landingPage } from '../graphql/landing-page.js';
import type { GraphqlContext } from '../graphql/module.js';
import { noSubscriptions } from '../graphql/no-subscriptions.js';
import { queryLimitsRule } from '../graphql/query-limits.js';
import { limitedResolvers, limiter, resolverConcurrency } from '../graphql/resolver-concurrency.js';
import { graphqlModules } from './graphql-schema.js';
import type { Services } from './services.js';

/** Apollo Server 5 at /graphql; started before the app is mounted. */
export async function createGraphqlServer(services: Services, httpServer: Server) {
  const modules = graphqlModules(services);
  const costOf = fieldCosts(modules);
  const apollo = new ApolloServer<GraphqlContext>({
    typeDefs: modules.map((m) => m.typeDefs),
    resolvers: limitedResolvers(modules, costOf) as never,
    validationRules: [noSubscriptions, queryLimitsRule(costOf)],
    // Who may introspect is the introspectionPolicy plugin's decision (Apollo's own switch would
    // turn it off for everyone under NODE_ENV=production); callers who may not also get no
    // "did you mean" hints naming fields.
    introspection: true,
    hideSchemaDetailsFromClientErrors: services.config.graphqlIntrospection === 'signed-in',
    formatError: formatError(services.logger),
    includeStacktraceInErrorResponses: false,
    // The process's own handler drains HTTP, git writes and the database in order;
    // Apollo's would stop the server and re-raise the signal in the middle of it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      landingPage({
        publicUrl: services.config.publicUrl,
        introspection: services.config.graphqlIntrospection,
      }),
      introspectionPolicy(services.config.graphqlIntrospection, services.auth.authenticate),
    ],
  });
  await apollo.start();
  return {
    apollo,
    mount(app: Express) {
      app.use(
        '/graphql',
        express.json({ limit: services.config.REQUEST_BODY_LIMIT }),
        expressMiddleware(apollo, {
          context: async ({ req }) => ({ req, io: limiter(resolverConcurrency) }),
        }),
      );
    },
  };
}
