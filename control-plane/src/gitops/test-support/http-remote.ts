import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gitEnv, runGit } from '../git-cli.js';

/**
 * The platform team's existing GitOps repository, served as `<root>/remotes/gitops.git`: one commit
 * of its own on main (`platform: bootstrap`), so that control planes started on it begin from it.
 */
export async function startPlatformRemote(root: string, token: string): Promise<HttpGitRemote> {
  const work = join(root, 'work');
  await runGit(['init', '-q', '-b', 'main', work]);
  await runGit(
    [
      '-c',
      'user.name=SRE',
      '-c',
      'user.email=sre@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'platform: bootstrap',
    ],
    { cwd: work },
  );
  await mkdir(join(root, 'remotes'));
  return HttpGitRemote.start({
    projectRoot: join(root, 'remotes'),
    repoName: 'gitops.git',
    token,
    source: work,
  });
}

/**
 * A real git smart-HTTP remote on loopback: node's http server running `git http-backend` as a
 * CGI, with a token check in front like a git host. It can be stopped and started again on the
 * same port to play "remote down, then back".
 */
export class HttpGitRemote {
  /** Every Authorization header and URL the remote saw, to check the token never leaks into URLs. */
  readonly requests: { url: string; authorization: string | undefined; ms?: number }[] = [];
  private server: Server | undefined;
  private port = 0;

  private constructor(
    readonly projectRoot: string,
    readonly repoName: string,
    private readonly token: string,
  ) {}

  /** Creates `<projectRoot>/<repoName>` as a bare clone of `source` (or empty) and serves it. */
  static async start(input: { projectRoot: string; repoName: string; token: string; source?: string }) {
    const gitdir = join(input.projectRoot, input.repoName);
    if (input.source) await runGit(['clone', '-q', '--bare', input.source, gitdir]);
    else await runGit(['init', '-q', '--bare', '-b', 'main', gitdir]);
    await runGit(['config', 'http.receivepack', 'true'], { gitdir });
    const remote = new HttpGitRemote(input.projectRoot, input.repoName, input.token);
    await remote.listen();
    return remote;
  }

  get gitdir(): string {
    return join(this.projectRoot, this.repoName);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/${this.repoName}`;
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops accepting connections (clients get "connection refused") until `listen()` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = performance.now();
    const record: (typeof this.requests)[number] = {
      url: req.url ?? '',
      authorization: req.headers.authorization,
    };
    this.requests.push(record);
    res.on('finish', () => {
      record.ms = performance.now() - started;
    });
    const expected = `Basic ${Buffer.from(`x-access-token:${this.token}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('unauthorized');
      return;
    }
    const cgi = spawn('git', ['http-backend'], {
      env: gitEnv({
        GIT_PROJECT_ROOT: this.projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_ADDR: '127.0.0.1',
        REMOTE_USER: 'luster',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      }),
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('utf8').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.statusCode = status;
      res.write(head.subarray(end + 4));
    });
    cgi.on('close', () => res.end());
    cgi.on('error', () => res.destroy());
  }
}
