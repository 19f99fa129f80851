import type { UsageQuery, UsageRow } from '../../api/credits';

/** The chart's two spans: this month day by day, or the last twelve months. */
export type UsageSpan = 'month-by-day' | 'year-by-month';
export const spanLabels: Record<UsageSpan, string> = {
  'month-by-day': 'This month, by day',
  'year-by-month': 'Last 12 months, by month',
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What to ask the usage report for, and every period the chart shows (days or months of UTC, as
 * the server groups them: `YYYY-MM-DD` / `YYYY-MM`), so a period without usage is a zero, not a gap.
 */
export function spanOf(span: UsageSpan, now: Date): { query: UsageQuery; periods: string[] } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  if (span === 'month-by-day') {
    const days = Array.from(
      { length: now.getUTCDate() },
      (_, i) => `${year}-${pad(month + 1)}-${pad(i + 1)}`,
    );
    return {
      query: { granularity: 'day', from: new Date(Date.UTC(year, month, 1)).toISOString() },
      periods: days,
    };
  }
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 11 + i, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  });
  return {
    query: { granularity: 'month', from: new Date(Date.UTC(year, month - 11, 1)).toISOString() },
    periods: months,
  };
}

export interface UsageSeries {
  labels: string[];
  /** One per feature (alphabetical): the credits it cost in each period of `labels`. */
  datasets: { label: string; data: number[] }[];
  total: number;
}

/** The report's rows (period × feature) as one series per feature over every period. */
export function usageSeries(rows: readonly UsageRow[], periods: readonly string[]): UsageSeries {
  const index = new Map(periods.map((p, i) => [p, i]));
  const byFeature = new Map<string, number[]>();
  let total = 0;
  for (const row of rows) {
    const at = index.get(row.period);
    if (at === undefined) continue;
    let data = byFeature.get(row.feature);
    if (!data) {
      data = periods.map(() => 0);
      byFeature.set(row.feature, data);
    }
    data[at] = (data[at] ?? 0) + row.credits;
    total += row.credits;
  }
  const datasets = [...byFeature.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, data]) => ({ label, data }));
  return { labels: [...periods], datasets, total };
}
