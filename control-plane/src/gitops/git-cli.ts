import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { GitCommandError } from './errors.js';

/*
 * The system `git` is used for what it does better than isomorphic-git (push/fetch negotiation,
 * ancestry with commit-graphs, repacking). Always spawned asynchronously: a synchronous spawn would
 * stall every request the process is serving.
 */

export interface GitRunOptions {
  /** Bare repository to run in (`--git-dir`). */
  gitdir?: string;
  cwd?: string;
  /** Extra environment, e.g. `GIT_CONFIG_*` to pass a credential header without argv or URL. */
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (`merge-base --is-ancestor` exits 1 for "no"). @default [0] */
  okCodes?: readonly number[];
  input?: string | Buffer;
  /** Run at the lowest CPU priority (background maintenance must not slow down requests). @default false */
  lowPriority?: boolean;
}

export interface GitRunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables a parent git (e.g. a hook running the tests) sets that would redirect our commands. */
const INHERITED_GIT_VARS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_PREFIX',
];

export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_GIT_VARS) delete env[name];
  // Never wait for a password prompt, and keep messages in English so failures can be classified.
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', LC_ALL: 'C', ...extra };
}

export function runGit(args: readonly string[], options: GitRunOptions = {}): Promise<GitRunResult> {
  const fullArgs = options.gitdir ? [`--git-dir=${options.gitdir}`, ...args] : [...args];
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    const child = spawn('git', fullArgs, {
      cwd: options.cwd,
      env: gitEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (options.lowPriority && child.pid !== undefined) {
      try {
        setPriority(child.pid, 19);
      } catch {
        // Not permitted in some containers; running at normal priority is still correct.
      }
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (code !== null && okCodes.includes(code)) resolve(result);
      else reject(new GitCommandError({ args, exitCode: code, stderr: result.stderr }));
    });
    child.stdin.on('error', () => {}); // the child may exit before reading all input
    child.stdin.end(options.input ?? '');
  });
}
