import type { DataSource } from 'typeorm';
import { Membership, Organization } from '../access/organization.entities.js';
import { initialPasswordFile, keepInitialPassword, readInitialPassword } from '../auth/initial-password.js';
import { generatePassword, hashPassword, type PasswordCost } from '../auth/password.js';
import { User } from '../users/users.entities.js';

export interface SeedAdminResult {
  /** False when the platform already existed: nothing was written. */
  created: boolean;
  email: string;
  /** Only set when the password was generated on this start (printed once). */
  generatedPassword?: string;
  /**
   * Set while the generated password is still kept in the data directory (0600): from the
   * seeding until the first admin changes it.
   */
  passwordFile?: string;
}

export const PLATFORM_SLUG = 'platform';

/**
 * First start only: the platform organization (root of the tree) and its first
 * superadmin. Runs in one transaction under an advisory lock, so two replicas
 * starting together cannot both seed, and a restart never seeds again.
 */
export async function seedAdmin(
  dataSource: DataSource,
  input: { email: string; password?: string | undefined; dataDir: string; cost: PasswordCost },
): Promise<SeedAdminResult> {
  return dataSource.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('luster:seed-admin'))`);
    const existing = await tx.findOne(Organization, { where: { kind: 'platform' } });
    if (existing) {
      const kept = (await readInitialPassword(input.dataDir)) !== null;
      return {
        created: false,
        email: input.email.toLowerCase(),
        ...(kept ? { passwordFile: initialPasswordFile(input.dataDir) } : {}),
      };
    }

    const platform = tx.create(Organization, {
      slug: PLATFORM_SLUG,
      name: 'Platform',
      kind: 'platform',
      path: '',
    });
    await tx.save(platform);
    platform.path = `/${platform.id}/`;
    await tx.save(platform);

    const password = input.password ?? generatePassword();
    const user = tx.create(User, {
      email: input.email.toLowerCase(),
      name: 'Platform admin',
      passwordHash: await hashPassword(password, input.cost),
      emailVerifiedAt: new Date(),
    });
    await tx.save(user);
    await tx.save(
      tx.create(Membership, { userId: user.id, organizationId: platform.id, role: 'superadmin' }),
    );
    if (input.password !== undefined) return { created: true, email: user.email };
    // Written before the commit: once the admin exists, its password is on disk whatever fails
    // next. A commit that fails leaves a file the next start's seeding overwrites.
    const passwordFile = await keepInitialPassword(input.dataDir, password);
    return { created: true, email: user.email, generatedPassword: password, passwordFile };
  });
}
