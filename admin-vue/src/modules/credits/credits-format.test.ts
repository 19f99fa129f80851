import { describe, expect, it } from 'vitest';
import { balanceLevel, formatCredits, parseCredits, periodRange, spentShare } from './credits-format';

describe('how a balance stands', () => {
  it.each([
    { balance: 500, lowBalanceThreshold: null, level: 'ok' },
    { balance: 500, lowBalanceThreshold: 500, level: 'ok' },
    { balance: 499, lowBalanceThreshold: 500, level: 'low' },
    { balance: 0, lowBalanceThreshold: null, level: 'low' },
    { balance: -1, lowBalanceThreshold: null, overdraft: 10, level: 'overdraft' },
    { balance: -10, lowBalanceThreshold: 100, overdraft: 10, level: 'overdraft' },
    { balance: -11, lowBalanceThreshold: null, overdraft: 10, level: 'debt' },
    { balance: -1, lowBalanceThreshold: null, level: 'debt' },
  ] as const)('$balance with threshold $lowBalanceThreshold and overdraft $overdraft is $level', (row) => {
    const { level, balance, lowBalanceThreshold } = row;
    const overdraft = ('overdraft' in row ? row.overdraft : undefined) ?? 0;
    expect(balanceLevel({ balance, lowBalanceThreshold, limit: { monthly: null, overdraft } })).toBe(level);
  });
});

describe("this month's spend against the monthly limit", () => {
  it.each([
    { spentThisMonth: 0, monthly: null, share: null },
    { spentThisMonth: 250, monthly: 1000, share: 25 },
    { spentThisMonth: 1500, monthly: 1000, share: 100 },
    { spentThisMonth: 0, monthly: 0, share: 100 },
    { spentThisMonth: 1, monthly: 3, share: 33 },
  ])('$spentThisMonth of $monthly is $share%', ({ spentThisMonth, monthly, share }) => {
    expect(spentShare({ spentThisMonth, limit: { monthly, overdraft: 0 } })).toBe(share);
  });
});

describe('the ledger period filter, read on an injected clock', () => {
  const now = new Date('2026-03-15T10:30:00Z');
  it.each([
    ['all', {}],
    ['this-month', { from: '2026-03-01T00:00:00.000Z' }],
    ['last-month', { from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }],
    ['last-90-days', { from: '2025-12-15T10:30:00.000Z' }],
  ] as const)('%s', (period, range) => {
    expect(periodRange(period, now)).toEqual(range);
  });

  it('takes January back to the previous December', () => {
    expect(periodRange('last-month', new Date('2027-01-02T00:00:00Z'))).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });
});

describe('a number of credits typed in a field', () => {
  it.each([
    ['250', 1, 250],
    [' 1,000 ', 1, 1000],
    ['0', 1, null],
    ['0', 0, 0],
    ['-5', 0, null],
    ['2.5', 1, null],
    ['ten', 1, null],
    ['', 0, null],
    ['99999999999999', 1, null],
  ] as const)('%j (at least %d) reads as %j', (text, min, value) => {
    expect(parseCredits(text, min)).toBe(value);
  });

  it('is shown with thousands separators', () => {
    expect(formatCredits(1234567)).toBe('1,234,567');
    expect(formatCredits(-40)).toBe('-40');
  });
});
