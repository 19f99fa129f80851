import type { DataSource, EntityManager } from 'typeorm';
import { User } from '../users/users.entities.js';
import { discardInitialPasswordIf } from './initial-password.js';
import { hashPassword, type PasswordCost, verifyPassword } from './password.js';

export interface SetPasswordInput {
  userId: string;
  password: string;
  /** argon2id cost of the new hash (config PASSWORD_ARGON2_*). */
  cost: PasswordCost;
  /** Where the first admin's generated password may be kept (config dataDir). */
  dataDir: string;
  /** The refresh family of the session making the change; every other one is revoked. @default none kept */
  keepFamilyId?: string;
  /**
   * Runs in the transaction under the user's row lock before the new hash is written (checking
   * the current password, spending a reset token); throwing refuses the whole change. @default none
   */
  check?: (user: User, tx: EntityManager) => Promise<void>;
}

/**
 * Every way a password changes (signed-in change, reset link, `luster admin reset-password`)
 * goes through here, so each one ends the sessions it should end: a new password means whoever
 * held the old one may be signed in elsewhere. Failed-sign-in locks of the account go too — its
 * owner just proved who they are. The row is locked so two changes cannot interleave.
 */
export async function setPassword(dataSource: DataSource, input: SetPasswordInput): Promise<User> {
  let previousHash = '';
  const user = await dataSource.transaction(async (tx) => {
    const row = await tx
      .createQueryBuilder(User, 'u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id: input.userId })
      .getOneOrFail();
    await input.check?.(row, tx);
    previousHash = row.passwordHash;
    row.passwordHash = await hashPassword(input.password, input.cost);
    await tx.update(User, { id: row.id }, { passwordHash: row.passwordHash });
    await tx.query(
      `UPDATE refresh_token SET "revokedAt" = now()
        WHERE "userId" = $1 AND "revokedAt" IS NULL AND "familyId" IS DISTINCT FROM $2`,
      [row.id, input.keepFamilyId ?? null],
    );
    await tx.query('DELETE FROM login_throttle WHERE email = $1', [row.email]);
    return row;
  });
  // After the commit: a change that rolled back must leave the kept password where it was.
  await discardInitialPasswordIf(input.dataDir, (kept) => verifyPassword(kept, previousHash));
  return user;
}
