import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

const bigint = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * A credit pack organizations can buy through Stripe Checkout: `credits` for `amount` in the
 * minor unit of `currency` (cents for usd). Superadmins edit them; an inactive pack is kept
 * (purchases name it) but no longer offered.
 */
@Entity('credit_pack')
@Check('credit_pack_positive', '"credits" > 0 AND "amount" > 0')
export class CreditPack {
  /** Chosen by the superadmin (`starter`), the `packId` of the API. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'bigint', transformer: bigint })
  credits!: number;

  @Column({ type: 'bigint', transformer: bigint })
  amount!: number;

  /** ISO 4217, lower case as Stripe writes it. */
  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * Where a purchase stands: `pending` (a Checkout Session is open, or paid by a method that
 * settles later), `paid` (credited), `expired` (the checkout was abandoned: Stripe expired the
 * session unpaid), `failed` (the delayed payment failed; undone if it had been credited),
 * `refunded` (all its credits reversed). A partial refund keeps `paid` and counts the reversed
 * credits.
 */
export const purchaseStates = ['pending', 'paid', 'expired', 'failed', 'refunded'] as const;
export type PurchaseState = (typeof purchaseStates)[number];

/**
 * One purchase of a pack, stored before the buyer is sent to Stripe: the organization is credited
 * from THIS row (its credits, its organization) when Stripe reports the session paid, never from
 * the event's fields. The pack's credits and price are copied, so editing the pack later changes
 * nothing already bought. Rows are locked by the webhook, so duplicate deliveries queue here.
 */
@Entity('credit_purchase')
@Check('credit_purchase_reversed', '"reversedCredits" >= 0 AND "reversedCredits" <= "credits"')
@Index('credit_purchase_organization', ['organizationId', 'createdAt'])
export class CreditPurchase {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  packId!: string;

  @Column({ type: 'bigint', transformer: bigint })
  credits!: number;

  @Column({ type: 'bigint', transformer: bigint })
  amount!: number;

  @Column({ type: 'text' })
  currency!: string;

  /** Who started the checkout. */
  @Column({ type: 'uuid', nullable: true })
  buyerUserId!: string | null;

  /** Stripe's Checkout Session (`cs_…`); set once Stripe created it, in the same request. */
  @Column({ type: 'text', nullable: true, unique: true })
  sessionId!: string | null;

  /** Stripe's PaymentIntent, known once the session completed: refunds (`charge.refunded`) name it. */
  @Index()
  @Column({ type: 'text', nullable: true })
  paymentIntentId!: string | null;

  @Column({ type: 'text', default: 'pending' })
  state!: PurchaseState;

  /** The ledger's `purchase` entry, once credited. */
  @Column({ type: 'bigint', nullable: true })
  entryId!: string | null;

  /** Credits taken back by refunds or a failed delayed payment (purchase_reversal entries). */
  @Column({ type: 'bigint', default: 0, transformer: bigint })
  reversedCredits!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
