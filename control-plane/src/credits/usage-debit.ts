import type { DataSource } from 'typeorm';
import { DomainError } from '../errors/index.js';
import { insufficientCredits, type LockedBalance, monthOf } from './ledger.js';

/** What the usage debit's single statement was asked. */
export interface UsageDebit {
  /** SHA-256 of the API key the report came with. */
  keyHash: string;
  feature: string;
  quantity: number;
  /** The client's key; the ledger's is `usage:<organization>:<client key>`. */
  idempotencyKey: string;
  occurredAt: Date | null;
  at: Date;
}

export type UsageDebitOutcome =
  | { kind: 'unknown_key' }
  | { kind: 'unknown_feature'; organizationId: string }
  | { kind: 'debited'; organizationId: string; amount: number; balance: number }
  /**
   * The statement moved nothing and the ledger's transaction must decide: the organization's first
   * movement (no balance row yet), a debit that crosses the low-balance threshold (its mail is
   * stored in the same transaction), or a key used before (a replay, or a 409 if it differs).
   */
  | { kind: 'needs_transaction'; organizationId: string; amount: number };

/** `429 limit_reached`, with `Retry-After` (seconds until the next UTC month of `at`, when the count starts again). */
export function limitReached(locked: LockedBalance, amount: number, at: Date): DomainError {
  const nextMonth = Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
  return new DomainError({
    code: 'limit_reached',
    category: 'rate_limited',
    message: `This month's usage (${locked.spentThisMonth}) plus ${amount} would exceed the limit of ${locked.monthlyLimit}`,
    data: {
      balance: locked.balance,
      amount,
      spentThisMonth: locked.spentThisMonth,
      limit: { monthly: locked.monthlyLimit, overdraft: locked.overdraft },
      retryAfterSeconds: Math.max(1, Math.ceil((nextMonth - at.getTime()) / 1000)),
    },
  });
}

interface Row extends Omit<LockedBalance, 'organizationId'> {
  organizationId: string | null;
  amount: number | null;
  locked: boolean;
  after: number | null;
}

/**
 * The usage debit as ONE autocommitted statement: the key, the price, the balance row locked,
 * the entry inserted against its idempotency key and the balance moved, all in one round trip.
 * The organization's row lock is held only while this statement runs, never across round trips
 * of a transaction — the pool is no longer held by requests queueing on one hot row.
 *
 * Why it stays exact: the row is locked first (`FOR UPDATE`, which re-reads the newest version
 * after waiting), every check is made on those locked values, and the entry is inserted only if
 * they pass; the balance moves only if the entry was inserted (`ON CONFLICT DO NOTHING` sees
 * committed keys whatever the statement's snapshot, so a retry racing its original moves nothing).
 * Every usage entry of an organization is written with its row locked — here, or in the
 * transaction, which locks the row before posting — so same-key racers queue on the row and
 * never deadlock on the key.
 */
export async function debitInOneStatement(dataSource: DataSource, d: UsageDebit): Promise<UsageDebitOutcome> {
  const month = monthOf(d.at);
  const [row]: Row[] = await dataSource.query(
    `WITH api_key AS (
       SELECT "organizationId" AS org FROM credit_api_key WHERE hash = $1 AND "revokedAt" IS NULL
     ), price AS (
       SELECT credits * $3::bigint AS amount FROM credit_price WHERE feature = $2
     ), locked AS (
       SELECT b."organizationId" AS org, b.balance, b.overdraft, b."monthlyLimit",
              CASE WHEN b."spentMonth" = $6 THEN b."spentInMonth" ELSE 0 END AS spent,
              b."lowBalanceThreshold" AS threshold, b."lowBalanceNotified" AS notified, price.amount
         FROM credit_balance b JOIN api_key ON b."organizationId" = api_key.org CROSS JOIN price
          FOR UPDATE OF b
     ), allowed AS (
       SELECT org, amount FROM locked
        WHERE balance - amount >= -overdraft
          AND ("monthlyLimit" IS NULL OR spent + amount <= "monthlyLimit")
          AND NOT (threshold IS NOT NULL AND NOT notified AND balance - amount < threshold)
     ), entry AS (
       INSERT INTO credit_entry ("idempotencyKey", kind, "fromAccount", "fromOrganizationId", "toAccount",
              amount, feature, quantity, "occurredAt", "createdAt")
       SELECT 'usage:' || org || ':' || $4, 'usage', 'organization', org, 'usage', amount, $2, $3, $7, $5
         FROM allowed
       ON CONFLICT ("idempotencyKey") DO NOTHING
       RETURNING "fromOrganizationId" AS org, amount
     ), moved AS (
       UPDATE credit_balance b
          SET balance = b.balance - e.amount,
              "spentInMonth" = CASE WHEN b."spentMonth" = $6 THEN b."spentInMonth" + e.amount ELSE e.amount END,
              "spentMonth" = $6,
              "lowBalanceNotified" = CASE WHEN b.balance - e.amount >= b."lowBalanceThreshold" THEN false
                                          ELSE b."lowBalanceNotified" END
         FROM entry e
        WHERE b."organizationId" = e.org
       RETURNING b.balance
     )
     SELECT k.org::text AS "organizationId", p.amount::float8 AS amount, l.org IS NOT NULL AS locked,
            l.balance::float8 AS balance, l.overdraft::float8 AS overdraft,
            l."monthlyLimit"::float8 AS "monthlyLimit", l.spent::float8 AS "spentThisMonth",
            l.threshold::float8 AS "lowBalanceThreshold", l.notified AS "lowBalanceNotified",
            (SELECT balance::float8 FROM moved) AS after
       FROM (VALUES (1)) one LEFT JOIN api_key k ON true LEFT JOIN price p ON true LEFT JOIN locked l ON true`,
    [d.keyHash, d.feature, d.quantity, d.idempotencyKey, d.at, month, d.occurredAt],
  );
  if (!row?.organizationId) return { kind: 'unknown_key' };
  const organizationId = row.organizationId;
  if (row.amount === null) return { kind: 'unknown_feature', organizationId };
  const amount = row.amount;
  if (row.after !== null) return { kind: 'debited', organizationId, amount, balance: row.after };
  if (!row.locked) return { kind: 'needs_transaction', organizationId, amount };
  const locked: LockedBalance = { ...row, organizationId };
  const tooPoor = locked.balance - amount < -locked.overdraft;
  const overLimit = locked.monthlyLimit !== null && locked.spentThisMonth + amount > locked.monthlyLimit;
  if (!tooPoor && !overLimit) return { kind: 'needs_transaction', organizationId, amount };
  // Refused on the locked values — unless the key was used before: a retry gets its first answer.
  const [used] = await dataSource.query(`SELECT 1 FROM credit_entry WHERE "idempotencyKey" = $1`, [
    `usage:${organizationId}:${d.idempotencyKey}`,
  ]);
  if (used) return { kind: 'needs_transaction', organizationId, amount };
  // The order of the transaction's checks: the floor, then the monthly limit.
  throw tooPoor ? insufficientCredits(locked, amount) : limitReached(locked, amount, d.at);
}
