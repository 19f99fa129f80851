import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config.js';
import { isScryptHash, verifyScrypt } from './legacy-scrypt.js';

/**
 * argon2id's cost: memory in KiB and passes (config PASSWORD_ARGON2_MEMORY_KIB and
 * PASSWORD_ARGON2_TIME_COST). One lane: concurrent sign-ins already spread over the cores.
 */
export interface PasswordCost {
  memoryKiB: number;
  timeCost: number;
}

/** OWASP Password Storage Cheat Sheet's first argon2id setting (m = 19 MiB, t = 2, p = 1). */
export const defaultPasswordCost: PasswordCost = { memoryKiB: 19_456, timeCost: 2 };

export const passwordCost = (
  config: Pick<Config, 'PASSWORD_ARGON2_MEMORY_KIB' | 'PASSWORD_ARGON2_TIME_COST'>,
): PasswordCost => ({
  memoryKiB: config.PASSWORD_ARGON2_MEMORY_KIB,
  timeCost: config.PASSWORD_ARGON2_TIME_COST,
});

/** The password functions, injectable so a test can count the expensive calls. */
export interface PasswordHasher {
  hash(password: string, cost: PasswordCost): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

// Passwords are hashed in their NFKC form, as the scrypt hashes were: the same password typed
// on another keyboard (composed or decomposed accents) still signs in.
const normalized = (password: string) => password.normalize('NFKC');

/**
 * argon2id with a random 16-byte salt, as a PHC string (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`):
 * the parameters travel with the hash so they can be raised later. Runs on libuv's thread pool,
 * not the event loop.
 */
export function hashPassword(password: string, cost: PasswordCost = defaultPasswordCost): Promise<string> {
  return hash(normalized(password), {
    memoryCost: cost.memoryKiB,
    timeCost: cost.timeCost,
    parallelism: 1,
  });
}

/** argon2id PHC strings, and the scrypt ones from before; anything else verifies no password. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (isScryptHash(stored)) return verifyScrypt(password, stored);
  if (!stored.startsWith('$argon2id$')) return false;
  // The library compares the derived key in constant time; a string it cannot parse (a damaged
  // row) verifies nothing rather than failing the request.
  return verify(stored, normalized(password)).catch(() => false);
}

/** True when a stored hash is not argon2id at `cost`: the next successful sign-in re-hashes it. */
export function needsRehash(stored: string, cost: PasswordCost): boolean {
  const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!params) return true;
  return Number(params[1]) !== cost.memoryKiB || Number(params[2]) !== cost.timeCost || params[3] !== '1';
}

/** A strong random password for generated credentials (~143 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
