import {
  createHash,
  createSecretKey,
  type KeyObject,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import type { Config } from '../config.js';
import { UnauthenticatedError } from '../errors/index.js';

const ALGORITHM = 'HS256' as const;
const ISSUER = 'luster';
const AUDIENCE = 'luster-api';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessClaims {
  /** The user id. */
  sub: string;
  /** Distinct roles the user holds (informational: every request re-reads memberships). */
  roles: string[];
  /** The user's primary organization (the first membership). */
  org: string | null;
  email_verified: boolean;
}

/**
 * JWT_SECRET, or a random key generated once and kept in the data directory (single-machine
 * default; replicas must share JWT_SECRET).
 */
export function loadJwtSecret(config: Pick<Config, 'JWT_SECRET' | 'dataDir'>): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

export function signAccessToken(secret: string, claims: AccessClaims, ttlSeconds: number): string {
  const { sub, ...rest } = claims;
  return jwt.sign(rest, secret, {
    algorithm: ALGORITHM,
    subject: sub,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: ttlSeconds,
    jwtid: randomUUID(),
  });
}

/**
 * The key `verifyAccessToken` checks signatures with, made once: given the secret as a string,
 * jsonwebtoken first tries it as a PEM public key and builds the secret key only after that throws,
 * on every request — about a millisecond of each authenticated request (bench/api, GET /organizations).
 */
export function accessTokenKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret));
}

/** Verifies signature (HS256 only: `none` and RS/HS confusion are refused), expiry, issuer, audience. */
export function verifyAccessToken(key: KeyObject, token: string): AccessClaims {
  try {
    const payload = jwt.verify(token, key, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    // A subject that is not a user id would reach the uuid column and fail there as a 500.
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || !UUID.test(payload.sub)) {
      throw new Error('no user id as subject');
    }
    return {
      sub: payload.sub,
      roles: Array.isArray(payload.roles) ? payload.roles : [],
      org: typeof payload.org === 'string' ? payload.org : null,
      email_verified: payload.email_verified === true,
    };
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) {
      throw new UnauthenticatedError({ code: 'token_expired', message: 'The access token has expired' });
    }
    throw new UnauthenticatedError({ code: 'invalid_token', message: 'The access token is invalid' });
  }
}

/** An opaque single-use secret `<id>.<secret>`; only sha256(secret) is stored. */
export function newOpaqueToken(): { id: string; token: string; hash: string } {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${id}.${secret}`, hash: sha256(secret) };
}

export function parseOpaqueToken(token: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1] as string, secret: match[2] as string } : null;
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
