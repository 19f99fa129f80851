import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import {
  CreatedAtColumn,
  NullableTimestampColumn,
  TimestampColumn,
  UpdatedAtColumn,
} from '../entity-columns.js';
import { Tenant } from '../tenants/tenants.entities.js';
import type { Outcome } from './flux-event.js';
import type { SyncState } from './sync-status.js';

/**
 * Every report received from Flux or Argo CD, kept for the tenant's timeline.
 * `digest` (sha256 of the raw body) makes a retried delivery a no-op.
 * Reports about objects that are no tenant's are kept too (`tenantId` null).
 */
@Entity('sync_event')
@Index('sync_event_tenant_time', ['tenantId', 'eventAt'])
export class SyncEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  digest!: string;

  @Column({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @ManyToOne(() => Tenant, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'tenantId' })
  tenant?: Relation<Tenant> | null;

  @Column({ type: 'text' })
  source!: 'flux' | 'argocd';

  @Column({ type: 'text' })
  objectKind!: string;

  @Column({ type: 'text' })
  objectNamespace!: string;

  @Column({ type: 'text' })
  objectName!: string;

  @Column({ type: 'text' })
  severity!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  outcome!: Outcome;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text', nullable: true })
  revision!: string | null;

  @Column({ type: 'text', nullable: true })
  sha!: string | null;

  @TimestampColumn()
  eventAt!: Date;

  @CreatedAtColumn()
  receivedAt!: Date;
}

/** The folded sync state of one tenant (see sync-status.ts); one row per tenant. */
@Entity('tenant_sync')
export class TenantSync implements SyncState {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @OneToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenantId' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'text' })
  phase!: SyncState['phase'];

  @Column({ type: 'text', nullable: true })
  lastChangeSha!: string | null;

  @NullableTimestampColumn()
  committedAt!: Date | null;

  @NullableTimestampColumn()
  firstProgressingAt!: Date | null;

  @NullableTimestampColumn()
  readyAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  appliedRevision!: string | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @NullableTimestampColumn()
  lastReportAt!: Date | null;

  /** Bumped on every write: concurrent reports compare-and-swap on it. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
