import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organization } from '../access/organization.entities.js';
import type { ProjectType } from '../catalog/catalog.entities.js';
import { CreatedAtColumn, NullableTimestampColumn, UpdatedAtColumn } from '../entity-columns.js';
import { User } from '../users/users.entities.js';

export const accountTypes = ['organization', 'agency'] as const;
export type AccountType = (typeof accountTypes)[number];

/** A self-service sign-up: who registered what, from where. */
@Entity('registration')
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  accountType!: AccountType;

  @Column({ type: 'text' })
  projectType!: ProjectType;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization>;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'boolean' })
  seedDemoData!: boolean;

  /** The change request that provisioned it (organizations at once, agencies on approval). */
  @Column({ type: 'uuid', nullable: true })
  changeRequestId!: string | null;

  @Column({ type: 'text', nullable: true })
  clientIp!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

export const agencyRequestStates = ['pending_review', 'approved', 'rejected'] as const;
export type AgencyRequestState = (typeof agencyRequestStates)[number];

/** An agency's registration waiting for a superadmin. */
@Entity('agency_request')
export class AgencyRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => Registration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registrationId' })
  registration?: Relation<Registration>;

  @Index()
  @Column({ type: 'text' })
  state!: AgencyRequestState;

  /** Free-text answers, as given (`{ question: answer }`). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  survey!: Record<string, string>;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @NullableTimestampColumn()
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
