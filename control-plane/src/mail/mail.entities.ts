import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A mail to deliver (the transactional outbox): written in the same transaction as the state change
 * it announces, delivered afterwards by the mail queue with retries, so a registration never waits
 * for SMTP and a mail is never lost between a commit and a send.
 */
@Entity('mail_outbox')
@Index('mail_outbox_due', ['nextAttemptAt'], { where: '"sentAt" IS NULL AND "failedAt" IS NULL' })
export class MailMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What the mail is for (`verify_email`, `welcome`, …). */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  to!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  /** Delivery attempts started so far. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** While set and in the future, one replica is sending it. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Set when the queue gave up after its last attempt. */
  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
