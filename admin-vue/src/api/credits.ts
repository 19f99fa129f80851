import type { Answer, Body, Http } from './http';
import type { paths } from './schema';

/** Balance, limits and this month's spend of one organization. */
export type CreditSummary = Answer<'/organizations/{id}/credits', 'get'>;
export type LedgerPage = Answer<'/organizations/{id}/credits/ledger', 'get'>;
export type LedgerEntry = LedgerPage['items'][number];
export type EntryKind = LedgerEntry['kind'];
type LedgerQuery = NonNullable<paths['/organizations/{id}/credits/ledger']['get']['parameters']['query']>;
/** The ledger's filters: kind and period (ISO instants); the cursor and page size are the client's. */
export type LedgerFilters = Pick<LedgerQuery, 'kind' | 'from' | 'to'>;
export type MovementInput = Body<'/organizations/{id}/credits/grants', 'post'>;
/** A grant or takeback as the receiving organization sees it, and its summary after it. */
export type Movement = Answer<'/organizations/{id}/credits/grants', 'post'>;
export type LimitInput = Body<'/organizations/{id}/credits/limit', 'put'>;
export type UsageReport = Answer<'/organizations/{id}/credits/usage', 'get'>;
export type UsageRow = UsageReport['items'][number];
export type UsageQuery = NonNullable<
  paths['/organizations/{id}/credits/usage']['get']['parameters']['query']
>;
export type ApiKey = Answer<'/organizations/{id}/api-keys', 'get'>['items'][number];
/** A new key: the secret itself is in this answer only. */
export type NewApiKey = Answer<'/organizations/{id}/api-keys', 'post'>;
export type Price = Answer<'/credits/prices', 'get'>['items'][number];
/** The packs on offer, and whether Stripe is configured at all (no buy button without it). */
export type Packs = Answer<'/credits/packs', 'get'>;
export type Pack = Packs['items'][number];
export type PackInput = Body<'/credits/packs/{packId}', 'put'>;
/** A purchase of a pack: pending until Stripe's webhook credits it. */
export type Purchase = Answer<'/organizations/{id}/credits/purchases/{purchaseId}', 'get'>;
export type PurchasePage = Answer<'/organizations/{id}/credits/purchases', 'get'>;

/** An organization's credits, its CMS's API keys and purchases; the platform's prices and packs. */
export function creditsApi(http: Http) {
  const byId = (id: string) => ({ path: { id } });
  return {
    summary: (id: string) => http.call('get', '/organizations/{id}/credits', byId(id)),
    ledger: (id: string, query: LedgerFilters & { cursor?: string; limit?: number } = {}) =>
      http.call('get', '/organizations/{id}/credits/ledger', { ...byId(id), query }),
    /** Every entry matching the filters as CSV (the server's own export, not a page re-encoded). */
    ledgerCsv: (id: string, filters: LedgerFilters = {}) =>
      http.blob('get', '/organizations/{id}/credits/ledger', {
        ...byId(id),
        query: { ...filters, format: 'csv' },
      }),
    grant: (id: string, input: MovementInput) =>
      http.call('post', '/organizations/{id}/credits/grants', { ...byId(id), body: input }),
    takeBack: (id: string, input: MovementInput) =>
      http.call('post', '/organizations/{id}/credits/takebacks', { ...byId(id), body: input }),
    setLimit: (id: string, input: LimitInput) =>
      http.call('put', '/organizations/{id}/credits/limit', { ...byId(id), body: input }),
    usage: (id: string, query: UsageQuery = {}) =>
      http.call('get', '/organizations/{id}/credits/usage', { ...byId(id), query }),
    async apiKeys(id: string) {
      return (await http.call('get', '/organizations/{id}/api-keys', byId(id))).items;
    },
    createApiKey: (id: string) =>
      http.call('post', '/organizations/{id}/api-keys', { ...byId(id), body: {} }),
    revokeApiKey: (id: string, keyId: string) =>
      http.call('delete', '/organizations/{id}/api-keys/{keyId}', { path: { id, keyId } }),
    async prices() {
      return (await http.call('get', '/credits/prices')).items;
    },
    setPrice: (feature: string, credits: number) =>
      http.call('put', '/credits/prices/{feature}', { path: { feature }, body: { credits } }),
    packs: () => http.call('get', '/credits/packs'),
    setPack: (packId: string, input: PackInput) =>
      http.call('put', '/credits/packs/{packId}', { path: { packId }, body: input }),
    /** Stores the purchase and opens a Stripe Checkout Session: the buyer goes to its `url`. */
    checkout: (id: string, packId: string) =>
      http.call('post', '/organizations/{id}/credits/checkout', { ...byId(id), body: { packId } }),
    /** The organization's purchases, newest first, a page at a time. */
    purchases: (id: string, cursor: string | null) =>
      http.call('get', '/organizations/{id}/credits/purchases', {
        ...byId(id),
        query: { limit: 20, ...(cursor ? { cursor } : {}) },
      }),
    purchase: (id: string, purchaseId: string) =>
      http.call('get', '/organizations/{id}/credits/purchases/{purchaseId}', { path: { id, purchaseId } }),
  };
}
