import { liveTenantStates } from '@luster/contract';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { notLive, type Standing } from '../access/authorize.js';
import { DomainError } from '../errors/index.js';
import { insufficientCredits, type LockedBalance, monthOf } from './ledger.js';

/** One usage report as the debit statement takes it. */
export interface UsageItem {
  /** SHA-256 of the API key it was made with: the key names the organization. */
  keyHash: string;
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
   * a 409 if it differs). `crossing`: the organization's reports after it in the batch wait for it
   * (a crossing, or the first report when the flag and the balance disagree); a used key holds up
   * nothing.
   */
  | { kind: 'needs_transaction'; organizationId: string; amount: number; crossing: boolean }
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

/** One report as the statement judged it, with its organization's locked row (null: none). */
interface Row {
  organizationId: string | null;
  /** The highest organization of its line that is not approved and live: nothing is debited. */
  stopped: Standing | null;
  amount: number | null;
  /** Its ledger key appears earlier in the batch: it waits for the next one. */
  duplicate: boolean;
  allowed: boolean;
  inserted: boolean;
  locked: LockedBalance | null;
}

/**
 * A batch of usage reports of ANY organizations as ONE autocommitted statement: the keys, the
 * organizations' standing, the prices, the balance rows locked, the entries inserted against
 * their idempotency keys and the balances moved, in one round trip and one commit. A row is
 * locked only while this statement runs, never across the round trips of a transaction; reports
 * arriving while it runs share the next statement, so a burst on one organization and reports
 * spread over a thousand each cost one commit per batch, not one per report.
 *
 * Why it stays exact: the rows are locked first, in organization id order as the ledger locks
 * them (two statements, or a statement and a grant, never deadlock), and `FOR UPDATE` re-reads
 * the newest version after waiting. Each organization's reports are allowed in order while the
 * running sum keeps to its floor, its monthly limit and short of a low-balance crossing — a
 * prefix, since every amount is positive. Only allowed reports are inserted, each balance moves
 * by what was inserted for it (`ON CONFLICT DO NOTHING` sees committed keys whatever the
 * statement's snapshot, so a retry racing its original moves nothing), and every usage entry of
 * an organization is written with its row locked — here, or in the transaction, which locks the
 * row before posting — so same-key racers queue on the row and never deadlock on the key. A key
 * twice in one batch (two API keys of one organization) waits for the next batch, where it
 * finds the first. The reports after each prefix are judged on the state the batch left:
 * refused (402/429), a crossing for the transaction, or the next batch.
 *
 * The approval gate is part of the statement (no extra round trip on this hot path): a report
 * whose organization, or any organization above it, is unapproved or stopped moves nothing and
 * is refused as `authorize()` refuses writes — `403 agency_not_approved`, `409 invalid_state`.
 */
export async function debitBatch(
  dataSource: DataSource,
  items: UsageItem[],
  at: Date,
): Promise<UsageItemOutcome[]> {
  const month = monthOf(at);
  // Straight to the pool TypeORM holds (same connections, same bound), as a named statement: each
  // connection parses and plans this statement once instead of once per batch, and the batch skips
  // TypeORM's query runner around it.
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  const { rows } = await pool.query<Row>({
    name: 'usage-debit-batch',
    text: `WITH raw AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])
              WITH ORDINALITY AS i(hash, key, feature, quantity, occurred, ord)
     ), api_key AS (
       SELECT k.hash, k."organizationId" AS org,
              (SELECT json_build_object('id', s.id, 'slug', s.slug, 'kind', s.kind, 'state', t.state)
                 FROM organization s JOIN tenant t ON t."organizationId" = s.id
                WHERE s.id = ANY(string_to_array(trim(BOTH '/' FROM o.path), '/')::uuid[])
                  AND t.state <> ALL($8::text[])
                ORDER BY length(s.path) LIMIT 1) AS stopped
         FROM credit_api_key k JOIN organization o ON o.id = k."organizationId"
        WHERE k.hash IN (SELECT DISTINCT hash FROM raw) AND k."revokedAt" IS NULL
     ), items AS (
       SELECT i.ord, k.org, 'usage:' || k.org || ':' || i.key AS key, i.feature, i.quantity, i.occurred,
              p.credits * i.quantity AS amount,
              row_number() OVER (PARTITION BY k.org, i.key ORDER BY i.ord) > 1 AS duplicate
         FROM raw i JOIN api_key k ON k.hash = i.hash LEFT JOIN credit_price p ON p.feature = i.feature
        WHERE k.stopped IS NULL
     ), locked AS (
       SELECT b."organizationId" AS org, b.balance, b.overdraft, b."monthlyLimit",
              CASE WHEN b."spentMonth" = $7 THEN b."spentInMonth" ELSE 0 END AS spent,
              b."lowBalanceThreshold" AS threshold, b."lowBalanceNotified" AS notified
         FROM credit_balance b WHERE b."organizationId" IN (SELECT org FROM items)
        ORDER BY b."organizationId" FOR UPDATE OF b
     ), allowed AS (
       SELECT r.* FROM (
         SELECT items.*, sum(amount) OVER (PARTITION BY org ORDER BY ord) AS upto
           FROM items WHERE amount IS NOT NULL AND NOT duplicate
       ) r JOIN locked l ON l.org = r.org
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
       RETURNING "idempotencyKey" AS key, "fromOrganizationId" AS org, amount
     ), moved AS (
       UPDATE credit_balance b
          SET balance = b.balance - t.total,
              "spentInMonth" = CASE WHEN b."spentMonth" = $7 THEN b."spentInMonth" + t.total ELSE t.total END,
              "spentMonth" = $7,
              "lowBalanceNotified" = CASE WHEN b.balance - t.total >= b."lowBalanceThreshold" THEN false
                                          ELSE b."lowBalanceNotified" END
         FROM (SELECT org, sum(amount) AS total FROM entry GROUP BY org) t
        WHERE b."organizationId" = t.org
       RETURNING b."organizationId"
     )
     SELECT k.org::text AS "organizationId", k.stopped, i.amount::float8 AS amount,
            coalesce(i.duplicate, false) AS duplicate, a.ord IS NOT NULL AS allowed,
            e.key IS NOT NULL AND NOT coalesce(i.duplicate, false) AS inserted,
            CASE WHEN l.org IS NOT NULL THEN json_build_object('organizationId', l.org,
                 'balance', l.balance::float8, 'overdraft', l.overdraft::float8,
                 'monthlyLimit', l."monthlyLimit"::float8, 'spentThisMonth', l.spent::float8,
                 'lowBalanceThreshold', l.threshold::float8, 'lowBalanceNotified', l.notified) END AS locked
       FROM raw r LEFT JOIN api_key k ON k.hash = r.hash LEFT JOIN items i ON i.ord = r.ord
            LEFT JOIN allowed a ON a.ord = r.ord LEFT JOIN entry e ON e.key = i.key
            LEFT JOIN locked l ON l.org = k.org
      ORDER BY r.ord`,
    values: [
      items.map((i) => i.keyHash),
      items.map((i) => i.idempotencyKey),
      items.map((i) => i.feature),
      items.map((i) => i.quantity),
      items.map((i) => i.occurredAt),
      at,
      month,
      liveTenantStates,
    ],
  });
  const outcomes: UsageItemOutcome[] = rows.map((row) => {
    if (!row.organizationId) return { kind: 'unknown_key' };
    if (row.stopped) return { kind: 'refused', error: notLive(row.stopped, 'usage') };
    if (row.amount === null) return { kind: 'unknown_feature' };
    return { kind: 'again' };
  });
  const byOrganization = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (outcomes[i]?.kind !== 'again' || !row.organizationId) return;
    byOrganization.set(row.organizationId, [...(byOrganization.get(row.organizationId) ?? []), i]);
  });
  const refusals: { i: number; key: string }[] = [];
  for (const [organizationId, indexes] of byOrganization) {
    for (const i of judge(organizationId, indexes, rows, outcomes, at))
      refusals.push({ i, key: `usage:${organizationId}:${items[i]?.idempotencyKey}` });
  }
  if (refusals.length > 0) {
    // Refused on the locked values — unless the key was used before: a retry gets its first answer.
    const used: { key: string }[] = await dataSource.query(
      `SELECT "idempotencyKey" AS key FROM credit_entry WHERE "idempotencyKey" = ANY($1::text[])`,
      [refusals.map((r) => r.key)],
    );
    const usedKeys = new Set(used.map((u) => u.key));
    for (const { i, key } of refusals) {
      const row = rows[i] as Row;
      if (usedKeys.has(key))
        outcomes[i] = {
          kind: 'needs_transaction',
          organizationId: row.organizationId as string,
          amount: row.amount as number,
          crossing: false,
        };
    }
  }
  return outcomes;
}

/**
 * One organization's reports of the batch, in order: the inserted prefix is debited, the rest are
 * judged on the state it left. Fills `outcomes` and returns the indexes refused (402/429).
 */
function judge(
  organizationId: string,
  indexes: number[],
  rows: Row[],
  outcomes: UsageItemOutcome[],
  at: Date,
): number[] {
  const locked: LockedBalance = rows[indexes[0] as number]?.locked ?? {
    organizationId,
    balance: 0,
    overdraft: 0,
    monthlyLimit: null,
    spentThisMonth: 0,
    lowBalanceThreshold: null,
    lowBalanceNotified: false,
  };
  let balance = locked.balance;
  let spent = locked.spentThisMonth;
  for (const i of indexes) {
    const row = rows[i] as Row;
    if (!row.inserted) continue;
    balance -= row.amount as number;
    spent += row.amount as number;
    outcomes[i] = { kind: 'debited', amount: row.amount as number, balance };
  }
  const after: LockedBalance = { ...locked, balance, spentThisMonth: spent };
  const refusals: number[] = [];
  let crossingSent = false;
  indexes.forEach((i, n) => {
    const row = rows[i] as Row;
    if (outcomes[i]?.kind !== 'again' || row.duplicate) return;
    const amount = row.amount as number;
    const slow = { kind: 'needs_transaction', organizationId, amount, crossing: true } as const;
    // Allowed but not inserted: the key was used before.
    if (row.allowed) outcomes[i] = { ...slow, crossing: false };
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
    } else if (n === 0) {
      // Never "again" for an organization's first report of a batch: the batches must make progress.
      outcomes[i] = slow;
    }
  });
  return refusals;
}
