import type { DataSource, EntityManager } from 'typeorm';
import { UnavailableError } from '../errors/index.js';
import type { BusEvent } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import { post } from './ledger.js';
import type { PaymentEvent, Payments } from './payments.js';
import type { PurchaseState } from './purchase.entities.js';
import { type PurchaseView, purchaseColumns, purchaseView } from './purchases.service.js';

/** What a delivery did; every verified delivery is answered 200 so Stripe stops retrying it. */
export interface WebhookOutcome {
  outcome: 'credited' | 'reversed' | 'failed' | 'expired' | 'unchanged' | 'ignored';
  reason?: string;
  purchaseId?: string;
}

type Locked = PurchaseView & { sessionId: string };

const idOf = (ref: string | { id: string } | null | undefined) =>
  typeof ref === 'string' ? ref : (ref?.id ?? null);

/**
 * `/hooks/stripe`: turns Stripe's verified events into ledger movements of OUR stored purchase.
 * The purchase row is locked first (`FOR UPDATE`), so duplicate deliveries — 10 in a row or 20 at
 * once — queue on it and the later ones find the work done; the ledger's idempotency key
 * (`stripe:<session>`) is the second guard. Amounts come from the row, never from the event:
 * an event only says which session and what happened to it.
 *
 * Reversals (a refund, or a delayed payment failing after all) take the credits back whatever
 * was spent meanwhile: the money went back, so the organization owes them and its balance may go
 * below zero — a debt shown in its ledger as a `purchase_reversal`, which blocks usage until
 * credits arrive again.
 */
export function createStripeWebhook(deps: {
  dataSource: DataSource;
  payments: Payments | null;
  clock: () => Date;
  logger: Logger;
  bus: { publish(event: BusEvent): Promise<void> };
}) {
  const { dataSource, payments, logger } = deps;

  async function lockBy(tx: EntityManager, column: 'sessionId' | 'paymentIntentId', value: string) {
    const [row]: (Omit<Locked, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date })[] =
      await tx.query(
        `SELECT ${purchaseColumns}, "sessionId" FROM credit_purchase WHERE "${column}" = $1 FOR UPDATE`,
        [value],
      );
    return row ? { ...purchaseView(row), sessionId: row.sessionId } : null;
  }

  /** Tells the organization's open admin pages (the return page) what happened, live. */
  async function announce(purchase: PurchaseView, balance: number | null) {
    const [org]: { path: string }[] = await dataSource.query(`SELECT path FROM organization WHERE id = $1`, [
      purchase.organizationId,
    ]);
    if (!org) return;
    await deps.bus.publish({
      type: 'credits.purchase',
      organizationId: purchase.organizationId,
      organizationPath: org.path,
      data: { purchase, balance },
    });
  }

  /**
   * Runs `change` on the locked purchase found by `column`; an unknown one (a session another
   * system opened on the same Stripe account) is acknowledged and ignored.
   */
  async function onPurchase(
    event: PaymentEvent,
    column: 'sessionId' | 'paymentIntentId',
    value: string | null,
    change: (
      tx: EntityManager,
      purchase: Locked,
    ) => Promise<{ outcome: WebhookOutcome['outcome']; balance: number | null }>,
  ): Promise<WebhookOutcome> {
    const log = logger.child({ stripeEvent: event.id, type: event.type, [column]: value });
    if (!value) {
      log.warn('Stripe event names no session or payment: ignored');
      return { outcome: 'ignored', reason: `no ${column}` };
    }
    const result = await dataSource.transaction(async (tx) => {
      const purchase = await lockBy(tx, column, value);
      if (!purchase) return null;
      const done = await change(tx, purchase);
      const [after] = await tx.query(`SELECT ${purchaseColumns} FROM credit_purchase WHERE id = $1`, [
        purchase.id,
      ]);
      return { ...done, purchase: purchaseView(after) };
    });
    if (!result) {
      log.warn('Stripe event for a purchase we did not make: ignored');
      return { outcome: 'ignored', reason: 'unknown purchase' };
    }
    log.info({ purchaseId: result.purchase.id, outcome: result.outcome }, 'Stripe event applied');
    if (result.outcome !== 'unchanged') await announce(result.purchase, result.balance);
    return { outcome: result.outcome, purchaseId: result.purchase.id };
  }

  /** Credits the stored purchase once; the ledger key makes a racing second credit impossible too. */
  const credit = (paymentIntentId: string | null) => async (tx: EntityManager, purchase: Locked) => {
    if (purchase.state !== 'pending') return { outcome: 'unchanged' as const, balance: null };
    const posted = await post(tx, {
      idempotencyKey: `stripe:${purchase.sessionId}`,
      kind: 'purchase',
      from: { account: 'stripe' },
      to: { account: 'organization', organizationId: purchase.organizationId },
      amount: purchase.credits,
      reason: `Bought pack ${purchase.packId} (${purchase.amount} ${purchase.currency})`,
      at: deps.clock(),
      floor: 'zero',
    });
    await tx.query(
      `UPDATE credit_purchase SET state = 'paid', "entryId" = $2, "paymentIntentId" = coalesce($3, "paymentIntentId"), "updatedAt" = now()
          WHERE id = $1`,
      [purchase.id, posted.entry.id, paymentIntentId],
    );
    return { outcome: 'credited' as const, balance: posted.toBalance };
  };

  /** Takes back credits of a credited purchase until `target` of them are reversed in all. */
  async function reverseTo(tx: EntityManager, purchase: Locked, target: number, state: PurchaseState) {
    const amount = target - purchase.reversedCredits;
    let balance: number | null = null;
    if (amount > 0 && purchase.entryId) {
      const posted = await post(tx, {
        idempotencyKey: `stripe:${purchase.sessionId}:reversed:${target}`,
        kind: 'purchase_reversal',
        from: { account: 'organization', organizationId: purchase.organizationId },
        to: { account: 'stripe' },
        amount,
        reversesId: purchase.entryId,
        reason: state === 'failed' ? 'The delayed payment failed' : 'Refunded through Stripe',
        at: deps.clock(),
        floor: 'unbounded',
      });
      balance = posted.fromBalance;
    }
    await tx.query(
      `UPDATE credit_purchase SET state = $2, "reversedCredits" = greatest("reversedCredits", $3), "updatedAt" = now() WHERE id = $1`,
      [purchase.id, state, target],
    );
    return balance;
  }

  return {
    async handle(rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
      if (!payments)
        throw new UnavailableError({
          code: 'payments_not_configured',
          message: 'Stripe is not configured on this platform (STRIPE_WEBHOOK_SECRET)',
        });
      const event = payments.verifyEvent(rawBody, signature, deps.clock());
      switch (event.type) {
        case 'checkout.session.completed':
        case 'checkout.session.async_payment_succeeded': {
          const session = event.data.object;
          // Bank debits and vouchers complete unpaid and settle later (async_payment_succeeded).
          if (session.payment_status !== 'paid') {
            logger.info({ stripeEvent: event.id, session: session.id }, 'checkout completed unpaid: waiting');
            return { outcome: 'ignored', reason: `payment_status ${session.payment_status}` };
          }
          return onPurchase(event, 'sessionId', session.id, credit(idOf(session.payment_intent)));
        }
        case 'checkout.session.async_payment_failed':
          return onPurchase(event, 'sessionId', event.data.object.id, async (tx, purchase) => {
            if (purchase.state === 'failed') return { outcome: 'unchanged', balance: null };
            const balance = await reverseTo(tx, purchase, purchase.entryId ? purchase.credits : 0, 'failed');
            return { outcome: 'failed', balance };
          });
        case 'checkout.session.expired':
          // The buyer abandoned the checkout (Stripe expires an open session after 24 hours at
          // most): the purchase can no longer be paid. Only an open one expires; a paid or failed
          // purchase keeps its state, and nothing is ever credited here.
          return onPurchase(event, 'sessionId', event.data.object.id, async (tx, purchase) => {
            if (purchase.state !== 'pending') return { outcome: 'unchanged', balance: null };
            await tx.query(
              `UPDATE credit_purchase SET state = 'expired', "updatedAt" = now() WHERE id = $1`,
              [purchase.id],
            );
            return { outcome: 'expired', balance: null };
          });
        case 'charge.refunded': {
          const charge = event.data.object;
          return onPurchase(event, 'paymentIntentId', idOf(charge.payment_intent), async (tx, purchase) => {
            if (purchase.state !== 'paid') return { outcome: 'unchanged', balance: null };
            // Stripe's cumulative refund of this charge, as a share of the credits bought.
            const target =
              charge.refunded || charge.amount_refunded >= charge.amount
                ? purchase.credits
                : Math.floor((purchase.credits * charge.amount_refunded) / charge.amount);
            if (target <= purchase.reversedCredits) return { outcome: 'unchanged', balance: null };
            const state = target === purchase.credits ? 'refunded' : 'paid';
            return { outcome: 'reversed', balance: await reverseTo(tx, purchase, target, state) };
          });
        }
        default:
          logger.info({ stripeEvent: event.id, type: event.type }, 'Stripe event type not handled: ignored');
          return { outcome: 'ignored', reason: `event ${event.type}` };
      }
    },
  };
}

export type StripeWebhook = ReturnType<typeof createStripeWebhook>;
