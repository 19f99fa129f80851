import { describe, expect, it } from 'vitest';
import { spanOf, usageSeries } from './usage-series';

describe('the usage chart span, read on an injected clock', () => {
  it('this month by day: from the first of the month (UTC), every day up to today', () => {
    const { query, periods } = spanOf('month-by-day', new Date('2026-02-04T23:59:00Z'));
    expect(query).toEqual({ granularity: 'day', from: '2026-02-01T00:00:00.000Z' });
    expect(periods).toEqual(['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04']);
  });

  it('the last twelve months by month, across a year boundary', () => {
    const { query, periods } = spanOf('year-by-month', new Date('2026-02-04T00:00:00Z'));
    expect(query).toEqual({ granularity: 'month', from: '2025-03-01T00:00:00.000Z' });
    expect(periods).toHaveLength(12);
    expect([periods[0], periods[9], periods[10], periods[11]]).toEqual([
      '2025-03',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('the report as one series per feature', () => {
  it('fills periods without usage with zero, orders features by name and totals the credits', () => {
    const series = usageSeries(
      [
        { period: '2026-02-01', feature: 'seo.audit', quantity: 1, credits: 20 },
        { period: '2026-02-03', feature: 'ai.text', quantity: 3, credits: 6 },
        { period: '2026-02-03', feature: 'seo.audit', quantity: 2, credits: 40 },
        // Outside the periods shown (a late row): not drawn, not counted.
        { period: '2026-01-31', feature: 'ai.text', quantity: 1, credits: 2 },
      ],
      ['2026-02-01', '2026-02-02', '2026-02-03'],
    );
    expect(series).toEqual({
      labels: ['2026-02-01', '2026-02-02', '2026-02-03'],
      datasets: [
        { label: 'ai.text', data: [0, 0, 6] },
        { label: 'seo.audit', data: [20, 0, 40] },
      ],
      total: 66,
    });
  });

  it('has no series when nothing was used', () => {
    expect(usageSeries([], ['2026-02'])).toEqual({ labels: ['2026-02'], datasets: [], total: 0 });
  });
});
