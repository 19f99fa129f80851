import { spawn } from 'node:child_process';
import type { Request, Response } from 'express';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors/index.js';
import type { Logger } from '../../logger.js';

/**
 * Serves the bare GitOps repository read-only over git's smart HTTP protocol by
 * running the system `git http-backend` as a CGI, spawned asynchronously per
 * request. Flux's source-controller and `git clone` both speak this protocol;
 * pushing is refused before git ever sees the request.
 */
export function gitHttpBackend(input: { projectRoot: string; repoName: string; logger: Logger }) {
  const { projectRoot, repoName, logger } = input;
  const prefix = `/${repoName}`;

  return (req: Request, res: Response, next: (err?: unknown) => void) => {
    const pathInfo = req.path;
    if (!isRepositoryPath(pathInfo, prefix)) {
      return next(new NotFoundError({ what: 'Repository', id: pathInfo.slice(1) }));
    }
    const queryIndex = req.originalUrl.indexOf('?');
    const query = queryIndex >= 0 ? req.originalUrl.slice(queryIndex + 1) : '';
    // git http-backend reads the query string itself: judge the one it will read, not Express's
    // parse of it, which turns a repeated `service` into an array the check below would not see.
    const services = new URLSearchParams(query).getAll('service');
    if (services.length > 1) {
      return next(new InvalidInputError({ message: 'Name the git service once: ?service=git-upload-pack' }));
    }
    if (pathInfo.endsWith('/git-receive-pack') || services[0] === 'git-receive-pack') {
      return next(
        new ForbiddenError({
          code: 'git_read_only',
          message: 'This repository is read-only: changes reach it only through the control plane',
        }),
      );
    }
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: pathInfo,
        REQUEST_METHOD: req.method,
        QUERY_STRING: query,
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        CONTENT_LENGTH: req.headers['content-length'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: req.socket.remoteAddress ?? '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    req.pipe(child.stdin);
    child.stdin.on('error', () => child.kill());
    res.on('close', () => {
      if (child.exitCode === null) child.kill();
    });
    child.stderr.on('data', (chunk: Buffer) =>
      logger.warn({ message: chunk.toString().trim() }, 'git http-backend'),
    );

    // CGI output: headers, a blank line, then the body streamed through.
    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
        else res.setHeader(name, value);
      }
      res.status(status);
      res.write(head.subarray(end + 4));
    });
    child.on('error', (error) => next(error));
    child.on('close', (code) => {
      if (!headersDone && !res.headersSent) {
        logger.error({ code }, 'git http-backend ended without a response');
        return next(new Error(`git http-backend exited with ${code}`));
      }
      res.end();
    });
  };
}

/**
 * A path inside the served repository that git could be asked for: only the characters git's own
 * smart and dumb HTTP paths use, and no `.`/`..` segment. git http-backend dies on `..` (a 500
 * here) and percent-escapes would let one through undecoded, so anything else is a 404.
 */
function isRepositoryPath(pathInfo: string, prefix: string): boolean {
  if (pathInfo !== prefix && !pathInfo.startsWith(`${prefix}/`)) return false;
  if (!/^[A-Za-z0-9._/-]+$/.test(pathInfo)) return false;
  return pathInfo.split('/').every((segment) => segment !== '.' && segment !== '..');
}
