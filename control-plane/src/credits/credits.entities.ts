import {
  Check,
  Column,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * The accounts of the ledger. `organization` is one balance per organization (its row in
 * `credit_balance`); the others are the platform's side of every movement: `issuance` (where the
 * platform creates credits), `stripe` (the clearing account paid purchases come from) and `usage`
 * (where spent credits go). The platform accounts keep no balance row: every debit of every
 * organization would otherwise update the one `usage` row, and all usage in the platform would
 * queue behind it. Their balances are the sums of their entries (ledger.ts `verify`).
 */
export const creditAccounts = ['organization', 'issuance', 'stripe', 'usage'] as const;
export type CreditAccount = (typeof creditAccounts)[number];

/**
 * What a movement is. Reversals are new entries, never edits: a `takeback` returns unspent granted
 * credits to the granter, a `purchase_reversal` undoes a purchase whose payment failed or was
 * refunded (it names the purchase in `reversesId`).
 */
export const entryKinds = ['issue', 'grant', 'takeback', 'purchase', 'purchase_reversal', 'usage'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** The kinds that undo an earlier movement, shown as reversals. */
export const reversalKinds: ReadonlySet<EntryKind> = new Set<EntryKind>(['takeback', 'purchase_reversal']);

const bigint = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * One movement: `amount` credits from one account to another (double entry: every entry is both
 * a debit and a credit, so the sum of all accounts is always zero). Append-only: a trigger
 * (migration CreditLedger) refuses UPDATE, DELETE and TRUNCATE. `idempotencyKey` is unique, so
 * the same request twice makes one movement however the two race.
 */
@Entity('credit_entry')
@Check('credit_entry_amount_positive', '"amount" > 0')
@Check(
  'credit_entry_accounts',
  `("fromAccount" = 'organization') = ("fromOrganizationId" IS NOT NULL)
   AND ("toAccount" = 'organization') = ("toOrganizationId" IS NOT NULL)
   AND "fromOrganizationId" IS DISTINCT FROM "toOrganizationId"`,
)
@Index('credit_entry_from', ['fromOrganizationId', 'id'])
@Index('credit_entry_to', ['toOrganizationId', 'id'])
export class CreditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** Scoped by the caller (`grant:<organization>:<client key>`, `stripe:<session>`…). */
  @Column({ type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ type: 'text' })
  kind!: EntryKind;

  @Column({ type: 'text' })
  fromAccount!: CreditAccount;

  @Column({ type: 'uuid', nullable: true })
  fromOrganizationId!: string | null;

  @Column({ type: 'text' })
  toAccount!: CreditAccount;

  @Column({ type: 'uuid', nullable: true })
  toOrganizationId!: string | null;

  @Column({ type: 'bigint', transformer: bigint })
  amount!: number;

  /** The entry this one undoes (a purchase reversal names its purchase). */
  @Column({ type: 'bigint', nullable: true })
  reversesId!: string | null;

  /** Who made it; null for the platform's own movements (a Stripe webhook). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Usage: the metered feature and how many units. */
  @Column({ type: 'text', nullable: true })
  feature!: string | null;

  @Column({ type: 'integer', nullable: true })
  quantity!: number | null;

  /** Usage: when the tenant says it happened (reports); the month charged follows `createdAt`. */
  @Column({ type: 'timestamptz', nullable: true })
  occurredAt!: Date | null;

  /** When the ledger recorded it, from the service's clock. */
  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * An organization's balance, updated in the same transaction as each entry that moves it (rows
 * locked in id order, so concurrent movements between the same organizations never deadlock), and
 * the limits its parent set: `overdraft` (how far usage may take it below zero; 0 = never) and
 * `monthlyLimit` (the most usage may spend per calendar month, UTC; null = no cap).
 */
@Entity('credit_balance')
@Check('credit_balance_overdraft', '"overdraft" >= 0')
export class CreditBalance {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'bigint', default: 0, transformer: bigint })
  balance!: number;

  @Column({ type: 'bigint', default: 0, transformer: bigint })
  overdraft!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigint })
  monthlyLimit!: number | null;

  /** The month (`YYYY-MM`, UTC) `spentInMonth` counts; a debit in a later month starts it again. */
  @Column({ type: 'text', nullable: true })
  spentMonth!: string | null;

  @Column({ type: 'bigint', default: 0, transformer: bigint })
  spentInMonth!: number;

  /** Below this balance the organization's admins get one mail per crossing; null: none. */
  @Column({ type: 'bigint', nullable: true, transformer: bigint })
  lowBalanceThreshold!: number | null;

  /** Set when the mail for the current dip went out; cleared once the balance is back at the threshold. */
  @Column({ type: 'boolean', default: false })
  lowBalanceNotified!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * A key a tenant's CMS reports usage with (`POST /usage`), scoped to one organization. Only the
 * SHA-256 of the key is stored — the key is 32 random bytes, so a plain hash cannot be reversed
 * and the lookup stays one index probe — and the key itself is shown once, when it is made.
 * Rotating is making a new key and revoking the old one.
 */
@Entity('credit_api_key')
export class CreditApiKey {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text', unique: true })
  hash!: string;

  /** The key's first characters, so a person can tell keys apart. */
  @Column({ type: 'text' })
  prefix!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

/** What one unit of a metered feature costs, in credits; superadmins edit it. */
@Entity('credit_price')
@Check('credit_price_positive', '"credits" > 0')
export class CreditPrice {
  @PrimaryColumn({ type: 'text' })
  feature!: string;

  @Column({ type: 'bigint', transformer: bigint })
  credits!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
