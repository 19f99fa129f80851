import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const bucketStates = ['pending', 'ready', 'failed', 'deleted'] as const;
export type BucketState = (typeof bucketStates)[number];

/**
 * An organization's media bucket, and the outbox of what S3 still has to do for it: written in the
 * same transaction as the organization (create) or the approved purge (delete), carried out
 * afterwards by the bucket queue with retries — a registration never waits for S3, and a crash
 * between the commit and the S3 call leaves the row due, to be done on the next start.
 */
@Entity('media_bucket')
@Index('media_bucket_due', ['nextAttemptAt'], { where: `state IN ('pending', 'failed')` })
export class MediaBucket {
  @PrimaryColumn({ type: 'text' })
  bucket!: string;

  /** Null for the platform's own bucket (`system-media`). */
  @Column({ type: 'uuid', nullable: true, unique: true })
  organizationId!: string | null;

  /** What is wanted of S3: the bucket existing (with its CORS rules), or gone with every object. */
  @Column({ type: 'text', default: 'create' })
  action!: 'create' | 'delete';

  /** `pending` until S3 confirmed the action, `failed` after several failed attempts (still retried). */
  @Column({ type: 'text', default: 'pending' })
  state!: BucketState;

  /** Why the last attempt failed. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** While set and in the future, one replica is working on it. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** When S3 confirmed the bucket gone: what a purge's history shows, never before it is true. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** An object in an organization's bucket as the control plane recorded it (after HEAD, or by reconcile). */
@Entity('media_object')
export class MediaObject {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  /** `YYYY/MM/<sanitised name>` */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size!: number;

  @Column({ type: 'text' })
  contentType!: string;

  /** The uploader's user id; null for objects found by reconcile. */
  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Column({ type: 'timestamptz' })
  uploadedAt!: Date;
}

/**
 * The bytes an organization's recorded objects take, kept equal to `sum(media_object.size)` by
 * statement triggers on media_object (migration MediaUsage): presigning reads one row instead of
 * summing every object on the path of each upload.
 */
@Entity('media_usage')
export class MediaUsage {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @Column({
    type: 'bigint',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  bytes!: number;
}
