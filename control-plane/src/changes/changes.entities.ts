import {
  type ChangeKind,
  type ChangeState,
  changeKinds,
  changeStates,
  type TenantState,
} from '@luster/contract';
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
import { type Branding, Tenant, type TenantPatch } from '../tenants/tenants.entities.js';
import { User } from '../users/users.entities.js';

// What a change sets is the tenant's (its row); the writer's modules read it from here with the change.
export type { TenantPatch };
// The kinds and states are a closed list the admin shares.
export { type ChangeKind, type ChangeState, changeKinds, changeStates };

/** One approval of a reviewed change (bulk deletions need two, by different superadmins). */
export interface Approval {
  userId: string;
  at: string;
  /** What the approver said, when they said something. */
  reason?: string;
}

/** The tenant's intent right after a change was committed: what a revert to it restores. */
export interface TenantSnapshot {
  displayName: string;
  tier: 'starter' | 'pro' | 'enterprise';
  themeName: string;
  themeVersion: string;
  plugins: string[];
  /** Absent in snapshots recorded before branding was part of them: a revert keeps the branding. */
  branding?: Branding;
  state: TenantState;
}

/** A pull request opened for a reviewed change on the git host. */
export interface PullRequestRef {
  number: number;
  url: string;
}

/**
 * Where the writer commits a queued change next: `main`, or its review branch (`review`).
 * Purges go through two commits on main (see purge.ts): `release` hands the data objects to Flux,
 * `finalize` removes the folder once Flux applied the release.
 */
export type ChangeTarget = 'main' | 'review';
export type PurgeStage = 'release' | 'released' | 'finalize' | 'done';

/**
 * One requested change to one tenant: the intent, recorded in the same transaction that changes
 * the tenant row (outbox), then rendered and committed by the single writer.
 */
@Entity('change_request')
@Index('change_request_queue', ['state', 'seq'])
@Index('change_request_unpushed', ['unpushedBy'], { where: '"unpushedBy" IS NOT NULL' })
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

  /** What the writer does with this change when it is queued. */
  @Column({ type: 'text', default: 'main' })
  target!: ChangeTarget;

  /** Every tenant the change covers: `[tenantId]`, or several for a bulk deletion. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  tenantIds!: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  approvals!: Approval[];

  @Column({ type: 'uuid', nullable: true })
  rejectedById!: string | null;

  /** Why it was rejected (required when rejecting). */
  @Column({ type: 'text', nullable: true })
  rejectionReason!: string | null;

  /** Who merged it on the git host, e.g. `octocat (GitHub)`, when the review happened there. */
  @Column({ type: 'text', nullable: true })
  externalApprover!: string | null;

  /** The commit on the review branch (`branch`), what reviewers look at. */
  @Column({ type: 'text', nullable: true })
  branchSha!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  pullRequest!: PullRequestRef | null;

  /** The tenant's intent once this change was committed (revert restores it). */
  @Column({ type: 'jsonb', nullable: true })
  tenantSnapshot!: TenantSnapshot | null;

  /**
   * A direct change's patched fields as they were before it took them: what the row goes back to
   * when its commit fails, so the database never holds state git does not.
   */
  @Column({ type: 'jsonb', nullable: true })
  tenantBefore!: TenantPatch | null;

  /** For a revert: the change whose snapshot it restores. */
  @Column({ type: 'uuid', nullable: true })
  revertOf!: string | null;

  @Column({ type: 'text', nullable: true })
  purgeStage!: PurgeStage | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  committedAt!: Date | null;

  /**
   * With a git remote: the presence key of the replica whose local repository alone holds this
   * change's commit on main — set when it records the commit, cleared once a push carried it. A
   * replica gone before its push leaves it set, and a live one writes the change again (takeover.ts).
   */
  @Column({ type: 'integer', nullable: true })
  unpushedBy!: number | null;
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

/**
 * Hand edits found in a tenant's folder by the reconcile pass: files on `main` that differ from
 * what synth renders from the DB. Reported, never silently overwritten (a `reassert` change does).
 */
@Entity('tenant_drift')
export class TenantDrift {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenantId' })
  tenant?: Relation<Tenant>;

  /** The head of main the comparison was made at. */
  @Column({ type: 'text' })
  sha!: string;

  @Column({ type: 'jsonb' })
  files!: DriftedFile[];

  @Column({ type: 'timestamptz' })
  detectedAt!: Date;
}

export interface DriftedFile {
  /** Repo-relative path. */
  path: string;
  /** `modified`: content differs; `added`: in git, not rendered; `deleted`: rendered, not in git. */
  status: 'added' | 'modified' | 'deleted';
}
