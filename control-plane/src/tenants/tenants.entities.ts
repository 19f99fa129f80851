import type { RenderedTenantState, TenantState } from '@luster/contract';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../access/organization.entities.js';
import type { ProjectType } from '../catalog/catalog.entities.js';
import { Cluster } from '../placement/cluster.entities.js';

export interface Branding {
  appName?: string;
  logoUrl?: string;
  primaryColor?: string;
  accentColor?: string;
  footerText?: string;
  supportEmail?: string;
}

/** Where a database was recovered from (synth's `database.recovery`). */
export interface DatabaseRecovery {
  /** The cluster whose archive holds the backups. */
  cluster: string;
  /** The database (CloudNativePG cluster name) whose backups are replayed. */
  database: string;
  /** The point in time of a restore (RFC 3339); absent for a move: the latest state. */
  targetTime?: string;
}

/**
 * The database a restore or a move replaced, kept until released (moves/): on the tenant's own
 * cluster after a restore (rendered next to the new one), on the cluster it left after a move
 * (that cluster's folder is left as it was). `released`: its prune guard is lifted; `removed`: it
 * is gone from git.
 */
export interface KeptDatabase {
  cluster: string;
  name: string;
  recovery?: DatabaseRecovery;
  stage: 'kept' | 'released' | 'removed';
}

/** The tenant's database as rendered: its name, how it was bootstrapped, the one it replaced. */
export interface TenantDatabase {
  name: string;
  recovery?: DatabaseRecovery;
  kept?: KeptDatabase;
}

/** Fields of the tenant row (and its organization's display name) a change sets. */
export interface TenantPatch {
  displayName?: string;
  tier?: Tier;
  themeName?: string;
  themeVersion?: string;
  plugins?: string[];
  branding?: Branding;
  state?: RenderedTenantState;
  /** Who imposed a suspension (set with `state: 'suspended'`, cleared when it is lifted). */
  suspendedByOrganizationId?: string | null;
  /** Verified custom domains (domains/ adds and removes them). */
  customDomains?: string[];
  primaryDomain?: string | null;
  /** A move (moves/) sets the cluster together with the database recovered there. */
  cluster?: string;
  database?: TenantDatabase;
}

export const tiers = ['starter', 'pro', 'enterprise'] as const;
export type Tier = (typeof tiers)[number];

/**
 * What should run for one organization: everything synth needs beyond the organization row.
 * The DB holds intent; rendering this row (with its organization and the theme catalog) must
 * reproduce the tenant's folder in git byte for byte.
 */
@Entity('tenant')
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', unique: true })
  organizationId!: string;

  @OneToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization>;

  /** Copy of the organization's slug: slugs never change once a tenant exists (it names its folder). */
  @Column({ type: 'text', unique: true })
  slug!: string;

  @Index()
  @Column({ type: 'text' })
  tier!: Tier;

  @Column({ type: 'text' })
  projectType!: ProjectType;

  @Column({ type: 'text' })
  themeName!: string;

  @Column({ type: 'text' })
  themeVersion!: string;

  /** Plugin keys from the catalog, sorted. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  plugins!: string[];

  @Column({ type: 'boolean', default: true })
  seedDemoData!: boolean;

  /** Lifecycle state; its transitions are the contract's table (`tenantTransitions`). */
  @Index()
  @Column({ type: 'text' })
  state!: TenantState;

  /**
   * The organization whose role imposed the current suspension — the platform, or an agency above
   * the tenant. Only that organization, or one above it, may lift the suspension (authorize.ts
   * `authorizeLift`). Null when the tenant is not suspended, and for suspensions recorded before
   * this was kept (anyone who may resume lifts those).
   */
  @Column({ type: 'uuid', nullable: true })
  suspendedByOrganizationId!: string | null;

  /** White-label branding handed to the theme (synth's `branding`: appName, logoUrl, colours, footer, support). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  branding!: Branding;

  /**
   * Custom domains in the tenant's Ingress and Certificates (punycode), in the order they were
   * verified: only domains whose ownership and DNS target were proven get here (domains/), so the
   * rendered intent never names a host the organization does not hold.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  customDomains!: string[];

  /** The canonical one of `customDomains` the others redirect to; null: each serves on its own. */
  @Column({ type: 'text', nullable: true })
  primaryDomain!: string | null;

  /** The cluster it runs on (`tenants/<cluster>/…` in the GitOps repo), chosen by placement. */
  @Index()
  @Column({ type: 'text' })
  cluster!: string;

  /** A cluster with tenants cannot be deleted (the clusters service says so first, with a 409). */
  @ManyToOne(() => Cluster, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster', referencedColumnName: 'name' })
  clusterRow?: Relation<Cluster>;

  /** The database synth renders, `{ name: 'db' }` until a restore or a move recovers a new one. */
  @Column({ type: 'jsonb', default: () => `'{"name":"db"}'` })
  database!: TenantDatabase;

  /** The last change request that was committed for this tenant. */
  @Column({ type: 'uuid', nullable: true })
  lastChangeId!: string | null;

  @Column({ type: 'text', nullable: true })
  lastCommitSha!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastCommittedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
