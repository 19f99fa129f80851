import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/users.entities.js';

export const organizationKinds = ['platform', 'partner_group', 'agency', 'organization'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/** Strongest first: a role may grant those at or after it (permissions.ts `grantableRoles`). */
export const roles = [
  'superadmin',
  'group_admin',
  'agency_admin',
  'client_admin',
  'editor',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

/** `"<column>" IN (…)`: the closed list kept by the database too, for rows written by any path. */
const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;

/**
 * A node of the tenant tree: the platform at the root, agencies below it — directly, or in a
 * partner group (an optional level between the platform and its agencies, which has no tenant) —
 * and client organizations below agencies (the schema does not cap the depth). `path` is the
 * materialised list of ancestor ids ending with this id (`/<root>/<group>/<agency>/<id>/`), so
 * "this organization and every descendant" is one indexed prefix match.
 */
@Entity('organization')
@Check('organization_kind', oneOf('kind', organizationKinds))
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parent?: Relation<Organization> | null;

  @Index('organization_path_prefix', { synchronize: false })
  @Column({ type: 'text' })
  path!: string;

  /**
   * The cluster new tenants at or below this organization go to when it has room (placement,
   * clusters/placement.ts; a client inherits its agency's). Set by a superadmin; null: the
   * least-loaded cluster. A name, not a foreign key: this layer knows no feature's tables — the
   * clusters service checks the name when it is set and clears it when that cluster is deleted.
   */
  @Column({ type: 'text', nullable: true })
  preferredCluster!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A user's role in one organization; the role reaches down the tree, never up. */
@Entity('membership')
@Unique('membership_user_org', ['userId', 'organizationId'])
@Check('membership_role', oneOf('role', roles))
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  role!: Role;

  /**
   * When the user accepted the membership; null while it is a pending invitation, which grants
   * nothing. An existing account invited into another organization starts pending (nobody is
   * added to an organization silently); everything else is accepted when it is created.
   */
  @Column({ type: 'timestamptz', nullable: true, default: () => 'now()' })
  acceptedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
