import { Router } from 'express';
import type { Actor } from '../access/access.js';
import { emptyBody } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import {
  changePasswordBody,
  passwordResetBody,
  passwordResetConfirmBody,
  updateMeBody,
} from './account.schemas.js';
import type { AccountService } from './account.service.js';
import {
  locksSchema,
  loginBody,
  meSchema,
  refreshBody,
  tokensSchema,
  unlockQuery,
  verifyEmailBody,
} from './auth.schemas.js';
import type { AuthService } from './auth.service.js';

export interface AuthRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  auth: AuthService;
}

/** /auth/* and /me: sign-in, token rotation, sign-out, email verification, who am I. */
export function createAuthRouter({ registry, authenticate, auth }: AuthRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'auth';
  route(
    at,
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with email and password',
      tag,
      auth: false,
      body: loginBody,
      responses: { 200: { description: 'Signed in', schema: tokensSchema } },
    },
    async ({ body, req }) => ({ body: await auth.login({ ...body, ip: req.ip ?? 'unknown' }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/auth/refresh',
      summary: 'Rotate a refresh token (reuse of a rotated token revokes its whole family)',
      tag,
      auth: false,
      body: refreshBody,
      responses: { 200: { description: 'New token pair', schema: tokensSchema } },
    },
    async ({ body }) => ({ body: await auth.refresh(body) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/auth/logout',
      summary: "Revoke the refresh token's family",
      tag,
      auth: false,
      body: refreshBody,
      responses: { 204: { description: 'Signed out' } },
    },
    async ({ body }) => {
      await auth.logout(body);
      return { status: 204 };
    },
  );
  route(
    at,
    {
      method: 'post',
      path: '/auth/verify-email',
      summary: 'Confirm an email address (or accept an invitation with a password)',
      tag,
      auth: false,
      body: verifyEmailBody,
      responses: { 200: { description: 'Verified', schema: meSchema } },
    },
    async ({ body, req }) => ({
      body: await auth.verifyEmail({ ...body, ip: req.ip ?? 'unknown' }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/auth/locks',
      summary: 'Client address + account pairs locked by failed sign-ins (superadmins)',
      tag,
      auth: true,
      responses: { 200: { description: 'Locked pairs, newest first', schema: locksSchema } },
    },
    async ({ actor }) => ({ body: await auth.locks({ actor }) }),
  );
  route(
    at,
    {
      method: 'delete',
      path: '/auth/locks',
      summary: 'Lift the sign-in lock of one client address + account pair (superadmins)',
      tag,
      auth: true,
      query: unlockQuery,
      responses: { 204: { description: 'Unlocked (or was not locked); its back-off is forgotten too' } },
    },
    async ({ actor, query, req }) => {
      const { unlocked } = await auth.unlock({ actor, ...query });
      // Lifting a lock overrides the brute-force guard: who did it, for which pair, stays in the log.
      req.log.info(
        { audit: 'auth.unlock', by: actor.userId, ip: query.ip, email: query.email, unlocked },
        'sign-in lock lifted',
      );
      return { status: 204 };
    },
  );
  route(
    at,
    {
      method: 'get',
      path: '/me',
      summary: 'The signed-in user with memberships and roles',
      tag,
      auth: true,
      responses: { 200: { description: 'The user', schema: meSchema } },
    },
    async ({ actor }) => ({ body: await auth.me({ actor }) }),
  );
  return router;
}

export interface AccountRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  account: AccountService;
}

/** /auth/password-reset* and /me/*: a person's own account. */
export function createAccountRouter({ registry, authenticate, account }: AccountRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'auth';
  route(
    at,
    {
      method: 'post',
      path: '/auth/password-reset',
      summary: 'Mail a one-time password-reset link (the same answer whether the address has an account)',
      tag,
      auth: false,
      body: passwordResetBody,
      responses: { 202: { description: 'A link is on its way if the address has an account' } },
    },
    async ({ body, req }) => {
      await account.requestPasswordReset({ ...body, ip: req.ip ?? 'unknown' });
      return { status: 202 };
    },
  );
  route(
    at,
    {
      method: 'post',
      path: '/auth/password-reset/confirm',
      summary: 'Set a new password with the link from the reset mail (signs the account out everywhere)',
      tag,
      auth: false,
      body: passwordResetConfirmBody,
      responses: { 204: { description: 'Password changed; sign in with it' } },
    },
    async ({ body, req }) => {
      await account.confirmPasswordReset({ ...body, ip: req.ip ?? 'unknown' });
      return { status: 204 };
    },
  );
  route(
    at,
    {
      method: 'post',
      path: '/me/password',
      summary: 'Change your password (other sessions are signed out; this one gets new tokens)',
      tag,
      auth: true,
      body: changePasswordBody,
      responses: { 200: { description: 'Changed; the new token pair', schema: tokensSchema } },
    },
    async ({ body, actor }) => ({ body: await account.changePassword({ ...body, actor }) }),
  );
  route(
    at,
    {
      method: 'patch',
      path: '/me',
      summary: 'Change your display name',
      tag,
      auth: true,
      body: updateMeBody,
      responses: { 200: { description: 'The updated user', schema: meSchema } },
    },
    async ({ body, actor }) => ({ body: await account.updateMe({ ...body, actor }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/me/verification-email',
      summary: 'Send the email-verification link again',
      tag,
      auth: true,
      body: emptyBody,
      responses: { 202: { description: 'Sent' } },
    },
    async ({ actor }) => {
      await account.resendVerification({ actor });
      return { status: 202 };
    },
  );
  return router;
}
