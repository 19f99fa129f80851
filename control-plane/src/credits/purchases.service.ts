import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import type { Action } from '../access/permissions.js';
import { loadVisibleOrganization, type VisibleOrganization } from '../access/visible-organization.js';
import { InvalidInputError, NotFoundError, UnavailableError } from '../errors/index.js';
import type { Payments } from './payments.js';
import type { PurchaseState } from './purchase.entities.js';

export interface PurchaseView {
  id: string;
  organizationId: string;
  packId: string;
  credits: number;
  amount: number;
  currency: string;
  state: PurchaseState;
  reversedCredits: number;
  entryId: string | null;
  createdAt: string;
  /** When its state last changed (paid, expired, failed, refunded). */
  updatedAt: string;
}

export const purchaseColumns = `id::text AS id, "organizationId"::text AS "organizationId", "packId",
  credits::float8 AS credits, amount::float8 AS amount, currency, state,
  "reversedCredits"::float8 AS "reversedCredits", "entryId"::text AS "entryId", "createdAt", "updatedAt"`;

export const purchaseView = (
  row: Omit<PurchaseView, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date },
): PurchaseView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A page's last purchase, as the next page starts after it: `<createdAt ISO>_<id>`. */
const cursorOf = (p: PurchaseView) => Buffer.from(`${p.createdAt}_${p.id}`).toString('base64url');
function afterCursor(cursor: string): [Date, string] | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('_');
  const when = new Date(at ?? '');
  return Number.isNaN(when.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id) ? null : [when, id];
}

type Target = { actor: Actor; organizationId: string };

/**
 * Buying credit packs: a checkout stores our purchase (organization, pack, credits, price, buyer)
 * and then opens a Stripe Checkout Session for exactly that; the webhook (stripe-webhook.ts)
 * credits from the stored row. Without Stripe configured nothing is sold: 503
 * payments_not_configured, never a pretend purchase.
 */
export function createPurchasesService(deps: {
  dataSource: DataSource;
  payments: Payments | null;
  clock: () => Date;
  /** Where the admin is served (known once the server listens); Stripe sends the buyer back there. */
  publicUrl: () => string;
}) {
  const { dataSource, payments, clock } = deps;

  async function target(input: Target, action: Action): Promise<VisibleOrganization> {
    const org = await loadVisibleOrganization(dataSource.manager, input.actor, input.organizationId);
    authorize(input.actor, action, org);
    return org;
  }

  return {
    /** Stores a pending purchase of `packId`, then opens its Checkout Session; the buyer goes to `url`. */
    async checkout(input: Target & { packId: string }) {
      const org = await target(input, 'credits.buy');
      if (!payments)
        throw new UnavailableError({
          code: 'payments_not_configured',
          message: 'Buying credits is not configured on this platform (STRIPE_SECRET_KEY)',
        });
      const [pack]: { credits: number; amount: number; currency: string }[] = await dataSource.query(
        `SELECT credits::float8 AS credits, amount::float8 AS amount, currency FROM credit_pack WHERE id = $1 AND active`,
        [input.packId],
      );
      if (!pack)
        throw new InvalidInputError({
          code: 'unknown_pack',
          message: `Credit pack '${input.packId}' is not on offer`,
          issues: [{ path: 'body.packId', message: 'not an active credit pack' }],
        });
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO credit_purchase (id, "organizationId", "packId", credits, amount, currency, "buyerUserId", "createdAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, org.id, input.packId, pack.credits, pack.amount, pack.currency, input.actor.userId, clock()],
      );
      let session: { id: string; url: string };
      try {
        session = await payments.createCheckoutSession({
          purchaseId: id,
          organizationId: org.id,
          packId: input.packId,
          ...pack,
          customerEmail: input.actor.email,
          returnUrl: `${deps.publicUrl()}/organizations/${org.id}/credits?purchase=${id}`,
        });
      } catch (error) {
        // No session, so nothing can ever pay for this row: it goes, and the buyer may try again.
        await dataSource.query(`DELETE FROM credit_purchase WHERE id = $1 AND "sessionId" IS NULL`, [id]);
        throw error;
      }
      await dataSource.query(
        `UPDATE credit_purchase SET "sessionId" = $2, "updatedAt" = now() WHERE id = $1`,
        [id, session.id],
      );
      return { sessionId: session.id, url: session.url, purchaseId: id };
    },

    /**
     * The organization's purchases, newest first, `limit` after `cursor`. The organization is
     * loaded through the golden rule (invisible → 404) and the list is of its rows only.
     */
    async list(
      input: Target & { cursor?: string | undefined; limit: number },
    ): Promise<{ items: PurchaseView[]; nextCursor: string | null }> {
      const org = await target(input, 'credits.read');
      const after = input.cursor ? afterCursor(input.cursor) : null;
      if (input.cursor && !after)
        throw new InvalidInputError({
          message: 'Invalid cursor',
          issues: [{ path: 'query.cursor', message: 'must be a cursor from a previous page' }],
        });
      const rows = await dataSource.query(
        `SELECT ${purchaseColumns} FROM credit_purchase
          WHERE "organizationId" = $1 AND ($2::timestamptz IS NULL OR ("createdAt", id) < ($2, $3::uuid))
          ORDER BY "createdAt" DESC, id DESC LIMIT $4`,
        [org.id, after?.[0] ?? null, after?.[1] ?? null, input.limit + 1],
      );
      const items: PurchaseView[] = rows.slice(0, input.limit).map(purchaseView);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > input.limit && last ? cursorOf(last) : null };
    },

    /** A purchase of the organization, for the return page to follow until it is credited. */
    async get(input: Target & { purchaseId: string }): Promise<PurchaseView> {
      const org = await target(input, 'credits.read');
      const [row] = await dataSource.query(
        `SELECT ${purchaseColumns} FROM credit_purchase WHERE id::text = $1 AND "organizationId" = $2`,
        [input.purchaseId, org.id],
      );
      if (!row)
        throw new NotFoundError({ code: 'purchase_not_found', what: 'Purchase', id: input.purchaseId });
      return purchaseView(row);
    },
  };
}

export type PurchasesService = ReturnType<typeof createPurchasesService>;
