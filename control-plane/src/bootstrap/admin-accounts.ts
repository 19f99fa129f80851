import type { DataSource } from 'typeorm';
import { Membership, Organization } from '../access/organization.entities.js';
import { generatePassword, hashPassword, passwordCost } from '../auth/password.js';
import { setPassword } from '../auth/set-password.js';
import type { Config } from '../config.js';
import { User } from '../users/users.entities.js';
import { seedAdmin } from './seed-admin.js';

/** What `luster admin …` changed, for the command to print. */
export interface AccountOutcome {
  email: string;
  /** Set when the password was generated here: shown once, never stored in clear. */
  generatedPassword?: string;
  /** What happened, in a sentence. */
  summary: string;
}

export class AccountCommandError extends Error {}

type Deps = {
  dataSource: DataSource;
  config: Pick<Config, 'PASSWORD_ARGON2_MEMORY_KIB' | 'PASSWORD_ARGON2_TIME_COST' | 'dataDir'>;
};

const MIN_PASSWORD = 12;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) {
    throw new AccountCommandError(`The password must be at least ${MIN_PASSWORD} characters`);
  }
}

/**
 * The way back in when every superadmin password is lost: a new password for an existing
 * account (given, or generated), ending all of its sessions like any other password change.
 */
export async function resetPassword(
  deps: Deps,
  input: { email: string; password?: string | undefined },
): Promise<AccountOutcome> {
  const email = input.email.toLowerCase();
  if (input.password !== undefined) checkPassword(input.password);
  const user = await deps.dataSource.manager.findOneBy(User, { email });
  if (!user) throw new AccountCommandError(`No account has the email ${email}`);
  const password = input.password ?? generatePassword();
  await setPassword(deps.dataSource, {
    userId: user.id,
    password,
    cost: passwordCost(deps.config),
    dataDir: deps.config.dataDir,
  });
  return {
    email,
    ...(input.password === undefined ? { generatedPassword: password } : {}),
    summary: `New password set for ${email}; every session of the account was signed out`,
  };
}

/**
 * A superadmin more — a second approver for purges needs one — or the first one on an empty
 * database. An existing account becomes superadmin keeping its password; a new one gets the
 * given or a generated password and counts as verified (the operator vouches for the address).
 */
export async function createSuperadmin(
  deps: Deps,
  input: { email: string; password?: string | undefined },
): Promise<AccountOutcome> {
  const email = input.email.toLowerCase();
  if (input.password !== undefined) checkPassword(input.password);
  const seeded = await seedAdmin(deps.dataSource, {
    email,
    password: input.password,
    dataDir: deps.config.dataDir,
    cost: passwordCost(deps.config),
  });
  if (seeded.created) {
    return {
      email,
      ...(seeded.generatedPassword ? { generatedPassword: seeded.generatedPassword } : {}),
      summary: `Created the platform and its first superadmin ${email}`,
    };
  }
  return deps.dataSource.transaction(async (tx) => {
    const platform = await tx.findOneByOrFail(Organization, { kind: 'platform' });
    let user = await tx.findOneBy(User, { email });
    let generatedPassword: string | undefined;
    if (!user) {
      const password = input.password ?? generatePassword();
      if (input.password === undefined) generatedPassword = password;
      user = await tx.save(
        tx.create(User, {
          email,
          name: email.split('@')[0] as string,
          passwordHash: await hashPassword(password, passwordCost(deps.config)),
          emailVerifiedAt: new Date(),
        }),
      );
    } else if (input.password !== undefined) {
      throw new AccountCommandError(
        `${email} already has an account and keeps its password; use reset-password to change it`,
      );
    }
    const membership = await tx.findOneBy(Membership, { userId: user.id, organizationId: platform.id });
    if (membership?.role === 'superadmin' && membership.acceptedAt) {
      return { email, summary: `${email} is already a superadmin; nothing changed` };
    }
    await tx.upsert(
      Membership,
      { userId: user.id, organizationId: platform.id, role: 'superadmin', acceptedAt: new Date() },
      ['userId', 'organizationId'],
    );
    return {
      email,
      ...(generatedPassword ? { generatedPassword } : {}),
      summary:
        generatedPassword || input.password
          ? `Created the superadmin ${email}`
          : `${email} is now a superadmin (password unchanged)`,
    };
  });
}
