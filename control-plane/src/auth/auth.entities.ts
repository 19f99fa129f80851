import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, NullableTimestampColumn, TimestampColumn } from '../entity-columns.js';
import { User } from '../users/users.entities.js';

/**
 * One refresh token. The client holds `<id>.<secret>`; we keep only sha256(secret). Every use
 * rotates it (`usedAt` set, a successor issued in the same family); presenting a used or revoked
 * token again means it leaked, so the whole family is revoked.
 */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  familyId!: string;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  tokenHash!: string;

  @TimestampColumn()
  expiresAt!: Date;

  @NullableTimestampColumn()
  usedAt!: Date | null;

  @NullableTimestampColumn()
  revokedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

export const emailTokenPurposes = ['verify_email', 'invitation', 'password_reset'] as const;
export type EmailTokenPurpose = (typeof emailTokenPurposes)[number];

/** A single-use token mailed to a user (verification, invitation, password reset); only its hash is stored. */
@Entity('email_token')
export class EmailToken {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  purpose!: EmailTokenPurpose;

  @Column({ type: 'text' })
  tokenHash!: string;

  @TimestampColumn()
  expiresAt!: Date;

  @NullableTimestampColumn()
  usedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

/**
 * Fixed-window counters for rate limits, in PostgreSQL so that every replica sees the same count.
 * `key` is e.g. `login:ip:203.0.113.9` or `login:account:jane@example.com`.
 */
@Entity('rate_limit')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @TimestampColumn()
  windowStart!: Date;

  @Column({ type: 'integer' })
  count!: number;
}

/**
 * Failed sign-ins of one account from one client address. Too many lock that pair — never the
 * account, so an attacker elsewhere cannot keep its owner out — for a window that doubles with
 * every lock in a row (`locks`). A successful sign-in from the pair deletes the row.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'text' })
  ip!: string;

  @PrimaryColumn({ type: 'text' })
  email!: string;

  /** Attempts counted in the window that started at `windowStart` (counted before checking). */
  @Column({ type: 'integer' })
  attempts!: number;

  @TimestampColumn()
  windowStart!: Date;

  @Index()
  @NullableTimestampColumn()
  lockedUntil!: Date | null;

  /** Locks in a row: the next lock lasts window × 2^locks. */
  @Column({ type: 'integer' })
  locks!: number;
}
