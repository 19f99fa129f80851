import { actorOf, parseArgs } from '../graphql/actor.js';
import type { GraphqlModule } from '../graphql/module.js';
import {
  changePasswordBody,
  passwordResetBody,
  passwordResetConfirmBody,
  updateMeBody,
} from './account.schemas.js';

/** A person's own account over GraphQL: the same service and schemas as /auth/password-reset and /me. */
export const accountModule: GraphqlModule = {
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
        await ctx.services.account.requestPasswordReset({ ...body, ip: ctx.req.ip ?? 'unknown' });
        return true;
      },
      confirmPasswordReset: async (_p, args, ctx) => {
        const body = parseArgs(passwordResetConfirmBody, args, 'args');
        await ctx.services.account.confirmPasswordReset({ ...body, ip: ctx.req.ip ?? 'unknown' });
        return true;
      },
      changePassword: async (_p, args, ctx) =>
        ctx.services.account.changePassword({
          actor: await actorOf(ctx),
          ...parseArgs(changePasswordBody, args, 'args'),
        }),
      updateMe: async (_p, args, ctx) =>
        ctx.services.account.updateMe({
          actor: await actorOf(ctx),
          ...parseArgs(updateMeBody, args, 'args'),
        }),
      resendVerificationEmail: async (_p, _a, ctx) => {
        await ctx.services.account.resendVerification({ actor: await actorOf(ctx) });
        return true;
      },
    },
  },
};
