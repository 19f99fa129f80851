import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { TimestampColumn, UpdatedAtColumn } from '../entity-columns.js';
import { Tenant } from '../tenants/tenants.entities.js';
import type { ObjectHealth } from './object-health.js';

/**
 * The last health the cluster reported for one object of a tenant (object-health.ts: Certificates
 * only), from Flux's health-check messages or Argo CD's per-resource health. `reportedAt` is the
 * report's own time: an older report arriving late never overwrites a newer one.
 */
@Entity('tenant_object_health')
export class TenantObjectHealth {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenantId' })
  tenant?: Relation<Tenant>;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @PrimaryColumn({ type: 'text' })
  namespace!: string;

  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  source!: 'flux' | 'argocd';

  @Column({ type: 'text' })
  health!: ObjectHealth;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text', nullable: true })
  revision!: string | null;

  @TimestampColumn()
  reportedAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
