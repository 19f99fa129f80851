import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Tenant } from '../tenants/tenants.entities.js';
import { User } from '../users/users.entities.js';

export const changeKinds = ['provision', 'update', 'suspend', 'resume', 'deprovision', 'purge'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/**
 * `queued` → (writer) → `committed` for direct changes. `pending_review` → `approved` → `queued`
 * for changes that need a second person (today: purge). `merged` is for the review-branch flow
 * built on top of this module; `failed` keeps `error` for the operator.
 */
export const changeStates = [
  'queued',
  'pending_review',
  'approved',
  'rejected',
  'committed',
  'merged',
  'failed',
] as const;
export type ChangeState = (typeof changeStates)[number];

/** Fields of the tenant row (and its organization's display name) a change sets. */
export interface TenantPatch {
  displayName?: string;
  tier?: 'starter' | 'pro' | 'enterprise';
  themeName?: string;
  themeVersion?: string;
  plugins?: string[];
  state?: 'provisioning' | 'active' | 'suspended' | 'deprovisioned' | 'deleted';
}

/**
 * One requested change to one tenant: the intent, recorded in the same transaction that changes
 * the tenant row (outbox), then rendered and committed by the single writer.
 */
@Entity('change_request')
@Index('change_request_queue', ['state', 'seq'])
export class ChangeRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Queue order (the writer takes the oldest queued change first). */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  @Index()
  @Column({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenantId' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'text' })
  kind!: ChangeKind;

  @Column({ type: 'text' })
  state!: ChangeState;

  /** `direct` commits to main; `review` (the review-policy issue) goes through a branch. */
  @Column({ type: 'text', default: 'direct' })
  policy!: 'direct' | 'review';

  @Column({ type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requestedById' })
  requestedBy?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  approvedById!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** One line, the commit subject after `tenant(<slug>): `. */
  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  tenantPatch!: TenantPatch;

  /** `main` for direct changes; `changes/<id>-<slug>` for reviewed ones. */
  @Column({ type: 'text', default: 'main' })
  branch!: string;

  @Column({ type: 'text', nullable: true })
  baseSha!: string | null;

  @Column({ type: 'text', nullable: true })
  commitSha!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  committedAt!: Date | null;
}

/**
 * Which tenants each commit touched: history is a DB query, not a walk of `git log`.
 * Written by the writer in the same transaction that marks the change committed.
 */
@Entity('tenant_commit')
@Index('tenant_commit_tenant_time', ['tenantId', 'committedAt'])
export class TenantCommit {
  @PrimaryColumn({ type: 'text' })
  sha!: string;

  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenantId' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'uuid', nullable: true })
  changeRequestId!: string | null;

  @Column({ type: 'text' })
  parentSha!: string;

  @Column({ type: 'text' })
  branch!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'integer' })
  filesTouched!: number;

  @Column({ type: 'timestamptz' })
  committedAt!: Date;
}
