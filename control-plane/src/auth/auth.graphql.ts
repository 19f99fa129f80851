import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import { loginBody, refreshBody, verifyEmailBody } from './auth.schemas.js';
import type { AuthService } from './auth.service.js';

export interface AuthGraphqlDeps {
  authenticate: Authenticate<Actor>;
  auth: AuthService;
}

/** Signing in and out over GraphQL: the same service and schemas as /auth/login, /auth/refresh, /me. */
export function createAuthGraphql(deps: AuthGraphqlDeps): GraphqlModule {
  const { auth } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
    type Membership {
      organizationId: ID!
      organizationName: String!
      slug: String!
      kind: String!
      role: String!
    }
    type Me {
      id: ID!
      email: String!
      name: String!
      emailVerified: Boolean!
      roles: [String!]!
      capabilities: [String!]!
      "The platform-wide actions the person may take: all for a superadmin, changes.approve for a reviewer."
      platformActions: [String!]!
      memberships: [Membership!]!
    }
    type Tokens {
      accessToken: String!
      refreshToken: String!
      tokenType: String!
      expiresIn: Int!
      user: Me!
    }
    extend type Query {
      "The signed-in user."
      me: Me!
    }
    extend type Mutation {
      login(email: String!, password: String!): Tokens!
      refresh(refreshToken: String!): Tokens!
      logout(refreshToken: String!): Boolean!
      verifyEmail(token: String!, password: String): Me!
    }
  `,
    resolvers: {
      Query: {
        me: async (_p, _a, ctx) => auth.me({ actor: await actorOf(ctx) }),
      },
      Mutation: {
        login: (_p, args, ctx) =>
          auth.login({ ...parseArgs(loginBody, args, 'args'), ip: ctx.req.ip ?? 'unknown' }),
        refresh: (_p, args) => auth.refresh(parseArgs(refreshBody, args, 'args')),
        logout: async (_p, args) => {
          await auth.logout(parseArgs(refreshBody, args, 'args'));
          return true;
        },
        verifyEmail: (_p, args, ctx) =>
          auth.verifyEmail({ ...parseArgs(verifyEmailBody, args, 'args'), ip: ctx.req.ip ?? 'unknown' }),
      },
    },
  };
}
