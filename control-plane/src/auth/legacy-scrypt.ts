import { type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords hashed before argon2id (`scrypt$N$r$p$salt$hash`): they keep verifying until their
 * owner's next successful sign-in re-hashes them, so no account has to reset its password.
 */
export const isScryptHash = (stored: string) => stored.startsWith('scrypt$');

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number) {
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  try {
    const key = await derive(
      password,
      Buffer.from(salt, 'base64url'),
      Number(n),
      Number(r),
      Number(p),
      expected.length,
    );
    return timingSafeEqual(key, expected);
  } catch {
    // Parameters scrypt refuses (a damaged row) verify no password rather than fail the request.
    return false;
  }
}
