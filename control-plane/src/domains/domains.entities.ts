import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organization } from '../access/organization.entities.js';
import { CreatedAtColumn, NullableTimestampColumn, TimestampColumn } from '../entity-columns.js';

/** Where a domain stands; `serving` is not stored: it is `verified` with the target and certificate good. */
export const domainStates = ['pending', 'verified', 'failed', 'flagged'] as const;
export type DomainState = (typeof domainStates)[number];

export const ownershipStates = ['pending', 'verified', 'failed'] as const;
export type OwnershipState = (typeof ownershipStates)[number];

/** `points_here`: CNAME to LUSTER_INGRESS_TARGET, or (apex) an A/AAAA in LUSTER_INGRESS_ADDRESSES. */
export const targetStates = ['pending', 'points_here', 'points_elsewhere', 'no_record'] as const;
export type TargetState = (typeof targetStates)[number];

/**
 * A custom domain an organization claimed, and the verifier's queue entry for it. Ownership is
 * proven by a TXT record holding `token`; only once ownership and the DNS target are proven does
 * the host reach the tenant's Ingress (the tenant row's `customDomains`, through a change
 * request), so whether it is in the Ingress, and whether it is primary, is read from the tenant.
 */
@Entity('custom_domain')
@Index('custom_domain_due', ['nextCheckAt'])
export class CustomDomain {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization>;

  /** Punycode (`xn--…`), lowercase, no trailing dot; unique across the platform. */
  @Column({ type: 'text', unique: true })
  hostname!: string;

  /** What the TXT record `_luster-challenge.<hostname>` must hold. */
  @Column({ type: 'text' })
  token!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: DomainState;

  @Column({ type: 'text', default: 'pending' })
  ownershipStatus!: OwnershipState;

  /** What the last TXT lookup returned, in words. */
  @Column({ type: 'text', default: 'Not checked yet' })
  ownershipDetail!: string;

  @Column({ type: 'text', default: 'pending' })
  targetStatus!: TargetState;

  /** What the CNAME (or A/AAAA) lookup found, when it found something. */
  @Column({ type: 'text', nullable: true })
  targetFound!: string | null;

  @Column({ type: 'text', default: 'Not checked yet' })
  targetDetail!: string;

  /**
   * The certificate's line once the host is in the Ingress: `issued` when the tenant's Flux
   * Kustomization (which health-checks every Certificate it applies) reported Ready after the host
   * was added; `failed` with cert-manager's reason when its health check named this Certificate.
   */
  @Column({ type: 'text', default: 'pending' })
  certificateStatus!: 'pending' | 'issued' | 'failed';

  @Column({ type: 'text', default: 'Requested once ownership and the DNS target are verified' })
  certificateDetail!: string;

  /** Who added it: the change requests that put it in (and take it out of) the Ingress are theirs. */
  @Column({ type: 'uuid', nullable: true })
  addedById!: string | null;

  @NullableTimestampColumn()
  lastCheckedAt!: Date | null;

  /** Checks in a row without success (pending) — the back-off's exponent. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When the verifier checks it next. */
  @TimestampColumn()
  nextCheckAt!: Date;

  /** While set and in the future, one replica is checking it (FOR UPDATE SKIP LOCKED claims it). */
  @NullableTimestampColumn()
  leaseUntil!: Date | null;

  /** Since when a verified domain's TXT record has been gone; null while it is there. */
  @NullableTimestampColumn()
  missingSince!: Date | null;

  /** When the organization's admins were told the TXT record is gone (once per disappearance). */
  @NullableTimestampColumn()
  flaggedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

/** One check of a domain, as the verifier saw it: the audit trail behind the status lines. */
@Entity('custom_domain_check')
@Index('custom_domain_check_domain_time', ['domainId', 'checkedAt'])
export class DomainCheck {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  domainId!: string;

  @ManyToOne(() => CustomDomain, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'domainId' })
  domain?: Relation<CustomDomain>;

  @TimestampColumn()
  checkedAt!: Date;

  /** `answered`: the resolver answered both questions; `could_not_ask`: it did not (state kept). */
  @Column({ type: 'text' })
  outcome!: 'answered' | 'could_not_ask';

  @Column({ type: 'text' })
  ownership!: OwnershipState;

  @Column({ type: 'text' })
  ownershipDetail!: string;

  @Column({ type: 'text' })
  target!: TargetState;

  @Column({ type: 'text' })
  targetDetail!: string;
}
