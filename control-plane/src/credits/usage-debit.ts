import type { DataSource } from 'typeorm';
import { DomainError } from '../errors/index.js';
import { insufficientCredits, type LockedBalance, monthOf } from './ledger.js';

/** One usage report as the debit statement takes it. */
export interface UsageItem {
  feature: string;
  quantity: number;
  /** The client's key; the ledger's is `usage:<organization>:<client key>`. */
  idempotencyKey: string;
  occurredAt: Date | null;
}

export type UsageItemOutcome =
  | { kind: 'unknown_key' }
  | { kind: 'unknown_feature' }
  | { kind: 'debited'; amount: number; balance: number }
  | { kind: 'refused'; error: DomainError }
  /**
   * Moved nothing; the ledger's transaction must decide: a debit that crosses the low-balance
   * threshold (its mail is stored in the same transaction), or a key used before (a replay, or
   * a 409 if it differs).
   */
  | { kind: 'needs_transaction'; organizationId: string; amount: number }
  /** Would fit, but an earlier report of the batch stopped it: it goes into the next batch. */
  | { kind: 'again' };

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

interface Row {
  organizationId: string | null;
  /** null: the organization has no balance row yet — a balance of 0 with no overdraft. */
  locked: (Omit<LockedBalance, 'organizationId'> & { organizationId: string }) | null;
  items: { ord: number; amount: number | null; allowed: boolean; inserted: boolean }[];
}

/**
 * A batch of usage reports made with one API key, as ONE autocommitted statement: the key, the
 * prices, the balance row locked, the entries inserted against their idempotency keys and the
 * balance moved, all in one round trip. The organization's row is locked only while this
 * statement runs, never across the round trips of a transaction, and a burst on one organization
 * shares statements instead of queueing one per report for the pool.
 *
 * Why it stays exact: the row is locked first (`FOR UPDATE` re-reads the newest version after
 * waiting) and the reports are allowed in order while the running sum keeps to the floor, the
 * monthly limit and short of a low-balance crossing — a prefix, since every amount is positive.
 * Only allowed reports are inserted, the balance moves by what was inserted (`ON CONFLICT DO
 * NOTHING` sees committed keys whatever the statement's snapshot, so a retry racing its original
 * moves nothing), and every usage entry of an organization is written with its row locked — here,
 * or in the transaction, which locks the row before posting — so same-key racers queue on the row
 * and never deadlock on the key. The reports after the prefix are judged on the state the batch
 * left: refused (402/429), a crossing for the transaction, or the next batch.
 */
export async function debitBatch(
  dataSource: DataSource,
  keyHash: string,
  items: UsageItem[],
  at: Date,
): Promise<UsageItemOutcome[]> {
  const month = monthOf(at);
  const [row]: Row[] = await dataSource.query(
    `WITH api_key AS (
       SELECT "organizationId" AS org FROM credit_api_key WHERE hash = $1 AND "revokedAt" IS NULL
     ), items AS (
       SELECT i.ord, 'usage:' || k.org || ':' || i.key AS key, i.feature, i.quantity, i.occurred,
              p.credits * i.quantity AS amount
         FROM unnest($2::text[], $3::text[], $4::int[], $5::timestamptz[])
              WITH ORDINALITY AS i(key, feature, quantity, occurred, ord)
        CROSS JOIN api_key k LEFT JOIN credit_price p ON p.feature = i.feature
     ), locked AS (
       SELECT b."organizationId" AS org, b.balance, b.overdraft, b."monthlyLimit",
              CASE WHEN b."spentMonth" = $7 THEN b."spentInMonth" ELSE 0 END AS spent,
              b."lowBalanceThreshold" AS threshold, b."lowBalanceNotified" AS notified
         FROM credit_balance b JOIN api_key ON b."organizationId" = api_key.org
          FOR UPDATE OF b
     ), allowed AS (
       SELECT r.*, l.org FROM (
         SELECT items.*, sum(amount) OVER (ORDER BY ord) AS upto FROM items WHERE amount IS NOT NULL
       ) r CROSS JOIN locked l
        WHERE l.balance - r.upto >= -l.overdraft
          AND (l."monthlyLimit" IS NULL OR l.spent + r.upto <= l."monthlyLimit")
          -- A crossing goes to the transaction (its mail); so does one where the flag and the
          -- balance disagree (the threshold was moved), which the transaction handles as before.
          AND NOT (l.threshold IS NOT NULL AND l.balance - r.upto < l.threshold
                   AND (NOT l.notified OR l.balance >= l.threshold))
     ), entry AS (
       INSERT INTO credit_entry ("idempotencyKey", kind, "fromAccount", "fromOrganizationId", "toAccount",
              amount, feature, quantity, "occurredAt", "createdAt")
       SELECT key, 'usage', 'organization', org, 'usage', amount, feature, quantity, occurred, $6
         FROM allowed ORDER BY ord
       ON CONFLICT ("idempotencyKey") DO NOTHING
       RETURNING "idempotencyKey" AS key, amount
     ), moved AS (
       UPDATE credit_balance b
          SET balance = b.balance - t.total,
              "spentInMonth" = CASE WHEN b."spentMonth" = $7 THEN b."spentInMonth" + t.total ELSE t.total END,
              "spentMonth" = $7,
              "lowBalanceNotified" = CASE WHEN b.balance - t.total >= b."lowBalanceThreshold" THEN false
                                          ELSE b."lowBalanceNotified" END
         FROM (SELECT sum(amount) AS total FROM entry) t, locked l
        WHERE b."organizationId" = l.org AND t.total IS NOT NULL
       RETURNING b.balance
     )
     SELECT k.org::text AS "organizationId",
            (SELECT json_build_object('organizationId', l.org, 'balance', l.balance::float8,
                    'overdraft', l.overdraft::float8, 'monthlyLimit', l."monthlyLimit"::float8,
                    'spentThisMonth', l.spent::float8, 'lowBalanceThreshold', l.threshold::float8,
                    'lowBalanceNotified', l.notified) FROM locked l) AS locked,
            (SELECT coalesce(json_agg(json_build_object('ord', i.ord, 'amount', i.amount::float8,
                    'allowed', a.ord IS NOT NULL, 'inserted', e.key IS NOT NULL) ORDER BY i.ord), '[]')
               FROM items i LEFT JOIN allowed a ON a.ord = i.ord LEFT JOIN entry e ON e.key = i.key) AS items,
            (SELECT count(*) FROM moved) AS moved
       FROM (VALUES (1)) one LEFT JOIN api_key k ON true`,
    [
      keyHash,
      items.map((i) => i.idempotencyKey),
      items.map((i) => i.feature),
      items.map((i) => i.quantity),
      items.map((i) => i.occurredAt),
      at,
      month,
    ],
  );
  if (!row?.organizationId) return items.map(() => ({ kind: 'unknown_key' }));
  const organizationId = row.organizationId;
  const locked = row.locked ?? {
    organizationId,
    balance: 0,
    overdraft: 0,
    monthlyLimit: null,
    spentThisMonth: 0,
    lowBalanceThreshold: null,
    lowBalanceNotified: false,
  };
  // The state the batch left, what every report after the prefix is judged on.
  let balance = locked.balance;
  let spent = locked.spentThisMonth;
  const outcomes: UsageItemOutcome[] = row.items.map((item) => {
    if (item.amount === null) return { kind: 'unknown_feature' };
    if (!item.inserted) return { kind: 'again' };
    balance -= item.amount;
    spent += item.amount;
    return { kind: 'debited', amount: item.amount, balance };
  });
  const after: LockedBalance = { ...locked, balance, spentThisMonth: spent };
  const refusals: number[] = [];
  let crossingSent = false;
  row.items.forEach((item, i) => {
    if (outcomes[i]?.kind !== 'again' || item.amount === null) return;
    const amount = item.amount;
    const slow = { kind: 'needs_transaction', organizationId, amount } as const;
    // Allowed but not inserted: the key was used before.
    if (item.allowed) outcomes[i] = slow;
    else if (balance - amount < -after.overdraft) {
      outcomes[i] = { kind: 'refused', error: insufficientCredits(after, amount) };
      refusals.push(i);
    } else if (after.monthlyLimit !== null && spent + amount > after.monthlyLimit) {
      outcomes[i] = { kind: 'refused', error: limitReached(after, amount, at) };
      refusals.push(i);
    } else if (
      after.lowBalanceThreshold !== null &&
      balance - amount < after.lowBalanceThreshold &&
      (!after.lowBalanceNotified || balance >= after.lowBalanceThreshold) &&
      !crossingSent
    ) {
      // The first crossing goes to the transaction; the reports after it wait for the next batch.
      crossingSent = true;
      outcomes[i] = slow;
    } else if (i === 0) {
      // Never "again" for the first report of a batch: the batcher must always make progress.
      outcomes[i] = slow;
    }
  });
  if (refusals.length > 0) {
    // Refused on the locked values — unless the key was used before: a retry gets its first answer.
    const keys = refusals.map((i) => `usage:${organizationId}:${items[i]?.idempotencyKey}`);
    const used: { key: string }[] = await dataSource.query(
      `SELECT "idempotencyKey" AS key FROM credit_entry WHERE "idempotencyKey" = ANY($1::text[])`,
      [keys],
    );
    const usedKeys = new Set(used.map((u) => u.key));
    refusals.forEach((i, n) => {
      const amount = row.items[i]?.amount as number;
      if (usedKeys.has(keys[n] as string))
        outcomes[i] = { kind: 'needs_transaction', organizationId, amount };
    });
  }
  return outcomes;
}
