import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

const params = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

/** The password functions, injectable so a test can count the expensive calls. */
export interface PasswordHasher {
  hash(password: string, log2Cost: number): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number) {
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/**
 * scrypt with a random salt; the parameters travel with the hash so they can be raised later.
 * `log2Cost` is log2(N) (config PASSWORD_SCRYPT_LOG2_COST); @default 15
 */
export async function hashPassword(password: string, log2Cost = Math.log2(params.N)): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** log2Cost;
  const key = await derive(password, salt, N, params.r, params.p, params.keyLength);
  return ['scrypt', N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

/** A strong random password for generated credentials (~143 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
