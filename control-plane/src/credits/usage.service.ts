import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorize, authorizePlatform } from '../access/authorize.js';
import type { Action } from '../access/permissions.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import { InvalidInputError, NotFoundError, UnauthenticatedError } from '../errors/index.js';
import { createBatcher, type Settled } from './batcher.js';
import { monthOf, post } from './ledger.js';
import { debitBatch, limitReached, type UsageItem } from './usage-debit.js';

export interface UsageServiceDeps {
  dataSource: DataSource;
  clock: () => Date;
  /**
   * Debit statements in flight at once (USAGE_DEBIT_LANES), each holding one of the pool's
   * connections while it runs: two overlap one statement's commit with the next one's work and let
   * a report of another organization pass a running batch. More lanes split a saturated load into
   * smaller batches, and each statement has a fixed cost in PostgreSQL: reports spread over 1,000
   * organizations cost 0.24 ms of PostgreSQL CPU each with one lane, 0.44 with two and 0.65 with
   * four (bench/credits, one loaded machine).
   */
  lanes: number;
  /** The mail outbox: the low-balance mail is stored with the debit that crossed the threshold. */
  mail: {
    enqueue(
      manager: EntityManager,
      mail: { kind: string; to: string; subject: string; text: string },
    ): Promise<void>;
    kick(): Promise<void>;
  };
}

/** What an API key looks like: a fixed prefix (so a JWT is never mistaken for one) and 32 random bytes. */
const KEY_PREFIX = 'lck_';
const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');
const invalidKey = () =>
  new UnauthenticatedError({
    code: 'invalid_api_key',
    message: 'Usage is reported with an API key of the organization',
  });

export interface ApiKeyView {
  id: string;
  prefix: string;
  createdAt: string;
}

export interface UsageRow {
  period: string;
  feature: string;
  quantity: number;
  credits: number;
}

type Target = { actor: Actor; organizationId: string };

export interface UsageAnswer {
  balance: number;
  charged: number;
  replayed: boolean;
}

/** Reports one debit statement takes at most: a burst of 1,000 is ten round trips. */
const MAX_BATCH = 100;
/** Slow-path transactions in flight at once (replays of used keys): see `slowPath`. */
const SLOW_LANES = 2;

interface SlowReport {
  item: UsageItem;
  organizationId: string;
  amount: number;
  at: Date;
}

/**
 * Metered usage: the per-organization API keys a tenant's CMS reports with, the price table, the
 * debit itself and the usage report. A usage debit is a ledger movement to the `usage` account,
 * priced from the table (never from the caller), idempotent per organization and key, allowed into
 * the parent's overdraft and refused past the monthly limit — both checked on the locked balance
 * row, so concurrent reports cannot overshoot either.
 */
export function createUsageService(deps: UsageServiceDeps) {
  const { dataSource, clock } = deps;

  async function target(input: Target, action: Action) {
    const org = await loadVisibleOrganization(dataSource.manager, input.actor, input.organizationId);
    authorize(input.actor, action, org);
    return org;
  }

  /** Mails the organization's admins that usage took its balance below their threshold. */
  async function warnLowBalance(
    tx: EntityManager,
    organizationId: string,
    balance: number,
    threshold: number,
  ) {
    await tx.query(`UPDATE credit_balance SET "lowBalanceNotified" = true WHERE "organizationId" = $1`, [
      organizationId,
    ]);
    const admins: { email: string; name: string }[] = await tx.query(
      `SELECT u.email, o.name FROM membership m JOIN "user" u ON u.id = m."userId" JOIN organization o ON o.id = m."organizationId"
        WHERE m."organizationId" = $1 AND m.role IN ('client_admin', 'agency_admin') AND m."acceptedAt" IS NOT NULL`,
      [organizationId],
    );
    for (const admin of admins)
      await deps.mail.enqueue(tx, {
        kind: 'credits_low_balance',
        to: admin.email,
        subject: `${admin.name}: credits are running low`,
        text: `Usage took the credit balance of ${admin.name} to ${balance}, below the ${threshold} you asked to be told about. Buy credits or ask your agency for more; you will hear again after the balance has been back above ${threshold}.`,
      });
  }

  /**
   * What the batch statement leaves to the ledger's transaction: the debit that crosses the
   * low-balance threshold (the mail is stored with it) and a repeated key (a replay, or a 409).
   */
  async function debitInTransaction(
    item: UsageItem,
    organizationId: string,
    amount: number,
    at: Date,
  ): Promise<UsageAnswer> {
    let warned = false;
    const posted = await dataSource.transaction(async (tx) => {
      // The row first, as the batch statement does: two reports with one key then queue on the
      // row instead of each holding what the other waits for (the key, the row).
      await tx.query(`SELECT 1 FROM credit_balance WHERE "organizationId" = $1 FOR UPDATE`, [organizationId]);
      return post(tx, {
        idempotencyKey: `usage:${organizationId}:${item.idempotencyKey}`,
        kind: 'usage',
        from: { account: 'organization', organizationId },
        to: { account: 'usage' },
        amount,
        feature: item.feature,
        quantity: item.quantity,
        occurredAt: item.occurredAt,
        at,
        floor: 'overdraft',
        check: async ({ from }, tx) => {
          if (from?.monthlyLimit != null && from.spentThisMonth + amount > from.monthlyLimit)
            throw limitReached(from, amount, at);
          // Once per crossing: the flag is set here, with the row locked, and cleared by the
          // ledger when a movement brings the balance back to the threshold.
          const threshold = from?.lowBalanceThreshold ?? null;
          if (from && threshold !== null && !from.lowBalanceNotified && from.balance - amount < threshold) {
            await warnLowBalance(tx, organizationId, from.balance - amount, threshold);
            warned = true;
          }
        },
      });
    });
    if (warned) void deps.mail.kick();
    if (!posted.replayed) return { balance: posted.fromBalance as number, charged: amount, replayed: false };
    const [row]: { balance: number }[] = await dataSource.query(
      `SELECT balance::float8 AS balance FROM credit_balance WHERE "organizationId" = $1`,
      [organizationId],
    );
    return { balance: row?.balance ?? 0, charged: posted.entry.amount, replayed: true };
  }

  /**
   * Where the batch statement's slow reports go (usage-debit.ts `needs_transaction`), each in its
   * own transaction: a key used before (a replay, or a 409) runs outside its batch, at most
   * `SLOW_LANES` at once, so a retry storm neither holds up the batches of other organizations
   * nor takes more than that many of the pool's connections. A low-balance crossing stays in its
   * batch (`crossing`): the organization's reports after it wait for it, so exactly that debit
   * sends the mail.
   */
  const slowPath = createBatcher<SlowReport, UsageAnswer>(
    async ([report]) => {
      const { item, organizationId, amount, at } = report as SlowReport;
      return [
        await debitInTransaction(item, organizationId, amount, at).then(
          (ok) => ({ ok }),
          (error) => ({ error }),
        ),
      ];
    },
    { maxBatch: 1, lanes: SLOW_LANES, groupOf: (report) => report.organizationId },
  );

  /**
   * Reports of any organizations share debit statements: while one runs, the reports that arrive —
   * of one hot organization or of a thousand — share the next one, one round trip and one commit
   * for the batch. Up to `lanes` statements run at once, a key's reports staying in one lane while
   * any is unanswered (batcher.ts): a hot organization keeps its large batches, and a report of
   * another organization takes an idle lane instead of waiting behind them. Statements of
   * different lanes, like those of several replicas, queue on the balance rows in PostgreSQL, each
   * locking its rows in organization id order and checking a row as it finds it, so the books stay
   * exact whichever runs first.
   */
  const batcher = createBatcher<UsageItem, UsageAnswer>(
    async (items) => {
      const at = clock();
      const outcomes = await debitBatch(dataSource, items, at);
      const settled: Settled<UsageAnswer>[] = [];
      for (const [i, outcome] of outcomes.entries()) {
        const item = items[i] as UsageItem;
        if (outcome.kind === 'unknown_key') settled.push({ error: invalidKey() });
        else if (outcome.kind === 'unknown_feature')
          settled.push({
            error: new InvalidInputError({
              code: 'unknown_feature',
              message: `Feature '${item.feature}' has no price`,
              issues: [{ path: 'body.feature', message: 'not in the price table' }],
            }),
          });
        else if (outcome.kind === 'debited')
          settled.push({ ok: { balance: outcome.balance, charged: outcome.amount, replayed: false } });
        else if (outcome.kind === 'refused') settled.push({ error: outcome.error });
        else if (outcome.kind === 'again') settled.push('again');
        else if (!outcome.crossing)
          settled.push({
            later: slowPath.submit({
              item,
              organizationId: outcome.organizationId,
              amount: outcome.amount,
              at,
            }),
          });
        // One after the other, in the batch: rare (once per crossing), and each holds a connection.
        else
          settled.push(
            await debitInTransaction(item, outcome.organizationId, outcome.amount, at).then(
              (ok) => ({ ok }),
              (error) => ({ error }),
            ),
          );
      }
      return settled;
    },
    { maxBatch: MAX_BATCH, lanes: deps.lanes, groupOf: (item) => item.keyHash },
  );

  return {
    async listKeys(input: Target): Promise<{ items: ApiKeyView[] }> {
      const org = await target(input, 'credits.api_keys');
      const rows: { id: string; prefix: string; createdAt: Date }[] = await dataSource.query(
        `SELECT id, prefix, "createdAt" FROM credit_api_key
          WHERE "organizationId" = $1 AND "revokedAt" IS NULL ORDER BY "createdAt" DESC`,
        [org.id],
      );
      return {
        items: rows.map((r) => ({ id: r.id, prefix: r.prefix, createdAt: r.createdAt.toISOString() })),
      };
    },

    /** A new key; the answer is the only time it is shown. */
    async createKey(input: Target): Promise<ApiKeyView & { key: string }> {
      const org = await target(input, 'credits.api_keys');
      const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const id = randomUUID();
      const createdAt = clock();
      const prefix = key.slice(0, KEY_PREFIX.length + 6);
      await dataSource.query(
        `INSERT INTO credit_api_key (id, "organizationId", hash, prefix, "createdBy", "createdAt") VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, org.id, hashOf(key), prefix, input.actor.userId, createdAt],
      );
      return { id, key, prefix, createdAt: createdAt.toISOString() };
    },

    async revokeKey(input: Target & { keyId: string }): Promise<void> {
      const org = await target(input, 'credits.api_keys');
      const [rows] = await dataSource.query(
        `UPDATE credit_api_key SET "revokedAt" = $3
          WHERE id::text = $1 AND "organizationId" = $2 AND "revokedAt" IS NULL RETURNING id`,
        [input.keyId, org.id, clock()],
      );
      if (rows.length === 0)
        throw new NotFoundError({ code: 'api_key_not_found', what: 'API key', id: input.keyId });
    },

    async prices(): Promise<{ items: { feature: string; credits: number }[] }> {
      const items = await dataSource.query(
        `SELECT feature, credits::float8 AS credits FROM credit_price ORDER BY feature`,
      );
      return { items };
    },

    async setPrice(input: { actor: Actor; feature: string; credits: number }) {
      authorizePlatform(input.actor, 'credits.prices');
      await dataSource.query(
        `INSERT INTO credit_price (feature, credits) VALUES ($1, $2)
         ON CONFLICT (feature) DO UPDATE SET credits = $2, "updatedAt" = now()`,
        [input.feature, input.credits],
      );
      return { feature: input.feature, credits: input.credits };
    },

    /**
     * Debits `quantity` units of `feature` at the table's price from the key's organization.
     * The same idempotency key again answers the balance and charges nothing. Reports are debited
     * in batches of one statement each (usage-debit.ts, batcher.ts); an organization that is not
     * approved and live (or below one that is not) is refused there, as `authorize()` refuses writes.
     */
    async record(input: {
      authorization: string | undefined;
      feature: string;
      quantity: number;
      idempotencyKey: string;
      occurredAt?: string | undefined;
    }): Promise<UsageAnswer> {
      const key = /^Bearer (\S+)$/.exec(input.authorization ?? '')?.[1];
      if (!key?.startsWith(KEY_PREFIX)) throw invalidKey();
      const item: UsageItem = {
        keyHash: hashOf(key),
        feature: input.feature,
        quantity: input.quantity,
        idempotencyKey: input.idempotencyKey,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
      };
      return batcher.submit(item);
    },

    /** Usage by feature per day or month (UTC) of when the ledger charged it, within [from, to). */
    async report(
      input: Target & { from?: string | undefined; to?: string | undefined; granularity: 'day' | 'month' },
    ): Promise<{ items: UsageRow[] }> {
      const org = await target(input, 'credits.read');
      const now = clock();
      const from = input.from ? new Date(input.from) : new Date(`${monthOf(now)}-01T00:00:00Z`);
      const to = input.to ? new Date(input.to) : now;
      const items: UsageRow[] = await dataSource.query(
        `SELECT to_char(date_trunc($4, "createdAt" AT TIME ZONE 'UTC'), $5) AS period, feature,
                sum(quantity)::float8 AS quantity, sum(amount)::float8 AS credits
           FROM credit_entry
          WHERE "fromOrganizationId" = $1 AND kind = 'usage' AND "createdAt" >= $2 AND "createdAt" < $3
          GROUP BY 1, 2 ORDER BY 1, 2`,
        [org.id, from, to, input.granularity, input.granularity === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'],
      );
      return { items };
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
