import type { CreditSummary, EntryKind, LedgerFilters } from '../../api/credits';

const number = new Intl.NumberFormat('en-US');

/** "12,500" — credits are whole numbers. */
export function formatCredits(amount: number): string {
  return number.format(amount);
}

/**
 * How the balance stands, for its colour and banner: `debt` below what the overdraft allows (only
 * a refund of credits already spent goes there: they are owed, and usage is refused),
 * `overdraft` below zero within the overdraft the parent set, `low` at zero or under the
 * organization's low-balance threshold (usage is about to be refused), `ok` otherwise.
 */
export type BalanceLevel = 'ok' | 'low' | 'overdraft' | 'debt';

export function balanceLevel(
  summary: Pick<CreditSummary, 'balance' | 'lowBalanceThreshold' | 'limit'>,
): BalanceLevel {
  if (summary.balance < -summary.limit.overdraft) return 'debt';
  if (summary.balance < 0) return 'overdraft';
  if (summary.balance === 0) return 'low';
  const threshold = summary.lowBalanceThreshold;
  return threshold !== null && summary.balance < threshold ? 'low' : 'ok';
}

/** The share of the monthly limit spent, 0–100 (a bar); null when there is no monthly limit. */
export function spentShare(summary: Pick<CreditSummary, 'spentThisMonth' | 'limit'>): number | null {
  const monthly = summary.limit.monthly;
  if (monthly === null) return null;
  if (monthly === 0) return 100;
  return Math.min(100, Math.round((summary.spentThisMonth / monthly) * 100));
}

export const kindLabels: Record<EntryKind, string> = {
  issue: 'Issued',
  grant: 'Grant',
  takeback: 'Taken back',
  purchase: 'Purchase',
  purchase_reversal: 'Purchase reversed',
  usage: 'Usage',
};
export const entryKinds = Object.keys(kindLabels) as EntryKind[];

/** The ledger's period filter: calendar months of UTC, as the server counts monthly spend. */
export type Period = 'all' | 'this-month' | 'last-month' | 'last-90-days';
export const periodLabels: Record<Period, string> = {
  all: 'All time',
  'this-month': 'This month',
  'last-month': 'Last month',
  'last-90-days': 'Last 90 days',
};

/** The `from`/`to` instants of a period, seen at `now` (injected: the tests hold the clock). */
export function periodRange(period: Period, now: Date): Pick<LedgerFilters, 'from' | 'to'> {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (period) {
    case 'all':
      return {};
    case 'this-month':
      return { from: new Date(Date.UTC(year, month, 1)).toISOString() };
    case 'last-month':
      return {
        from: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
        to: new Date(Date.UTC(year, month, 1)).toISOString(),
      };
    case 'last-90-days':
      return { from: new Date(now.getTime() - 90 * 24 * 3600 * 1000).toISOString() };
  }
}

/** A whole number of credits typed in a field (at least `min`), or null when it is not one. */
export function parseCredits(text: string, min = 1): number | null {
  const trimmed = text.trim().replaceAll(',', '');
  if (!/^\d{1,13}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min ? value : null;
}
