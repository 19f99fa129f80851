import type { EntityManager } from 'typeorm';
import { type Actor, isVisible, visibleOrganizations } from '../access/access.js';
import { type CreditAccount, type EntryKind, reversalKinds } from './credits.entities.js';

/** One entry as an organization's ledger shows it: in or out of its balance, and with whom. */
export interface LedgerEntryView {
  id: string;
  kind: EntryKind;
  reversal: boolean;
  direction: 'in' | 'out';
  amount: number;
  counterparty: { account: CreditAccount; organizationId: string | null; name: string | null };
  reason: string | null;
  feature: string | null;
  quantity: number | null;
  reversesId: string | null;
  occurredAt: string | null;
  createdAt: string;
}

export interface LedgerFilter {
  /** One entry by id (the answer to a movement). */
  id?: string | undefined;
  kind?: EntryKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

interface Row {
  id: string;
  kind: EntryKind;
  fromAccount: CreditAccount;
  fromOrganizationId: string | null;
  toAccount: CreditAccount;
  amount: number;
  reason: string | null;
  feature: string | null;
  quantity: number | null;
  reversesId: string | null;
  occurredAt: Date | null;
  createdAt: Date;
  otherId: string | null;
  otherPath: string | null;
  otherName: string | null;
}

/**
 * The entries that moved `organizationId`'s balance, newest first, `limit` of them after `cursor`
 * (an entry id). The other side is named only when the actor may see it: a client sees a grant
 * "from an organization above yours", never its agency's id (the golden rule).
 */
export async function readLedger(
  manager: EntityManager,
  actor: Actor,
  organizationId: string,
  filter: LedgerFilter,
): Promise<{ items: LedgerEntryView[]; nextCursor: string | null }> {
  const params: unknown[] = [organizationId];
  const where = [`(e."fromOrganizationId" = $1 OR e."toOrganizationId" = $1)`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.id) add('e.id = ?', filter.id);
  if (filter.kind) add('e.kind = ?', filter.kind);
  if (filter.from) add('e."createdAt" >= ?', new Date(filter.from));
  if (filter.to) add('e."createdAt" < ?', new Date(filter.to));
  if (filter.cursor) add('e.id < ?', filter.cursor);
  params.push(filter.limit + 1);
  const rows: Row[] = await manager.query(
    `SELECT e.id::text AS id, e.kind, e."fromAccount", e."fromOrganizationId", e."toAccount",
            e.amount::float8 AS amount, e.reason, e.feature, e.quantity, e."reversesId"::text AS "reversesId",
            e."occurredAt", e."createdAt", o.id AS "otherId", o.path AS "otherPath", o.name AS "otherName"
       FROM credit_entry e
       LEFT JOIN organization o
         ON o.id = CASE WHEN e."toOrganizationId" = $1 THEN e."fromOrganizationId" ELSE e."toOrganizationId" END
      WHERE ${where.join(' AND ')}
      ORDER BY e.id DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, filter.limit);
  const visibility = visibleOrganizations(actor);
  const items = page.map((row): LedgerEntryView => {
    const out = row.fromOrganizationId === organizationId;
    const shown =
      row.otherId !== null &&
      row.otherPath !== null &&
      isVisible(visibility, { id: row.otherId, path: row.otherPath });
    return {
      id: row.id,
      kind: row.kind,
      reversal: reversalKinds.has(row.kind),
      direction: out ? 'out' : 'in',
      amount: row.amount,
      counterparty: {
        account: out ? row.toAccount : row.fromAccount,
        organizationId: shown ? row.otherId : null,
        name: shown ? row.otherName : null,
      },
      reason: row.reason,
      feature: row.feature,
      quantity: row.quantity,
      reversesId: row.reversesId,
      occurredAt: row.occurredAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? last.id : null };
}

const csvColumns = [
  'id',
  'createdAt',
  'kind',
  'reversal',
  'direction',
  'amount',
  'counterpartyAccount',
  'counterpartyOrganizationId',
  'counterpartyName',
  'reason',
  'feature',
  'quantity',
  'reversesId',
  'occurredAt',
] as const;

/** A cell as RFC 4180 wants it, and never a formula a spreadsheet would run (`=`, `+`, `-`, `@`). */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The entries as CSV, header first: what the ledger's `format=csv` answers. */
export function ledgerCsv(items: readonly LedgerEntryView[]): string {
  const lines = items.map((e) =>
    [
      e.id,
      e.createdAt,
      e.kind,
      e.reversal,
      e.direction,
      e.amount,
      e.counterparty.account,
      e.counterparty.organizationId,
      e.counterparty.name,
      e.reason,
      e.feature,
      e.quantity,
      e.reversesId,
      e.occurredAt,
    ]
      .map(cell)
      .join(','),
  );
  return `${[csvColumns.join(','), ...lines].join('\r\n')}\r\n`;
}
