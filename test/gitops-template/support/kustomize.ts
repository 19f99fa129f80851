import { spawn } from 'node:child_process';
import { requireTool } from '../../support/require-tool.js';
import { type K8sObject, parseObjects } from './objects.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell and collects its output; never rejects on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** `kubectl kustomize <dir>` as text; rejects with kubectl's message when the build fails. */
export async function kustomizeText(dir: string): Promise<string> {
  const result = await run(requireTool('kubectl'), ['kustomize', dir]);
  if (result.code !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** `kubectl kustomize <dir>`, parsed into objects. */
export async function kustomize(dir: string): Promise<K8sObject[]> {
  return parseObjects(await kustomizeText(dir), dir);
}

/** Builds several folders at once (kubectl runs in parallel), keyed by folder. */
export async function kustomizeAll(dirs: string[]): Promise<Map<string, K8sObject[]>> {
  const built = await Promise.all(dirs.map(async (dir) => [dir, await kustomize(dir)] as const));
  return new Map(built);
}
