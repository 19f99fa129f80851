import type { DataSource } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorizePlatform, isSuperadmin } from '../access/authorize.js';

export interface PackView {
  id: string;
  credits: number;
  amount: number;
  currency: string;
  active: boolean;
}

const packColumns = `id, credits::float8 AS credits, amount::float8 AS amount, currency, active`;

/**
 * The credit packs organizations buy through Stripe: superadmins set them, every signed-in person
 * reads the ones on offer — with whether payments are configured at all, so the admin shows
 * "Buy credits" only when checkout can work.
 */
export function createPacksService(deps: { dataSource: DataSource; paymentsConfigured: boolean }) {
  const { dataSource } = deps;
  return {
    async list(input: { actor: Actor }): Promise<{ items: PackView[]; paymentsConfigured: boolean }> {
      // Superadmins edit inactive packs too; buyers see only what they can buy.
      const items: PackView[] = await dataSource.query(
        `SELECT ${packColumns} FROM credit_pack WHERE active OR $1 ORDER BY amount, id`,
        [isSuperadmin(input.actor)],
      );
      return { items, paymentsConfigured: deps.paymentsConfigured };
    },

    /** Creates or replaces a pack; purchases already made keep the credits and price they were bought at. */
    async set(input: {
      actor: Actor;
      packId: string;
      credits: number;
      amount: number;
      currency: string;
      active: boolean;
    }): Promise<PackView> {
      authorizePlatform(input.actor, 'credits.packs');
      const [pack]: PackView[] = await dataSource.query(
        `INSERT INTO credit_pack (id, credits, amount, currency, active) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET credits = $2, amount = $3, currency = $4, active = $5, "updatedAt" = now()
         RETURNING ${packColumns}`,
        [input.packId, input.credits, input.amount, input.currency, input.active],
      );
      if (!pack) throw new Error(`credit pack ${input.packId} was not written`);
      return pack;
    },
  };
}

export type PacksService = ReturnType<typeof createPacksService>;
