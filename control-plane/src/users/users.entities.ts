import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const platformCapabilities = ['reviewer'] as const;
export type PlatformCapability = (typeof platformCapabilities)[number];

@Entity('user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  /** argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`); older rows `scrypt$N$r$p$salt$hash` until the next sign-in. */
  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /**
   * Platform-level capabilities that are not organization roles. `reviewer` may approve change
   * requests that need a second pair of eyes (e.g. a purge), never one they requested.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  capabilities!: PlatformCapability[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
