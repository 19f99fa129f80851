import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretHeaderMatches, verifyHmacSignature } from './webhook-signature.js';

const key = 'webhook-key';
const body = Buffer.from('{"severity":"info"}');
const sign = (algo: string, data: Buffer = body, k = key) =>
  `${algo}=${createHmac(algo, k).update(data).digest('hex')}`;

describe('verifyHmacSignature', () => {
  it.each(['sha256', 'sha224', 'sha384', 'sha512'])('accepts a correct %s signature', (algo) => {
    expect(verifyHmacSignature(body, sign(algo), key)).toBe(true);
  });

  it('accepts upper-case hex', () => {
    expect(verifyHmacSignature(body, sign('sha256').toUpperCase().replace('SHA256', 'sha256'), key)).toBe(
      true,
    );
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['no algorithm', createHmac('sha256', key).update(body).digest('hex')],
    ['unknown algorithm', sign('md5')],
    ['wrong key', sign('sha256', body, 'other-key')],
    ['other body', sign('sha256', Buffer.from('{"severity":"error"}'))],
    ['truncated', sign('sha256').slice(0, 40)],
    ['not hex', 'sha256=zzzz'],
  ])('refuses a %s signature', (_case, header) => {
    expect(verifyHmacSignature(body, header, key)).toBe(false);
  });

  it('is computed over the raw bytes, so re-serialised JSON does not verify', () => {
    const raw = Buffer.from('{ "severity" : "info" }');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(verifyHmacSignature(reserialised, sign('sha256', raw), key)).toBe(false);
  });
});

describe('secretHeaderMatches', () => {
  it('matches only the exact secret', () => {
    expect(secretHeaderMatches('s3cret-value', 's3cret-value')).toBe(true);
    expect(secretHeaderMatches('s3cret-valuf', 's3cret-value')).toBe(false);
    expect(secretHeaderMatches(undefined, 's3cret-value')).toBe(false);
    expect(secretHeaderMatches('', 's3cret-value')).toBe(false);
  });
});
