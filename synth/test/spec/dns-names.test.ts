import { describe, expect, it } from 'vitest';
import { hostnameProblem } from '../../src/spec/dns-names.js';

describe('hostnameProblem', () => {
  it.each(['shop.acme.com', 'a.b', 'xn--bcher-kva.example', `${'a'.repeat(63)}.com`])(
    'accepts %s',
    (host) => {
      expect(hostnameProblem(host)).toBeNull();
    },
  );

  it.each([
    ['*.acme.com', /wildcard/],
    ['Shop.acme.com', /lowercase/],
    ['localhost', /fully qualified/],
    ['shop..acme.com', /not a valid DNS label/],
    ['-shop.acme.com', /not a valid DNS label/],
    ['shop_1.acme.com', /not a valid DNS label/],
    [`${'a'.repeat(64)}.com`, /longer than 63/],
    [`${'abcdefghi.'.repeat(26)}com`, /at most 253/],
    ['192.168.0.1', /not an IP address/],
  ])('rejects %s', (host, reason) => {
    expect(hostnameProblem(host)).toMatch(reason);
  });
});
