import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../config.js';
import { UnauthenticatedError } from '../../errors/index.js';

/** The credential `/git` asks for, and where it came from (what start-up prints). */
export interface GitReadToken {
  token: string;
  /** `config`: GITOPS_READ_TOKEN(_FILE); `generated`: made on this start; `file`: kept from an earlier one. */
  source: 'config' | 'generated' | 'file';
  /** The file in the data directory holding a generated token. */
  file: string;
}

/**
 * GITOPS_READ_TOKEN, or a random token generated on first start and kept 0600 in the data
 * directory (`git-read-token`), so restarts keep what Flux and Argo CD were given.
 */
export function loadGitReadToken(config: Pick<Config, 'GITOPS_READ_TOKEN' | 'dataDir'>): GitReadToken {
  const file = path.join(config.dataDir, 'git-read-token');
  if (config.GITOPS_READ_TOKEN) return { token: config.GITOPS_READ_TOKEN, source: 'config', file };
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), source: 'file', file };
  mkdirSync(config.dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { token, source: 'generated', file };
}

/** Realm git and browsers show when asking for the credential. */
const CHALLENGE = 'Basic realm="luster-gitops"';

/**
 * The repository holds every tenant, each agency's client list and the audit trailers: nobody reads
 * it without the token. It comes as HTTP basic auth, any username and the token as password — what
 * Flux's GitRepository `secretRef` (`username`/`password`) and Argo CD's repository secrets send.
 * Checked before `git http-backend` is spawned, comparing digests so the time taken says nothing
 * about how much of the token matched.
 */
export function requireGitReadToken(token: string) {
  const expected = digest(token);
  return (req: Request, res: Response, next: NextFunction) => {
    const presented = basicPassword(req.headers.authorization);
    if (presented !== null && timingSafeEqual(digest(presented), expected)) return next();
    res.setHeader('WWW-Authenticate', CHALLENGE);
    next(
      presented === null
        ? new UnauthenticatedError({
            code: 'git_auth_required',
            message: 'The GitOps repository needs its read token as the password of HTTP basic auth',
          })
        : new UnauthenticatedError({
            code: 'git_auth_invalid',
            message: 'The GitOps repository read token is wrong',
          }),
    );
  };
}

/** The password of `Authorization: Basic base64(user:password)`, or null when there is none. */
function basicPassword(header: string | undefined): string | null {
  const match = /^Basic[ \t]+([A-Za-z0-9+/=_-]+)[ \t]*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
