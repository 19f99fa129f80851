import type { Actor } from '../access/access.js';
import { actorFrom, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import type { Authenticate } from '../http/authenticate.js';
import {
  changePasswordBody,
  passwordResetBody,
  passwordResetConfirmBody,
  updateMeBody,
} from './account.schemas.js';
import type { AccountService } from './account.service.js';

export interface AccountGraphqlDeps {
  authenticate: Authenticate<Actor>;
  account: AccountService;
}

/** A person's own account over GraphQL: the same service and schemas as /auth/password-reset and /me. */
export function createAccountGraphql(deps: AccountGraphqlDeps): GraphqlModule {
  const { account } = deps;
  const actorOf = actorFrom(deps.authenticate);
  return {
    typeDefs: /* GraphQL */ `
    extend type Mutation {
      "Mails a reset link if the address has an account; always true."
      requestPasswordReset(email: String!): Boolean!
      "Sets a new password with the mailed link; every session of the account ends."
      confirmPasswordReset(token: String!, password: String!): Boolean!
      "Other sessions end; the answer carries this session's new tokens."
      changePassword(currentPassword: String!, newPassword: String!): Tokens!
      updateMe(name: String!): Me!
      resendVerificationEmail: Boolean!
    }
  `,
    resolvers: {
      Mutation: {
        requestPasswordReset: async (_p, args, ctx) => {
          const body = parseArgs(passwordResetBody, args, 'args');
          await account.requestPasswordReset({ ...body, ip: ctx.req.ip ?? 'unknown' });
          return true;
        },
        confirmPasswordReset: async (_p, args, ctx) => {
          const body = parseArgs(passwordResetConfirmBody, args, 'args');
          await account.confirmPasswordReset({ ...body, ip: ctx.req.ip ?? 'unknown' });
          return true;
        },
        changePassword: async (_p, args, ctx) =>
          account.changePassword({
            actor: await actorOf(ctx),
            ...parseArgs(changePasswordBody, args, 'args'),
          }),
        updateMe: async (_p, args, ctx) =>
          account.updateMe({
            actor: await actorOf(ctx),
            ...parseArgs(updateMeBody, args, 'args'),
          }),
        resendVerificationEmail: async (_p, _a, ctx) => {
          await account.resendVerification({ actor: await actorOf(ctx) });
          return true;
        },
      },
    },
  };
}
