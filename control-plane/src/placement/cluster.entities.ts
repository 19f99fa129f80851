import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A Kubernetes cluster tenants run on: data a superadmin manages (issue 17 item 4). Its name is the
 * folder of its entry point (`clusters/<name>/`) and of its tenants (`tenants/<name>/…`) in the GitOps
 * repository, so it is a DNS label and never changes; `tenant.cluster` references it.
 */
@Entity('cluster')
export class Cluster {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  /** Free text for people (e.g. `eu-west-1`); placement does not read it. */
  @Column({ type: 'text', default: '' })
  region!: string;

  /** The most tenants placement puts here; a cluster at or over it gets no new tenant. */
  @Column({ type: 'integer' })
  capacity!: number;

  /** Free key → value labels (provider, tier of hardware …), shown and filtered on, never interpreted. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  labels!: Record<string, string>;

  /**
   * Its tenants that take a slot (every one but a deleted or rejected tenant), kept by a trigger
   * on tenant (migration ClusterTenantCount), never written here: placement reads it under the
   * row's lock instead of counting the tenants on every registration.
   */
  @Column({ type: 'integer', default: 0, insert: false, update: false })
  tenants!: number;

  /** False: placement skips it (draining, maintenance); its tenants stay. */
  @Column({ type: 'boolean', default: true })
  acceptsTenants!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
