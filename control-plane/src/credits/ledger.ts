import type { EntityManager } from 'typeorm';
import { ConflictError, PaymentRequiredError } from '../errors/index.js';
import type { CreditAccount, EntryKind } from './credits.entities.js';

/** One side of a movement: an organization's balance, or one of the platform's accounts. */
export type Side =
  | { account: 'organization'; organizationId: string }
  | { account: Exclude<CreditAccount, 'organization'> };

/** An organization's balance row as a movement locked it. */
export interface LockedBalance {
  organizationId: string;
  balance: number;
  overdraft: number;
  monthlyLimit: number | null;
  /** Usage charged in the current month (0 when the row counts an earlier month). */
  spentThisMonth: number;
  lowBalanceThreshold: number | null;
  lowBalanceNotified: boolean;
}

export interface Transfer {
  /** Unique across the ledger; the caller scopes it (`grant:<target>:<client key>`). */
  idempotencyKey: string;
  kind: EntryKind;
  from: Side;
  to: Side;
  amount: number;
  actorUserId?: string | null;
  reason?: string | null;
  reversesId?: string | null;
  feature?: string | null;
  quantity?: number | null;
  occurredAt?: Date | null;
  /** When it is recorded; also the month usage is charged to. */
  at: Date;
  /**
   * How far below zero the debited organization may go: `zero` (grants, takebacks), `overdraft`
   * (usage: as far as its parent allowed), `unbounded` (a reversal of a purchase whose money went
   * back: the credits are owed whatever was spent meanwhile).
   */
  floor: 'zero' | 'overdraft' | 'unbounded';
  /**
   * Runs with both balance rows locked, before anything moves: a rule that needs the locked state
   * (a takeback's "granted and unspent", usage's monthly limit) throws here and nothing is written.
   */
  check?: (
    locked: { from: LockedBalance | null; to: LockedBalance | null },
    tx: EntityManager,
  ) => Promise<void>;
}

/** An entry as the ledger returns it. */
export interface PostedEntry {
  id: string;
  kind: EntryKind;
  fromAccount: CreditAccount;
  fromOrganizationId: string | null;
  toAccount: CreditAccount;
  toOrganizationId: string | null;
  amount: number;
  reversesId: string | null;
  createdAt: Date;
}

export interface Posted {
  entry: PostedEntry;
  /** True when the key was used before: the first movement is returned and nothing moved now. */
  replayed: boolean;
  /** The debited organization's balance after the movement (null: a platform account, or replayed). */
  fromBalance: number | null;
  toBalance: number | null;
}

const orgOf = (side: Side) => (side.account === 'organization' ? side.organizationId : null);

export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

const entryColumns = `id::text AS id, kind, "fromAccount", "fromOrganizationId", "toAccount", "toOrganizationId",
  amount::float8 AS amount, "reversesId"::text AS "reversesId", "createdAt"`;

/**
 * Posts one movement inside the caller's transaction. The entry is inserted first against the
 * unique idempotency key (`ON CONFLICT DO NOTHING`): a second request with the same key waits for
 * the first one's transaction and then finds its entry, so two racing requests make one movement.
 * Then the organizations' balance rows are locked in id order, the floor and the caller's check
 * are enforced on the locked values, and both balances move. Any refusal throws, and the
 * caller's transaction rolls back the entry with it.
 */
export async function post(tx: EntityManager, t: Transfer): Promise<Posted> {
  const fromOrg = orgOf(t.from);
  const toOrg = orgOf(t.to);
  const inserted: PostedEntry[] = await tx.query(
    `INSERT INTO credit_entry ("idempotencyKey", kind, "fromAccount", "fromOrganizationId", "toAccount",
       "toOrganizationId", amount, "reversesId", "actorUserId", reason, feature, quantity, "occurredAt", "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT ("idempotencyKey") DO NOTHING
     RETURNING ${entryColumns}`,
    [
      t.idempotencyKey,
      t.kind,
      t.from.account,
      fromOrg,
      t.to.account,
      toOrg,
      t.amount,
      t.reversesId ?? null,
      t.actorUserId ?? null,
      t.reason ?? null,
      t.feature ?? null,
      t.quantity ?? null,
      t.occurredAt ?? null,
      t.at,
    ],
  );
  const [entry] = inserted;
  if (!entry) return { entry: await replay(tx, t), replayed: true, fromBalance: null, toBalance: null };

  const locked = await lockBalances(tx, [fromOrg, toOrg], t.at);
  const from = fromOrg ? (locked.get(fromOrg) ?? null) : null;
  const to = toOrg ? (locked.get(toOrg) ?? null) : null;
  if (from) {
    const floor = t.floor === 'unbounded' ? -Infinity : t.floor === 'overdraft' ? -from.overdraft : 0;
    if (from.balance - t.amount < floor) throw insufficientCredits(from, t.amount);
  }
  await t.check?.({ from, to }, tx);

  // Both balances in one statement: the rows stay locked for as few round trips as possible.
  const moves = [
    ...(fromOrg ? [{ org: fromOrg, delta: -t.amount, spent: t.kind === 'usage' ? t.amount : 0 }] : []),
    ...(toOrg ? [{ org: toOrg, delta: t.amount, spent: 0 }] : []),
  ];
  const [rows]: [{ organizationId: string; balance: number }[], number] = moves.length
    ? await tx.query(
        `UPDATE credit_balance b
            SET balance = b.balance + d.delta,
                "spentInMonth" = CASE WHEN d.spent = 0 THEN b."spentInMonth"
                                      WHEN b."spentMonth" = $4 THEN b."spentInMonth" + d.spent ELSE d.spent END,
                "spentMonth" = CASE WHEN d.spent > 0 THEN $4 ELSE b."spentMonth" END,
                -- Back at the threshold: the next dip below it is a new crossing, with its own mail.
                "lowBalanceNotified" = CASE WHEN b.balance + d.delta >= b."lowBalanceThreshold" THEN false
                                            ELSE b."lowBalanceNotified" END
           FROM (SELECT unnest($1::uuid[]) AS org, unnest($2::bigint[]) AS delta, unnest($3::bigint[]) AS spent) d
          WHERE b."organizationId" = d.org
         RETURNING b."organizationId", b.balance::float8 AS balance`,
        [moves.map((m) => m.org), moves.map((m) => m.delta), moves.map((m) => m.spent), monthOf(t.at)],
      )
    : [[], 0];
  const after = new Map(rows.map((r) => [r.organizationId, r.balance]));
  if (after.size !== moves.length)
    throw new Error(`credit balance rows of ${moves.map((m) => m.org)} vanished while locked`);
  return {
    entry,
    replayed: false,
    fromBalance: fromOrg ? (after.get(fromOrg) ?? null) : null,
    toBalance: toOrg ? (after.get(toOrg) ?? null) : null,
  };
}

/** `402 insufficient_credits`: the debited organization's balance and floor do not cover `amount`. */
export function insufficientCredits(
  from: Pick<LockedBalance, 'balance' | 'overdraft' | 'monthlyLimit'>,
  amount: number,
): PaymentRequiredError {
  return new PaymentRequiredError({
    code: 'insufficient_credits',
    message: `The balance (${from.balance}) does not cover ${amount} credits`,
    data: {
      balance: from.balance,
      amount,
      overdraft: from.overdraft,
      limit: { monthly: from.monthlyLimit, overdraft: from.overdraft },
    },
  });
}

/** The first movement made with this key, when it is the same movement; a different one is a 409. */
async function replay(tx: EntityManager, t: Transfer): Promise<PostedEntry> {
  const [first]: PostedEntry[] = await tx.query(
    `SELECT ${entryColumns} FROM credit_entry WHERE "idempotencyKey" = $1`,
    [t.idempotencyKey],
  );
  if (!first) throw new Error(`credit entry ${t.idempotencyKey} conflicted but cannot be read`);
  const same =
    first.kind === t.kind &&
    first.amount === t.amount &&
    first.fromAccount === t.from.account &&
    first.fromOrganizationId === orgOf(t.from) &&
    first.toAccount === t.to.account &&
    first.toOrganizationId === orgOf(t.to);
  if (!same)
    throw new ConflictError({
      code: 'idempotency_key_reused',
      message: 'This idempotency key was used for a different movement',
      data: { entryId: first.id },
    });
  return first;
}

/**
 * Creates the missing balance rows and locks the rows of the given organizations, in id order
 * (two movements between the same two organizations in opposite directions then wait for each
 * other instead of deadlocking).
 */
async function lockBalances(
  tx: EntityManager,
  ids: (string | null)[],
  at: Date,
): Promise<Map<string, LockedBalance>> {
  const orgs = [...new Set(ids.filter((id): id is string => id !== null))].sort();
  if (orgs.length === 0) return new Map();
  const lock = (): Promise<LockedBalance[]> =>
    tx.query(
      `SELECT "organizationId", balance::float8 AS balance, overdraft::float8 AS overdraft,
              "monthlyLimit"::float8 AS "monthlyLimit",
              CASE WHEN "spentMonth" = $2 THEN "spentInMonth" ELSE 0 END::float8 AS "spentThisMonth",
              "lowBalanceThreshold"::float8 AS "lowBalanceThreshold", "lowBalanceNotified"
         FROM credit_balance WHERE "organizationId" = ANY($1::uuid[])
        ORDER BY "organizationId" FOR UPDATE`,
      [orgs, monthOf(at)],
    );
  let rows = await lock();
  if (rows.length < orgs.length) {
    // An organization's first movement: its row is created (racing creators agree), then all are locked.
    await tx.query(
      `INSERT INTO credit_balance ("organizationId") SELECT unnest($1::uuid[]) ORDER BY 1 ON CONFLICT DO NOTHING`,
      [orgs],
    );
    rows = await lock();
  }
  return new Map(rows.map((r) => [r.organizationId, r]));
}

/** An organization whose balance row disagrees with the sum of its entries. */
export interface Mismatch {
  organizationId: string;
  balance: number;
  entries: number;
}

/**
 * The ledger's proof: every organization's balance row equals the sum of its entries (incoming
 * minus outgoing), and an organization with entries has a row. The platform accounts have no row,
 * so the check on the organizations is the whole check: double entry makes the platform's side
 * the negation of theirs.
 */
export async function verify(manager: EntityManager): Promise<Mismatch[]> {
  return manager.query(
    `WITH sums AS (
       SELECT org, sum(delta) AS total FROM (
         SELECT "toOrganizationId" AS org, amount AS delta FROM credit_entry WHERE "toOrganizationId" IS NOT NULL
         UNION ALL
         SELECT "fromOrganizationId", -amount FROM credit_entry WHERE "fromOrganizationId" IS NOT NULL
       ) moves GROUP BY org)
     SELECT coalesce(b."organizationId", s.org) AS "organizationId",
            coalesce(b.balance, 0)::float8 AS balance, coalesce(s.total, 0)::float8 AS entries
       FROM credit_balance b FULL OUTER JOIN sums s ON s.org = b."organizationId"
      WHERE coalesce(b.balance, 0) <> coalesce(s.total, 0)
      ORDER BY 1`,
  );
}

/** What each platform account holds: the negation of what it gave out (issuance and Stripe are negative). */
export async function platformTotals(
  manager: EntityManager,
): Promise<Record<Exclude<CreditAccount, 'organization'>, number>> {
  const rows: { account: CreditAccount; total: number }[] = await manager.query(
    `SELECT account, sum(delta)::float8 AS total FROM (
       SELECT "toAccount" AS account, amount AS delta FROM credit_entry WHERE "toAccount" <> 'organization'
       UNION ALL
       SELECT "fromAccount", -amount FROM credit_entry WHERE "fromAccount" <> 'organization'
     ) moves GROUP BY account`,
  );
  const totals = { issuance: 0, stripe: 0, usage: 0 };
  for (const r of rows) if (r.account !== 'organization') totals[r.account] = r.total;
  return totals;
}
