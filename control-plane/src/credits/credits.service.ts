import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access.js';
import { actingOrganization, authorize, isSuperadmin } from '../access/authorize.js';
import type { Action } from '../access/permissions.js';
import { loadVisibleOrganization, type VisibleOrganization } from '../access/visible-organization.js';
import { ConflictError } from '../errors/index.js';
import { monthOf, type Posted, post, type Side } from './ledger.js';
import { type LedgerEntryView, type LedgerFilter, ledgerCsv, readLedger } from './ledger-view.js';

export interface CreditsServiceDeps {
  dataSource: DataSource;
  /** When entries are recorded, and so which month usage counts towards. */
  clock: () => Date;
}

/** An organization's credits at a glance (`GET …/credits`). */
export interface CreditSummary {
  organizationId: string;
  balance: number;
  limit: { monthly: number | null; overdraft: number };
  spentThisMonth: number;
  lowBalanceThreshold: number | null;
}

export interface Movement {
  entry: LedgerEntryView;
  replayed: boolean;
  summary: CreditSummary;
}

type Target = { actor: Actor; organizationId: string };
type MovementRequest = Target & { amount: number; idempotencyKey: string; reason?: string | undefined };

/** Rows the CSV export reads per query; it pages until the filter is exhausted. */
const CSV_PAGE = 500;

/**
 * Credits of organizations: balances, grants down the tree, takebacks, limits and the ledger. Every
 * call loads the organization through the golden rule (invisible → 404) and the permission table;
 * a grant's source is the organization the actor's allowing role is held in (a superadmin's is
 * the platform's issuance account), and `credits.grant` reaches only strictly below it — so credits
 * can only move down: never to a parent, a sibling or the granter itself.
 */
export function createCreditsService(deps: CreditsServiceDeps) {
  const { dataSource, clock } = deps;

  async function target(input: Target, action: Action): Promise<VisibleOrganization> {
    const org = await loadVisibleOrganization(dataSource.manager, input.actor, input.organizationId);
    authorize(input.actor, action, org);
    return org;
  }

  /** Where the actor's credits come from and go back to: issuance for the platform, else its organization. */
  function sourceOf(actor: Actor, action: Action, org: VisibleOrganization): Side {
    if (isSuperadmin(actor)) return { account: 'issuance' };
    return { account: 'organization', organizationId: actingOrganization(actor, action, org) };
  }

  async function summaryOf(manager: EntityManager, organizationId: string): Promise<CreditSummary> {
    const [row]: {
      balance: number;
      overdraft: number;
      monthly: number | null;
      spent: number;
      low: number | null;
    }[] = await manager.query(
      `SELECT balance::float8 AS balance, overdraft::float8 AS overdraft, "monthlyLimit"::float8 AS monthly,
              CASE WHEN "spentMonth" = $2 THEN "spentInMonth" ELSE 0 END::float8 AS spent,
              "lowBalanceThreshold"::float8 AS low
         FROM credit_balance WHERE "organizationId" = $1`,
      [organizationId, monthOf(clock())],
    );
    return {
      organizationId,
      balance: row?.balance ?? 0,
      limit: { monthly: row?.monthly ?? null, overdraft: row?.overdraft ?? 0 },
      spentThisMonth: row?.spent ?? 0,
      lowBalanceThreshold: row?.low ?? null,
    };
  }

  async function answer(actor: Actor, organizationId: string, posted: Posted): Promise<Movement> {
    const { items } = await readLedger(dataSource.manager, actor, organizationId, {
      id: posted.entry.id,
      limit: 1,
    });
    const [entry] = items;
    if (!entry) throw new Error(`credit entry ${posted.entry.id} is not in the ledger of ${organizationId}`);
    return { entry, replayed: posted.replayed, summary: await summaryOf(dataSource.manager, organizationId) };
  }

  /** Credits granted (or issued) by `source` to `organizationId`, less what was taken back: what may still be taken back. */
  async function outstanding(tx: EntityManager, source: Side, organizationId: string): Promise<number> {
    const sourceOrg = source.account === 'organization' ? source.organizationId : null;
    const [row]: { total: number }[] = await tx.query(
      `SELECT coalesce(sum(CASE WHEN "toOrganizationId" = $3 THEN amount ELSE -amount END), 0)::float8 AS total
         FROM credit_entry
        WHERE kind IN ('issue', 'grant', 'takeback')
          AND (("fromAccount" = $1 AND "fromOrganizationId" IS NOT DISTINCT FROM $2 AND "toOrganizationId" = $3)
            OR ("fromOrganizationId" = $3 AND "toAccount" = $1 AND "toOrganizationId" IS NOT DISTINCT FROM $2))`,
      [source.account, sourceOrg, organizationId],
    );
    return row?.total ?? 0;
  }

  return {
    async summary(input: Target): Promise<CreditSummary> {
      const org = await target(input, 'credits.read');
      return summaryOf(dataSource.manager, org.id);
    },

    async ledger(input: Target & LedgerFilter) {
      const { actor, organizationId, ...filter } = input;
      const org = await target(input, 'credits.read');
      return readLedger(dataSource.manager, actor, org.id, filter);
    },

    /** Every entry matching the filter (the cursor and limit aside), as CSV. */
    async ledgerCsv(input: Target & Omit<LedgerFilter, 'cursor' | 'limit'>): Promise<string> {
      const { actor, organizationId, ...filter } = input;
      const org = await target(input, 'credits.read');
      const items: LedgerEntryView[] = [];
      let cursor: string | undefined;
      do {
        const page = await readLedger(dataSource.manager, actor, org.id, {
          ...filter,
          cursor,
          limit: CSV_PAGE,
        });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ledgerCsv(items);
    },

    /** Moves credits from the actor's organization (superadmin: issuance) down to `organizationId`. */
    async grant(input: MovementRequest): Promise<Movement> {
      const org = await target(input, 'credits.grant');
      const from = sourceOf(input.actor, 'credits.grant', org);
      const posted = await dataSource.transaction((tx) =>
        post(tx, {
          idempotencyKey: `grant:${org.id}:${input.idempotencyKey}`,
          kind: from.account === 'issuance' ? 'issue' : 'grant',
          from,
          to: { account: 'organization', organizationId: org.id },
          amount: input.amount,
          actorUserId: input.actor.userId,
          reason: input.reason ?? null,
          at: clock(),
          floor: 'zero',
        }),
      );
      return answer(input.actor, org.id, posted);
    },

    /**
     * Returns credits the actor's organization granted to `organizationId` and it has not spent:
     * never more than was granted by this source (less earlier takebacks), never below zero.
     */
    async takeBack(input: MovementRequest): Promise<Movement> {
      const org = await target(input, 'credits.take_back');
      const to = sourceOf(input.actor, 'credits.take_back', org);
      const posted = await dataSource.transaction((tx) =>
        post(tx, {
          idempotencyKey: `takeback:${org.id}:${input.idempotencyKey}`,
          kind: 'takeback',
          from: { account: 'organization', organizationId: org.id },
          to,
          amount: input.amount,
          actorUserId: input.actor.userId,
          reason: input.reason ?? null,
          at: clock(),
          floor: 'zero',
          // With the client's row locked no grant to it can land meanwhile; the sum already
          // counts this takeback, so it must not go below zero.
          check: async (_locked, inner) => {
            const left = await outstanding(inner, to, org.id);
            if (left < 0)
              throw new ConflictError({
                code: 'takeback_exceeds_granted',
                message: `Only ${left + input.amount} credits granted by you are left to take back`,
                data: { granted: left + input.amount, amount: input.amount },
              });
          },
        }),
      );
      return answer(input.actor, org.id, posted);
    },

    /** Sets a client's monthly spend cap (null: none) and overdraft (0: never below zero); replaces both. */
    async setLimit(
      input: Target & {
        monthly?: number | null | undefined;
        overdraft?: number | undefined;
        lowBalanceThreshold?: number | null | undefined;
      },
    ): Promise<CreditSummary> {
      const org = await target(input, 'credits.limit');
      await dataSource.query(
        `INSERT INTO credit_balance ("organizationId", "monthlyLimit", overdraft, "lowBalanceThreshold") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("organizationId") DO UPDATE
           SET "monthlyLimit" = $2, overdraft = $3, "lowBalanceThreshold" = $4, "updatedAt" = now()`,
        [org.id, input.monthly ?? null, input.overdraft ?? 0, input.lowBalanceThreshold ?? null],
      );
      return summaryOf(dataSource.manager, org.id);
    },
  };
}

export type CreditsService = ReturnType<typeof createCreditsService>;
