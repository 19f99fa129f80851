import { spawn } from 'node:child_process';
import type { Request, Response } from 'express';
import { ForbiddenError, NotFoundError } from '../errors/index.js';
import type { Logger } from '../logger.js';

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
    if (pathInfo !== prefix && !pathInfo.startsWith(`${prefix}/`)) {
      return next(new NotFoundError('Repository', pathInfo.slice(1)));
    }
    const service = typeof req.query.service === 'string' ? req.query.service : '';
    if (pathInfo.endsWith('/git-receive-pack') || service === 'git-receive-pack') {
      return next(
        new ForbiddenError(
          'This repository is read-only: changes reach it only through the control plane',
          'git_read_only',
        ),
      );
    }
    const queryIndex = req.originalUrl.indexOf('?');
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: pathInfo,
        REQUEST_METHOD: req.method,
        QUERY_STRING: queryIndex >= 0 ? req.originalUrl.slice(queryIndex + 1) : '',
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
