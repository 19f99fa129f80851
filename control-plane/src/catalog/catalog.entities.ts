import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What a tenant is built as; the catalog offers themes and plugins per project type. */
export const projectTypes = ['website', 'ecommerce'] as const;
export type ProjectType = (typeof projectTypes)[number];

/**
 * One version of a theme. Images come only from here and are pinned by digest, so what a tenant
 * runs is decided by the catalog (editable by superadmins), never by a tenant's own input.
 */
@Entity('theme_version')
export class ThemeVersion {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @PrimaryColumn({ type: 'text' })
  version!: string;

  @Column({ type: 'text' })
  displayName!: string;

  /** `registry/repo@sha256:…` */
  @Column({ type: 'text' })
  image!: string;

  /** Project types this theme suits (a tenant may only switch to a theme for its project type). */
  @Column({ type: 'text', array: true })
  projectTypes!: ProjectType[];

  /** Project types that get this theme at registration (its newest available version). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  defaultFor!: ProjectType[];

  /** Withdrawn versions stay for tenants that run them but cannot be chosen any more. */
  @Column({ type: 'boolean', default: true })
  available!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('plugin')
export class Plugin {
  /** Stable key, e.g. `seo-assistant`; what TenantSpec and the theme see. */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Project types that get this plugin by default at registration. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  defaultFor!: ProjectType[];

  @Column({ type: 'boolean', default: true })
  available!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * What a tier allows beyond what synth renders for it (synth's tier presets: replicas, quotas):
 * limits the control plane itself enforces. One row per tier name of the tenant rows.
 */
@Entity('tier')
export class TierLimits {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  /** Media an organization of this tier may keep in its bucket, in bytes (checked before presigning). */
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  mediaQuotaBytes!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
