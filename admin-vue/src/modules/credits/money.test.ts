import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from './money';

describe('prices in a currency’s minor unit', () => {
  it.each([
    [1999, 'usd', '$19.99'],
    [500, 'eur', '€5.00'],
    [1500, 'jpy', '¥1,500'],
  ])('%d %s reads %s', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });

  it.each([
    ['19.99', 'usd', 1999],
    ['19.9', 'usd', 1990],
    ['20', 'usd', 2000],
    ['1,500', 'jpy', 1500],
    ['19.999', 'usd', null],
    ['1.5', 'jpy', null],
    ['0', 'usd', null],
    ['-1', 'usd', null],
    ['', 'usd', null],
  ] as const)('typed %j in %s is %j', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });
});
