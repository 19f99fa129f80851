import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPasswordCost, hashPassword, needsRehash, verifyPassword } from './password.js';

const cheap = { memoryKiB: 1024, timeCost: 1 };

/** A hash as the control plane stored it before argon2id (scrypt, here at a cheap N). */
function scryptHash(password: string, N = 1024): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N, r: 8, p: 1 });
  return ['scrypt', N, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashing', () => {
  it("hashes with argon2id at OWASP's cost by default, as a PHC string with a fresh salt", async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(needsRehash(first, defaultPasswordCost)).toBe(false);
  });

  it('hashes at the configured cost and verifies the NFKC form of the password', async () => {
    const stored = await hashPassword('caf\u00e9-password', cheap);
    expect(stored.startsWith('$argon2id$v=19$m=1024,t=1,p=1$')).toBe(true);
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true);
  });

  it('still verifies scrypt hashes from before argon2id, and asks for them to be re-hashed', async () => {
    const stored = scryptHash('an-old-password');
    expect(await verifyPassword('an-old-password', stored)).toBe(true);
    expect(await verifyPassword('an-old-passwore', stored)).toBe(false);
    expect(needsRehash(stored, cheap)).toBe(true);
  });

  it('asks to re-hash an argon2id hash made at another cost', async () => {
    const stored = await hashPassword('a-password-123', { memoryKiB: 2048, timeCost: 1 });
    expect(needsRehash(stored, cheap)).toBe(true);
    expect(needsRehash(stored, { memoryKiB: 2048, timeCost: 1 })).toBe(false);
    expect(needsRehash(stored, { memoryKiB: 2048, timeCost: 2 })).toBe(true);
  });

  it('verifies no password against a damaged or foreign hash, without throwing', async () => {
    const stored = await hashPassword('a-password-123', cheap);
    const parts = stored.split('$');
    const key = parts.pop() ?? '';
    const prefix = parts.join('$');
    // The same length of key with one character changed: only the comparison can refuse it.
    const flipped = `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`;
    for (const bad of [
      `${prefix}$${flipped}`,
      `${prefix}$${key.slice(0, 20)}`,
      '$argon2id$v=19$garbage',
      '!invited',
      '',
      'scrypt$1024$8$1$$',
      'scrypt$3$8$1$AAAA$AAAA',
    ]) {
      expect(await verifyPassword('a-password-123', bad)).toBe(false);
    }
  });
});
